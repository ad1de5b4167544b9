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

/** How a list's items are measured and made into a part's content. */
export interface ListItems<T, C> {
  /** An item's height and the gap below it. */
  size: (item: T) => Sized;
  /** A part's content, from its items. */
  make: (items: T[]) => C;
  /** What each part repeats above the list (a lead, the exercise label). */
  overhead?: number;
}

/** A list split into parts that fit `budget`; numbered lists continue their numbers. */
export function listParts<T, C = SlideContent>(
  items: readonly T[],
  budget: number,
  { size, make, overhead = 0 }: ListItems<T, C>,
): Part<C>[] {
  const pages = paginate(items.map(size), budget, { overhead }) ?? items.map((_, i): [number, number] => [i, i + 1]);
  return pages.map(([from, to]) => ({
    content: make(items.slice(from, to)),
    fit: {},
    ...(from > 0 ? { start: from + 1 } : {}),
  }));
}

/** A timeline event's height, and `gap` below it (default: the theme's). */
export function timelineItem(when: string, who: string | undefined, text: string, gap = TIMELINE.gap): Sized {
  // The date is bold and at least `TIMELINE.date` em wide, hanging left of the text, which starts the line
  // without the space after the date; a wider date pushes the first line on. A contender's badge may follow it.
  const date = TIMELINE.date * BODY.size;
  const space = textWidth(' ', sans(BODY.size));
  const badge = who ? textWidth(who, sans(TIMELINE.badge.size)) + 2 * TIMELINE.badge.padX + space : 0;
  const indent = Math.max(0, textWidth(when, bold(BODY.size)) + TIMELINE.dateGap * BODY.size - date) + badge;
  const width = CONTENT.width - TIMELINE.rule - TIMELINE.indent - date;
  return [textHeight(text, sans(BODY.size), { width, indent }), gap];
}

/** Font size and gap between items of a list, as the theme sets them. */
export interface ListLook {
  size: number;
  gap: number;
}

/** A list of texts to fit under a title. */
export interface TextList<T, C> extends Omit<ListItems<T, C>, 'size'> {
  items: readonly T[];
  /** The text an item shows. */
  text: (item: T) => string;
  /** Its font size and gaps (default: the body's). */
  look?: ListLook;
  /** The list's width (default: the content box's). */
  width?: number;
  /** The title's counter on split slides (default: English's). */
  continued?: Continued;
}

/** A list of texts under a title, split into parts that fit. */
export function fitList<T, C>(
  title: string,
  { items, text, make, overhead, look = BODY, width = CONTENT.width, continued = CONTINUED }: TextList<T, C>,
): Part<C>[] {
  const size = (item: T) => listItem(text(item), width, look);
  return underTitle(title, (budget) => listParts(items, budget, { size, make, overhead }), continued);
}
