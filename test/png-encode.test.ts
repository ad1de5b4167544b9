/** The PNG writer of slide images and the split of pages between mutool processes (pure, no browser). */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../src/export/png-encode.js';
import { imageSize, pageRanges } from '../src/export/rasterize.js';

describe('encodePng', () => {
  it('writes a PNG that pngjs reads back as the same pixels, for odd sizes too', async () => {
    for (const [width, height] of [
      [1, 1],
      [37, 23],
      [2560, 4],
    ] as const) {
      const rgb = Buffer.alloc(width * height * 3);
      for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 7919 + (i >> 5)) % 256;
      const image = PNG.sync.read(await encodePng(rgb, width, height));
      expect([image.width, image.height]).toEqual([width, height]);
      const back = Buffer.alloc(rgb.length);
      for (let p = 0; p < width * height; p++) {
        back.set(image.data.subarray(p * 4, p * 4 + 3), p * 3);
        expect(image.data[p * 4 + 3]).toBe(255);
      }
      expect(back.equals(rgb)).toBe(true);
    }
  });

  it('refuses pixels that are not width × height × 3 bytes', async () => {
    await expect(encodePng(Buffer.alloc(10), 2, 2)).rejects.toThrow('10 bytes are not 2×2 RGB pixels');
  });
});

describe('pageRanges', () => {
  it('splits the pages into consecutive ranges, as even as they can be, none empty', () => {
    expect(pageRanges(34, 2)).toEqual([
      [1, 17],
      [18, 34],
    ]);
    expect(pageRanges(7, 3)).toEqual([
      [1, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(pageRanges(1, 2)).toEqual([[1, 1]]);
  });

  it('sizes images by the scale: 2560×1440 at 2, 1280×720 at 1', () => {
    expect(imageSize(2)).toEqual({ width: 2560, height: 1440 });
    expect(imageSize(1)).toEqual({ width: 1280, height: 720 });
  });
});
