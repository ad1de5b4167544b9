/**
 * The themes versus ships: their names, where their CSS is, and the default;
 * Marp's own, and the failure of a theme file with problems. Node built-ins,
 * the diagnostics and small pure helpers only, so that the up-to-date check
 * and the command line can read it cheaply.
 */
import path from 'node:path';
import { compareDiagnostics, type Diagnostic, VersusError } from '../diagnostics/diagnostics.js';
import { closest } from '../shared/closest.js';
import { PACKAGE_ROOT } from '../shared/package-root.js';

/** The folder of the built-in themes' CSS files (`<name>.css`). */
export const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');

/** The themes shipped with versus, in dependency order (`versus-dark` imports `versus`). */
export const BUILT_IN_THEMES = ['versus', 'versus-dark'] as const;

/** The themes Marp itself ships, which a theme file may `@import` by name too. */
export const MARP_THEMES = ['default', 'gaia', 'uncover'] as const;

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

/**
 * A theme file whose lines, or those of a stylesheet it imports, have problems: told at those lines,
 * under a summary of its own (`check` does not count them as the outline's).
 */
export class ThemeFileProblems extends VersusError {
  constructor(mistake: 'usage' | 'invalid-outline', file: string, problems: Diagnostic[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(mistake, `Theme file ${file} has ${count}.`, {
      diagnostics: [...problems].sort(compareDiagnostics),
      hint: "Fix the theme's lines above, as their hints say.",
    });
  }
}
