/**
 * The files a theme file names in `url()`: a logo, a background picture, a
 * font. A browser reads such a name relative to the page, and versus's pages
 * sit elsewhere than the theme (the HTML in the output folder, the PDFs printed
 * from pages of their own), so each file is carried inside the CSS as a
 * `data:` URL: the outputs then need nothing beside them. A stylesheet it
 * `@import`s is put in its place, its own files carried the same way. Names
 * resolve against the file that names them, which they must stay beside or
 * below, as an outline's images do. What Marp would skip without a word is
 * told at its line instead: a theme an `@import` names that no one knows
 * (the deck would be unstyled), a file that is no UTF-8 stylesheet, a
 * damaged picture.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import postcss, { type AtRule, type Declaration, type Node, type Root } from 'postcss';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import { IMAGE_TYPES, imageProblem, imageType, MAX_IMAGE_BYTES } from '../images/check.js';
import { closest } from '../shared/closest.js';
import { isInside } from '../shared/inside.js';
import { sha256 } from '../shared/sha256.js';
import { utf8Text } from '../text/utf8.js';
import { parseStylesheet } from './stylesheet.js';
import { BUILT_IN_THEMES, MARP_THEMES } from './themes.js';

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
  const parsed = parseStylesheet(css, file);
  if ('problem' in parsed) return { css, read, problems: [parsed.problem] };
  const problems: Diagnostic[] = [];
  await inlineInto(parsed.root, file, read, problems, new Set([path.resolve(file)]));
  return { css: read.size > 0 ? parsed.root.toString() : css, read, problems };
}

/** An `@import`'s name, in quotes or in `url()`, and its media list. */
const IMPORT = /^(?:url\(\s*(["']?)(.*?)\1\s*\)|(["'])(.*?)\3)\s*(.*)$/s;

/** What an `@import` names: a stylesheet file (with its media list), or a theme by its name. */
type Imported = { file: string; media: string } | { theme: string };

/**
 * What an `@import` names; undefined for a web address. A name in quotes with no folder and no
 * `.css` is a theme, as Marp reads it (`@import 'versus'`); a name in `url()` is always a file.
 */
function importOf(params: string): Imported | undefined {
  const match = IMPORT.exec(params.trim());
  const name = (match?.[2] ?? match?.[4] ?? '').trim();
  if (!name || /^[a-z][a-z0-9+.-]*:/i.test(name)) return undefined;
  if (match?.[4] !== undefined && !name.includes('/') && !/\.css$/i.test(name)) return { theme: name };
  return { file: name, media: (match?.[5] ?? '').trim() };
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
  const problemAt = (node: Node, found: Problem, index = 0) => {
    const { line, column } = node.positionBy({ index });
    problems.push({ severity: 'error', file, line, col: column, path: [], ...found.problem });
  };
  // This file's own declarations, taken before the stylesheets it imports join them: those name
  // their files relative to themselves, and are told of at their own lines.
  const declarations: Declaration[] = [];
  root.walkDecls((declaration) => {
    if (declaration.value.includes('url(')) declarations.push(declaration);
  });
  const rules: AtRule[] = [];
  root.walkAtRules('import', (rule) => {
    rules.push(rule);
  });
  const imports: [AtRule, { file: string; media: string }][] = [];
  for (const rule of rules) {
    const imported = importOf(rule.params);
    if (imported && 'theme' in imported) {
      if (!KNOWN_THEMES.includes(imported.theme)) problemAt(rule, await unknownTheme(imported.theme, dir));
    } else if (imported) imports.push([rule, imported]);
  }
  for (const [rule, { file: name, media }] of imports) {
    const found = await locate({ name, dir, realDir, file, label: `@import "${name}"` });
    if ('problem' in found) {
      // `@import 'versus-dark.css'`: a theme's file name, which Marp does not know it by.
      const theme = /^(?:\.\/)?([\w-]+)\.css$/i.exec(name)?.[1];
      const byName = found.problem.code === 'not-found' && theme && KNOWN_THEMES.includes(theme);
      problemAt(
        rule,
        byName ? { problem: { ...found.problem, hint: `Import the theme by its name: @import '${theme}';` } } : found,
      );
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
    const sheet = importedSheet(bytes, found.named, `@import "${name}"`);
    if ('problem' in sheet) {
      problemAt(rule, sheet);
      continue;
    }
    if ('syntax' in sheet) {
      problems.push(sheet.syntax);
      continue;
    }
    await inlineInto(sheet.root, found.named, read, problems, new Set([...importing, found.named]));
    const { nodes } = sheet.root;
    rule.replaceWith(media ? postcss.atRule({ name: 'media', params: media, nodes }) : nodes);
  }
  for (const declaration of declarations) {
    let value = '';
    let at = 0;
    for (const match of declaration.value.matchAll(URL)) {
      const name = match[2]?.trim() ?? '';
      // Web addresses, data: URLs and a fragment (an SVG filter) are not files.
      if (name === '' || /^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('#')) continue;
      const found = await themeFile({ name, dir, realDir, file });
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

/** A name a stylesheet gives (`label`: how it names it), the folder it resolves in, and the stylesheet `file` that names it. */
interface Naming {
  name: string;
  dir: string;
  realDir: string;
  file: string;
}

/** The themes an `@import` may name: versus's own, then Marp's. */
const KNOWN_THEMES: readonly string[] = [...BUILT_IN_THEMES, ...MARP_THEMES];

/** An `@import` of a theme name no one knows: Marp would skip it and leave the slides unstyled. */
async function unknownTheme(name: string, dir: string): Promise<Problem> {
  let meant = KNOWN_THEMES.find((known) => known === `versus-${name}`) ?? closest(name, KNOWN_THEMES);
  if (!meant) {
    // A stylesheet beside the theme, named without its ./ or its .css.
    for (const candidate of [`${name}.css`, name]) {
      if ((await stat(path.resolve(dir, candidate)).catch(() => undefined))?.isFile()) {
        meant = `./${candidate}`;
        break;
      }
    }
  }
  return {
    problem: {
      code: 'invalid-value',
      message: `unknown theme "${name}" in @import${meant ? ` (did you mean "${meant}"?)` : ''}`,
      hint: `A theme is imported by its name (${KNOWN_THEMES.join(', ')}); a stylesheet of your own by its path, as in @import './base.css';`,
    },
  };
}

/**
 * The stylesheet an `@import` (`label`) names, parsed; a picture, a font or a file that is not
 * UTF-8 text told at the `@import` (`problem`); a syntax error told in the stylesheet itself.
 */
function importedSheet(bytes: Buffer, named: string, label: string): { root: Root } | Problem | { syntax: Diagnostic } {
  const image = imageType(bytes);
  const held = image ? `a ${image.toUpperCase()} picture` : mediaType(bytes) ? 'a font' : undefined;
  if (held) {
    return {
      problem: {
        code: 'invalid-value',
        message: `${label} names ${held}, not a stylesheet`,
        hint: 'Import stylesheets (.css); a picture or a font goes in a url() of a declaration.',
      },
    };
  }
  const text = utf8Text(bytes);
  if (typeof text !== 'string') {
    const { line, col, byte } = text;
    return {
      problem: {
        code: 'unreadable',
        message: `${label} names a file that is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} at line ${line}, column ${col} cannot be read`,
        hint: 'Save the stylesheet as UTF-8 (an editor\'s "Save with encoding" or "Reopen with encoding" does it).',
      },
    };
  }
  const parsed = parseStylesheet(text, named);
  return 'problem' in parsed ? { syntax: parsed.problem } : parsed;
}

/** A file a stylesheet names (`label`: how it names it), found beside or below it, or what is wrong with it. */
async function locate({
  name,
  dir,
  realDir,
  file,
  label,
}: Naming & { label: string }): Promise<{ named: string; real: string; size: number } | Problem> {
  const problem = (message: string, hint: string, code: Diagnostic['code'] = 'bad-path') => ({
    problem: { code, message, hint },
  });
  if (path.isAbsolute(name))
    return problem(`${label} is an absolute path`, `Name the file relative to ${path.basename(file)}.`);
  const named = path.resolve(dir, decodeURIComponent(name.split(/[?#]/)[0] ?? name));
  const real = await realpath(named).catch(() => undefined);
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !info) {
    return problem(`${label} names a file that does not exist`, `Looked for ${named}.`, 'not-found');
  }
  if (!isInside(realDir, real)) {
    // Each stylesheet's names resolve against its own folder: an imported one's too.
    return problem(
      `${label} leads outside ${dir}, the folder of ${path.basename(file)}, to ${real}`,
      `Files a stylesheet names must sit in its own folder or below it; copy the file into ${dir}.`,
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

/** A picture or font a stylesheet names in `url()`, read, or what is wrong with it. */
async function themeFile(naming: Naming): Promise<{ named: string; bytes: Buffer; mime: string } | Problem> {
  const { name } = naming;
  const label = `url("${name}")`;
  const found = await locate({ ...naming, label });
  if ('problem' in found) return found;
  const { named, real } = found;
  const bytes = await readFile(real);
  const mime = mediaType(bytes);
  if (!mime) {
    return {
      problem: {
        code: 'invalid-value',
        message: `${label} is neither a picture a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG) nor a font (WOFF2, WOFF, TrueType, OpenType)`,
        hint: 'Name a picture or a font file.',
      },
    };
  }
  // A picture is checked whole, as an outline's images are; a font is the browser's to read.
  const image = imageType(bytes);
  const broken = image && imageProblem(bytes, image);
  if (broken) {
    return {
      problem: {
        code: 'invalid-value',
        message: `${label} ${broken}`,
        hint: 'Export the picture again, or name another file.',
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
