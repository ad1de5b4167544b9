/**
 * The advance widths of the themes' fonts, in thousandths of an em, measured
 * in Chromium by scripts/measure-fonts.js, which writes font-widths.json:
 * generated data, with the font stacks it was measured for (a test fails when
 * fonts.ts names other stacks and the table was not measured again).
 */
import measured from './font-widths.json' with { type: 'json' };
import type { Face, FontWidths } from './fonts.js';

export interface MeasuredWidths {
  /** The browser that measured them. */
  browser: string;
  /** The stacks measured, as fonts.ts named them then. */
  stacks: Record<Face, { family: string; weight: number }>;
  faces: Record<Face, FontWidths>;
}

export const MEASURED: MeasuredWidths = measured;

export const FONT_WIDTHS: Record<Face, FontWidths> = MEASURED.faces;
