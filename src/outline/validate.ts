/**
 * Validate stage: parsed YAML → a typed Outline (or Overlay), or every problem
 * at once with its file:line:col. Pure.
 */
import type * as z from 'zod';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { problemsFromIssues } from './issues.js';
import { type ParsedOutline, partialData } from './parse.js';
import { hasKey, locateProblems, positionOf } from './positions.js';
import { type Outline, type Overlay, outlineSchema, overlaySchema } from './schema.js';
import { checkSemantics } from './semantics.js';

export type Validated<T = Outline> = { ok: true; outline: T } | { ok: false; diagnostics: Diagnostic[] };

export function validateOutline(parsed: ParsedOutline): Validated {
  const result = validateAgainst(outlineSchema, parsed);
  if (!result.ok) return result;
  const problems = checkSemantics(result.outline);
  return problems.length > 0 ? failed(locateProblems(parsed, problems)) : result;
}

/** An overlay is checked on its own here; references are checked once it is applied. */
export function validateOverlay(parsed: ParsedOutline): Validated<Overlay> {
  return validateAgainst(overlaySchema, parsed);
}

/** True when the parsed file is an overlay (it `extends` another outline). */
export function isOverlay(parsed: ParsedOutline): boolean {
  return typeof parsed.data === 'object' && parsed.data !== null && 'extends' in parsed.data;
}

const START_HINT = 'Start from `versus init`, or write "title:", "contenders:" and "sections:" at the top level.';

function validateAgainst<T>(schema: z.ZodType<T>, parsed: ParsedOutline): Validated<T> {
  if (parsed.diagnostics.length > 0) return failed([...parsed.diagnostics, ...problemsBefore(schema, parsed)]);
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
  if (!result.success)
    return failed(locateProblems(parsed, problemsFromIssues(schema, parsed.data, result.error.issues)));
  return { ok: true, outline: result.data };
}

/** Problems a schema finds without a syntax error's help: a misspelt key, a wrong value. */
const SURE_CODES = new Set(['unknown-key', 'wrong-type', 'invalid-value']);

/**
 * With a YAML syntax error, the schema's problems above the first error line
 * too, where the parser read the file as written: a typo there need not wait
 * for the next run. Below it, what the parser made of the rest is a guess.
 */
function problemsBefore(schema: z.ZodType<unknown>, parsed: ParsedOutline): Diagnostic[] {
  const firstError = Math.min(...parsed.diagnostics.map((d) => d.line));
  const data = partialData(parsed);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const result = schema.safeParse(data);
  if (result.success) return [];
  const problems = problemsFromIssues(schema, data, result.error.issues).filter(
    (problem) =>
      SURE_CODES.has(problem.code) && (problem.key === undefined || hasKey(parsed, problem.path, problem.key)),
  );
  return locateProblems(parsed, problems).filter((d) => d.line < firstError);
}

function failed(diagnostics: Diagnostic[]): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [...diagnostics].sort(compareDiagnostics) };
}
