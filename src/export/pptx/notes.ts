/**
 * Speaker notes as PowerPoint notes-page text: one paragraph per line, at the
 * largest size that fits the notes page's text area (portrait, 7.5×10 in).
 */
import { sans } from '../../plan/fit/geometry.js';
import { lineCount } from '../../plan/fit/text.js';

const EMU_PER_PT = 12700;
/** The notes page, portrait as PowerPoint's default: 540×720 pt. */
export const NOTES_PAGE = { cx: 6858000, cy: 9144000 };
/** The notes text area: under the slide image, above the footer, within the page's side margins. */
export const NOTES_BODY = { x: 685800, y: 4400550, cx: 5486400, cy: 4284663 };
/** The body's default insets (0.1 in left and right, 0.05 in top and bottom). */
const INSET = { x: 7.2, y: 3.6 };
const SIZES = [12, 11, 10, 9, 8, 7, 6];
const LINE = 1.2;

/** Notes as paragraphs: the lines of the trimmed notes, blank lines kept as empty paragraphs. */
export function notesParagraphs(notes: string): string[] {
  const trimmed = notes.trim();
  return trimmed ? trimmed.split(/\r?\n/).map((line) => line.trimEnd()) : [];
}

/** The largest size in pt, from 12 down to 6, at which the paragraphs fit the notes text area. */
export function notesSize(paragraphs: string[]): number {
  const width = NOTES_BODY.cx / EMU_PER_PT - 2 * INSET.x;
  const height = NOTES_BODY.cy / EMU_PER_PT - 2 * INSET.y;
  const fits = (size: number) =>
    paragraphs.reduce((lines, p) => lines + lineCount(p || ' ', sans(size), width * 0.97), 0) * size * LINE <= height;
  return SIZES.find(fits) ?? (SIZES.at(-1) as number);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The notes placeholder's position, body properties and paragraphs, as notes-slide XML. */
export function notesBodyXml(notes: string, lang: string): { spPr: string; txBody: string } {
  const paragraphs = notesParagraphs(notes);
  const size = notesSize(paragraphs) * 100;
  const run = (text: string) =>
    text ? `<a:r><a:rPr lang="${escapeXml(lang)}" sz="${size}" dirty="0"/><a:t>${escapeXml(text)}</a:t></a:r>` : '';
  const body = paragraphs.length
    ? paragraphs
        .map(
          (p) =>
            `<a:p><a:pPr><a:lnSpc><a:spcPct val="${LINE * 100000}"/></a:lnSpc></a:pPr>${run(p)}<a:endParaRPr lang="${escapeXml(lang)}" sz="${size}" dirty="0"/></a:p>`,
        )
        .join('')
    : '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>';
  const { x, y, cx, cy } = NOTES_BODY;
  return {
    spPr: `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm></p:spPr>`,
    // Shrink on overflow: a safety net for text the size estimate got wrong.
    txBody: `<p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>${body}</p:txBody>`,
  };
}
