/**
 * Render stage: Deck → Marp markdown. Pure and deterministic: the same deck
 * always gives the same bytes.
 */
import { Document, isScalar } from 'yaml';
import { type Labels, labelsFor, type MessageKey } from '../i18n/labels.js';
import type { Deck, DeckSlide } from '../plan/deck.js';
import { presenterNotes, type Reader } from '../plan/presenter-notes.js';
import { QR_FENCE } from '../plan/qr.js';
import { directiveValue, escapeInline, escapeNotes, fenceFor } from '../text/escape.js';
import { paletteFor } from '../theme/palette.js';
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
export function renderMarkdown(deck: Deck, reader: Reader = 'speaker'): string {
  const ctx: RenderContext = {
    contenders: deck.contenders,
    labels: labelsFor(deck),
    palette: paletteFor(deck.meta.theme),
  };
  const slides = deck.slides.map((slide) => renderSlide(slide, ctx, reader));
  return `${frontMatter(deck)}\n\n${slides.join('\n\n---\n\n')}\n`;
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
    style: [contenderStyle(deck.contenders, meta.theme), directionStyle(meta.lang), fitStyle(deck)]
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

function renderSlide(slide: DeckSlide, ctx: RenderContext, reader: Reader): string {
  const directives = [`<!-- _class: ${slideClass(slide, ctx)} -->`];
  if (slide.kind === 'title') directives.push('<!-- _paginate: hide -->');
  if (slide.citations.length > 0) {
    const refs = slide.citations.map((n) => `\\[${n}\\]`).join(' ');
    directives.push(`<!-- _footer: ${directiveValue(withMarkdown(ctx.labels, 'sources', { refs }))} -->`);
  }
  const notes = presenterNotes(slide, ctx.labels, reader).map((text) => `<!--\n${escapeNotes(text)}\n-->`);
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

const SLOT = '\ue000';

/** A label escaped as text (an outline may word it), with markdown of our own in its placeholders. */
function withMarkdown(labels: Labels, key: MessageKey, markdown: Record<string, string>): string {
  const slots = Object.fromEntries(Object.keys(markdown).map((name, i) => [name, `${SLOT}${i}${SLOT}`]));
  const escaped = escapeInline(labels.t(key, slots));
  return escaped.replace(/\ue000(\d+)\ue000/g, (_, i: string) => Object.values(markdown)[Number(i)] ?? '');
}
