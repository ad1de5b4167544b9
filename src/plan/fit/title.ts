/**
 * Titles: a slide's title shrinks before it takes a third line, and the body
 * is laid out in the room it leaves; the title slide and dividers scale their
 * big titles to leave room for what follows.
 */
import {
  BODY,
  CONTENT,
  DIVIDER,
  dividerHeight,
  H1,
  HEADING_LINE,
  LEAD_CONTENT,
  TITLE_SLIDE,
  titleSlideHeight,
} from '../../theme/geometry.js';
import type { SlideFit } from '../deck.js';
import { bodyBudget, bold, SAFETY, sans, stack, textHeight, titleHeight, titleSize } from './blocks.js';
import type { Sized } from './paginate.js';
import type { Part } from './part.js';

type Body<C> = (budget: number) => Part<C>[];

/** A continuation slide's title when a slide has `count` parts: "History (2/2)", in the talk's words. */
export type Continued = (title: string, count: number) => string;

/** The counter as English writes it, for callers without the talk's labels. */
export const CONTINUED: Continued = (title, count) => `${title} (${count}/${count})`;

/**
 * Lays the body out under the title, then once more if the parts' "(1/2)"
 * counter (`continued`: as the talk writes it, "（1/2）" in Japanese) makes
 * the title take more room. Shrinks a long title first.
 */
export function underTitle<C>(title: string, body: Body<C>, continued: Continued = CONTINUED): Part<C>[] {
  const sized = (text: string) => {
    const size = titleSize(text, { base: H1.size, min: H1.min, maxLines: 2, width: CONTENT.width });
    return { size, budget: bodyBudget(titleHeight(text, size)) };
  };
  let heading = sized(title);
  let parts = body(heading.budget);
  if (parts.length > 1) {
    heading = sized(continued(title, parts.length));
    parts = body(heading.budget);
  }
  const fit = heading.size < H1.size ? { title: heading.size } : {};
  return parts.map((part) => ({ ...part, fit: { ...fit, ...part.fit } }));
}

/** The title slide's title size: the largest that leaves room for the subtitle and the byline, all `width` wide. */
export function fitTitleSlide(
  { title, subtitle, byline }: { title: string; subtitle?: string | undefined; byline: readonly string[] },
  width = LEAD_CONTENT.width,
): SlideFit {
  const { subtitleGap, bylineGap } = TITLE_SLIDE;
  const below = (subtitleSize: number, bylineSize: number) =>
    stack([
      ...(subtitle
        ? [[textHeight(subtitle, bold(subtitleSize), { width, line: HEADING_LINE }), subtitleGap] as Sized]
        : []),
      ...byline.map((line): Sized => [textHeight(line, sans(bylineSize), { width }), bylineGap]),
    ]);
  // The planner counts the title's margin once more than the slide draws it: room to spare.
  const blockHeight = (subtitleSize: number, bylineSize: number) => (h: number) =>
    titleSlideHeight(h + TITLE_SLIDE.margin, below(subtitleSize, bylineSize));
  // The title shrinks first; when even its smallest size leaves too little room (five speakers and a
  // long subtitle), the subtitle and the byline shrink too, step by step, under the smallest title.
  let [subtitleSize, bylineSize] = [TITLE_SLIDE.subtitle, TITLE_SLIDE.byline];
  const size = largestTitle(title, TITLE_SLIDE, blockHeight(subtitleSize, bylineSize), width);
  while (
    !fitsAt(title, size, blockHeight(subtitleSize, bylineSize), width) &&
    (subtitleSize > TITLE_SLIDE.minSubtitle || bylineSize > TITLE_SLIDE.minByline)
  ) {
    subtitleSize = Math.max(TITLE_SLIDE.minSubtitle, subtitleSize - 2);
    bylineSize = Math.max(TITLE_SLIDE.minByline, bylineSize - 2);
  }
  return {
    ...(size === TITLE_SLIDE.size ? {} : { title: size }),
    ...(subtitle && subtitleSize !== TITLE_SLIDE.subtitle ? { subtitle: subtitleSize } : {}),
    ...(bylineSize !== TITLE_SLIDE.byline ? { byline: bylineSize } : {}),
  };
}

/** A divider's title size: the largest that leaves room for the section's summary. */
export function fitDivider(title: string, summary: string | undefined): SlideFit {
  const below = summary ? textHeight(summary, sans(DIVIDER.summary), { width: LEAD_CONTENT.width }) + BODY.gap : 0;
  const size = largestTitle(title, DIVIDER, (h) => dividerHeight(h, below));
  return size === DIVIDER.size ? {} : { title: size };
}

function largestTitle(
  title: string,
  sizes: { size: number; min: number },
  total: (titleHeight: number) => number,
  width = LEAD_CONTENT.width,
): number {
  for (let size = sizes.size; size > sizes.min; size -= 4) {
    if (fitsAt(title, size, total, width)) return size;
  }
  return sizes.min;
}

/** Whether the block fits the lead slide's room with the title at `size`. */
function fitsAt(title: string, size: number, total: (titleHeight: number) => number, width: number): boolean {
  return total(textHeight(title, bold(size), { width, line: H1.line })) <= LEAD_CONTENT.height - SAFETY;
}
