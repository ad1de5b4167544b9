/**
 * Splitting a sequence into continuation pages: only when it does not fit one
 * page, into the fewest pages that fit, and as evenly as those pages allow.
 */
/** One item's height and the gap below it. */
export type Sized = [height: number, gap: number];

type PageHeight = (from: number, to: number) => number;

/** Items that take no room at a page's start or end: a blank code line, which the page leaves out. */
export type Blank = (index: number) => boolean;

/** The items `[from, to)` a page shows: without the blank ones at either end. */
export function shownRange(from: number, to: number, blank: Blank = () => false): [number, number] {
  let [start, end] = [from, to];
  while (start < end && blank(start)) start++;
  while (end > start && blank(end - 1)) end--;
  return [start, end];
}

/**
 * Height of a page holding `sizes[from..to)` after `overhead` (what each page repeats); the last gap
 * does not count, nor do blank items at either end.
 */
function pageHeights(sizes: readonly Sized[], overhead: number, blank?: Blank): PageHeight {
  const sums = [0];
  for (const [height, gap] of sizes) sums.push((sums.at(-1) ?? 0) + height + gap);
  return (first, last) => {
    const [from, to] = shownRange(first, last, blank);
    return overhead + (sums[to] ?? 0) - (sums[from] ?? 0) - (sizes[to - 1]?.[1] ?? 0);
  };
}

/**
 * Greedy pages no taller than `limit` (the first no taller than `firstLimit`), as
 * [from, to) index pairs; undefined when one item alone is taller than its page.
 */
function pack(
  sizes: readonly Sized[],
  limit: number,
  pageHeight: PageHeight,
  firstLimit = limit,
): [number, number][] | undefined {
  const pages: [number, number][] = [];
  let from = 0;
  const limitOf = () => (pages.length === 0 ? firstLimit : limit);
  for (let to = 1; to <= sizes.length; to++) {
    if (pageHeight(from, to) <= limitOf()) continue;
    if (to - 1 > from) {
      pages.push([from, to - 1]);
      from = to - 1;
    }
    if (pageHeight(from, to) > limitOf()) return undefined;
  }
  if (from < sizes.length) pages.push([from, sizes.length]);
  return pages;
}

/** How pages are cut, besides their `budget`. */
export interface PageOptions {
  /** What each page repeats above its items (a heading, a table's header row). */
  overhead?: number;
  /** Exactly this many pages, when possible. */
  count?: number;
  breakCost?: BreakCost;
  /** The first page's room, when less (it shares its slide). */
  firstBudget?: number;
  /** Items that take no room at a page's start or end. */
  blank?: Blank;
}

/**
 * The items' pages: one when everything fits `budget`, otherwise the fewest
 * that do (or exactly `count`, when given and possible), as even as they can
 * be. Undefined when one item alone does not fit.
 */
export function paginate(
  sizes: readonly Sized[],
  budget: number,
  { overhead = 0, count, breakCost = () => 0, firstBudget = budget, blank }: PageOptions = {},
): [number, number][] | undefined {
  if (sizes.length === 0) return overhead <= firstBudget ? [[0, 0]] : undefined;
  const pageHeight = pageHeights(sizes, overhead, blank);
  const greedy = pack(sizes, budget, pageHeight, firstBudget);
  if (!greedy || (count !== undefined && greedy.length > count)) return undefined;
  const target = Math.min(count ?? greedy.length, sizes.length);
  if (target === 1 || sizes.length > EVEN_LIMIT) return greedy;
  return evenly(sizes.length, target, [firstBudget, budget], pageHeight, breakCost) ?? greedy;
}

/** How much worse a page break before item `index` reads than one at a natural boundary (in px², like the evenness cost). */
export type BreakCost = (index: number) => number;

/** Beyond this many items the greedy split is used as it is (evening out costs items · items per page · pages). */
const EVEN_LIMIT = 5000;

/**
 * `pages` pages that each fit their budget, chosen so that their heights are as
 * equal as possible (the least sum of squared heights, plus the cost of each
 * break): a split never leaves one lonely item on a page while another page is full.
 */
function evenly(
  n: number,
  pages: number,
  [firstBudget, budget]: [number, number],
  pageHeight: PageHeight,
  breakCost: BreakCost,
): [number, number][] | undefined {
  // cost[k][i]: the best cost of putting the first i items on k pages; from[k][i]: where the last page starts.
  const cost = Array.from({ length: pages + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const from = Array.from({ length: pages + 1 }, () => new Array<number>(n + 1).fill(0));
  (cost[0] as number[])[0] = 0;
  for (let k = 1; k <= pages; k++) {
    for (let i = 1; i <= n; i++) {
      for (let j = i - 1; j >= k - 1; j--) {
        const height = pageHeight(j, i);
        if (height > (k === 1 ? firstBudget : budget)) break;
        const total = (cost[k - 1]?.[j] ?? Number.POSITIVE_INFINITY) + height * height + (j > 0 ? breakCost(j) : 0);
        // Ties (within rounding) keep the first found, the shortest last page: parts fill from the front.
        if (total < (cost[k]?.[i] ?? Number.POSITIVE_INFINITY) - 1e-6) {
          (cost[k] as number[])[i] = total;
          (from[k] as number[])[i] = j;
        }
      }
    }
  }
  if (!Number.isFinite(cost[pages]?.[n] ?? Number.POSITIVE_INFINITY)) return undefined;
  const result: [number, number][] = [];
  for (let k = pages, i = n; k > 0; k--) {
    const j = from[k]?.[i] ?? 0;
    result.unshift([j, i]);
    i = j;
  }
  return result;
}

/** Slices of `items` for the [from, to) pages. */
export function slices<T>(items: readonly T[], pages: readonly [number, number][]): T[][] {
  return pages.map(([from, to]) => items.slice(from, to));
}

/** `count` items in `groups` consecutive groups whose sizes differ by one at most, larger first. */
export function evenGroups(count: number, groups: number): [number, number][] {
  const result: [number, number][] = [];
  let from = 0;
  for (let g = 0; g < groups; g++) {
    const size = Math.ceil((count - from) / (groups - g));
    result.push([from, from + size]);
    from += size;
  }
  return result;
}
