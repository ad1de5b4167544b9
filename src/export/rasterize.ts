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
import { spawn } from 'node:child_process';
import os from 'node:os';
import { VersusError } from '../diagnostics/diagnostics.js';
import { SLIDE } from '../theme/geometry.js';
import { RASTERIZER_HINT } from './find-rasterizer.js';
import type { OnSlideImage } from './images.js';
import { encodePngRows } from './png-encode.js';

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
  await Promise.all(pageRanges(job.pages, processes).map(([first, last]) => drawPages(job, first, last)));
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
 * PPM, one after another on its output), each encoded as PNG here (see
 * png-encode.ts) while mutool draws the next.
 */
function drawPages(job: RasterizeJob, first: number, last: number): Promise<void> {
  const { width, height } = imageSize(job.scale);
  const args = ['draw', '-q', '-F', 'pnm', '-c', 'rgb', '-w', String(width), '-h', String(height), '-o', '-'];
  const child = spawn(job.mutool, [...args, job.pdfFile, `${first}-${last}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), job.timeout);
  const encoded: Promise<void>[] = [];
  // A page waiting for its PNG holds one of the two buffers (11 MB at 2560×1440): mutool waits meanwhile.
  let encoding = 0;
  const pages = new PpmPages((pixels, pageWidth, pageHeight) => {
    const index = first - 1 + encoded.length;
    if (++encoding >= MAX_ENCODING) child.stdout.pause();
    const image = encodePngRows(pixels, pageWidth, pageHeight)
      .then((png) => job.onImage(index, png))
      .finally(() => {
        if (--encoding < MAX_ENCODING) child.stdout.resume();
      });
    image.catch(() => {}); // awaited once mutool ends
    encoded.push(image);
  });
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => pages.push(data));
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
        const how = signal
          ? `was stopped (${signal})`
          : code === 0
            ? `drew ${drawn} of them`
            : `failed (exit status ${code})`;
        reject(
          new VersusError(
            'export',
            `${job.mutool} could not draw the slide images (pages ${first}–${last}): it ${how}${why ? `: ${why}` : ''}`,
            { hint: RASTERIZER_HINT },
          ),
        );
      }
    });
  });
}

/** Pages of one process waiting for their PNG at most; zlib runs in Node's thread pool (4 threads). */
const MAX_ENCODING = 1;

/**
 * Cuts a stream of binary PPM images (P6, 8 bits a channel) into PNG rows
 * (see `encodePngRows`), written straight into one of two buffers kept for
 * the process: a page is encoded while the next fills the other buffer, and
 * the stream pauses after each page until its PNG is done, so neither is
 * written while zlib reads it, and no page allocates its 11 MB again.
 */
export class PpmPages {
  private head = Buffer.alloc(0);
  private page: { width: number; height: number; rows: Buffer; written: number } | undefined;
  private buffers: Buffer[] = [];
  private pages = 0;

  constructor(private readonly onPage: (rows: Buffer, width: number, height: number) => void) {}

  push(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      if (!this.page) {
        this.head = Buffer.concat([this.head, data.subarray(at, at + 64)]);
        const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(this.head.toString('latin1'));
        if (!header) {
          if (this.head.length >= 64) throw new Error('mutool wrote something other than an 8-bit binary PPM');
          return;
        }
        // The header's bytes from this chunk are the header's length less what came before.
        at += header[0].length - (this.head.length - Math.min(64, data.length - at));
        this.head = Buffer.alloc(0);
        const [width, height] = [Number(header[1]), Number(header[2])];
        this.page = { width, height, rows: this.buffer((width * 3 + 1) * height), written: 0 };
      }
      at += this.fill(this.page, data.subarray(at));
      const { width, height, rows, written } = this.page;
      if (written === width * height * 3) {
        this.page = undefined;
        this.onPage(rows, width, height);
      }
    }
  }

  /** Copies pixels into the page's rows, after each row's filter byte; returns how many bytes it took. */
  private fill(page: NonNullable<PpmPages['page']>, data: Buffer): number {
    const stride = page.width * 3;
    let taken = 0;
    while (taken < data.length && page.written < stride * page.height) {
      const row = Math.floor(page.written / stride);
      const inRow = page.written % stride;
      const count = Math.min(stride - inRow, data.length - taken);
      page.rows.set(data.subarray(taken, taken + count), row * (stride + 1) + 1 + inRow);
      taken += count;
      page.written += count;
    }
    return taken;
  }

  /** The next of the two buffers, made once (zeroed: the rows' filter bytes stay 0). */
  private buffer(size: number): Buffer {
    const index = this.pages++ % 2;
    const kept = this.buffers[index];
    if (kept?.length === size) return kept;
    this.buffers[index] = Buffer.alloc(size);
    return this.buffers[index] as Buffer;
  }
}
