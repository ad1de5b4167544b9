/**
 * Pictures at the size they are shown: a photo of 4000×3000 pixels shows at most 1152×488
 * on a slide, twice that on the slide images, so the HTML, the PDFs and the PowerPoint
 * embed a copy that fits that box rather than every pixel the camera took (three
 * phone photos made each PDF 5 MB). The copy keeps the picture's format and is turned
 * upright: it carries no EXIF orientation for a viewer to apply again.
 */
import { imageSize } from 'image-size';
import type { Sharp } from 'sharp';
import { type ImageType, imageType } from './check.js';

export interface Box {
  width: number;
  height: number;
}

/** Formats resized in their own format; others (SVG, GIF, AVIF) go in as they are. */
const ENCODERS: Partial<Record<ImageType, (image: Sharp) => Sharp>> = {
  jpg: (image) => image.jpeg({ quality: 85, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9 }),
  webp: (image) => image.webp({ quality: 85 }),
};

/**
 * A copy of the picture `bytes` that fits `box`, or undefined when the picture already
 * does (or is no format resized here, or an animation, or cannot be read: it then goes in
 * as it is). sharp loads only for a picture to resize.
 */
export async function fittedPicture(bytes: Buffer, box: Box): Promise<Buffer | undefined> {
  const type = imageType(bytes);
  const encode = type && ENCODERS[type];
  if (!encode) return undefined;
  const { width = 0, height = 0, orientation = 1 } = imageSize(bytes);
  // Upright, a photo taken sideways (EXIF orientations 5 to 8 turn it a quarter) is tall.
  const [uprightWidth, uprightHeight] = orientation >= 5 ? [height, width] : [width, height];
  if (uprightWidth <= box.width && uprightHeight <= box.height) return undefined;
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { autoOrient: true });
    if (((await image.metadata()).pages ?? 1) > 1) return undefined;
    return await encode(image.resize({ ...box, fit: 'inside' })).toBuffer();
  } catch {
    return undefined;
  }
}
