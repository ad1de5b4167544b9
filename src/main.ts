#!/usr/bin/env node
/**
 * The `versus` command line as a function: `main(argv, io)` parses the
 * arguments, runs a command, prints to the streams it is given and returns
 * the exit status. cli.ts runs it on the process's own; tests run it in
 * process where the process boundary is not what they test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { BuildOptions, BuildResult } from './commands/build.js';
import {
  debugWanted,
  diagnosticFormatter,
  exitCodeOf,
  FAILURES,
  formatErrorChain,
  invalidOutline,
  type Severity,
  VersusError,
} from './diagnostics/diagnostics.js';
import { fileSourceLines } from './diagnostics/source-lines.js';
import { oneOf, parseFormats } from './flags.js';
import { formatMinutes } from './i18n/labels.js';
import { DEFAULT_FORMATS, FORMATS, isSpeakerOutput, PPTX_MODES, type PptxMode } from './pipeline/formats.js';
import type { BuildSummary, UpToDate } from './pipeline/up-to-date.js';
import { parseRunnerOption } from './run/runners.js';
import { DEFAULTS } from './shared/defaults.js';
import { PACKAGE_ROOT } from './shared/package-root.js';
import { BUILT_IN_THEMES, ThemeFileProblems } from './theme/themes.js';

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const PAPERS = ['a4', 'letter'] as const;
const HANDOUT_LAYOUTS = ['1', '2', '3'] as const;
/** The built-in themes, as `--theme`'s help names them. */
const THEMES = BUILT_IN_THEMES.join(', ');

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function imageScale(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n <= 0 || n > 4) {
    throw new InvalidArgumentError('expected a number above 0, at most 4 (1: 1280×720 images, 2: 2560×1440).');
  }
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

/** `--runner python=.venv/bin/python`, collected by language. */
function runnerOption(value: string, previous: Record<string, string[]> = {}): Record<string, string[]> {
  const parsed = parseRunnerOption(value, process.cwd());
  if (!parsed) throw new InvalidArgumentError('expected language=program, e.g. python=.venv/bin/python.');
  const [language, command] = parsed;
  return { ...previous, [language]: command };
}

/**
 * Outline arguments with their glob patterns expanded, for shells that pass
 * `"talks/*.yaml"` through (quoted, or on Windows). Like a shell, a pattern
 * that matches nothing stays as written, and so reports a missing file.
 */
async function expandPatterns(outlines: string[]): Promise<string[]> {
  if (outlines.every((outline) => existsSync(outline))) return outlines;
  const { glob, isDynamicPattern } = await import('tinyglobby');
  const expanded = await Promise.all(
    outlines.map(async (outline) => {
      if (!isDynamicPattern(outline) || existsSync(outline)) return [outline];
      const matches = await glob(outline, { onlyFiles: true, expandDirectories: false });
      return matches.length > 0 ? matches.sort() : [outline];
    }),
  );
  return expanded.flat();
}

/** Where a run of the CLI prints, and the environment it reads (NO_COLOR, DEBUG). */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /**
   * A browser for the runs of one process to share, as the talks of a batch share it (the
   * tests run the CLI in process); by default each run starts its own. Asked for when a
   * build or check starts; a shared browser launches only when a format needs it.
   */
  shared?: { browser(): NonNullable<BuildOptions['browser']> };
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Runs `versus <argv…>` and returns its exit status; never exits the process. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let status = 0;
  const useColor = () => !io.env.NO_COLOR && io.stderr.isTTY;
  // useColor decides; styleText's own check reads stdout and turns colours off wherever CI is set.
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    useColor() ? styleText(style, text, { validateStream: false }) : text;
  const paintLabel = (severity: Severity, label: string) => paint(severity === 'error' ? 'red' : 'yellow', label);
  /** Every diagnostic the CLI prints (errors, build's warnings), its label in red or yellow. */
  const formatDiagnostic = diagnosticFormatter(paintLabel);
  /**
   * Errors as the CLI prints them for a person: with the source line and a caret under the
   * column (plain text, so also in CI logs and files; the caret red when colours are on).
   * `--json` leaves the frame out: its stderr stays one line per problem, for tools.
   */
  const formatWithFrame = () =>
    diagnosticFormatter(paintLabel, {
      sourceLine: fileSourceLines(),
      framePaint: { gutter: (text) => paint('dim', text), caret: (text) => paint('red', text) },
    });

  // Each command imports its modules when it runs: `--help` and `--version` load none of them.
  const program = new Command()
    .name('versus')
    .description('Turn a YAML outline of comparison topics into a talk: Marp slides, notes, HTML, PDF and a handout.')
    .version(packageJson.version)
    .showHelpAfterError('(run with --help for usage)')
    // Commander prints its message and throws instead of exiting: its exit status comes from FAILURES too.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command('build')
    .description('Build the talk: <slug>.md, .html, .pdf and .handout.pdf in the output folder.')
    .argument('[outlines...]', 'outline files or glob patterns (several build with one browser)', [DEFAULTS.outline])
    .option('-o, --out <dir>', 'output folder', DEFAULTS.outDir)
    .option('-f, --formats <list>', `comma-separated formats: ${FORMATS.join(', ')}; all for every one`, parseFormats, [
      ...DEFAULT_FORMATS,
    ])
    .option('-p, --profile <name>', 'build one profile of the outline (e.g. meetup, workshop)')
    .option('--only <tags>', 'keep tagged slides only when they carry one of these tags', list)
    .option('--skip <ids>', 'leave out these section or slide ids', list)
    .option('-t, --theme <theme>', `${THEMES}, or a theme .css file`)
    .addOption(
      new Option('--paper <size>', "paper size of the handout and the speaker's script")
        .choices(PAPERS)
        .argParser(oneOf('--paper', PAPERS))
        .default(DEFAULTS.paper),
    )
    .addOption(
      new Option('--handout-layout <n>', 'handout slides per page, at most (1 and 2: notes below, 3: notes beside)')
        .choices(HANDOUT_LAYOUTS)
        .argParser(oneOf('--handout-layout', HANDOUT_LAYOUTS))
        .default(String(DEFAULTS.handoutLayout)),
    )
    .addOption(
      new Option('--pptx <mode>', 'PowerPoint: native (editable, no browser) or images (one picture per slide)')
        .choices(PPTX_MODES)
        .argParser(oneOf('--pptx', PPTX_MODES))
        .default('native'),
    )
    .option(
      '--image-scale <factor>',
      'pixels per slide pixel of the PNG and picture-PPTX images (1: 1280×720)',
      imageScale,
      DEFAULTS.imageScale,
    )
    .option('--browser-timeout <seconds>', 'how long each browser step may take', positiveInt, 60)
    .option('--strict', 'fail with exit code 1, writing nothing, when a slide overflows or the talk is over its slot')
    .option('--force', 'build even the talks that are up to date')
    .action(async (outlines: string[], opts) => {
      const options: BuildOptions = {
        outDir: opts.out,
        formats: opts.formats,
        profile: opts.profile,
        only: opts.only,
        skip: opts.skip,
        theme: opts.theme,
        paper: opts.paper,
        handoutLayout: Number(opts.handoutLayout) as 1 | 2 | 3,
        pptx: opts.pptx as PptxMode,
        imageScale: opts.imageScale,
        browserTimeout: opts.browserTimeout * 1000,
        strict: Boolean(opts.strict),
        force: Boolean(opts.force),
        onProgress: (message) => io.stderr.write(`${paint('dim', '  ›')} ${message}\n`),
      };
      if (io.shared) options.browser = io.shared.browser();
      // A SOURCE_DATE_EPOCH that is no date is told before anything is read, up to date or not.
      const { sourceDate } = await import('./export/source-date.js');
      sourceDate(io.env);
      const files = await expandPatterns(outlines);
      // When every talk is up to date, the build modules (and the browser) are never loaded.
      const { upToDate, summarize } = await import('./pipeline/up-to-date.js');
      if (!options.force) {
        const started = performance.now();
        const fresh = await Promise.all(files.map((file) => upToDate(file, options)));
        if (fresh.every((talk) => talk !== undefined)) {
          for (const talk of fresh) printUpToDate(talk, (performance.now() - started) / files.length);
          return;
        }
      }
      const { buildMany } = await import('./commands/build.js');
      let exitCode = 0;
      for (const { file, result, upToDate: fresh, error, ms } of await buildMany(files, options)) {
        if (result) printBuilt(summarize(result.compiled), result, ms, options.outDir ?? DEFAULTS.outDir);
        else if (fresh) printUpToDate(fresh, ms);
        else {
          // Named whenever several talks are built, listed or matched by a pattern.
          if (files.length > 1) io.stderr.write(`${paint('red', '✗')} ${file}\n`);
          exitCode = Math.max(exitCode, report(error));
        }
      }
      status = exitCode;
    });

  /** An up-to-date talk: its last build's warnings and verdict again (the deck has not changed), and no file list. */
  function printUpToDate({ record: { summary, overflows, overBudget, warnings } }: UpToDate, ms: number): void {
    const verdict = {
      ...(overflows ? { overflows } : {}),
      ...(overBudget ? { overBudget } : {}),
      ...(warnings ? { warnings } : {}),
    };
    printBuilt(summary, { files: [], ...verdict }, ms, '', 'up to date (--force rebuilds)');
  }

  /** The summary: ✓ when the talk fits its slot and no measured slide overflows, ⚠ after the warnings otherwise. */
  function printBuilt(
    talk: BuildSummary,
    {
      files,
      overflows,
      overBudget,
      warnings = [],
    }: Pick<BuildResult, 'files' | 'overflows' | 'overBudget' | 'warnings'>,
    ms: number,
    outDir: string,
    upToDate?: string,
  ): void {
    const over = overBudget && talk.duration ? ` (${formatMinutes(talk.minutes - talk.duration)} over)` : '';
    const budget = talk.duration ? ` of ${formatMinutes(talk.duration)}${over}` : '';
    const profile = talk.profile ? `, profile ${talk.profile}` : '';
    const seconds = (ms / 1000).toFixed(1);
    // Images copied for the deck go to <out>/assets/; the summary lists the talk's own files, the
    // speaker's marked, so that what goes to the audience is plain to see.
    const note = (file: string) =>
      isSpeakerOutput(path.relative(outDir, file), talk.slug)
        ? '  (speaker: not for the audience)'
        : file.endsWith('.html') && talk.images
          ? '  (one file: images inside)'
          : '';
    const listed = files
      .filter((f) => path.relative(outDir, f).split(path.sep)[0] !== 'assets')
      .map((f) => `  ${f}${note(f)}`);
    for (const f of [...(overBudget ? [overBudget] : []), ...(overflows ?? []), ...warnings]) {
      io.stderr.write(`${formatDiagnostic(f)}\n`);
    }
    const fit =
      overflows === undefined
        ? ' (fit not measured: no format opened a browser)'
        : overflows.length > 0
          ? `, ${overflows.length === 1 ? '1 slide overflows' : `${overflows.length} slides overflow`}`
          : '';
    // ✓ only when every slide was measured and fits and the talk fits its slot; unmeasured is no verdict.
    const mark =
      overflows?.length || overBudget || warnings.length
        ? paint('yellow', '⚠')
        : overflows === undefined
          ? '○'
          : paint('green', '✓');
    const state = upToDate ? `${upToDate}, ` : '';
    // A build runs no code: the verdict of a talk's exercises is check --run's, and the line says so.
    const run = talk.exercises ? ', exercises not run (versus check --run)' : '';
    io.stdout.write(
      `${mark} ${talk.title}: ${state}${talk.slides} slides, ${formatMinutes(talk.minutes)}${budget}${profile}${fit}${run} — ${seconds}s\n${listed.map((line) => `${line}\n`).join('')}`,
    );
  }

  program
    .command('check')
    .description(
      'Validate the outline and lint it: overflow measured in Chromium, notes, sources, time budget; --run runs its code.',
    )
    .argument('[outline]', 'outline file', DEFAULTS.outline)
    .option('-p, --profile <name>', 'check one profile (its selection and time budget)')
    .option('--only <tags>', 'keep tagged slides only when they carry one of these tags (as build does)', list)
    .option('--skip <ids>', 'leave out these section or slide ids (as build does)', list)
    .option('-t, --theme <theme>', `measure with this theme (${THEMES}, or a .css file)`)
    .option('--no-measure', 'skip measuring overflow in Chromium')
    .option('--browser-timeout <seconds>', 'how long each browser step may take', positiveInt, 60)
    .option('--json', 'print the report as JSON')
    .option('--run', "also run the code panes and exercises (solutions, starters' syntax), each failure a finding")
    .option(
      '--runner <language=program>',
      "with --run: the program that runs a language, over the outline's run.runners (repeatable), e.g. python=.venv/bin/python",
      runnerOption,
    )
    .action(async (outline: string, opts) => {
      const { checkOutline, checkFailure, formatCheckReport } = await import('./commands/check.js');
      let checked: Awaited<ReturnType<typeof checkOutline>>;
      try {
        checked = await checkOutline(outline, {
          profile: opts.profile,
          only: opts.only,
          skip: opts.skip,
          theme: opts.theme,
          measure: opts.measure,
          browserTimeout: opts.browserTimeout * 1000,
          run: opts.run,
          runners: opts.runner,
          browser: io.shared?.browser(),
        });
      } catch (error) {
        const invalid = error instanceof VersusError && error.kind === 'invalid-outline';
        // A tool reading --json always gets a report: the outline's problems as findings, `ok: false`
        // and nothing linted; any other failure (no browser, one that crashed) as its `error`.
        if (opts.json) io.stdout.write(`${JSON.stringify(failedCheckReport(outline, error), null, 2)}\n`);
        // A theme file that cannot be used has no line of the outline to count: its own message says what is wrong.
        const counted = invalid && error.diagnostics.length > 0 && !(error instanceof ThemeFileProblems);
        // --json keeps stderr one line per problem (and its hint): no code frames.
        status = report(counted ? invalidOutline(error.diagnostics, 'check') : error, { frames: !opts.json });
        return;
      }
      io.stdout.write(
        opts.json ? `${JSON.stringify(checked, null, 2)}\n` : formatCheckReport(checked, formatWithFrame()),
      );
      // An error among the findings fails the check as it fails a build with --strict; a runner
      // that could not be started is the machine's fault, as a missing browser is.
      const failure = checkFailure(checked);
      if (failure) status = FAILURES[failure].exitCode;
    });

  program
    .command('dev')
    .description('Live preview on localhost: rebuilds when the outline, an overlay or a theme changes.')
    .argument('[outline]', 'outline file', DEFAULTS.outline)
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 4321)
    .option('-p, --profile <name>', 'preview one profile')
    .option('-t, --theme <theme>', `${THEMES}, or a theme .css file`)
    .action(async (outline: string, opts) => {
      const { startDev } = await import('./commands/dev.js');
      let deckShown = false;
      const printProblems = (problems: string[]) => {
        const showing = deckShown ? 'showing the last good deck' : 'the deck shows as soon as they are fixed';
        io.stderr.write(`${problems.map(colorize).join('\n')}\n${paint('yellow', `  ${showing}`)}\n`);
      };
      const server = await startDev(outline, {
        port: opts.port,
        profile: opts.profile,
        theme: opts.theme,
        onRebuild: ({ ms, problems, error }) => {
          if (problems.length) {
            printProblems(problems);
            // As for any failure, DEBUG=versus adds the stack and the causes.
            if (error !== undefined && debugWanted(io.env.DEBUG)) {
              io.stderr.write(`${paint('dim', formatErrorChain(error))}\n`);
            }
            return;
          }
          deckShown = true;
          io.stderr.write(`${paint('green', '✓')} rebuilt in ${Math.round(ms)} ms\n`);
        },
      });
      // Ctrl-C ends the process through the handler below; the server and watchers go with it.
      io.stdout.write(`${paint('green', '✓')} previewing ${outline} at ${server.url} (Ctrl-C to stop)\n`);
      // An invalid outline starts the preview all the same, with its problems on the page.
      if (server.problems.length) printProblems(server.problems);
      else deckShown = true;
    });

  program
    .command('init')
    .description('Write a commented starter outline (and its JSON Schema) for a new comparison.')
    .argument('[dir]', 'folder to create it in', '.')
    .requiredOption('-c, --contenders <names>', 'two or more names, comma-separated, e.g. "PyTorch,JAX"')
    .option('--force', 'overwrite an existing outline.yaml')
    .action(async (dir: string, opts) => {
      const { initOutline } = await import('./commands/init-files.js');
      const files = await initOutline(dir, opts.contenders, { force: Boolean(opts.force) });
      io.stdout.write(`${paint('green', '✓')} wrote ${files.join(' and ')}
    next: npx versus build ${files[0]}
  `);
    });

  program
    .command('schema')
    .description("Print the outline's JSON Schema (for editor autocompletion).")
    .action(async () => {
      const { outlineJsonSchema } = await import('./outline/schema.js');
      io.stdout.write(`${JSON.stringify(outlineJsonSchema(), null, 2)}\n`);
    });

  /**
   * Prints a failed command's error and returns its exit status (see `FAILURES`).
   * `DEBUG=versus` adds the stack and every cause below the message; `frames: false`
   * (for `--json`) leaves out the source lines under the errors.
   */
  function report(error: unknown, { frames = true }: { frames?: boolean } = {}): number {
    const debug = debugWanted(io.env.DEBUG);
    // Commander has printed its message (a bad flag or flag value, a missing argument), or the help or version.
    if (error instanceof CommanderError) {
      if (debug && error.exitCode !== 0) io.stderr.write(`${paint('dim', formatErrorChain(error))}\n`);
      return error.exitCode === 0 ? 0 : FAILURES.usage.exitCode;
    }
    if (error instanceof VersusError) {
      const format = frames ? formatWithFrame() : formatDiagnostic;
      for (const d of error.diagnostics) io.stderr.write(`${format(d)}\n`);
      io.stderr.write(`${paint('red', 'error:')} ${error.message}\n`);
      if (error.hint) io.stderr.write(`${paint('yellow', 'hint:')} ${error.hint}\n`);
      if (debug) io.stderr.write(`${paint('dim', formatErrorChain(error))}\n`);
    } else {
      const stack = debug ? formatErrorChain(error) : ((error as Error)?.stack ?? String(error));
      io.stderr.write(`${paint('red', 'internal error:')} ${stack}\n`);
    }
    return exitCodeOf(error);
  }

  /** `check --json`'s report of a check that could not finish: what a tool reads instead of the findings. */
  function failedCheckReport(file: string, error: unknown): object {
    if (error instanceof VersusError && error.kind === 'invalid-outline') {
      return { file, findings: error.diagnostics, ok: false };
    }
    const kind = error instanceof VersusError ? error.kind : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof VersusError ? error.hint : undefined;
    return {
      file,
      findings: error instanceof VersusError ? error.diagnostics : [],
      ok: false,
      error: { kind, exitCode: exitCodeOf(error), message, ...(hint ? { hint } : {}) },
    };
  }

  /** `dev`'s problems come as text (the page shows them too): their `error[code]` in red. */
  function colorize(line: string): string {
    return line.replace(/ error\[([\w-]+)\]:/, (_, code: string) => ` ${paint('red', `error[${code}]`)}:`);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return report(error);
  }
  return status;
}
