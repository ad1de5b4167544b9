/**
 * The advance widths of the themes' fonts, in thousandths of an em, measured
 * in Chromium by scripts/measure-fonts.js, which writes font-widths.json:
 * generated data, with the font stacks it was measured for (a test fails when
 * theme/fonts.ts names other stacks and the table was not measured again).
 */
import type { Face } from '../../theme/fonts.js';
import measured from './font-widths.json' with { type: 'json' };

/** Widths in thousandths of an em: runs of consecutive code points, and one width per class of the rest. */
export interface FontWidths {
  ranges: { first: number; widths: number[] }[];
  classes: Record<'wide' | 'hangul' | 'kana' | 'emoji' | 'other', number>;
}

export interface MeasuredWidths {
  /** The browser that measured them. */
  browser: string;
  /** The stacks measured, as theme/fonts.ts named them then. */
  stacks: Record<Face, { family: string; weight: number }>;
  faces: Record<Face, FontWidths>;
}

export const MEASURED: MeasuredWidths = measured;

export const FONT_WIDTHS: Record<Face, FontWidths> = MEASURED.faces;
