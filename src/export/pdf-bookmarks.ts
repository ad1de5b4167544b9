/**
 * The titles of a printed PDF's bookmarks, as the headings read. Chromium names
 * each bookmark after its heading's lines joined without the space at which
 * the heading wrapped ("checked against Keras3.15.1", "PostgreSQLwählen,
 * wenn…"), and after all of its text, a handout heading's time and sources too;
 * each title that is a heading of the page but for its white space is set to
 * that heading's title.
 */
import type { PDFDict, PDFDocument } from 'pdf-lib';

/** What tells two readings of a heading apart but for how it broke into lines: white space and soft hyphens. */
const LINE_BREAKING = /[\s\u00ad\u200b]+/gu;

/** The page's headings as a reader sees them: their text, white space collapsed, soft hyphens dropped. */
export function headingText(text: string): string {
  return text
    .replace(/\u00ad|\u200b/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const spaced = (text: string) => text.replace(/\s+/gu, ' ');

/** A heading of the printed page: all its text, as Chromium reads it, and the title its bookmark shows. */
export interface PageHeading {
  text: string;
  title: string;
}

export function mendBookmarkTitles(
  document: PDFDocument,
  lib: typeof import('pdf-lib'),
  headings: readonly PageHeading[],
): void {
  const { PDFDict, PDFName, PDFHexString, PDFString } = lib;
  const byLetters = new Map(headings.map(({ text, title }) => [text.replace(LINE_BREAKING, ''), title]));
  const visit = (first: unknown, seen: Set<PDFDict>) => {
    for (let item = first; item instanceof PDFDict && !seen.has(item); item = item.lookup(PDFName.of('Next'))) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const text = title.decodeText();
        const shown = byLetters.get(text.replace(LINE_BREAKING, ''));
        // A title that differs only in its kind of space (Chromium writes no-break spaces for a nowrap span's) stays.
        if (shown !== undefined && spaced(shown) !== spaced(text)) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(shown));
        }
      }
      visit(item.lookup(PDFName.of('First')), seen);
    }
  };
  const outlines = document.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) visit(outlines.lookup(PDFName.of('First')), new Set());
}
