/** Running the compiled CLI from tests, and proving an output folder unchanged. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI = path.join(ROOT, 'lib/cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `versus …`; never throws for a non-zero exit. With `timeout` (ms), a
 * CLI that hangs is killed then, and its code is null.
 */
export async function versus(
  args: string[],
  { cwd = ROOT, env = {}, timeout = 0 }: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout,
      killSignal: 'SIGKILL',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `versus …` in this process, through `main(argv, io)`, where the process
 * boundary is not what a test checks: no Node start-up or bundle load per run,
 * and builds and checks share the worker's Chromium (test/browser.ts)
 * instead of starting their own. Runs one at a time in a worker, in `cwd` (the
 * worker's own working folder, given back after); `env` is what the CLI reads
 * itself (NO_COLOR, DEBUG): a test that needs the build's environment changed
 * (CHROME_PATH, SOURCE_DATE_EPOCH…), a browser of the build's own (--browser-timeout)
 * or the process itself (signals, exit, a hang) runs `versus` instead.
 */
export function versusInProcess(
  args: string[],
  { cwd = ROOT, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const run = inProcessQueue.then(async () => {
    const [{ main }, { sharedBrowser }] = await Promise.all([import('../src/main.js'), import('./browser.js')]);
    let [stdout, stderr] = ['', ''];
    const io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { ...process.env, NO_COLOR: '1', ...env },
      shared: { browser: sharedBrowser },
    };
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return { code: await main(args, io), stdout, stderr };
    } finally {
      process.chdir(before);
    }
  });
  inProcessQueue = run.catch(() => {});
  return run;
}

/** Every file below `dir` with its bytes, to prove a failed build changed nothing. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [path.relative(dir, f), (await readFile(f)).toString('base64')])),
  );
}
