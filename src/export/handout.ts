/**
 * Handout PDF: a cover, then every slide (vector, in the deck's theme, or the light
 * one for the dark theme: `paperSlides` in commands/build.ts) with its speaker notes
 * beside or below it, page numbers, bookmarks per section, and the references in
 * full beside the References slides. Printed by the shared browser.
 */

import type { Page } from 'puppeteer-core';
import { textDirection } from '../i18n/catalogs.js';
import { type Labels, labelsFor } from '../i18n/labels.js';
import type { Deck, DeckSlide, ReferenceLine } from '../plan/deck.js';
import { continuesOnNextSlide, isContinuation } from '../plan/exercises.js';
import { paragraphsOf } from '../plan/notes.js';
import { DEFAULTS } from '../shared/defaults.js';
import { isProse } from '../shared/languages.js';
import { addressHtml, addressWordsJoined, unbroken } from '../text/address.js';
import { cssString, escapeHtml } from '../text/escape.js';
import { PLACEHOLDER } from '../text/marks.js';
import { japanesePhrases } from '../text/phrases.js';
import { xmlSafe } from '../text/xml.js';
import { sansStackFor } from '../theme/fonts.js';
import { BODY, CHART, CODE, LABEL, SLIDE, TABLE, TIMELINE } from '../theme/geometry.js';
import { paletteFor } from '../theme/palette.js';
import { DEFAULT_THEME } from '../theme/themes.js';
import { CODE_CSS, codeBlock } from './code-block.js';
import type { RenderedSlides } from './marp.js';
import { finishedPdf, type PrintJob, printPage } from './pdf.js';

export type Paper = 'a4' | 'letter';
export type HandoutLayout = 1 | 2 | 3;

export interface HandoutOptions {
  paper?: Paper;
  /** Slides per page, at most: 1 (large, notes below), 2 (medium, notes below) or 3 (notes beside). */
  handoutLayout?: HandoutLayout;
}

/** Undoes Marp's own print rules (one slide per landscape page) for slides embedded in a page. */
export const EMBEDDED_SLIDES_CSS = `
@media print {
  div.marpit > svg[data-marpit-svg] { width: 100% !important; height: auto !important; }
  div.marpit > svg > foreignObject > section { break-before: auto !important; page-break-before: auto !important; }
  html, body { break-inside: auto !important; page-break-inside: auto !important; }
}
`;

/** The space under each slide of the handout, in mm. */
const ITEM_GAP = 6;
/** Under a slide the page's width: its gap, heading and a first line of notes, in mm. */
const WIDE_HEADING = 16;
/** Under a slide beside its notes: its starter code's gap, label and first three lines, in mm. */
const STARTER_HEAD = 26;

/** Slide text prints at this size or more (pt), but for the footer's: the page repeats its number and sources. */
const MIN_PRINTED_PT = 7;
/** The width a slide prints at for its `px` text to print at MIN_PRINTED_PT, in mm. */
const widthPrinting = (px: number) => ((MIN_PRINTED_PT * 25.4) / 72) * (SLIDE.width / px);
/** A slide beside its notes (layout 3) is as wide as body text needs: 28 px prints at 7 pt, 113 mm. */
const BESIDE_WIDTH = Math.ceil(widthPrinting(BODY.size));

/** A References slide beside its sources in full, which its text need not print large. */
const SOURCES_THUMB_WIDTH = 84;

/**
 * The smallest text a slide sets, in px (the theme's sizes, or the planner's where it chose
 * smaller). A References slide's sources are printed in full beside it, so its own text counts for nothing.
 */
function smallestTextPx(slide: DeckSlide): number {
  switch (slide.kind) {
    case 'comparison':
      return slide.dense ? TABLE.dense : TABLE.size;
    case 'code':
      return slide.fit?.code ?? CODE.size;
    case 'chart':
      return Math.min(CHART.tick, CHART.value, CHART.compactValue);
    case 'image':
      // A picture's own text, which versus cannot size: as large as the page allows.
      return 0;
    case 'pros-cons':
      return LABEL.size;
    case 'timeline':
      return slide.events.some((event) => event.contender) ? TIMELINE.badge.size : BODY.size;
    case 'quote':
      return Math.min(slide.fit?.text ?? BODY.size, BODY.size);
    case 'title':
      // A QR code's address is on the cover, in full.
      return Math.min(slide.fit?.subtitle ?? BODY.size, slide.fit?.byline ?? BODY.size);
    case 'references':
      return Number.POSITIVE_INFINITY;
    default:
      return BODY.size;
  }
}

/**
 * A slide whose text would print under MIN_PRINTED_PT beside its notes takes the page's width
 * (182 mm on A4: table text at 8–10 pt, code at 6.5–8 pt), its notes below it.
 */
const printsWide = (slide: DeckSlide) => widthPrinting(smallestTextPx(slide)) > BESIDE_WIDTH;

/**
 * How a slide's notes break across pages (handout and script): a heading or label
 * goes to the next page with its first lines; a paragraph or code block leaves at
 * least three lines at the foot of a page and takes at least five to the next, so
 * that a few lines never make a page of their own; the last block goes with what
 * comes before it. The last block has no margin below: Chromium does not drop a
 * margin at a page break inside a grid cell, and would carry it over to a blank page.
 */
export const NOTES_FLOW_CSS = `.item .notes p, .item .code-block { orphans: 3; widows: 5; }
.item .notes > :last-child { break-before: avoid; margin-bottom: 0; }
.item .code-label, .item .private-label { break-after: avoid; }`;

/**
 * Text the page sets itself (handout and script) as its language sets it: headings (the cover's
 * title and subtitle, the script's title, section titles, each slide's heading) in a Japanese
 * talk break between phrases, never inside a word ("2026年の" and "フロントエンド" stay whole):
 * Chromium's `word-break: auto-phrase`; Chinese and Japanese never start a line with a small kana
 * or closing punctuation, Korean breaks between words. The slides printed on the page keep the
 * lines the planner counted.
 */
export const PAGE_TEXT_CSS = `:lang(ja) :is(.cover h1, .cover .subtitle, .heading h1, .section-title, .notes h3) { word-break: auto-phrase; text-wrap: balance; }
:lang(zh), :lang(ja) { line-break: strict; }
:lang(ko) { word-break: keep-all; }
/* Chinese, Japanese and Korean have no italics: a slanted ideograph is a distorted one. */
:is(:lang(zh), :lang(ja), :lang(ko)) .item :is(.none, .solution-note) { font-style: normal; }`;

/** Printed pages are white paper: the light theme's text, muted and rule colors (the script's too). */
export const PAPER = paletteFor(DEFAULT_THEME);

/** A slide printed on the page (handout and script), framed; the pictures on it (a chart, a QR code) are not. */
export const THUMB_CSS = `.item .thumb .marpit > svg { display: block; box-sizing: border-box; width: 100%; height: auto; border: 0.3mm solid ${PAPER.rule}; }`;

const HANDOUT_CSS = `
html { font-size: 10.5pt; color: ${PAPER.fg}; }
body { margin: 0; }
h1, h2, h3 { margin: 0; }
.cover { break-after: page; padding-top: 40mm; }
.cover h1 { font-size: 30pt; line-height: 1.15; }
.cover .subtitle { font-size: 15pt; color: ${PAPER.muted}; margin: 4mm 0 10mm; }
.cover .bar { height: 3mm; width: 60mm; border-radius: 1.5mm; margin: 6mm 0; }
.cover p { font-size: 12pt; margin: 0 0 2mm; }
.cover .contents { margin-top: 14mm; font-size: 11pt; }
.cover .contents li { margin-bottom: 1.5mm; break-inside: avoid; }
/* A talk of many sections lists them in two columns: the cover stays one page. */
.cover .contents:has(> li:nth-child(9)) { columns: 2; column-gap: 8mm; }
.section-title { font-size: 15pt; margin: 0 0 4mm; padding-bottom: 1.5mm; border-bottom: 0.6mm solid ${PAPER.rule}; break-after: avoid; }
.section { margin-bottom: 4mm; }
.item { margin-bottom: ${ITEM_GAP}mm; }
.item .thumb { break-inside: avoid; }
${THUMB_CSS}
.item h3 { font-size: 11pt; margin-bottom: 1.5mm; break-after: avoid; }
.item .meta { color: ${PAPER.muted}; font-size: 9pt; font-weight: normal; }
.item .notes p { margin: 0 0 2mm; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.4; }
.item .notes .none { color: ${PAPER.muted}; font-style: italic; }
.item .notes .code-label { margin: 2mm 0 1mm; font-weight: bold; }
.item .notes .solution-note { color: ${PAPER.muted}; font-style: italic; }
${NOTES_FLOW_CSS}
/* Layouts 2 and 3: a strut across the slide that does not break (its height from pageCss) moves the
   slide to the next page when too little of this one is left, so that no more than 2 or 3 share a page.
   A min-height did that by carrying its rest over: blank space atop the next page, or a blank page. */
.layout-2 .item, .layout-3 .item { display: grid; align-items: start; }
.layout-2 .item::before, .layout-3 .item::before { content: ''; break-inside: avoid; }
.layout-3 .item { grid-template-columns: ${BESIDE_WIDTH}mm 1fr; column-gap: 6mm; }
.layout-3 .item::before { grid-area: 1 / 1 / 2 / 3; }
.layout-3 .item > .thumb { grid-area: 1 / 1; }
/* A References slide's sources are printed in full beside it: the list gets the room. */
.layout-3 .item.sources { grid-template-columns: ${SOURCES_THUMB_WIDTH}mm 1fr; }
.layout-3 .item > .notes { grid-area: 1 / 2; }
/* What the strut adds goes under the notes, not between the slide and its heading. */
.layout-2 .item { grid-template-rows: auto 1fr; }
.layout-2 .item::before { grid-area: 1 / 1 / 3 / 2; }
.layout-2 .item > .thumb { grid-area: 1 / 1; width: 120mm; margin-bottom: 3mm; }
.layout-2 .item > .notes { grid-area: 2 / 1; }
/* A slide of small text (tables, code, charts, labels) takes the page's width, its notes below it, as in layout 1. */
.layout-2 .item.wide, .layout-3 .item.wide { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
.layout-2 .item.wide::before, .layout-3 .item.wide::before { grid-area: 1 / 1 / 3 / 2; }
.layout-2 .item.wide > .thumb, .layout-3 .item.wide > .thumb { grid-area: 1 / 1; width: 100%; margin-bottom: 3mm; break-after: avoid; }
.layout-2 .item.wide > .notes, .layout-3 .item.wide > .notes { grid-area: 2 / 1; }
/* An exercise's starter code runs the page's width under the slide and its notes: its lines would
   wrap in the notes' column. The strut then spans its row too: beside the notes, as tall as the slide
   and the code's first lines, so that the two start on one page; what it adds goes under the code. */
.layout-3 .item > .starter { grid-area: 2 / 1 / 3 / 3; margin-top: 3mm; }
.layout-3 .item:not(.wide):has(> .starter) { grid-template-rows: auto 1fr; }
.layout-3 .item:not(.wide):has(> .starter)::before { grid-area: 1 / 1 / 3 / 3; }
.layout-2 .item > .starter, .layout-3 .item.wide > .starter { grid-area: 3 / 1; margin-top: 0; }
/* An exercise stays whole on one page, its starter code with it, when the page can hold it. */
.layout-2 .item:has(> .starter), .layout-3 .item:has(> .starter) { break-inside: avoid; }
.layout-2 .item:has(> .starter), .layout-3 .item.wide:has(> .starter) { grid-template-rows: auto auto 1fr; }
.layout-2 .item:has(> .starter)::before, .layout-3 .item.wide:has(> .starter)::before { grid-area: 1 / 1 / 4 / 2; }
.layout-1 .section, .layout-1 .item + .item { break-before: page; }
.layout-1 .item .thumb { width: 100%; margin-bottom: 4mm; }
/* Layouts 1 and 2: a slide's heading is under it; the two stay together. */
.layout-1 .item .thumb, .layout-2 .item .thumb { break-after: avoid; }
.references { break-before: page; }
.reference-list { padding-inline-start: 6mm; margin: 0; }
.reference-list li { margin-bottom: 2mm; break-inside: avoid; }
/* The last three references go together: a last page never holds one or two lines alone. */
.reference-list li:nth-last-child(-n + 2) { break-before: avoid; }
/* An address goes whole to the next line when it fits one, and breaks where addresses do
   (addressHtml) when it does not, a part too long for the line anywhere; it reads left to
   right in a right-to-left handout too. */
.reference-list a { display: inline-block; max-width: 100%; color: inherit; overflow-wrap: anywhere; direction: ltr; }
[dir=rtl] .cover .bar { transform: scaleX(-1); }
.reference-list .accessed { white-space: nowrap; }
`;

export async function exportHandout(
  job: PrintJob,
  deck: Deck,
  { slides, css }: RenderedSlides,
  options: HandoutOptions,
): Promise<{ pdf: Buffer; overPages: OverPage[] }> {
  const layout = options.handoutLayout ?? DEFAULTS.handoutLayout;
  const paper = options.paper ?? DEFAULTS.paper;
  const html = handoutDocument(deck, { slides, css }, { layout, paper });
  const document = { name: 'handout', html, pdf: { preferCSSPageSize: true } };
  const printed = await printPage(job, document, (page) => fitStartersToTheirPage(page, paper));
  return { pdf: await finishedPdf(job, printed), overPages: printed.inspected };
}

/** An exercise the handout cannot print on one page with its starter code: its slide (1-based) and the pages it takes. */
export interface OverPage {
  slide: number;
  pages: number;
}

/** CSS pixels in a millimetre: what the printed pages' sizes are laid out in. */
const PX_PER_MM = 96 / 25.4;

/** Lays the page out as wide as the printed page's text, and returns that text's height in CSS pixels. */
export async function atPrintedWidth(page: Page, paper: Paper): Promise<number> {
  const { width, height } = pageContent(paper);
  await page.setViewport({ width: Math.round(width * PX_PER_MM), height: Math.round(height * PX_PER_MM) });
  return height * PX_PER_MM;
}

/** Starter code shrinks no smaller than this to stay on its slide's page (pt). */
const STARTER_MIN_PT = 7;

/**
 * An exercise stays on one page with its starter code (layout 1 gives each slide a page; layouts 2
 * and 3 move it whole to the next): code that runs a little past the page is set smaller (down to
 * `STARTER_MIN_PT`) so that it ends on that page, rather than leave its last lines alone on the next.
 * Measured at the printed pages' width, as the page lays it out before it is printed.
 */
async function fitStartersToTheirPage(page: Page, paper: Paper): Promise<OverPage[]> {
  const body = await atPrintedWidth(page, paper);
  return page.$$eval(
    '.item:has(> .starter)',
    (items, body, minPx) => {
      const overPages: { slide: number; pages: number }[] = [];
      for (const item of items as HTMLElement[]) {
        const code = item.querySelector<HTMLElement>('.starter .code-block');
        // A section's first slide shares its page with the section's title.
        const start = item.previousElementSibling?.matches('.section-title') ? item.parentElement : item;
        if (!code || !start) continue;
        const height = item.getBoundingClientRect().bottom - start.getBoundingClientRect().top;
        const over = height - body;
        if (over <= 0) continue;
        const size = Number.parseFloat(getComputedStyle(code).fontSize);
        const lines = code.getBoundingClientRect().height;
        // The code's height goes with its size (its lines wrap less when smaller); a little room for rounding.
        const fitted = Math.floor(size * (1 - (over + 4) / lines) * 10) / 10;
        if (fitted >= minPx) item.style.setProperty('--code-size', `${fitted}px`);
        else overPages.push({ slide: Number(item.dataset.slide), pages: Math.ceil(height / body) });
      }
      return overPages;
    },
    body,
    (STARTER_MIN_PT * 96) / 72,
  );
}

/** The handout as one HTML page; `slideHtml[i]` is slide i rendered by Marp. */
export function handoutDocument(
  outlineDeck: Deck,
  { slides: slideHtml, css: marpCss }: RenderedSlides,
  { layout, paper }: { layout: HandoutLayout; paper: Paper },
): string {
  // Without the characters the markdown and the PPTX drop (notes and code may hold them), as they show it.
  const deck = xmlSafe(outlineDeck);
  const labels = labelsFor(deck);
  const body = sectionsHtml(deck, labels, (slide, i) =>
    item({ slide, number: i + 1, svg: slideHtml[i] ?? '' }, labels),
  );
  return `<!DOCTYPE html>
<html lang="${escapeHtml(deck.meta.lang)}" dir="${labels.dir}"><head><meta charset="utf-8"><title>${escapeHtml(labels.t('handout', { title: deck.meta.title }))}</title>
<style>${marpCss}</style><style>${EMBEDDED_SLIDES_CSS}${HANDOUT_CSS}${PAGE_TEXT_CSS}${CODE_CSS}
${pageCss(deck.meta.title, paper, labels)}</style></head>
<body class="layout-${layout}">
${cover(deck, labels)}
${body}
${references(deck)}
</body></html>`;
}

/** The slides grouped under their sections' titles, as HTML, each slide made into `render(slide, index)`. */
export function sectionsHtml(deck: Deck, labels: Labels, render: (slide: DeckSlide, index: number) => string): string {
  const sections: { title: string; items: string[]; references: boolean }[] = [];
  deck.slides.forEach((slide, i) => {
    // Before the first section: the opening; after the last: the references, under their own title.
    const references = !slide.section && slide.kind === 'references';
    const group = slide.section ?? (references ? deck.references.title : labels.t('introduction'));
    if (sections.at(-1)?.title !== group) sections.push({ title: group, items: [], references });
    sections.at(-1)?.items.push(render(slide, i));
  });
  return sections
    .map(
      (s) =>
        `<section class="section${s.references ? ' references-slides' : ''}"><h2 class="section-title">${escapeHtml(s.title)}</h2>${s.items.join('\n')}</section>`,
    )
    .join('\n');
}

/** The printed pages' margins, in mm: top, sides, bottom (which holds the footer). */
const MARGIN = { top: 14, side: 14, bottom: 16 };

/** What a printed page holds inside its margins, in mm. */
export function pageContent(paper: Paper): { width: number; height: number } {
  const [width, height] = paper === 'letter' ? [215.9, 279.4] : [210, 297];
  return { width: width - 2 * MARGIN.side, height: height - MARGIN.top - MARGIN.bottom };
}

/**
 * Paper and margins, with the talk's title and the page number in the bottom margin of every page
 * (mirrored right to left), in the fonts of the talk's language, as is the page's own text.
 */
export function pageCss(title: string, paper: Paper, { dir, lang }: Pick<Labels, 'dir' | 'lang'>): string {
  const [start, end] = dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const fonts = sansStackFor(lang);
  const footer = `font: 8pt ${fonts}; color: ${PAPER.muted};`;
  // A slide of layouts 2 and 3 starts on a page only where its strut fits: a page holds 2 or 3 of them
  // with their gaps, but not one more, so that as many slides share a page as fit, up to 2 or 3.
  const { width, height: body } = pageContent(paper);
  const strut = (perPage: number) => `${((body + ITEM_GAP) / (perPage + 1) - ITEM_GAP + 1).toFixed(1)}mm`;
  // A slide the page's width starts on a page where it fits with its heading and a first line of notes.
  // As wide as on A4 at most: on Letter, wider and shorter, a wider slide left no room for a second.
  const wideWidth = Math.min(width, pageContent('a4').width);
  const wide = `${((wideWidth * SLIDE.height) / SLIDE.width + WIDE_HEADING).toFixed(1)}mm`;
  const besideWithStarter = `${((BESIDE_WIDTH * SLIDE.height) / SLIDE.width + STARTER_HEAD).toFixed(1)}mm`;
  return `html { font-family: ${fonts}; }
.layout-2 .item::before { height: ${strut(2)}; }
.layout-3 .item::before { height: ${strut(3)}; }
.layout-2 .item.wide::before, .layout-3 .item.wide::before { height: ${wide}; }
.layout-2 .item.wide > .thumb, .layout-3 .item.wide > .thumb { max-width: ${wideWidth}mm; }
.layout-3 .item:not(.wide):has(> .starter)::before { height: ${besideWithStarter}; }
@page {
  size: ${paper === 'letter' ? 'letter' : 'A4'} portrait; margin: ${MARGIN.top}mm ${MARGIN.side}mm ${MARGIN.bottom}mm;
  @bottom-${start} { content: ${cssString(title)}; ${footer} }
  @bottom-${end} { content: counter(page) " / " counter(pages); ${footer} }
}`;
}

/** A slide's notes as HTML paragraphs, or a line saying why there are none. */
export function notesHtml(slide: DeckSlide, labels: Labels): string {
  if (paragraphsOf(slide.notes).length > 0) return paragraphsHtml(slide.notes);
  return `<p class="none">${escapeHtml(labels.t(isContinuation(slide) ? 'continuedNotes' : 'noNotes'))}</p>`;
}

/** Text as paragraphs (separated by blank lines), each shown as written. */
export function paragraphsHtml(text: string): string {
  return paragraphsOf(text)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}

/**
 * A slide of the handout: its number in the deck and its picture as Marp drew it. A References
 * slide has its sources in full beside it, linked, instead of a page of their own after the
 * last slide (which held one or two lines for a talk of few sources).
 */
function item({ slide, number, svg }: { slide: DeckSlide; number: number; svg: string }, labels: Labels): string {
  const listed = slide.kind === 'references' ? referenceList(slide.sources) : '';
  const paragraphs = listed && paragraphsOf(slide.notes).length === 0 ? listed : notesHtml(slide, labels) + listed;
  const exercise = attendeeExercise(slide, labels);
  // The slide's sources line, which its footer prints too small to read beside the notes.
  const meta = [slide.times.length, ...(slide.sourcesLine ? [slide.sourcesLine] : [])].join(' · ');
  const layout = printsWide(slide) ? ' wide' : listed ? ' sources' : '';
  return `<article class="item${layout}" data-slide="${number}">
<div class="thumb"><div class="marpit" aria-hidden="true">${svg}</div></div>
<div class="notes code-column"><h3>${number}. <bdi>${escapeHtml(slide.heading)}</bdi> <span class="meta">·\u00a0${escapeHtml(meta)}</span></h3>${paragraphs}${exercise.inNotes}</div>${exercise.below}
</article>`;
}

/**
 * Under an exercise, for attendees: its starter code, and where the solution is (never the
 * solution itself). Code goes below the slide and its notes, the page's width (`starter`); an
 * answer in words starts as text, in the notes.
 */
function attendeeExercise(slide: DeckSlide, labels: Labels): { inNotes: string; below: string } {
  if (slide.kind !== 'exercise' || continuesOnNextSlide(slide)) return { inNotes: '', below: '' };
  const solution = `<p class="solution-note">${escapeHtml(labels.t('solutionInSession'))}</p>`;
  if (!slide.starter || isProse(slide.language)) {
    return { inNotes: (slide.starter ? paragraphsHtml(slide.starter) : '') + solution, below: '' };
  }
  const code = `<p class="code-label">${escapeHtml(labels.t('starterCode'))}</p>${codeBlock(slide.starter, slide.language)}`;
  return { inNotes: '', below: `<div class="notes starter code-column">${code}${solution}</div>` };
}

/**
 * A Japanese title broken only between the phrases the planner breaks the title slide's at
 * (text/phrases.ts: a long compound where its words meet), not Chromium's own, which breaks a
 * phrase too long for the line anywhere (`選定ガ` / `イド`).
 */
function phrasedHtml(text: string): string {
  const phrases = japanesePhrases(text);
  return phrases
    ? `<span style="word-break:keep-all">${phrases.map((phrase) => escapeHtml(phrase)).join('<wbr>')}</span>`
    : escapeHtml(text);
}

function cover(deck: Deck, labels: Labels): string {
  const { meta } = deck;
  const colors = deck.contenders.map((c) => c.color);
  const stops = colors
    .map((color, i) => `${color} ${(i * 100) / colors.length}% ${((i + 1) * 100) / colors.length}%`)
    .join(', ');
  // An address, and a contact in Latin letters, read left to right on a right-to-left cover: set so, its
  // trailing slash stays last ("https://example.org/talks/he/", not "/https://example.org/talks/he").
  const rtl = labels.dir === 'rtl';
  const leftToRight = (text: string, html: string) =>
    rtl && textDirection(text, 'rtl') === 'ltr' ? `<span dir="ltr">${html}</span>` : html;
  const speakers = meta.speakers.map(
    (s) =>
      `<p>${s.role ? escapeHtml(labels.t('speaker', { name: PLACEHOLDER, role: s.role })).replace(PLACEHOLDER, `<strong>${escapeHtml(s.name)}</strong>`) : `<strong>${escapeHtml(s.name)}</strong>`}${s.contact ? ` — ${leftToRight(s.contact, addressWordsJoined(s.contact, escapeHtml, unbroken))}` : ''}</p>`,
  );
  const occasion = [meta.event, meta.dateText]
    .filter(Boolean)
    .map((t) => escapeHtml(t as string))
    .join(' · ');
  const length = [deck.length.slides, labels.t('aboutMinutes', { n: Math.round(deck.minutes) })];
  const sectionTitles = [...new Set(deck.slides.flatMap((s) => (s.section ? [s.section] : [])))];
  return `<div class="cover">
<h1>${phrasedHtml(meta.title)}</h1>
${meta.subtitle ? `<p class="subtitle">${escapeHtml(meta.subtitle)}</p>` : ''}
<div class="bar" style="background: linear-gradient(90deg, ${stops})"></div>
${speakers.join('\n')}
${occasion ? `<p>${occasion}</p>` : ''}
${meta.url ? `<p><a href="${escapeHtml(meta.url)}"${rtl ? ' dir="ltr"' : ''}>${addressHtml(meta.url)}</a></p>` : ''}
<p>${escapeHtml(length.join(' · '))}</p>
<ol class="contents">${sectionTitles.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>
</div>`;
}

/**
 * The sources on a page of their own after the last slide, under their title: only for a talk
 * that shows no References slide (`references: false`), whose items list them.
 */
function references(deck: Deck): string {
  const { title, lines } = deck.references;
  if (lines.length === 0 || deck.slides.some((slide) => slide.kind === 'references')) return '';
  return `<section class="references"><h2 class="section-title">${escapeHtml(title)}</h2>${referenceList(lines)}</section>`;
}

/** Sources, each on the line the References slide shows, the whole address linked, numbered as there. */
function referenceList(lines: readonly ReferenceLine[]): string {
  const items = lines.map((line) => {
    const address = line.url
      ? `${line.gaps.address}<a href="${escapeHtml(line.url)}">${addressHtml(line.address ?? line.url)}</a>`
      : '';
    const accessed = line.accessed
      ? `${line.gaps.accessed}<span class="accessed">${escapeHtml(line.accessed)}</span>`
      : '';
    return `<li>${escapeHtml(line.text)}${address}${accessed}</li>`;
  });
  const start = lines[0]?.number ?? 1;
  return `<ol class="reference-list"${start > 1 ? ` start="${start}"` : ''}>${items.join('')}</ol>`;
}
