/** Small helpers shared by the benchmark scripts: timing, statistics, tables. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a command to completion and returns its wall-clock time in ms (spawn to exit),
 * with its stdout; with `memory: true`, also the peak memory of it and its descendants. Throws with the command's stderr when it fails.
 */
export function timeCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = options.memory ? followMemory(child.pid) : undefined;
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      const peak = memory?.stop();
      const stdout = Buffer.concat(out).toString();
      if (code !== 0) {
        const stderr = Buffer.concat(err).toString();
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${stderr}${stdout}`));
      } else resolve({ ms, stdout, ...(peak ? { peak } : {}) });
    });
  });
}

/** Runs a node script that prints one JSON line at the end of its stdout; returns that object. */
export async function runJson(script, args, options = {}) {
  const { stdout } = await timeCommand(process.execPath, [...(options.nodeArgs ?? []), script, ...args], options);
  const last = stdout.trim().split('\n').pop();
  return JSON.parse(last);
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
export const megabytes = (bytes, digits = 0) => `${(bytes / 1024 / 1024).toFixed(digits)} MB`;

/** A plain-text table: first row is the header; columns after the first are right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  const line = (row) =>
    row
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * Follows the memory of a process and all its descendants (Node and every
 * Chromium process) while it runs, on Linux: every `everyMs`, the sum of their
 * proportional set sizes (PSS: each shared page counted once, split between
 * the processes that share it) and of their resident sets (RSS: shared pages
 * counted in each). `stop()` returns the peaks in bytes, and the PSS of each
 * kind of process at the PSS peak (`byKind`: node, Chromium's browser, gpu,
 * renderer…, with how many processes of that kind there were).
 */
export function followMemory(pid, everyMs = 20) {
  const peak = { pss: 0, rss: 0, byKind: {} };
  const sample = () => {
    let pss = 0;
    let rss = 0;
    const byKind = {};
    for (const p of descendants(pid)) {
      try {
        const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
        const own = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
        pss += own;
        rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
        const kind = kindOf(p, pid);
        byKind[kind] ??= { pss: 0, count: 0 };
        byKind[kind].pss += own;
        byKind[kind].count++;
      } catch {} // the process has just ended
    }
    if (pss > peak.pss) Object.assign(peak, { pss, byKind });
    peak.rss = Math.max(peak.rss, rss);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** `node` for the command itself, Chromium's `--type` for its processes (the browser has none), else the program's name (mutool). */
function kindOf(pid, root) {
  if (pid === root) return 'node';
  const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  if (type) return type[1];
  const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  return /chrom/i.test(name) ? 'browser' : name;
}

function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}
