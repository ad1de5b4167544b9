/**
 * Side-by-side columns, one per contender (pros/cons, decision guide, code):
 * how many stand side by side on a slide, and how each column's items split
 * over continuation slides. Every contender is always shown.
 */
import { COLUMN, columnWidth, stack } from './geometry.js';
import { type BreakCost, evenGroups, paginate, type Sized } from './paginate.js';

/** One contender's column, laid out at a given width. */
export interface ColumnLayout {
  /** Height each part of the column repeats (heading, padding). */
  overhead: number;
  items: Sized[];
  /** Where a part should rather not start (code: inside a statement). */
  breakCost?: BreakCost;
}

export interface ColumnPlan {
  /** Per slide: the columns it shows with the [from, to) items of each, in rows of `perRow`, and their height. */
  slides: { columns: { column: number; from: number; to: number }[]; height: number }[];
  /** Columns side by side; a slide with more wraps them into a grid. */
  perRow: number;
}

/**
 * Items of each column of a group split into the same number of parts, the
 * fewest for which every part fits; undefined when an item alone does not fit.
 */
function splitGroup(layouts: ColumnLayout[], budget: number): [number, number][][] | undefined {
  if (layouts.some((l) => l.overhead > budget || l.items.some(([height]) => l.overhead + height > budget))) {
    return undefined;
  }
  const most = Math.max(1, ...layouts.map((l) => l.items.length));
  for (let count = 1; count <= most; count++) {
    const pages = layouts.map((l) => paginate(l.items, budget, l.overhead, count, l.breakCost));
    if (pages.every((p) => p !== undefined)) return pages as [number, number][][];
  }
  return undefined;
}

/**
 * The layout with the fewest slides, and among those the most columns side by
 * side: all `count` columns on one slide if they fit, else in even groups,
 * stacked into a grid where they fit. `layout(column, width)` lays one column
 * out at a width; `allowed(perRow)` rules out column counts too narrow for the
 * content; `closing` is the height something under the last slide's columns needs.
 */
export function planColumns(
  count: number,
  budget: number,
  layout: (column: number, width: number) => ColumnLayout,
  allowed: (perRow: number) => boolean,
  closing = 0,
): ColumnPlan | undefined {
  let best: ColumnPlan | undefined;
  for (let groups = 1; groups <= count; groups++) {
    const perRow = Math.ceil(count / groups);
    if (!allowed(perRow) && perRow > 1) continue;
    const gap = perRow >= 4 ? COLUMN.narrowGap : COLUMN.gap;
    const slidesFor = (room: number, lastRoom: number) => {
      const rows = groupRows(count, groups, columnWidth(perRow), room, lastRoom, layout);
      return rows && stackRows(rows, perRow, room, gap);
    };
    // Room under the last slide's columns, for what closes it (a decision's closing line):
    // first as it comes, then by splitting the last group for less room, then every group.
    const slides = [
      [budget, budget],
      [budget, budget - closing],
      [budget - closing, budget - closing],
    ]
      .map(([room, lastRoom]) => slidesFor(room as number, lastRoom as number))
      .find((found) => found && (found.at(-1)?.height ?? 0) + closing <= budget);
    if (!slides) continue;
    if (!best || slides.length < best.slides.length) best = { slides, perRow };
    // More groups mean at least as many rows: once each row has a slide of its own, none can do better.
    if (best.slides.length <= 1) break;
  }
  return best;
}

interface Row {
  columns: { column: number; from: number; to: number }[];
  height: number;
}

/** The rows of columns: each group of columns, in as many parts as its items need (the last group in `lastBudget`). */
function groupRows(
  count: number,
  groups: number,
  width: number,
  budget: number,
  lastBudget: number,
  layout: (column: number, width: number) => ColumnLayout,
): Row[] | undefined {
  const rows: Row[] = [];
  const ranges = evenGroups(count, groups);
  for (const [g, [from, to]] of ranges.entries()) {
    const columns = Array.from({ length: to - from }, (_, i) => from + i);
    const layouts = columns.map((c) => layout(c, width));
    const pages = splitGroup(layouts, g === ranges.length - 1 ? lastBudget : budget);
    if (!pages) return undefined;
    const parts = Math.max(...pages.map((p) => p.length));
    for (let part = 0; part < parts; part++) {
      const shown = columns.flatMap((column, i) => {
        const [start, end] = pages[i]?.[part] ?? [0, 0];
        return end > start || part === 0 ? [{ column, from: start, to: end, layout: layouts[i] as ColumnLayout }] : [];
      });
      const height = Math.max(...shown.map((c) => c.layout.overhead + stack(c.layout.items.slice(c.from, c.to))));
      rows.push({ columns: shown.map(({ column, from, to }) => ({ column, from, to })), height });
    }
  }
  return rows;
}

/** Rows stacked into slides as a grid, as many to a slide as fit. */
function stackRows(rows: Row[], perRow: number, budget: number, gap: number): ColumnPlan['slides'] {
  const slides: ColumnPlan['slides'] = [];
  let used = Number.POSITIVE_INFINITY;
  let lastFull = false;
  for (const row of rows) {
    const current = slides.at(-1);
    // A row goes under a full one only: the grid would move its columns into a short row's gaps.
    if (current && lastFull && used + gap + row.height <= budget) {
      current.columns.push(...row.columns);
      used += gap + row.height;
      current.height = used;
    } else {
      slides.push({ columns: [...row.columns], height: row.height });
      used = row.height;
    }
    lastFull = row.columns.length === perRow;
  }
  return slides;
}
