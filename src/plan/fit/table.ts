/** Comparison tables: rows split over parts with the header repeated; contenders grouped when a row cannot fit. */

import { own } from '../../outline/own.js';
import type { Contender } from '../../outline/schema.js';
import { TABLE } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { tableRow, tableWidths } from './blocks.js';
import { paginate, type Sized, slices } from './paginate.js';
import type { Part } from './part.js';

export function tableParts(
  content: Extract<SlideContent, { kind: 'comparison' }>,
  budget: number,
  contenders: readonly Contender[],
  tieLabel: string,
): Part[] {
  for (let groups = 1; groups <= contenders.length; groups++) {
    const per = Math.ceil(contenders.length / groups);
    for (const dense of per > 4 ? [true] : [false, true]) {
      const size = dense ? TABLE.dense : TABLE.size;
      const parts = tableGroups(content, budget, contenders, groups, size, tieLabel);
      if (parts) return parts.map((part) => ({ ...part, ...(dense ? { dense } : {}) }));
    }
  }
  // Unreachable for valid outlines (a row's cells are bounded); one row per part as a last resort.
  return content.rows.map((row) => ({ content: { ...content, rows: [row] }, fit: {}, dense: true }));
}

function tableGroups(
  content: Extract<SlideContent, { kind: 'comparison' }>,
  budget: number,
  contenders: readonly Contender[],
  groups: number,
  size: number,
  tieLabel: string,
): Part[] | undefined {
  const parts: Part[] = [];
  const per = Math.ceil(contenders.length / groups);
  for (let from = 0; from < contenders.length; from += per) {
    const shown = contenders.slice(from, from + per);
    const widths = tableWidths(shown.length);
    const header = tableRow([{ text: '' }, ...shown.map((c) => ({ text: c.name, bold: true }))], widths, size);
    const rows = content.rows.map(
      (row): Sized => [
        tableRow(
          [
            // A tie's badge (uppercase, with its border and padding) is about as wide as these characters.
            { text: row.verdict === 'tie' ? `${row.aspect} ${tieLabel.toUpperCase()}  ` : row.aspect, bold: true },
            ...shown.map((c) => ({
              text: `${own(row.cells, c.id) ?? ''}${row.verdict === c.id ? ' ✓' : ''}`,
              bold: row.verdict === c.id,
            })),
          ],
          widths,
          size,
        ),
        0,
      ],
    );
    const pages = paginate(rows, budget, header);
    if (!pages) return undefined;
    for (const page of slices(content.rows, pages)) {
      parts.push({
        content: { ...content, rows: page },
        fit: {},
        ...(groups > 1 ? { shown: shown.map((c) => c.id) } : {}),
      });
    }
  }
  return parts;
}
