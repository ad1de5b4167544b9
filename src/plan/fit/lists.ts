/**
 * Lists split into continuation parts: bullets, exercise steps, timeline
 * events, the agenda and the references. Numbered lists continue their numbers.
 */
import { BODY, CONTENT, TIMELINE } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { bold, listItem, sans, textHeight } from './blocks.js';
import { paginate, type Sized } from './paginate.js';
import type { Part } from './part.js';
import { textWidth } from './text.js';
import { CONTINUED, type Continued, underTitle } from './title.js';

/** A list split into parts; numbered lists continue their numbers. */
export function listParts<T, C = SlideContent>(
  items: readonly T[],
  budget: number,
  overhead: number,
  size: (item: T) => Sized,
  make: (items: T[]) => C,
): Part<C>[] {
  const pages = paginate(items.map(size), budget, overhead) ?? items.map((_, i): [number, number] => [i, i + 1]);
  return pages.map(([from, to]) => ({
    content: make(items.slice(from, to)),
    fit: {},
    ...(from > 0 ? { start: from + 1 } : {}),
  }));
}

export function timelineItem(when: string, who: string | undefined, text: string): Sized {
  // The date is bold and at least `TIMELINE.date` em wide, hanging left of the text; a contender's badge may follow it.
  const date = TIMELINE.date * BODY.size;
  const space = textWidth(' ', sans(BODY.size));
  const badge = who ? textWidth(who, sans(TIMELINE.badge.size)) + 2 * TIMELINE.badge.padX + space : 0;
  const indent = Math.max(0, textWidth(when, bold(BODY.size)) - date) + space + badge;
  const width = CONTENT.width - TIMELINE.rule - TIMELINE.indent - date;
  return [textHeight(text, sans(BODY.size), width, BODY.line, indent), TIMELINE.gap];
}

/** Font size and gap between items of a list, as the theme sets them. */
export interface ListLook {
  size: number;
  gap: number;
}

/**
 * A list of texts under a title, split into parts that fit; `overhead` is what
 * each part repeats above the list (a lead, the exercise label).
 */
export function fitList<T, C>(
  title: string,
  items: readonly T[],
  text: (item: T) => string,
  make: (items: T[]) => C,
  look: ListLook = BODY,
  overhead = 0,
  width = CONTENT.width,
  continued: Continued = CONTINUED,
): Part<C>[] {
  return underTitle(
    title,
    (budget) => listParts(items, budget, overhead, (item) => listItem(text(item), width, look.size, look.gap), make),
    continued,
  );
}
