/**
 * Theme resolution: a built-in theme's name, or a theme CSS file, to the name
 * the markdown's `theme:` directive uses and the files Marp registers. Paths
 * resolve against a folder the caller passes: the command line's against the
 * folder it runs in, the outline's already made absolute by the loader.
 */

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, VersusError } from '../diagnostics/diagnostics.js';
import { flagError, flagProblem } from '../diagnostics/flag-problem.js';
import { sha256 } from '../shared/sha256.js';
import { type InvalidByte, utf8Text } from '../text/utf8.js';
import { type Palette, paletteFor, type ThemeColors, themeColors } from './palette.js';
import { inlineThemeFiles } from './theme-files.js';
import {
  BUILT_IN_THEMES,
  DEFAULT_THEME,
  didYouMeanTheme,
  isThemeFile,
  MARP_THEMES,
  THEMES_DIR,
  THEMES_HINT,
  ThemeFileProblems,
} from './themes.js';

export interface ResolvedTheme {
  /** The name the markdown's `theme:` directive uses. */
  name: string;
  /** Theme CSS files to register, dependencies first. */
  files: string[];
  /** Its colors, as the CSS sets them. */
  palette: Palette;
  /**
   * A theme file of the user's → the sha256 of the CSS read (built-in themes are versus's own),
   * and each file it names in `url()` → the sha256 of its bytes.
   */
  read?: ReadonlyMap<string, string>;
  /** The CSS to register for a theme file whose `url()`s versus inlined (see theme-files.ts), by file. */
  css?: ReadonlyMap<string, string>;
  /** A theme file of the user's, and where in it each color it sets is set. */
  source?: { file: string; declared: ThemeColors['declared'] };
}

/**
 * The theme of a talk: `override` (a name, or a file relative to `baseDir`,
 * from the command line) or else the outline's own `theme` (which the loader
 * made absolute), or else the default. A bad override is a usage error, a bad
 * `theme` in the outline makes the outline invalid.
 */
export function themeFor(
  outline: { theme?: string | undefined },
  { override, baseDir }: { override?: string | undefined; baseDir: string },
): Promise<ResolvedTheme> {
  if (override !== undefined) return resolveTheme(override, baseDir, 'usage');
  return resolveTheme(outline.theme ?? DEFAULT_THEME, baseDir);
}

/**
 * A built-in theme name, or a path to a theme CSS file (resolved against `baseDir`).
 * @param mistake the kind of failure a theme that cannot be used is: `usage` when the command line names it.
 */
export async function resolveTheme(
  theme: string,
  baseDir: string,
  mistake: 'usage' | 'invalid-outline' = 'invalid-outline',
): Promise<ResolvedTheme> {
  const builtIn = BUILT_IN_THEMES.map((name) => path.join(THEMES_DIR, `${name}.css`));
  // A built-in theme needs only itself and what it imports: Marp parses every file registered.
  const index = (BUILT_IN_THEMES as readonly string[]).indexOf(theme);
  if (index >= 0) return { name: theme, files: builtIn.slice(0, index + 1), palette: paletteFor(theme) };
  if (!isThemeFile(theme)) {
    const message = `unknown theme "${theme}"${didYouMeanTheme(theme)}`;
    // Named on the command line: told at its flag, as another flag's value that names nothing is.
    if (mistake === 'usage') throw flagError([flagProblem(`--theme ${theme}`, message, THEMES_HINT)]);
    throw new VersusError(mistake, `Unknown theme "${theme}"${didYouMeanTheme(theme)}.`, { hint: THEMES_HINT });
  }
  const file = path.resolve(baseDir, theme);
  // A pipe or a device would be read forever.
  if ((await stat(file).catch(() => undefined))?.isFile() === false) {
    throw new VersusError(mistake, `Theme file ${file} is not a regular file (a folder, a pipe or a device).`, {
      hint: 'Name a .css file with --theme or "theme".',
    });
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new VersusError(mistake, `Theme file ${file} cannot be read.`, {
      hint: 'Check the path given to --theme or "theme".',
      cause: error,
    });
  });
  const css = utf8Text(bytes);
  if (typeof css !== 'string') throw new ThemeFileProblems(mistake, file, [notUtf8(file, css)]);
  const named = /@theme\s+([\w-]+)/.exec(css);
  const name = named?.[1];
  if (!name || !named) {
    throw new VersusError(mistake, `Theme file ${file} has no "/* @theme name */" comment.`, {
      hint: 'Marp themes start with /* @theme my-theme */.',
    });
  }
  if (([...BUILT_IN_THEMES, ...MARP_THEMES] as readonly string[]).includes(name)) {
    throw new ThemeFileProblems(mistake, file, [takenName(file, css, named.index + named[0].indexOf(name), name)]);
  }
  const inlined = await inlineThemeFiles(css, file);
  if (inlined.problems.length > 0) throw new ThemeFileProblems(mistake, file, inlined.problems);
  const { palette, declared } = themeColors(css);
  return {
    name,
    files: [...builtIn, file],
    palette,
    read: new Map([[file, sha256(bytes)], ...inlined.read]),
    ...(inlined.read.size > 0 ? { css: new Map([[file, inlined.css]]) } : {}),
    source: { file, declared },
  };
}

/**
 * A theme file named as a theme versus or Marp has: it would stand in for that theme (every talk
 * set in "versus-dark" taking its rules without saying so), and importing the theme it names
 * would import itself.
 */
function takenName(file: string, css: string, at: number, name: string): Diagnostic {
  const before = css.slice(0, at).split('\n');
  return {
    severity: 'error',
    code: 'invalid-value',
    message: `"${name}" is the name of a built-in theme: a theme of your own needs one of its own`,
    file,
    line: before.length,
    col: (before.at(-1)?.length ?? 0) + 1,
    path: [],
    hint: `Name it after your brand, /* @theme my-${name} */, and start it with @import '${name}'; to build on that theme.`,
  };
}

/** A theme file in another encoding than UTF-8 (Latin-1's é would show as U+FFFD), at its first such byte. */
function notUtf8(file: string, { line, col, byte }: InvalidByte): Diagnostic {
  return {
    severity: 'error',
    code: 'unreadable',
    message: `"${path.basename(file)}" is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} cannot be read`,
    file,
    line,
    col,
    path: [],
    hint: 'Save the theme file as UTF-8 (an editor\'s "Save with encoding" or "Reopen with encoding" does it).',
  };
}
