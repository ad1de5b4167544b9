/** The kinds laid out in columns, one per contender: pros and cons, the decision guide (code panes: code-panes.ts). */

import { own } from '../../outline/own.js';
import type { Contender } from '../../outline/schema.js';
import { BODY, COLUMN, CONTENT, LABEL } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { columnHeading, columnWidth, listItem, listItemText, paragraph, stack } from './blocks.js';
import { type ColumnLayout, type ColumnPlan, headingLines, headingsFit, layoutOf, planColumns } from './columns.js';
import type { Part } from './part.js';

/** Prose columns narrower than a quarter of the slide read badly: more contenders take more slides. */
const MAX_TEXT_COLUMNS = 4;
/**
 * Pros and cons: one column per contender, its pros then its cons. When they
 * need more than one slide, the pros and the cons get slides of their own.
 */
export function prosConsParts(
  content: Extract<SlideContent, { kind: 'pros-cons' }>,
  budget: number,
  contenders: readonly Contender[],
  lang: string,
): Part[] {
  const label = BODY.size * BODY.line + LABEL.gap;
  const plan = (sides: ('pros' | 'cons')[]): Part[] | undefined => {
    const itemsOf = (c: Contender) =>
      sides.flatMap((side) => (own(content[side], c.id) ?? []).map((text) => ({ side, text })));
    const shown = contenders.filter((c) => itemsOf(c).length > 0);
    const layout = (column: number, width: number): ColumnLayout => {
      const contender = shown[column] as Contender;
      const labels = sides.filter((side) => own(content[side], contender.id)?.length).length;
      const tallest = headingLines(
        shown.map((c) => c.name),
        width,
      );
      return {
        // Each part repeats the heading (as tall as the tallest beside it) and, at most, both labels.
        overhead:
          stack([columnHeading(contender.name, width, tallest)]) + COLUMN.headingGap + labels * label + COLUMN.trailing,
        items: itemsOf(contender).map((item) =>
          listItem(listItemText(item.text, width, lang), width, { size: BODY.size, gap: COLUMN.itemGap }),
        ),
      };
    };
    const plan = planColumns({ count: shown.length, budget, layout, allowed: (n) => n <= MAX_TEXT_COLUMNS });
    return plan?.slides.map((slide) => {
      const placed = layoutOf(slide, plan.perRow, (column) => itemsOf(shown[column] as Contender).length);
      const lists = { pros: {} as Record<string, string[]>, cons: {} as Record<string, string[]> };
      for (const { column, from, to } of slide.columns) {
        const contender = shown[column] as Contender;
        for (const item of itemsOf(contender).slice(from, to)) {
          const list = own(lists[item.side], contender.id) ?? [];
          // As measured: hyphenated at the width of the plan's columns.
          list.push(listItemText(item.text, columnWidth(plan.perRow), lang));
          lists[item.side][contender.id] = list;
        }
      }
      return {
        content: { ...content, ...lists },
        fit: headingsFit(slide, placed.columns, (column) => (shown[column] as Contender).name),
        ...placed,
      };
    });
  };
  const together = plan(['pros', 'cons']);
  if (together?.length === 1) return together;
  // More than one slide: the pros and the cons each get slides of their own, never one slide of both.
  const pros = plan(['pros']);
  const cons = plan(['cons']);
  const apart = pros && cons ? [...pros, ...cons] : undefined;
  return apart ?? together ?? [{ content, fit: {} }];
}

/** Decision guide: a column per choice; the closing line under them on the last part. */
export function decisionParts(
  content: Extract<SlideContent, { kind: 'decision' }>,
  budget: number,
  lang: string,
): Part[] {
  const { otherwise, ...choices } = content;
  const closing = otherwise ? stack([paragraph(otherwise, CONTENT.width)]) + COLUMN.closingGap : 0;
  const layout = (column: number, width: number): ColumnLayout => {
    const choice = content.choices[column] as (typeof content.choices)[number];
    const lines = headingLines(
      content.choices.map((c) => c.label),
      width,
    );
    return {
      overhead: stack([columnHeading(choice.label, width, lines)]) + COLUMN.headingGap + COLUMN.trailing,
      items: choice.when.map((w) =>
        listItem(listItemText(w, width, lang), width, { size: BODY.size, gap: COLUMN.itemGap }),
      ),
    };
  };
  const request = { count: content.choices.length, budget, layout, allowed: (n: number) => n <= MAX_TEXT_COLUMNS };
  const plan = planColumns({ ...request, closing });
  const partsOf = (planned: ColumnPlan, closes: boolean): Part[] =>
    planned.slides.map((slide, i) => {
      const { perRow } = planned;
      const placed = layoutOf(slide, perRow, (column) => content.choices[column]?.when.length ?? 0);
      return {
        content: {
          ...choices,
          choices: slide.columns.map(({ column, from, to }) => {
            const choice = content.choices[column] as (typeof content.choices)[number];
            return {
              ...choice,
              when: choice.when.slice(from, to).map((w) => listItemText(w, columnWidth(perRow), lang)),
            };
          }),
          ...(closes && otherwise && i === planned.slides.length - 1 ? { otherwise } : {}),
        },
        fit: headingsFit(slide, placed.columns, (column) => content.choices[column]?.label ?? ''),
        ...placed,
      };
    });
  // Under no last part of the columns is there room for the closing line (long choices, a long
  // line): the columns are planned alone, and the line closes the slide on a part of its own.
  const apart = !plan && otherwise ? planColumns(request) : undefined;
  if (apart) return [...partsOf(apart, false), { content: { ...choices, choices: [], otherwise }, fit: {} }];
  return plan ? partsOf(plan, true) : [{ content, fit: {} }];
}
