/**
 * A photo's EXIF orientation: a camera held sideways stores its pixels sideways and says in the
 * JPEG how to turn them upright. Browsers turn the picture (the slides, the PDFs); PowerPoint and
 * LibreOffice show the pixels as stored. So the PowerPoint turns the picture's frame itself, and
 * embeds a copy whose orientation says "as stored", so that no viewer turns it twice. Pure.
 */

/** How to show stored pixels upright: flipped first, then turned clockwise. */
export interface Turn {
  rotate: 0 | 90 | 180 | 270;
  flipH: boolean;
}

/** EXIF's eight orientations (1: as stored). */
const TURNS: Record<number, Turn> = {
  1: { rotate: 0, flipH: false },
  2: { rotate: 0, flipH: true },
  3: { rotate: 180, flipH: false },
  4: { rotate: 180, flipH: true },
  5: { rotate: 270, flipH: true },
  6: { rotate: 90, flipH: false },
  7: { rotate: 90, flipH: true },
  8: { rotate: 270, flipH: false },
};

/** The turn an EXIF orientation asks for (none for a missing or unknown one). */
export function turnOf(orientation: number | undefined): Turn {
  return TURNS[orientation ?? 1] ?? { rotate: 0, flipH: false };
}

/** Where a JPEG's orientation value is, and its byte order; undefined when it has none. */
function orientationAt(jpeg: Buffer): { at: number; little: boolean } | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  let at = 2;
  // Markers up to the image data, each with its length; EXIF lives in APP1.
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(at + 2);
    if (jpeg[at + 1] === 0xe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      const tiff = at + 10;
      const little = jpeg.toString('latin1', tiff, tiff + 2) === 'II';
      const u16 = (offset: number) => (little ? jpeg.readUInt16LE(offset) : jpeg.readUInt16BE(offset));
      const u32 = (offset: number) => (little ? jpeg.readUInt32LE(offset) : jpeg.readUInt32BE(offset));
      // A length or an offset that points past the segment (a damaged EXIF block) finds nothing.
      const end = Math.min(at + 2 + length, jpeg.length);
      if (tiff + 8 > end) return undefined;
      const ifd = tiff + u32(tiff + 4);
      if (ifd + 2 > end) return undefined;
      for (let entry = ifd + 2, n = u16(ifd); n > 0 && entry + 12 <= end; n--, entry += 12) {
        if (u16(entry) === 0x0112) return { at: entry + 8, little };
      }
      return undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

/** The JPEG with its orientation set to "as stored" (a copy), or itself when it names none. */
export function asStored(jpeg: Buffer): Buffer {
  const found = orientationAt(jpeg);
  if (!found) return jpeg;
  const copy = Buffer.from(jpeg);
  if (found.little) copy.writeUInt16LE(1, found.at);
  else copy.writeUInt16BE(1, found.at);
  return copy;
}
