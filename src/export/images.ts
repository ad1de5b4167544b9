/**
 * Slide images: each slide screenshotted by the shared browser at twice the
 * slide's size, for `--formats png`, the Open Graph image and the PPTX.
 */
import path from 'node:path';
import { openDocument } from './browser.js';
import type { ResolvedTheme } from './marp.js';
import { type PrintJob, slidesDocument } from './pdf.js';

/** Pixel density of the images: 2560×1440 stays crisp on a projector and in PowerPoint. */
export const IMAGE_SCALE = 2;

export async function renderSlideImages(
  job: PrintJob,
  markdown: string,
  theme: ResolvedTheme,
  lang: string,
): Promise<Buffer[]> {
  const browser = await job.browser.get();
  const page = await openDocument(
    await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: IMAGE_SCALE }),
    path.join(job.workDir, '.images.html'),
    await slidesDocument(markdown, theme, 'images', lang),
    job.timeout,
  );
  try {
    const slides = page.locator('svg[data-marpit-svg]');
    const images: Buffer[] = [];
    for (let i = 0, count = await slides.count(); i < count; i++)
      images.push(await slides.nth(i).screenshot({ animations: 'disabled' }));
    return images;
  } finally {
    await page.close();
  }
}

/** `talk.001.png`, `talk.002.png`… as marp-cli names them. */
export function imageName(slug: string, index: number): string {
  return `${slug}.${String(index + 1).padStart(3, '0')}.png`;
}
