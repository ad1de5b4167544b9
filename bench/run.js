/**
 * `npm run bench`: how fast versus is, measured side by side with the
 * alternatives in one run. Medians of BENCH_RUNS runs (default 5).
 *
 *   1. the default build of outline.yaml vs marp-cli run once for HTML and once for PDF
 *      on the same markdown and themes, with a breakdown of where the build's time goes
 *   2. markdown generation (parse → validate → select → plan → render) for synthetic
 *      outlines of 100, 1,000 and 5,000 slides: time, time per slide, peak memory
 *   3. ten talks built by one `versus build a.yaml b.yaml …` vs ten separate processes
 *   4. every format vs marp-cli's HTML, PDF, PPTX and PNG; PNG alone; a second build with
 *      nothing changed; a batch of 20 talks with one changed; peak memory of Node + Chromium
 *
 *   then the goals of issue 35 side by side, each with its ratio in every paired run (versus and
 *   its baseline run one after the other), and the package's unpacked size (`npm pack --dry-run`)
 *
 * Progress goes to stderr, the report to stdout. Only a script: nothing
 * asserts on wall-clock time. Environment: BENCH_RUNS (default 5),
 * BENCH_BATCH_RUNS (default min(BENCH_RUNS, 2); parts 3 and 4 are the slowest),
 * BENCH_PARTS (default 1,2,3,4: the parts to run; the goals need 1 and 4),
 * BENCH_TEST=1 (also time `npm test` once, for its goal row),
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
const BIG_BATCH = 20;
const ALL_FORMATS = 'md,html,pdf,handout,runsheet,pptx,png';

function runsFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}
const RUNS = runsFrom('BENCH_RUNS', 5);
const PARTS = new Set((process.env.BENCH_PARTS || '1,2,3,4').split(',').map((part) => Number(part.trim())));
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
const versus = (args, cwd = ROOT, memory = false) =>
  timeCommand(process.execPath, [CLI, ...args], { cwd, env, memory });
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
  const full = () => versus(['build', OUTLINE, '--force', '--out', path.join(tmp, 'full')]);

  log('1/4 warm-up (one untimed build and marp PDF)');
  await full();
  await marpPdf();
  await marpPdf('--browser-path', chrome);

  for (let run = 1; run <= RUNS; run++) {
    log(`1/4 default build vs marp-cli, run ${run}/${RUNS}`);
    s.add('full', (await full()).ms);
    s.add('marpHtml', (await marpHtml()).ms);
    s.add('marpPdf', (await marpPdf()).ms);
    s.add('marpPdfSameBrowser', (await marpPdf('--browser-path', chrome)).ms);
    s.add(
      'sameFormats',
      (await versus(['build', OUTLINE, '-f', 'md,html,pdf', '--force', '--out', path.join(tmp, 'same')])).ms,
    );
    s.add('versusStartup', (await versus(['--version'])).ms);
    s.add(
      'versusMd',
      (await versus(['build', OUTLINE, '-f', 'md,runsheet', '--force', '--out', path.join(tmp, 'mdonly')])).ms,
    );
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
      log(`2/4 markdown generation, ${size} slides, run ${run}/${RUNS}`);
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
    for (const file of files)
      total += (await versus(['build', file, '--force', '--out', path.join(tmp, 'separate-out')], dir)).ms;
    s.add('separate', total);
  };
  for (let run = 1; run <= BATCH_RUNS; run++) {
    log(`3/4 ${BATCH} talks, one batch process vs ${BATCH} processes, run ${run}/${BATCH_RUNS}`);
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

// ─── 4. Every format, PNG, unchanged talks, memory ──────────────────────────

async function benchSecondRound(tmp) {
  const s = new Samples();
  const mdDir = path.join(tmp, 'md4');
  await versus(['build', OUTLINE, '-f', 'md', '--out', mdDir]);
  const md = (await readdir(mdDir)).find((f) => f.endsWith('.md'));
  // marp-cli's PPTX and images are 2× (2560×1440) like versus's: --image-scale 2 for the PNGs says so.
  const marpRuns = {
    marpHtml: () => marp(['-o', 'marp.html', '--', md], mdDir),
    marpPdf: () => marp(['--pdf', '--allow-local-files', '-o', 'marp.pdf', '--', md], mdDir),
    marpPptx: () => marp(['--pptx', '--allow-local-files', '-o', 'marp.pptx', '--', md], mdDir),
    marpPng: () =>
      marp(['--images', 'png', '--image-scale', '2', '--allow-local-files', '-o', 'marp.png', '--', md], mdDir),
  };
  const talks = await manyTalks(tmp, BIG_BATCH);
  const batchOut = path.join(tmp, 'batch20-out');
  for (let run = 1; run <= BATCH_RUNS; run++) {
    log(`4/4 every format, PNG, unchanged talks, run ${run}/${BATCH_RUNS}`);
    s.add('all', (await versus(['build', OUTLINE, '-f', ALL_FORMATS, '--force', '--out', path.join(tmp, 'all')])).ms);
    for (const [name, command] of Object.entries(marpRuns)) s.add(name, (await command()).ms);
    s.add('png', (await versus(['build', OUTLINE, '-f', 'png', '--force', '--out', path.join(tmp, 'png')])).ms);
    // The same images screenshotted by Chromium, as a machine without mutool takes them.
    s.add(
      'pngScreens',
      (
        await timeCommand(
          process.execPath,
          [CLI, 'build', OUTLINE, '-f', 'png', '--force', '--out', path.join(tmp, 'png')],
          {
            cwd: ROOT,
            env: { ...env, VERSUS_RASTERIZER: 'chromium' },
          },
        )
      ).ms,
    );
    // A fresh folder: the first build writes everything, the second finds it up to date.
    const fresh = path.join(tmp, `fresh-${run}`);
    s.add('first', (await versus(['build', OUTLINE, '--out', fresh])).ms);
    const second = await versus(['build', OUTLINE, '--out', fresh]);
    if (!second.stdout.includes('up to date'))
      throw new Error(`the second build was not up to date:\n${second.stdout}`);
    s.add('second', second.ms);
    s.add('batchAll', (await versus(['build', ...talks.files, '--force', '--out', batchOut], talks.dir)).ms);
    await writeFile(path.join(talks.dir, talks.files[0]), `${talks.source}\n# edited, run ${run}\n`);
    const one = await versus(['build', ...talks.files, '--out', batchOut], talks.dir);
    const upToDate = one.stdout.match(/up to date/g)?.length ?? 0;
    if (upToDate !== BIG_BATCH - 1) throw new Error(`expected ${BIG_BATCH - 1} talks up to date, got ${upToDate}`);
    s.add('batchOne', one.ms);
  }
  for (const file of ['marp.pptx', 'marp.001.png']) {
    if (!existsSync(path.join(mdDir, file))) throw new Error(`marp-cli did not write ${file}`);
  }
  // Memory apart from the timed runs: sampling every process's page tables costs CPU time.
  log('4/4 peak memory, every format and the default build');
  const all = await versus(
    ['build', OUTLINE, '-f', ALL_FORMATS, '--force', '--out', path.join(tmp, 'all')],
    ROOT,
    true,
  );
  const byDefault = await versus(['build', OUTLINE, '--force', '--out', path.join(tmp, 'full')], ROOT, true);
  const marpAll = (run) => Object.keys(marpRuns).reduce((sum, name) => sum + s.values.get(name)[run], 0);
  const marpTotals = s.values.get('marpHtml').map((_, run) => marpAll(run));
  return { s, marpAll: median(marpTotals), memory: { all: all.peak, byDefault: byDefault.peak } };
}

/** "node 180 MB, gpu-process 110 MB, renderer 3× 150 MB…", largest first. */
function byKind({ byKind: kinds }) {
  return Object.entries(kinds)
    .sort(([, a], [, b]) => b.pss - a.pss)
    .map(([kind, { pss, count }]) => `${kind} ${count > 1 ? `${count}× ` : ''}${megabytes(pss)}`)
    .join(', ');
}

/** `count` copies of the shipped talk, each with its own slug, in one folder. */
async function manyTalks(tmp, count) {
  const dir = path.join(tmp, `talks-${count}`);
  await mkdir(dir);
  await cp(path.join(ROOT, 'images'), path.join(dir, 'images'), { recursive: true });
  const source = readFileSync(OUTLINE, 'utf8');
  const files = [];
  for (let k = 1; k <= count; k++) {
    const name = `talk-${String(k).padStart(2, '0')}`;
    await writeFile(path.join(dir, `${name}.yaml`), source.replace(/^slug: .*$/m, `slug: ${name}`));
    files.push(`${name}.yaml`);
  }
  return { dir, files, source: source.replace(/^slug: .*$/m, 'slug: talk-01') };
}

// ─── Report ──────────────────────────────────────────────────────────────────

function report({ facts, loads, wall, build, scale, batch, second }) {
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
    `Load average (1 min; includes this benchmark's own processes) at start, after part 1, 2, 3, 4: ${loads.map((l) => l.toFixed(2)).join(', ')}` +
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

  const r = second.s;
  const all = r.median('all');
  const png = r.median('png');
  const first = r.median('first');
  const again = r.median('second');
  const batchAll = r.median('batchAll');
  const batchOne = r.median('batchOne');
  const mb = (bytes) => megabytes(bytes);
  const goal = (value, limit) => `${value <= limit ? 'met' : 'NOT met'}`;
  print(
    `4. Every format, PNG, unchanged talks, memory (${BATCH_RUNS} runs; marp-cli's images at --image-scale 2, as versus's)`,
  );
  print();
  print(
    table([
      ['measure', 'versus', 'baseline', 'ratio', 'goal'],
      [
        `every format (${ALL_FORMATS}) vs marp html + pdf + pptx + png`,
        seconds(all),
        seconds(second.marpAll),
        ratio(all, second.marpAll),
        `≤ 0.2×: ${goal(all / second.marpAll, 0.2)}`,
      ],
      ['  marp-cli html', '', seconds(r.median('marpHtml')), '', ''],
      ['  marp-cli --pdf', '', seconds(r.median('marpPdf')), '', ''],
      ['  marp-cli --pptx', '', seconds(r.median('marpPptx')), '', ''],
      ['  marp-cli --images png --image-scale 2', '', seconds(r.median('marpPng')), '', ''],
      [
        'png only vs marp --images png --image-scale 2',
        seconds(png),
        seconds(r.median('marpPng')),
        ratio(png, r.median('marpPng')),
        `≤ 0.35×: ${goal(png / r.median('marpPng'), 0.35)}`,
      ],
      [
        'second build, nothing changed, vs the first (default formats)',
        seconds(again),
        seconds(first),
        ratio(again, first),
        `≤ 0.1× and < 0.3 s: ${goal(again / first, 0.1) === 'met' && again < 300 ? 'met' : 'NOT met'}`,
      ],
      [
        `batch of ${BIG_BATCH} talks, one changed, vs all ${BIG_BATCH} built`,
        seconds(batchOne),
        seconds(batchAll),
        ratio(batchOne, batchAll),
        `≤ 0.15×: ${goal(batchOne / batchAll, 0.15)}`,
      ],
      [
        'peak memory, every format, Node + Chromium (PSS; RSS)',
        `${mb(second.memory.all.pss)}; ${mb(second.memory.all.rss)}`,
        '',
        '',
        `≤ 400 MB: ${goal(second.memory.all.pss, 400 * 1024 * 1024)}`,
      ],
      [
        'peak memory, default build (PSS; RSS)',
        `${mb(second.memory.byDefault.pss)}; ${mb(second.memory.byDefault.rss)}`,
        '',
        '',
        '',
      ],
      [
        'default build vs marp html + pdf (part 1)',
        seconds(full),
        seconds(marpBoth),
        ratio(full, marpBoth),
        `≤ 0.45×: ${goal(full / marpBoth, 0.45)}`,
      ],
    ]),
  );
  print();
  print('Memory: the peak, sampled every 20 ms, of the sum over the build process and all its descendants of');
  print('their proportional set size (a page shared by n processes counts 1/n in each; RSS counts it n times).');
  print(`At the peak, every format: ${byKind(second.memory.all)}.`);
  print(`At the peak, default build: ${byKind(second.memory.byDefault)}.`);
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

// ─── Goals of issue 35 ───────────────────────────────────────────────────────

/** `npm test` once, in this checkout (its first run may rebuild lib/). */
async function benchTests() {
  log('npm test, once');
  const { ms } = await timeCommand('npm', ['test', '--silent'], { cwd: ROOT, env: { ...process.env } }).catch(
    (error) => ({ ms: Number.NaN, error }),
  );
  return { ms };
}

/** The package as npm would pack it, without running its scripts: its unpacked size in bytes. */
function packageSize() {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [{ unpackedSize, size }] = JSON.parse(json.toString());
  return { unpackedSize, size };
}

/** Each run's ratio of `a` to `b`, measured one after the other: the median and the range, as "0.31× (0.28–0.35×)". */
function paired(a, b) {
  const ratios = a.map((ms, i) => ms / b[i]).sort((x, y) => x - y);
  const m = median(ratios);
  return { m, text: `${m.toFixed(2)}× (${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)}×)` };
}

/** The goals table: each row with versus, its baseline, the ratio per paired run, and the goal. */
function goalsReport({ facts, build, second, tests }) {
  const r = second.s;
  const v = (samples, label) => samples.values.get(label) ?? [];
  const marpAllRuns = v(r, 'marpHtml').map((_, i) =>
    ['marpHtml', 'marpPdf', 'marpPptx', 'marpPng'].reduce((sum, name) => sum + v(r, name)[i], 0),
  );
  const marpBothRuns = v(build.s, 'marpHtml').map((ms, i) => ms + v(build.s, 'marpPdf')[i]);
  const png = paired(v(r, 'png'), v(r, 'marpPng'));
  const screens = paired(v(r, 'pngScreens'), v(r, 'marpPng'));
  const all = paired(v(r, 'all'), marpAllRuns);
  const byDefault = paired(v(build.s, 'full'), marpBothRuns);
  const pkg = packageSize();
  const mb = (bytes) => megabytes(bytes);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const out = [
    `Goals (issue 35), ${new Date().toISOString().slice(0, 10)}, commit ${facts.commit}; ratio: the median of the runs' ratios, each`,
    "run's versus and baseline measured one after the other, with the lowest and highest run's ratio.",
    '',
    table([
      ['measure', 'versus', 'baseline', 'ratio (range)', 'goal'],
      [
        'png only vs marp --images png --image-scale 2',
        seconds(r.median('png')),
        seconds(r.median('marpPng')),
        png.text,
        `≤ 0.35×: ${met(png.m <= 0.35)}`,
      ],
      [
        '  the same, screenshotted (VERSUS_RASTERIZER=chromium)',
        seconds(r.median('pngScreens')),
        seconds(r.median('marpPng')),
        screens.text,
        '',
      ],
      [
        'every format vs marp html + pdf + pptx + png (2×)',
        seconds(r.median('all')),
        seconds(median(marpAllRuns)),
        all.text,
        `≤ 0.2×: ${met(all.m <= 0.2)}`,
      ],
      [
        'default build vs marp html + pdf',
        seconds(build.s.median('full')),
        seconds(median(marpBothRuns)),
        byDefault.text,
        `≤ 0.45×: ${met(byDefault.m <= 0.45)}`,
      ],
      [
        'peak memory, every format (PSS, Node + all Chromium)',
        mb(second.memory.all.pss),
        '',
        '',
        `≤ 400 MB: ${met(second.memory.all.pss <= 400 * 1024 * 1024)}`,
      ],
      [
        'npm test (BENCH_TEST=1)',
        tests ? seconds(tests.ms) : 'not run',
        '',
        '',
        tests ? `< 60 s: ${met(tests.ms < 60_000)}` : '< 60 s',
      ],
      [
        'package, unpacked (packed)',
        `${mb(pkg.unpackedSize)} (${megabytes(pkg.size, 1)})`,
        '',
        '',
        `< 8 MB: ${met(pkg.unpackedSize < 8e6)}`,
      ],
    ]),
    '',
    `At the memory peak, every format: ${byKind(second.memory.all)}.`,
    `Load average now: ${loadavg()} on ${facts.cores} cores (above ${facts.cores / 2}: other work ran too; trust the ratios over the seconds).`,
    '',
  ];
  return out.join('\n');
}

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
  const part = async (n, run) => {
    if (!PARTS.has(n)) return undefined;
    const result = await run(tmp);
    loads.push(os.loadavg()[0]);
    return result;
  };
  const build = await part(1, benchBuild);
  const scale = await part(2, benchScale);
  const batch = await part(3, benchBatch);
  const second = await part(4, benchSecondRound);
  const tests = process.env.BENCH_TEST === '1' ? await benchTests() : undefined;
  const wall = performance.now() - started;
  const goals = build && second ? goalsReport({ facts, build, second, tests }) : '';
  const full = build && scale && batch && second ? report({ facts, loads, wall, build, scale, batch, second }) : '';
  process.stdout.write(
    `\n${goals}${full ? `\n${full}` : `\nLoad average at start and after each part: ${loads.map((l) => l.toFixed(2)).join(', ')}; ${seconds(wall)} in all.`}\n`,
  );
} catch (error) {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
