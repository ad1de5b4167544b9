/**
 * `check --run`: plans the jobs of the selected outline, runs them with the
 * talk's code files beside them, and turns the results into findings.
 */
import path from 'node:path';
import type { Finding } from '../lint/finding.js';
import type { Where } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { DEFAULTS } from '../shared/defaults.js';
import { executeJobs } from './execute.js';
import { type RunSummary, runFindings, summarizeRuns } from './findings.js';
import { planRuns, type RunJob } from './plan.js';

export type { RunSummary } from './findings.js';

export interface RunCodeInput {
  /** The outline as selected for the deck being checked. */
  selected: Outline;
  /** The whole outline: its code files, and exercises a solution runs after that the selection leaves out. */
  everything: Outline;
  at: (where: Where) => FilePosition;
  /** Where line `index` (0-based) of the text at `where` is written, when it can be told. */
  lineAt: (where: Where, index: number) => FilePosition | undefined;
  /** Runners from the command line, by language (`--runner python=.venv/bin/python`). */
  overrides?: Record<string, string[]>;
  /** Runs at once (default: the number of cores). */
  parallel?: number;
}

export async function runCode({ selected, everything, at, lineAt, overrides, parallel }: RunCodeInput): Promise<{
  findings: Finding[];
  summary: RunSummary;
}> {
  // Relative runner paths start at the outline file that sets `run`.
  const runnerDir = path.dirname(path.resolve(at(['run']).file));
  const { jobs, withoutRunner } = planRuns(selected, { runnerDir, everything, ...(overrides ? { overrides } : {}) });
  const results = await executeJobs(jobs, {
    files: codeFilesOf(everything),
    timeout: selected.run?.timeout ?? DEFAULTS.runTimeout,
    ...(parallel ? { parallel } : {}),
  });
  const findings = runFindings(results, {
    at,
    // A line of an included file is that file's line; of code in the outline, where the outline writes it.
    lineAt: (job, index) => (job.source ? fileLine(job.source, ownLines(job), index) : lineAt(job.where, index)),
  });
  return { findings, summary: summarizeRuns(results, findings, withoutRunner) };
}

/** A block's own lines of code, as its script holds them. */
function ownLines(job: RunJob): string[] {
  return job.script.split('\n').slice(job.firstLine - 1);
}

/** Line `index` (0-based) of a code file, at its first character. */
function fileLine(file: string, lines: readonly string[], index: number): FilePosition | undefined {
  const text = lines[index];
  return text === undefined ? undefined : { file, line: index + 1, col: text.length - text.trimStart().length + 1 };
}

/**
 * The talk's code files (what its code panes include), by their path
 * relative to the outline that names them: what every run's folder holds.
 * The loader has checked that each stays inside that outline's folder.
 */
export function codeFilesOf(outline: Outline): Map<string, string> {
  const files = new Map<string, string>();
  for (const slide of outline.sections.flatMap((section) => section.slides)) {
    if (slide.kind !== 'code') continue;
    const { origin } = slide;
    for (const pane of slide.panes) {
      if (pane.file === undefined || !origin) continue;
      files.set(path.normalize(pane.file), path.resolve(path.dirname(origin.file), pane.file));
    }
  }
  return files;
}
