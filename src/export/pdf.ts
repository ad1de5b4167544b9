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

/**
 * Prints an HTML document with the shared browser and returns the PDF bytes;
 * see `inspectAndPrintPdf` for a look at the page first.
 */
export async function printPdf(job: PrintJob, name: string, html: string, pdfOptions: PdfOptions): Promise<Buffer> {
  return (await inspectAndPrintPdf(job, name, html, pdfOptions, async () => undefined)).pdf;
}

/** Prints like `printPdf`, after `inspect` has seen the page; returns the PDF and what `inspect` found. */
export async function inspectAndPrintPdf<T>(
  job: PrintJob,
  name: string,
  html: string,
  pdfOptions: PdfOptions,
  inspect: (page: Page) => Promise<T>,
): Promise<{ pdf: Buffer; inspected: T }> {
  const file = path.join(job.workDir, `.${name}.print.html`);
  const { timeout } = job.browser;
  const page = await openDocument(await job.browser.newPage(), file, html, timeout);
  try {
    const inspected = await inspect(page);
    const pdf = await page.pdf({
      printBackground: true,
      outline: true,
      tagged: true,
      timeout,
      ...pdfOptions,
    });
    return { pdf: Buffer.from(await withProperties(pdf, { ...job.properties, title: await page.title() })), inspected };
  } finally {
    await page.close();
  }
}

/** The slide PDF, and the measure of every slide, taken on its page before printing. */
export function exportPdf(
  job: PrintJob,
  rendered: RenderedSlides,
  title: string,
  lang: string,
): Promise<{ pdf: Buffer; inspected: SlideMeasure[] }> {
  return inspectAndPrintPdf(
    job,
    'slides',
    slidesDocument(rendered, title, lang),
    { preferCSSPageSize: true },
    measurePage,
  );
}
