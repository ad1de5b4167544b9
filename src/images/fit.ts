/**
 * Pictures at the size they are shown: a photo of 4000×3000 pixels shows at most 1152×430
 * on a slide, twice that on the slide images, so the HTML, the PDFs and the PowerPoint
 * embed a copy that fits that box rather than every pixel the camera took (three
 * phone photos made each PDF 5 MB). The copy keeps the picture's format and is turned
 * upright: it carries no EXIF orientation for a viewer to apply again.
 */
import type { Sharp } from 'sharp';

export interface Box {
  width: number;
  height: number;
}

/** Formats resized in their own format; others (SVG, animated GIF) go in as they are. */
const ENCODERS: Record<string, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 85, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
  webp: (image) => image.webp({ quality: 85 }),
};

/**
 * A copy of the picture in `file` that fits `box`, or undefined when the picture already
 * does (or is no format resized here, or cannot be read: it then goes in as it is).
 */
export async function fittedPicture(file: string, box: Box): Promise<Buffer | undefined> {
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(file, { autoOrient: true });
    // Upright (`autoOrient`'s size), a photo taken sideways is tall: the box bounds it turned.
    const { format, pages, autoOrient: upright } = await image.metadata();
    const encode = ENCODERS[format];
    if (!encode || (pages ?? 1) > 1) return undefined;
    if (upright.width <= box.width && upright.height <= box.height) return undefined;
    return await encode(image.resize({ ...box, fit: 'inside' })).toBuffer();
  } catch {
    return undefined;
  }
}
