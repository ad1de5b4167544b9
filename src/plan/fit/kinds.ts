/**
 * One fitting strategy per slide kind. Sequences split into continuation
 * parts, code and titles scale within readable limits, long code lines wrap,
 * quotes and statements are sized to their length, and columns re-lay out for
 * the number of contenders. Pure: the same slide always gives the same parts.
 */
import type { Labels } from '../../i18n/labels.js';
import type { Contender } from '../../outline/schema.js';
import { BODY, CONTENT, IMAGE, QUOTE, quoteAuthorSize, STATEMENT, TIMELINE } from '../../theme/geometry.js';
import type { FitInput, SlideContent } from '../deck.js';
import { continuedTitle } from '../words.js';
import { bold, listItemText, paragraph, sans, stack, textHeight } from './blocks.js';
import { chartParts } from './chart.js';
import { codeParts } from './code-panes.js';
import { decisionParts, prosConsParts } from './column-kinds.js';
import { fitList, listParts, timelineItem } from './lists.js';
import { paginate, type Sized, slices } from './paginate.js';
import type { Part } from './part.js';
import { tableParts } from './table.js';
import { type Continued, underTitle } from './title.js';

export { fitList } from './lists.js';
export type { Part } from './part.js';
export { fitDivider, fitTitleSlide } from './title.js';

/** What an authored slide's parts are fitted with: its title (an exercise's numbered), the talk's contenders and words. */
export interface FitContext {
  title: string;
  contenders: readonly Contender[];
  labels: Labels;
}

/** The parts of an authored slide. */
export function fitContent(content: FitInput, { title, contenders, labels }: FitContext): Part[] {
  const nameOf = (id: string) => contenders.find((c) => c.id === id)?.name ?? id;
  // A split slide's title is measured with its counter as the talk writes it.
  const continued: Continued = (t, count) => continuedTitle(labels, t, { index: count, count });
  switch (content.kind) {
    case 'bullets': {
      const lead = content.lead ? stack([paragraph(content.lead, CONTENT.width)]) + BODY.gap : 0;
      const make = (bullets: string[]) => ({ ...content, bullets });
      // A web address wider than the line breaks after its slashes and before `?` and `&`, as in a
      // table, rather than between two letters; it starts on the line of the word before it.
      const bullets = content.bullets.map((b) => listItemText(b, CONTENT.width, labels.lang));
      return fitList(title, { items: bullets, text: (b) => b, make, overhead: lead, continued });
    }
    case 'exercise': {
      // Each part repeats the timebox line ("10 min"), when the author set one.
      const label = content.timeboxLabel ? BODY.size * BODY.line + BODY.gap : 0;
      return fitList(title, {
        items: content.task,
        text: (step) => step,
        make: (task) => ({ ...content, task }),
        overhead: label,
        continued,
      });
    }
    case 'timeline':
      return underTitle(title, (budget) => timelineParts(content, budget, nameOf), continued);
    case 'comparison':
      return underTitle(title, (budget) => tableParts(content, budget, contenders, labels.lang), continued);
    case 'pros-cons':
      return underTitle(title, (budget) => prosConsParts(content, budget, contenders, labels.lang), continued);
    case 'decision':
      return underTitle(title, (budget) => decisionParts(content, budget, labels.lang), continued);
    case 'code':
      return underTitle(title, (budget) => codeParts(content, budget, nameOf), continued);
    case 'quote':
      return underTitle(title, (budget) => quoteParts(content, budget), continued);
    case 'chart':
      return underTitle(title, (budget) => chartParts(content, budget, contenders, labels), continued);
    case 'image':
      return underTitle(
        title,
        (budget) => {
          const caption = content.caption ? stack([paragraph(content.caption, CONTENT.width)]) + BODY.gap : 0;
          // The theme lets an image take its full height; less when a long title or caption needs the room.
          const room = budget - caption - IMAGE.captionGap;
          const image = Math.max(IMAGE.minHeight, Math.floor(Math.min(IMAGE.maxHeight, room)));
          return [{ content, fit: image < IMAGE.maxHeight ? { image } : {} }];
        },
        continued,
      );
  }
}

/**
 * A timeline's events, split only when they do not fit: events that overflow by a little close up
 * to the bullets' gap when that saves a slide (ten one-line events then fill one, rather than two
 * half-empty ones). No fixed count: each event is measured.
 */
function timelineParts(
  content: Extract<SlideContent, { kind: 'timeline' }>,
  budget: number,
  nameOf: (id: string) => string,
): Part[] {
  const at = (gap: number) =>
    listParts(content.events, budget, {
      size: (event) => timelineItem(event.when, event.contender && nameOf(event.contender), event.text, gap),
      make: (events) => ({ ...content, events }),
    });
  const roomy = at(TIMELINE.gap);
  if (roomy.length === 1) return roomy;
  const close = at(TIMELINE.minGap);
  return close.length < roomy.length
    ? close.map((part) => ({ ...part, fit: { ...part.fit, gap: TIMELINE.minGap } }))
    : roomy;
}

/** A quote or a statement at the largest size that fits; one too long for the smallest splits between sentences. */
function quoteParts(content: Extract<SlideContent, { kind: 'quote' }>, budget: number): Part[] {
  const statement = !content.by;
  const { size: largest, min } = statement ? STATEMENT : QUOTE;
  // A quote is indented by its bar and padding, below the title, with its author under it.
  const width = statement ? CONTENT.width : CONTENT.width - QUOTE.bar - QUOTE.indent;
  const overheadAt = (size: number) =>
    content.by ? QUOTE.top + BODY.gap + textHeight(`— ${content.by}`, sans(quoteAuthorSize(size)), { width }) : 0;
  const height = (text: string, size: number) =>
    statement ? textHeight(text, bold(size), { width, line: STATEMENT.line }) : textHeight(text, sans(size), { width });
  for (let size = largest; size >= min; size -= 2) {
    if (overheadAt(size) + height(content.text, size) <= budget)
      return [{ content, fit: size === largest ? {} : { text: size } }];
  }
  const overhead = overheadAt(min);
  const sentences = content.text.match(/[^.!?。！？]+[.!?。！？]*\s*/gu) ?? [content.text];
  const pieces = sentences.flatMap((s) => (overhead + height(s, min) <= budget ? [s] : s.split(/(?<=\s)/u)));
  const pages = paginate(
    pieces.map((piece): Sized => [height(piece, min), 0]),
    budget,
    { overhead },
  ) ?? [[0, pieces.length]];
  return slices(pieces, pages).map((page) => ({
    content: { ...content, text: page.join('').trim() },
    fit: { text: min },
  }));
}
