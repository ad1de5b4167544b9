/**
 * Slide PDF: the deck rendered by marp-core and printed by the shared
 * browser, one 1280×720 page per slide, vector text, bookmarks from headings.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { escapeHtml } from '../text/escape.js';
import { SLIDE } from '../theme/geometry.js';
import { openDocument, type SharedBrowser } from './browser.js';
import type { RenderedSlides } from './marp.js';
import { type PdfProperties, withProperties } from './reproducible.js';

export interface PrintJob {
  browser: SharedBrowser;
  /** A folder for the page to print from: relative asset paths resolve against it. */
  workDir: string;
  /** Document properties besides the title (the page's): author, subject, and the fixed date of reproducible builds. */
  properties?: Omit<PdfProperties, 'title'>;
}

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

const PRINT_CSS = `
@page { size: ${SLIDE.width}px ${SLIDE.height}px; margin: 0; }
html, body { margin: 0; padding: 0; }
svg[data-marpit-svg] { display: block; width: ${SLIDE.width}px; height: ${SLIDE.height}px; break-after: page; }
svg[data-marpit-svg]:last-of-type { break-after: auto; }
`;

/** Rendered slides → the printable HTML page of them. */
export function slidesDocument({ slides, css }: RenderedSlides, title: string, lang: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}</style><style>${PRINT_CSS}</style></head>
<body><div class="marpit">${slides.join('')}</div></body></html>`;
}

/**
 * Prints an HTML document with the shared browser and returns the PDF bytes;
 * `inspect` sees the page first (the build measures the slides there).
 */
export async function printPdf(
  job: PrintJob,
  name: string,
  html: string,
  pdfOptions: PdfOptions,
  inspect?: (page: Page) => Promise<void>,
): Promise<Buffer> {
  const file = path.join(job.workDir, `.${name}.print.html`);
  const { timeout } = job.browser;
  const page = await openDocument(await job.browser.newPage(), file, html, timeout);
  try {
    await inspect?.(page);
    const pdf = await page.pdf({
      printBackground: true,
      outline: true,
      tagged: true,
      timeout,
      ...pdfOptions,
    });
    return Buffer.from(await withProperties(pdf, { ...job.properties, title: await page.title() }));
  } finally {
    await page.close();
  }
}

export function exportPdf(
  job: PrintJob,
  rendered: RenderedSlides,
  title: string,
  lang: string,
  inspect?: (page: Page) => Promise<void>,
): Promise<Buffer> {
  return printPdf(job, 'slides', slidesDocument(rendered, title, lang), { preferCSSPageSize: true }, inspect);
}
