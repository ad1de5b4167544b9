/**
 * The themes versus ships: their names, where their CSS is, and the default.
 * Node built-ins only, so that the up-to-date check can read it cheaply.
 */
import path from 'node:path';
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
