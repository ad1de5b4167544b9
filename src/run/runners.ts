/**
 * Which program runs a language's code for `check --run`: the outline's
 * `run.runners`, else the default of the language (python → python3,
 * javascript → node, bash and sh → bash -eo pipefail), and how that program only checks
 * the syntax of a file. Pure.
 */
import path from 'node:path';
import type { RunSettings } from '../outline/schema.js';
import { isProse, usualName } from '../shared/languages.js';
import { namedRunner } from '../shared/run-command.js';

/** The program and arguments that run a language's code; the code's file goes last. */
export interface Runner {
  command: string[];
  /** The key of `run.runners` that names it (`python`), when the outline does. */
  key?: string;
}

/** Languages that hold data or markup, not a program: no runner is missing for them. */
const NOT_PROGRAMS = new Set([
  'json',
  'yaml',
  'yml',
  'toml',
  'ini',
  'csv',
  'xml',
  'html',
  'css',
  'scss',
  'markdown',
  'md',
  'diff',
]);

/** Whether code in `language` is a program some runner could run (not prose, data or markup). */
export function isProgram(language: string): boolean {
  return !isProse(language) && !NOT_PROGRAMS.has(language.toLowerCase());
}

/**
 * The arguments with which a program checks a file's syntax without running it, by the program's
 * name, and the language it parses: a `sql` runner that is `python3 -c …` checks no SQL.
 */
const SYNTAX_CHECKS: [RegExp, string[], string][] = [
  [/^python[\d.]*$/, ['-m', 'py_compile'], 'python'],
  [/^(node|nodejs)$/, ['--check'], 'javascript'],
  [/^(bash|sh|dash|zsh|ksh)$/, ['-n'], 'bash'],
  // Their own parse-only flags: `perl -c` also runs BEGIN blocks and the `use` lines, as perl does.
  [/^perl[\d.]*$/, ['-c'], 'perl'],
  [/^ruby[\d.]*$/, ['-c'], 'ruby'],
  [/^php[\d.]*$/, ['-l'], 'php'],
];

/**
 * The runner of `language` that `check --run` starts (see namedRunner: `--runner`, the outline's,
 * the default), a relative program path in the outline resolved from `runnerDir` (the outline's
 * folder).
 */
export function runnerFor(
  language: string,
  settings: RunSettings | undefined,
  { runnerDir, overrides = {} }: { runnerDir: string; overrides?: Record<string, string[]> },
): Runner | undefined {
  const named = namedRunner(language, settings?.runners, overrides);
  if (named?.key === undefined) return named;
  const [program = '', ...args] = named.command;
  return { command: [programPath(program, runnerDir), ...args], key: named.key };
}

/**
 * A program as the outline writes it: a bare name is looked up on PATH when it
 * runs, a path with a folder in it (`.venv/bin/python`) is relative to the outline.
 */
function programPath(program: string, runnerDir: string): string {
  return program.includes('/') || program.includes(path.sep) ? path.resolve(runnerDir, program) : program;
}

/**
 * The command that checks the syntax of a file of `language` with this runner's program (its
 * run arguments left out), or undefined when versus knows no such check for the program, or
 * the program parses another language.
 *
 * @example
 * syntaxCheckOf({ command: ['/srv/.venv/bin/python3.12'] }, 'py'); // ['/srv/.venv/bin/python3.12', '-m', 'py_compile']
 */
export function syntaxCheckOf(runner: Runner, language: string): string[] | undefined {
  const [program = ''] = runner.command;
  const found = SYNTAX_CHECKS.find(([name]) => name.test(path.basename(program)));
  return found && found[2] === usualName(language) ? [program, ...found[1]] : undefined;
}

/**
 * A runner given on the command line, `language=command`: the command split
 * at spaces, a relative path resolved against `cwd`.
 */
export function parseRunnerOption(value: string, cwd: string): [string, string[]] | undefined {
  const match = /^([A-Za-z0-9_+#.-]+)=(.*\S.*)$/.exec(value);
  if (!match) return undefined;
  const [, language = '', command = ''] = match;
  const [program = '', ...args] = command.trim().split(/\s+/);
  return [language.toLowerCase(), [programPath(program, cwd), ...args]];
}
