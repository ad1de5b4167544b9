/**
 * Images as data: what a file holds (by its bytes, whatever its name says),
 * and whether it is whole and of a size that can be shown. Pure.
 */
import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import { readSvg } from './svg.js';

export type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'svg';

/** The file extension and media type of each image type. */
export const IMAGE_TYPES: Record<ImageType, { ext: string; mime: string }> = {
  png: { ext: '.png', mime: 'image/png' },
  jpg: { ext: '.jpg', mime: 'image/jpeg' },
  gif: { ext: '.gif', mime: 'image/gif' },
  webp: { ext: '.webp', mime: 'image/webp' },
  avif: { ext: '.avif', mime: 'image/avif' },
  svg: { ext: '.svg', mime: 'image/svg+xml' },
};

/**
 * Larger pictures (an outline's images, a theme's pictures and fonts) are refused before reading:
 * the HTML carries each inside it.
 */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/**
 * A picture whose long side is more times its short side than this shows as
 * less than a pixel's line (and its PowerPoint fallback, at most 4096 px
 * long, would be under one pixel wide).
 */
export const MAX_ASPECT = 4096;

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');

/** The type of image browsers show that `bytes` start like, if any. */
export function imageType(bytes: Uint8Array): ImageType | undefined {
  const head = Buffer.from(bytes.subarray(0, 512));
  const text = head.toString('latin1');
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex'))) return 'jpg';
  if (text.startsWith('GIF8')) return 'gif';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'webp';
  if (/^....ftypavi[fs]/s.test(text)) return 'avif';
  // An XML declaration, comments and a doctype (with an internal subset) may come before the root.
  if (
    /^(\uFEFF|\xEF\xBB\xBF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg(\s[^[>]*)?(\[[\s\S]*?\])?\s*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(
      text,
    )
  ) {
    return 'svg';
  }
  return undefined;
}

/**
 * What is wrong with an image of `type`, as the rest of a sentence that
 * starts with its name ('is a truncated PNG …'), or undefined when it is whole
 * and of a size that can be shown.
 */
export function imageProblem(bytes: Buffer, type: ImageType): string | undefined {
  if (type === 'svg') {
    const { problem, width, height } = readSvg(new TextDecoder().decode(bytes));
    if (problem) return `is not well-formed SVG: ${problem.message} (line ${problem.line}, column ${problem.col})`;
    return sizeProblem(width, height);
  }
  const broken = structureProblem(bytes, type);
  if (broken) return broken;
  try {
    const { width, height } = imageSize(bytes);
    return sizeProblem(width, height);
  } catch {
    // image-size does not know every AVIF's boxes: such a picture is placed as a square.
    return type === 'avif' ? undefined : `is a damaged ${type.toUpperCase()}: its size cannot be read`;
  }
}

/**
 * A raster picture's size upright, in pixels (a photo taken sideways, EXIF orientations 5 to 8,
 * is tall); undefined for an SVG, which scales, and for a size that cannot be read.
 */
export function rasterPixels(bytes: Buffer, type: ImageType): { width: number; height: number } | undefined {
  if (type === 'svg') return undefined;
  try {
    const { width, height, orientation = 1 } = imageSize(bytes);
    if (!width || !height) return undefined;
    return orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined;
  }
}

/** A size that cannot be shown: no area, or so thin that it shows as less than a pixel's line. */
function sizeProblem(width: number | undefined, height: number | undefined): string | undefined {
  if (width === undefined || height === undefined) return undefined;
  if (!(width > 0 && height > 0)) return `is ${width}×${height}: an image needs a width and a height`;
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT) {
    return `is ${width}×${height}: too thin to show (its long side is more than ${MAX_ASPECT} times its short side)`;
  }
  return undefined;
}

/** Whether a raster file is whole: every PNG chunk there and intact, a JPEG's or GIF's end marker, the RIFF size. */
function structureProblem(bytes: Buffer, type: ImageType): string | undefined {
  switch (type) {
    case 'png':
      return pngProblem(bytes);
    case 'jpg':
      // The end-of-image marker; some cameras write data after it.
      return bytes.lastIndexOf(Buffer.from('ffd9', 'hex')) < 2
        ? 'is a truncated JPEG: it has no end marker'
        : undefined;
    case 'gif':
      return bytes.subarray(13).lastIndexOf(0x3b) < 0 ? 'is a truncated GIF: it has no end marker' : undefined;
    case 'webp':
      return bytes.length < 8 + bytes.readUInt32LE(4) ? 'is a truncated WebP: it is shorter than it says' : undefined;
    default:
      return undefined;
  }
}

/** A PNG is chunks (length, type, data, CRC) up to IEND. */
function pngProblem(bytes: Buffer): string | undefined {
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > bytes.length) break;
    const chunk = bytes.subarray(at + 4, at + 8 + length);
    if (crc32(chunk) !== bytes.readUInt32BE(at + 8 + length)) {
      return `is a damaged PNG: its ${chunk.subarray(0, 4).toString('latin1')} chunk does not match its checksum`;
    }
    if (chunk.subarray(0, 4).toString('latin1') === 'IEND') return undefined;
    at = end;
  }
  return 'is a truncated PNG: it ends before its last chunk';
}
