/**
 * Speaking time counts the words of the notes. Plain ASCII notes take a fast
 * path instead of Intl.Segmenter: for any such text it must count the words
 * the segmenter finds, or a talk's minutes would depend on which path ran.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiWords, spokenLength } from '../src/plan/timing.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI ? 3000 : 500));

/** Short pieces that meet at every kind of boundary: letters, digits, the joining marks, spaces and other punctuation. */
const PIECE = fc.oneof(
  fc.constantFrom('a', 'Zz', 'word', '1', '42', ' ', '..', "''"),
  fc.constantFrom(...'.,;:\'!?"()[]{}<>+=*/\\|#%&@$^~`-\t\n\r'),
);
const PLAIN_TEXT = fc.array(PIECE, { maxLength: 30 }).map((pieces) => pieces.join(''));

function segmenterWords(text: string, lang: string): number {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
}

describe('counting the words of plain ASCII notes', () => {
  it('agrees with Intl.Segmenter on examples of each rule', () => {
    const examples = [
      "don't stop",
      'e.g. this',
      'U.S.A.',
      'a:b c',
      '3.14, 1,000 and 1;2',
      'a.1 1.a',
      "x''y",
      "1'2 a'1",
    ];
    for (const text of examples) expect(asciiWords(text), text).toBe(segmenterWords(text, 'en'));
    expect(asciiWords("don't stop: e.g. 3.14, 1,000")).toBe(5);
  });

  it('agrees with Intl.Segmenter on any text of those characters, in any shipped language', () => {
    fc.assert(
      fc.property(
        PLAIN_TEXT,
        fc.constantFrom('en', 'de', 'fr', 'es', 'pt', 'ja', 'zh-CN', 'ko', 'ar'),
        (text, lang) => {
          expect(spokenLength(text, lang)).toEqual({ words: segmenterWords(text, lang), characters: 0 });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
