/**
 * Side-by-side columns, one per contender (pros/cons, decision guide, code):
 * how many stand side by side on a slide, and how each column's items split
 * over continuation slides. Every contender is always shown.
 */
import { columnWidth } from './geometry.js';
import { evenGroups, paginate, type Sized } from './paginate.js';

/** One contender's column, laid out at a given width. */
export interface ColumnLayout {
  /** Height each part of the column repeats (heading, padding). */
  overhead: number;
  items: Sized[];
}

export interface ColumnPlan {
  /** Per slide: for each column of the group, the [from, to) items it shows (empty when done). */
  slides: { columns: { column: number; from: number; to: number }[] }[];
  /** Columns side by side. */
  perSlide: number;
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
    const pages = layouts.map((l) => paginate(l.items, budget, l.overhead, count));
    if (pages.every((p) => p !== undefined)) return pages as [number, number][][];
  }
  return undefined;
}

/**
 * The layout with the fewest slides, and among those the most columns side by
 * side: all `count` columns on one slide if they fit, else in even groups.
 * `layout(column, width)` lays one column out at a width; `allowed(perSlide)`
 * rules out column counts too narrow for the content.
 */
export function planColumns(
  count: number,
  budget: number,
  layout: (column: number, width: number) => ColumnLayout,
  allowed: (perSlide: number) => boolean,
): ColumnPlan | undefined {
  let best: ColumnPlan | undefined;
  for (let groups = 1; groups <= count; groups++) {
    const perSlide = Math.ceil(count / groups);
    if (!allowed(perSlide) && perSlide > 1) continue;
    const width = columnWidth(perSlide);
    const slides: ColumnPlan['slides'] = [];
    let fits = true;
    for (const [from, to] of evenGroups(count, groups)) {
      const columns = Array.from({ length: to - from }, (_, i) => from + i);
      const pages = splitGroup(
        columns.map((c) => layout(c, width)),
        budget,
      );
      if (!pages) {
        fits = false;
        break;
      }
      const parts = Math.max(...pages.map((p) => p.length));
      for (let part = 0; part < parts; part++) {
        slides.push({
          columns: columns.flatMap((column, i) => {
            const [start, end] = pages[i]?.[part] ?? [0, 0];
            return end > start || part === 0 ? [{ column, from: start, to: end }] : [];
          }),
        });
      }
    }
    if (fits && (!best || slides.length < best.slides.length)) best = { slides, perSlide };
    // More groups mean at least as many slides: none can do better than this one any more.
    if (best && best.slides.length <= groups + 1) break;
  }
  return best;
}
