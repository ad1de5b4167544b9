/** The PNG writer of slide images and the split of pages between mutool processes (pure, no browser). */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PngRows } from '../src/export/png-encode.js';
import { imageSize, PpmPages, pageRanges } from '../src/export/rasterize.js';

/** PNG rows (a 0 filter byte, then the row's RGB pixels) of `rgb`. */
const rowsOf = (rgb: Uint8Array, width: number, height: number) => {
  const stride = width * 3;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return rows;
};

/** The PNG of `rows`, written in pieces of `size` bytes. */
const pngOf = (rows: Uint8Array, width: number, height: number, size = rows.length) => {
  const png = new PngRows(width, height);
  for (let at = 0; at < rows.length; at += size) png.write(rows.subarray(at, at + size));
  return png.end();
};

describe('PngRows', () => {
  it('writes a PNG that pngjs reads back as the same pixels, for odd sizes too', async () => {
    for (const [width, height] of [
      [1, 1],
      [37, 23],
      [2560, 4],
    ] as const) {
      const rgb = Buffer.alloc(width * height * 3);
      for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 7919 + (i >> 5)) % 256;
      const image = PNG.sync.read(await pngOf(rowsOf(rgb, width, height), width, height));
      expect([image.width, image.height]).toEqual([width, height]);
      const back = Buffer.alloc(rgb.length);
      for (let p = 0; p < width * height; p++) {
        back.set(image.data.subarray(p * 4, p * 4 + 3), p * 3);
        expect(image.data[p * 4 + 3]).toBe(255);
      }
      expect(back.equals(rgb)).toBe(true);
    }
  });

  it('compresses rows given in pieces to the same file as all at once', async () => {
    const [width, height] = [301, 47];
    const rows = Buffer.alloc((width * 3 + 1) * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width * 3; x++) rows[y * (width * 3 + 1) + 1 + x] = (x * y + (x >> 4)) % 256;
    const whole = await pngOf(rows, width, height);
    for (const size of [1000, 4099]) {
      expect((await pngOf(rows, width, height, size)).equals(whole), `pieces of ${size}`).toBe(true);
    }
  });

  it('lets a source that waits for zlib go on at the end of the image (no drain comes once a stream ends)', async () => {
    const [width, height] = [2560, 200];
    const rows = Buffer.alloc((width * 3 + 1) * height); // black rows, each filter byte 0
    const png = new PngRows(width, height);
    expect(png.write(rows), 'zlib is more than a megabyte behind').toBe(false);
    let goOn = 0;
    png.onDrain(() => goOn++);
    const done = png.end();
    expect(goOn).toBe(1);
    expect(PNG.sync.read(await done).height).toBe(height);
    expect(goOn).toBe(1);
  });

  it('refuses rows that are not height rows of width pixels', async () => {
    await expect(pngOf(Buffer.alloc(10), 2, 2)).rejects.toThrow('10 bytes are not 2 rows of 2');
    await expect(pngOf(Buffer.alloc(14), 2, 2)).resolves.toBeInstanceOf(Buffer);
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

describe('PpmPages', () => {
  it('cuts a stream of PPM images into PNG rows whatever the chunks, header split or not', () => {
    const image = (width: number, height: number, seed: number) =>
      Buffer.concat([
        Buffer.from(`P6\n${width} ${height}\n255\n`),
        Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 31 + seed) % 256)),
      ]);
    const stream = Buffer.concat([image(3, 2, 1), image(3, 2, 2), image(5, 1, 3)]);
    for (const [size, batch] of [
      [1, undefined],
      [7, 1],
      [20, 5],
      [stream.length, 4],
      [3, 16],
    ] as const) {
      const pages: string[] = [];
      let page: { size: string; rows: number[] } | undefined;
      const ppm = new PpmPages(
        {
          start: (width, height) => {
            page = { size: `${width}×${height}`, rows: [] };
          },
          rows: (rows) => {
            if (batch !== undefined) expect(rows.length).toBeLessThanOrEqual(batch);
            page?.rows.push(...rows);
          },
          end: () => pages.push(`${page?.size}:${page?.rows.join(',')}`),
        },
        batch,
      );
      for (let at = 0; at < stream.length; at += size) ppm.push(stream.subarray(at, at + size));
      const rowsOf = (width: number, height: number, seed: number) => {
        const pixels = image(width, height, seed).subarray(`P6\n${width} ${height}\n255\n`.length);
        const rows: number[] = [];
        for (let y = 0; y < height; y++) rows.push(0, ...pixels.subarray(y * width * 3, (y + 1) * width * 3));
        return `${width}×${height}:${rows.join(',')}`;
      };
      expect(pages, `chunks of ${size}, batches of ${batch}`).toEqual([
        rowsOf(3, 2, 1),
        rowsOf(3, 2, 2),
        rowsOf(5, 1, 3),
      ]);
    }
  });
});
