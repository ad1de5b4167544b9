/**
 * A comparison table's column widths, from its content: no column narrower
 * than its longest word, the contenders' columns as even as their words allow,
 * and the aspect column, which gives way first, as wide as keeps the table shortest.
 */

import { ADDRESS_LIKE, addressPieces, isDottedIdentifier } from '../../text/address.js';
import { CONTENT, tablePadX } from '../../theme/geometry.js';
import { bold, sans, tableRow, tableWidths, WIDTH_SAFETY } from './blocks.js';
import { type Font, lineCount, longestWord, textWidth } from './text.js';

export interface Cell {
  text: string;
  bold?: boolean;
}

/** Room a word keeps beside it in its cell, for fonts that draw a little wider than measured. */
const WORD_ROOM = 4;
/** The aspect column may grow to this share of the table when the contenders' columns need less. */
const MAX_ASPECT = 0.4;
/** A column whose longest word breaks keeps at least this many em of its text's size. */
const BROKEN_MIN = 6;
/** Widths of the aspect column tried between its narrowest and its widest. */
const STEPS = 8;

export interface TableWidths {
  /** Each column's width in px, padding included, the aspect's first; they add up to the content width. */
  widths: number[];
  /** Every word fits its column: none breaks. */
  whole: boolean;
}

/** Widths for `rows` (the header first), each row the aspect's cell then one per contender, at `size` px. */
export function contentWidths(rows: Cell[][], size: number): TableWidths {
  const total = CONTENT.width;
  const font = (cell: Cell) => (cell.bold ? bold : sans)(size);
  const columns = (rows[0] ?? []).map((_, i) => rows.map((row) => row[i] ?? { text: '' }));
  const narrowest = columns.map(
    (cells) => Math.max(...cells.map((c) => longestWord(c.text, font(c)))) / WIDTH_SAFETY + WORD_ROOM + tablePadX(size),
  );
  const [aspectMin = 0, ...contenderMins] = narrowest;
  const theme = tableWidths(columns.length - 1)[0] ?? 0;
  const aspectColumn = columns[0] ?? [];
  // An em to spare beside the longest aspect: the contenders take the room only when they need it.
  const aspectLongest = Math.max(...aspectColumn.map((c) => textWidth(c.text, font(c)))) + size + tablePadX(size);
  const natural = Math.min(aspectLongest, total * MAX_ASPECT);
  const fromNatural = (width: number) => (width >= natural ? width - natural : 2 * (natural - width));
  const widest = Math.max(theme, natural);
  const steps = Array.from({ length: STEPS + 1 }, (_, i) => widest - ((widest - aspectMin) * i) / STEPS);
  let best: { widths: number[]; height: number; aspectLines: number; lines: number; aspect: number } | undefined;
  for (const aspect of [natural, ...steps].filter((width) => width >= aspectMin)) {
    const contenders = evenAbove(contenderMins, total - aspect);
    if (!contenders) continue;
    const widths = rounded([aspect, ...contenders], total);
    const height = rows.reduce((sum, row) => sum + tableRow(row, widths, size), 0);
    const inner = (column: number) => ((widths[column] ?? 0) - tablePadX(size)) * WIDTH_SAFETY;
    const aspectLines = aspectColumn.reduce((sum, cell) => sum + lineCount(cell.text, font(cell), inner(0)), 0);
    const lines = columns.reduce(
      (sum, cells, i) => sum + cells.reduce((n, cell) => n + lineCount(cell.text, font(cell), inner(i)), 0),
      0,
    );
    // The shortest table; of those as short, the one whose aspects wrap least, then the one whose
    // cells wrap least (an aspect column wider than its wrapped words leaves room empty while a
    // contender's cell takes four lines), then the aspect column nearest its words' width with the em
    // to spare: a narrower one would hold a tie's badge only as the planner measures it.
    const better =
      !best ||
      height < best.height - 0.5 ||
      (height < best.height + 0.5 &&
        (aspectLines < best.aspectLines ||
          (aspectLines === best.aspectLines &&
            (lines < best.lines || (lines === best.lines && fromNatural(aspect) < fromNatural(best.aspect))))));
    if (better) best = { widths, height, aspectLines, lines, aspect };
  }
  if (best) return { widths: best.widths, whole: true };
  // A column whose word breaks keeps room for the pieces an address or an identifier breaks into.
  const floors = columns.map((cells) =>
    Math.max(
      BROKEN_MIN * size,
      ...cells.map((c) => unbrokenPiece(c.text, font(c)) / WIDTH_SAFETY + WORD_ROOM + tablePadX(size)),
    ),
  );
  // Of the ways to share the room out, the shortest table: two long words each over two lines
  // rather than one whole beside one over four.
  const height = (widths: number[]) => rows.reduce((sum, row) => sum + tableRow(row, widths, size), 0);
  const shares = shortOfRoom(narrowest, total, floors).map((widths) => rounded(widths, total));
  const shortest = shares.reduce((a, b) => (height(b) < height(a) - 0.5 ? b : a));
  return { widths: shortest, whole: false };
}

/**
 * Columns whose longest words together need more than `total`: each as wide as its longest
 * word, but the widest columns give up the difference, alike, each keeping at least its `floors`
 * width: the fewest that are enough, then each more in turn (one way per count, the first breaking
 * words in the widest column only). Where even all of them down to `floor` are not enough, the
 * widest give up the difference until they are as wide as the next.
 */
function shortOfRoom(narrowest: number[], total: number, floors: number[]): number[][] {
  const widestFirst = narrowest.map((_, i) => i).sort((a, b) => (narrowest[b] ?? 0) - (narrowest[a] ?? 0));
  const ways: number[][] = [];
  let others = narrowest.reduce((a, b) => a + b, 0);
  for (const [k, i] of widestFirst.entries()) {
    others -= narrowest[i] ?? 0;
    const giving = widestFirst.slice(0, k + 1);
    // Each keeps its floor (an identifier's longest piece), the rest shared alike.
    const shares = evenAbove(
      giving.map((j) => Math.min(floors[j] ?? 0, narrowest[j] ?? 0)),
      total - others,
    );
    // A column given at least its longest word keeps it whole: that way is one with fewer columns.
    if (!shares || shares.some((share, n) => share >= (narrowest[giving[n] ?? 0] ?? 0))) continue;
    const widths = [...narrowest];
    for (const [n, j] of giving.entries()) widths[j] = shares[n] ?? 0;
    ways.push(widths);
  }
  return ways.length > 0 ? ways : [levelled(narrowest, total)];
}

/** The widest columns brought down to the next width, and on, until the columns fit `total`. */
function levelled(narrowest: number[], total: number): number[] {
  const widths = [...narrowest];
  let excess = widths.reduce((a, b) => a + b, 0) - total;
  while (excess > 0.5) {
    const widest = Math.max(...widths);
    const at = widths.flatMap((w, i) => (w >= widest - 0.5 ? [i] : []));
    const next = Math.max(0, ...widths.filter((w) => w < widest - 0.5));
    // Bring the widest down to the next width, or less where that is enough.
    const cut = Math.min(widest - next, excess / at.length);
    for (const i of at) widths[i] = (widths[i] ?? 0) - cut;
    excess -= cut * at.length;
  }
  return widths;
}

/** Width of the widest piece an address or an identifier of `text` breaks into at the most (`addressPieces`). */
function unbrokenPiece(text: string, font: Font): number {
  const pieces = text
    .split(/\s+/u)
    .filter((word) => ADDRESS_LIKE.test(word) || word.includes('_') || isDottedIdentifier(word))
    .flatMap((word) => addressPieces(word, () => false));
  return Math.max(0, ...pieces.map((piece) => textWidth(piece, font)));
}

/** `room` shared evenly, except that no column gets less than its minimum; undefined when the minimums exceed it. */
function evenAbove(mins: number[], room: number): number[] | undefined {
  if (mins.reduce((a, b) => a + b, 0) > room) return undefined;
  const fixed = new Set<number>();
  for (;;) {
    const free = mins.length - fixed.size;
    const left = room - [...fixed].reduce((sum, i) => sum + (mins[i] ?? 0), 0);
    const share = left / free;
    const over = mins.flatMap((min, i) => (!fixed.has(i) && min > share ? [i] : []));
    if (over.length === 0) return mins.map((min, i) => (fixed.has(i) ? min : share));
    for (const i of over) fixed.add(i);
  }
}

/** Whole pixels that still add up to `total`: each column ends where its exact edge rounds to. */
function rounded(widths: number[], total: number): number[] {
  const scale = total / widths.reduce((a, b) => a + b, 0);
  let edge = 0;
  return widths.map((w) => {
    const from = Math.round(edge);
    edge += w * scale;
    return Math.round(edge) - from;
  });
}
