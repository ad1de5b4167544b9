/**
 * Recognises the YAML error behind most newcomers' broken outlines: a line
 * indented to the wrong level (a slide at its section's level, a list item
 * one space short, a key deeper than its siblings). The parser reports what it
 * could not read ("A block sequence may not be used as an implicit map key");
 * this says which line is out of place and what to line it up with.
 *
 * The lines above the misplaced one are read on their own, through `yaml`'s
 * public API: the lists and mappings still open at their end are where the
 * line could belong, each starting at a column of its own.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { OutlinePath } from './outline-path.js';
import { itemOf, thingAt } from './things.js';

export interface Misindented {
  /** The misplaced line (1-based), and the column its text starts at. */
  line: number;
  col: number;
  message: string;
  hint: string;
  /** The last line of what is indented under it: errors on the lines between are echoes of this one. */
  through: number;
}

/** A list or mapping still open at the end of the lines read: the next line may continue it. */
interface Open {
  kind: 'list' | 'mapping';
  path: OutlinePath;
  /** The column its items (a list's "-", a mapping's keys) start at. */
  col: number;
  /** The line of its last item: the one to line up with. */
  lastLine: number;
  keys: ReadonlySet<string>;
}

/**
 * What to say about a YAML error at `line`:`col` when it comes from a line
 * indented to the wrong level: the error's own line, or, for an error inside
 * a line, the line after it when that one is indented deeper (a key pushed
 * under its sibling's value).
 */
export function explainIndentation(
  source: string,
  { line, col }: { line: number; col: number },
  /** Lines already reported as misplaced: left out of the lines above, which are read as if they were fixed. */
  misplaced: ReadonlySet<number> = new Set(),
): Misindented | undefined {
  const lines = source.split('\n');
  const errorLine = lines[line - 1];
  if (errorLine === undefined) return undefined;
  let target = line;
  if (col - 1 > indentOf(errorLine)) {
    const next = nextContentLine(lines, line);
    if (next === undefined || indentOf(lines[next - 1] ?? '') <= indentOf(errorLine)) return undefined;
    target = next;
  }
  const text = lines[target - 1] ?? '';
  const indent = indentOf(text);
  // Tabs are an error of their own.
  if (/^ *\t/.test(text)) return undefined;
  const shape = shapeOf(text.slice(indent));
  // Below a value, "more words: …" is text that runs on, more likely than a key pushed too deep.
  if (!shape || (target !== line && /\s/.test(shape.key ?? ''))) return undefined;
  const open = openAbove(lines, target, misplaced).filter((o) => o.kind === shape.kind);
  if (open.length === 0 || open.some((o) => o.col === indent + 1)) return undefined;
  const best = nearest(open, indent + 1, shape.key);
  const through = lastLineUnder(lines, target, indent);
  return {
    line: target,
    col: indent + 1,
    message:
      shape.key === undefined
        ? `this ${itemOf(best.path) ?? 'list item'} starts at column ${indent + 1}, but ${itemsOf(best)} start at column ${best.col}`
        : `"${shape.key}" starts at column ${indent + 1}, but ${itemsOf(best)} start at column ${best.col}`,
    hint: hintFor(indent, best, through > target),
    through,
  };

  function hintFor(indent: number, best: Open, hasLinesUnder: boolean): string {
    const shift = best.col - 1 - indent;
    const by = `${Math.abs(shift)} ${shift > 0 ? 'more' : 'fewer'}`;
    const under = hasLinesUnder ? `, and the lines under it ${by} each` : '';
    return `Line it up with line ${best.lastLine}: indent it ${spaces(best.col - 1)} (${by})${under}.`;
  }
}

/**
 * Whether an error at the start of line `line` is about a line that lines up
 * with a list or mapping open above it once the lines reported as misplaced
 * are left out: the parser, still lost after them, faults a line where it
 * belongs (`- kind: …` at its slides' column).
 */
export function fitsOnceFixed(
  source: string,
  { line, col }: { line: number; col: number },
  misplaced: ReadonlySet<number>,
): boolean {
  const lines = source.split('\n');
  const text = lines[line - 1] ?? '';
  const indent = indentOf(text);
  const shape = shapeOf(text.slice(indent));
  if (misplaced.size === 0 || col > indent + 1 || !shape) return false;
  return openAbove(lines, line, misplaced).some((o) => o.kind === shape.kind && o.col === indent + 1);
}

/** The lists and mappings open above line `line`, read as if the misplaced lines were not there. */
function openAbove(lines: readonly string[], line: number, misplaced: ReadonlySet<number>): Open[] {
  return openCollections(
    lines
      .slice(0, line - 1)
      .map((text, i) => (misplaced.has(i + 1) ? '' : text))
      .join('\n'),
  );
}

/**
 * For a key YAML read without a value though text follows it: `color: #00add8` (a # after a
 * space starts a comment) or `subtitle: &more` (an & starts an anchor, a name for the value
 * after it, and none follows): what happened, and the line with its text quoted. Only a #
 * followed by text is taken for a value (`# note` reads as the comment it is meant to be).
 */
export function explainHiddenValue(
  source: string,
  line: number,
): { col: number; message: string; hint: string } | undefined {
  const text = source.split('\n')[line - 1] ?? '';
  const match = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(#\S+(?: [^#]*?)?|&\S+)\s*(?:\s#.*)?$/.exec(text);
  if (!match) return undefined;
  const [, , key = '', written = ''] = match;
  const value = written.trim();
  return {
    col: text.indexOf(value) + 1,
    message: value.startsWith('#')
      ? `"${key}" has no value: the # starts a comment, so "${value}" is not read`
      : `"${key}" has no value: "${value}" is read as an anchor, a name for the value after it, and none follows`,
    hint: `Quote it: ${key}: ${JSON.stringify(value)}`,
  };
}

/**
 * For a key left without a value (`slides:`) because the list below it is
 * indented less than the key, so that YAML reads its items as items of the
 * list that holds the key's mapping: what happened, how to indent it, and the
 * lines of the first item so misread (their problems are echoes of this one).
 */
export function explainEmptyKey(
  source: string,
  line: number,
): { col: number; message: string; hint: string; echoes: { from: number; through: number } } | undefined {
  const lines = source.split('\n');
  const text = lines[line - 1] ?? '';
  const indent = indentOf(text);
  const key = shapeOf(text.slice(indent))?.key;
  const next = nextContentLine(lines, line);
  if (key === undefined || next === undefined || !/:\s*(#.*)?$/.test(text)) return undefined;
  const below = lines[next - 1] ?? '';
  const listIndent = indentOf(below);
  if (listIndent >= indent || shapeOf(below.slice(listIndent))?.kind !== 'list') return undefined;
  const holder = openCollections(lines.slice(0, line).join('\n')).find(
    (o) => o.kind === 'list' && o.col === listIndent + 1,
  );
  const readAs = holder && itemOf(holder.path);
  const shift = indent + 2 - listIndent;
  return {
    col: indent + 1,
    message: `"${key}" has no value: the list below it is indented ${spaces(listIndent)}, less than "${key}" itself, so ${readAs ? `its items are read as ${readAs}s` : 'it is not read as its value'}`,
    hint: `Indent the list ${spaces(shift)} more, its "-" at column ${indent + 3}, and the lines under each item as much.`,
    echoes: { from: next, through: lastLineUnder(lines, next, listIndent) },
  };
}

export function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

/** "the slides of this section", "the keys of this slide", "the top-level keys"… */
function itemsOf({ kind, path }: Open): string {
  const last = path.at(-1);
  if (kind === 'mapping') {
    if (last === undefined) return 'the top-level keys';
    const thing = thingAt(path);
    return thing === last ? `the keys of "${last}"` : `the keys of this ${thing}`;
  }
  if (typeof last !== 'string') return 'the items of this list';
  const parent = path.slice(0, -1);
  // A list named in the plural names its items ("the bullets"); one in the singular ("task") does not.
  const items = last.endsWith('s') ? `the ${last}` : `the items of "${last}"`;
  return parent.length === 0 ? items : `${items} ${last.endsWith('s') ? 'of' : 'in'} this ${thingAt(parent)}`;
}

/** The open collection the line most likely belongs to: the nearest column; on a tie, one without its key, then the deeper. */
function nearest(open: Open[], col: number, key: string | undefined): Open {
  const score = (o: Open) =>
    Math.abs(o.col - col) * 4 + (key !== undefined && o.keys.has(key) ? 2 : 0) - (o.col > col ? 1 : 0);
  return open.reduce((best, o) => (score(o) < score(best) ? o : best));
}

/** A list item ("- …") or a "key: …" line; undefined for anything else (text, a comment, a bracket). */
function shapeOf(content: string): { kind: 'list' | 'mapping'; key?: string } | undefined {
  if (/^-( |$)/.test(content)) return { kind: 'list' };
  const key = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?)\s*:(\s|$)/.exec(content)?.[1];
  return key === undefined ? undefined : { kind: 'mapping', key: key.replace(/^(["'])(.*)\1$/, '$2') };
}

/**
 * The block lists and mappings open at the end of `text`: from the top, each
 * collection's last item, down to the last line (flow collections, `{…}` and
 * `[…]`, are left out: indentation means nothing inside them).
 */
function openCollections(text: string): Open[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, logLevel: 'silent' });
  if (document.errors.length > 0) return [];
  const open: Open[] = [];
  const lineOf = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  let node: unknown = document.contents;
  const path: OutlinePath = [];
  while ((isMap(node) || isSeq(node)) && !node.flow && node.range) {
    const col = lineCounter.linePos(node.range[0]).col;
    if (isMap(node)) {
      const last = node.items.at(-1);
      if (!isPair(last) || !isScalar(last.key)) break;
      const keys = new Set(node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])));
      open.push({ kind: 'mapping', path: [...path], col, lastLine: lineOf(last.key), keys });
      path.push(String(last.key.value));
      node = last.value;
    } else {
      const last = node.items.at(-1) as Node | null | undefined;
      open.push({ kind: 'list', path: [...path], col, lastLine: lineOf(last), keys: new Set() });
      path.push(node.items.length - 1);
      node = last;
    }
  }
  return open;
}

export function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

export function isContent(line: string): boolean {
  return line.trim() !== '' && !line.trimStart().startsWith('#');
}

export function nextContentLine(lines: readonly string[], after: number): number | undefined {
  for (let i = after; i < lines.length; i++) if (isContent(lines[i] ?? '')) return i + 1;
  return undefined;
}

/** The last line indented deeper than `indent` right after line `line` (or `line` itself). */
function lastLineUnder(lines: string[], line: number, indent: number): number {
  let last = line;
  for (let i = line; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (!isContent(text)) continue;
    if (indentOf(text) <= indent) break;
    last = i + 1;
  }
  return last;
}
