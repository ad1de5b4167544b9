/**
 * Comparison tables: columns sized from their content, rows split over parts
 * with the header repeated; contenders grouped when a row cannot fit.
 */

import { own } from '../../outline/own.js';
import type { Contender } from '../../outline/schema.js';
import { TABLE, tablePadX } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { bold, sans, tableRow, tableWidths, WIDTH_SAFETY } from './blocks.js';
import { paginate, type Sized } from './paginate.js';
import type { Part } from './part.js';
import { type Cell, contentWidths } from './table-widths.js';
import { hyphenateOverWide, textWidth } from './text.js';

export function tableParts(
  content: Comparison,
  budget: number,
  contenders: readonly Contender[],
  lang: string,
): Part[] {
  for (let groups = 1; groups <= contenders.length; groups++) {
    const per = Math.ceil(contenders.length / groups);
    // The theme's size, unless a row cannot fit or a word would break there; then the smaller one.
    const sizes = per > 4 ? [true] : [false, true];
    for (const dense of sizes) {
      const size = dense ? TABLE.dense : TABLE.size;
      const planned = tableGroups(content, budget, contenders, groups, size, lang);
      if (planned && (planned.whole || dense)) {
        return planned.parts.map((part) => ({ ...part, ...(dense ? { dense } : {}) }));
      }
    }
  }
  // Unreachable for valid outlines (a row's cells are bounded); one row per part as a last resort.
  const widths = tableWidths(contenders.length);
  const [header, ...rows] = rowsOf(content, contenders, TABLE.dense).map((cells) =>
    tableRow(cells, widths, TABLE.dense),
  );
  return content.rows.map((row, i) => ({
    content: { ...content, rows: [row] },
    fit: {},
    dense: true,
    widths,
    rowHeights: [header ?? 0, rows[i] ?? 0],
  }));
}

type Comparison = Extract<SlideContent, { kind: 'comparison' }>;

/** The cells of a table's header and rows as the planner measures them, for the contenders `shown`. */
function rowsOf(content: Comparison, shown: readonly Contender[], size: number): Cell[][] {
  const header: Cell[] = [{ text: '' }, ...shown.map((c) => ({ text: c.name, bold: true }))];
  const tie = tieStandIn(content.tieLabel.shown, size);
  const rows = content.rows.map((row): Cell[] => [
    { text: row.verdict === 'tie' ? `${row.aspect} ${tie}` : row.aspect, bold: true },
    ...shown.map((c) => ({
      text: `${own(row.cells, c.id) ?? ''}${row.verdict === c.id ? '\u00a0✓' : ''}`,
      bold: row.verdict === c.id,
    })),
  ]);
  return [header, ...rows];
}

/**
 * A word as wide as a tie's badge at the table's `size` (its capitals at `TABLE.tie` em, in its
 * frame), which a line cannot break: the label, then underscores, as the planner measures text.
 */
function tieStandIn(label: string, size: number): string {
  const font = bold(size);
  const badge = textWidth(label, bold(size * TABLE.tie)) + TABLE.tieFrame;
  const missing = Math.max(0, badge - textWidth(label, font));
  return `${label}${'_'.repeat(Math.ceil(missing / textWidth('_', font)))}`;
}

function tableGroups(
  content: Comparison,
  budget: number,
  contenders: readonly Contender[],
  groups: number,
  size: number,
  lang: string,
): { parts: Part[]; whole: boolean } | undefined {
  const parts: Part[] = [];
  let whole = true;
  const per = Math.ceil(contenders.length / groups);
  for (let from = 0; from < contenders.length; from += per) {
    const shown = contenders.slice(from, from + per);
    // One set of widths for all the group's parts: a continued table keeps its columns.
    const planned = contentWidths(rowsOf(content, shown, size), size);
    whole &&= planned.whole;
    const { widths } = planned;
    // Words too wide for their column break as the language hyphenates them, where it can.
    const rows = planned.whole ? content.rows : hyphenated(content.rows, shown, widths, size, lang);
    const table = rowsOf({ ...content, rows }, shown, size);
    const [header = 0, ...heights] = table.map((cells) => tableRow(cells, widths, size));
    const pages = paginate(
      heights.map((height): Sized => [height, 0]),
      budget,
      { overhead: header },
    );
    if (!pages) return undefined;
    for (const [from, to] of pages) {
      parts.push({
        content: { ...content, rows: rows.slice(from, to) },
        fit: {},
        widths,
        rowHeights: [header, ...heights.slice(from, to)],
        ...(groups > 1 ? { shown: shown.map((c) => c.id) } : {}),
      });
    }
  }
  return { parts, whole };
}

/** The rows with each aspect and shown cell hyphenated where a word is wider than its column. */
function hyphenated(
  rows: Comparison['rows'],
  shown: readonly Contender[],
  widths: readonly number[],
  size: number,
  lang: string,
): Comparison['rows'] {
  const room = (column: number) => ((widths[column] ?? 0) - tablePadX(size)) * WIDTH_SAFETY;
  return rows.map((row) => ({
    ...row,
    aspect: hyphenateOverWide(row.aspect, bold(size), room(0), lang),
    cells: Object.fromEntries(
      Object.entries(row.cells).map(([id, text]) => {
        const column = shown.findIndex((c) => c.id === id) + 1;
        const font = (row.verdict === id ? bold : sans)(size);
        return [id, column > 0 ? hyphenateOverWide(text, font, room(column), lang) : text];
      }),
    ),
  }));
}
