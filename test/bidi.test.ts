/** Which Latin runs of a right-to-left talk's text get a left-to-right mark at their ends, and what stays as written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ltrMarked } from '../src/i18n/bidi.js';
import { typesetterFor } from '../src/i18n/typeset.js';
import { textWidth } from '../src/plan/fit/text.js';
import { typesetOutline } from '../src/plan/typeset.js';
import { compileData, minimalOutline } from './helpers.js';

/** The marks shown, for readable expectations. */
const shown = (text: string) => text.replaceAll('\u200e', '|');

describe('ltrMarked', () => {
  it.each([
    // The digits and signs at a run's ends go with it.
    ['3-D Secure 2 ו-PCI DSS Level 1', '|3-D Secure 2| ו-|PCI DSS Level 1|'],
    ['Interchange++ שקוף', '|Interchange++| שקוף'],
    ['תמיכה ב-C# ו-Node.js 20.', 'תמיכה ב-|C#| ו-|Node.js 20|.'],
    ['זמן העברה: T+2 או T+7', 'זמן העברה: |T+2| או |T+7|'],
    ['تدعم C++ و Python 3.12 فقط.', 'تدعم |C++| و |Python 3.12| فقط.'],
    // A bracket whose pair is outside the run reads with the sentence; a pair inside goes with it.
    ['Pay in 4 (USD בלבד)', '|Pay in 4| (USD בלבד)'],
    ['תמיכה ב-REST (Orders v2) כאן', 'תמיכה ב-|REST (Orders v2)| כאן'],
    ['(כולל Node.js) בלבד', '(כולל Node.js) בלבד'],
    // An address keeps its last slash.
    ['ראו https://example.org/talks/he/ היום', 'ראו |https://example.org/talks/he/| היום'],
    // Quotes and the sentence's punctuation stay outside; a run between letters needs no mark.
    ['"React" הוא', '"React" הוא'],
    ['ב-Stripe הסכום באגורות.', 'ב-Stripe הסכום באגורות.'],
    ['נתמך דרך Israeli acquirer', 'נתמך דרך Israeli acquirer'],
    // A Latin text without a right-to-left letter reads left to right whole, its last sign too.
    ['3 replicas (sync, 2 zones)', '|3 replicas (sync, 2 zones)|'],
    ['Use Stripe.', '|Use Stripe.|'],
    ['Stripe', 'Stripe'],
    // Arabic punctuation after a run reads with the sentence; a tatweel is part of its Arabic word.
    ['هل تختار C++؟', 'هل تختار |C++|؟'],
    ['أم C#، أم Go؟', 'أم |C#|، أم Go؟'],
    ['لـ Express 5', 'لـ |Express 5|'],
    // A number before a Latin word goes with it.
    ['بسرعة 180 req/s تقريباً', 'بسرعة |180 req/s| تقريباً'],
    ['الأداء (200 req/s) جيد', 'الأداء |(200 req/s)| جيد'],
    // A version constraint reads left to right on its own.
    ['الإصدار >=3.11 مطلوب', 'الإصدار |>=3.11| مطلوب'],
    ['>=3.11', '|>=3.11|'],
    ['גרסה ^4.2 או ~1.4', 'גרסה |^4.2| או |~1.4|'],
    // Nothing to set apart.
    ['עד 36 תשלומים', 'עד 36 תשלומים'],
    ['בין 3 ל-5 ימים', 'בין 3 ל-5 ימים'],
    ['2.9% + ₪1.20', '2.9% + ₪1.20'],
  ])('%s', (text, expected) => {
    expect(shown(ltrMarked(text))).toBe(expected);
  });

  it('adds nothing but marks, and nothing the second time', () => {
    const piece = fc.constantFrom(
      '3-D',
      'Secure',
      '2',
      'ו-PCI',
      'שקוף',
      '(USD',
      'בלבד)',
      'C#',
      '++',
      '.',
      'مع',
      ' ',
      '"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        const marked = ltrMarked(text);
        expect(marked.replaceAll('\u200e', '')).toBe(text);
        expect(ltrMarked(marked)).toBe(marked);
      }),
    );
  });

  it('is the typesetting of right-to-left languages only', () => {
    expect(typesetterFor('he')?.('3-D ו-x')).toBe('\u200e3-D\u200e ו-x');
    expect(typesetterFor('ar-EG')?.('C++ و')).toBe('\u200eC++\u200e و');
    expect(typesetterFor('en')).toBeUndefined();
    expect(typesetterFor('de')).toBeUndefined();
  });
});

describe('a right-to-left talk planned with marks', () => {
  it('carries them in every string a slide shows, and lays them out at no width', () => {
    const outline = minimalOutline();
    outline.lang = 'he';
    outline.sections[0]?.slides.push({
      kind: 'bullets',
      id: 'mixed',
      title: 'מה חשוב',
      bullets: ['3-D Secure 2 ו-PCI DSS Level 1', 'Interchange++ שקוף'],
    });
    const { deck } = compileData(outline);
    const bullets = deck.slides.find((slide) => slide.kind === 'bullets');
    expect(bullets?.kind === 'bullets' && bullets.bullets.map(shown)).toEqual([
      '|3-D Secure 2| ו-|PCI DSS Level 1|',
      '|Interchange++| שקוף',
    ]);
    for (const face of ['sans', 'bold', 'mono'] as const) {
      const font = { face, size: 32 };
      expect(textWidth('\u200e3-D Secure 2\u200e ו-PCI', font)).toBe(textWidth('3-D Secure 2 ו-PCI', font));
    }
    // The same talk in English is planned as written.
    const { deck: english } = compileData({ ...outline, lang: 'en' });
    const plain = english.slides.find((slide) => slide.kind === 'bullets');
    expect(plain?.kind === 'bullets' && plain.bullets).toEqual([
      '3-D Secure 2 ו-PCI DSS Level 1',
      'Interchange++ שקוף',
    ]);
  });

  it("leaves what is no running text as written: an image's file name and hash", () => {
    const outline = minimalOutline();
    outline.lang = 'he';
    const asset = { name: '3f9c-flow.svg', sha256: '3f9c0de1', type: 'svg', size: 681 } as const;
    outline.sections[0]?.slides.push({
      kind: 'image',
      id: 'flow',
      title: 'זרימה',
      src: 'flow.svg',
      alt: 'זרימה',
      asset,
    });
    const typeset = typesetOutline(outline).sections[0]?.slides.find((slide) => slide.kind === 'image');
    expect(typeset?.kind === 'image' && typeset.asset).toEqual(asset);
  });
});
