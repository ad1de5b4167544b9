#!/usr/bin/env node
/**
 * The `versus` command: runs `main` on the process's arguments and streams,
 * and exits with its status. The only module that touches process.exit, and
 * the signals.
 */
import module from 'node:module';
import v8 from 'node:v8';
import { endBrowsersSync, releaseAllSync } from './export/owner.js';
import { main } from './main.js';

// On Node 22.1 and later, keep the dependencies' compiled code between runs (as tsc does);
// Node 20 has no such cache and skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// A build is over in seconds, too soon for V8's optimizing compiler (TurboFan) to pay back what
// it costs: on its background threads it took about a third of Node's CPU time in the shipped
// talk's default build, for code that then ran once or twice. Baseline code only (Sparkplug):
// less CPU in all, also in batches; only talks of about a thousand slides and more build their
// markdown slower (docs/performance.md). `dev` runs for as long as the author works, and keeps it.
// The young generation stays at its first size instead of doubling up to 16 MB a semi-space:
// 20 MB less heap at an every-format build's peak, and no more CPU (docs/performance.md).
if (process.argv[2] !== 'dev') v8.setFlagsFromString('--max-opt=1 --semi-space-growth-factor=1');
// A reader that stops early (`versus schema | head`) closes the pipe: keep working and
// exit with the command's own status instead of crashing on the next write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    // Leave no half-written staging folder, nor a lock, nor Chromium's profile behind; the previous
    // outputs were never touched.
    endBrowsersSync();
    releaseAllSync();
    process.exit(code);
  });
}

// However the command ends (a failure exits at once, below), no browser it started is left running
// and no profile behind: one whose Chromium had not exited yet, or that a child of it still wrote into.
process.once('exit', endBrowsersSync);

const status = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
// Exit now on a failure: a browser that failed to start can keep handles open after puppeteer has killed it.
if (status !== 0) process.exit(status);
