/**
 * The speaker's script (`<slug>.script.pdf`): what the presenter prints and
 * keeps at the lectern. Every slide, small, beside its notes in large type,
 * with its planned start time and length; the exercises' solutions as code;
 * the sections one after another. Printed like the handout, on A4 or Letter.
 */
import type { Page } from 'puppeteer-core';
import { type Labels, labelsFor } from '../i18n/labels.js';
import type { Deck, DeckSlide } from '../plan/deck.js';
import { solutionOf } from '../plan/exercises.js';
import { DEFAULTS } from '../shared/defaults.js';
import { isProse } from '../shared/languages.js';
import { escapeHtml } from '../text/escape.js';
import { xmlSafe } from '../text/xml.js';
import { CODE_CSS, codeBlock } from './code-block.js';
import {
  atPrintedWidth,
  EMBEDDED_SLIDES_CSS,
  NOTES_FLOW_CSS,
  notesHtml,
  PAGE_TEXT_CSS,
  PAPER,
  type Paper,
  pageCss,
  paragraphsHtml,
  sectionsHtml,
  THUMB_CSS,
} from './handout.js';
import type { RenderedSlides } from './marp.js';
import { finishedPdf, type PrintJob, printPage } from './pdf.js';

const SCRIPT_CSS = `
html { font-size: 14pt; color: ${PAPER.fg}; }
body { margin: 0; }
h1, h2, h3 { margin: 0; }
.heading { margin-bottom: 6mm; }
.heading h1 { font-size: 22pt; line-height: 1.2; }
.heading p { font-size: 12pt; color: ${PAPER.muted}; margin: 2mm 0 0; }
/* Sections follow one another, as the handout's do: a section starting on a page of its own left a page holding one slide that spilled from the section before. */
.section-title { font-size: 18pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 0.8mm solid ${PAPER.fg}; break-after: avoid; }
.item { display: grid; grid-template-columns: 52mm 1fr; gap: 5mm; align-items: start; margin-bottom: 6mm; }
${THUMB_CSS}
.item h3 { font-size: 14pt; line-height: 1.25; break-after: avoid; }
.item .time { font-size: 11pt; color: ${PAPER.muted}; margin: 0.5mm 0 2mm; break-after: avoid; }
.item .time strong { color: ${PAPER.fg}; }
.item .notes p { margin: 0 0 2.5mm; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.4; }
.item .notes .none { color: ${PAPER.muted}; font-style: italic; font-size: 11pt; }
.item .code-label { font-weight: bold; margin: 3mm 0 1mm; }
${NOTES_FLOW_CSS}
/* What only the speaker sees: set apart, so it is never read out by mistake. */
.item .private { border-inline-start: 1.2mm solid #8250df; background: #f6f0ff; padding: 1.5mm 3mm; margin: 0 0 2.5mm; }
.item .private .private-label { font-weight: bold; font-size: 11pt; color: #5a32a3; margin-bottom: 1mm; }
/* A section's divider goes to the page of the section's first slide, with the section's title. */
.item.divider { break-after: avoid; }
/* A short entry on one page: its notes, private note and solution are read together (see LONG_ENTRY). */
.item:not(.long) { break-inside: avoid; }
/* Kept whole: Chromium leaves the label alone at the foot of a page when a one-line note follows it. */
.item .private { break-inside: avoid; }
.item .code-block { --code-size: 10.5pt; --code-min: 8pt; }
`;

export interface ScriptOptions {
  paper?: Paper;
}

export async function exportScript(
  job: PrintJob,
  deck: Deck,
  { slides, css }: RenderedSlides,
  options: ScriptOptions,
): Promise<Buffer> {
  const paper = options.paper ?? DEFAULTS.paper;
  const html = scriptDocument(deck, { slides, css }, paper);
  const document = { name: 'script', html, pdf: { preferCSSPageSize: true } };
  return finishedPdf(job, await printPage(job, document, (page) => markLongEntries(page, paper)));
}

/**
 * An entry taller than this share of a page may break across pages (between its
 * paragraphs, or inside one); a shorter one goes whole to the next page when it does
 * not fit, leaving at most this share of a page blank.
 */
const LONG_ENTRY = 0.5;

/** Marks the entries taller than `LONG_ENTRY` of a page, laid out at the printed pages' width. */
async function markLongEntries(page: Page, paper: Paper): Promise<void> {
  const body = await atPrintedWidth(page, paper);
  await page.$$eval(
    '.item',
    (items, limit) => {
      for (const item of items) if (item.getBoundingClientRect().height > limit) item.classList.add('long');
    },
    body * LONG_ENTRY,
  );
}

/** The script as one HTML page; `slideHtml[i]` is slide i rendered by Marp. */
export function scriptDocument(
  outlineDeck: Deck,
  { slides: slideHtml, css: marpCss }: RenderedSlides,
  paper: Paper,
): string {
  // Without the characters the markdown and the PPTX drop (notes and code may hold them), as they show it.
  const deck = xmlSafe(outlineDeck);
  const labels = labelsFor(deck);
  const body = sectionsHtml(deck, labels, (slide, i) =>
    item({ slide, number: i + 1, svg: slideHtml[i] ?? '' }, labels),
  );
  const { meta } = deck;
  const { length } = deck;
  // The talk's length over its slot, read as one ("18.75 min / 60 min", "66.5分 / 120分": a line
  // may break between a number and an ideograph).
  const minutes = `${length.minutes}${length.slot ? ` / ${length.slot}` : ''}`;
  const about = [meta.profile, meta.event, meta.dateText]
    .filter(Boolean)
    .map((t) => escapeHtml(t as string))
    .concat(`<span style="white-space: nowrap">${escapeHtml(minutes)}</span>`)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}" dir="${labels.dir}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)} — ${escapeHtml(labels.t('script'))}</title>
<style>${marpCss}</style><style>${EMBEDDED_SLIDES_CSS}${SCRIPT_CSS}${PAGE_TEXT_CSS}${CODE_CSS}
${pageCss(`${meta.title} — ${labels.t('script')}`, paper, labels)}</style></head>
<body>
<div class="heading"><h1>${escapeHtml(meta.title)}</h1><p>${escapeHtml(labels.t('script'))} · ${about}</p></div>
${body}
</body></html>`;
}

/** A slide of the script: its number in the deck and its picture as Marp drew it. */
interface ScriptItem {
  slide: DeckSlide;
  number: number;
  svg: string;
}

function item({ slide, number, svg }: ScriptItem, labels: Labels): string {
  const notes = notesHtml(slide, labels);
  const solution = solutionOf(slide);
  // A solution in words (`language: text`) is set as the notes are; code as code.
  const code =
    solution && slide.kind === 'exercise'
      ? `<div class="solution"><p class="code-label">${escapeHtml(labels.t('solution'))}</p>${
          isProse(slide.language) ? paragraphsHtml(solution) : codeBlock(solution, slide.language)
        }</div>`
      : '';
  const privateNotes = slide.privateNotes
    ? `<div class="private"><p class="private-label">${escapeHtml(labels.t('privateNotes'))}</p>${paragraphsHtml(slide.privateNotes)}</div>`
    : '';
  return `<article class="item${slide.kind === 'divider' ? ' divider' : ''}">
<div class="thumb"><div class="marpit" aria-hidden="true">${svg}</div></div>
<div class="notes code-column"><h3>${number}. ${escapeHtml(slide.heading)}</h3>
<p class="time">${escapeHtml(labels.t('starts'))} <strong>${slide.times.start}</strong> · ${escapeHtml(slide.times.length)}</p>${notes}${privateNotes}${code}</div>
</article>`;
}
