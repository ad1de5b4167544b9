/** The PNG writer of slide images, the split of pages between mutool processes, and the worker that runs them (no browser). */
import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { RASTERIZER_HINT } from '../src/export/find-rasterizer.js';
import { PngRows } from '../src/export/png-encode.js';
import { imageSize, PpmPages, pageRanges, rasterizeInWorker } from '../src/export/rasterize.js';
import { tempFolder } from './temp-outlines.js';

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

describe('rasterizeInWorker', () => {
  const temp = tempFolder('raster');
  /** A stand-in for mutool: a shell script that writes `script`'s output as mutool would. */
  const standIn = async (script: string) => {
    const file = path.join(await temp.dir(), 'mutool');
    await writeFile(file, `#!/bin/sh\n${script}\n`);
    await chmod(file, 0o755);
    return file;
  };
  const job = (mutool: string, onImage: (i: number, png: Buffer) => Promise<void>) => ({
    mutool,
    pdfFile: 'slides.pdf',
    pages: 2,
    scale: 1,
    timeout: 10_000,
    onImage,
  });

  it('hands on each image the worker draws, its bytes whole, once it is done', async () => {
    // Two 2×1 pages: a red and a blue pixel, then white and black.
    const mutool = await standIn(String.raw`printf 'P6\n2 1\n255\n\377\0\0\0\0\377P6\n2 1\n255\n\377\377\377\0\0\0'`);
    const images: Buffer[] = [];
    await rasterizeInWorker(
      job(mutool, async (i, png) => {
        images[i] = png;
      }),
    );
    expect(images.map((png) => [...PNG.sync.read(png).data])).toEqual([
      [255, 0, 0, 255, 0, 0, 255, 255],
      [255, 255, 255, 255, 0, 0, 0, 255],
    ]);
  });

  it('fails as the build says a rasterizer failed, with what mutool said and how to do without it', async () => {
    const mutool = await standIn(`echo 'error: cannot open document' >&2; exit 1`);
    const failed = rasterizeInWorker(job(mutool, async () => {}));
    await expect(failed).rejects.toBeInstanceOf(VersusError);
    await expect(failed).rejects.toMatchObject({
      kind: 'export',
      message: `${mutool} could not draw the slide images (pages 1–2): it failed (exit status 1): error: cannot open document`,
      hint: RASTERIZER_HINT,
    });
  });

  it('tells a mutool that writes no image as the rasterizer’s failure, not the browser’s', async () => {
    const mutool = await standIn('printf "not a picture at all, nothing like one: %064d" 0');
    await expect(rasterizeInWorker(job(mutool, async () => {}))).rejects.toMatchObject({
      kind: 'export',
      message: `${mutool} could not draw the slide images (pages 1–2): it wrote something other than an 8-bit binary PPM`,
      hint: RASTERIZER_HINT,
    });
  });

  it('stops a hung mutool at the time limit with everything it started, and the other ranges once one fails', async () => {
    const running = async (marker: string) =>
      (await promisify(execFile)('ps', ['-eo', 'args'])).stdout.split('\n').filter((line) => line.includes(marker));
    // A wrapper that forks rather than execs: the hung child holds mutool's output open.
    const hung = await standIn('sleep 41.25; true');
    const started = Date.now();
    await expect(rasterizeInWorker({ ...job(hung, async () => {}), timeout: 1000 })).rejects.toMatchObject({
      message: `${hung} could not draw the slide images (pages 1–2): it did not finish within 1 s (--browser-timeout)`,
      hint: expect.stringContaining('Raise --browser-timeout'),
    });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await running('sleep 41.25')).toEqual([]);
    // Eight pages in two processes: the first range fails at once, the second would hang.
    const half = await standIn('case "$*" in *" 1-"*) echo "error: broken page" >&2; exit 1;; esac; sleep 42.25; true');
    await expect(rasterizeInWorker({ ...job(half, async () => {}), pages: 8, timeout: 60_000 })).rejects.toThrow(
      /could not draw the slide images \(pages 1–\d\): it failed \(exit status 1\): error: broken page$/,
    );
    expect(await running('sleep 42.25')).toEqual([]);
  });

  it('fails as soon as writing an image fails, without waiting for mutool to end', async () => {
    const mutool = await standIn(String.raw`printf 'P6\n1 1\n255\n\0\0\0'; sleep 5`);
    const started = Date.now();
    const failed = rasterizeInWorker(
      job(mutool, async () => {
        throw new Error('disk full');
      }),
    );
    await expect(failed).rejects.toThrow('disk full');
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
