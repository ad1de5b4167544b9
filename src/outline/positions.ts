/**
 * Maps a path inside the outline data back to a line and column of the YAML file.
 * All knowledge of the `yaml` node API lives here.
 */
import { isCollection, isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostics.js';
import { type CommaCut, commaCuts } from './comma-cuts.js';
import type { OutlinePath } from './outline-path.js';
import type { ParsedOutline } from './parse.js';

/** A problem found in the outline's data, before it is given a file position. */
export interface SemanticProblem {
  code: DiagnosticCode;
  message: string;
  path: OutlinePath;
  /** Point at this key of the map at `path` rather than at its value. */
  key?: string;
  hint?: string;
  /** Where the same thing was first written (a duplicate id): its position is added to the message. */
  firstAt?: OutlinePath;
  /** A problem with a command-line flag rather than the file, e.g. `--skip nosuch`. */
  flag?: string;
  /** For a file the outline names that does not exist: where it was looked for (`dev` watches for it). */
  missing?: string;
  /**
   * For a key indented one level too shallow: the mapping above it that takes
   * it (its path, what it is, its last key), to say where to line it up, and
   * what the key is read as ("a section").
   */
  under?: { path: OutlinePath; thing: string; lastKey: string; readAs: string };
}

export interface Position {
  line: number;
  col: number;
}

/**
 * Where the value at `path` starts. For a path that does not exist (a missing
 * key), the nearest existing parent is used. With `key`, points at the key of
 * that name inside the map at `path` (for unknown keys).
 */
export function positionOf(parsed: ParsedOutline, path: OutlinePath, key?: string): Position {
  const { document, lineCounter } = parsed.syntax();
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    if (!isNode(node)) continue;
    const target = depth === path.length && key !== undefined ? (keyNode(node, key) ?? node) : node;
    const offset = target.range?.[0];
    if (offset !== undefined) return lineCounter.linePos(offset);
  }
  return { line: 1, col: 1 };
}

/**
 * The line the value the data holds at `path` starts on; undefined where the path leaves the
 * file. A key written twice keeps its last writing in the data, while positionOf names the first.
 */
export function dataLine(parsed: ParsedOutline, path: OutlinePath): number | undefined {
  const { document, lineCounter } = parsed.syntax();
  let node: unknown = document.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.findLast((pair) => isScalar(pair.key) && pair.key.value === step)?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  const offset = isNode(node) ? node.range?.[0] : undefined;
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** The last line of the mapping or list at `path`; undefined for text, a number, or nothing there. */
export function collectionEndLine(parsed: ParsedOutline, path: OutlinePath): number | undefined {
  const { document, lineCounter } = parsed.syntax();
  const node = document.getIn(path, true);
  const end = isCollection(node) ? node.range?.[1] : undefined;
  return end === undefined ? undefined : lineCounter.linePos(Math.max(0, end - 1)).line;
}

/**
 * Where line `index` (0-based) of the text at `path` is written: in a literal
 * block (`code: |`), that line of the file at its first character; for a
 * one-line value, the value. Undefined where lines cannot be told apart (a
 * folded or a quoted multi-line value): then the value's own position serves.
 */
export function valueLinePosition(parsed: ParsedOutline, path: OutlinePath, index: number): Position | undefined {
  const { document, lineCounter } = parsed.syntax();
  const node = document.getIn(path, true);
  const offset = isScalar(node) ? node.range?.[0] : undefined;
  if (!isScalar(node) || offset === undefined) return undefined;
  const start = lineCounter.linePos(offset);
  if (node.type === 'BLOCK_LITERAL') {
    const token = node.srcToken;
    const line = token && 'source' in token ? token.source.split('\n')[index] : undefined;
    return line === undefined
      ? undefined
      : { line: start.line + 1 + index, col: line.length - line.trimStart().length + 1 };
  }
  const oneLine = typeof node.value === 'string' && !node.value.trimEnd().includes('\n');
  return index === 0 && oneLine ? start : undefined;
}

function keyNode(node: Node, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/** True when the map at `path` has a key written as `key` (not a key the parser made of something else). */
export function hasKey(parsed: ParsedOutline, path: OutlinePath, key: string): boolean {
  const node = parsed.syntax().document.getIn(path, true);
  return isNode(node) && keyNode(node, key) !== undefined;
}

/** What the data cannot tell about how a value was written in the file. */
export interface Written {
  /** Whether the mapping at a path was written as `{ … }`. */
  isFlowMapping(path: OutlinePath): boolean;
  /**
   * The line as written, when the value at a path is a mapping of one key and a text on the
   * same line (`- Réactivité : signaux`): text that YAML read as a mapping because of a ": ".
   */
  oneLinePair(path: OutlinePath): string | undefined;
  /** The texts cut at their commas in the mapping at a path, when it was written as `{ … }`. */
  commaCuts(path: OutlinePath): CommaCut[];
  /** The value at a path as written, when it is a plain scalar (`2.0`, not the number 2 YAML made of it). */
  plainScalar(path: OutlinePath): string | undefined;
  /** Whether the text at a path is written in quotes, as its author meant it whole. */
  isQuoted(path: OutlinePath): boolean;
}

export function writtenIn(parsed: ParsedOutline): Written {
  const nodeAt = (path: OutlinePath) => parsed.syntax().document.getIn(path, true);
  return {
    isFlowMapping: (path) => {
      const node = nodeAt(path);
      return isMap(node) && node.flow === true;
    },
    commaCuts: (path) => {
      const node = nodeAt(path);
      return isMap(node) ? commaCuts(node, parsed.source) : [];
    },
    isQuoted: (path) => {
      const node = nodeAt(path);
      return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    },
    plainScalar: (path) => {
      const node = nodeAt(path);
      return isScalar(node) && node.type === 'PLAIN' && node.range
        ? parsed.source.slice(node.range[0], node.range[1])
        : undefined;
    },
    oneLinePair: (path) => {
      const node = nodeAt(path);
      if (!isMap(node) || node.items.length !== 1 || !node.range) return undefined;
      // A mapping written as { … } is one; an item of [ … ] with ": " in it is text read as one.
      if (node.flow && parsed.source[node.range[0]] === '{') return undefined;
      const [pair] = node.items;
      const keyEnd = isPair(pair) && isScalar(pair.key) ? pair.key.range?.[1] : undefined;
      if (keyEnd === undefined) return undefined;
      const { value } = pair as { value: unknown };
      if (!(value === null || (isScalar(value) && value.type === 'PLAIN'))) return undefined;
      // To the value's end, or the colon of a key without one: a comment after it is no part of the text.
      const end = value?.range?.[1] ?? parsed.source.indexOf(':', keyEnd) + 1;
      const text = parsed.source.slice(node.range[0], end).trim();
      return text.includes('\n') ? undefined : text;
    },
  };
}

/** True when one path leads to the other (a problem about a value and one about what holds it). */
export function related(a: OutlinePath, b: OutlinePath): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return shorter.every((step, i) => step === longer[i]);
}

/** A file position for a path in the outline's data (and, with `key`, that key of the map there). */
export type Locator = (path: OutlinePath, key?: string) => FilePosition;

export interface FilePosition extends Position {
  file: string;
}

export function fileLocator(parsed: ParsedOutline): Locator {
  return (path, key) => ({ file: parsed.file, ...positionOf(parsed, path, key) });
}

export function locateProblems(parsed: ParsedOutline, problems: readonly SemanticProblem[]): Diagnostic[] {
  return toDiagnostics(problems, fileLocator(parsed));
}

export function toDiagnostics(problems: readonly SemanticProblem[], locate: Locator): Diagnostic[] {
  return problems.map(({ code, message, path, key, hint, firstAt, flag, under, missing }) => {
    const first = firstAt && locate(firstAt);
    const where = flag === undefined ? locate(path, key) : { file: locate([]).file, line: 0, col: 0, flag };
    const lineUp = under && key !== undefined ? linedUp(key, where, under, locate) : undefined;
    return {
      severity: 'error' as const,
      code,
      message: first ? `${message} (first at ${first.file}:${first.line}:${first.col})` : (lineUp?.message ?? message),
      ...where,
      path: key === undefined ? path : [...path, key],
      ...(lineUp ? { hint: lineUp.hint } : hint ? { hint } : {}),
      ...(missing ? { missing } : {}),
    };
  });
}

/** What to say of a key indented one level too shallow, with the columns it is at and belongs at. */
function linedUp(
  key: string,
  at: Position,
  under: NonNullable<SemanticProblem['under']>,
  locate: Locator,
): { message: string; hint: string } {
  const target = locate(under.path);
  const last = locate(under.path, under.lastKey);
  const shift = target.col - at.col;
  const spaces = (n: number) => (n === 1 ? '1 space' : `${n} spaces`);
  return {
    message: `"${key}" starts at column ${at.col}, so it is read as ${under.readAs} field; it belongs to the ${under.thing} above, whose keys start at column ${target.col}`,
    hint: `Line it up with line ${last.line}: indent it ${spaces(target.col - 1)} (${Math.abs(shift)} ${shift > 0 ? 'more' : 'fewer'}).`,
  };
}
