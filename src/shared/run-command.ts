/**
 * The command that runs a language's code as people type it: the runner
 * `check --run` uses (the outline's `run.runners`, else the language's
 * default) and a shell's quoting. The exercise files say how to run them with
 * it. Pure.
 */
import { settingKeys, usualName } from './languages.js';

/** The runner of each language when the outline names none. */
const DEFAULT_RUNNERS: Record<string, string[]> = {
  python: ['python3'],
  javascript: ['node'],
  // As GitHub Actions runs a step: a command that fails fails the block, not only the last one.
  bash: ['bash', '-eo', 'pipefail'],
};

/** A language's runner as the outline (or `--runner`) names it, before any path in it is resolved. */
export interface NamedRunner {
  command: string[];
  /** The key of the outline's `run.runners` that names it; none for `--runner` or the default. */
  key?: string;
}

/**
 * The runner of `language`: an override (`--runner`), else the outline's `runners` as written (a
 * relative path kept relative), else the language's default; undefined when nothing runs it
 * (`false`, or a language versus has no default for). Each of the language's names is looked up
 * in turn. `check --run` resolves the paths (run/runners.ts); the exercise files say how to run
 * them with it as written.
 *
 * @example
 * namedRunner('sql', { sql: ['sh', '-c', 'sqlite3 :memory: < "$0"'] }); // { command: ['sh', '-c', …], key: 'sql' }
 * namedRunner('js', undefined); // { command: ['node'] }
 */
export function namedRunner(
  language: string,
  runners: Readonly<Record<string, string | readonly string[] | false>> | undefined,
  overrides: Readonly<Record<string, string[]>> = {},
): NamedRunner | undefined {
  for (const key of settingKeys(language)) {
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    if (override) return { command: override };
    const written = runners && Object.hasOwn(runners, key) ? runners[key] : undefined;
    if (written === false) return undefined;
    if (written !== undefined) {
      return { command: typeof written === 'string' ? written.trim().split(/\s+/) : [...written], key };
    }
  }
  const usual = usualName(language);
  const fallback = Object.hasOwn(DEFAULT_RUNNERS, usual) ? DEFAULT_RUNNERS[usual] : undefined;
  return fallback ? { command: [...fallback] } : undefined;
}

/**
 * Words as a POSIX shell reads them back: a word of only safe characters as it is, any other in
 * single quotes (a quote in it as `'\''`).
 *
 * @example
 * shellLine(['sh', '-c', 'sqlite3 :memory: < "$0"', 'q.sql']); // `sh -c 'sqlite3 :memory: < "$0"' q.sql`
 */
export function shellLine(words: readonly string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`)).join(' ');
}
