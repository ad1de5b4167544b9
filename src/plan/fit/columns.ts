/**
 * Side-by-side columns, one per contender (pros/cons, decision guide, code):
 * how many stand side by side on a slide, and how each column's items split
 * over continuation slides. Every contender is always shown.
 */
import type { SlideFit } from '../deck.js';
import { columnGap, columnHeadingLines, columnWidth, stack } from './blocks.js';
import { type Blank, type BreakCost, evenGroups, paginate, type Sized, shownRange } from './paginate.js';

/** One contender's column, laid out at a given width. */
export interface ColumnLayout {
  /** Height each part of the column repeats (heading, padding). */
  overhead: number;
  items: Sized[];
  /** Where a part should rather not start (code: inside a statement). */
  breakCost?: BreakCost;
  /** Items a part leaves out at its start or end (code: blank lines). */
  blank?: Blank;
}

/** Height of a part of a column showing its items `[from, to)`. */
function partHeight(layout: ColumnLayout, from: number, to: number): number {
  const [start, end] = shownRange(from, to, layout.blank);
  return layout.overhead + stack(layout.items.slice(start, end));
}

export interface ColumnPlan {
  /**
   * Per slide: the columns it shows with the [from, to) items of each and the cell of its row it
   * stands in (`slot`), in rows of `perRow`, and their height.
   */
  slides: { columns: { column: number; from: number; to: number; slot: number }[]; height: number }[];
  /** Columns side by side; a slide with more wraps them into a grid. */
  perRow: number;
}

/**
 * Items of each column of a group split into the fewest parts for which every
 * part fits (the first in `firstBudget`), each column as few as it needs;
 * undefined when an item alone does not fit. A column that fits whole on the
 * first part stays there whole, and one that needs two parts is not cut into
 * three because a neighbour needs them: that would cut it for nothing.
 */
function splitGroup(layouts: ColumnLayout[], budget: number, firstBudget = budget): Pages | undefined {
  if (layouts.some((l) => l.overhead > budget || l.items.some(([height]) => l.overhead + height > budget))) {
    return undefined;
  }
  const pages = layouts.map((l) => {
    for (let count = 1; count <= Math.max(1, l.items.length); count++) {
      const { overhead, breakCost, blank } = l;
      const found = paginate(l.items, budget, { overhead, count, breakCost, blank, firstBudget });
      if (found) return found;
    }
    return undefined;
  });
  return pages.every((p) => p !== undefined) ? (pages as Pages) : undefined;
}

/** Lays one column out at a width. */
type LayColumn = (column: number, width: number) => ColumnLayout;

/** The columns to plan and the room they have. */
export interface ColumnsRequest {
  /** How many columns (one per contender or choice). */
  count: number;
  /** The height under the title. */
  budget: number;
  layout: LayColumn;
  /** Rules out column counts too narrow for the content. */
  allowed: (perRow: number) => boolean;
  /** The height something under the last slide's columns needs (a decision's closing line). */
  closing?: number;
}

/**
 * The layout with the fewest slides, and among those the evenest groups and the
 * most columns side by side: all `count` columns on one slide if they fit, else
 * in even groups, stacked into a grid where they fit.
 */
export function planColumns({ count, budget, layout, allowed, closing = 0 }: ColumnsRequest): ColumnPlan | undefined {
  let best: ColumnPlan | undefined;
  const laidOut = new Map<string, ColumnLayout>();
  const cachedLayout = (column: number, width: number) => {
    const key = `${column}@${width}`;
    const found = laidOut.get(key) ?? layout(column, width);
    laidOut.set(key, found);
    return found;
  };
  for (let groups = 1; groups <= count; groups++) {
    const perRow = Math.ceil(count / groups);
    if (!allowed(perRow) && perRow > 1) continue;
    // Room under the last slide's columns, for what closes it (a decision's closing line):
    // first as it comes, then by splitting the last group for less room, then every group.
    const tries: [number, number][] = closing
      ? [
          [budget, budget],
          [budget, budget - closing],
          [budget - closing, budget - closing],
        ]
      : [[budget, budget]];
    let slides: Slides | undefined;
    for (const rooms of tries) {
      const found = flow({ count, groups, perRow, rooms, layout: cachedLayout });
      if (found && (found.at(-1)?.height ?? 0) + closing <= budget) {
        slides = found;
        break;
      }
    }
    best = better(best, slides && { slides, perRow });
    // Fewer slides than rows: the columns in even groups, each a grid on a slide of its own (5 → 3 + 2, not 4 + 1).
    for (let slideGroups = 1; slideGroups < groups; slideGroups++) {
      const grid = grids({
        count,
        groups: slideGroups,
        perRow,
        rooms: [budget, budget - closing],
        layout: cachedLayout,
      });
      best = better(best, grid && { slides: grid, perRow });
    }
    // More groups mean at least as many rows: once each row has a slide of its own, none can do better.
    if (best && best.slides.length <= 1) break;
  }
  return best;
}

type Slides = ColumnPlan['slides'];

/** Fewest slides first, then the evenest groups; among equals the first found (with the most columns side by side). */
function better(best: ColumnPlan | undefined, found: ColumnPlan | undefined): ColumnPlan | undefined {
  if (!found) return best;
  if (!best || found.slides.length < best.slides.length) return found;
  const evener = found.slides.length === best.slides.length && unevenness(found.slides) < unevenness(best.slides);
  return evener ? found : best;
}

/** How much the number of columns starting on a slide differs between the slides where some start. */
function unevenness(slides: Slides): number {
  const starts = slides.map((s) => s.columns.filter((c) => c.from === 0).length).filter((n) => n > 0);
  return Math.max(...starts) - Math.min(...starts);
}

/**
 * One way to place `count` columns: in `groups` even groups, `perRow` side by
 * side, on slides with `room` of height but the last, which has `lastRoom`.
 */
interface Arrangement {
  count: number;
  groups: number;
  perRow: number;
  rooms: [room: number, lastRoom: number];
  layout: LayColumn;
}

/**
 * The columns in even groups, each on one slide as rows of `perRow` (the
 * last within `lastRoom`); undefined unless every column fits whole.
 */
function grids({ count, groups, perRow, rooms: [room, lastRoom], layout }: Arrangement): Slides | undefined {
  const width = columnWidth(perRow);
  const ranges = evenGroups(count, groups);
  const slides: Slides = [];
  for (const [g, [from, to]] of ranges.entries()) {
    const slide: Slides[number] = { columns: [], height: 0 };
    for (let row = from; row < to; row += perRow) {
      const columns = Array.from({ length: Math.min(perRow, to - row) }, (_, i) => row + i);
      const heights = columns.map((c) => layout(c, width)).map((l) => partHeight(l, 0, l.items.length));
      slide.height += (row > from ? columnGap(perRow) : 0) + Math.max(...heights);
      slide.columns.push(
        ...columns.map((column, slot) => ({ column, from: 0, to: layout(column, width).items.length, slot })),
      );
    }
    if (slide.height > (g === ranges.length - 1 ? lastRoom : room)) return undefined;
    slides.push(slide);
  }
  return slides;
}
/** Per column of a group, its parts as [from, to) item ranges. */
type Pages = [number, number][][];

/**
 * The groups of columns laid out slide after slide: each group in as many
 * parts as its items need (the last group within `lastRoom`), and a group that
 * can start under the rows already on a slide does, as a grid, when that takes
 * no more parts.
 */
function flow({ count, groups, perRow, rooms: [room, lastRoom], layout }: Arrangement): Slides | undefined {
  const width = columnWidth(perRow);
  const gap = columnGap(perRow);
  const slides: Slides = [];
  let lastFull = false;
  const ranges = evenGroups(count, groups);
  for (const [g, [from, to]] of ranges.entries()) {
    const budget = g === ranges.length - 1 ? lastRoom : room;
    const columns = Array.from({ length: to - from }, (_, i) => from + i);
    const layouts = columns.map((c) => layout(c, width));
    const alone = splitGroup(layouts, budget);
    if (!alone) return undefined;
    // Rows go under a full row only: the grid would move their columns into a short row's gaps.
    const current = slides.at(-1);
    const left: number = current && lastFull ? budget - current.height - gap : 0;
    const shared: Pages | undefined = left > 0 ? splitGroup(layouts, budget, left) : undefined;
    const partsOf = (pages: Pages) => Math.max(...pages.map((p) => p.length));
    const share: boolean = shared !== undefined && partsOf(shared) <= partsOf(alone);
    const pages: Pages = share && shared ? shared : alone;
    for (let part = 0; part < partsOf(pages); part++) {
      const shown = columns.flatMap((column, i) => {
        const [start, end] = pages[i]?.[part] ?? [0, 0];
        return end > start || part === 0 ? [{ column, from: start, to: end, layout: layouts[i] as ColumnLayout }] : [];
      });
      const height = Math.max(...shown.map((c) => partHeight(c.layout, c.from, c.to)));
      const row = shown.map(({ column, from, to }) => ({ column, from, to, slot: columns.indexOf(column) }));
      if (part === 0 && share && current) {
        current.columns.push(...row);
        current.height += gap + height;
      } else {
        slides.push({ columns: row, height });
      }
      lastFull = row.length === perRow;
    }
  }
  return slides;
}

/**
 * How a slide's columns stand: `perRow` side by side, unless the slide shows
 * fewer, each of them whole (`lengthOf(column)` items), which then share the
 * whole width instead of leaving a column's room empty.
 */
export function layoutOf(
  slide: ColumnPlan['slides'][number],
  perRow: number,
  lengthOf: (column: number) => number,
): { columns: number; slots?: number[] } {
  const whole = slide.columns.every((c) => c.from === 0 && c.to === lengthOf(c.column));
  if (whole && slide.columns.length < perRow) return { columns: slide.columns.length };
  return { columns: perRow, ...slotsOf(slide) };
}

/**
 * `slots`, the cell of its row each column of a slide stands in, when a
 * continuation slide leaves out columns that ended earlier: the others keep
 * their places instead of moving left. Nothing when every row is filled from its start.
 */
export function slotsOf(slide: ColumnPlan['slides'][number]): { slots?: number[] } {
  const slots = slide.columns.map((c) => c.slot);
  const filled = slots.every((slot, i) => slot === 0 || slot === (slots[i - 1] ?? -1) + 1);
  return filled ? {} : { slots };
}

/**
 * The lines the tallest of these headings takes at a column width: every heading of a slide is as
 * tall, so that the lists under them start on one line (planned with the slide's every heading,
 * whichever row or part it ends up in).
 */
export function headingLines(headings: readonly string[], width: number): number {
  return Math.max(1, ...headings.map((heading) => columnHeadingLines(heading, width)));
}

/** A slide's headings' common height in lines, when they take more than one. */
export function headingsFit(
  slide: ColumnPlan['slides'][number],
  columns: number,
  headingOf: (column: number) => string,
): SlideFit {
  const lines = headingLines(
    slide.columns.map(({ column }) => headingOf(column)),
    columnWidth(columns),
  );
  return lines > 1 ? { headings: lines } : {};
}
