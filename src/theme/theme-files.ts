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
import postcss, { type Declaration } from 'postcss';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import { IMAGE_TYPES, imageType, MAX_IMAGE_BYTES } from '../images/check.js';
import { isInside } from '../shared/inside.js';
import { sha256 } from '../shared/sha256.js';

/** A `url(…)` and the name in it, quoted or not. */
const URL = /url\(\s*(["']?)([^"')]*?)\1\s*\)/g;

export interface InlinedTheme {
  css: string;
  /** Each file inlined → the sha256 of the bytes read. */
  read: Map<string, string>;
  /** What is wrong with a name, at its line in the theme file. */
  problems: Diagnostic[];
}

/**
 * `css` (the text of `file`) with each local file its declarations name inlined. Read with
 * postcss, as the theme's colors are: a comment or an `@import` names no file to inline.
 */
export async function inlineThemeFiles(css: string, file: string): Promise<InlinedTheme> {
  const read = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const dir = path.dirname(file);
  const realDir = await realpath(dir);
  const root = postcss.parse(css);
  const declarations: Declaration[] = [];
  root.walkDecls((declaration) => {
    if (declaration.value.includes('url(')) declarations.push(declaration);
  });
  for (const declaration of declarations) {
    let value = '';
    let at = 0;
    for (const match of declaration.value.matchAll(URL)) {
      const name = match[2]?.trim() ?? '';
      // Web addresses, data: URLs and a fragment (an SVG filter) are not files.
      if (name === '' || /^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('#')) continue;
      const found = await themeFile(name, dir, realDir);
      if ('problem' in found) {
        // The column of `url(`: the declaration's property and colon come before its value.
        const index = `${declaration.prop}${declaration.raws.between ?? ''}`.length + match.index;
        const { line, column } = declaration.positionBy({ index });
        problems.push({ severity: 'error', file, line, col: column, path: [], ...found.problem });
        continue;
      }
      read.set(found.named, sha256(found.bytes));
      value += `${declaration.value.slice(at, match.index)}url("data:${found.mime};base64,${found.bytes.toString('base64')}")`;
      at = match.index + match[0].length;
    }
    if (at > 0) declaration.value = value + declaration.value.slice(at);
  }
  return { css: read.size > 0 ? root.toString() : css, read, problems };
}

/** A file a theme names, read, or what is wrong with it. */
async function themeFile(
  name: string,
  dir: string,
  realDir: string,
): Promise<
  { named: string; bytes: Buffer; mime: string } | { problem: Pick<Diagnostic, 'code' | 'message' | 'hint'> }
> {
  const problem = (message: string, hint: string, code: Diagnostic['code'] = 'bad-path') => ({
    problem: { code, message, hint },
  });
  if (path.isAbsolute(name))
    return problem(`url("${name}") is an absolute path`, 'Name the file relative to the theme file.');
  const named = path.resolve(dir, decodeURIComponent(name.split(/[?#]/)[0] ?? name));
  const real = await realpath(named).catch(() => undefined);
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !info) {
    return problem(`url("${name}") names a file that does not exist`, `Looked for ${named}.`, 'not-found');
  }
  if (!isInside(realDir, real)) {
    return problem(
      `url("${name}") leads outside the theme file's folder, to ${real}`,
      "Files a theme names must sit in the theme file's folder or below it; copy the file there.",
    );
  }
  if (!info.isFile() || info.size > MAX_IMAGE_BYTES) {
    const what = info.isFile()
      ? `${(info.size / 2 ** 20).toFixed(1)} MB, over ${MAX_IMAGE_BYTES / 2 ** 20} MB`
      : 'no regular file';
    return problem(
      `url("${name}") names ${what}`,
      'Name a picture or a font file of a size a page can carry.',
      'unreadable',
    );
  }
  const bytes = await readFile(real);
  const mime = mediaType(bytes);
  if (!mime) {
    return problem(
      `url("${name}") is neither a picture a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG) nor a font (WOFF2, WOFF, TrueType, OpenType)`,
      'Name a picture or a font file.',
      'invalid-value',
    );
  }
  return { named, bytes, mime };
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
