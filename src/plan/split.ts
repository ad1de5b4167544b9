/**
 * Splits content that would not fit one slide into continuation slides.
 *
 * The rule is a size budget in text lines, estimated from character counts at
 * the theme's font sizes on a 1280×720 slide. `versus check` measures the real
 * result in a browser, and the tests verify the budget against it.
 */

/** Usable content width and height of a slide body in px (slide minus padding, title and footer). */
const BODY_WIDTH = 1140;
const BODY_HEIGHT = 490;
/** Average glyph width as a share of the font size, for the theme's sans-serif font. */
const GLYPH_WIDTH = 0.47;

const TABLE_FONT = 24;
/** The theme's `dense` table size, used only when one row cannot fit at the normal size. */
export const DENSE_TABLE_FONT = 20;
const TABLE_ROW_PADDING = 18;
const TABLE_HEADER = 56;
/** Share of the table width taken by the "aspect" column. */
const ASPECT_SHARE = 0.24;

const BULLET_FONT = 28;
const BULLET_LINE = BULLET_FONT * 1.35;
const BULLET_GAP = 12;

function wrappedLines(text: string, widthPx: number, fontPx: number): number {
  const perLine = Math.max(8, Math.floor(widthPx / (fontPx * GLYPH_WIDTH)));
  // Count words so a long word that cannot break stays on its own line.
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const length = [...word].length;
    if (used > 0 && used + 1 + length > perLine) {
      lines += 1 + Math.floor(length / perLine);
      used = length % perLine;
    } else {
      used += (used > 0 ? 1 : 0) + length;
      if (used > perLine) {
        lines += Math.floor(used / perLine);
        used %= perLine;
      }
    }
  }
  return lines;
}

/** Estimated height in px of one comparison row (its aspect and one cell per contender). */
export function tableRowHeight(aspect: string, cells: string[], font = TABLE_FONT): number {
  const aspectWidth = BODY_WIDTH * ASPECT_SHARE;
  const cellWidth = (BODY_WIDTH - aspectWidth) / Math.max(1, cells.length);
  const lines = Math.max(
    wrappedLines(aspect, aspectWidth - 24, font),
    ...cells.map((cell) => wrappedLines(cell, cellWidth - 24, font)),
  );
  return lines * font * 1.3 + TABLE_ROW_PADDING;
}

const REFERENCE_FONT = 24;

/** A numbered entry of the References slide (24px, 8px apart). */
export function referenceHeight(text: string): number {
  return wrappedLines(text, BODY_WIDTH - 48, REFERENCE_FONT) * REFERENCE_FONT * 1.35 + 8;
}

export function bulletHeight(text: string): number {
  return wrappedLines(text, BODY_WIDTH - 48, BULLET_FONT) * BULLET_LINE + BULLET_GAP;
}

/**
 * Groups items into pages whose summed height fits `budget`; an item taller
 * than the budget gets a page of its own (its cells wrap, the check reports it).
 */
export function paginate<T>(items: readonly T[], height: (item: T) => number, budget: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = height(item);
    if (page.length > 0 && used + h > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0) pages.push(page);
  return balance(pages, height);
}

/** Evens out pages so a split does not leave one lonely row on the last slide. */
function balance<T>(pages: T[][], height: (item: T) => number): T[][] {
  if (pages.length < 2) return pages;
  const all = pages.flat();
  const target = all.reduce((sum, item) => sum + height(item), 0) / pages.length;
  const balanced: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of all) {
    const h = height(item);
    const remainingPages = pages.length - balanced.length;
    if (page.length > 0 && used + h / 2 > target && remainingPages > 1) {
      balanced.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  balanced.push(page);
  // Balancing must never make a page taller than the greedy one allowed.
  const greedyMax = Math.max(...pages.map((p) => p.reduce((s, i) => s + height(i), 0)));
  const balancedMax = Math.max(...balanced.map((p) => p.reduce((s, i) => s + height(i), 0)));
  return balanced.length === pages.length && balancedMax <= greedyMax ? balanced : pages;
}

const COLUMN_GAP = 28;
const COLUMN_HEADING = 56;
const COLUMN_LABEL = 40;
const COLUMN_ITEM_GAP = 6;

/** Estimated height of one pros/cons column: heading, then each labelled list. */
export function columnHeight(lists: string[][], columns: number): number {
  const width = (BODY_WIDTH - COLUMN_GAP * (columns - 1)) / columns - 40;
  const items = lists
    .flat()
    .reduce((sum, item) => sum + wrappedLines(item, width, BULLET_FONT) * BULLET_LINE + COLUMN_ITEM_GAP, 0);
  return COLUMN_HEADING + lists.filter((l) => l.length > 0).length * COLUMN_LABEL + items;
}

export const TABLE_BUDGET = BODY_HEIGHT - TABLE_HEADER;
export const BULLETS_BUDGET = BODY_HEIGHT;
