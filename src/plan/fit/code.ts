/**
 * Code that fits its pane: lines too long for the pane wrap with a visible
 * marker, and long code splits between statements, preferably at blank lines.
 */
import { CODE, codeHeight, mono } from './geometry.js';
import type { Sized } from './paginate.js';
import { textWidth } from './text.js';

/** Starts a line that continues the one above it. */
export const CONTINUATION = '↪ ';

/**
 * One line of code wrapped to `width` px at `size` px: at a space or after
 * punctuation where one is near the end, between any two characters otherwise.
 * Continuation lines keep the line's indentation and start with the marker.
 */
export function wrapCodeLine(line: string, width: number, size: number): string[] {
  const font = mono(size);
  if (textWidth(line, font) <= width) return [line];
  const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ') ?? '';
  const lead = `${indent.length * textWidth(' ', font) > width / 2 ? '' : indent}${CONTINUATION}`;
  const lines: string[] = [];
  let rest = line;
  let prefix = '';
  while (rest) {
    const room = width - textWidth(prefix, font);
    const chars = [...rest];
    let fit = 0;
    let used = 0;
    while (fit < chars.length && used + textWidth(chars[fit] ?? '', font) <= room) used += textWidth(chars[fit++] ?? '', font);
    fit = Math.max(1, fit);
    if (fit < chars.length) {
      // Prefer to break after a space or punctuation in the last third of the line.
      const head = chars.slice(0, fit).join('');
      const soft = Math.max(head.lastIndexOf(' '), ...[',', ';', '(', '[', '{', '.', '=', '+'].map((c) => head.lastIndexOf(c)));
      if (soft >= (head.length * 2) / 3) fit = [...head.slice(0, soft + 1)].length;
    }
    lines.push(prefix + chars.slice(0, fit).join('').replace(/\s+$/u, ''));
    rest = chars.slice(fit).join('').replace(/^\s+/u, '');
    prefix = lead;
  }
  return lines;
}

/** A run of consecutive source lines kept together on one page. */
export interface CodeUnit {
  lines: string[];
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;

/**
 * The code's lines grouped into units a page may start or end between:
 * paragraphs (separated by blank lines) when they fit `budget`, else their
 * top-level statements, else single lines, else a line's wrapped parts.
 */
export function codeUnits(displayed: string[][], lineHeight: number, budget: number): CodeUnit[] {
  const height = (lines: string[][]) => lines.reduce((sum, l) => sum + l.length, 0) * lineHeight;
  const paragraphs: string[][][] = [[]];
  for (const line of displayed) {
    paragraphs.at(-1)?.push(line);
    if (line.join('').trim() === '') paragraphs.push([]);
  }
  const units: string[][][] = [];
  for (const paragraph of paragraphs.filter((p) => p.length > 0)) {
    if (height(paragraph) <= budget) {
      units.push(paragraph);
      continue;
    }
    const base = Math.min(...paragraph.map((l) => indentOf(l[0] ?? '')));
    const statements: string[][][] = [];
    for (const line of paragraph) {
      if (statements.length === 0 || indentOf(line[0] ?? '') <= base) statements.push([]);
      statements.at(-1)?.push(line);
    }
    for (const statement of statements) {
      if (height(statement) <= budget) units.push(statement);
      // A single line so long that its wrapped parts fill more than a page splits between them.
      else for (const line of statement) units.push(...(height([line]) <= budget ? [[line]] : line.map((part) => [[part]])));
    }
  }
  return units.map((unit) => ({ lines: unit.flat() }));
}

/** Sizes of code units for pagination (the pane's padding is in its overhead). */
export function unitSizes(units: CodeUnit[], size: number): Sized[] {
  return units.map((unit) => [codeHeight(unit.lines.length, size) - CODE.padY, 0]);
}

/** The code a page shows: its units' lines, without blank lines at either end. */
export function pageCode(units: CodeUnit[]): string {
  return units
    .flatMap((u) => u.lines)
    .join('\n')
    .replace(/^\s*\n/u, '')
    .replace(/\s+$/u, '');
}
