/**
 * The built-in themes' colors, as themes/versus.css and themes/versus-dark.css
 * set them, for the output drawn without the CSS: the native PowerPoint.
 */
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
