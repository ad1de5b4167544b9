/**
 * A key written without the space after its colon (`title:Tea vs Coffee`): YAML reads the
 * line as one piece of text, and then says only that an "implicit key" spans lines, or that a
 * key lacks its value, at the start of the line. The colon is the mistake. A line is taken for
 * one when it starts with a word shaped like a key and a colon run into its value, sits where
 * the parser faulted, and putting the space there takes that fault away.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { MendedSlip } from '../diagnostics/diagnostics.js';

/** The line's indentation and list item's "- ", the key, and the value run into the colon. */
const UNSPACED_COLON = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*):([^\s#].*)$/;

/** No outline has more such lines to tell than this; past it the rest are left to the parser. */
const MOST = 20;

/** Longest value quoted in the message; a longer one is cut with "…". */
const QUOTED_VALUE = 30;

/** Each key whose colon has no space after it that the parser faulted, and the source with the spaces put in. */
export function findUnspacedColons(source: string): { found: MendedSlip[]; spaced: string } {
  const found: MendedSlip[] = [];
  const lines = source.split('\n');
  let faults = faultLines(lines.join('\n'));
  while (found.length < MOST) {
    const line = faults.find((at) => UNSPACED_COLON.test(lines[at - 1] ?? ''));
    if (line === undefined) break;
    const text = lines[line - 1] ?? '';
    const [, before = '', key = '', value = ''] = UNSPACED_COLON.exec(text) ?? [];
    const fixed = [...lines];
    fixed[line - 1] = `${before}${key}: ${value}`;
    const after = faultLines(fixed.join('\n'));
    // The space must take the fault on this line away and add none above it.
    const above = (list: readonly number[]) => list.filter((at) => at < line).length;
    if (after.includes(line) || above(after) > above(faults)) break;
    found.push(told(line, { before, key, value }));
    lines.splice(0, lines.length, ...fixed);
    faults = after;
  }
  return { found, spaced: lines.join('\n') };
}

/** The lines the parser faults, in its order. */
function faultLines(source: string): number[] {
  const lineCounter = new LineCounter();
  const { errors } = parseDocument(source, { lineCounter });
  return [...new Set(errors.map((error) => lineCounter.linePos(error.pos[0]).line))];
}

function told(line: number, { before, key, value }: { before: string; key: string; value: string }): MendedSlip {
  const shown = value.trimEnd();
  const quoted = shown.length > QUOTED_VALUE ? `${shown.slice(0, QUOTED_VALUE)}…` : shown;
  return {
    line,
    col: before.length + key.length + 1,
    message: `"${key}:${quoted}" has no space after the colon, so YAML reads the line as text, not as the key "${key}"`,
    hint: `Put a space after the colon: ${key}: ${shown}`,
  };
}
