/**
 * One shape for every problem a user can fix (an invalid outline, a bad flag
 * value, a lint finding), one way to print it, the error class that carries
 * problems out of a command, and the table of what each failure means. The
 * library throws; only `cli.ts` prints.
 */
import { inspect } from 'node:util';
import { codeFrame, type FramePaint } from './code-frame.js';

/** What the lint rules find in a planned deck (see `lint/rules.ts`). */
export type LintCode =
  | 'missing-notes'
  | 'missing-source'
  | 'unused-source'
  | 'over-budget'
  | 'under-budget'
  | 'overflow'
  | 'small-text'
  | 'many-parts'
  | 'small-image'
  | 'solution-in-words'
  | 'starter-is-solution'
  | 'comma-in-list'
  | 'unknown-language'
  | 'unused-run-language'
  | 'undrawn-characters'
  | 'exercise-language'
  | 'unselected-tag'
  | 'unhighlighted-language'
  | 'contrast'
  | 'chart-direction'
  | 'mixed-units'
  | 'log-scale'
  | 'unshown-section-field'
  | 'unshown-notes'
  | 'exercise-over-page'
  | 'left-out-run-after'
  | 'untranslated-language'
  | 'left-out'
  | 'out-of-order'
  | 'colors-alike';

/** What `check --run` finds running the talk's code (see `run/findings.ts`). */
export type RunCode = 'run-failed' | 'run-timeout' | 'run-expected-error' | 'missing-runner' | 'unchecked-starter';

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'css-syntax'
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
  | 'run-after-later'
  | 'run-after-language'
  | 'bad-path'
  | 'overlay-cycle'
  | 'empty-deck'
  | LintCode
  | RunCode;

/** An error fails the command (exit 1); a warning is reported and the command goes on. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  col: number;
  /** Path of the offending value inside the outline, e.g. `sections.0.slides.2.title`, when it has one. */
  path?: (string | number)[];
  hint?: string;
  /** For a problem with a command-line flag (`--skip nosuch`): the flag, named instead of a position (line and col are 0). */
  flag?: string;
  /** For a file the outline names that does not exist: where it was looked for. */
  missing?: string;
}

/** A slip in the outline's text told at its place, before the parser reads past it mended (a space put in). */
export type MendedSlip = Required<Pick<Diagnostic, 'line' | 'col' | 'message' | 'hint'>>;

/**
 * What a failed build commits: `nothing` (the previous outputs stay as they
 * were), or `without-browser`, the outputs it staged without a browser (the
 * markdown and HTML, and the run sheet, notebooks and native PowerPoint when
 * asked for).
 */
export type Commits = 'nothing' | 'without-browser';

/** What one kind of failure means: the CLI's exit status and what a build commits. */
export interface FailurePolicy {
  exitCode: 1 | 2;
  commits: Commits;
}

/**
 * Every way a command fails, with its exit status (the CLI contract: 1 for an
 * invalid outline, 2 for everything that is not the outline's fault) and what
 * a build commits. The CLI and the build read this table; nothing else decides.
 */
export const FAILURES = {
  /** The outline, or a file it names, is invalid (also a batch's second talk of one slug). */
  'invalid-outline': { exitCode: 1, commits: 'nothing' },
  /** A valid outline whose deck fails a lint rule as an error: `--strict`'s overflow or talk over its slot, `check`'s errors. */
  lint: { exitCode: 1, commits: 'nothing' },
  /** The command line: an unknown flag or flag value, an unknown `--theme`, `init` onto an outline without `--force`. */
  usage: { exitCode: 2, commits: 'nothing' },
  /** An export step failed: marp-cli, the browser while it exports, the PowerPoint writer. */
  export: { exitCode: 2, commits: 'nothing' },
  /** The machine: an output folder that cannot be written, a full disk, a port or lock in use. */
  environment: { exitCode: 2, commits: 'nothing' },
  /** No usable browser (none installed, or it did not start): what needs none is still written. */
  'no-browser': { exitCode: 2, commits: 'without-browser' },
  /** Not a VersusError: a bug, printed with its stack. */
  internal: { exitCode: 2, commits: 'nothing' },
} as const satisfies Record<string, FailurePolicy>;

/** Why a command failed: a row of `FAILURES`. */
export type FailureKind = keyof typeof FAILURES;

/**
 * A failure the user can act on, with its kind, the diagnostics behind it and
 * a hint. An error it wraps goes in `cause` (printed with `DEBUG=versus`).
 */
export class VersusError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly hint: string | undefined;

  constructor(
    readonly kind: FailureKind,
    message: string,
    { diagnostics = [], hint, cause }: { diagnostics?: Diagnostic[]; hint?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'VersusError';
    this.diagnostics = diagnostics;
    this.hint = hint;
  }
}

/** The row of `FAILURES` for any error: its kind for a VersusError, `internal` for anything else. */
export function failureOf(error: unknown): FailurePolicy {
  return FAILURES[error instanceof VersusError ? error.kind : 'internal'];
}

/** The CLI's exit status for an error (see `FAILURES`). */
export function exitCodeOf(error: unknown): 1 | 2 {
  return failureOf(error).exitCode;
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

/** How the CLI paints a diagnostic's label, `error[code]` or `warning[code]` (its colors); plain text otherwise. */
export type PaintLabel = (severity: Severity, label: string) => string;

/** The text of line `line` (1-based) of `file`, as a diagnostic names them; undefined when it cannot be read. */
export type SourceLine = (file: string, line: number) => string | undefined;

export interface FormatOptions {
  /** With it, each error shows its source line with a caret under the column (see `codeFrame`). */
  sourceLine?: SourceLine;
  /** How to paint the frame (plain text otherwise). */
  framePaint?: FramePaint;
}

/**
 * The one format of a diagnostic, for errors, `check`'s findings and `build`'s warnings alike:
 * `outline.yaml:14:5 error[unknown-key]: "colour" is not a slide field (did you mean "color"?)`,
 * with `options.sourceLine` the source line and a caret under the column for an error,
 * and `  hint: …` on the next line when it has one, or for a flag:
 * `--skip nosuch error[unknown-id]: no section or slide has the id "nosuch"`.
 */
export function diagnosticFormatter(
  paint: PaintLabel = (_severity, label) => label,
  options: FormatOptions = {},
): (d: Diagnostic) => string {
  return (d) => {
    const hint = d.hint ? `\n  hint: ${d.hint}` : '';
    // A file as a whole (one that does not exist, a folder) has no line: it is named alone.
    const where = d.flag ?? (d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file);
    const text = d.severity === 'error' && d.line > 0 ? options.sourceLine?.(d.file, d.line) : undefined;
    const frame = text === undefined ? '' : `\n${codeFrame(text, d.line, d.col, options.framePaint)}`;
    return `${where} ${paint(d.severity, `${d.severity}[${d.code}]`)}: ${d.message}${frame}${hint}`;
  };
}

/** A diagnostic as plain text (see `diagnosticFormatter`). */
export const formatDiagnostic = diagnosticFormatter();

/** The outline's problems, as `build` reports them, or `check`, which writes nothing anyway. */
export function invalidOutline(diagnostics: Diagnostic[], command: 'build' | 'check' = 'build'): VersusError {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
  const written = command === 'build' ? '; nothing was written' : '';
  // `--profile meetp` alone: the outline is fine, and its schema no help. The summary says the
  // outline lacks what the flag names (exit 1, as README promises), not "The command line has
  // 1 problem", which is a usage error's summary, and exit 2.
  const flags = sorted.filter((d) => d.flag !== undefined).length;
  if (flags === sorted.length) {
    const fix = flags === 1 ? 'the flag above a name' : 'the flags above names';
    const naming = flags === 1 ? '1 flag names' : `${flags} flags name`;
    return new VersusError('invalid-outline', `${naming} what the outline does not have${written}.`, {
      diagnostics: sorted,
      hint: `Give ${fix} the outline has, as listed, and ${command} again.`,
    });
  }
  const where = flags > 0 ? 'lines and flags' : 'lines';
  return new VersusError('invalid-outline', `The outline has ${count}${written}.`, {
    diagnostics: sorted,
    hint: `Fix the ${where} above and ${command} again. \`versus schema\` prints every allowed field.`,
  });
}

/**
 * True when `DEBUG` (the value of the environment variable) asks for versus, as
 * the `debug` package reads it: names separated by commas or spaces, `*` for
 * any run of characters (`versus`, `versus*`, `*`), and a leading
 * `-` to leave a name out.
 */
export function debugWanted(debug: string | undefined): boolean {
  const names = (debug ?? '').split(/[\s,]+/).filter(Boolean);
  const matches = (name: string) =>
    new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test('versus');
  return (
    names.some((name) => !name.startsWith('-') && matches(name)) &&
    !names.some((name) => name.startsWith('-') && matches(name.slice(1)))
  );
}

/**
 * An error's stack, then the stack of each error it wraps (`cause`), each
 * after `caused by: `: what `DEBUG=versus` adds below a message.
 */
export function formatErrorChain(error: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : inspect(current);
    lines.push(lines.length === 0 ? text : `caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n');
}
