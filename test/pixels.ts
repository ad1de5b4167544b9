/**
 * PNG images as RGBA pixels, decoded by sharp (libvips): about a third of the
 * CPU time pngjs takes, which the image tests spent decoding slides.
 */
import sharp from 'sharp';

export interface Pixels {
  width: number;
  height: number;
  /** Four bytes a pixel, red, green, blue and alpha, row by row. */
  data: Buffer;
}

/** A PNG (its bytes, or its file) as RGBA pixels: gray and opaque images too. */
export async function decodePng(png: Buffer | string): Promise<Pixels> {
  const { data, info } = await sharp(png)
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}
