/**
 * Reproducible PDFs: with SOURCE_DATE_EPOCH set (https://reproducible-builds.org),
 * the dates and ids Chromium stamps into a PDF are replaced by fixed ones, so
 * the same inputs give byte-identical files.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFObject } from 'pdf-lib';

/** The build date from SOURCE_DATE_EPOCH (seconds), or undefined when it is not set. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const seconds = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
}

export async function reproduciblePdf(pdf: Uint8Array, date: Date, title: string): Promise<Uint8Array> {
  // pdf-lib takes a tenth of a second to load; only reproducible builds need it.
  const pdfLib = await import('pdf-lib');
  const { PDFDocument, PDFHexString } = pdfLib;
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setTitle(title);
  document.setProducer('versus');
  document.setCreator('versus');
  // The file id comes from what the file is, not from when the browser printed it.
  const id = PDFHexString.of(createHash('sha256').update(`${title}\n${date.toISOString()}`).digest('hex').slice(0, 32));
  document.context.trailerInfo.ID = document.context.obj([id, id]);
  renumberNodeIds(document, pdfLib);
  return document.save({ useObjectStreams: false });
}

/**
 * Tagged PDFs name structure elements after the browser's DOM node ids
 * ("node00000203"), which differ from run to run; number them in order instead.
 */
function renumberNodeIds(document: PDFDocument, { PDFArray, PDFDict, PDFString }: typeof import('pdf-lib')): void {
  const renamed = new Map<string, string>();
  const rename = (value: string) => {
    if (!renamed.has(value)) renamed.set(value, `node${String(renamed.size + 1).padStart(8, '0')}`);
    return renamed.get(value) as string;
  };
  const visit = (object: PDFObject): PDFObject => {
    if (object instanceof PDFString && /^node\d+$/.test(object.asString()))
      return PDFString.of(rename(object.asString()));
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) object.set(i, visit(object.get(i)));
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) object.set(key, visit(value));
    }
    return object;
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object);
}
