/**
 * Code panes side by side: the size and the columns at which the fewest
 * slides hold every pane, and panes that go on alone (or fewer than a row
 * holds) laid out again in the width the others leave free.
 */
import { CODE, COLUMN } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { codeHeight, codeWidth, columnHeading, columnWidth, paragraph, sans, stack } from './blocks.js';
import {
  blankUnit,
  CONTINUATION,
  type CodeUnit,
  codeBreakCost,
  codeUnits,
  pageCode,
  unitSizes,
  wrapCodeLine,
} from './code.js';
import { type ColumnLayout, type ColumnPlan, headingLines, headingsFit, planColumns, slotsOf } from './columns.js';
import type { Part } from './part.js';
import { textWidth } from './text.js';

type CodeContent = Extract<SlideContent, { kind: 'code' }>;
type Pane = CodeContent['panes'][number];

const CODE_SIZES = [CODE.size, 19, 18, 17, CODE.min];
/** A pane narrower than this many characters (or its longest line) is too narrow to read… */
const MIN_CODE_COLUMNS = 40;
/** …unless this saves slides and shows every pane whole: short panes stand side by side rather than on more slides. */
const MIN_SHORT_COLUMNS = 30;
/** Code may shrink this far to keep its lines whole; smaller sizes only where they save a slide. */
const AVOID_WRAP_DOWN_TO = 18;

/** A pane's source lines, tabs expanded (a browser would give each one 8 columns). */
function sourceLines(pane: Pane): string[] {
  return (pane.code ?? '').replace(/\s+$/u, '').replace(/\t/g, '    ').split('\n');
}

/**
 * Code panes: the layout in which the fewest slides hold every pane (code at 16px
 * at the least), and among those the one that wraps the fewest lines down to 18px,
 * else the one with the most panes side by side and the largest code. Lines
 * still too long wrap to the pane.
 */
export function codeParts(content: CodeContent, budget: number, nameOf: (id: string) => string): Part[] {
  const panes = content.panes.map((pane) => ({ pane, lines: sourceLines(pane) }));
  const wide = planPanes(content, panes, budget, nameOf, MIN_CODE_COLUMNS);
  const narrow = planPanes(content, panes, budget, nameOf, MIN_SHORT_COLUMNS);
  const shown = (plan: Planned) =>
    plan.parts.reduce((sum, p) => sum + (p.content.kind === 'code' ? p.content.panes.length : 0), 0);
  if (narrow && shown(narrow) === panes.length && narrow.parts.length < (wide?.parts.length ?? Infinity))
    return narrow.parts;
  return wide?.parts ?? [{ content, fit: {} }];
}

interface Planned {
  parts: Part[];
  /** Lines shown wrapped, over all parts. */
  wraps: number;
}

function planPanes(
  content: CodeContent,
  panes: { pane: Pane; lines: string[] }[],
  budget: number,
  nameOf: (id: string) => string,
  minColumns: number,
): Planned | undefined {
  const longest = Math.max(...panes.flatMap((p) => p.lines.map((line) => line.length)));
  const laidOut = new Map<string, ColumnLayout & { units: CodeUnit[] }>();
  /** A pane laid out in a column of `width` with code of `size`, with its units. */
  const paneAt = (size: number, index: number, width: number) => {
    const key = `${size}:${index}@${width}`;
    const found = laidOut.get(key);
    if (found) return found;
    const { pane, lines } = panes[index] as (typeof panes)[number];
    const tallest = headingLines(
      panes.map((p) => nameOf(p.pane.contender)),
      width,
    );
    const overhead =
      stack([columnHeading(nameOf(pane.contender), width, tallest)]) +
      COLUMN.headingGap +
      codeHeight(0, size) +
      (pane.caption
        ? CODE.gap + stack([paragraph(pane.caption, width, sans(CODE.caption))]) + COLUMN.trailing
        : CODE.gap);
    const displayed = lines.map((line) => wrapCodeLine(line, codeWidth(width), size));
    const units = codeUnits(displayed, size * CODE.line, budget - overhead);
    const result = {
      overhead,
      items: unitSizes(units, size),
      breakCost: codeBreakCost(units, budget),
      blank: blankUnit(units),
      units,
    };
    laidOut.set(key, result);
    return result;
  };
  let best: Planned | undefined;
  // Most panes side by side first, each at every size; fewer side by side only where that saves a
  // slide, or a wrapped line at 18px and over (one short pane line wrapping while half the slide stays empty).
  for (const perRow of rowLengths(panes.length)) {
    for (const size of CODE_SIZES) {
      const char = textWidth('0', { face: 'mono', size });
      if (codeWidth(columnWidth(perRow)) / char < Math.min(minColumns, longest)) continue;
      const plan = planColumns({
        count: panes.length,
        budget,
        layout: (column, width) => paneAt(size, column, width),
        allowed: (n) => n === perRow,
      });
      if (!plan) continue;
      const { parts, wraps } = partsOf(plan, size);
      const better =
        !best ||
        parts.length < best.parts.length ||
        (parts.length === best.parts.length && size >= AVOID_WRAP_DOWN_TO && wraps < best.wraps);
      if (better) best = { parts, wraps };
      if (best?.parts.length === 1 && best.wraps === 0) return best;
    }
  }
  return best;

  /**
   * The slides of a plan at a code size, panes that go on alone widened where that takes no more
   * slides, and the lines they wrap. A pane alone under the others is widened after the count:
   * it must not make a grid win over panes one under the other, which show larger code.
   */
  function partsOf(plan: ColumnPlan, size: number): Planned {
    const width = columnWidth(plan.perRow);
    const parts: Part[] = [];
    let wraps = 0;
    for (const run of runsOf(plan)) {
      const slides = plan.slides.slice(run.from, run.to);
      // Panes that go on alone, or fewer than a row holds, take the room the others leave.
      const widened = run.narrow ? widen(slides, panes, (pane) => paneAt(size, pane, width).units) : undefined;
      const again = widened && planPanes(content, widened, budget, nameOf, minColumns);
      if (again && again.parts.length <= slides.length) {
        parts.push(...again.parts);
        wraps += again.wraps;
        continue;
      }
      for (const slide of slides) {
        const lone = loneBelow(slide, plan.perRow, (column) => paneAt(size, column, width).units.length);
        const codes = slide.columns.map(({ column, from, to }) =>
          pageCode(paneAt(size, column, width).units.slice(from, to)),
        );
        wraps += codes.reduce((sum, code) => sum + wrappedLines(code), 0);
        parts.push({
          content: {
            ...content,
            panes: slide.columns.map(({ column }, place) => ({
              ...(panes[column] as (typeof panes)[number]).pane,
              code: (place === lone ? pageCode(paneAt(size, column, columnWidth(1)).units) : codes[place]) || ' ',
            })),
          },
          fit: {
            ...(size === CODE.size ? {} : { code: size }),
            ...headingsFit(slide, plan.perRow, (column) =>
              nameOf((panes[column] as (typeof panes)[number]).pane.contender),
            ),
          },
          columns: plan.perRow,
          ...slotsOf(slide),
          ...(lone === undefined ? {} : { wide: [lone] }),
        });
      }
    }
    return { parts, wraps };
  }
}

/**
 * The place on a slide of a pane alone in the last of several rows, whole: it takes the
 * row's full width, where its lines wrap less and its code is no taller than in one cell.
 */
function loneBelow(
  slide: ColumnPlan['slides'][number],
  perRow: number,
  lengthOf: (column: number) => number,
): number | undefined {
  const { columns } = slide;
  const last = columns.length - 1;
  const pane = columns[last];
  const rows = columns.filter((c, i) => i === 0 || c.slot <= (columns[i - 1]?.slot ?? 0)).length;
  if (!pane || perRow < 2 || rows < 2 || pane.slot !== 0 || pane.from !== 0 || pane.to !== lengthOf(pane.column))
    return undefined;
  return last;
}

/** How many panes may stand side by side, most first: one row of all, then even rows of fewer (5 → 5, 3, 2, 1). */
function rowLengths(count: number): number[] {
  const lengths = new Set<number>();
  for (let rows = 1; rows <= count; rows++) lengths.add(Math.ceil(count / rows));
  return [...lengths];
}

/** A line shown wrapped: a continuation marker after the indentation. */
const WRAPPED = new RegExp(`^\\s*${CONTINUATION.trim()} `, 'u');

/** Lines of `code` shown wrapped. */
function wrappedLines(code: string): number {
  return code.split('\n').filter((line) => WRAPPED.test(line)).length;
}

/**
 * The plan's slides in runs: consecutive slides showing the same panes, `narrow`
 * when they are fewer than a row holds and the run shows the rest of each of them
 * (a long pane going on alone, the last group of an uneven split).
 */
function runsOf(plan: ColumnPlan): { from: number; to: number; narrow: boolean }[] {
  const runs: { from: number; to: number; narrow: boolean }[] = [];
  const key = (slide: ColumnPlan['slides'][number]) => slide.columns.map((c) => c.column).join();
  plan.slides.forEach((slide, i) => {
    const last = runs.at(-1);
    if (last && key(plan.slides[last.from] as typeof slide) === key(slide)) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, narrow: slide.columns.length < plan.perRow });
  });
  // A run is the rest of its panes when none of them shows up again after it.
  return runs.map((run, r) => {
    const later = new Set(runs.slice(r + 1).flatMap((next) => plan.slides[next.from]?.columns.map((c) => c.column)));
    const shown = plan.slides[run.from]?.columns.map((c) => c.column) ?? [];
    return { ...run, narrow: run.narrow && shown.every((column) => !later.has(column)) };
  });
}

/**
 * The panes of a run of slides as source lines from where the run takes them
 * up: undefined when one starts inside a line that wrapped over two pages.
 */
function widen(
  slides: ColumnPlan['slides'],
  panes: { pane: Pane; lines: string[] }[],
  unitsOf: (pane: number) => CodeUnit[],
): { pane: Pane; lines: string[] }[] | undefined {
  const first = slides[0];
  if (!first) return undefined;
  const rests = first.columns.map(({ column, from }) => {
    const unit = unitsOf(column)[from];
    const { pane, lines } = panes[column] as (typeof panes)[number];
    if (!unit) return { pane, lines: [] };
    return unit.first ? { pane, lines: lines.slice(unit.line) } : undefined;
  });
  return rests.every((rest) => rest !== undefined) ? rests : undefined;
}
