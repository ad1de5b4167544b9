/**
 * The files a theme file names in `url()`: a logo, a background picture, a
 * font. A browser reads such a name relative to the page, and versus's pages
 * sit elsewhere than the theme (the HTML in the output folder, the PDFs printed
 * from pages of their own), so each file is carried inside the CSS as a
 * `data:` URL: the outputs then need nothing beside them. A stylesheet it
 * `@import`s is put in its place, its own files carried the same way. Names
 * resolve against the file that names them, which they must stay beside or
 * below, as an outline's images do.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import postcss, { type AtRule, type Declaration, type Node, type Root } from 'postcss';
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
 * `css` (the text of `file`) with the stylesheets it imports by their file in their place and
 * each local file its declarations name inlined. Read with postcss, as the theme's colors are:
 * a comment names no file.
 */
export async function inlineThemeFiles(css: string, file: string): Promise<InlinedTheme> {
  const read = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const root = postcss.parse(css);
  await inlineInto(root, file, read, problems, new Set([path.resolve(file)]));
  return { css: read.size > 0 ? root.toString() : css, read, problems };
}

/** An `@import`'s name, in quotes or in `url()`, and its media list. */
const IMPORT = /^(?:url\(\s*(["']?)(.*?)\1\s*\)|(["'])(.*?)\3)\s*(.*)$/s;

/**
 * The stylesheet file an `@import` names, and its media list; undefined for a theme Marp knows by a
 * bare name (`@import 'versus'`) and for a web address.
 */
function importedFile(params: string): { name: string; media: string } | undefined {
  const match = IMPORT.exec(params.trim());
  const name = (match?.[2] ?? match?.[4] ?? '').trim();
  if (!name || /^[a-z][a-z0-9+.-]*:/i.test(name) || !(name.includes('/') || /\.css$/i.test(name))) return undefined;
  return { name, media: (match?.[5] ?? '').trim() };
}

/** Inlines into `root` (the text of `file`) the stylesheets it imports and the files its declarations name. */
async function inlineInto(
  root: Root,
  file: string,
  read: Map<string, string>,
  problems: Diagnostic[],
  importing: Set<string>,
): Promise<void> {
  const dir = path.dirname(file);
  const realDir = await realpath(dir);
  const problemAt = (node: Node, found: { problem: Pick<Diagnostic, 'code' | 'message' | 'hint'> }, index = 0) => {
    const { line, column } = node.positionBy({ index });
    problems.push({ severity: 'error', file, line, col: column, path: [], ...found.problem });
  };
  const imports: [AtRule, { name: string; media: string }][] = [];
  root.walkAtRules('import', (rule) => {
    const imported = importedFile(rule.params);
    if (imported) imports.push([rule, imported]);
  });
  for (const [rule, { name, media }] of imports) {
    const found = await locate(name, dir, realDir, `@import "${name}"`);
    if ('problem' in found) {
      problemAt(rule, found);
      continue;
    }
    if (importing.has(found.named)) {
      problemAt(rule, {
        problem: {
          code: 'invalid-value',
          message: `@import "${name}" imports a stylesheet that imports this one`,
          hint: 'Remove one of the two imports.',
        },
      });
      continue;
    }
    const bytes = await readFile(found.real);
    read.set(found.named, sha256(bytes));
    const imported = postcss.parse(bytes.toString('utf8'), { from: found.named });
    await inlineInto(imported, found.named, read, problems, new Set([...importing, found.named]));
    rule.replaceWith(media ? postcss.atRule({ name: 'media', params: media, nodes: imported.nodes }) : imported.nodes);
  }
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
        problemAt(declaration, found, `${declaration.prop}${declaration.raws.between ?? ''}`.length + match.index);
        continue;
      }
      read.set(found.named, sha256(found.bytes));
      value += `${declaration.value.slice(at, match.index)}url("data:${found.mime};base64,${found.bytes.toString('base64')}")`;
      at = match.index + match[0].length;
    }
    if (at > 0) declaration.value = value + declaration.value.slice(at);
  }
}

type Problem = { problem: Pick<Diagnostic, 'code' | 'message' | 'hint'> };

/** A file a theme names (`label`: how it names it), found beside or below the theme, or what is wrong with it. */
async function locate(
  name: string,
  dir: string,
  realDir: string,
  label: string,
): Promise<{ named: string; real: string; size: number } | Problem> {
  const problem = (message: string, hint: string, code: Diagnostic['code'] = 'bad-path') => ({
    problem: { code, message, hint },
  });
  if (path.isAbsolute(name))
    return problem(`${label} is an absolute path`, 'Name the file relative to the theme file.');
  const named = path.resolve(dir, decodeURIComponent(name.split(/[?#]/)[0] ?? name));
  const real = await realpath(named).catch(() => undefined);
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !info) {
    return problem(`${label} names a file that does not exist`, `Looked for ${named}.`, 'not-found');
  }
  if (!isInside(realDir, real)) {
    return problem(
      `${label} leads outside the theme file's folder, to ${real}`,
      "Files a theme names must sit in the theme file's folder or below it; copy the file there.",
    );
  }
  if (!info.isFile() || info.size > MAX_IMAGE_BYTES) {
    const what = info.isFile()
      ? `${(info.size / 2 ** 20).toFixed(1)} MB, over ${MAX_IMAGE_BYTES / 2 ** 20} MB`
      : 'no regular file';
    return problem(`${label} names ${what}`, 'Name a file of a size a page can carry.', 'unreadable');
  }
  return { named, real, size: info.size };
}

/** A picture or font a theme names in `url()`, read, or what is wrong with it. */
async function themeFile(
  name: string,
  dir: string,
  realDir: string,
): Promise<{ named: string; bytes: Buffer; mime: string } | Problem> {
  const found = await locate(name, dir, realDir, `url("${name}")`);
  if ('problem' in found) return found;
  const { named, real } = found;
  const bytes = await readFile(real);
  const mime = mediaType(bytes);
  if (!mime) {
    return {
      problem: {
        code: 'invalid-value',
        message: `url("${name}") is neither a picture a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG) nor a font (WOFF2, WOFF, TrueType, OpenType)`,
        hint: 'Name a picture or a font file.',
      },
    };
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
