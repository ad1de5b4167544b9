/**
 * `npm run bench`: how fast versus is, measured side by side with the
 * alternatives in one run. Medians of BENCH_RUNS runs (default 5).
 *
 *   1. the default build of outline.yaml vs marp-cli run once for HTML and once for PDF
 *      on the same markdown and themes, with a breakdown of where the build's time goes
 *   2. markdown generation (parse → validate → select → plan → render) for synthetic
 *      outlines of 100, 1,000 and 5,000 slides: time, time per slide, peak memory
 *   3. ten talks built by one `versus build a.yaml b.yaml …` vs ten separate processes
 *
 * Progress goes to stderr, the report to stdout. Only a script: nothing
 * asserts on wall-clock time. Environment: BENCH_RUNS (default 5),
 * BENCH_BATCH_RUNS (default min(BENCH_RUNS, 2); part 3 is the slowest),
 * CHROME_PATH (default /usr/bin/chromium when present).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../lib/export/browser.js';
import { syntheticYaml } from './synthetic.js';
import { median, megabytes, millis, ratio, runJson, seconds, table, timeCommand } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = fileURLToPath(new URL('.', import.meta.url));
const CLI = path.join(ROOT, 'lib/cli.js');
const MARP = path.join(ROOT, 'node_modules/@marp-team/marp-cli/marp-cli.js');
const OUTLINE = path.join(ROOT, 'outline.yaml');
const THEMES = ['versus.css', 'versus-dark.css'].map((name) => path.join(ROOT, 'themes', name));
const SIZES = [100, 1000, 5000];
const BATCH = 10;

function runsFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}
const RUNS = runsFrom('BENCH_RUNS', 5);
// Part 3 costs about a minute per run on 2 cores; two runs keep the default under ~5 minutes.
const BATCH_RUNS = runsFrom('BENCH_BATCH_RUNS', Math.min(RUNS, 2));

// Each tool finds its browser as it would for a user (CHROME_PATH, when set, picks it for both):
// versus prefers Chromium's headless shell, marp-cli the full browser. marp-cli also runs
// a second time, given versus's browser, so that the comparison is shown with the same
// browser too. CHROME_NO_SANDBOX lets marp-cli run as root.
const chrome = findBrowser();
if (!chrome) throw new Error('No Chromium found; set CHROME_PATH.');
const env = { ...process.env, CHROME_NO_SANDBOX: '1', NO_COLOR: '1' };

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const versus = (args, cwd = ROOT) => timeCommand(process.execPath, [CLI, ...args], { cwd, env });
const marp = (args, cwd) =>
  timeCommand(process.execPath, [MARP, '--no-config-file', '--theme-set', ...THEMES, ...args], { cwd, env });

function machine() {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chrome, ['--version'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {}
  const version = (file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')).version;
  let commit = 'not a git checkout';
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    commit =
      git('rev-parse', '--short', 'HEAD').trim() +
      (git('status', '--porcelain', '--', 'src').trim() ? ' (src/ modified)' : '');
  } catch {}
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: `${chromium} (${chrome})`,
    versus: version('package.json'),
    commit,
    marpCli: version('node_modules/@marp-team/marp-cli/package.json'),
  };
}

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Collects samples per label; medians at the end. */
class Samples {
  values = new Map();
  add(label, ms) {
    if (!this.values.has(label)) this.values.set(label, []);
    this.values.get(label).push(ms);
  }
  median(label) {
    return median(this.values.get(label) ?? [Number.NaN]);
  }
  min(label) {
    return Math.min(...(this.values.get(label) ?? [Number.NaN]));
  }
}

// ─── 1. Default build vs marp-cli ────────────────────────────────────────────

async function benchBuild(tmp) {
  const s = new Samples();
  const mdDir = path.join(tmp, 'md');
  const { stdout } = await versus(['build', OUTLINE, '-f', 'md', '--out', mdDir]);
  const md = (await readdir(mdDir)).find((f) => f.endsWith('.md'));
  if (!md) throw new Error(`versus build -f md wrote no markdown:\n${stdout}`);
  const slides = Number(/(\d+) slides/.exec(stdout)?.[1] ?? Number.NaN);
  // marp-cli needs assets/ next to the markdown; the build copied it there.
  const marpHtml = () => marp(['-o', 'marp.html', '--', md], mdDir);
  const marpPdf = (...browser) => marp(['--pdf', '--allow-local-files', ...browser, '-o', 'marp.pdf', '--', md], mdDir);
  const full = () => versus(['build', OUTLINE, '--out', path.join(tmp, 'full')]);

  log('1/3 warm-up (one untimed build and marp PDF)');
  await full();
  await marpPdf();
  await marpPdf('--browser-path', chrome);

  for (let run = 1; run <= RUNS; run++) {
    log(`1/3 default build vs marp-cli, run ${run}/${RUNS}`);
    s.add('full', (await full()).ms);
    s.add('marpHtml', (await marpHtml()).ms);
    s.add('marpPdf', (await marpPdf()).ms);
    s.add('marpPdfSameBrowser', (await marpPdf('--browser-path', chrome)).ms);
    s.add('sameFormats', (await versus(['build', OUTLINE, '-f', 'md,html,pdf', '--out', path.join(tmp, 'same')])).ms);
    s.add('versusStartup', (await versus(['--version'])).ms);
    s.add('versusMd', (await versus(['build', OUTLINE, '-f', 'md,runsheet', '--out', path.join(tmp, 'mdonly')])).ms);
    s.add('marpStartup', (await timeCommand(process.execPath, [MARP, '--version'], { env })).ms);
    const steps = await runJson(path.join(BENCH, 'steps-child.js'), [OUTLINE], { cwd: ROOT, env });
    for (const [step, ms] of Object.entries(steps)) s.add(`step:${step}`, ms);
  }
  for (const file of ['marp.html', 'marp.pdf']) {
    if (!existsSync(path.join(mdDir, file))) throw new Error(`marp-cli did not write ${file}`);
  }
  const both = (pdf) => s.values.get('marpHtml').map((ms, i) => ms + s.values.get(pdf)[i]);
  const [own, same] = [both('marpPdf'), both('marpPdfSameBrowser')];
  return {
    s,
    slides,
    marpBoth: median(own),
    marpBothMin: Math.min(...own),
    marpSame: median(same),
    marpSameMin: Math.min(...same),
  };
}

// ─── 2. Markdown generation at scale ────────────────────────────────────────

async function benchScale(tmp) {
  const results = [];
  for (const size of SIZES) {
    const file = path.join(tmp, `synthetic-${size}.yaml`);
    const yaml = syntheticYaml(size);
    await writeFile(file, yaml);
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      log(`2/3 markdown generation, ${size} slides, run ${run}/${RUNS}`);
      runs.push(
        await runJson(path.join(BENCH, 'compile-child.js'), [file], { cwd: ROOT, env, nodeArgs: ['--expose-gc'] }),
      );
    }
    const m = (pick) => median(runs.map(pick));
    results.push({
      size,
      deckSlides: runs[0].cold.deckSlides,
      markdownBytes: runs[0].cold.markdownBytes,
      cold: m((r) => r.cold.total),
      parse: m((r) => r.cold.parse),
      validate: m((r) => r.cold.validate),
      compile: m((r) => r.cold.compile),
      warm: m((r) => r.warm.total),
      warmParse: m((r) => r.warm.parse),
      dataReadOnly: m((r) => r.dataReadOnly),
      yamlBytes: Buffer.byteLength(yaml),
      peakRss: m((r) => r.peakRss),
      baselineRss: m((r) => r.baselineRss),
    });
  }
  return results;
}

// ─── 3. A batch of ten talks ─────────────────────────────────────────────────

async function benchBatch(tmp) {
  const dir = path.join(tmp, 'batch');
  await mkdir(dir);
  // The outline shows images/keras-backends.svg, relative to its own folder.
  await cp(path.join(ROOT, 'images'), path.join(dir, 'images'), { recursive: true });
  const source = readFileSync(OUTLINE, 'utf8');
  if (!/^slug: .*$/m.test(source)) throw new Error('outline.yaml has no top-level slug: line to vary');
  const files = [];
  for (let k = 1; k <= BATCH; k++) {
    const name = `talk-${String(k).padStart(2, '0')}`;
    await writeFile(path.join(dir, `${name}.yaml`), source.replace(/^slug: .*$/m, `slug: ${name}`));
    files.push(`${name}.yaml`);
  }
  const s = new Samples();
  const batch = async () => {
    const out = path.join(tmp, 'batch-out');
    await rm(out, { recursive: true, force: true });
    s.add('batch', (await versus(['build', ...files, '--out', out], dir)).ms);
    const pdfs = (await readdir(out)).filter((f) => f.endsWith('.pdf'));
    if (pdfs.length !== 2 * BATCH) throw new Error(`the batch wrote ${pdfs.length} PDFs, expected ${2 * BATCH}`);
  };
  const separate = async () => {
    let total = 0;
    for (const file of files) total += (await versus(['build', file, '--out', path.join(tmp, 'separate-out')], dir)).ms;
    s.add('separate', total);
  };
  for (let run = 1; run <= BATCH_RUNS; run++) {
    log(`3/3 ${BATCH} talks, one batch process vs ${BATCH} processes, run ${run}/${BATCH_RUNS}`);
    // Alternate the order so neither side always runs on a warmer machine.
    if (run % 2) {
      await batch();
      await separate();
    } else {
      await separate();
      await batch();
    }
  }
  return s;
}

// ─── Report ──────────────────────────────────────────────────────────────────

function report({ facts, loads, wall, build, scale, batch }) {
  const { s, slides, marpBoth, marpSame } = build;
  const full = s.median('full');
  const same = s.median('sameFormats');
  const startup = s.median('versusStartup');
  const mdOnly = s.median('versusMd');
  const step = (name) => s.median(`step:${name}`);
  const [, thousand, fiveThousand] = scale;
  const batchMs = batch.median('batch');
  const separateMs = batch.median('separate');
  const out = [];
  const print = (line = '') => out.push(line);

  print('versus benchmark');
  print('================');
  print();
  print(
    `Machine: ${facts.cores} cores (${facts.cpu}), ${facts.memory} RAM, ${facts.os}; Node ${facts.node}; ${facts.chromium}`,
  );
  print(`versus ${facts.versus} at ${facts.commit}, @marp-team/marp-cli ${facts.marpCli}`);
  print(`Runs: ${RUNS} (BENCH_RUNS), batch ${BATCH_RUNS} (BENCH_BATCH_RUNS); times are medians unless marked "min".`);
  const busy = loads[0] > facts.cores / 2 || Math.max(...loads) > facts.cores * 1.5;
  print(
    `Load average (1 min; includes this benchmark's own processes) at start, after part 1, 2, 3: ${loads.map((l) => l.toFixed(2)).join(', ')}` +
      (busy
        ? ' — other work was probably running: expect noise; the side-by-side ratios are the steadier numbers'
        : ''),
  );

  print(`Whole benchmark: ${seconds(wall)}.`);
  print();

  print(`1. The shipped talk (outline.yaml, ${slides} slides), one process per command`);
  print();
  print(
    table([
      ['command', 'median', 'min', 'ratio to marp html+pdf', 'same browser'],
      [
        'versus build (md, html, pdf, handout, runsheet)',
        seconds(full),
        seconds(s.min('full')),
        ratio(full, marpBoth),
        ratio(full, marpSame),
      ],
      [
        'versus build -f md,html,pdf (what marp makes)',
        seconds(same),
        seconds(s.min('sameFormats')),
        ratio(same, marpBoth),
        ratio(same, marpSame),
      ],
      ['marp-cli html + marp-cli pdf', seconds(marpBoth), seconds(build.marpBothMin), '1.00×', ''],
      ['  marp-cli html', seconds(s.median('marpHtml')), seconds(s.min('marpHtml')), '', ''],
      ['  marp-cli pdf (finds its own browser)', seconds(s.median('marpPdf')), seconds(s.min('marpPdf')), '', ''],
      [
        "marp-cli html + marp-cli pdf --browser-path <versus's browser>",
        seconds(marpSame),
        seconds(build.marpSameMin),
        '',
        '1.00×',
      ],
      [
        "  marp-cli pdf --browser-path <versus's browser>",
        seconds(s.median('marpPdfSameBrowser')),
        seconds(s.min('marpPdfSameBrowser')),
        '',
        '',
      ],
    ]),
  );
  print();
  print(
    `versus prints with ${chrome}; marp-cli, left to itself, with ${process.env.CHROME_PATH || 'the browser it finds'}.`,
  );
  const verdict = (r) => `${ratio(full, r)}, ${full / r <= 0.5 ? 'met' : 'NOT met'}`;
  print(
    `Goal: the default build ≤ 0.5× marp html+pdf. Against marp-cli as it runs by default: ${verdict(marpBoth)}; ` +
      `against marp-cli given the same browser: ${verdict(marpSame)}.`,
  );
  print();
  print('Where the default build spends its time:');
  print();
  print(
    table([
      ['part', 'median', 'share of build'],
      ['processes (each its own node):', '', ''],
      ['  versus --version (node + CLI start-up)', seconds(startup), pct(startup, full)],
      ['  versus build -f md,runsheet', seconds(mdOnly), pct(mdOnly, full)],
      ['  → load, compile, write md (minus start-up)', seconds(mdOnly - startup), pct(mdOnly - startup, full)],
      ['  → html + pdf + handout (full minus md-only)', seconds(full - mdOnly), pct(full - mdOnly, full)],
      ['  marp-cli --version (for comparison)', seconds(s.median('marpStartup')), ''],
      ["steps in one fresh process (bench/steps-child.js, on tsc's unbundled lib/):", '', ''],
      ['  import build.js and its dependencies (unbundled)', seconds(step('imports')), pct(step('imports'), full)],
      ['  load + validate + compile outline', seconds(step('compile')), pct(step('compile'), full)],
      ['  Marp render of the slides (loads marp-core)', seconds(step('render')), pct(step('render'), full)],
      ['  html (marp-cli in process, after that render)', seconds(step('html')), pct(step('html'), full)],
      ['  Chromium launch', seconds(step('launch')), pct(step('launch'), full)],
      ['  pdf ‖ handout in parallel (as build does)', seconds(step('print')), pct(step('print'), full)],
      ['  browser close', seconds(step('close')), pct(step('close'), full)],
      ['  then, warm browser: pdf alone', seconds(step('pdf')), ''],
      ['  then, warm browser: handout alone', seconds(step('handout')), ''],
    ]),
  );
  print();

  print('2. Markdown generation (parse → validate → select → plan → render), synthetic outlines');
  print();
  print(
    table([
      [
        'authored slides',
        'deck slides',
        'markdown',
        'time (cold)',
        'per slide',
        'warm',
        'peak RSS',
        'RSS before',
        'growth',
      ],
      ...scale.map((r) => [
        r.size.toLocaleString('en'),
        r.deckSlides.toLocaleString('en'),
        megabytes(r.markdownBytes, 1),
        millis(r.cold),
        `${((r.cold / r.size) * 1000).toFixed(0)} µs`,
        millis(r.warm),
        megabytes(r.peakRss),
        megabytes(r.baselineRss),
        megabytes(r.peakRss - r.baselineRss),
      ]),
    ]),
  );
  print();
  print('Stages (cold pass), and the data read alone for reference:');
  print();
  print(
    table([
      [
        'authored slides',
        'YAML in',
        'parse',
        'validate',
        'select+plan+render',
        'parse (warm)',
        'js-yaml data read alone (warm)',
      ],
      ...scale.map((r) => [
        r.size.toLocaleString('en'),
        megabytes(r.yamlBytes, 1),
        `${millis(r.parse)} (${pct(r.parse, r.cold)})`,
        `${millis(r.validate)} (${pct(r.validate, r.cold)})`,
        `${millis(r.compile)} (${pct(r.compile, r.cold)})`,
        millis(r.warmParse),
        millis(r.dataReadOnly),
      ]),
    ]),
  );
  print();
  print(
    `Growth 1,000 → 5,000 slides: time ${ratio(fiveThousand.cold, thousand.cold)} (linear ≈ 5×), ` +
      `memory above baseline ${ratio(fiveThousand.peakRss - fiveThousand.baselineRss, thousand.peakRss - thousand.baselineRss)}.`,
  );
  print(`Goal: 1,000 slides under 0.5 s. Got ${seconds(thousand.cold)}: ${thousand.cold < 500 ? 'met' : 'NOT met'}.`);
  print(
    'Each run is a fresh child process (bench/compile-child.js); "cold" is its first pass, what the CLI pays; "warm"',
  );
  print('a second pass in the same process. Peak RSS is the process high-water mark (getrusage ru_maxrss via');
  print('process.resourceUsage()) right after the cold pass, Node and modules included; "RSS before" is');
  print('process.memoryUsage().rss just before it, after a forced GC (--expose-gc); "growth" is the difference.');
  print('"js-yaml data read alone" is readData() from parse.ts: the data, without the yaml syntax tree');
  print('that only messages with positions need.');
  print();

  print(`3. ${BATCH} talks (outline.yaml with ${BATCH} slugs), full default build`);
  print();
  print(
    table([
      ['command', 'median', 'min', 'per talk', 'ratio'],
      [
        `versus build talk-01.yaml … talk-10.yaml (one process)`,
        seconds(batchMs),
        seconds(batch.min('batch')),
        seconds(batchMs / BATCH),
        ratio(batchMs, separateMs),
      ],
      [
        `${BATCH} × versus build talk-NN.yaml`,
        seconds(separateMs),
        seconds(batch.min('separate')),
        seconds(separateMs / BATCH),
        '1.00×',
      ],
    ]),
  );
  print();

  print('Summary');
  print();
  print(
    table([
      ['measure', 'versus', 'baseline', 'ratio', 'goal'],
      ['default build vs marp html+pdf', seconds(full), seconds(marpBoth), ratio(full, marpBoth), '≤ 0.50×'],
      ['  same, marp-cli given the same browser', seconds(full), seconds(marpSame), ratio(full, marpSame), '≤ 0.50×'],
      ['md,html,pdf build vs marp html+pdf', seconds(same), seconds(marpBoth), ratio(same, marpBoth), ''],
      ['markdown, 1,000 slides (cold)', seconds(thousand.cold), '', '', '< 0.50 s'],
      [
        'markdown growth 1,000 → 5,000',
        seconds(fiveThousand.cold),
        seconds(thousand.cold),
        ratio(fiveThousand.cold, thousand.cold),
        '≈ 5× (linear)',
      ],
      [
        `${BATCH} talks: one batch vs ${BATCH} processes`,
        seconds(batchMs),
        seconds(separateMs),
        ratio(batchMs, separateMs),
        '',
      ],
    ]),
  );
  return out.join('\n');
}

const pct = (part, whole) => `${((part / whole) * 100).toFixed(0)} %`;

// ─── Main ────────────────────────────────────────────────────────────────────

const tmp = await mkdtemp(path.join(os.tmpdir(), 'versus-bench-'));
const cleanUp = () => rm(tmp, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  const facts = machine();
  const startLoad = loadavg();
  if (os.loadavg()[0] > facts.cores / 2) {
    log(`warning: load average is ${startLoad} on ${facts.cores} cores; other work will skew the numbers`);
  }
  const loads = [os.loadavg()[0]];
  const started = performance.now();
  const build = await benchBuild(tmp);
  loads.push(os.loadavg()[0]);
  const scale = await benchScale(tmp);
  loads.push(os.loadavg()[0]);
  const batch = await benchBatch(tmp);
  loads.push(os.loadavg()[0]);
  const wall = performance.now() - started;
  process.stdout.write(`\n${report({ facts, loads, wall, build, scale, batch })}\n`);
} catch (error) {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
