/** fast-check arbitraries that several property tests share. */
import fc from 'fast-check';

/** Code points from 0 to U+10FFFF but the surrogates' 2048: the last is U+10FFFF − 2048 places on. */
const CHOICES = 0x10ffff - 0x800;

/**
 * One character of any code point but a lone surrogate: fast-check's `unit: 'binary'`,
 * made as fast-check makes it (a `nat` mapped onto the two ranges of code points, so
 * the same values and the same shrinking), but read back by arithmetic. fast-check's
 * own read-back fills a map of all 1.1 million characters the first time a string of
 * them is made (it looks for its "dangerous strings" in them): 1.2 CPU-seconds in each
 * test worker.
 */
export const binaryChar: fc.Arbitrary<string> = fc.nat({ max: CHOICES }).map(
  (n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800),
  (value) => {
    const point = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (point === undefined || String.fromCodePoint(point) !== value || (point >= 0xd800 && point <= 0xdfff)) {
      throw new Error('not one character of a code point');
    }
    return point < 0xd800 ? point : point - 0x800;
  },
);
