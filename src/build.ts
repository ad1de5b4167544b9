/**
 * `versus build`: outline → markdown, HTML, slide PDF and handout PDF, with
 * one browser shared by every browser-backed format and atomic writes.
 */
import { type Compiled, type CompileOptions, compileOutline } from './compile.js';
import { VersusError } from './diagnostics.js';
import type { SharedBrowser } from './export/browser.js';
import type { HandoutOptions } from './export/handout.js';
import { type ResolvedTheme, themeFor } from './export/marp.js';
import type { PrintJob } from './export/pdf.js';
import { sourceDate } from './export/reproducible.js';
import { Staging } from './export/staging.js';
import { loadOutline } from './outline/load.js';
import { renderRunSheet } from './render/runsheet.js';

export const FORMATS = ['md', 'html', 'pdf', 'handout', 'runsheet', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'handout', 'runsheet'];
const BROWSER_FORMATS: readonly Format[] = ['pdf', 'handout', 'pptx', 'png'];

export interface BuildOptions extends Omit<CompileOptions, 'theme'>, HandoutOptions {
  outDir?: string;
  formats?: readonly Format[];
  /** Theme name or CSS file; overrides the outline's `theme`. */
  theme?: string;
  /** Milliseconds each browser step may take. */
  browserTimeout?: number;
  /** Called with one line per step, for progress output. */
  onProgress?: (message: string) => void;
  /** A browser shared with other builds; by default the build launches and closes its own. */
  browser?: SharedBrowser;
}

export interface BuildResult {
  files: string[];
  compiled: Compiled;
}

/**
 * @throws VersusError: `invalid-outline` before anything is written; `environment`
 * or `export` after the files that could be made (md, html) were written.
 */
export async function build(outlineFile: string, options: BuildOptions = {}): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {});
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);

  // 1. Load, validate and compile: any problem here stops the build before a file is touched.
  const loaded = await loadOutline(outlineFile);
  const theme = await themeFor(loaded, options.theme);
  const compiled = compileOutline(loaded, { ...options, theme: theme.name });
  const { slug } = compiled.deck.meta;

  // 2. Stage every output next to its final place, then rename them all in.
  const staging = await Staging.open(options.outDir ?? 'dist');
  try {
    for (const [name, file] of compiled.assets) await staging.copy(file, name);
    await staging.write(`${slug}.md`, compiled.markdown, { output: formats.has('md') });
    if (formats.has('runsheet')) await staging.write(`${slug}.runsheet.md`, renderRunSheet(compiled.deck));
    // HTML (marp-cli, in this process) and the browser exports (printed by Chromium) run side by side.
    const html = async () => {
      progress(`html     ${slug}.html`);
      const ogImage = formats.has('png') ? `${slug}.og.png` : undefined;
      const { exportHtml } = await import('./export/html.js');
      await exportHtml(staging.pathOf(`${slug}.md`), staging.pathOf(`${slug}.html`), theme, ogImage);
      staging.add(`${slug}.html`);
    };
    const browserFormats = [...formats].filter((f) => BROWSER_FORMATS.includes(f));
    const steps = await Promise.allSettled([
      formats.has('html') && html(),
      browserFormats.length > 0 && exportWithBrowser(staging, compiled, theme, browserFormats, options, progress),
    ]);
    const failed = steps.find((step) => step.status === 'rejected');
    if (failed) throw failed.reason;
    return { files: await staging.commit(), compiled };
  } catch (error) {
    // Without a browser the markdown and HTML are still worth having.
    if (error instanceof VersusError && error.kind === 'environment') await staging.commit();
    throw error;
  } finally {
    await staging.discard();
  }
}

async function exportWithBrowser(
  staging: Staging,
  compiled: Compiled,
  theme: ResolvedTheme,
  formats: Format[],
  options: BuildOptions,
  progress: (message: string) => void,
): Promise<void> {
  const timeout = options.browserTimeout ?? 60_000;
  // Exporters load on demand: Chromium's driver, Marp and the PDF tools take about a second to
  // import, which a markdown-only or failed build should not pay.
  const [{ SharedBrowser }, { exportPdf }, { exportHandout }, { imageName, renderSlideImages }, { exportPptx }] =
    await Promise.all([
      import('./export/browser.js'),
      import('./export/pdf.js'),
      import('./export/handout.js'),
      import('./export/images.js'),
      import('./export/pptx.js'),
    ]);
  const shared = options.browser ?? new SharedBrowser({ timeout });
  progress('browser  Chromium');
  const date = sourceDate();
  const job: PrintJob = {
    browser: await shared.get(),
    workDir: staging.dir,
    timeout,
    ...(date ? { sourceDate: date } : {}),
  };
  const { deck, markdown } = compiled;
  const { slug, title, lang } = deck.meta;
  try {
    await Promise.all([
      formats.includes('pdf') &&
        (async () => {
          progress(`pdf      ${slug}.pdf`);
          await staging.write(`${slug}.pdf`, await exportPdf(job, markdown, theme, title, lang));
        })(),
      formats.includes('handout') &&
        (async () => {
          progress(`handout  ${slug}.handout.pdf`);
          await staging.write(`${slug}.handout.pdf`, await exportHandout(job, deck, markdown, theme, options));
        })(),
      (formats.includes('png') || formats.includes('pptx')) &&
        (async () => {
          progress(`images   ${deck.slides.length} slides`);
          const images = await renderSlideImages(job, markdown, theme, lang);
          if (formats.includes('png')) {
            for (const [i, image] of images.entries()) await staging.write(imageName(slug, i), image);
            if (images[0]) await staging.write(`${slug}.og.png`, images[0]);
          }
          if (formats.includes('pptx')) {
            progress(`pptx     ${slug}.pptx`);
            await staging.write(`${slug}.pptx`, await exportPptx(deck, images));
          }
        })(),
    ]);
  } catch (error) {
    if (error instanceof VersusError) throw error;
    throw new VersusError(
      'export',
      `The browser failed while exporting: ${(error as Error).message.split('\n')[0]}`,
      [],
      'Try again; if it persists, raise --browser-timeout or check CHROME_PATH.',
    );
  } finally {
    if (!options.browser) await shared.close();
  }
}

export interface BatchResult {
  file: string;
  result?: BuildResult;
  error?: unknown;
}

/** Builds several talks one after another with a single browser; one failure does not stop the others. */
export async function buildMany(outlineFiles: string[], options: BuildOptions = {}): Promise<BatchResult[]> {
  const { SharedBrowser } = await import('./export/browser.js');
  const browser = options.browser ?? new SharedBrowser({ timeout: options.browserTimeout ?? 60_000 });
  const results: BatchResult[] = [];
  try {
    for (const file of outlineFiles) {
      try {
        results.push({ file, result: await build(file, { ...options, browser }) });
      } catch (error) {
        results.push({ file, error });
      }
    }
  } finally {
    if (!options.browser) await browser.close();
  }
  return results;
}
