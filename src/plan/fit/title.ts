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

/** What the title slide shows under its title: a line per speaker, then the event and the date. */
interface TitleSlideText {
  title: string;
  subtitle?: string | undefined;
  speakers: readonly string[];
  occasion?: string | undefined;
}

/**
 * The title slide's sizes, all `width` wide: the largest title that leaves room for the subtitle
 * and the byline. When even the smallest leaves too little (five speakers and a long subtitle),
 * the subtitle and the byline shrink too, step by step; when that is not enough either (a panel of
 * six with long roles), the speakers stand two a row, each wrapping in half the width, which
 * leaves none of the stacked lines' short ends.
 */
export function fitTitleSlide(text: TitleSlideText, width = LEAD_CONTENT.width): SlideFit {
  const stacked = fitTitleSlideIn(text, width, 1);
  if (text.speakers.length < 2 || stacked.fits) return stacked.fit;
  const paired = fitTitleSlideIn(text, width, 2);
  return paired.fits || paired.height < stacked.height ? { ...paired.fit, speakers: 2 } : stacked.fit;
}

/** The title slide's speakers, `perRow` a row, in their order. */
export function speakerRows<T>(speakers: readonly T[], perRow: number): T[][] {
  return Array.from({ length: Math.ceil(speakers.length / perRow) }, (_, row) =>
    speakers.slice(row * perRow, (row + 1) * perRow),
  );
}

function fitTitleSlideIn(
  { title, subtitle, speakers, occasion }: TitleSlideText,
  width: number,
  perRow: number,
): { fit: SlideFit; fits: boolean; height: number } {
  const { subtitleGap, bylineGap, speakersGap } = TITLE_SLIDE;
  const columnWidth = (width - (perRow - 1) * speakersGap) / perRow;
  const below = (subtitleSize: number, bylineSize: number) => {
    const line = (text: string, within: number) => textHeight(text, sans(bylineSize), { width: within });
    return stack([
      ...(subtitle
        ? [[textHeight(subtitle, bold(subtitleSize), { width, line: HEADING_LINE }), subtitleGap] as Sized]
        : []),
      ...speakerRows(speakers, perRow).map(
        (row): Sized => [Math.max(...row.map((text) => line(text, columnWidth))), bylineGap],
      ),
      ...(occasion ? [[line(occasion, width), bylineGap] as Sized] : []),
    ]);
  };
  // The planner counts the title's margin once more than the slide draws it: room to spare.
  const blockHeight = (subtitleSize: number, bylineSize: number) => (h: number) =>
    titleSlideHeight(h + TITLE_SLIDE.margin, below(subtitleSize, bylineSize));
  let [subtitleSize, bylineSize] = [TITLE_SLIDE.subtitle, TITLE_SLIDE.byline];
  let size = largestTitle(title, TITLE_SLIDE, blockHeight(subtitleSize, bylineSize), width);
  // The talk's title is never set smaller than a slide's heading while the byline, then the
  // subtitle, can still give room: they shrink toward their floors first.
  while (size < H1.size && (bylineSize > TITLE_SLIDE.minByline || subtitleSize > TITLE_SLIDE.minSubtitle)) {
    if (bylineSize > TITLE_SLIDE.minByline) bylineSize -= 2;
    else subtitleSize = Math.max(TITLE_SLIDE.minSubtitle, subtitleSize - 2);
    size = largestTitle(title, TITLE_SLIDE, blockHeight(subtitleSize, bylineSize), width);
  }
  while (
    !fitsAt(title, size, blockHeight(subtitleSize, bylineSize), width) &&
    (subtitleSize > TITLE_SLIDE.minSubtitle || bylineSize > TITLE_SLIDE.minByline)
  ) {
    subtitleSize = Math.max(TITLE_SLIDE.minSubtitle, subtitleSize - 2);
    bylineSize = Math.max(TITLE_SLIDE.minByline, bylineSize - 2);
  }
  const total = blockHeight(subtitleSize, bylineSize);
  const height = total(textHeight(title, bold(size), { width, line: H1.line }));
  return {
    fit: {
      ...(size === TITLE_SLIDE.size ? {} : { title: size }),
      ...(subtitle && subtitleSize !== TITLE_SLIDE.subtitle ? { subtitle: subtitleSize } : {}),
      ...(bylineSize !== TITLE_SLIDE.byline ? { byline: bylineSize } : {}),
    },
    fits: fitsAt(title, size, total, width),
    height,
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
