/**
 * Code written without `|` (`starter:` with the code on the lines under it): YAML reads it as
 * plain text, joins its lines with spaces and drops every line that starts with `#` as a
 * comment. A new author's likeliest slip with code, and one that loses the code without a word:
 * `import sys  # the check goes here` arrives as `import sys`.
 */
import { type Document, isPair, isScalar, type LineCounter, visit } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostics.js';

/** The fields that hold code, as written after their key. */
const CODE_KEYS = new Set(['code', 'starter', 'solution']);

/**
 * A line with one of those keys and no block indicator, quote or bracket after it, then a line
 * indented under it: the text cannot tell more, the syntax tree does.
 */
const MAYBE_PLAIN_CODE =
  /^([ \t]*(?:- +)?)(?:code|starter|solution):(?![ \t]*[|>"'[{])[^\n]*\n(?:[ \t]*\n)*\1[ \t]+\S/m;

export function mayHoldPlainCode(source: string): boolean {
  return MAYBE_PLAIN_CODE.test(source);
}

/** Each code field written as plain text over lines of its own, or above comment lines indented under its key. */
export function plainCodeProblems(
  { document, lineCounter }: { document: Document.Parsed; lineCounter: LineCounter },
  source: string,
  file: string,
): Diagnostic[] {
  const lines = source.split('\n');
  const problems: Diagnostic[] = [];
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !CODE_KEYS.has(String(pair.key.value))) return;
      const { value } = pair;
      if (!(value === null || (isScalar(value) && value.type === 'PLAIN')) || !pair.key.range) return;
      const key = lineCounter.linePos(pair.key.range[0]);
      const end = isScalar(value) && value.range ? value.range[1] : pair.key.range[1];
      const folded = isScalar(value) && value.range && source.slice(value.range[0], value.range[1]).includes('\n');
      const commented = commentsUnder(lines, lineCounter.linePos(end).line, key.col);
      if (!folded && !commented) return;
      const field = String(pair.key.value);
      const lost = [
        ...(folded ? ['joins its lines into one with spaces'] : []),
        ...(commented ? ['drops its lines that start with "#" as comments'] : []),
      ].join(' and ');
      problems.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: `the code of "${field}" is written without "|": YAML reads it as plain text, which ${lost}`,
        file,
        ...key,
        path: [],
        hint: `Write "${field}: |" and the code on the lines under it, indented: every line is then kept as written.`,
      });
    },
  });
  return problems;
}

/** Whether comment lines indented under the key (past column `keyCol`) follow line `after`, before the next content. */
function commentsUnder(lines: readonly string[], after: number, keyCol: number): boolean {
  for (const line of lines.slice(after)) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (!line.trimStart().startsWith('#')) return false;
    if (indent >= keyCol) return true;
  }
  return false;
}
