/**
 * Child process of the build breakdown: the steps of one default build of an
 * outline, timed one by one in a fresh process (so imports and the first
 * call are cold, as in the CLI). Prints one JSON line with milliseconds.
 * It imports tsc's modules in lib/, which the CLI has bundled (scripts/bundle.js):
 * "imports" costs more here than in the CLI; Marp is the bundle's in both.
 *
 *   imports   loading build.js and everything it imports (marp-cli, puppeteer-core, zod, yaml…)
 *   compile   load + validate + compile the outline, resolve the theme
 *   render    Marp renders the slides for printing (loads the bundled marp-core; build() does this while Chromium starts)
 *   html      exportHtml (marp-cli in a worker thread, bespoke template), after that render as in build()
 *   launch    Chromium launch (SharedBrowser.get)
 *   print     pdf and handout printed in parallel, as build() does
 *   pdf/handout  the same two again, one at a time, in the now-warm browser
 *   close     browser close
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const outlineFile = process.argv[2];
const times = {};
let mark = performance.now();
const lap = (name) => {
  const now = performance.now();
  times[name] = now - mark;
  mark = now;
};

const [
  { compileOutline },
  { SharedBrowser },
  { exportHandout },
  { exportHtml },
  { renderSlides },
  { exportPdf },
  { loadOutline },
  { themeFor },
] = await Promise.all([
  import('../lib/pipeline/compile.js'),
  import('../lib/export/browser.js'),
  import('../lib/export/handout.js'),
  import('../lib/export/html.js'),
  import('../lib/export/marp.js'),
  import('../lib/export/pdf.js'),
  import('../lib/outline/load.js'),
  import('../lib/theme/resolve.js'),
  import('../lib/commands/build.js'),
]);
lap('imports');

const dir = await mkdtemp(path.join(tmpdir(), 'versus-bench-steps-'));
const browser = new SharedBrowser({ timeout: 120_000 });
try {
  mark = performance.now();
  const loaded = await loadOutline(outlineFile);
  const theme = await themeFor(loaded.outline, { baseDir: process.cwd() });
  const { deck, markdown, assets } = compileOutline(loaded, { theme: theme.name });
  lap('compile');

  const md = path.join(dir, 'talk.md');
  for (const [name, file] of assets) await cp(file, path.join(dir, name), { recursive: true });
  await writeFile(md, markdown);
  mark = performance.now();
  const rendered = await renderSlides(markdown, theme);
  lap('render');
  await exportHtml({ markdownFile: md, outputFile: path.join(dir, 'talk.html'), theme, images: assets });
  lap('html');

  await browser.get();
  const job = { browser, workDir: dir };
  lap('launch');
  const { title, lang } = deck.meta;
  const pdf = () => exportPdf(job, rendered, { title, lang });
  const handout = () => exportHandout(job, deck, rendered, {});
  await Promise.all([pdf(), handout()]);
  lap('print');
  await pdf();
  lap('pdf');
  await handout();
  lap('handout');
  await browser.close();
  lap('close');
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(times)}\n`);
