/**
 * Validate stage: parsed YAML → a typed Outline (or Overlay), or every problem
 * at once with its file:line:col. Pure.
 */
import type * as z from 'zod';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostics.js';
import { explainEmptyKey, explainHiddenValue } from './indentation.js';
import { fieldName, problemsFromIssues } from './issues.js';
import { idsReadTogether } from './missing-dash.js';
import { isRecord, type OutlinePath, samePath, valueAt } from './outline-path.js';
import { type ParsedOutline, partialData } from './parse.js';
import {
  collectionEndLine,
  dataLine,
  fileLocator,
  hasKey,
  locateProblems,
  positionOf,
  related,
  type SemanticProblem,
  writtenIn,
} from './positions.js';
import { type Outline, type Overlay, outlineSchema, overlaySchema } from './schema.js';
import { checkSemantics } from './semantics.js';
import { echoesOfShallowKeys, type ShallowKey } from './shallow-key.js';

export type Validated<T = Outline> = { ok: true; outline: T } | { ok: false; diagnostics: Diagnostic[] };

export function validateOutline(parsed: ParsedOutline): Validated {
  const result = validateAgainst(outlineSchema, parsed);
  if (!result.ok) return failed([...result.diagnostics, ...referencesAsWritten(parsed, result.diagnostics)]);
  const problems = checkSemantics(result.outline);
  return problems.length > 0 ? failed(locateProblems(parsed, problems)) : result;
}

/**
 * The checks the schema cannot make (ids, contenders, sources, profiles' tags
 * and skips), made in the same run as the schema's even when it fails, so
 * that a fix does not reveal a new error: on the data as written, with each
 * slide the schema finds fault with left out (it is reported already), and
 * nothing about a value the schema reported. Not after a syntax error: the
 * data below it is the parser's guess, and a profile above it would name
 * slides it never read.
 */
function referencesAsWritten(parsed: ParsedOutline, reported: readonly Diagnostic[]): Diagnostic[] {
  if (parsed.guessedFrom !== undefined) return [];
  const data = parsed.data === undefined ? partialData(parsed) : parsed.data;
  // A reference written as an id the schema refused ("Tea") names it: the id is the one mistake.
  const refused = new Set(refusedIds(reported).map((path) => valueAt(data, path)));
  const namesRefused = (problem: SemanticProblem) => refused.has(problem.key ?? valueAt(data, problem.path));
  // An id of a slide read into the one above it (its "- " missing, told already) is no unknown id.
  const mergedPaths = parsed.diagnostics.flatMap(({ path = [] }) => (path.length > 0 ? [path] : []));
  const merged = mergedPaths.length > 0 ? idsReadTogether(parsed.syntax().document, mergedPaths) : new Set();
  const namesMerged = (problem: SemanticProblem) =>
    problem.code === 'unknown-id' && merged.has(problem.key ?? valueAt(data, problem.path));
  const problems = checkAsWritten(data, reported).filter((problem) => !namesRefused(problem) && !namesMerged(problem));
  // A syntax error has no path: it stands beside these problems, not over them.
  const paths = reported.flatMap(({ path = [] }) => (path.length > 0 ? [path] : []));
  // A key without a value beside a reported one is part of that report (the second comma of a cut cell).
  const toldBeside = (at: OutlinePath) =>
    valueAt(data, at) === null && paths.some((path) => samePath(path.slice(0, -1), at.slice(0, -1)));
  return locateProblems(parsed, problems).filter(
    (d) => !paths.some((path) => related(path, d.path ?? [])) && !toldBeside(d.path ?? []),
  );
}

/**
 * The reference checks on the data as written; where a slide the schema found
 * fault with has a shape they cannot walk, again with such slides left empty.
 */
function checkAsWritten(data: unknown, reported: readonly Diagnostic[]): SemanticProblem[] {
  for (const emptyFaulty of [false, true]) {
    const outline = asWritten(data, reported, emptyFaulty);
    if (!outline) return [];
    try {
      return checkSemantics(outline);
    } catch {
      // A shape the schema reported and the checks cannot walk: try without it.
    }
  }
  return [];
}

/**
 * The outline's data for the reference checks (with `emptyFaulty`, the slides
 * the schema found fault with replaced by empty ones, their ids and tags kept);
 * undefined when the lists the checks walk are not lists.
 */
function asWritten(data: unknown, reported: readonly Diagnostic[], emptyFaulty: boolean): Outline | undefined {
  if (!isRecord(data) || !Array.isArray(data.contenders) || !Array.isArray(data.sections)) return undefined;
  if (!data.contenders.every((c) => isRecord(c) && typeof c.id === 'string')) return undefined;
  if (!data.sections.every((s) => isRecord(s) && Array.isArray(s.slides) && s.slides.every(isRecord))) return undefined;
  const faulty = new Set(
    reported.flatMap(({ path = [] }) =>
      path[0] === 'sections' && path[2] === 'slides' && typeof path[3] === 'number' ? [`${path[1]}/${path[3]}`] : [],
    ),
  );
  // Ids the schema refused, as its hint says to write them ("Tea" → "tea"): what references are checked against.
  const refused = refusedIds(reported).map((path) => path.join('/'));
  const withFixedIds = (list: unknown[], name: string) =>
    list.map((item, i) =>
      refused.includes(`${name}/${i}/id`) && isRecord(item) && typeof item.id === 'string'
        ? {
            ...item,
            id: item.id
              .trim()
              .toLowerCase()
              .replace(/[\s_]+/g, '-'),
          }
        : item,
    );
  const sections = data.sections.map((section, i) => ({
    ...section,
    slides: (section.slides as Record<string, unknown>[]).map((slide, j) =>
      emptyFaulty && faulty.has(`${i}/${j}`) ? emptied(slide) : slide,
    ),
  }));
  const contenders = withFixedIds(data.contenders, 'contenders');
  const sources = Array.isArray(data.sources) ? withFixedIds(data.sources, 'sources') : (data.sources ?? []);
  return { ...data, contenders, sources, sections } as unknown as Outline;
}

/** A slide the checks cannot walk, as an empty one that keeps what profiles select it by: its id and tags. */
function emptied(slide: Record<string, unknown>): Record<string, unknown> {
  const tags = Array.isArray(slide.tags) && slide.tags.every((tag) => typeof tag === 'string') ? slide.tags : undefined;
  return {
    kind: 'bullets',
    ...(typeof slide.id === 'string' ? { id: slide.id } : {}),
    ...(tags ? { tags } : {}),
  };
}

/** The paths of the contenders' and sources' ids that the schema refused. */
function refusedIds(reported: readonly Diagnostic[]): OutlinePath[] {
  return reported.flatMap(({ path = [] }) =>
    path.length === 3 && (path[0] === 'contenders' || path[0] === 'sources') && path[2] === 'id' ? [path] : [],
  );
}

/** An outline's data as written, for checks that need only its lists (undefined when they are not lists). */
export function outlineAsWritten(data: unknown): Outline | undefined {
  return asWritten(data, [], false);
}

/** An overlay is checked on its own here; references are checked once it is applied. */
export function validateOverlay(parsed: ParsedOutline): Validated<Overlay> {
  return validateAgainst(overlaySchema, parsed);
}

/** True when the parsed file is an overlay (it `extends` another outline). */
export function isOverlay(parsed: ParsedOutline): boolean {
  // With a syntax error, what the parser read of the file: an overlay is told as one even then.
  const data = parsed.data === undefined ? partialData(parsed) : parsed.data;
  return typeof data === 'object' && data !== null && 'extends' in data;
}

const START_HINT = 'Start from `versus init`, or write "title:", "contenders:" and "sections:" at the top level.';

function validateAgainst<T>(schema: z.ZodType<T>, parsed: ParsedOutline): Validated<T> {
  if (parsed.diagnostics.length > 0) {
    const before = problemsBefore(schema, parsed);
    const echoes = echoesOfShallowKeys(parsed.source, before.shallowKeys, parsed.diagnostics);
    return failed([...parsed.diagnostics.filter((d) => !echoes.has(d)), ...before.diagnostics]);
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return failed([
      {
        severity: 'error',
        code: 'wrong-type',
        message: parsed.data == null ? 'the outline is empty' : 'the outline must be a mapping of fields',
        file: parsed.file,
        ...positionOf(parsed, []),
        path: [],
        hint:
          parsed.data == null
            ? START_HINT
            : `The file holds ${Array.isArray(parsed.data) ? 'a list' : 'a single value'}, not "key: value" lines. ${START_HINT}`,
      },
    ]);
  }
  const result = schema.safeParse(parsed.data);
  const halves = locateProblems(parsed, halfCharacters(parsed.data));
  if (!result.success) {
    const problems = problemsFromIssues(schema, parsed.data, result.error.issues, writtenIn(parsed));
    return failed([...explainEmptyKeys(parsed, locateProblems(parsed, problems)), ...halves]);
  }
  if (halves.length > 0) return failed(halves);
  return { ok: true, outline: result.data };
}

/**
 * Text holding half of a character: a "\ud83d" escape without the "\ude80" that completes
 * it (🚀). No file can hold it; every output would show � in its place.
 */
function halfCharacters(data: unknown, path: OutlinePath = []): SemanticProblem[] {
  if (typeof data === 'string') {
    // With the u flag, a pair is one character: the class finds only a half on its own.
    const half = /[\ud800-\udfff]/u.exec(data)?.[0];
    if (half === undefined) return [];
    const asEscape = `\\u${half.charCodeAt(0).toString(16)}`;
    return [
      {
        code: 'invalid-value',
        message: `"${fieldName(path)}" holds half of a character ("${asEscape}", a surrogate without its pair)`,
        path,
        hint: 'Write the character itself, or both halves of its escape ("\\ud83d\\ude80" for 🚀).',
      },
    ];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => halfCharacters(item, [...path, i]));
  if (isRecord(data)) return Object.entries(data).flatMap(([key, value]) => halfCharacters(value, [...path, key]));
  return [];
}

/**
 * A key left without a value, said so at the key: its text hidden by a # that
 * starts a comment (`color: #00add8`) or read as an anchor (`subtitle: &more`),
 * or a list or mapping left empty because the lines below it are indented less
 * than the key, whose first item's problems so misread (a slide read as a
 * section) are left out as its echoes.
 */
function explainEmptyKeys(parsed: ParsedOutline, diagnostics: Diagnostic[]): Diagnostic[] {
  const echoes: { from: number; through: number }[] = [];
  const explained = diagnostics.map((d) => {
    if (d.code !== 'wrong-type' || valueAt(parsed.data, d.path ?? []) !== null) return d;
    const hidden = explainHiddenValue(parsed.source, d.line);
    if (hidden) return { ...d, ...hidden };
    const empty = explainEmptyKey(parsed.source, d.line);
    if (!empty) return d;
    echoes.push(empty.echoes);
    return { ...d, col: empty.col, message: empty.message, hint: empty.hint };
  });
  return explained.filter((d) => !echoes.some(({ from, through }) => d.line >= from && d.line <= through));
}

/** Problems a schema finds without a syntax error's help: a misspelt key, a wrong value. */
const SURE_CODES = new Set(['unknown-key', 'wrong-type', 'invalid-value']);

/**
 * With a YAML syntax error, the schema's problems above the first line the
 * parser could not read, where it read the file as written: a typo there need
 * not wait for the next run. Below it, what the parser made of the rest is a
 * guess. A key written twice is no guess: then every problem is reported.
 */
function problemsBefore(
  schema: z.ZodType<unknown>,
  parsed: ParsedOutline,
): { diagnostics: Diagnostic[]; shallowKeys: ShallowKey[] } {
  const none = { diagnostics: [], shallowKeys: [] };
  const firstGuess = parsed.guessedFrom ?? Number.POSITIVE_INFINITY;
  const data = partialData(parsed);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return none;
  const result = schema.safeParse(data);
  if (result.success) return none;
  const problems = problemsFromIssues(schema, data, result.error.issues, writtenIn(parsed)).filter(
    (problem) =>
      (parsed.guessedFrom === undefined || SURE_CODES.has(problem.code)) &&
      (problem.key === undefined || hasKey(parsed, problem.path, problem.key)),
  );
  // A mapping or list the first guessed line may belong to is not read whole: its problem may be
  // the guess's (a pane whose next line is indented with a tab "needs code or file"). A misspelt
  // key is its own line's, and the file's own mapping holds every line.
  const lines = parsed.source.split('\n');
  const nextWritten = (line: number) => {
    let next = line + 1;
    while (next < firstGuess && next <= lines.length && /^\s*(#.*)?$/.test(lines[next - 1] ?? '')) next++;
    return next;
  };
  // A key without a value is not read whole either when the next line is the guessed one: that
  // line may be its value, out of place (a slide's "- " at its section's column below "slides:").
  const readWhole = (d: Diagnostic) => {
    const empty = d.path?.length && valueAt(data, d.path) === null ? d.line : undefined;
    const end = d.code === 'unknown-key' || !d.path?.length ? undefined : (collectionEndLine(parsed, d.path) ?? empty);
    return end === undefined || nextWritten(end) < firstGuess;
  };
  // A syntax error told at a mapping (a slide that lost its "- ") is what is wrong with that mapping.
  const misread = parsed.diagnostics.flatMap(({ path = [] }) => (path.length > 0 ? [path] : []));
  const explained = (d: Diagnostic) => misread.some((path) => path.every((step, i) => d.path?.[i] === step));
  // A key written again below the first guessed line (a section's "notes" read from a slide's
  // misplaced one) holds the guess: the data has that value, though its first writing is above.
  const guessedValue = (d: Diagnostic) => (dataLine(parsed, d.path ?? []) ?? 0) >= firstGuess;
  const told = (d: Diagnostic) => d.line < firstGuess && readWhole(d) && !explained(d) && !guessedValue(d);
  const located = locateProblems(parsed, problems);
  // The keys told as indented one level too shallow, with the column they belong at.
  const locate = fileLocator(parsed);
  const shallowKeys = problems.flatMap(({ under }, i) => {
    const d = located[i];
    return under && d && told(d) ? [{ line: d.line, col: d.col, belongsAt: locate(under.path).col }] : [];
  });
  return { diagnostics: located.filter(told), shallowKeys };
}

function failed(diagnostics: Diagnostic[]): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [...diagnostics].sort(compareDiagnostics) };
}
