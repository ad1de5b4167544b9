/**
 * The font widths are generated data: measured in Chromium for the font
 * stacks theme/fonts.ts names. A change of stack without measuring again would lay
 * text out with another font's widths.
 */
import { expect, it } from 'vitest';
import { MEASURED } from '../src/plan/fit/font-widths.js';
import { FONT_STACKS } from '../src/theme/fonts.js';

it('were measured for the font stacks the themes use (else run scripts/measure-fonts.js)', () => {
  expect(MEASURED.stacks).toEqual(FONT_STACKS);
});

it('hold a width for every face, for Latin text and for each class of the rest', () => {
  for (const face of Object.keys(FONT_STACKS) as (keyof typeof FONT_STACKS)[]) {
    const { ranges, classes } = MEASURED.faces[face];
    const latin = ranges.find((range) => range.first === 0x20);
    expect(latin?.widths.length, face).toBeGreaterThan(0x24f - 0x20);
    expect(
      Object.values(classes).every((width) => width > 0),
      face,
    ).toBe(true);
  }
});
