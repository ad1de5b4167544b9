/**
 * A key indented one level too shallow (`bullets:` at its section's column, under a slide) takes
 * the lines under it along; the parser then faults the slide's keys after them, whose column no
 * longer fits the mapping it reads them in. Those syntax errors are echoes of the key: once its
 * lines are put in place the file reads, and the key is the one mistake to tell.
 */
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import type { Position } from './positions.js';

/** A key told as indented too shallow: where it is, and the column its mapping's keys start at. */
export interface ShallowKey extends Position {
  belongsAt: number;
}

/**
 * The syntax errors below a shallow key that go once the lines from it to the first of them are
 * indented as the key belongs: all of those below it when the file so fixed reads without error.
 */
export function echoesOfShallowKeys(source: string, keys: readonly ShallowKey[], syntax: readonly Diagnostic[]) {
  const echoes = new Set<Diagnostic>();
  const lines = source.split('\n');
  for (const key of keys) {
    const below = syntax.filter((d) => d.line > key.line);
    const next = Math.min(...below.map((d) => d.line));
    const shift = key.belongsAt - key.col;
    if (below.length === 0 || shift <= 0) continue;
    const fixed = lines.map((text, i) =>
      i + 1 >= key.line && i + 1 < next && text.trim() !== '' ? `${' '.repeat(shift)}${text}` : text,
    );
    if (parseDocument(fixed.join('\n')).errors.length === 0) for (const d of below) echoes.add(d);
  }
  return echoes;
}
