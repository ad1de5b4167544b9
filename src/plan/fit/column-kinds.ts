/** The kinds laid out in columns, one per contender: pros and cons, the decision guide, code panes. */

import { own } from '../../outline/own.js';
import type { Contender } from '../../outline/schema.js';
import { BODY, CODE, COLUMN, CONTENT, LABEL } from '../../theme/geometry.js';
import type { SlideContent } from '../deck.js';
import { codeHeight, codeWidth, columnHeading, columnWidth, listItem, paragraph, stack } from './blocks.js';
import { type CodeUnit, codeBreakCost, codeUnits, pageCode, unitSizes, wrapCodeLine } from './code.js';
import { type ColumnLayout, planColumns, slotsOf } from './columns.js';
import type { Part } from './part.js';
import { textWidth } from './text.js';

/** Prose columns narrower than a quarter of the slide read badly: more contenders take more slides. */
const MAX_TEXT_COLUMNS = 4;
const CODE_SIZES = [CODE.size, 19, 18, 17, CODE.min];
/** A pane narrower than this many characters (or its longest line) is too narrow to read. */
const MIN_CODE_COLUMNS = 40;
/** Code may shrink this far to keep its lines whole; smaller sizes only where they save a slide. */
const AVOID_WRAP_DOWN_TO = 18;
/**
 * Pros and cons: one column per contender, its pros then its cons. When they
 * need more than one slide, the pros and the cons get slides of their own if
 * that takes fewer slides than mixing them, or as many with none emptier.
 */
export function prosConsParts(
  content: Extract<SlideContent, { kind: 'pros-cons' }>,
  budget: number,
  contenders: readonly Contender[],
): Part[] {
  const label = BODY.size * BODY.line + LABEL.gap;
  const plan = (sides: ('pros' | 'cons')[]): (Part & { height: number })[] | undefined => {
    const itemsOf = (c: Contender) =>
      sides.flatMap((side) => (own(content[side], c.id) ?? []).map((text) => ({ side, text })));
    const shown = contenders.filter((c) => itemsOf(c).length > 0);
    const layout = (column: number, width: number): ColumnLayout => {
      const contender = shown[column] as Contender;
      const labels = sides.filter((side) => own(content[side], contender.id)?.length).length;
      return {
        // Each part repeats the heading and, at most, both labels.
        overhead: stack([columnHeading(contender.name, width)]) + COLUMN.headingGap + labels * label + COLUMN.trailing,
        items: itemsOf(contender).map((item) => listItem(item.text, width, BODY.size, COLUMN.itemGap)),
      };
    };
    const plan = planColumns(shown.length, budget, layout, (n) => n <= MAX_TEXT_COLUMNS);
    return plan?.slides.map((slide) => {
      const lists = { pros: {} as Record<string, string[]>, cons: {} as Record<string, string[]> };
      for (const { column, from, to } of slide.columns) {
        const contender = shown[column] as Contender;
        for (const item of itemsOf(contender).slice(from, to)) {
          const list = own(lists[item.side], contender.id) ?? [];
          list.push(item.text);
          lists[item.side][contender.id] = list;
        }
      }
      return {
        content: { ...content, ...lists },
        fit: {},
        columns: plan.perRow,
        ...slotsOf(slide),
        height: slide.height,
      };
    });
  };
  const together = plan(['pros', 'cons']);
  if (together?.length === 1) return together.map(withoutHeight);
  const pros = plan(['pros']);
  const cons = plan(['cons']);
  const apart = pros && cons ? [...pros, ...cons] : undefined;
  const emptiest = (parts: { height: number }[]) => Math.min(...parts.map((p) => p.height));
  const better =
    apart &&
    (!together ||
      apart.length < together.length ||
      (apart.length === together.length && emptiest(apart) >= emptiest(together)));
  return (better ? apart : together)?.map(withoutHeight) ?? [{ content, fit: {} }];
}

const withoutHeight = ({ height: _, ...part }: Part & { height: number }): Part => part;

/** Decision guide: a column per choice; the closing line under them on the last part. */
export function decisionParts(content: Extract<SlideContent, { kind: 'decision' }>, budget: number): Part[] {
  const { otherwise, ...choices } = content;
  const closing = otherwise ? stack([paragraph(otherwise, CONTENT.width)]) + COLUMN.closingGap : 0;
  const layout = (column: number, width: number): ColumnLayout => {
    const choice = content.choices[column] as (typeof content.choices)[number];
    return {
      overhead: stack([columnHeading(choice.label, width)]) + COLUMN.headingGap + COLUMN.trailing,
      items: choice.when.map((w) => listItem(w, width, BODY.size, COLUMN.itemGap)),
    };
  };
  const plan = planColumns(content.choices.length, budget, layout, (n) => n <= MAX_TEXT_COLUMNS, closing);
  if (!plan) return [{ content, fit: {} }];
  const parts = plan.slides.length;
  const perRow = plan.perRow;
  return plan.slides.map((slide, i) => ({
    content: {
      ...choices,
      choices: slide.columns.map(({ column, from, to }) => {
        const choice = content.choices[column] as (typeof content.choices)[number];
        return { ...choice, when: choice.when.slice(from, to) };
      }),
      ...(otherwise && i === parts - 1 ? { otherwise } : {}),
    },
    fit: {},
    columns: perRow,
    ...slotsOf(slide),
  }));
}

/**
 * Code panes: the size at which the fewest slides hold every pane (at 16px at
 * the least), and among those the one that wraps the fewest lines down to 18px,
 * else the largest. Lines still too long wrap to the pane.
 */
export function codeParts(
  content: Extract<SlideContent, { kind: 'code' }>,
  budget: number,
  nameOf: (id: string) => string,
): Part[] {
  const panes = content.panes;
  // Tabs become four spaces: a browser would give each one 8 columns.
  const sources = panes.map((p) => (p.code ?? '').replace(/\s+$/u, '').replace(/\t/g, '    ').split('\n'));
  const longest = Math.max(...sources.flat().map((line) => line.length));
  let best: { parts: Part[]; slides: number; wraps: number } | undefined;
  for (const size of CODE_SIZES) {
    const char = textWidth('0', { face: 'mono', size });
    const laidOut = new Map<string, ColumnLayout & { units: CodeUnit[]; wraps: number }>();
    /** A pane laid out at a width, with its units and how many lines wrapped. */
    const paneAt = (pane: number, width: number) => {
      const key = `${pane}@${width}`;
      const found = laidOut.get(key);
      if (found) return found;
      const caption = panes[pane]?.caption;
      const overhead =
        stack([columnHeading(nameOf(panes[pane]?.contender ?? ''), width)]) +
        COLUMN.headingGap +
        codeHeight(0, size) +
        (caption ? CODE.gap + stack([paragraph(caption, width)]) + COLUMN.trailing : CODE.gap);
      const displayed = (sources[pane] ?? []).map((line) => wrapCodeLine(line, codeWidth(width), size));
      const units = codeUnits(displayed, size * CODE.line, budget - overhead);
      const result = {
        overhead,
        items: unitSizes(units, size),
        breakCost: codeBreakCost(units, budget),
        units,
        wraps: displayed.flat().length - displayed.length,
      };
      laidOut.set(key, result);
      return result;
    };
    const plan = planColumns(
      panes.length,
      budget,
      paneAt,
      (n) => codeWidth(columnWidth(n)) / char >= Math.min(MIN_CODE_COLUMNS, longest),
    );
    if (!plan) continue;
    const width = columnWidth(plan.perRow);
    const wraps = panes.reduce((sum, _, pane) => sum + paneAt(pane, width).wraps, 0);
    // Fewest slides first; then, down to 18px, fewer wrapped lines; then the largest size.
    const better =
      !best ||
      plan.slides.length < best.slides ||
      (plan.slides.length === best.slides && size >= AVOID_WRAP_DOWN_TO && wraps < best.wraps);
    if (!better) continue;
    const parts = plan.slides.map((slide) => ({
      content: {
        ...content,
        panes: slide.columns.map(({ column, from, to }) => {
          const pane = panes[column] as (typeof panes)[number];
          return { ...pane, code: pageCode(paneAt(column, width).units.slice(from, to)) || ' ' };
        }),
      },
      fit: size === CODE.size ? {} : { code: size },
      columns: plan.perRow,
      ...slotsOf(slide),
    }));
    best = { parts, slides: parts.length, wraps };
    if (parts.length === 1 && wraps === 0) break;
  }
  return best?.parts ?? [{ content, fit: {} }];
}
