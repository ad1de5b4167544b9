/**
 * The height of each building block of a slide (a title, a paragraph, a list
 * item, a column heading, a code pane, a table row), laid out with the real
 * font metrics in the themes' sizes (theme/geometry.ts). The fit tests compare
 * the heights predicted here with what Chromium lays out.
 */
import { BODY, CODE, COLUMN, CONTENT, H1, HEADING_LINE, LIST_INDENT, TABLE, tablePadX } from '../../theme/geometry.js';
import { balancedLines, type Font, hyphenateOverWide, lineCount } from './text.js';

/** Room kept free under the content, for rounding and fonts that differ slightly from the measured ones. */
export const SAFETY = 8;
/** Lines are laid out a little narrower than they are, for the same reason. */
export const WIDTH_SAFETY = 0.995;

export const sans = (size: number): Font => ({ face: 'sans', size });
export const bold = (size: number): Font => ({ face: 'bold', size });
export const mono = (size: number): Font => ({ face: 'mono', size });

/** Where a text is laid out: in a block `width` px wide, lines `line` ems apart, the first starting `indent` px in. */
export interface TextBox {
  width: number;
  /** Line height in ems (default: the body's). */
  line?: number;
  indent?: number;
}

/** Height of `text` as a block of wrapped lines. */
export function textHeight(text: string, font: Font, { width, line = BODY.line, indent = 0 }: TextBox): number {
  return lineCount(text, font, width * WIDTH_SAFETY, indent) * font.size * line;
}

/** A vertical stack of blocks, each `[height, margin below]`: the margin after the last one does not count. */
export function stack(blocks: [height: number, gap: number][]): number {
  return blocks.reduce((sum, [height, gap], i) => sum + height + (i < blocks.length - 1 ? gap : 0), 0);
}

/** Height of a slide title (h1 with its colored bar) at `size` px. */
export function titleHeight(title: string, size: number, width = CONTENT.width): number {
  return textHeight(title, bold(size), { width, line: H1.line }) + H1.after;
}

/** The largest title size, from the theme's (`base`) down to its `min`, that keeps the title within `maxLines` lines `width` wide. */
export function titleSize(
  title: string,
  { base, min, maxLines, width }: { base: number; min: number; maxLines: number; width: number },
): number {
  for (let size = base; size > min; size -= 2) {
    if (lineCount(title, bold(size), width * WIDTH_SAFETY) <= maxLines) return size;
  }
  return min;
}

/** Room for the body under a title of `height`, in the section's content box. */
export function bodyBudget(titleBlock: number): number {
  return CONTENT.height - titleBlock - SAFETY;
}

/** A list item (bullet, step, reason) in a list `width` px wide, at the look's size, with its gap below (default: the body's). */
export function listItem(
  text: string,
  width: number,
  { size, gap }: { size: number; gap: number } = BODY,
): [number, number] {
  return [textHeight(text, sans(size), { width: width - LIST_INDENT * size }), gap];
}

/** A list item's text in a column `width` wide, its words too wide for it hyphenated as `lang` does (see hyphenate.ts). */
export function listItemText(text: string, width: number, lang: string, size: number = BODY.size): string {
  return hyphenateOverWide(text, sans(size), (width - LIST_INDENT * size) * WIDTH_SAFETY, lang);
}

/** A paragraph at body size, with its gap below. */
export function paragraph(text: string, width: number, font: Font = sans(BODY.size)): [number, number] {
  return [textHeight(text, font, { width }), BODY.gap];
}

/** The gap between columns, and between grid rows, with `count` columns side by side. */
export function columnGap(count: number): number {
  return count >= 4 ? COLUMN.narrowGap : COLUMN.gap;
}

/** Width of each of `count` side-by-side columns. */
export function columnWidth(count: number): number {
  return (CONTENT.width - columnGap(count) * (count - 1)) / count;
}

/** A column's colored heading (h2 with padding), with its gap below. */
export function columnHeading(text: string, width: number, lines = 1): [number, number] {
  return [
    Math.max(lines, columnHeadingLines(text, width)) * BODY.size * HEADING_LINE + COLUMN.headingPad,
    COLUMN.headingGap,
  ];
}

/** The lines a column's heading takes at a column width. */
export function columnHeadingLines(text: string, width: number): number {
  return lineCount(text, bold(BODY.size), (width - 2 * COLUMN.headingPadX) * WIDTH_SAFETY);
}

/**
 * A column heading's lines, as even as the slide's `text-wrap: balance` makes them, at the width
 * `columnHeadingLines` counts them in: for the outputs that draw each line themselves (the PowerPoint).
 */
export function columnHeadingText(text: string, width: number): string[] {
  return balancedLines(text, bold(BODY.size), (width - 2 * COLUMN.headingPadX) * WIDTH_SAFETY);
}

/** Room for the code's lines in a pane `width` px wide (inside its padding). */
export function codeWidth(width: number): number {
  return (width - CODE.padX) * WIDTH_SAFETY;
}

/** Height of a code block of `lines` lines (already wrapped) at `size` px. */
export function codeHeight(lines: number, size: number): number {
  return lines * size * CODE.line + CODE.padY;
}

/** Height of a table row: the tallest of its cells, at `size` px, in columns of `widths`. */
export function tableRow(cells: { text: string; bold?: boolean }[], widths: number[], size: number): number {
  const lines = cells.map((cell, i) =>
    lineCount(cell.text, (cell.bold ? bold : sans)(size), ((widths[i] ?? 0) - tablePadX(size)) * WIDTH_SAFETY),
  );
  return Math.max(1, ...lines) * size * TABLE.line + TABLE.padY + TABLE.border;
}

/** Column widths of a comparison table: the aspect column, then one per contender shown. */
export function tableWidths(contenders: number): number[] {
  // With a fixed layout the aspect column's 24% is its content width: its padding comes on top.
  const aspect = CONTENT.width * TABLE.aspectShare + TABLE.padX;
  return [aspect, ...Array(contenders).fill((CONTENT.width - aspect) / contenders)];
}
