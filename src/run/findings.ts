/**
 * The findings of `check --run`: one error per block of code that failed, ran
 * past its time limit, or did not fail as expected, at its place in the
 * outline with the last lines of its output; one per runner that could not
 * be started, however many blocks it should have run. Pure.
 */

import type { Finding } from '../lint/finding.js';
import type { Where } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { RunResult } from './execute.js';
import type { RunJob, UncheckedStarter } from './plan.js';

/** Lines of output a finding keeps: enough for a traceback's end. */
const OUTPUT_LINES = 12;
/** A longer output line is cut (a progress bar, a data dump). */
const LINE_LENGTH = 240;

/** How many blocks ran and how many of them failed, for the report. */
export interface RunSummary {
  /** Blocks run or syntax-checked (not counting those whose runner was missing). */
  ran: number;
  failed: number;
  /** Blocks not run because their runner could not be started. */
  notRun: number;
  /** The language of each block left out because no runner runs its language (none by default, none named). */
  withoutRunner: string[];
  /** Of the blocks run, the starters only checked to parse (`run.starter: syntax`, the default). */
  parsed: number;
  /** The language of each starter not checked at all: versus knows no syntax check for its runner. */
  uncheckedStarters: string[];
}

/** Where findings go: a place in the outline, and a line of a block's code (0-based) when it can be told. */
export interface RunPlaces {
  at: (where: Where) => FilePosition;
  lineAt: (job: RunJob, index: number) => FilePosition | undefined;
}

export function runFindings(results: readonly RunResult[], { at, lineAt }: RunPlaces): Finding[] {
  const findings: Finding[] = [];
  const missing = new Map<string, RunResult[]>();
  for (const result of results) {
    const { job, outcome, output, errors } = result;
    // At the line that failed when the output names one in the block's own code, else at the block.
    const line = outcome.kind === 'failed' ? scriptLineOf(job, output) : undefined;
    // bash names the line after the last for a block it could not finish reading ("unexpected end of file").
    const lastOwn = job.script.replace(/\n$/, '').split('\n').length - job.firstLine;
    const own = line === undefined ? undefined : Math.min(line - job.firstLine, lastOwn);
    const position = (own !== undefined && own >= 0 && lineAt(job, own)) || at(job.where);
    // An error in code the block runs after (set-up, panes, earlier solutions) is named as such.
    const earlier =
      line !== undefined && own !== undefined && own < 0 ? job.before.findLast((b) => b.firstLine <= line) : undefined;
    const before =
      earlier && line !== undefined
        ? ` (in ${earlier.what}, its line ${line - earlier.firstLine + 1}, run before it)`
        : '';
    const tail = lastLines(output);
    const withOutput = (finding: Omit<Finding, 'file' | 'line' | 'col' | 'severity'>): Finding => ({
      severity: 'error',
      ...finding,
      ...position,
      ...(tail.length ? { output: tail } : {}),
    });
    const shown = `${job.language} ${job.what}`;
    const said = errorLine(tail, lastLines(errors ?? ''));
    const saying = `${said ? `: ${said}` : tail.length ? '' : ' (no output)'}${before}`;
    switch (outcome.kind) {
      case 'no-runner': {
        const key = job.runner.command.join(' ');
        missing.set(key, [...(missing.get(key) ?? []), result]);
        break;
      }
      case 'timeout':
        findings.push(
          withOutput({
            code: 'run-timeout',
            message: `${shown} did not finish within ${outcome.seconds} s and was stopped`,
            hint: 'Make it quicker (less data, fewer epochs), or raise run.timeout (seconds) in the outline.',
          }),
        );
        break;
      case 'failed': {
        const expected = job.expectError;
        if (expected && (expected.text === undefined || output.includes(expected.text))) break;
        if (expected) {
          findings.push(
            withOutput({
              code: 'run-expected-error',
              message: `${shown} failed, but not with "${expected.text}"${saying}`,
              hint: 'Fix the code so that it fails as the slide says, or name the error it gives in run.expect.error.',
            }),
          );
          break;
        }
        const how =
          job.mode === 'syntax'
            ? 'has a syntax error'
            : outcome.signal
              ? `was killed by ${outcome.signal}`
              : `failed (exit code ${outcome.exitCode})`;
        findings.push(
          withOutput({
            code: 'run-failed',
            message: `${shown} ${how}${saying}`,
            hint:
              job.mode === 'syntax'
                ? 'Fix the starter so that it parses (leave its TODOs as comments or placeholders), or set run.starter: false.'
                : failureHint(said, { ...job, ...(earlier ? { earlier: earlier.what } : {}) }),
          }),
        );
        break;
      }
      case 'passed':
        if (job.expectError) {
          const named = job.expectError.text ? ` with "${job.expectError.text}"` : '';
          findings.push(
            withOutput({
              code: 'run-expected-error',
              message: `${shown} was expected to fail${named}, but ran without error`,
              hint: 'Make it fail as the slide says, or remove run.expect.',
            }),
          );
        }
        break;
    }
  }
  for (const [command, blocks] of missing) {
    const [first] = blocks as [RunResult, ...RunResult[]];
    const { runner, language } = first.job;
    const setting = `run.runners.${runner.key ?? language.toLowerCase()}`;
    const count = blocks.length === 1 ? '1 block of code was' : `${blocks.length} blocks of code were`;
    const reason = first.outcome.kind === 'no-runner' ? ` (${first.outcome.reason})` : '';
    findings.push({
      severity: 'error',
      code: 'missing-runner',
      message: `the ${language} runner "${command}" could not be started${reason}: ${count} not run`,
      ...at(runner.key ? ['run', 'runners', runner.key] : first.job.where),
      hint: `Install it, or name the program that runs ${language} in ${setting} (for example a virtual environment's .venv/bin/python), or pass --runner ${language.toLowerCase()}=PROGRAM.`,
    });
  }
  return findings;
}

/** The counts for the report's last line. */
export function summarizeRuns(
  results: readonly RunResult[],
  findings: readonly Finding[],
  { withoutRunner = [], unchecked = [] }: { withoutRunner?: string[]; unchecked?: readonly UncheckedStarter[] } = {},
): RunSummary {
  const ran = results.filter((r) => r.outcome.kind !== 'no-runner');
  return {
    ran: ran.length,
    failed: findings.filter((f) => f.code !== 'missing-runner' && f.severity === 'error').length,
    notRun: results.length - ran.length,
    withoutRunner,
    parsed: ran.filter((r) => r.job.mode === 'syntax').length,
    uncheckedStarters: unchecked.map((starter) => starter.language),
  };
}

/**
 * A warning at each `run.starter: syntax` that cannot be honoured: versus knows no syntax check
 * for the runner of its language (`sqlite3`, `sh -c …`), so the starter is not checked at all.
 */
export function uncheckedStarterFindings(
  unchecked: readonly UncheckedStarter[],
  at: (where: Where) => FilePosition,
): Finding[] {
  return unchecked.flatMap(({ what, language, runner, asked }): Finding[] =>
    asked
      ? [
          {
            severity: 'warning',
            code: 'unchecked-starter',
            message: `the ${language} ${what} is not checked: versus knows no syntax check for its runner "${runner.command.join(' ')}"`,
            ...at(asked),
            hint: 'Set run.starter: run to run it whole, as attendees run it (after the solutions in "after", without run.setup), or run.starter: false to say it is not checked.',
          },
        ]
      : [],
  );
}

/**
 * The line of a job's script an error names (1-based): Python's traceback
 * ends at the innermost frame, Node and bash name the failing line first.
 *
 * @example
 * scriptLineOf(job, 'File "versus_run.py", line 4, in <module>'); // 4
 */
export function scriptLineOf(job: Pick<RunJob, 'file'>, output: string): number | undefined {
  const name = job.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Perl says "at versus_run.pl line 2", PHP "in versus_run.php on line 2".
  const lines = [...output.matchAll(new RegExp(`${name}(?:", line |: line | on line | line |:)(\\d+)`, 'g'))].map((m) =>
    Number(m[1]),
  );
  if (lines.length > 0) return job.file.endsWith('.py') ? lines.at(-1) : lines[0];
  // sqlite3 reads the script on its input and names no file: "Parse error near line 5: …".
  const sqlite = job.file.endsWith('.sql')
    ? /\b(?:Parse error|Runtime error|Error:?) near line (\d+)/.exec(output)
    : null;
  return sqlite ? Number(sqlite[1]) : undefined;
}

/**
 * What to do about a block that failed. Two failures say what is missing rather than what is
 * wrong: a name a snippet uses but never defines (a slide shows `df.groupby(…)`, not where
 * `df` comes from), and a package the runner's environment does not have.
 */
export function failureHint(
  said = '',
  { language, exercise, earlier }: Pick<RunJob, 'language' | 'exercise'> & { earlier?: string },
): string {
  const undefinedName =
    /NameError: name '([^']+)' is not defined/.exec(said) ??
    /ReferenceError: (\S+) is not defined/.exec(said) ??
    /no such table: (\S+)/.exec(said);
  // The line that failed is in code run before the block's own (which never ran): that code is what to fix.
  if (earlier) return failedBefore(undefinedName?.[1], earlier, { language, exercise });
  if (undefinedName && exercise === 'starter')
    return `The starter uses ${undefinedName[1]} without defining it, and attendees get no set-up code (run.setup): define it in the starter, or give the exercise run.after with the exercise whose solution defines it.`;
  // In a notebook, exercises run one after another: a name an earlier solution defines is there.
  const after =
    exercise === 'solution' ? ', give the exercise run.after with the exercise whose solution defines it' : '';
  if (undefinedName)
    return `The code uses ${undefinedName[1]} without defining it: define it in run.setup.${language} (code run before every ${language} block, as imports and small data)${after}, or set run: false on a snippet not meant to run alone.`;
  const missingModule =
    /ModuleNotFoundError: No module named '([^']+)'/.exec(said) ??
    /Cannot find (?:module|package) '([^']+)'/.exec(said);
  if (missingModule?.[1]?.startsWith('.'))
    return `${missingModule[1]} is a file of yours the run's folder does not hold: it holds the files panes include and what is beside them in their folders, and the script of code written in the outline sits at the outline's folder. Put the file there, or set run: false on a snippet not meant to run here.`;
  if (missingModule)
    return `Install ${missingModule[1]} where the runner finds it, or run the code with one that has it: --runner ${language}=${language === 'python' ? '.venv/bin/python' : '…'} (or run.runners.${language} in the outline); a snippet not meant to run here (a config file) takes run: false.`;
  return 'Fix the code; if it is meant to fail, say so with run: { expect: error }; if it is not meant to run, run: false.';
}

/**
 * What to do about a block whose run failed in code run before its own: the set-up code, a pane
 * it runs after, an earlier solution. A starter runs after the earlier solutions without the
 * set-up code, as attendees run their copy: a name those solutions take from run.setup is
 * missing there, however the starter's own run.after is written.
 */
function failedBefore(
  name: string | undefined,
  earlier: string,
  { language, exercise }: Pick<RunJob, 'language' | 'exercise'>,
): string {
  if (name && exercise === 'starter')
    return `${name} is missing from ${earlier}, which runs before the starter without the set-up code (run.setup), as attendees run their copy: they get no run.setup. Define ${name} in that exercise's starter and solution instead, or check this starter for syntax only (run.starter: syntax).`;
  const setup = earlier.startsWith('the set-up code');
  if (name)
    return `${earlier}, run before this block, uses ${name} without defining it: define it there${setup ? '' : ` (or in run.setup.${language})`}; the block's own code did not run.`;
  return `The error is in ${earlier}, run before this block: fix it there; the block's own code did not run.`;
}

/**
 * A line that reports an error in words: sqlite3's "Parse error near line 5: …", bash's "…: command
 * not found", Perl's "syntax error at versus_run.pl line 2, near …" (not its closing "Execution of
 * … aborted due to compilation errors.").
 */
const SAYS_ERROR =
  /\b(?:error|fatal)\b[^:]*:|\bsyntax error\b|: (?:command )?not found\b|No such file or directory|Permission denied/i;

/**
 * The line of an output that says what went wrong: the last that names an
 * error or exception (Python's and Node's last words, "KeyError: 'b'"), else
 * the last that reports an error in words, else the last line printed to
 * stderr (`errors`); none when the code said nothing there (an `echo` of its
 * own is no reason).
 */
function errorLine(lines: readonly string[], errors: readonly string[]): string | undefined {
  const said =
    lines.findLast((line) => /\b\w*(Error|Exception)\b/.test(line)) ??
    lines.findLast((line) => SAYS_ERROR.test(line)) ??
    errors.findLast((line) => line.trim() !== '');
  // sqlite3's "near line 9" counts the lines of the script it ran, which the finding's place tells in the outline.
  return said?.trim().replace(/:? near line \d+:/, ':');
}

/**
 * Lines of a runtime's own that say nothing about the block's code: Node's stack frames inside
 * Node itself, and the version line it ends an uncaught error with.
 */
const RUNTIME_LINE = /^\s+at (.*\()?node:internal\/|^Node\.js v\d/;

/**
 * The last lines of an output worth showing: the runtime's own lines and trailing blank lines
 * dropped (so that Node's error keeps the code line its caret points at), long lines cut.
 */
function lastLines(output: string): string[] {
  const trimmed = output
    .split(/\r?\n/)
    .filter((line) => !RUNTIME_LINE.test(line))
    .join('\n')
    .replace(/\s+$/, '');
  if (!trimmed) return [];
  return trimmed
    .split('\n')
    .slice(-OUTPUT_LINES)
    .map((line) => (line.length > LINE_LENGTH ? `${line.slice(0, LINE_LENGTH - 1)}…` : line));
}
