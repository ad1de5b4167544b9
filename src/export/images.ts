/**
 * Slide images: each slide screenshotted by the shared browser at twice the
 * slide's size, for `--formats png`, the Open Graph image and the PPTX.
 */
import path from 'node:path';
import { openDocument, SLIDE_VIEWPORT } from './browser.js';
import type { RenderedSlides } from './marp.js';
import { type PrintJob, slidesDocument } from './pdf.js';

/** Pixel density of the images: 2560×1440 stays crisp on a projector and in PowerPoint. */
export const IMAGE_SCALE = 2;

export async function renderSlideImages(job: PrintJob, rendered: RenderedSlides, lang: string): Promise<Buffer[]> {
  const page = await job.browser.newPage();
  await page.setViewport({ ...SLIDE_VIEWPORT, deviceScaleFactor: IMAGE_SCALE });
  await openDocument(
    page,
    path.join(job.workDir, '.images.html'),
    slidesDocument(rendered, 'images', lang),
    job.browser.timeout,
  );
  try {
    const images: Buffer[] = [];
    for (const slide of await page.$$('svg[data-marpit-svg]')) images.push(Buffer.from(await slide.screenshot()));
    return images;
  } finally {
    await page.close();
  }
}

/** `talk.001.png`, `talk.002.png`… as marp-cli names them. */
export function imageName(slug: string, index: number): string {
  return `${slug}.${String(index + 1).padStart(3, '0')}.png`;
}
