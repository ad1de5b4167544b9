/**
 * Parse stage: YAML text → the outline's data, and a syntax tree that knows
 * where every value came from. Pure: the caller reads the file.
 *
 * Two parsers, one per job. js-yaml reads the data: it is five times faster
 * than building `yaml`'s syntax tree, which matters for long outlines and
 * every `versus dev` save. `yaml` builds the tree, with ranges and friendly
 * errors, only when a message needs a position, and reads the whole file
 * itself whenever js-yaml reports any problem, so every message comes from
 * one place. Both follow YAML 1.2's core schema.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import {
  type Alias,
  CST,
  type Document,
  isCollection,
  isScalar,
  Lexer,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, MendedSlip } from '../diagnostics/diagnostics.js';
import { findUnspacedColons } from './colon-space.js';
import { onlyCutPieces } from './comma-cuts.js';
import { findUnspacedDashes, hasUnspacedDash } from './dash-space.js';
import { asLaidOut, FOLDED_SCALAR } from './folded.js';
import { explainIndentation, fitsOnceFixed } from './indentation.js';
import { explainItemLine } from './item-line.js';
import { findMissingDashes } from './missing-dash.js';
import { mayHoldPlainCode, plainCodeProblems } from './plain-code.js';

export interface ParsedOutline {
  file: string;
  /** The text parsed (messages about indentation read its lines). */
  source: string;
  /** The plain data, or undefined when the YAML itself is broken. */
  data: unknown;
  /**
   * With syntax errors, the first line the parser could not read as written:
   * what it made of the lines from here on is a guess. Undefined when every
   * line was read as written (no errors, or only a key written twice).
   */
  guessedFrom?: number;
  diagnostics: Diagnostic[];
  /** The syntax tree positions are read from; built on first use. */
  syntax(): SyntaxTree;
}

export interface SyntaxTree {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Aliases are resolved at most this often, so "billion laughs" files fail fast instead of eating memory. */
const MAX_ALIAS_COUNT = 1000;

/** Deeper nesting is refused: no outline needs more than ten levels, and `yaml` builds documents recursively. */
const MAX_DEPTH = 100;

/** Beyond this many levels, text is not parsed any further (see runawayNesting). */
const RUNAWAY_DEPTH = 5 * MAX_DEPTH;

/** A tab in a line's indentation, wherever in it: yaml's words for one at the start of the line. */
const TAB_TOLD = {
  message: 'Tabs are not allowed as indentation',
  hint: 'Indent with spaces; YAML does not allow tabs for indentation.',
};

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: TAB_TOLD.hint,
  DUPLICATE_KEY: 'Remove or rename one of the two keys.',
  BAD_INDENT: 'Check the indentation and that every [ or { is closed.',
  MISSING_CHAR: 'A closing bracket or quote is missing.',
  MULTIPLE_DOCS: 'An outline is one document: remove this "---" line, or split the file.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a colon missing or a quote left open?',
  BLOCK_AS_IMPLICIT_KEY: 'A key holds either a value on its line or indented lines below it, not both.',
};

/** The errors a line indented to the wrong level gives, when `explainIndentation` recognises it. */
const INDENTATION_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);

/** yaml's own words where they name its API rather than the problem. */
const YAML_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  BLOCK_AS_IMPLICIT_KEY: 'this value is followed by lines indented under it',
};

/** What the parser made of a file with syntax errors, as far as it could read it; undefined if not even that. */
export function partialData(parsed: ParsedOutline): unknown {
  try {
    return parsed.syntax().document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

export function parseOutlineText(source: string, file: string): ParsedOutline {
  const parsed = parseText(source, file);
  if (parsed.data === undefined || !mayHoldPlainCode(source)) return parsed;
  return { ...parsed, diagnostics: [...parsed.diagnostics, ...plainCodeProblems(parsed.syntax(), source, file)] };
}

function parseText(source: string, file: string): ParsedOutline {
  // js-yaml gives no scalar's style: a source with a folded scalar is read with the positions, which do.
  // js-yaml reads "-kind:" as a key: the precise path tells it as an item's "-" without its space.
  const fast = FOLDED_SCALAR.test(source) || hasUnspacedDash(source) ? { ok: false as const } : readData(source);
  if (!fast.ok) return parseWithPositions(source, file);
  let tree: SyntaxTree | undefined;
  const syntax = () => {
    tree ??= parseWithPositions(source, file).syntax();
    return tree;
  };
  return { file, source, data: fast.data, diagnostics: [], syntax };
}

/**
 * The data alone, through js-yaml. Anything out of the ordinary (a syntax
 * error, an alias, nesting past MAX_DEPTH, an unknown tag) is left to the
 * precise path, which explains it.
 */
export function readData(source: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: load(source, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: MAX_DEPTH }) };
  } catch {
    return { ok: false };
  }
}

/** The lines inside the outline's `|` and `>` blocks of text. */
function blockScalarLines(document: Document, lineCounter: LineCounter): Set<number> {
  const lines = new Set<number>();
  visit(document, {
    Scalar(_, node) {
      if ((node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !node.range) return;
      const [from, , to] = node.range;
      for (
        let line = lineCounter.linePos(from).line;
        line <= lineCounter.linePos(Math.max(from, to - 1)).line;
        line++
      ) {
        lines.add(line);
      }
    },
  });
  return lines;
}

function parseWithPositions(source: string, file: string): ParsedOutline {
  const lineCounter = new LineCounter();
  const document = composeChecked(source, lineCounter);
  if ('tooDeep' in document) {
    const { line, col } = document.tooDeep;
    const message = `lists and mappings are nested more than ${MAX_DEPTH} levels deep`;
    const hint = 'An outline needs a few levels; look for runaway brackets or indentation.';
    const empty = { document: parseDocument(''), lineCounter };
    return {
      file,
      source,
      data: undefined,
      diagnostics: [{ severity: 'error', code: 'yaml-syntax', message, file, line, col, path: [], hint }],
      syntax: () => empty,
    };
  }
  /** Slips `found` told, and the rest of the outline read from `spaced`, its text with each mended. */
  const toldThenRest = ({ found, spaced }: { found: MendedSlip[]; spaced: string }): ParsedOutline => {
    const rest = parseWithPositions(spaced, file);
    const told = found.map((d): Diagnostic => ({ severity: 'error', code: 'yaml-syntax', file, path: [], ...d }));
    return {
      file,
      source,
      data: undefined,
      diagnostics: [...told, ...rest.diagnostics],
      guessedFrom: Math.min(...found.map((d) => d.line)),
      syntax: () => ({ document, lineCounter }),
    };
  };
  // An item's "-" run into its first key: told, and the rest read as if the space were there. A
  // line of a block of text (code, a diff: "-image: v1") is that text's own.
  const unspaced = findUnspacedDashes(source, blockScalarLines(document, lineCounter));
  if (unspaced.found.length > 0) return toldThenRest(unspaced);
  // A key's colon run into its value ("title:Tea"): told at the colon, and the rest read as if the space were there.
  const unspacedColons = document.errors.length > 0 ? findUnspacedColons(source) : { found: [], spaced: source };
  if (unspacedColons.found.length > 0) return toldThenRest(unspacedColons);
  // A full-width colon or space where YAML's syntax needs the ASCII one (typed with a Chinese or Japanese
  // input method on) throws the parser off from there: it is the one mistake to tell.
  const [firstError] = document.errors;
  const fullWidth =
    firstError && fullWidthSyntax(source, lineCounter.linePos(toldAt(firstError, source, document)).line);
  if (fullWidth) {
    return {
      file,
      source,
      data: undefined,
      diagnostics: [{ severity: 'error', code: 'yaml-syntax', file, path: [], ...fullWidth }],
      guessedFrom: fullWidth.line,
      syntax: () => ({ document, lineCounter }),
    };
  }
  const diagnostics: Diagnostic[] = [];
  // Lines indented with tabs throw the parser off for the lines after them: when the file reads
  // without error once those tabs are spaces, the tabs are the only mistake to tell.
  const onlyTabs = /^[ \t]*\t/m.test(source) && readsWithSpaces(source);
  const linesWithErrors = new Set<number>();
  /** The lines of the blocks indented to the wrong level, once reported: their errors are echoes. */
  const misplacedLines = new Set<number>();
  const dashes = document.errors.some((error) => error.code === 'DUPLICATE_KEY')
    ? findMissingDashes(document, source)
    : [];
  const itemLine = misplacedItemLine(document, source, lineCounter);
  if (itemLine) {
    const { message, hint, line, col } = itemLine;
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', message, file, line, col, path: [], hint });
  }
  for (const error of document.errors) {
    const opened = openingQuote(error, source);
    const commented = commentedBracket(error, source);
    const unclosed = commented === undefined ? unclosedBracket(error, document) : undefined;
    const { line, col } = lineCounter.linePos(toldAt(error, source, document));
    // After the first error the parser has lost its place: the "Unexpected … token"
    // errors that follow are echoes of it, and one error per line is enough.
    if (linesWithErrors.has(line) || misplacedLines.has(line)) continue;
    // Once an item's first line is put in place, the errors the file no longer has were its echoes.
    const noticed = lineCounter.linePos(error.pos[0]).line;
    if (itemLine && !(error.code === 'DUPLICATE_KEY' ? itemLine.writtenTwice : itemLine.remaining).has(noticed))
      continue;
    const tab = tabInIndentation(source, line);
    if (onlyTabs && tab === undefined) continue;
    if (diagnostics.length > 0 && error.code === 'UNEXPECTED_TOKEN') continue;
    // A piece of text that commas cut in two cells ("iOS") is a key written twice: the cut is the mistake, told by the schema.
    if (error.code === 'DUPLICATE_KEY' && cutPieceWrittenTwice(document, error.pos[0], source)) continue;
    // The keys of a slide that lost its "- " are each written twice: the missing dash is the one mistake.
    if (error.code === 'DUPLICATE_KEY' && dashes.some((d) => error.pos[0] >= d.offset && error.pos[0] < d.end))
      continue;
    linesWithErrors.add(line);
    // yaml names a tab at the start of a line, and a tab after spaces only by what it does to the line.
    if (tab !== undefined) {
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', file, line, col: tab, path: [], ...TAB_TOLD });
      continue;
    }
    if (commented !== undefined) {
      const told = commentedBracketText(source, commented);
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', file, line, col, path: [], ...told });
      continue;
    }
    if (unclosed !== undefined) {
      // The parser's errors on the line where it noticed are echoes of the bracket, and so are
      // those after it that the file no longer has once the bracket is closed.
      linesWithErrors.add(lineCounter.linePos(error.pos[0]).line);
      for (const echo of echoesOfUnclosed(source, unclosed, error.pos[0], lineCounter)) linesWithErrors.add(echo);
      const told = unclosedBracketText(source, unclosed, error.pos[0]);
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', file, line, col, path: [], ...told });
      continue;
    }
    const misplaced = INDENTATION_CODES.has(error.code)
      ? explainIndentation(source, { line, col }, misplacedLines)
      : undefined;
    if (misplaced) {
      const { message, hint, through } = misplaced;
      for (let at = line; at <= through; at++) linesWithErrors.add(at);
      for (let at = misplaced.line; at <= through; at++) misplacedLines.add(at);
      const where = { line: misplaced.line, col: misplaced.col };
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', message, file, ...where, path: [], hint });
      continue;
    }
    if (INDENTATION_CODES.has(error.code) && fitsOnceFixed(source, { line, col }, misplacedLines)) continue;
    diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: YAML_MESSAGES[error.code] ?? firstLine(error.message),
      file,
      line,
      col,
      path: [],
      hint: hintFor(error, document, lineCounter),
      ...duplicateKey(error, document),
      ...unquotedColon(error, source),
      ...flowColon(error, source),
      ...indicatorFirst(error, source),
      ...(opened === undefined
        ? {}
        : {
            message: `this ${source[opened]} quote is never closed`,
            hint: `Close it where the text ends; a ${source[opened]} inside the text needs a backslash (\\${source[opened]}), or use the other kind of quote around it.`,
          }),
    });
  }
  for (const { offset, message, hint, path } of dashes) {
    diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message,
      file,
      ...lineCounter.linePos(offset),
      path,
      hint,
    });
  }
  let data: unknown;
  if (diagnostics.length === 0) {
    visit(document, {
      Scalar(_, node) {
        if (node.type === 'BLOCK_FOLDED' && typeof node.value === 'string') node.value = asLaidOut(node.value);
      },
    });
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // toJS fails only on aliases: one without its anchor, or too many of them (a "billion laughs").
      const unresolved = firstLine((error as Error).message).startsWith('Unresolved alias');
      const alias = findAlias(document, unresolved);
      const { line, col } = lineCounter.linePos(alias?.range?.[0] ?? 0);
      diagnostics.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: unresolved
          ? `"*${alias?.source}" is read as an alias, which copies what an anchor "&${alias?.source}" holds, and none is set above it`
          : 'aliases (*name) expand into too much data, as in a "billion laughs" file',
        file,
        line,
        col,
        path: [],
        hint: unresolved
          ? aliasHint(
              source.split(/\r?\n/)[line - 1] ?? '',
              col,
              alias?.source ?? '',
              anchorLine(document, lineCounter, alias?.source),
            )
          : 'Each alias copies what its anchor (&name) holds; write the values out, or use fewer aliases.',
      });
    }
  }
  const guessed = document.errors
    .filter((error) => error.code !== 'DUPLICATE_KEY')
    .map((error) => lineCounter.linePos(toldAt(error, source, document)).line);
  return {
    file,
    source,
    data,
    diagnostics,
    ...(guessed.length > 0 ? { guessedFrom: Math.min(...guessed) } : {}),
    syntax: () => ({ document, lineCounter }),
  };
}

/** An item's first line out of place, when the first error is one of indentation. */
function misplacedItemLine(document: Document.Parsed, source: string, lineCounter: LineCounter) {
  const [first] = document.errors;
  if (!first || !INDENTATION_CODES.has(first.code)) return undefined;
  return explainItemLine(source, lineCounter.linePos(toldAt(first, source, document)));
}

/**
 * A line at or just above a parse error that uses a full-width character for YAML's own: an
 * ideographic space (U+3000) in its indentation, or a key followed by a full-width colon
 * (`title： …`). Keys are ASCII words, so a text that holds "：" ("优点：快") is not taken for one.
 */
function fullWidthSyntax(
  source: string,
  errorLine: number,
): { line: number; col: number; message: string; hint: string } | undefined {
  const lines = source.split(/\r?\n/);
  for (const line of [errorLine, errorLine - 1]) {
    const text = lines[line - 1] ?? '';
    const space = /^[ \t]*\u3000/.exec(text);
    if (space) {
      return {
        line,
        col: space[0].length,
        message: 'this line is indented with a full-width space (U+3000), which YAML does not read as indentation',
        hint: 'Indent with ASCII spaces only: replace the full-width ones at the start of the line.',
      };
    }
    const key = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*)[ \t]*：[ \t\u3000]*(.*)$/.exec(text);
    if (key) {
      const [, before = '', name = '', value = ''] = key;
      return {
        line,
        col: before.length + 1,
        message: `"${name}" is followed by a full-width colon "：", which YAML does not read as the colon after a key`,
        hint: `Write an ASCII colon and a space: ${name}: ${value}`.trimEnd(),
      };
    }
  }
  return undefined;
}

/** The column of the first tab in the indentation of line `line`, if it has one. */
function tabInIndentation(source: string, line: number): number | undefined {
  const indentation = /^[ \t]*/.exec(source.split('\n')[line - 1] ?? '')?.[0] ?? '';
  const tab = indentation.indexOf('\t');
  return tab < 0 ? undefined : tab + 1;
}

/**
 * Whether `source` reads without error with each tab in its indentation as spaces: 8, 4 or 2 of
 * them, or as 1 or none (a tab typed among spaces that line the line up already, `      \t  id:`).
 */
function readsWithSpaces(source: string): boolean {
  return [8, 4, 2, 1, 0].some((width) => {
    const spaced = source.replace(/^[ \t]+/gm, (indent) => indent.replaceAll('\t', ' '.repeat(width)));
    return parseDocument(spaced).errors.length === 0;
  });
}

/**
 * `parseDocument`, guarded against runaway nesting. `yaml` builds the document
 * recursively; past some hundreds of levels it gives up with a stack error,
 * and megabytes of `[[[[` take seconds. So the text is lexed first, and only
 * its part up to where it is certainly nested too deep is parsed; then the
 * first collection deeper than MAX_DEPTH, in reading order, is the one named.
 */
function composeChecked(
  source: string,
  lineCounter: LineCounter,
): Document.Parsed | { tooDeep: { line: number; col: number } } {
  const runaway = runawayNesting(source);
  if (runaway !== undefined) {
    const partLines = new LineCounter();
    const tooDeep = firstTooDeep(parseDocument(source.slice(0, runaway), { lineCounter: partLines }));
    if (tooDeep !== undefined) return { tooDeep: partLines.linePos(tooDeep) };
  }
  // logLevel 'error': warnings (e.g. about collection keys) must not reach the console from here.
  // Source tokens keep a block scalar's lines as written: `check --run` places an error on its line.
  const document = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
    keepSourceTokens: true,
  });
  const tooDeep = firstTooDeep(document);
  return tooDeep !== undefined ? { tooDeep: lineCounter.linePos(tooDeep) } : document;
}

/**
 * Where the text is certainly nested deeper than RUNAWAY_DEPTH: open brackets,
 * plus the block indicators (`- `, `? `, `: `) on one line, each of which opens
 * a level. A lower bound of the depth, read from lexemes alone in milliseconds;
 * indentation cannot nest deep enough within MAX_OUTLINE_BYTES to matter.
 */
function runawayNesting(source: string): number | undefined {
  let brackets = 0;
  let indicatorsOnLine = 0;
  let offset = 0;
  let scalarFollows = false;
  for (const lexeme of new Lexer().lex(source)) {
    // A scalar's text comes after a marker lexeme; the text may look like an indicator ("-").
    const type: string | null = scalarFollows ? 'scalar-text' : CST.tokenType(lexeme);
    scalarFollows = type === 'scalar';
    if (type === 'scalar' || type === 'doc-mode' || type === 'flow-error-end') continue; // markers: no text
    if (type === 'newline') indicatorsOnLine = 0;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') brackets++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') brackets = Math.max(0, brackets - 1);
    else if (brackets === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind'))
      indicatorsOnLine++;
    if (brackets + indicatorsOnLine > RUNAWAY_DEPTH) return offset;
    offset += lexeme.length;
  }
  return undefined;
}

/** The offset of the first collection nested deeper than MAX_DEPTH, in reading order. */
function firstTooDeep(document: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(document, (_, node, path) => {
    if (!isCollection(node) || path.filter(isCollection).length < MAX_DEPTH) return undefined;
    found = node.range?.[0];
    return visit.BREAK;
  });
  return found;
}

/**
 * Where an error is told: at a quote or a bracket never closed, or a # that hid a closing
 * bracket; else where YAML noticed it.
 */
function toldAt(error: YAMLError, source: string, document: Document.Parsed): number {
  return (
    openingQuote(error, source) ??
    commentedBracket(error, source) ??
    unclosedBracket(error, document) ??
    pastBlankLines(source, error.pos[0])
  );
}

/**
 * An error the parser places at the start of a blank line (the blank lines before a block
 * indented to the wrong level are where it sees the block begin) is told where the next line's
 * text starts: the line the author wrote.
 */
function pastBlankLines(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] !== '\n') return offset;
  const blank = /^(?:[ \t]*\r?\n)+[ \t]*(?=\S)/.exec(source.slice(offset));
  return blank ? offset + blank[0].length : offset;
}

/** yaml's words for a `[ … ]` or `{ … }` that the next line leaves unclosed; the bracket it lacks. */
const UNCLOSED_FLOW =
  /Flow (?:map|sequence) in block collection must be sufficiently indented and end with an? ([}\]])/;

/**
 * Where a `[` or `{` that is never closed was opened (`sources: [docs`): the parser notices
 * only at the next line that cannot be in it, where the collection ends. The innermost one.
 */
function unclosedBracket(error: YAMLError, document: Document.Parsed): number | undefined {
  if (!UNCLOSED_FLOW.test(error.message)) return undefined;
  let opened: number | undefined;
  visit(document, (_, node) => {
    if (isCollection(node) && node.flow && node.range?.[1] === error.pos[0]) opened = node.range[0];
  });
  return opened;
}

/** Where the bracket a `[` or `{` never closed lacks: after its last item, before the line where the parser noticed. */
function closingAt(source: string, noticed: number): number {
  return source.slice(0, noticed).trimEnd().length;
}

/**
 * The lines after the one where the parser noticed a bracket never closed whose errors go once it
 * is closed: the parser read them inside the bracket, so what it made of them is its own confusion.
 */
function echoesOfUnclosed(source: string, opened: number, noticed: number, lineCounter: LineCounter): number[] {
  const at = closingAt(source, noticed);
  const bracket = source[opened] === '{' ? '}' : ']';
  const closed = parseDocument(`${source.slice(0, at)}${bracket}${source.slice(at)}`, {
    lineCounter: new LineCounter(),
  });
  const stillWrong = new Set(
    closed.errors.map((e) => lineCounter.linePos(e.pos[0] > at ? e.pos[0] - 1 : e.pos[0]).line),
  );
  const from = lineCounter.linePos(noticed).line;
  const lines: number[] = [];
  for (let line = from; line <= lineCounter.lineStarts.length; line++) if (!stillWrong.has(line)) lines.push(line);
  return lines;
}

/** What to say of a bracket never closed, and the line of its last item with the bracket closed. */
function unclosedBracketText(source: string, opened: number, noticed: number): { message: string; hint: string } {
  const bracket = source[opened] === '{' ? '{' : '[';
  const closing = bracket === '{' ? '}' : ']';
  const lastItem = lineAround(source, closingAt(source, noticed) - 1).text;
  // A comment after the last item would hide the bracket written after it.
  const closed = /(^|\s)#/.test(lastItem) ? '' : `: ${lastItem.trim()}${closing}`;
  return {
    message: `this ${bracket} is never closed`,
    hint:
      bracket === '['
        ? `Close it with ] after its last item${closed}; or write the list as "- item" lines, one under another.`
        : `Close it with } after its last entry${closed}; or write the mapping as "key: value" lines, one under another.`,
  };
}

/**
 * Where a `#` turned the end of a `{ … }` or `[ … ]` into a comment (`color: #42b883 }`): YAML
 * reads a # after a space as a comment, so the closing bracket is never read, and the error comes
 * lines later, at the next line that does not belong in the collection. The `#` that did it: on the
 * nearest line above with the bracket after it, in the comment.
 */
function commentedBracket(error: YAMLError, source: string): number | undefined {
  const bracket = UNCLOSED_FLOW.exec(error.message)?.[1];
  if (!bracket) return undefined;
  let lineEnd = source.lastIndexOf('\n', error.pos[0] - 1);
  for (let lines = 0; lineEnd >= 0 && lines < 20; lines++) {
    const lineStart = source.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = source.slice(lineStart, lineEnd);
    const comment = line.search(/(^|\s)#/);
    if (comment >= 0 && line.indexOf(bracket, comment) > comment) return lineStart + line.indexOf('#', comment);
    lineEnd = lineStart - 1;
  }
  return undefined;
}

/** The line of `source` that holds `offset`: where it starts and ends, and its text. */
function lineAround(source: string, offset: number): { start: number; end: number; text: string } {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const end = newline < 0 ? source.length : newline;
  return { start, end, text: source.slice(start, end) };
}

/** What to say of a # that hid a closing bracket, and the entry it stands in, quoted. */
function commentedBracketText(source: string, at: number): { message: string; hint: string } {
  const line = lineAround(source, at);
  const before = source.slice(line.start, at);
  const after = source.slice(at, line.end);
  // The entry: from the comma or bracket before the # to the one after it.
  const entry =
    `${before.slice(Math.max(...[',', '{', '['].map((c) => before.lastIndexOf(c))) + 1)}${/^[^,}\]]*/.exec(after)?.[0] ?? '#'}`.trim();
  const colon = entry.search(/:\s/);
  const quoted =
    colon >= 0 ? `${entry.slice(0, colon)}: ${JSON.stringify(entry.slice(colon + 1).trim())}` : JSON.stringify(entry);
  return {
    message: `this # starts a comment, so the rest of the line, its ${after.includes('}') ? '}' : ']'} included, is not read`,
    hint: `Quote the text that holds the #: ${quoted}`,
  };
}

/**
 * Where a quote that is never closed was opened: the parser notices only at
 * the end of the text, which may be many lines further down.
 */
function openingQuote(error: YAMLError, source: string): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/.test(error.message)) return undefined;
  const quote = error.message.includes(`'quote`) ? "'" : '"';
  const at = source.lastIndexOf(quote, error.pos[0] - 1);
  return at >= 0 ? at : undefined;
}

/**
 * The most common YAML mistake, in a newcomer's words: a text with ": " in it,
 * unquoted (`title: Keras vs TensorFlow: the rematch`), reads as a second key.
 */
function unquotedColon(error: YAMLError, source: string): { message: string; hint: string } | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const line = lineAround(source, error.pos[0]);
  const value = source.slice(error.pos[0], line.end).trimEnd();
  const key = line.text.slice(0, error.pos[0] - line.start);
  // Inside a flow collection ({ id: tea, … }) the colons are the collection's own.
  if (!/:(\s|$)/.test(value) || /^["'[{|>]/.test(value) || /[[{]/.test(key)) return undefined;
  // An error at the start of its line is about the line's place, not a text after a key.
  if (!/:\s*$/.test(key)) return undefined;
  return {
    message: `this text contains ": ", which YAML reads as the start of another key`,
    hint: `Put the text in quotes: ${key.trim()} ${JSON.stringify(value)}`,
  };
}

/**
 * A text inside `{ … }` with ": " in it (`{ when: 1991, text: Python 1: first }`): YAML reads a
 * mapping inside the mapping, and says only that block collections are not allowed there.
 */
function flowColon(error: YAMLError, source: string): { message: string; hint: string } | undefined {
  if (error.code !== 'BLOCK_IN_FLOW') return undefined;
  const [start, end] = error.pos;
  const value = source.slice(start, end).trim();
  const line = lineAround(source, start);
  const key = /([^\s{},[\]]+):\s*$/.exec(line.text.slice(0, start - line.start))?.[1];
  if (!key || !/:\s/.test(value) || value.includes('\n')) return undefined;
  return {
    message: `this text contains ": ", which YAML reads as the start of another key inside { … }`,
    hint: `Put the text in quotes: ${key}: ${JSON.stringify(value)}`,
  };
}

/** What YAML makes of a plain value that starts with one of these characters. */
const INDICATORS: Record<string, string> = {
  '*': 'which YAML reads as an alias (a copy of what an anchor holds)',
  '&': 'which YAML reads as an anchor',
  '!': 'which YAML reads as a tag',
  '%': 'which YAML reads as a directive',
  '@': 'a character YAML reserves',
  '`': 'a character YAML reserves',
};

/**
 * Text that starts with a character YAML gives a meaning of its own (`*Important* first`,
 * `@ada`, `` `npm i` first ``): the parser's message names what it read, not the text.
 */
function indicatorFirst(error: YAMLError, source: string): { message: string; hint: string; col: number } | undefined {
  // A value after "key: " or "- ", on a line of its own (not inside [ … ] or { … }).
  const match = /^(\s*(?:-\s+)?(?:[\w-]+:\s+)?)([*&!%@`])(.*)$/.exec(lineAround(source, error.pos[0]).text);
  if (!match || /[[{]/.test(match[1] ?? '')) return undefined;
  const [, before = '', indicator = '', rest = ''] = match;
  return {
    message: `this text starts with "${indicator}", ${INDICATORS[indicator]}`,
    hint: `Put the text in quotes: ${before.trim()} ${JSON.stringify(`${indicator}${rest.trimEnd()}`)}`,
    // At the text's first character, wherever the parser noticed.
    col: before.length + 1,
  };
}

function cutPieceWrittenTwice(document: Document.Parsed, offset: number, source: string): boolean {
  let cut = false;
  visit(document, {
    Map(_, map) {
      if (map.flow && onlyCutPieces(map, offset, source)) {
        cut = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return cut;
}

/** A key written twice, named. */
function duplicateKey(error: YAMLError, document: Document.Parsed): { message: string } | undefined {
  const key = error.code === 'DUPLICATE_KEY' ? keyAt(document, error.pos[0]) : undefined;
  return key === undefined ? undefined : { message: `"${key}" is written twice in this mapping` };
}

function hintFor(error: YAMLError, document: Document.Parsed, lineCounter: LineCounter): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyAt(document, error.pos[0]);
    const first = firstWritten(document, error.pos[0]);
    const where = first === undefined ? 'earlier in this mapping' : `on line ${lineCounter.linePos(first).line}`;
    if (key !== undefined) return `"${key}" is already set ${where}; remove or rename one of the two.`;
  }
  return YAML_HINTS[error.code] ?? 'Fix the YAML syntax at this position.';
}

/** Where the key at `offset` is first written in its mapping, when it is written there before. */
function firstWritten(document: Document.Parsed, offset: number): number | undefined {
  let first: number | undefined;
  visit(document, {
    Map(_, map) {
      const again = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (!again || !isScalar(again.key)) return undefined;
      const { value } = again.key;
      const earlier = map.items.find((pair) => isScalar(pair.key) && pair.key.value === value);
      if (earlier !== again && isScalar(earlier?.key)) first = earlier.key.range?.[0];
      return visit.BREAK;
    },
  });
  return first;
}

function keyAt(document: Document.Parsed, offset: number): string | undefined {
  let key: string | undefined;
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** The first alias, or the first one without an anchor: toJS errors have no position. */
function findAlias(document: Document.Parsed, unresolved: boolean): Alias | undefined {
  let found: Alias | undefined;
  visit(document, {
    Alias(_, alias) {
      if (unresolved && alias.resolve(document) !== undefined) return undefined;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/**
 * What to do about an alias without its anchor: an anchor set further down moves up (YAML reads
 * top to bottom); otherwise it is most often text that starts with * (a Markdown emphasis, a
 * footnote mark), which quotes keep as text: `title: "*important"`.
 */
function aliasHint(line: string, col: number, name: string, anchoredAt: number | undefined): string {
  if (anchoredAt !== undefined) {
    return `Set the anchor above the alias: "&${name}" is set on line ${anchoredAt}, and YAML reads the file from the top.`;
  }
  const rest = line.slice(col - 1).trimEnd();
  const quoted = rest === `*${name}` ? `: ${line.slice(0, col - 1).trim()} ${JSON.stringify(rest)}` : '';
  return `Quote text that starts with *${quoted}; for a copy, set the anchor (&${name}) on the value above.`;
}

/** The line of the first node anchored `&name`, if any. */
function anchorLine(document: Document.Parsed, lines: LineCounter, name: string | undefined): number | undefined {
  let at: number | undefined;
  visit(document, (_, node) => {
    if (!name || !node || typeof node !== 'object' || !('anchor' in node) || node.anchor !== name) return undefined;
    at = lines.linePos((node as { range?: [number, number, number] }).range?.[0] ?? 0).line;
    return visit.BREAK;
  });
  return at;
}
