/**
 * Slide PDF: the deck rendered by marp-core and printed by the shared
 * browser, one 1280×720 page per slide, vector text, bookmarks from headings.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { SlideMeasure } from '../lint/measure.js';
import { openDocument, type SharedBrowser } from './browser.js';
import type { RenderedSlides } from './marp.js';
import { measurePage } from './measure.js';
import { headingText, type PageHeading } from './pdf-bookmarks.js';
import { type PdfProperties, withProperties } from './reproducible.js';
import { slidesDocument } from './slides-document.js';

export interface PrintJob {
  browser: SharedBrowser;
  /** A folder for the page to print from: relative asset paths resolve against it. */
  workDir: string;
  /** Document properties besides the title (the page's): author, subject, and the fixed date of reproducible builds. */
  properties?: Omit<PdfProperties, 'title'>;
}

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

/** An HTML document to print. */
export interface PrintDocument {
  /** Names the file it is opened from, in the job's folder. */
  name: string;
  html: string;
  /** Chromium's PDF options, over versus's (backgrounds, bookmarks, tagged). */
  pdf: PdfOptions;
}

/** A page as Chromium printed it: its PDF without the document properties, the page's title and headings, and what `inspect` found. */
export interface Printed<T> {
  raw: Uint8Array;
  title: string;
  /** The page's headings, which its bookmarks are named after (see pdf-bookmarks.ts). */
  headings: PageHeading[];
  inspected: T;
}

/** Prints a page, after `inspect` has seen it, and hands back Chromium's PDF as it is (see `finishedPdf`). */
export async function printPage<T>(
  job: PrintJob,
  { name, html, pdf: pdfOptions }: PrintDocument,
  inspect: (page: Page) => Promise<T>,
): Promise<Printed<T>> {
  const file = path.join(job.workDir, `.${name}.print.html`);
  const { timeout } = job.browser;
  return job.browser.withPage(async (page) => {
    await openDocument(page, { file, html, timeout });
    const inspected = await inspect(page);
    // A heading's `.meta` (the handout's time and sources) is in its text, not in its bookmark's title.
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (elements) =>
      elements.map((element) => {
        const title = element.cloneNode(true) as Element;
        for (const meta of title.querySelectorAll('.meta')) meta.remove();
        return { text: element.textContent ?? '', title: title.textContent ?? '' };
      }),
    );
    const raw = await page.pdf({
      printBackground: true,
      outline: true,
      tagged: true,
      timeout,
      ...pdfOptions,
    });
    const read = headings.map((heading) => ({ text: headingText(heading.text), title: headingText(heading.title) }));
    return { raw, title: await page.title(), headings: read, inspected };
  });
}

/** The printed PDF with the job's document properties (and, reproducibly built, its fixed dates and ids). */
export async function finishedPdf(job: PrintJob, { raw, title, headings }: Printed<unknown>): Promise<Buffer> {
  return Buffer.from(await withProperties(raw, { ...job.properties, title }, headings));
}

/** The page title and language of the slide PDF. */
export interface SlidesPage {
  title: string;
  lang: string;
}

/** The slide PDF, and the measure of every slide, taken on its page before printing. */
export async function exportPdf(
  job: PrintJob,
  rendered: RenderedSlides,
  page: SlidesPage,
): Promise<{ pdf: Buffer; inspected: SlideMeasure[] }> {
  const printed = await printSlides(job, rendered, page);
  return { pdf: await finishedPdf(job, printed), inspected: printed.inspected };
}

/**
 * The slides as Chromium printed them, measured first: what the slide images are drawn from
 * (the properties `finishedPdf` sets change no pixel), at once, while the PDF is finished.
 */
export function printSlides(
  job: PrintJob,
  rendered: RenderedSlides,
  { title, lang }: SlidesPage,
): Promise<Printed<SlideMeasure[]>> {
  const html = slidesDocument(rendered, title, lang);
  return printPage(job, { name: 'slides', html, pdf: { preferCSSPageSize: true } }, measurePage);
}
