/**
 * Recognises a list item whose first line is out of place while the keys under
 * it are where they belong: its "- " to the left of them (`- kind: …` two
 * columns short), or missing (`kind: …`, the first slide of a list, or a later
 * one at the column of its list's "-"). YAML faults the keys under it, each its
 * own way, and the fix its errors suggest (dedent "id") moves every line but
 * the wrong one.
 *
 * A fix is told only when the file, so fixed, reads without those errors and
 * changes fewer lines than lining the keys up with the first line would.
 */
import { LineCounter, parseDocument } from 'yaml';
import { indentOf, isContent, nextContentLine, spaces } from './indentation.js';
import { itemOf } from './things.js';

export interface MisplacedItemLine {
  /** The line the fix starts at (1-based), and the column of its text. */
  line: number;
  col: number;
  message: string;
  hint: string;
  /** The lines YAML notices errors on in the fixed file: errors noticed on any other line are echoes. */
  remaining: ReadonlySet<number>;
  /** The lines YAML finds a key written twice on in the fixed file: the others were read into the wrong mapping. */
  writtenTwice: ReadonlySet<number>;
}

interface Fix {
  /** The first and last line the fix changes. */
  from: number;
  to: number;
  lines: string[];
  message: string;
  hint: string;
}

/**
 * What to say about the first YAML error, at `line`:`col`, when an item's first
 * line is what is out of place.
 */
export function explainItemLine(
  source: string,
  { line, col }: { line: number; col: number },
): MisplacedItemLine | undefined {
  const lines = source.split('\n');
  const target = misplacedLine(lines, line, col);
  const above = target && previousContentLine(lines, target);
  if (!target || !above) return undefined;
  const fix =
    indentOf(lines[above - 1] ?? '') < indentOf(lines[target - 1] ?? '')
      ? (shorterThanBlock(dashShort(lines, above, target) ?? dashMissing(lines, above, target), lines, target) ??
        flowItemUnderItem(lines, above, target))
      : (dashMissingAfterItem(lines, target) ?? flowItemBeforeItem(lines, above, target));
  if (!fix) return undefined;
  const fixed = [...lines.slice(0, fix.from - 1), ...fix.lines, ...lines.slice(fix.to)].join('\n');
  const { remaining, writtenTwice } = errorLines(fixed);
  // The fixed lines, those under them and the next line after (YAML's last echo) must read.
  const checked = nextContentLine(lines, target + blockLength(lines, target) - 1) ?? lines.length;
  if ([...remaining].some((at) => at >= fix.from && at <= checked)) return undefined;
  const text = lines[fix.from - 1] ?? '';
  return { line: fix.from, col: indentOf(text) + 1, message: fix.message, hint: fix.hint, remaining, writtenTwice };
}

/** The line an error is about: its own, or for an error after a line's start, the next line when it is indented deeper. */
function misplacedLine(lines: readonly string[], line: number, col: number): number | undefined {
  const text = lines[line - 1];
  if (text === undefined || col - 1 <= indentOf(text)) return line;
  const next = nextContentLine(lines, line);
  return next !== undefined && indentOf(lines[next - 1] ?? '') > indentOf(text) ? next : undefined;
}

/**
 * An item whose "- " line (and the keys between it and `target`) sits left of the keys under it
 * (`- kind: comparison` at column 5, `id:` at column 9): indented as much as it lacks.
 */
function dashShort(lines: readonly string[], above: number, target: number): Fix | undefined {
  const item = isItemLine(lines[above - 1] ?? '') ? above : keysAbove(lines, above).above;
  const dash = item === undefined ? '' : (lines[item - 1] ?? '');
  if (item === undefined || !isItemLine(dash)) return undefined;
  const keyIndent = indentOf(dash) + 1 + indentOf(dash.slice(indentOf(dash) + 1));
  if (item !== above && keyIndent !== indentOf(lines[above - 1] ?? '')) return undefined;
  const shift = indentOf(lines[target - 1] ?? '') - keyIndent;
  // Keys under the item left of its first key are the ones out of place.
  if (shift <= 0) return undefined;
  const dashCol = indentOf(dash) + shift + 1;
  const thing = itemOf([listKeyAbove(lines, item, dashCol - 1) ?? '']) ?? 'list item';
  const range = item === above ? 'it' : `lines ${item}–${above}`;
  return {
    from: item,
    to: above,
    lines: lines.slice(item - 1, above).map((text) => ' '.repeat(shift) + text),
    message: `this ${thing} is indented ${spaces(indentOf(dash))}, but its keys below it start at column ${keyIndent + shift + 1}`,
    hint: `Indent ${range} ${spaces(shift)} more${item === above ? '' : ' each'}, the "-" at column ${dashCol}, to line up ${item === above ? `"${keyOf(dash)}"` : 'their keys'} with "${keyOf(lines[target - 1] ?? '')}" on line ${target}.`,
  };
}

/**
 * A mapping where a list of them belongs (under `slides:`, `sections:`…) whose keys start left of
 * the keys under them: its first item, written without its "- ".
 */
function dashMissing(lines: readonly string[], above: number, target: number): Fix | undefined {
  if (!isKeyLine(lines[above - 1] ?? '')) return undefined;
  const { first: from, above: holder } = keysAbove(lines, above);
  const listKey = holder && /^\s*([\w-]+):\s*(#.*)?$/.exec(lines[holder - 1] ?? '')?.[1];
  // Profiles are a mapping by name; the other named parts are lists.
  const thing = listKey && listKey !== 'profiles' ? itemOf([listKey]) : undefined;
  const keyIndent = indentOf(lines[target - 1] ?? '');
  if (!thing || keyIndent < 2) return undefined;
  const first = lines[from - 1] ?? '';
  const at = (indent: number, text: string) => ' '.repeat(indent) + text.trimStart();
  const others = from === above ? '' : from + 1 === above ? `line ${above}` : `lines ${from + 1}–${above}`;
  const shift = keyIndent - indentOf(first);
  return {
    from,
    to: above,
    lines: [
      at(keyIndent - 2, `- ${first.trimStart()}`),
      ...lines.slice(from, above).map((text) => at(keyIndent, text)),
    ],
    message: `a ${thing} starts here without "- " before it, so "${listKey}" holds a mapping, not a list of ${listKey}`,
    hint:
      `Start it with "- " at column ${keyIndent - 1}: - ${first.trimStart()}` +
      (others ? `; and indent ${others} ${spaces(shift)} more, to line up with "${keyOf(first)}".` : ''),
  };
}

/** A fix worth telling only when it moves fewer lines than lining the block at `target` up with the line above. */
function shorterThanBlock(fix: Fix | undefined, lines: readonly string[], target: number): Fix | undefined {
  return fix && fix.to - fix.from + 1 < blockLength(lines, target) ? fix : undefined;
}

/**
 * A later item of a list written without its "- ", at the column of the items' "-" (`kind: quote`
 * under `- kind: bullets`, or `b` under `- a`): YAML faults it and each line under it, each its own way.
 */
function dashMissingAfterItem(lines: readonly string[], target: number): Fix | undefined {
  const text = lines[target - 1] ?? '';
  const indent = indentOf(text);
  if (isItemLine(text) || /^\s*-(\s|$)/.test(text)) return undefined;
  const item = itemAbove(lines, target, indent);
  // Keys right under a one-line `- kind: …` are more likely its own, written a "- " too far left.
  if (item === undefined || (isKeyLine(text) && previousContentLine(lines, target) === item)) return undefined;
  const thing = itemOf([listKeyAbove(lines, item, indent) ?? '']) ?? 'list item';
  const to = target + blockLength(lines, target) - 1;
  const under = lines.slice(target, to);
  const others = to === target ? '' : to === target + 1 ? `line ${to}` : `lines ${target + 1}–${to}`;
  const listed = `${' '.repeat(indent)}- ${text.trimStart()}`;
  return {
    from: target,
    to,
    lines: [listed, ...under.map((line) => (isContent(line) ? `  ${line}` : line))],
    message: `a ${thing} starts here without "- " before it, so it is not read as an item of the list above`,
    hint:
      `Start it with "- " at column ${indent + 1}, as the ${thing} on line ${item} does: ${listed.trimStart()}` +
      (others ? `; and indent ${others} 2 spaces more, to line up with "${keyOf(text) ?? text.trim()}".` : ''),
  };
}

/**
 * An item written as `{ … }` or `[ … ]` without its "- ", under an item written so (`- { contender: tea }`) and
 * lined up with its text rather than its "-": YAML reads it as more of the item above, which is closed.
 */
function flowItemUnderItem(lines: readonly string[], above: number, target: number): Fix | undefined {
  const text = lines[target - 1] ?? '';
  const item = lines[above - 1] ?? '';
  if (!/^\s*[{[]/.test(text) || !/^\s*- +[{[]/.test(item)) return undefined;
  const indent = indentOf(item);
  const thing = itemOf([listKeyAbove(lines, above, indent) ?? '']) ?? 'list item';
  const listed = `${' '.repeat(indent)}- ${text.trimStart()}`;
  return {
    from: target,
    to: target,
    lines: [listed],
    message: `a ${thing} starts here without "- " before it, so it is read as more of the ${thing} above`,
    hint: `Start it with "- " at column ${indent + 1}, as the ${thing} on line ${above} does: ${listed.trimStart()}`,
  };
}

/**
 * The first item of a list written as `{ … }` or `[ … ]` without its "- ", the items after it with
 * theirs (`choices:` over `{ contender: tw }` over `- { contender: bs }`): YAML reads it as the
 * list's key's value, and faults the next item.
 */
function flowItemBeforeItem(lines: readonly string[], above: number, target: number): Fix | undefined {
  const text = lines[above - 1] ?? '';
  const item = lines[target - 1] ?? '';
  const keyLine = previousContentLine(lines, above);
  const key = keyLine === undefined ? undefined : (lines[keyLine - 1] ?? '');
  if (!/^\s*[{[]/.test(text) || !/^\s*- +[{[]/.test(item) || indentOf(text) !== indentOf(item)) return undefined;
  if (key === undefined || indentOf(key) >= indentOf(text) || !/:\s*(#.*)?$/.test(key)) return undefined;
  const thing = itemOf([keyOf(key) ?? '']) ?? 'list item';
  const listed = `${' '.repeat(indentOf(text))}- ${text.trimStart()}`;
  return {
    from: above,
    to: above,
    lines: [listed],
    message: `a ${thing} starts here without "- " before it, so it is read as the whole of "${keyOf(key)}" and the ${thing} after it as out of place`,
    hint: `Start it with "- ", as the ${thing} on line ${target} does: ${listed.trimStart()}`,
  };
}

/** The item ("- …") at column `indent` that the nearest line above `line` no deeper than it starts, if any. */
function itemAbove(lines: readonly string[], line: number, indent: number): number | undefined {
  for (let at = line - 1; at >= 1; at--) {
    const text = lines[at - 1] ?? '';
    if (!isContent(text) || indentOf(text) > indent) continue;
    return indentOf(text) === indent && /^\s*-(\s|$)/.test(text) ? at : undefined;
  }
  return undefined;
}

/** From line `line` up over the keys lined up with it: the first of them, and the content line above them. */
function keysAbove(lines: readonly string[], line: number): { first: number; above: number | undefined } {
  const indent = indentOf(lines[line - 1] ?? '');
  let first = line;
  for (let at = line - 1; at >= 1; at--) {
    const text = lines[at - 1] ?? '';
    if (!isContent(text)) continue;
    if (indentOf(text) !== indent || !isKeyLine(text)) return { first, above: at };
    first = at;
  }
  return { first, above: undefined };
}

/** The key of the line the list that holds an item "-" at `dashIndent` belongs to. */
function listKeyAbove(lines: readonly string[], line: number, dashIndent: number): string | undefined {
  for (let at = line - 1; at >= 1; at--) {
    const text = lines[at - 1] ?? '';
    if (!isContent(text) || indentOf(text) > dashIndent) continue;
    if (indentOf(text) === dashIndent && isItemLine(text)) continue;
    return keyOf(text);
  }
  return undefined;
}

/** The lines from `target` on indented at least as deep as it: what lining them up with the line above moves. */
function blockLength(lines: readonly string[], target: number): number {
  const indent = indentOf(lines[target - 1] ?? '');
  let count = 0;
  for (let at = target; at <= lines.length; at++) {
    const text = lines[at - 1] ?? '';
    if (!isContent(text)) continue;
    if (indentOf(text) < indent) break;
    count++;
  }
  return count;
}

/** The lines YAML finds errors on, keys written twice apart (they stand beside any fix). */
function errorLines(source: string): { remaining: Set<number>; writtenTwice: Set<number> } {
  const lineCounter = new LineCounter();
  const { errors } = parseDocument(source, { lineCounter, logLevel: 'silent' });
  const linesOf = (twice: boolean) =>
    new Set(
      errors.filter((e) => (e.code === 'DUPLICATE_KEY') === twice).map((e) => lineCounter.linePos(e.pos[0]).line),
    );
  return { remaining: linesOf(false), writtenTwice: linesOf(true) };
}

function previousContentLine(lines: readonly string[], before: number): number | undefined {
  for (let at = before - 1; at >= 1; at--) if (isContent(lines[at - 1] ?? '')) return at;
  return undefined;
}

function isItemLine(text: string): boolean {
  return /^\s*- /.test(text);
}

function isKeyLine(text: string): boolean {
  return keyOf(text) !== undefined && !isItemLine(text);
}

function keyOf(text: string): string | undefined {
  return /^\s*(?:- +)?([^\s:#'"{[-][^:#]*?):(\s|$)/.exec(text)?.[1];
}
