/**
 * A list item written without the space after its "-" (`-kind: bullets`): YAML
 * reads "-kind" as a key, so the item is no item, and what it says (a key
 * indented too deep, a mapping where a list belongs) leads away from the fix.
 * Keys in an outline start with a letter, so a key that starts with "-" and a
 * letter is this mistake.
 */
import type { MendedSlip } from '../diagnostics/diagnostics.js';

/** A line whose key is a "-" run into a word: the item's "-" and its first key. */
const UNSPACED_DASH = /^([ \t]*)-([A-Za-z_][\w-]*:(?:[ \t]|$).*)$/m;

/** Whether some line of `source` starts with a "-" run into a key. */
export function hasUnspacedDash(source: string): boolean {
  return UNSPACED_DASH.test(source);
}

/** Each "-" run into a key outside the lines `inText` (1-based), and the source with a space after each of them. */
export function findUnspacedDashes(
  source: string,
  inText: ReadonlySet<number> = new Set(),
): { found: MendedSlip[]; spaced: string } {
  const found: MendedSlip[] = [];
  const every = new RegExp(UNSPACED_DASH.source, 'gm');
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const match of source.matchAll(every)) {
    const [, indent = '', rest = ''] = match;
    if (inText.has(lineOf(match.index))) continue;
    found.push({
      line: lineOf(match.index),
      col: indent.length + 1,
      message: `a "-" needs a space after it: - ${rest.trimEnd()}`,
      hint: `Without the space, "-${rest.split(':')[0]}" is read as a key, not as a list item that starts with "${rest.split(':')[0]}".`,
    });
  }
  const spaced = source.replace(every, (whole, indent: string, rest: string, index: number) =>
    inText.has(lineOf(index)) ? whole : `${indent}- ${rest}`,
  );
  return { found, spaced };
}
