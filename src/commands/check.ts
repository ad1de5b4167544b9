/**
 * `versus check`: validates the outline, then lints the planned deck for what
 * a speaker would want to know before the talk.
 */

import { type Diagnostic, formatDiagnostic, VersusError } from '../diagnostics/diagnostics.js';
import type { SharedBrowser } from '../export/browser.js';
import { undrawnFindings } from '../export/font-coverage.js';
import { renderSlides } from '../export/marp.js';
import { formatMinutes } from '../i18n/labels.js';
import { runnerFlagFindings } from '../lint/language-rules.js';
import { type Finding, lintDeck, lintSlot, overflowFindings } from '../lint/rules.js';
import { leftOutRunsAfter } from '../lint/run-rules.js';
import { themeFindings } from '../lint/theme-rules.js';
import { locate, locateLine, type Where, writtenQuoted } from '../outline/origin.js';
import type { Outline } from '../outline/schema.js';
import { compileOutline } from '../pipeline/compile.js';
import { loadForSelection } from '../pipeline/load-selected.js';
import type { RunSummary } from '../run/findings.js';
import { selectOutline } from '../select/select.js';
import { themeFor } from '../theme/resolve.js';

export type { Finding, FindingCode } from '../lint/rules.js';

export interface CheckOptions {
  profile?: string;
  /** Tags and ids that select the deck, as `build --only` and `--skip` do. */
  only?: string[];
  skip?: string[];
  /** Theme name or CSS file to measure with (default: the outline's). */
  theme?: string;
  /** Render the deck in Chromium and report slides whose content overflows (default true). */
  measure?: boolean;
  browserTimeout?: number;
  /** A browser shared with other checks or builds; by default the check launches and closes its own. */
  browser?: SharedBrowser;
  /** Run the code panes and exercises too (`--run`), each failure a finding. */
  run?: boolean;
  /** Runners by language over the outline's `run.runners` (`--runner python=.venv/bin/python`). */
  runners?: Record<string, string[]>;
}

export interface CheckReport {
  file: string;
  profile?: string;
  slides: number;
  minutes: number;
  budget?: number;
  fits?: boolean;
  /** With `--run`: how many blocks of code ran, failed, or could not be run for want of their runner. */
  run?: RunSummary;
  /** The outline's other profiles that show slides this check did not see, and how many. */
  unchecked?: { profile: string; slides: number }[];
  findings: Finding[];
  ok: boolean;
}

/** @throws VersusError (kind `invalid-outline`) when the outline does not validate. */
export async function checkOutline(file: string, options: CheckOptions = {}): Promise<CheckReport> {
  const loaded = await loadForSelection(file, options);
  const theme = await themeFor(loaded.outline, { override: options.theme, baseDir: process.cwd() });
  const {
    deck,
    markdown,
    outline: selected,
    assets,
  } = compileOutline(loaded, { ...options, theme: theme.name, palette: theme.palette });
  const at = (where: Where) => locate(loaded, where);
  // Checking a profile by name asks whether it fits its slot: then a talk too long fails.
  const lint = {
    deck,
    outline: loaded.outline,
    at,
    quoted: (where: Where) => writtenQuoted(loaded, where),
    overBudget: options.profile === undefined ? 'warning' : 'error',
  } as const;
  // `--run` runs a left-out exercise's solution first, which the notebooks cannot: then its check fails.
  const runsAfter = leftOutRunsAfter(deck, loaded.outline, at, options.run ? 'error' : 'warning');
  const findings = [
    ...lintDeck(lint),
    ...runsAfter,
    ...themeFindings(theme),
    ...(options.run ? runnerFlagFindings(loaded.outline, Object.keys(options.runners ?? {})) : []),
  ];

  if (options.measure !== false) {
    const [{ SharedBrowser, browserFailure }, { measureSlides }] = await Promise.all([
      import('../export/browser.js'),
      import('../export/measure.js'),
    ]);
    const browser = options.browser ?? new SharedBrowser({ timeout: options.browserTimeout });
    try {
      // Chromium boots while Marp renders the slides to measure.
      const failed = (error: unknown) => {
        throw browserFailure(error, browser, 'measuring');
      };
      const started = browser.get().catch(withoutMeasuring).catch(failed);
      const [, slides] = await Promise.all([started, renderSlides(markdown, theme)]);
      const measures = await measureSlides(browser, slides, { lang: deck.meta.lang, assets }).catch(failed);
      findings.push(...overflowFindings(measures, deck, theme.name, at), ...(await undrawnFindings(markdown, loaded)));
    } finally {
      if (!options.browser) await browser.close();
    }
  }

  findings.push(...lintSlot(lint));
  let run: RunSummary | undefined;
  if (options.run) {
    const { runCode } = await import('../run/run-code.js');
    const ran = await runCode({
      selected,
      everything: loaded.outline,
      at,
      lineAt: (where, index) => locateLine(loaded, where, index),
      overrides: options.runners,
    });
    findings.push(...ran.findings);
    run = ran.summary;
  }
  const budget = deck.meta.duration;
  const fits = budget === undefined ? undefined : deck.minutes <= budget;
  const unchecked = uncheckedProfiles(loaded.outline, selected, deck.meta.profile);
  return {
    file,
    ...(deck.meta.profile ? { profile: deck.meta.profile } : {}),
    slides: deck.slides.length,
    minutes: deck.minutes,
    ...(budget !== undefined ? { budget, fits } : {}),
    ...(run ? { run } : {}),
    ...(unchecked.length ? { unchecked } : {}),
    findings,
    ok: findings.every((f) => f.severity !== 'error'),
  };
}

/**
 * Why a check failed, for its exit status: `environment` when a runner could
 * not be started (the machine's fault, as a missing browser is), else `lint`;
 * undefined when it passed.
 */
export function checkFailure(report: CheckReport): 'environment' | 'lint' | undefined {
  if (report.ok) return undefined;
  return report.findings.some((f) => f.code === 'missing-runner') ? 'environment' : 'lint';
}

/** The report as text; `format` prints each finding (by default its line and hint, no source line). */
export function formatCheckReport(report: CheckReport, format: (d: Diagnostic) => string = formatDiagnostic): string {
  // A failed run's last lines of output go under its finding.
  const lines = report.findings.map((f) =>
    [format(f), ...(f.output ?? []).map((line) => `    │ ${line}`.trimEnd())].join('\n'),
  );
  const profile = report.profile ? ` (profile ${report.profile})` : '';
  const timing =
    report.budget === undefined
      ? `about ${formatMinutes(report.minutes)}`
      : `about ${formatMinutes(report.minutes)} of ${formatMinutes(report.budget)}: ${report.fits ? 'fits its slot' : 'does NOT fit its slot'}`;
  const run = report.run ? `; ${ranLine(report.run)}` : '';
  const unchecked = (report.unchecked ?? []).map(
    ({ profile, slides }) =>
      `; profile ${profile} has ${slides === 1 ? '1 slide' : `${slides} slides`} this check did not see (--profile ${profile})`,
  );
  lines.push(
    `${report.file}${profile}: ${report.slides} slides, ${timing}${run}${unchecked.join('')}; ${report.findings.length} finding(s).`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The outline's profiles other than the one checked whose slides this check did not see: a
 * check lints one deck, and a slide only the workshop shows has problems of its own.
 */
function uncheckedProfiles(outline: Outline, checked: Outline, profile: string | undefined) {
  const slides = (shown: Outline) => shown.sections.flatMap((section) => section.slides);
  const seen = new Set(slides(checked).map((slide) => JSON.stringify(slide.origin)));
  return Object.keys(outline.profiles ?? {}).flatMap((other) => {
    const selected = other === profile ? undefined : selectOutline(outline, { profile: other });
    if (!selected?.ok) return [];
    const unseen = slides(selected.outline).filter((slide) => !seen.has(JSON.stringify(slide.origin))).length;
    return unseen ? [{ profile: other, slides: unseen }] : [];
  });
}

/**
 * "ran 7 blocks of code, 2 failed", how many were not run for want of a runner, and
 * how many were left out because no runner runs their language.
 */
function ranLine({ ran, failed, notRun, withoutRunner, parsed, uncheckedStarters: unchecked }: RunSummary): string {
  const only = parsed ? ` (${parsed === 1 ? '1 starter' : `${parsed} starters`} only checked to parse)` : '';
  const blocks = `${ran === 1 ? '1 block of code' : `${ran} blocks of code`}${only}`;
  const kinds = [...new Set(unchecked)];
  const notChecked = unchecked.length
    ? `; ${unchecked.length === 1 ? '1 starter' : `${unchecked.length} starters`} in ${kinds.join(', ')} not checked: no syntax check for the runner of ${kinds.length === 1 ? 'that language' : 'those languages'} (run.starter: run runs one whole)`
    : '';
  const languages = [...new Set(withoutRunner)];
  const left = withoutRunner.length
    ? `; ${withoutRunner.length === 1 ? '1 block' : `${withoutRunner.length} blocks`} in ${languages.join(', ')} not run: no runner for ${
        languages.length === 1 ? 'that language' : 'those languages'
      } (name one under run.runners, or --runner LANG=PROGRAM)`
    : '';
  return `ran ${blocks}, ${failed} failed${notRun ? `, ${notRun} not run (no runner)` : ''}${left}${notChecked}`;
}

/** Without a browser, `check` can still lint: say so next to how to get one. */
function withoutMeasuring(error: unknown): never {
  if (!(error instanceof VersusError) || error.kind !== 'no-browser') throw error;
  throw new VersusError(error.kind, error.message, {
    diagnostics: error.diagnostics,
    hint: `${error.hint ?? ''} Or skip the overflow measurement with --no-measure.`.trim(),
    cause: error.cause,
  });
}
