/** Small helpers shared by the benchmark scripts: timing, statistics, tables. */
import { spawn } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a command to completion and returns its wall-clock time in ms (spawn to exit),
 * with its stdout. Throws with the command's stderr when it fails.
 */
export function timeCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      const stdout = Buffer.concat(out).toString();
      if (code !== 0) {
        const stderr = Buffer.concat(err).toString();
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${stderr}${stdout}`));
      } else resolve({ ms, stdout });
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
