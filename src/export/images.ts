/**
 * Slide images: each slide screenshotted by the shared browser at twice the
 * slide's size, for `--formats png`, the Open Graph image and the PPTX.
 */
import path from 'node:path';
import type { Page, Viewport } from 'puppeteer-core';
import { openDocument, SLIDE_VIEWPORT } from './browser.js';
import type { RenderedSlides } from './marp.js';
import { type PrintJob, slidesDocument } from './pdf.js';

/** Pixel density of the images: 2560×1440 stays crisp on a projector and in PowerPoint. */
export const IMAGE_SCALE = 2;

/** A page of its own, `viewport` wide and high, showing `rendered`'s slides. */
async function openSlides(
  job: PrintJob,
  name: string,
  rendered: RenderedSlides,
  lang: string,
  viewport: Viewport,
): Promise<Page> {
  const page = await job.browser.newPage();
  await page.setViewport(viewport);
  return openDocument(
    page,
    path.join(job.workDir, `.${name}.html`),
    slidesDocument(rendered, name, lang),
    job.browser.timeout,
  );
}

export async function renderSlideImages(job: PrintJob, rendered: RenderedSlides, lang: string): Promise<Buffer[]> {
  const page = await openSlides(job, 'images', rendered, lang, { ...SLIDE_VIEWPORT, deviceScaleFactor: IMAGE_SCALE });
  try {
    const images: Buffer[] = [];
    for (const slide of await page.$$('svg[data-marpit-svg]')) images.push(Buffer.from(await slide.screenshot()));
    return images;
  } finally {
    await page.close();
  }
}

/** The size link previews show (Open Graph): the title slide, whole, on its own background. */
export const LINK_PREVIEW = { width: 1200, height: 630 };

export async function renderLinkPreview(job: PrintJob, rendered: RenderedSlides, lang: string): Promise<Buffer> {
  const first = { ...rendered, slides: rendered.slides.slice(0, 1) };
  const page = await openSlides(job, 'preview', first, lang, LINK_PREVIEW);
  try {
    // 16:9 in 1200×630: as high as the image, centred, the sides in the slide's own background.
    const slideWidth = Math.round((LINK_PREVIEW.height * SLIDE_VIEWPORT.width) / SLIDE_VIEWPORT.height);
    await page.evaluate((width) => {
      const svg = document.querySelector('svg[data-marpit-svg]') as SVGSVGElement;
      const section = svg.querySelector('section') as HTMLElement;
      document.body.style.cssText = `margin: 0; display: flex; justify-content: center; background: ${getComputedStyle(section).background}`;
      svg.style.cssText = `width: ${width}px; height: auto;`;
    }, slideWidth);
    return Buffer.from(await page.screenshot({ type: 'png' }));
  } finally {
    await page.close();
  }
}

/** `talk.001.png`, `talk.002.png`… as marp-cli names them. */
export function imageName(slug: string, index: number): string {
  return `${slug}.${String(index + 1).padStart(3, '0')}.png`;
}
