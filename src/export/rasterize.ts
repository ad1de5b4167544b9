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
import { VersusError } from '../diagnostics.js';
import { SLIDE } from '../theme/geometry.js';
import { RASTERIZER_HINT } from './find-rasterizer.js';
import type { OnSlideImage } from './images.js';
import { encodePng } from './png-encode.js';

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
  const pages = new PpmPages((pixels, pageWidth, pageHeight) => {
    const index = first - 1 + encoded.length;
    const image = encodePng(pixels, pageWidth, pageHeight).then((png) => job.onImage(index, png));
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

/** Cuts a stream of binary PPM images (P6, 8 bits a channel) into their pixels, copying each image once. */
class PpmPages {
  private chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly onImage: (rgb: Buffer, width: number, height: number) => void) {}

  push(data: Buffer): void {
    this.chunks.push(data);
    this.length += data.length;
    for (;;) {
      const head = this.peek(64);
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(head.toString('latin1'));
      if (!header) return;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const end = header[0].length + width * height * 3;
      if (this.length < end) return;
      const all = Buffer.concat(this.chunks, this.length);
      this.onImage(all.subarray(header[0].length, end), width, height);
      const rest = all.subarray(end);
      this.chunks = rest.length ? [rest] : [];
      this.length = rest.length;
    }
  }

  /** The first `bytes` bytes (fewer while fewer have come). */
  private peek(bytes: number): Buffer {
    const first = this.chunks[0];
    if (!first || first.length >= bytes || this.chunks.length === 1) return first ?? Buffer.alloc(0);
    return Buffer.concat(this.chunks).subarray(0, bytes);
  }
}
