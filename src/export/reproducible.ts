/**
 * A printed PDF's document properties, which Chromium leaves to the title:
 * author, subject and keywords are set here, and its text made to copy as
 * written (pdf-unicode.ts), its bookmarks named as its headings read
 * (pdf-bookmarks.ts), and its repeated streams kept once
 * (pdf-shared-streams.ts). With SOURCE_DATE_EPOCH set
 * (https://reproducible-builds.org), the dates and ids Chromium stamps into a
 * PDF are replaced by fixed ones too, so the same inputs give byte-identical files.
 */

import type { PDFDocument } from 'pdf-lib';
import { sha256 } from '../shared/sha256.js';
import { mendBookmarkTitles, type PageHeading } from './pdf-bookmarks.js';
import { replaceValues, shareRepeatedStreams } from './pdf-shared-streams.js';
import { ideographsForRadicals } from './pdf-unicode.js';

export interface PdfProperties {
  title: string;
  author?: string;
  subject?: string;
  /** SOURCE_DATE_EPOCH's date: fixed dates and ids for byte-identical files. */
  date?: Date;
}

/**
 * pdf-lib takes a fifth of a second to load: a build starts loading it while
 * the browser boots, so that it is there when the first PDF is printed.
 */
export function loadPdfLib(): Promise<typeof import('pdf-lib')> {
  return import('pdf-lib');
}

export async function withProperties(
  pdf: Uint8Array,
  properties: PdfProperties,
  headings: readonly PageHeading[] = [],
): Promise<Uint8Array> {
  const lib = await loadPdfLib();
  const { PDFDocument, PDFHexString, ParseSpeeds } = lib;
  const { title, author, subject, date } = properties;
  // Parsing and writing without pausing for the event loop: the build waits for this file anyway.
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  document.setTitle(title, { showInWindowTitleBar: true });
  if (author) document.setAuthor(author);
  if (subject) document.setSubject(subject);
  document.setCreator('versus');
  ideographsForRadicals(document, lib);
  mendBookmarkTitles(document, lib, headings);
  shareRepeatedStreams(document, lib);
  if (date) {
    document.setCreationDate(date);
    document.setModificationDate(date);
    document.setProducer('versus');
    // The file id comes from what the file is, not from when the browser printed it.
    const id = PDFHexString.of(sha256(`${title}\n${date.toISOString()}`).slice(0, 32));
    document.context.trailerInfo.ID = document.context.obj([id, id]);
    renumberNodeIds(document, lib);
  }
  // Object streams compress the objects' dictionaries as well (PDF 1.5, read by every viewer
  // since 2003): a third off the shipped talk's PDFs, for 30–400 ms.
  return document.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Tagged PDFs name structure elements after the browser's DOM node ids
 * ("node00000203"), which differ from run to run; number them in order instead.
 */
function renumberNodeIds(document: PDFDocument, lib: typeof import('pdf-lib')): void {
  const { PDFString } = lib;
  const renamed = new Map<string, string>();
  const rename = (value: string) => {
    if (!renamed.has(value)) renamed.set(value, `node${String(renamed.size + 1).padStart(8, '0')}`);
    return renamed.get(value) as string;
  };
  replaceValues(document, lib, (object) =>
    object instanceof PDFString && /^node\d+$/.test(object.asString())
      ? PDFString.of(rename(object.asString()))
      : undefined,
  );
}
