/**
 * HTML export through marp-cli's bespoke template (presenter view, notes,
 * timer, keyboard navigation). Needs no browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, stripVTControlCharacters } from 'node:util';
import { VersusError } from '../diagnostics/diagnostics.js';
import { type Labels, labelsForLang, type MessageKey } from '../i18n/labels.js';
import { IMAGE_TYPES } from '../images/check.js';
import type { PresenterPlan } from '../plan/presenter.js';
import { sha256 } from '../shared/sha256.js';
import { escapeHtml, unescapeHtml } from '../text/escape.js';
import { FONT_STACKS } from '../theme/fonts.js';
import type { ResolvedTheme } from '../theme/resolve.js';
import { codeLines, TAB } from './code-block.js';
import { MARP_ENGINE, MARP_OPTIONS } from './marp.js';
import { presenterAdditions } from './presenter-script.js';

export interface HtmlExport {
  /** The Marp markdown to convert. */
  markdownFile: string;
  outputFile: string;
  theme: ResolvedTheme;
  /** The slides' images (asset name → file), inlined so that the HTML is one file. */
  images?: ReadonlyMap<string, string>;
  /** A path or URL for the Open Graph image, relative to the HTML. */
  ogImage?: string | undefined;
  /** The talk's words and direction; without them, the catalog of the page's `lang`. */
  labels?: Labels;
  /** The presenter view's plan: slide times, slot, the controls' words (plan/presenter.ts). */
  presenter?: PresenterPlan | undefined;
}

export async function exportHtml({
  markdownFile,
  outputFile,
  theme,
  images = new Map(),
  ogImage,
  labels,
  presenter,
}: HtmlExport): Promise<void> {
  // One configuration per output, named by a hash so that a name near the 255-byte limit stays
  // within it: two exports into one folder never read each other's half-written file.
  const configFile = path.join(
    path.dirname(outputFile),
    `.marp-config-${sha256(path.basename(outputFile)).slice(0, 12)}.json`,
  );
  // marp-cli reads the theme files itself: one whose url()s versus inlined goes to it as rewritten.
  // Absolute paths: marp-cli reads a relative one from the configuration file's folder, not the
  // current one (with `--out dist`, a theme file it could not find left the HTML in Marp's own theme).
  const themeSet = await Promise.all(
    theme.files.map(async (file, i) => {
      const css = theme.css?.get(file);
      if (css === undefined) return path.resolve(file);
      const rewritten = path.resolve(`${configFile.slice(0, -'.json'.length)}-theme-${i}.css`);
      await writeFile(rewritten, css);
      return rewritten;
    }),
  );
  const config = {
    engine: MARP_ENGINE,
    options: MARP_OPTIONS,
    themeSet,
    bespoke: { progress: true, transition: false },
  };
  await writeFile(configFile, JSON.stringify(config));
  const og = ogImage ? ['--og-image', ogImage] : [];
  const { status, log } = await runMarpCli([
    '--config-file',
    configFile,
    ...og,
    '--output',
    outputFile,
    '--',
    markdownFile,
  ]);
  if (status !== 0) {
    // marp-cli words a full disk as its own conversion failure; it is the user's to fix.
    if (/\bENOSPC\b/.test(log)) {
      throw new VersusError('environment', `Cannot write ${path.basename(outputFile)}: the disk is full.`, {
        hint: 'Free some space and build again.',
      });
    }
    throw new VersusError('export', `marp-cli could not write the HTML (exit status ${status}):\n${log}`);
  }
  const marpHtml = await readFile(outputFile, 'utf8');
  const words = labels ?? labelsForLang(langOf(marpHtml));
  const html = withPresenter(
    withCodeNotes(withDirection(withAccessibleControls(marpHtml, words), words.dir)),
    presenter,
  );
  await writeFile(outputFile, await withInlineImages(html, images));
}

/**
 * Each image as a data: URL in place of its asset path (asset names are
 * content hashes, so unique), whether the markup names it as it is or
 * HTML-escaped (`&` as `&amp;`); its type is the one its asset name carries,
 * which the loader read from its content.
 */
async function withInlineImages(html: string, images: ReadonlyMap<string, string>): Promise<string> {
  let inlined = html;
  for (const [name, file] of images) {
    const type = Object.values(IMAGE_TYPES).find(({ ext }) => ext === path.extname(name).toLowerCase());
    const url = `data:${type?.mime ?? 'application/octet-stream'};base64,${(await readFile(file)).toString('base64')}`;
    for (const written of new Set([name, escapeHtml(name)]))
      inlined = inlined.replaceAll(`src="${written}"`, `src="${url}"`);
  }
  return inlined;
}

/**
 * marp-cli, converting in this thread one deck at a time. It logs every
 * conversion to the console and has no quiet option: while it converts, the
 * console's lines are kept for the error message instead of printed (nothing
 * else in versus writes to the console; the CLI prints to the streams main()
 * is given). In a worker thread of its own, as before, marp-cli loaded
 * marp-core, highlight.js's languages and the rest again, in a second V8
 * isolate: about 0.45 CPU-s and tens of MB a build, where here it costs
 * about 0.2 s, sharing the Marp the PDFs were rendered with (marp-engine.ts).
 * Returns marp-cli's exit status, and what it logged.
 */
export function runMarpCli(argv: string[]): Promise<{ status: number; log: string }> {
  const result = converting.then(() => convert(argv));
  converting = result.catch(() => {});
  return result;
}

/** One conversion at a time in this thread: each takes the console over while it runs. */
let converting: Promise<unknown> = Promise.resolve();

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

async function convert(argv: string[]): Promise<{ status: number; log: string }> {
  const { marpCli } = await import('@marp-team/marp-cli');
  const lines: string[] = [];
  const own = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const name of CONSOLE_METHODS)
    console[name] = (...args: unknown[]) => lines.push(stripVTControlCharacters(format(...args)));
  const logged = (extra = '') => [lines.join('\n').trim(), extra].filter(Boolean).join('\n');
  try {
    return { status: await marpCli(argv), log: logged() };
  } catch (error) {
    return { status: 1, log: logged(String(error instanceof Error ? error.message : error)) };
  } finally {
    for (const [name, method] of own) console[name] = method;
  }
}

/** marp-cli's on-screen buttons (`data-bespoke-marp-osc`), and the words the talk's language has for them. */
const CONTROL_WORDS = {
  prev: 'controlPrevious',
  next: 'controlNext',
  fullscreen: 'controlFullscreen',
  overview: 'controlOverview',
  presenter: 'controlPresenter',
} as const satisfies Record<string, MessageKey>;

/**
 * The bespoke template's on-screen controls in the talk's language (their
 * title and text; presenter-script.ts does the same for what marp-cli's script
 * builds), named as a navigation landmark: they sit outside every landmark,
 * which axe reports, and a screen reader finds them by that name.
 */
export function withAccessibleControls(html: string, labels: Labels): string {
  return html
    .replace(
      '<div class="bespoke-marp-osc">',
      `<div class="bespoke-marp-osc" role="navigation" aria-label="${escapeHtml(labels.t('slideControls'))}">`,
    )
    .replace(
      /<button data-bespoke-marp-osc="(\w+)"([^>]*?) title="[^"]*">[^<]*<\/button>/g,
      (whole, control: string, attributes: string) => {
        const key = CONTROL_WORDS[control as keyof typeof CONTROL_WORDS];
        if (!key) return whole;
        const word = escapeHtml(labels.t(key));
        return `<button data-bespoke-marp-osc="${control}"${attributes} title="${word}" aria-label="${word}">${word}</button>`;
      },
    );
}

/** The page of a right-to-left talk is right to left too (its slides are marked by marp-engine.ts). */
export function withDirection(html: string, dir: Labels['dir']): string {
  return dir === 'rtl' ? html.replace(/<html lang="([^"]*)"/, '<html lang="$1" dir="rtl"') : html;
}

/**
 * The pacing panel, the clock and the controls' words (presenter-script.ts):
 * its style in the head, its script after marp-cli's, which builds the views it changes.
 */
export function withPresenter(html: string, plan: PresenterPlan | undefined): string {
  if (!plan) return html;
  const { style, script } = presenterAdditions(plan);
  const styled = html.replace('</head>', `${style}</head>`);
  const end = styled.lastIndexOf('</body>');
  return `${styled.slice(0, end)}${script}${styled.slice(end)}`;
}

/** The `lang` marp-cli gave the page, from the markdown's `lang` directive. */
function langOf(html: string): string {
  return /<html lang="([^"]*)"/.exec(html)?.[1] ?? 'en';
}

/**
 * A slide's notes are one paragraph; a second one is an exercise's solution
 * (see plan/presenter-notes.ts): set it as code, in the theme's monospace font, every
 * line and space as written. Its size shrinks (to 75 % at the least) so that
 * its longest line, `--columns` characters, fits the notes' width; a line
 * still too long wraps under its own indentation, as printed code does
 * (code-block.ts), because the presenter view's notes show no scroll bar.
 * Each line is a full-width inline block, so that the text (what a triple
 * click selects and copies) is the code's own lines; the `↪` in the hanging
 * margin is a pseudo-element's mask, no text.
 */
export function withCodeNotes(html: string): string {
  const code = '.bespoke-marp-note p + p';
  const css = `.bespoke-marp-note { container-type: inline-size; }
${code} { font-family: ${FONT_STACKS.mono.family}; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: ${TAB};
  direction: ltr; text-align: left;
  font-size: clamp(0.75em, calc(100cqi / (var(--columns, 1) * ${MONO_ADVANCE})), 1em); }
${code} .line { display: inline-block; width: 100%; box-sizing: border-box; vertical-align: top; position: relative;
  padding-left: calc(var(--hang, 2) * 1ch); text-indent: calc(var(--hang, 2) * -1ch); }
${code} .line::before { content: ''; position: absolute; top: 1lh; bottom: 0; left: calc(var(--indent, 0) * 1ch); width: 2ch;
  background: currentColor; opacity: 0.6; mask: ${WRAP_MARKER} 0 0 / 2ch 1lh repeat-y; }
${code} .lead { white-space: pre; }`;
  // marp-cli escapes the notes' text, so "<p>" and "</p>" inside a note div are its own.
  const withLines = html.replace(
    /(<div class="bespoke-marp-note"[^>]*><p>[^<]*<\/p>)<p>([^<]*)<\/p>/g,
    (_, before: string, escaped: string) => {
      const { html: lines, columns } = codeLines(unescapeHtml(escaped));
      return `${before}<p style="--columns: ${columns}">${lines}</p>`;
    },
  );
  return withLines.replace('</head>', `<style>${css}</style></head>`);
}

/** DejaVu Sans Mono's advance, in em (0.602), and a little room. */
const MONO_ADVANCE = 0.62;
/** A hooked arrow (↪), drawn in the text's color through the mask. */
const WRAP_MARKER =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='M2 2v5h7M7 5l2 2-2 2' fill='none' stroke='%23000' stroke-width='1.3'/%3E%3C/svg%3E\")";
