/**
 * Slide images drawn from the slide PDF by MuPDF's `mutool draw`, one process
 * per core, each on its own range of pages. MuPDF is AGPL-licensed: versus
 * only runs it as a separate program, and never links it.
 *
 * Drawing a printed page is about three times faster than Chromium's capture
 * of the same slide (whose GPU process copies each 2560×1440 frame out), and
 * gives the same picture within anti-aliasing at glyph edges
 * (`test/rasterize.browser.test.ts` states by how much).
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VersusError } from '../diagnostics/diagnostics.js';
import { PACKAGE_ROOT } from '../shared/package-root.js';
import { spawnGroup } from '../shared/process-group.js';
import { SLIDE } from '../theme/geometry.js';
import { RASTERIZER_HINT } from './find-rasterizer.js';
import type { OnSlideImage } from './images.js';
import { PngRows } from './png-encode.js';

const SLOW_RASTERIZER_HINT =
  'Raise --browser-timeout (seconds) for a talk this large, or set VERSUS_RASTERIZER=chromium to take the images with Chromium.';

export interface RasterizeJob {
  /** The `mutool` executable (see find-rasterizer.ts). */
  mutool: string;
  /** The slide PDF: one page per slide. */
  pdfFile: string;
  /** Its number of pages. */
  pages: number;
  /** Pixels per CSS pixel of the 1280×720 slide (2: 2560×1440). */
  scale: number;
  onImage: OnSlideImage;
  /** Milliseconds each process may take. */
  timeout: number;
}

/**
 * Every page's image, handed to `onImage` (index from 0) as soon as it is
 * drawn and encoded. Pages below four a process are not worth the process's
 * start (it parses the PDF and loads its fonts again).
 */
export async function rasterizeSlides(job: RasterizeJob): Promise<void> {
  const processes = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(job.pages / 4)));
  const stop = new AbortController();
  const drawn = pageRanges(job.pages, processes).map(([first, last]) =>
    drawPages(job, first, last, stop.signal).catch((error: unknown) => {
      // One failed: the others are stopped too, not left drawing (or hung) once the build has ended.
      stop.abort();
      throw error;
    }),
  );
  const settled = await Promise.allSettled(drawn);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The worker's module: a bundle entry of its own (scripts/bundle.js), which the tests' builds run too. */
const RASTERIZE_WORKER = path.join(PACKAGE_ROOT, 'lib/export/rasterize-worker.js');

/** What the worker (rasterize-worker.ts) tells: each image as it is encoded (its bytes moved, not copied), then the end. */
export type FromWorker =
  | { index: number; png: ArrayBuffer }
  | { done: true }
  | { failed: { message: string; hint: string | undefined } };

/**
 * `rasterizeSlides` in a worker thread. The pixels (some 11 MB a slide at 2×)
 * then pass through the worker's small heap: through the build's, the garbage
 * collections they set off took a fifth of a PNG build's time (docs/performance.md).
 */
export function rasterizeInWorker({ onImage, ...data }: RasterizeJob): Promise<void> {
  const worker = new Worker(RASTERIZE_WORKER, { workerData: data });
  const handed: Promise<void>[] = [];
  let done = false;
  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: FromWorker) => {
      if ('png' in message) handed.push(onImage(message.index, Buffer.from(message.png)).catch(fail));
      else if ('done' in message) {
        done = true;
        Promise.all(handed).then(() => resolve(), fail);
      } else fail(new VersusError('export', message.failed.message, { hint: message.failed.hint }));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!done) fail(new Error(`the slide images' worker stopped (exit code ${code}) before it was done`));
    });
  });
}

/** `pages` split into `parts` ranges of consecutive pages, numbered from 1, as even as they can be. */
export function pageRanges(pages: number, parts: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let part = 0, first = 1; part < parts; part++) {
    const size = Math.floor(pages / parts) + (part < pages % parts ? 1 : 0);
    if (size > 0) ranges.push([first, first + size - 1]);
    first += size;
  }
  return ranges;
}

/** The image's size in pixels at `scale`: 2560×1440 at 2. */
export function imageSize(scale: number): { width: number; height: number } {
  return { width: Math.round(SLIDE.width * scale), height: Math.round(SLIDE.height * scale) };
}

/**
 * One mutool process drawing pages `first` to `last` as raw pixels (binary
 * PPM, one after another on its output), each compressed as PNG rows here (see
 * png-encode.ts) as they come: no page's pixels are held whole, and mutool waits
 * only while zlib is behind.
 */
function drawPages(job: RasterizeJob, first: number, last: number, stop: AbortSignal): Promise<void> {
  const { width, height } = imageSize(job.scale);
  const args = ['draw', '-q', '-F', 'pnm', '-c', 'rgb', '-w', String(width), '-h', String(height), '-o', '-'];
  const { child, kill: killGroup } = spawnGroup(job.mutool, [...args, job.pdfFile, `${first}-${last}`]);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, job.timeout);
  stop.addEventListener('abort', killGroup);
  const encoded: Promise<void>[] = [];
  let png: PngRows | undefined;
  const pages = new PpmPages({
    start: (pageWidth, pageHeight) => {
      png = new PngRows(pageWidth, pageHeight);
    },
    rows: (rows) => {
      if (png?.write(rows)) return;
      child.stdout.pause();
      png?.onDrain(() => child.stdout.resume());
    },
    end: () => {
      const index = first - 1 + encoded.length;
      const image = (png as PngRows).end().then((done) => job.onImage(index, done));
      image.catch(() => {}); // awaited once mutool ends
      encoded.push(image);
    },
  });
  let stderr = '';
  let unreadable: string | undefined;
  child.stdout.on('data', (data: Buffer) => {
    if (unreadable) return;
    try {
      pages.push(data);
    } catch (error) {
      unreadable = (error as Error).message;
      killGroup();
    }
  });
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const drawn = encoded.length;
      if (code === 0 && drawn === last - first + 1) resolve(Promise.all(encoded).then(() => undefined));
      else {
        // Debian's build warns on every run ("ICC support is not available"): the last other line says why.
        const why = stderr
          .split('\n')
          .filter((line) => line.trim() && !line.includes('ICC support'))
          .at(-1);
        const how = unreadable
          ? unreadable
          : timedOut
            ? `did not finish within ${job.timeout / 1000} s (--browser-timeout)`
            : signal
              ? `was stopped (${signal})`
              : code === 0
                ? `drew ${drawn} of them`
                : `failed (exit status ${code})`;
        const said = why && !unreadable ? `: ${why}` : '';
        reject(
          new VersusError(
            'export',
            `${job.mutool} could not draw the slide images (pages ${first}–${last}): it ${how}${said}`,
            {
              hint: timedOut ? SLOW_RASTERIZER_HINT : RASTERIZER_HINT,
            },
          ),
        );
      }
    });
  });
}

/** What `PpmPages` hands on: a page's size, its PNG rows in pieces, its end. */
export interface PpmSink {
  start(width: number, height: number): void;
  /** PNG rows (each a 0 byte, then its RGB pixels), a piece at a time, in order; the sink may keep `rows`. */
  rows(rows: Buffer): void;
  end(): void;
}

/** Bytes of PNG rows `PpmPages` gathers before it hands them on: see there. */
export const ROWS_BATCH = 1024 * 1024;

/**
 * Cuts a stream of binary PPM images (P6, 8 bits a channel) into PNG rows,
 * with a 0 byte (no filter) before each row, gathered in pieces of `batch`
 * bytes (the last of a page shorter): handing zlib a megabyte at a time
 * instead of each 64 KB read from the pipe took a quarter less of the main
 * thread's CPU (docs/performance.md).
 */
export class PpmPages {
  private head = Buffer.alloc(0);
  private page: { width: number; height: number; written: number } | undefined;
  private batch: Buffer | undefined;
  private put = 0;

  constructor(
    private readonly sink: PpmSink,
    private readonly batchSize = ROWS_BATCH,
  ) {}

  push(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      if (!this.page) {
        this.head = Buffer.concat([this.head, data.subarray(at, at + 64)]);
        const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(this.head.toString('latin1'));
        if (!header) {
          if (this.head.length >= 64) throw new Error('wrote something other than an 8-bit binary PPM');
          return;
        }
        // The header's bytes from this chunk are the header's length less what came before.
        at += header[0].length - (this.head.length - Math.min(64, data.length - at));
        this.head = Buffer.alloc(0);
        const [width, height] = [Number(header[1]), Number(header[2])];
        this.page = { width, height, written: 0 };
        this.sink.start(width, height);
      }
      at += this.rows(this.page, data.subarray(at));
      const { width, height, written } = this.page;
      if (written === width * height * 3) {
        this.handOn();
        this.page = undefined;
        this.sink.end();
      }
    }
  }

  /** Gathers the page's pixels in `data` as rows; returns how many bytes it took. */
  private rows(page: NonNullable<PpmPages['page']>, data: Buffer): number {
    const stride = page.width * 3;
    const take = Math.min(data.length, stride * page.height - page.written);
    let taken = 0;
    while (taken < take) {
      this.batch ??= Buffer.allocUnsafe(this.batchSize);
      if (page.written % stride === 0) {
        this.batch[this.put++] = 0;
        if (this.put === this.batch.length) this.handOn();
        this.batch ??= Buffer.allocUnsafe(this.batchSize);
      }
      const count = Math.min(stride - (page.written % stride), take - taken, this.batch.length - this.put);
      data.copy(this.batch, this.put, taken, taken + count);
      this.put += count;
      taken += count;
      page.written += count;
      if (this.put === this.batch.length) this.handOn();
    }
    return take;
  }

  /** Hands on the rows gathered so far (the sink keeps the buffer: a new one is taken for what follows). */
  private handOn(): void {
    if (this.batch && this.put > 0) this.sink.rows(this.batch.subarray(0, this.put));
    this.batch = undefined;
    this.put = 0;
  }
}
