/**
 * Speaker notes as PowerPoint notes-page text: one paragraph per line, all at
 * one readable size, and an exercise's solution as code in the monospace font.
 */

import { directionOf } from '../../i18n/catalogs.js';
import { escapeXml } from '../../text/xml.js';
import { PPTX_FONTS } from '../../theme/fonts.js';

/** A slide's notes: the text, and the code shown after it (an exercise's solution). */
export interface SlideNotes {
  text: string;
  code?: string;
}

/** The notes page, portrait as PowerPoint's default: 540×720 pt. */
export const NOTES_PAGE = { cx: 6858000, cy: 9144000 };
/** The notes text area: under the slide image, above the footer, within the page's side margins. */
export const NOTES_BODY = { x: 685800, y: 4400550, cx: 5486400, cy: 4284663 };
/**
 * Every slide's notes at the notes master's 12 pt, however long: the notes
 * pane, where the speaker reads them, scrolls, and a size that changes from
 * slide to slide (it used to shrink to 6 pt to fit the printed page) is hard
 * to read. Long notes run past the printed page's text area instead.
 */
const NOTES_SIZE = 12;
const LINE = 1.2;
const EMU_PER_PT = 12700;
/** Consolas's advance (1126/2048 em): a wrapped code line's rest hangs this many pt per character. */
const MONO_ADVANCE = 0.55;
/** Spaces a tab counts for, as on the slides. */
const TAB = 4;

/** Notes as paragraphs: the lines of the trimmed notes, blank lines kept as empty paragraphs. */
export function notesParagraphs(notes: string): string[] {
  const trimmed = notes.trim();
  return trimmed ? trimmed.split(/\r?\n/).map((line) => line.trimEnd()) : [];
}

/** Code as paragraphs: its lines as written, tabs as spaces to the next stop, blank lines at the end dropped. */
function codeParagraphs(code: string): string[] {
  const trimmed = code.replace(/\s+$/, '');
  return trimmed ? trimmed.split(/\r?\n/).map((line) => expandTabs(line.trimEnd())) : [];
}

// PowerPoint's default tab stops are an inch apart, which would not line code up.
function expandTabs(line: string): string {
  let column = 0;
  return [...line]
    .map((c) => {
      const width = c === '\t' ? TAB - (column % TAB) : 1;
      column += width;
      return c === '\t' ? ' '.repeat(width) : c;
    })
    .join('');
}

/** The notes placeholder's position, body properties and paragraphs, as notes-slide XML. */
export function notesBodyXml(notes: SlideNotes, lang: string): { spPr: string; txBody: string } {
  const language = escapeXml(lang);
  const size = NOTES_SIZE * 100;
  // An explicit zero indent: LibreOffice otherwise hangs a notes paragraph's wrapped lines.
  // A right-to-left talk's notes read and align right to left; its code stays left to right.
  const rtl = directionOf(lang) === 'rtl';
  const paragraph = (text: string, { hang = 0, code = false } = {}) => {
    const direction = rtl && !code ? ' algn="r" rtl="1"' : '';
    const pPr = `<a:pPr marL="${hang}" indent="${-hang}"${direction}><a:lnSpc><a:spcPct val="${LINE * 100000}"/></a:lnSpc></a:pPr>`;
    // Code is not spell-checked.
    const rPr = code
      ? `<a:rPr lang="${language}" sz="${size}" noProof="1" dirty="0"><a:latin typeface="${PPTX_FONTS.mono}"/><a:cs typeface="${PPTX_FONTS.mono}"/></a:rPr>`
      : `<a:rPr lang="${language}" sz="${size}" dirty="0"/>`;
    const run = text ? `<a:r>${rPr}<a:t>${escapeXml(text)}</a:t></a:r>` : '';
    return `<a:p>${pPr}${run}<a:endParaRPr lang="${language}" sz="${size}" dirty="0"/></a:p>`;
  };
  const text = notesParagraphs(notes.text).map((p) => paragraph(p));
  // Leading spaces stay as they are: <a:t> is an xsd:string, whose spaces
  // PowerPoint and LibreOffice keep (no xml:space, no no-break spaces, so that
  // the code copies out as written). A line too long for the notes wraps, its
  // rest hanging two characters in from its indentation.
  const code = codeParagraphs(notes.code ?? '').map((line) => {
    const columns = (/^ */.exec(line)?.[0].length ?? 0) + 2;
    return paragraph(line, { hang: Math.round(columns * MONO_ADVANCE * NOTES_SIZE * EMU_PER_PT), code: true });
  });
  const paragraphs = text.length && code.length ? [...text, paragraph(''), ...code] : [...text, ...code];
  const { x, y, cx, cy } = NOTES_BODY;
  return {
    spPr: `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm></p:spPr>`,
    txBody: `<p:txBody><a:bodyPr><a:noAutofit/></a:bodyPr><a:lstStyle/>${paragraphs.join('') || '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'}</p:txBody>`,
  };
}
