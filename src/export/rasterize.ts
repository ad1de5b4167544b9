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
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { VersusError } from '../diagnostics.js';
import { SLIDE } from '../theme/geometry.js';
import { RASTERIZER_HINT } from './find-rasterizer.js';
import type { OnSlideImage } from './images.js';

export interface RasterizeJob {
  /** The `mutool` executable (see find-rasterizer.ts). */
  mutool: string;
  /** The slide PDF: one page per slide. */
  pdfFile: string;
  /** Its number of pages. */
  pages: number;
  /** Pixels per CSS pixel of the 1280×720 slide (2: 2560×1440). */
  scale: number;
  /** A folder for the processes' files; they are read, handed over and removed. */
  workDir: string;
  onImage: OnSlideImage;
  /** Milliseconds each process may take. */
  timeout: number;
}

/**
 * Every page's image, handed to `onImage` (index from 0) as each process ends.
 * Pages below four a process are not worth the process's start (it parses
 * the PDF and loads its fonts again).
 */
export async function rasterizeSlides(job: RasterizeJob): Promise<void> {
  const processes = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(job.pages / 4)));
  const dir = await mkdtemp(path.join(job.workDir, '.images-'));
  try {
    await Promise.all(
      pageRanges(job.pages, processes).map(async ([first, last]) => {
        await drawPages(job, dir, first, last);
        for (let page = first; page <= last; page++) {
          await job.onImage(page - 1, await readFile(path.join(dir, `${page}.png`)));
        }
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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

async function drawPages(job: RasterizeJob, dir: string, first: number, last: number): Promise<void> {
  const { width, height } = imageSize(job.scale);
  const args = ['draw', '-q', '-w', String(width), '-h', String(height), '-o', path.join(dir, '%d.png')];
  try {
    await promisify(execFile)(job.mutool, [...args, job.pdfFile, `${first}-${last}`], {
      timeout: job.timeout,
      killSignal: 'SIGKILL',
    });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    // mutool warns on every run of Debian's build ("ICC support is not available"): its last other line says why.
    const why = (stderr ?? '')
      .split('\n')
      .filter((line) => line.trim() && !line.includes('ICC support'))
      .at(-1);
    throw new VersusError(
      'export',
      `${job.mutool} could not draw the slide images (pages ${first}–${last}): ${why ?? message.split('\n')[0]}`,
      { hint: RASTERIZER_HINT, cause: error },
    );
  }
}
