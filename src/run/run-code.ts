/**
 * `check --run`: plans the jobs of the selected outline, runs them with the
 * talk's code files beside them, and turns the results into findings.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../lint/finding.js';
import type { Where } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { DEFAULTS } from '../shared/defaults.js';
import { executeJobs } from './execute.js';
import { type RunSummary, runFindings, summarizeRuns, uncheckedStarterFindings } from './findings.js';
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
  const plan = planRuns(selected, { runnerDir, everything, ...(overrides ? { overrides } : {}) });
  const { jobs } = plan;
  const results = await executeJobs(jobs, {
    files: await runFolderFiles(everything),
    timeout: selected.run?.timeout ?? DEFAULTS.runTimeout,
    ...(parallel ? { parallel } : {}),
  });
  const findings = [
    ...uncheckedStarterFindings(plan.unchecked, at),
    ...runFindings(results, {
      at,
      // A line of an included file is that file's line; of code in the outline, where the outline writes it.
      lineAt: (job, index) => (job.source ? fileLine(job.source, ownLines(job), index) : lineAt(job.where, index)),
    }),
  ];
  return { findings, summary: summarizeRuns(results, findings, plan) };
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

/** Folders a code file's folder may hold that its code never needs: packages and caches. */
const LEFT_OUT = new Set(['node_modules', '__pycache__']);
/** What marks a folder that holds no code of the talk: versus's record, a venv's settings, a cache tag. */
const NOT_CODE = new Set(['.versus', 'pyvenv.cfg', 'CACHEDIR.TAG']);

/**
 * What every run's folder holds, by path relative to the outline that names the code: each file
 * a code pane includes and everything beside it in its folder (a module it imports, the data it
 * reads), as the code finds them at home. Hidden entries (`.git`, `.venv`), packages, caches,
 * virtual environments, links and versus's output folders stay out. The loader has checked that
 * each included file stays inside its outline's folder.
 */
export async function runFolderFiles(outline: Outline): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const slide of outline.sections.flatMap((section) => section.slides)) {
    if (slide.kind !== 'code' || !slide.origin) continue;
    for (const pane of slide.panes) {
      if (pane.file === undefined) continue;
      const name = path.normalize(pane.file);
      const file = path.resolve(path.dirname(slide.origin.file), pane.file);
      files.set(name, file);
      folders.set(path.dirname(name), path.dirname(file));
    }
  }
  for (const [name, folder] of folders) await addFolder(files, name, folder);
  return files;
}

async function addFolder(files: Map<string, string>, name: string, folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  // A build's output folder (its record in .versus/), a virtual environment (`python -m venv venv`)
  // and a cache folder that says so (Rust's target/) hold no code of the talk, and may hold thousands of files.
  if (entries.some((entry) => NOT_CODE.has(entry.name))) return;
  for (const entry of entries) {
    if (entry.name.startsWith('.') || LEFT_OUT.has(entry.name)) continue;
    const inside = path.join(name, entry.name);
    if (entry.isDirectory()) await addFolder(files, inside, path.join(folder, entry.name));
    else if (entry.isFile() && !files.has(inside)) files.set(inside, path.join(folder, entry.name));
  }
}
