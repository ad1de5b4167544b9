/**
 * Validate stage: parsed YAML → a typed Outline, or every problem at once with
 * its file:line:col. Pure.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { problemsFromIssues } from './issues.js';
import type { ParsedOutline } from './parse.js';
import { locateProblems, positionOf } from './positions.js';
import { type Outline, outlineSchema } from './schema.js';
import { checkSemantics } from './semantics.js';

export type Validated = { ok: true; outline: Outline } | { ok: false; diagnostics: Diagnostic[] };

export function validateOutline(parsed: ParsedOutline): Validated {
  const result = validate(parsed);
  return result.ok ? result : { ok: false, diagnostics: [...result.diagnostics].sort(compareDiagnostics) };
}

function validate(parsed: ParsedOutline): Validated {
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'wrong-type',
          message: parsed.data == null ? 'the outline is empty' : 'the outline must be a mapping of fields',
          file: parsed.file,
          ...positionOf(parsed, []),
          path: [],
          hint: 'Start from `versus init`, or write "title:", "contenders:" and "sections:" at the top level.',
        },
      ],
    };
  }
  const result = outlineSchema.safeParse(parsed.data);
  if (!result.success) {
    return { ok: false, diagnostics: locateProblems(parsed, problemsFromIssues(parsed.data, result.error.issues)) };
  }

  const problems = checkSemantics(result.data);
  if (problems.length > 0) return { ok: false, diagnostics: locateProblems(parsed, problems) };
  return { ok: true, outline: result.data };
}
