/**
 * The fonts of the built-in themes, as CSS font stacks. themes/versus.css names
 * the same stacks; scripts/measure-fonts.js measures them in Chromium.
 */

const SANS = "'Liberation Sans', Arial, Helvetica, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Color Emoji', sans-serif";
const MONO = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, 'Noto Sans Mono CJK SC', 'Noto Color Emoji', monospace";

export const FONT_STACKS = {
  sans: { family: SANS, weight: 400 },
  bold: { family: SANS, weight: 700 },
  mono: { family: MONO, weight: 400 },
} as const;

export type Face = keyof typeof FONT_STACKS;

/** Widths in thousandths of an em: runs of consecutive code points, and one width per class of the rest. */
export interface FontWidths {
  ranges: { first: number; widths: number[] }[];
  classes: Record<'wide' | 'hangul' | 'kana' | 'emoji' | 'other', number>;
}
