/**
 * `npm run bench:dev`: how long from saving the outline to the open `versus dev`
 * page showing the change, measured with a real Chromium. Prints the median
 * and the slowest of N saves (BENCH_RUNS, default 20).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDev } from '../lib/commands/dev.js';
import { launchBrowser } from '../lib/export/browser.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 20);

const dir = await mkdtemp(path.join(tmpdir(), 'versus-bench-dev-'));
await cp(path.join(ROOT, 'outline.yaml'), path.join(dir, 'outline.yaml'));
await cp(path.join(ROOT, 'images'), path.join(dir, 'images'), { recursive: true });
const file = path.join(dir, 'outline.yaml');
const original = await readFile(file, 'utf8');

const server = await startDev(file, { port: 0 });
const browser = await launchBrowser();
const timings = [];
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('section h1');
  for (let i = 0; i < runs; i++) {
    const title = `Keras vs TensorFlow, take ${i + 1}`;
    const started = performance.now();
    await writeFile(file, original.replace('title: Keras vs TensorFlow', `title: ${title}`));
    await page.waitForFunction(
      (expected) => document.querySelector('section h1')?.textContent === expected,
      { polling: 'raf' },
      title,
    );
    timings.push(performance.now() - started);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)];
const worst = timings.at(-1);
console.log(`versus dev, save → page shows the change (${runs} saves of outline.yaml):`);
console.log(
  `  median ${median.toFixed(0)} ms, slowest ${worst.toFixed(0)} ms, goal < 300 ms → ${median < 300 ? 'met' : 'NOT met'}`,
);
