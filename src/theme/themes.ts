/**
 * The themes versus ships: their names, where their CSS is, and the default.
 * Node built-ins and small pure helpers only, so that the up-to-date check
 * can read it cheaply.
 */
import path from 'node:path';
import { closest } from '../shared/closest.js';
import { PACKAGE_ROOT } from '../shared/package-root.js';

/** The folder of the built-in themes' CSS files (`<name>.css`). */
export const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');

/** The themes shipped with versus, in dependency order (`versus-dark` imports `versus`). */
export const BUILT_IN_THEMES = ['versus', 'versus-dark'] as const;

export type BuiltInTheme = (typeof BUILT_IN_THEMES)[number];

/** The theme of a talk that names none. */
export const DEFAULT_THEME: BuiltInTheme = 'versus';

/** Whether `theme` (from `--theme` or the outline's `theme`) names a CSS file rather than a built-in theme. */
export function isThemeFile(theme: string): boolean {
  return theme.endsWith('.css');
}

/** Whether `theme` is the name of a theme versus ships. */
export function isBuiltInTheme(theme: string): theme is BuiltInTheme {
  return (BUILT_IN_THEMES as readonly string[]).includes(theme);
}

/**
 * ` (did you mean "versus-dark"?)` for a theme name that is not built in: a
 * misspelling (`versus-drak`) or a name without its `versus-` (`dark`); or ''.
 */
export function didYouMeanTheme(theme: string): string {
  const meant = BUILT_IN_THEMES.find((name) => name === `versus-${theme}`) ?? closest(theme, BUILT_IN_THEMES);
  return meant ? ` (did you mean "${meant}"?)` : '';
}

/** What an unknown theme's message suggests instead. */
export const THEMES_HINT = `The built-in themes are ${BUILT_IN_THEMES.join(' and ')}; a theme of your own is a path to its .css file.`;
