/**
 * What `check --run` runs: one job per code pane, exercise solution and
 * starter whose language has a runner, with the set-up code and the code it
 * runs after joined into one script. Pure and fast: the spawning is in
 * `execute.ts`.
 *
 * Jobs come from the selected outline, not the planned deck: the deck's code
 * is laid out for the slide (long lines wrapped, panes split across parts),
 * and what runs is the code as written. The outline's slides are the deck's,
 * in the same order, stamped with their origins.
 */
import path from 'node:path';
import { labelsForLang } from '../i18n/labels.js';
import { outlineCodeLanguage } from '../outline/code-language.js';
import { type Where, within } from '../outline/origin.js';
import type { OutlinePath } from '../outline/outline-path.js';
import type { CodePane, Outline, Slide } from '../outline/schema.js';
import { exercisesBefore, exerciseTitle } from '../plan/exercises.js';
import { setupFor, sourceFileOf } from '../shared/languages.js';
import { isProgram, type Runner, runnerFor, syntaxCheckOf } from './runners.js';

type ExerciseSlide = Extract<Slide, { kind: 'exercise' }>;

export interface RunJob {
  /** What runs, as a finding names it: `pane "keras" of slide "One model"`, `solution of exercise "first-model"`. */
  what: string;
  language: string;
  /** The command to run; the script's file goes last. */
  command: string[];
  runner: Runner;
  /** `run`: run the script; `syntax`: only check that it parses (a starter). */
  mode: 'run' | 'syntax';
  /** The script's file name in the run's folder. */
  file: string;
  /** The script: set-up code, the code it runs after, then its own. */
  script: string;
  /** The 1-based line of the script where the block's own code starts. */
  firstLine: number;
  /** The code run before the block's own, in the script's order: what each is and its first line. */
  before: { what: string; firstLine: number }[];
  /** Meant to fail, with this text in its output when one is named. */
  expectError?: { text?: string };
  /** Where the block's code is written in the outline (its `code:`, `file:`, `solution:` or `starter:`). */
  where: Where;
  /** An exercise's code: its solution, or its starter, which runs as the attendees' copy does, without the set-up code they never get. */
  exercise?: 'solution' | 'starter';
  /** For a pane that includes a file: that file, as findings name it (relative to the outline's folder, as written). */
  source?: string;
}

export interface RunPlanOptions {
  /** The folder a relative runner path in the outline starts from. */
  runnerDir: string;
  /** Runners given on the command line, by language: over the outline's. */
  overrides?: Record<string, string[]>;
  /**
   * The whole outline, where an exercise's `run.after` finds exercises the
   * selection leaves out (their solutions still run first). Default: `outline`.
   */
  everything?: Outline;
}

/** The jobs, and the language of each block of a program left out because no runner runs its language. */
export interface RunPlan {
  jobs: RunJob[];
  withoutRunner: string[];
  /** Starters to be checked for syntax that are not, for want of a syntax check for their runner (SQL through `sqlite3`). */
  unchecked: UncheckedStarter[];
}

/** A starter whose syntax cannot be checked: its language, the runner, and where `run.starter: syntax` asks for it, if it does. */
export interface UncheckedStarter {
  what: string;
  language: string;
  runner: Runner;
  asked?: Where;
}

/** The file name of a job's script: `versus_run.py`, named apart from the talk's own files. */
const SCRIPT_NAME = 'versus_run';

/**
 * Every run job of a selected outline, in the order of the talk.
 *
 * @example
 * planRuns(outline, { runnerDir: '/talk' }).jobs.map((job) => job.what);
 * // ['pane "keras" of slide "One model, two styles"', 'solution of exercise "first-model"', …]
 */
export function planRuns(outline: Outline, options: RunPlanOptions): RunPlan {
  const settings = outline.run;
  const runnerOf = (language: string) => runnerFor(language, settings, options);
  // Set-up code under the language's name as written or its usual name (`py` → `python`), as runners are.
  const setupOf = (language: string) => {
    const setup = setupFor(settings?.setup, language);
    return setup && { what: `the set-up code, run.setup.${setup.key}`, code: setup.code };
  };
  const talkLanguage = outlineCodeLanguage(outline);
  const exercises = exercisesIn(options.everything ?? outline);
  const labels = labelsForLang(outline.lang, outline.labels);
  let exerciseNumber = 0;
  const jobs: RunJob[] = [];
  const withoutRunner: string[] = [];
  const unchecked: UncheckedStarter[] = [];

  const job = (
    fields: Omit<RunJob, 'command' | 'file' | 'script' | 'firstLine' | 'runner' | 'mode' | 'before'> & {
      before: Code[];
      code: string;
      mode?: RunJob['mode'];
      /** The folder of the code file the block includes, relative to its outline. */
      folder?: string;
    },
  ) => {
    const runner = runnerOf(fields.language);
    if (!runner) {
      if (isProgram(fields.language)) withoutRunner.push(fields.language);
      return;
    }
    const mode = fields.mode ?? 'run';
    const command = mode === 'syntax' ? syntaxCheckOf(runner, fields.language) : runner.command;
    if (!command) return;
    const { before, code, folder = '', ...rest } = fields;
    const setup = mode === 'run' && fields.exercise !== 'starter' ? setupOf(fields.language) : undefined;
    const pieces: Code[] = [...(setup === undefined ? [] : [setup]), ...(mode === 'run' ? before : [])];
    let prefix = '';
    const ran: RunJob['before'] = [];
    for (const piece of pieces) {
      ran.push({ what: piece.what, firstLine: prefix.split('\n').length });
      prefix += asLines(piece.code);
    }
    jobs.push({
      ...rest,
      mode,
      runner,
      command,
      // Beside the code file it runs, whose own imports start from its folder (`node code/app.js`).
      file: path.join(folder, `${SCRIPT_NAME}.${extensionOf(fields.language)}`),
      script: prefix + asLines(code),
      firstLine: prefix.split('\n').length,
      before: ran,
    });
  };

  for (const slide of slidesOf(outline)) {
    const { origin } = slide.slide;
    const at = (...path: OutlinePath): Where => within(origin ?? slide.path, ...path);
    const s = slide.slide;
    if (s.kind === 'code') {
      for (const [p, pane] of s.panes.entries()) {
        if (!pane.language || pane.run === false || pane.code === undefined) continue;
        const after = new Set(pane.run?.after ?? []);
        const expect = pane.run?.expect;
        job({
          what: `pane "${pane.contender}" of slide "${s.title}"`,
          language: pane.language,
          before: s.panes
            .filter((other) => other !== pane && after.has(other.contender))
            .map((other) => ({ what: `pane "${other.contender}"`, code: other.code ?? '' })),
          code: pane.code,
          ...(expect ? { expectError: expectedError(expect) } : {}),
          where: at('panes', p, pane.file === undefined ? 'code' : 'file'),
          ...(pane.file !== undefined ? { folder: path.dirname(path.normalize(pane.file)) } : {}),
          ...(pane.file !== undefined && origin ? { source: path.join(path.dirname(origin.file), pane.file) } : {}),
        });
      }
    }
    if (s.kind === 'exercise') {
      exerciseNumber++;
      const language = s.language ?? talkLanguage;
      if (!language || s.run === false) continue;
      // Without an id, the title the slides show: the talk's own number in it.
      const name = `exercise "${s.id ?? exerciseTitle(s.title, exerciseNumber, labels)}"`;
      const before = solutionsBefore(s, exercises);
      const expect = s.run?.expect;
      job({
        what: `solution of ${name}`,
        language,
        before,
        code: s.solution,
        ...(expect ? { expectError: expectedError(expect) } : {}),
        where: at('solution'),
        exercise: 'solution',
      });
      const starter = s.run?.starter ?? 'syntax';
      const runner = runnerOf(language);
      if (s.starter !== undefined && starter === 'syntax' && runner && !syntaxCheckOf(runner, language)) {
        const asked = s.run?.starter === 'syntax' ? { asked: at('run', 'starter') } : {};
        unchecked.push({ what: `starter of ${name}`, language, runner, ...asked });
      } else if (s.starter !== undefined && starter !== false) {
        job({
          what: `starter of ${name}`,
          language,
          before,
          code: s.starter,
          mode: starter,
          where: at('starter'),
          exercise: 'starter',
        });
      }
    }
  }
  return { jobs, withoutRunner, unchecked };
}

/** A script's extension: the language's own, or its name for one versus knows no extension of. */
function extensionOf(language: string): string {
  const { ext } = sourceFileOf(language);
  return ext === 'md' && !/^(markdown|md)$/i.test(language) ? language.toLowerCase() : ext;
}

/** A piece of a script: what it is, for messages, and its code. */
interface Code {
  what: string;
  code: string;
}

/** Code as whole lines: a script joined from pieces keeps each on lines of its own. */
function asLines(code: string): string {
  return code.endsWith('\n') ? code : `${code}\n`;
}

function expectedError(expect: NonNullable<Exclude<CodePane['run'], false>>['expect']): RunJob['expectError'] {
  return typeof expect === 'object' ? { text: expect.error } : {};
}

function slidesOf(outline: Outline): { slide: Slide; path: OutlinePath }[] {
  return outline.sections.flatMap((section, i) =>
    section.slides.map((slide, j) => ({ slide, path: ['sections', i, 'slides', j] })),
  );
}

function exercisesIn(outline: Outline): ExerciseSlide[] {
  return slidesOf(outline).flatMap(({ slide }) => (slide.kind === 'exercise' ? [slide] : []));
}

/** The solutions an exercise runs after (`exercisesBefore`), as pieces of its script. */
function solutionsBefore(exercise: ExerciseSlide, exercises: readonly ExerciseSlide[]): Code[] {
  return exercisesBefore(exercise, exercises).map((other) => ({
    what: `the solution of exercise "${other.id}"`,
    code: other.solution,
  }));
}
