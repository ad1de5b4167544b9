/**
 * One copy of each stream a printed PDF repeats. Chromium draws CJK text with
 * Type 3 fonts (its PDF writer does not embed CFF outlines such as Noto CJK's),
 * each holding a few glyphs, and every one of them carries its own copy of the
 * empty-box glyph and of glyphs other fonts also hold: a Chinese handout had
 * some 1,000 repeated streams, an eighth of the file.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFObject, PDFRef } from 'pdf-lib';

/** Points every reference to a repeated stream at its first copy and drops the others. */
export function shareRepeatedStreams(document: PDFDocument, lib: typeof import('pdf-lib')): void {
  const { PDFRawStream, PDFRef } = lib;
  const { context } = document;
  const firstOf = new Map<string, PDFRef>();
  const replaced = new Map<PDFRef, PDFRef>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    // The dictionary is part of the key: the same bytes under another filter are another stream.
    const key = createHash('sha256').update(object.dict.toString()).update(object.contents).digest('hex');
    const first = firstOf.get(key);
    if (first) replaced.set(ref, first);
    else firstOf.set(key, ref);
  }
  if (replaced.size === 0) return;

  // pdf-lib makes one PDFRef per object number, so references compare by identity.
  replaceValues(document, lib, (object) => (object instanceof PDFRef ? replaced.get(object) : undefined));
  for (const ref of replaced.keys()) context.delete(ref);
}

/**
 * Every value inside every object of the document, in order, replaced in place by what `replace`
 * gives for it (undefined: kept, and looked inside), into arrays, dictionaries and streams' dictionaries.
 */
export function replaceValues(
  document: PDFDocument,
  { PDFArray, PDFDict, PDFRawStream }: typeof import('pdf-lib'),
  replace: (object: PDFObject) => PDFObject | undefined,
): void {
  const visit = (object: PDFObject): PDFObject => {
    const replacement = replace(object);
    if (replacement) return replacement;
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) object.set(i, visit(object.get(i)));
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) object.set(key, visit(value));
    } else if (object instanceof PDFRawStream) {
      visit(object.dict);
    }
    return object;
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object);
}
