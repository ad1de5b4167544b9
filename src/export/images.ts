/**
 * Slide images taken by the shared browser, for `--formats png`, the Open
 * Graph image and the picture PPTX: the slides screenshotted when no
 * rasterizer is installed (rasterize.ts draws them from the slide PDF
 * otherwise), and the link preview always.
 */
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page, Viewport } from 'puppeteer-core';
import { openDocument, SLIDE_VIEWPORT } from './browser.js';
import type { RenderedSlides } from './marp.js';
import type { PrintJob } from './pdf.js';
import { slidesDocument } from './slides-document.js';

/** Shows `rendered`'s slides on a page `viewport` wide and high, and runs `use` on it. */
function onSlides<T>(
  job: PrintJob,
  name: string,
  { rendered, lang, viewport }: { rendered: RenderedSlides; lang: string; viewport: Viewport },
  use: (page: Page) => Promise<T>,
): Promise<T> {
  return job.browser.withPage(async (page) => {
    await page.setViewport(viewport);
    await openDocument(page, {
      file: path.join(job.workDir, `.${name}.html`),
      html: slidesDocument(rendered, name, lang),
      timeout: job.browser.timeout,
    });
    return use(page);
  });
}

/** Receives each slide's image as soon as it is taken, so that no build holds them all. */
export type OnSlideImage = (index: number, image: Buffer) => Promise<void>;

export interface SlideImages<T> {
  /** The talk's language, the page's. */
  lang: string;
  /** Pixels per CSS pixel: 2 gives 2560×1440. */
  scale: number;
  onImage: OnSlideImage;
  /** Sees the first page before its images are taken (the build measures the slides there); its result is returned. */
  inspect?: (page: Page) => Promise<T>;
}

/**
 * Every slide's image, `scale` times the slide's size, handed to `onImage`
 * as it is taken. Pages (at most `MAX_IMAGE_PAGES`) each show the whole deck and take the next slide
 * not yet taken, so a page that opens late, when the browser has a place for
 * it, still shares the work. A page scrolls to its slide and Chromium captures
 * the viewport and encodes it with its fast PNG settings. Screenshotting the
 * slide's element instead makes Chromium resize its view for every image, and
 * the default encoder compresses harder: together about half the time per
 * slide. The images are about a third larger.
 */
export async function forEachSlideImage<T>(
  job: PrintJob,
  rendered: RenderedSlides,
  { lang, scale, onImage, inspect }: SlideImages<T>,
): Promise<T | undefined> {
  const count = rendered.slides.length;
  const pages = Math.max(1, Math.min(MAX_IMAGE_PAGES, os.availableParallelism(), Math.ceil(count / 4)));
  const viewport = { ...SLIDE_VIEWPORT, deviceScaleFactor: scale };
  let next = 0;
  const [inspected] = await Promise.all(
    Array.from({ length: pages }, (_, p) =>
      onSlides(job, `images-${p}`, { rendered, lang, viewport }, async (page) => {
        const seen = p === 0 && inspect ? await inspect(page) : undefined;
        const capture = await viewportCapture(page, viewport);
        for (let i = next++; i < count; i = next++) {
          await page.evaluate((top) => window.scrollTo(0, top), i * SLIDE_VIEWPORT.height);
          await onImage(i, await capture.take());
        }
        await capture.session.detach();
        return seen;
      }),
    ),
  );
  return inspected;
}

/**
 * Captures of the page's viewport as PNG, through a DevTools session of their
 * own. puppeteer takes one screenshot at a time in the whole browser, and the
 * pages' captures would queue behind each other; Chromium's GPU process copies
 * a capture out in about 160 ms (mostly page faults on fresh shared memory),
 * and another page's scrolling, raster and PNG encoding can overlap that. A
 * session has its own device metrics, so it is given the page's viewport.
 */
async function viewportCapture(
  page: Page,
  viewport: Viewport,
): Promise<{ take: () => Promise<Buffer>; session: CDPSession }> {
  const session = await page.createCDPSession();
  await session.send('Emulation.setDeviceMetricsOverride', {
    width: viewport.width,
    height: viewport.height,
    deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
    mobile: false,
  });
  const take = async () => {
    const { data } = await session.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
    return Buffer.from(data, 'base64');
  };
  return { take, session };
}

/**
 * Pages screenshotting at once. Each holds a renderer; with two, one page's
 * scrolling, raster and PNG encoding overlap the other's copy.
 */
const MAX_IMAGE_PAGES = 2;

/** The size link previews show (Open Graph): the title slide, whole, on its own background. */
export const LINK_PREVIEW = { width: 1200, height: 630 };

export async function renderLinkPreview(job: PrintJob, rendered: RenderedSlides, lang: string): Promise<Buffer> {
  const first = { ...rendered, slides: rendered.slides.slice(0, 1) };
  return onSlides(job, 'preview', { rendered: first, lang, viewport: LINK_PREVIEW }, async (page) => {
    // 16:9 in 1200×630: as high as the image, centred, the sides in the slide's own background.
    const slideWidth = Math.round((LINK_PREVIEW.height * SLIDE_VIEWPORT.width) / SLIDE_VIEWPORT.height);
    await page.evaluate((width) => {
      const svg = document.querySelector('svg[data-marpit-svg]') as SVGSVGElement;
      const section = svg.querySelector('section') as HTMLElement;
      document.body.style.cssText = `margin: 0; display: flex; justify-content: center; background: ${getComputedStyle(section).background}`;
      svg.style.cssText = `width: ${width}px; height: auto;`;
    }, slideWidth);
    return Buffer.from(await page.screenshot({ type: 'png' }));
  });
}

/** `talk.001.png`, `talk.002.png`… as marp-cli names them. */
export function imageName(slug: string, index: number): string {
  return `${slug}.${String(index + 1).padStart(3, '0')}.png`;
}
