/**
 * One shape for every problem a user can fix in an outline, and the error
 * class that carries them. The library throws; only `cli.ts` prints.
 */

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'not-found'
  | 'unreadable'
  | 'unknown-key'
  | 'wrong-type'
  | 'missing-field'
  | 'invalid-value'
  | 'too-few-contenders'
  | 'duplicate-id'
  | 'unknown-contender'
  | 'missing-cell'
  | 'unknown-source'
  | 'unknown-profile'
  | 'unknown-tag'
  | 'unknown-id'
  | 'bad-path'
  | 'overlay-cycle'
  | 'empty-deck'
  | 'overflow'
  | 'over-budget';

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  col: number;
  /** Path of the offending value inside the outline, e.g. `sections.0.slides.2.title`. */
  path: (string | number)[];
  hint?: string;
  /** For a problem with a command-line flag (`--skip nosuch`): the flag, named instead of a position (line and col are 0). */
  flag?: string;
}

/** Why a command failed, which decides its exit code (see `exitCodeOf`). */
export type FailureKind = 'invalid-outline' | 'export' | 'environment';

export class VersusError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'VersusError';
  }
}

/**
 * No usable browser: none installed, or it did not start. The one environment
 * failure after which a build still writes what needs no browser (md, html).
 */
export class NoBrowserError extends VersusError {
  constructor(message: string, hint: string) {
    super('environment', message, [], hint);
  }
}

/** Exit codes of the CLI contract: 1 for a bad outline, 2 for export or environment trouble. */
export function exitCodeOf(error: VersusError): 1 | 2 {
  return error.kind === 'invalid-outline' ? 1 : 2;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.flag ?? '').localeCompare(b.flag ?? '') ||
    a.code.localeCompare(b.code)
  );
}

/**
 * `outline.yaml:14:5 error[unknown-key]: "colour" is not a slide field (did you mean "color"?)`,
 * or for a flag: `--skip nosuch error[unknown-id]: no section or slide has the id "nosuch"`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  const where = d.flag ?? `${d.file}:${d.line}:${d.col}`;
  return `${where} error[${d.code}]: ${d.message}${hint}`;
}

export function invalidOutline(diagnostics: Diagnostic[]): VersusError {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
  return new VersusError(
    'invalid-outline',
    `The outline has ${count}; nothing was written.`,
    sorted,
    'Fix the lines above and build again. `versus schema` prints every allowed field.',
  );
}
