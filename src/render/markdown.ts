/**
 * Render stage: Deck → Marp markdown. Pure and deterministic: the same deck
 * always gives the same bytes.
 */
import { Document, isScalar } from 'yaml';
import { labelsFor } from '../i18n/labels.js';
import type { Deck, DeckSlide } from '../plan/deck.js';
import { presenterNotes, type Reader } from '../plan/presenter-notes.js';
import { QR_FENCE } from '../plan/qr.js';
import { directiveValue, escapeInline, escapeNotes, fenceFor } from '../text/escape.js';
import { xmlSafe, xmlText } from '../text/xml.js';
import { type RenderContext, renderSlideBody } from './slides.js';
import { contenderStyle, directionStyle, fitClasses, fitStyle } from './style.js';

/**
 * The deck as Marp markdown, with the presenter notes `reader` may see: by
 * default the speaker's (notes, private notes and solutions).
 *
 * @example
 * const markdown = renderMarkdown(planDeck(outline));
 * markdown.startsWith('---\nmarp: true'); // true
 */
export function renderMarkdown(outlineDeck: Deck, reader: Reader = 'speaker'): string {
  // The text the PPTX, handout and script show too: without what XML cannot hold, before any
  // white space is collapsed (a U+FEFF is dropped, not made a space).
  const deck = xmlSafe(outlineDeck);
  const labels = labelsFor(deck);
  const ctx: RenderContext = {
    contenders: deck.contenders,
    rtl: labels.dir === 'rtl',
    palette: deck.meta.palette,
  };
  const notesOf = (slide: DeckSlide) => presenterNotes(slide, labels, reader);
  const slides = deck.slides.map((slide) => renderSlide(slide, ctx, notesOf(slide)));
  return xmlText(`${frontMatter(deck)}\n\n${slides.join('\n\n---\n\n')}\n`);
}

function frontMatter(deck: Deck): string {
  const { meta } = deck;
  const fields: Record<string, unknown> = {
    marp: true,
    theme: meta.theme,
    size: '16:9',
    paginate: true,
    lang: meta.lang,
    title: meta.title,
    ...(meta.subtitle ? { description: meta.subtitle } : {}),
    ...(meta.speakers.length ? { author: meta.speakers.map((s) => s.name).join(', ') } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    style: [contenderStyle(deck.contenders, meta.palette), directionStyle(meta.lang), fitStyle(deck)]
      .filter(Boolean)
      .join('\n'),
  };
  const document = new Document(fields);
  // Marp reads front matter loosely, taking escapes in plain values: "C:\\temp" would lose a backslash.
  for (const key of ['title', 'description', 'author']) {
    const node = document.get(key, true);
    if (isScalar(node)) node.type = 'QUOTE_SINGLE';
  }
  return `---\n${document.toString({ lineWidth: 0 }).trimEnd()}\n---`;
}

/** The `_class` of a slide: its kind, plus a layout hint some kinds need. */
function slideClass(slide: DeckSlide, ctx: RenderContext): string {
  const kind = slide.kind === 'quote' && !slide.by ? 'statement' : slide.kind;
  const continuedPart = slide.part && slide.part.index > 1 ? ['continued'] : [];
  return [
    kind,
    ...continuedPart,
    ...(slide.dense ? ['dense'] : []),
    ...(slide.qr ? ['qr'] : []),
    ...fitClasses(slide, ctx.contenders),
  ].join(' ');
}

/** A slide's markdown: its directives, its body, its QR code, then `presenter`, its presenter notes. */
function renderSlide(slide: DeckSlide, ctx: RenderContext, presenter: string[]): string {
  const directives = [`<!-- _class: ${slideClass(slide, ctx)} -->`];
  if (slide.kind === 'title') directives.push('<!-- _paginate: hide -->');
  if (slide.sourcesLine) directives.push(`<!-- _footer: ${directiveValue(escapeInline(slide.sourcesLine))} -->`);
  const notes = presenter.map((text) => `<!--\n${escapeNotes(text)}\n-->`);
  const qr = slide.qr ? [qrBlock(slide.qr.text)] : [];
  return [directives.join('\n'), ...renderSlideBody(slide, ctx), ...qr, ...notes].join('\n\n');
}

/**
 * The QR code, as a fenced block of the address: versus's Marp engine
 * (export/marp-engine.ts) draws it as the code and the address beside it;
 * another Marp (an editor's preview) shows the address as code.
 */
function qrBlock(text: string): string {
  const fence = fenceFor(text);
  return `${fence}${QR_FENCE}\n${text}\n${fence}`;
}
