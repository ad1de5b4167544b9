/**
 * The files a theme file names in `url()`: a logo, a background picture, a
 * font. A browser reads such a name relative to the page, and versus's pages
 * sit elsewhere than the theme (the HTML in the output folder, the PDFs printed
 * from pages of their own), so each file is carried inside the CSS as a
 * `data:` URL: the outputs then need nothing beside them. Names resolve against
 * the theme file, which they must stay beside or below, as an outline's images do.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import { IMAGE_TYPES, imageType } from '../images/check.js';
import { isInside } from '../shared/inside.js';
import { sha256 } from '../shared/sha256.js';

/** Larger files are refused before reading: every page carries each inside it. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A `url(…)` and the name in it, quoted or not. */
const URL = /url\(\s*(["']?)([^"')]*?)\1\s*\)/g;

export interface InlinedTheme {
  css: string;
  /** Each file inlined → the sha256 of the bytes read. */
  read: Map<string, string>;
  /** What is wrong with a name, at its line in the theme file. */
  problems: Diagnostic[];
}

/** `css` (the text of `file`) with each local file it names inlined. */
export async function inlineThemeFiles(css: string, file: string): Promise<InlinedTheme> {
  const read = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const dir = path.dirname(file);
  const scanned = withoutCommentsAndImports(css);
  const replacements: { from: number; to: number; text: string }[] = [];
  for (const match of scanned.matchAll(URL)) {
    const name = match[2]?.trim() ?? '';
    // Web addresses, data: URLs and a fragment (an SVG filter) are not files.
    if (name === '' || /^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('#')) continue;
    const problem = (message: string, hint: string, code: Diagnostic['code'] = 'bad-path') =>
      problems.push({ severity: 'error', code, message, file, ...positionIn(css, match.index), path: [], hint });
    if (path.isAbsolute(name)) {
      problem(`url("${name}") is an absolute path`, 'Name the file relative to the theme file.');
      continue;
    }
    const named = path.resolve(dir, decodeURIComponent(name.split(/[?#]/)[0] ?? name));
    const real = await realpath(named).catch(() => undefined);
    const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
    if (real === undefined || !info) {
      problem(`url("${name}") names a file that does not exist`, `Looked for ${named}.`, 'not-found');
      continue;
    }
    if (!isInside(await realpath(dir), real)) {
      problem(
        `url("${name}") leads outside the theme file's folder, to ${real}`,
        "Files a theme names must sit in the theme file's folder or below it; copy the file there.",
      );
      continue;
    }
    if (!info.isFile() || info.size > MAX_FILE_BYTES) {
      const what = info.isFile()
        ? `${(info.size / 2 ** 20).toFixed(1)} MB, over ${MAX_FILE_BYTES / 2 ** 20} MB`
        : 'no regular file';
      problem(
        `url("${name}") names ${what}`,
        'Name a picture or a font file of a size a page can carry.',
        'unreadable',
      );
      continue;
    }
    const bytes = await readFile(real);
    const mime = mediaType(bytes);
    if (!mime) {
      problem(
        `url("${name}") is neither a picture a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG) nor a font (WOFF2, WOFF, TrueType, OpenType)`,
        'Name a picture or a font file.',
        'invalid-value',
      );
      continue;
    }
    read.set(named, sha256(bytes));
    const text = `url("data:${mime};base64,${bytes.toString('base64')}")`;
    replacements.push({ from: match.index, to: match.index + match[0].length, text });
  }
  let inlined = css;
  for (const { from, to, text } of replacements.reverse()) inlined = inlined.slice(0, from) + text + inlined.slice(to);
  return { css: inlined, read, problems };
}

/** The media type of a picture or a font, by its first bytes. */
function mediaType(bytes: Buffer): string | undefined {
  const image = imageType(bytes);
  if (image) return IMAGE_TYPES[image].mime;
  const head = bytes.subarray(0, 4).toString('latin1');
  if (head === 'wOF2') return 'font/woff2';
  if (head === 'wOFF') return 'font/woff';
  if (head === 'OTTO') return 'font/otf';
  if (head === '\0\x01\0\0' || head === 'true') return 'font/ttf';
  return undefined;
}

/** The CSS with its comments and `@import` rules blanked, every offset kept: names there are no files to inline. */
function withoutCommentsAndImports(css: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return css.replace(/\/\*[\s\S]*?(\*\/|$)/g, blank).replace(/@import[^;]*;?/g, blank);
}

function positionIn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}
