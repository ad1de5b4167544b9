/**
 * A theme's colors, for what versus computes or draws without the CSS: the
 * contrast of the contenders' colors, their outlines, the native PowerPoint.
 * The built-in themes' as themes/versus.css and themes/versus-dark.css set
 * them; a theme file's read from its CSS (`themeColors`).
 */
import postcss from 'postcss';
import { relativeLuminance } from './contrast.js';
import { type BuiltInTheme, DEFAULT_THEME } from './themes.js';

export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  surface: string;
  rule: string;
  codeBg: string;
  dividerBg: string;
  dividerFg: string;
  dividerMuted: string;
  good: string;
  link: string;
  /** highlight.js token class → color, as marp-core's default theme (and versus-dark's overrides) paint them. */
  syntax: Record<string, string>;
}

const LIGHT: Palette = {
  bg: '#ffffff',
  fg: '#1b1f24',
  muted: '#4a5360',
  surface: '#f2f4f7',
  rule: '#c9d1d9',
  codeBg: '#f6f8fa',
  dividerBg: '#1b1f24',
  dividerFg: '#ffffff',
  dividerMuted: '#c9d1d9',
  good: '#1a7f37',
  link: '#0b5cad',
  syntax: {
    keyword: '#cf222e',
    type: '#cf222e',
    doctag: '#cf222e',
    'template-tag': '#cf222e',
    title: '#6639ba',
    attr: '#0550ae',
    attribute: '#0550ae',
    literal: '#0550ae',
    meta: '#0550ae',
    number: '#0550ae',
    operator: '#0550ae',
    variable: '#0550ae',
    string: '#0a3069',
    regexp: '#0a3069',
    built_in: '#953800',
    symbol: '#953800',
    comment: '#59636e',
    name: '#0550ae',
    'selector-tag': '#0550ae',
  },
};

const DARK: Palette = {
  bg: '#14171c',
  fg: '#eef1f5',
  muted: '#b4bdc8',
  surface: '#1f242c',
  rule: '#3a424d',
  codeBg: '#1f242c',
  dividerBg: '#000000',
  dividerFg: '#ffffff',
  dividerMuted: '#b4bdc8',
  good: '#4ac26b',
  link: '#79b8ff',
  syntax: {
    keyword: '#ff7b72',
    type: '#ff7b72',
    doctag: '#ff7b72',
    'template-tag': '#ff7b72',
    built_in: '#ff7b72',
    string: '#a5d6ff',
    regexp: '#a5d6ff',
    number: '#79c0ff',
    literal: '#79c0ff',
    operator: '#79c0ff',
    variable: '#79c0ff',
    comment: '#9aa5b1',
    title: '#d2a8ff',
    params: '#eef1f5',
    attr: '#eef1f5',
    attribute: '#79c0ff',
    meta: '#ffa657',
    symbol: '#ffa657',
    name: '#7ee787',
    'selector-tag': '#7ee787',
  },
};

const PALETTES: Record<BuiltInTheme, Palette> = { versus: LIGHT, 'versus-dark': DARK };

/** The palette of a theme: a built-in theme's own, the default theme's for theme files. */
export function paletteFor(theme: string): Palette {
  return Object.hasOwn(PALETTES, theme) ? PALETTES[theme as BuiltInTheme] : PALETTES[DEFAULT_THEME];
}

/** Whether a theme sets light text on a dark background (`versus-dark`, or a dark theme of the user's). */
export function isDark(palette: Palette): boolean {
  return relativeLuminance(palette.fg) > relativeLuminance(palette.bg);
}

/** A palette color by name (`bg`, `surface`…): every field but the syntax colors. */
export type PaletteColor = Exclude<keyof Palette, 'syntax'>;

/** The custom properties a theme sets on `section`, by the palette color each one is (links take `section a`'s color). */
const THEME_VARIABLES: Record<Exclude<PaletteColor, 'link'>, string> = {
  bg: '--bg',
  fg: '--fg',
  muted: '--muted',
  surface: '--surface',
  rule: '--rule',
  codeBg: '--code-bg',
  dividerBg: '--divider-bg',
  dividerFg: '--divider-fg',
  dividerMuted: '--divider-muted',
  good: '--good',
};

/** How a theme sets a palette color: its variable (`--surface`), or the rule of the links' color. */
export function themeSetting(field: PaletteColor): string {
  return field === 'link' ? 'section a { color }' : THEME_VARIABLES[field];
}

/** A theme file's colors, and where in it each color it sets is set (1-based line and column). */
export interface ThemeColors {
  palette: Palette;
  declared: Partial<Record<PaletteColor, { line: number; col: number }>>;
}

/**
 * The colors of a theme file: those of the built-in theme it imports (`versus-dark`, or else
 * `versus`), with each variable its `section` rules set in hex (`--bg: #0b3d2e`). A `section`
 * `background` or `color` stands for `--bg` or `--fg` where the theme sets no variable for it,
 * and `section a { color }` is the links' color. Colors in other notations keep the base's.
 */
export function themeColors(css: string): ThemeColors {
  const root = postcss.parse(css);
  let base = PALETTES[DEFAULT_THEME];
  root.walkAtRules('import', (rule) => {
    if (/^['"]?versus-dark(\.css)?['"]?$/.test(rule.params.trim())) base = PALETTES['versus-dark'];
  });
  const byVariable = new Map(Object.entries(THEME_VARIABLES).map(([field, name]) => [name, field as PaletteColor]));
  const set = new Map<PaletteColor, { color: string; at: { line: number; col: number } }>();
  const plain = new Map<PaletteColor, { color: string; at: { line: number; col: number } }>();
  root.walkRules((rule) => {
    const selectors = rule.selectors.map((selector) => selector.trim());
    const onSection = selectors.includes('section');
    const onLinks = selectors.includes('section a');
    rule.walkDecls((decl) => {
      const color = hexColor(decl.value);
      if (!color) return;
      const at = { line: decl.source?.start?.line ?? 1, col: decl.source?.start?.column ?? 1 };
      const field = byVariable.get(decl.prop);
      if (onSection && field) set.set(field, { color, at });
      else if (onSection && (decl.prop === 'background' || decl.prop === 'background-color'))
        plain.set('bg', { color, at });
      else if (onSection && decl.prop === 'color') plain.set('fg', { color, at });
      else if (onLinks && decl.prop === 'color') plain.set('link', { color, at });
    });
  });
  const chosen = new Map([...plain, ...set]);
  const palette = { ...base, ...Object.fromEntries([...chosen].map(([field, { color }]) => [field, color])) };
  return { palette, declared: Object.fromEntries([...chosen].map(([field, { at }]) => [field, at])) };
}

/** A hex color as #rrggbb, lowercase; undefined for anything else. */
function hexColor(value: string): string | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.replace(/\s*!important$/i, '').trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return `#${full.toLowerCase()}`;
}
