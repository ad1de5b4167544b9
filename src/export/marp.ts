/**
 * One Marp configuration for every output, so the HTML (via marp-cli), the
 * PDFs (via marp-core in our browser) and editors' previews all agree.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Marp, MarpOptions } from '@marp-team/marp-core';
import { VersusError } from '../diagnostics.js';
import type { LoadedOutline } from '../outline/load.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { DEFAULT_THEME } from '../plan/plan.js';

/** The themes shipped with versus, in dependency order (`versus-dark` imports `versus`). */
export const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');
export const BUILT_IN_THEMES = ['versus', 'versus-dark'] as const;

/**
 * Outline text is escaped before it reaches Marp; these options remove the
 * remaining ways text could change meaning or reach the network
 * (twemoji from a CDN, emoji shortcodes, `$…$` math). Linkify is off because
 * it reads URLs before backslash escapes are removed; references use explicit
 * autolinks instead.
 */
export const MARP_OPTIONS = {
  emoji: { shortcode: false, unicode: false },
  math: false,
  minifyCSS: false,
  markdown: { linkify: false },
} satisfies MarpOptions;

/**
 * The built module marp-cli converts with instead of importing marp-core itself: in the
 * bundled CLI it shares the marp-core the PDFs were rendered with (see marp-engine.ts).
 */
export const MARP_ENGINE = path.join(PACKAGE_ROOT, 'lib/export/marp-engine.js');

export interface ResolvedTheme {
  /** The name the markdown's `theme:` directive uses. */
  name: string;
  /** Theme CSS files to register, dependencies first. */
  files: string[];
  /** A theme file of the user's → the sha256 of the CSS read (built-in themes are versus's own). */
  read?: ReadonlyMap<string, string>;
}

/**
 * The theme for a loaded outline: `override` (a name, or a file relative to the
 * working directory, from the command line) or else the outline's own `theme`
 * (which the loader made absolute), or else the default.
 */
export function themeFor(loaded: LoadedOutline, override?: string): Promise<ResolvedTheme> {
  return resolveTheme(override ?? loaded.outline.theme ?? DEFAULT_THEME, process.cwd());
}

/** A built-in theme name, or a path to a theme CSS file (resolved against `baseDir`). */
export async function resolveTheme(theme: string, baseDir: string): Promise<ResolvedTheme> {
  const builtIn = BUILT_IN_THEMES.map((name) => path.join(THEMES_DIR, `${name}.css`));
  // A built-in theme needs only itself and what it imports: Marp parses every file registered.
  const index = (BUILT_IN_THEMES as readonly string[]).indexOf(theme);
  if (index >= 0) return { name: theme, files: builtIn.slice(0, index + 1) };
  if (!theme.endsWith('.css')) {
    throw new VersusError(
      'invalid-outline',
      `Unknown theme "${theme}".`,
      [],
      `Use ${BUILT_IN_THEMES.join(' or ')}, or a path to a .css theme file.`,
    );
  }
  const file = path.resolve(baseDir, theme);
  // A pipe or a device would be read forever.
  if ((await stat(file).catch(() => undefined))?.isFile() === false) {
    throw new VersusError(
      'invalid-outline',
      `Theme file ${file} is not a regular file (a folder, a pipe or a device).`,
      [],
      'Name a .css file with --theme or "theme".',
    );
  }
  const css = await readFile(file, 'utf8').catch(() => {
    throw new VersusError(
      'invalid-outline',
      `Theme file ${file} cannot be read.`,
      [],
      'Check the path given to --theme or "theme".',
    );
  });
  const name = /@theme\s+([\w-]+)/.exec(css)?.[1];
  if (!name) {
    throw new VersusError(
      'invalid-outline',
      `Theme file ${file} has no "/* @theme name */" comment.`,
      [],
      'Marp themes start with /* @theme my-theme */.',
    );
  }
  return { name, files: [...builtIn, file], read: new Map([[file, createHash('sha256').update(css).digest('hex')]]) };
}

/** Imported on first use: Marp takes a tenth of a second to load, which `--help` or a failed build should not pay. */
export async function createMarp(theme: ResolvedTheme): Promise<Marp> {
  const { Marp } = await import('./marp-engine.js');
  const marp = new Marp({ ...MARP_OPTIONS, script: false });
  for (const file of theme.files) marp.themeSet.add(await readFile(file, 'utf8'));
  return marp;
}

export interface RenderedSlides {
  /** One `<svg data-marpit-svg>` per slide. */
  slides: string[];
  css: string;
}

/**
 * Marp's rendering of a deck, one `<svg>` per slide. A build renders once and
 * hands the result to the PDF, the handout, the images and the measure.
 */
export async function renderSlides(markdown: string, theme: ResolvedTheme): Promise<RenderedSlides> {
  const { html, css } = (await createMarp(theme)).render(markdown, { htmlAsArray: true });
  return { slides: html as unknown as string[], css };
}
