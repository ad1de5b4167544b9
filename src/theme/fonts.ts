/**
 * The built-in themes' fonts: the CSS font stacks themes/versus.css names
 * (the planner lays text out with their widths, which scripts/measure-fonts.js
 * measures in Chromium; printed code uses the monospace one), and the fonts
 * the PowerPoint file names in their place.
 */

import { baseLanguage } from '../i18n/catalogs.js';

const SANS = "'Liberation Sans', Arial, Helvetica, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Color Emoji', sans-serif";
const MONO = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, 'Noto Sans Mono CJK SC', 'Noto Color Emoji', monospace";

export const FONT_STACKS = {
  sans: { family: SANS, weight: 400 },
  bold: { family: SANS, weight: 700 },
  mono: { family: MONO, weight: 400 },
} as const;

export type Face = keyof typeof FONT_STACKS;

/**
 * The sans stack with the Noto CJK face of `lang` (a BCP 47 tag): each language gets its own
 * glyphs of the shared ideographs, as the themes' `:lang()` rules give the slides. For pages
 * versus sets itself (the handout's and script's text, their footers), which name it outright:
 * a font fallback chose whichever CJK font a machine had, a Chinese one for Japanese text.
 */
export function sansStackFor(lang: string): string {
  const base = baseLanguage(lang);
  const face = base === 'ja' ? 'JP' : base === 'ko' ? 'KR' : /^zh-(hant|tw|hk|mo)\b/i.test(lang) ? 'TC' : 'SC';
  return SANS.replace("'Noto Sans CJK SC'", `'Noto Sans CJK ${face}'`);
}

/**
 * Fonts PowerPoint has everywhere. Arial has Liberation Sans's metrics (the planner's
 * font), so the planner's line breaks hold; Consolas is narrower than DejaVu Sans Mono,
 * so wrapped code still fits. LibreOffice substitutes Liberation Sans and DejaVu Sans Mono.
 */
export const PPTX_FONTS = { sans: 'Arial', mono: 'Consolas' };
