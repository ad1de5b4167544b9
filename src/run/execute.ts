/**
 * Runs the jobs `plan.ts` made: each in a fresh temporary folder holding the
 * talk's code files, its output (stdout and stderr, as they came) kept, with
 * a time limit after which its processes are killed; several at once, up to
 * the number of cores. The only part of `check --run` that spawns processes.
 */

import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnGroup } from '../shared/process-group.js';
import type { RunJob } from './plan.js';

export type RunOutcome =
  /** Exited with 0. */
  | { kind: 'passed' }
  /** Exited otherwise, or was killed by a signal. */
  | { kind: 'failed'; exitCode: number | null; signal: NodeJS.Signals | null }
  /** Still running at the time limit: killed. */
  | { kind: 'timeout'; seconds: number }
  /** The runner's program could not be started (not found, not executable). */
  | { kind: 'no-runner'; reason: string };

export interface RunResult {
  job: RunJob;
  outcome: RunOutcome;
  /** What it printed, stdout and stderr interleaved, the folder's path left out. */
  output: string;
  /** What of that it printed to stderr. */
  errors?: string;
}

export interface ExecuteOptions {
  /** The talk's code files: path inside the run's folder → file on disk. */
  files: ReadonlyMap<string, string>;
  /** Seconds a run may take. */
  timeout: number;
  /** Runs at once (default: the number of cores). */
  parallel?: number;
}

/** Output kept per run: its end, where the error is. */
const MAX_OUTPUT = 256 * 1024;

/** Runs every job, `parallel` at a time; results in the jobs' order. */
export async function executeJobs(jobs: readonly RunJob[], options: ExecuteOptions): Promise<RunResult[]> {
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      results[i] = await executeJob(jobs[i] as RunJob, options);
    }
  };
  const workers = Math.max(1, Math.min(options.parallel ?? availableParallelism(), jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/** Runs one job in a folder of its own, removed afterwards. */
export async function executeJob(job: RunJob, { files, timeout }: ExecuteOptions): Promise<RunResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-run-'));
  try {
    for (const [name, from] of files) {
      const to = path.join(dir, name);
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(from, to);
    }
    await writeFile(path.join(dir, job.file), job.script);
    const { outcome, output, errors } = await spawnIn(dir, [...job.command, job.file], timeout);
    const relative = (text: string) => text.replaceAll(`${dir}${path.sep}`, '').replaceAll(dir, '.');
    return { job, outcome, output: relative(output), errors: relative(errors) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnIn(
  dir: string,
  [program = '', ...args]: string[],
  timeout: number,
): Promise<{ outcome: RunOutcome; output: string; errors: string }> {
  return new Promise((resolve) => {
    let output = '';
    let errors = '';
    let timedOut = false;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    const keepError = (chunk: Buffer) => {
      keep(chunk);
      errors = (errors + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    const done = (outcome: RunOutcome) => resolve({ outcome, output, errors });
    const { child, kill: killGroup } = spawnGroup(program, args, {
      cwd: dir,
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeout * 1000);
    child.stdout.on('data', keep);
    child.stderr.on('data', keepError);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done({ kind: 'no-runner', reason: error.code ?? error.message });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (timedOut) done({ kind: 'timeout', seconds: timeout });
      else if (exitCode === 0) done({ kind: 'passed' });
      else done({ kind: 'failed', exitCode, signal });
    });
  });
}
