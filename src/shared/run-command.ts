/**
 * The command that runs a language's code as people type it: the runner
 * `check --run` uses (the outline's `run.runners`, else the language's
 * default) and a shell's quoting. The exercise files say how to run them with
 * it. Pure.
 */
import { settingKeys, usualName } from './languages.js';

/** The runner of each language when the outline names none. */
export const DEFAULT_RUNNERS: Record<string, string[]> = {
  python: ['python3'],
  javascript: ['node'],
  // As GitHub Actions runs a step: a command that fails fails the block, not only the last one.
  bash: ['bash', '-eo', 'pipefail'],
};

/**
 * The command that runs a file of `language`, as the outline's `runners` write it (a relative path
 * kept relative: it is shown to people, never run), else the language's default; undefined when
 * nothing runs it. The exercise files say how to run them with it.
 *
 * @example
 * writtenRunner('sql', { sql: ['sh', '-c', 'sqlite3 :memory: < "$0"'] }); // ['sh', '-c', 'sqlite3 :memory: < "$0"']
 * writtenRunner('js', undefined); // ['node']
 */
export function writtenRunner(
  language: string,
  runners: Readonly<Record<string, string | readonly string[] | false>> | undefined,
): string[] | undefined {
  for (const key of settingKeys(language)) {
    const written = runners && Object.hasOwn(runners, key) ? runners[key] : undefined;
    if (written === false) return undefined;
    if (written !== undefined) return typeof written === 'string' ? written.trim().split(/\s+/) : [...written];
  }
  const usual = usualName(language);
  const fallback = Object.hasOwn(DEFAULT_RUNNERS, usual) ? DEFAULT_RUNNERS[usual] : undefined;
  return fallback ? [...fallback] : undefined;
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
