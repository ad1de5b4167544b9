/**
 * HTML export through marp-cli's bespoke template (presenter view, notes,
 * timer, keyboard navigation). Needs no browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VersusError } from '../diagnostics.js';
import { type Labels, labelsForLang } from '../labels.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { FONT_STACKS } from '../plan/fit/fonts.js';
import { escapeHtml } from '../render/escape.js';
import { MARP_ENGINE, MARP_OPTIONS, type ResolvedTheme } from './marp.js';

/**
 * `ogImage`: a path or URL for the Open Graph image, relative to the HTML.
 * `images`: the slides' images (asset name → file), inlined so that the HTML is one file.
 * `labels`: the deck's words (default: the catalog of the markdown's `lang`).
 */
export async function exportHtml(
  markdownFile: string,
  outputFile: string,
  theme: ResolvedTheme,
  images: ReadonlyMap<string, string> = new Map(),
  ogImage?: string,
  /** The talk's words and direction; without them, the catalog of the page's `lang`. */
  labels?: Labels,
  /** A marp-cli worker shared with other exports (a batch's); by default one of its own. */
  marpCli?: MarpCliWorker,
): Promise<void> {
  const configFile = path.join(path.dirname(outputFile), '.marp-config.json');
  const config = {
    engine: MARP_ENGINE,
    options: MARP_OPTIONS,
    themeSet: theme.files,
    bespoke: { progress: true, transition: false },
  };
  await writeFile(configFile, JSON.stringify(config));
  const worker = marpCli ?? new MarpCliWorker();
  const og = ogImage ? ['--og-image', ogImage] : [];
  const { status, log } = await worker
    .run(['--config-file', configFile, ...og, '--output', outputFile, '--', markdownFile])
    .finally(async () => {
      // A worker of its own ends with this export; a shared one serves the next.
      if (!marpCli) await worker.close();
    });
  if (status !== 0) {
    throw new VersusError('export', `marp-cli could not write the HTML (exit status ${status}):\n${log}`);
  }
  const marpHtml = await readFile(outputFile, 'utf8');
  const words = labels ?? labelsForLang(langOf(marpHtml));
  const html = withCodeNotes(withDirection(withAccessibleControls(marpHtml, words), words.dir));
  await writeFile(outputFile, await withInlineImages(html, images));
}

const MIME_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** Each image as a data: URL in place of its asset path (asset names are content hashes, so unique). */
async function withInlineImages(html: string, images: ReadonlyMap<string, string>): Promise<string> {
  let inlined = html;
  for (const [name, file] of images) {
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const url = `data:${type};base64,${(await readFile(file)).toString('base64')}`;
    inlined = inlined.replaceAll(`src="${name}"`, `src="${url}"`);
  }
  return inlined;
}

/** The built worker (see html-worker.ts), beside marp-engine.js in the bundle and in tsc's output. */
const HTML_WORKER = path.join(PACKAGE_ROOT, 'lib/export/html-worker.js');

/**
 * marp-cli in a worker thread, converting one deck at a time. Loading marp-cli
 * costs the worker most of a CPU second, which a batch pays once. The worker
 * does not keep the process alive; `close` ends it. A worker that died (marp-cli
 * crashed on one talk) is replaced for the next.
 */
export class MarpCliWorker {
  private log: Buffer[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private exited = false;
  private worker = this.start();

  private start(): Worker {
    const worker = new Worker(HTML_WORKER, { stdout: true, stderr: true });
    worker.unref();
    worker.stdout.on('data', (chunk: Buffer) => this.log.push(chunk));
    worker.stderr.on('data', (chunk: Buffer) => this.log.push(chunk));
    worker.once('exit', () => {
      this.exited = true;
    });
    return worker;
  }

  /** marp-cli's exit status, and what it logged, kept for the error message instead of interleaving with ours. */
  run(argv: string[]): Promise<{ status: number; log: string }> {
    const result = this.queue.then(() => this.convert(argv));
    this.queue = result.catch(() => {});
    return result;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private convert(argv: string[]): Promise<{ status: number; log: string }> {
    if (this.exited) {
      this.exited = false;
      this.worker = this.start();
    }
    this.log = [];
    const logged = (extra = '') => [Buffer.concat(this.log).toString('utf8').trim(), extra].filter(Boolean).join('\n');
    return new Promise((resolve, reject) => {
      const done = () => {
        this.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = ({ status, error }: { status: number; error?: string }) => {
        done();
        resolve({ status, log: logged(error) });
      };
      const onExit = (code: number) => {
        done();
        resolve({ status: code || 1, log: logged() });
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      this.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      this.worker.postMessage(argv);
    });
  }
}

/**
 * The bespoke template's on-screen controls sit outside every landmark, which
 * axe reports; naming them a navigation landmark fixes that for screen readers too.
 */
export function withAccessibleControls(html: string, labels: Labels): string {
  return html.replace(
    '<div class="bespoke-marp-osc">',
    `<div class="bespoke-marp-osc" role="navigation" aria-label="${escapeHtml(labels.t('slideControls'))}">`,
  );
}

/** The page of a right-to-left talk is right to left too (its slides are marked by marp-engine.ts). */
export function withDirection(html: string, dir: Labels['dir']): string {
  return dir === 'rtl' ? html.replace(/<html lang="([^"]*)"/, '<html lang="$1" dir="rtl"') : html;
}

/** The `lang` marp-cli gave the page, from the markdown's `lang` directive. */
function langOf(html: string): string {
  return /<html lang="([^"]*)"/.exec(html)?.[1] ?? 'en';
}

/**
 * A slide's notes are one paragraph; a second one is an exercise's solution
 * (see render/notes.ts): set it as code, in the theme's monospace font, each
 * line as written and none wrapped. Its size shrinks (to 75 % at the least)
 * so that its longest line, `--columns` characters, fits the notes' width; a
 * longer line scrolls sideways.
 */
export function withCodeNotes(html: string): string {
  const css = `.bespoke-marp-note { container-type: inline-size; }
.bespoke-marp-note p + p { font-family: ${FONT_STACKS.mono.family}; white-space: pre; overflow-x: auto; tab-size: 4;
  font-size: clamp(0.75em, calc(100cqi / (var(--columns, 1) * ${MONO_ADVANCE})), 1em); }`;
  // marp-cli escapes the notes' text, so "<p>" and "</p>" inside a note div are its own.
  const withColumns = html.replace(
    /(<div class="bespoke-marp-note"[^>]*><p>[^<]*<\/p>)<p>([^<]*)<\/p>/g,
    (_, before: string, code: string) => `${before}<p style="--columns: ${columnsOf(code)}">${code}</p>`,
  );
  return withColumns.replace('</head>', `<style>${css}</style></head>`);
}

/** DejaVu Sans Mono's advance, in em (0.602), and a little room for the scroll bar. */
const MONO_ADVANCE = 0.62;

/** The longest line of escaped HTML text, in characters (an entity is one, a tab four). */
function columnsOf(escaped: string): number {
  const text = escaped.replace(/&[#\w]+;/g, 'x').replace(/\t/g, '    ');
  return Math.max(1, ...text.split('\n').map((line) => [...line].length));
}
