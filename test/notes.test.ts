/** Notes of a slide split into continuation slides: shared by paragraph, in order, no part left silent. */

import { describe, expect, it } from 'vitest';
import { labelsForLang } from '../src/i18n/labels.js';
import { paragraphsOf, shareParagraphs } from '../src/plan/notes.js';
import { presenterNotes } from '../src/plan/presenter-notes.js';
import { compileData, compileText, minimalOutline, outlineWithSlides } from './helpers.js';

describe('shareParagraphs', () => {
  it('keeps every paragraph once, in order', () => {
    const paragraphs = ['one', 'two', 'three', 'four', 'five'];
    for (const count of [1, 2, 3, 4, 5]) expect(shareParagraphs(paragraphs, count).flat()).toEqual(paragraphs);
  });

  it('gives every part a paragraph when there are as many paragraphs as parts or more', () => {
    expect(shareParagraphs(['a', 'b', 'c'], 3)).toEqual([['a'], ['b'], ['c']]);
    // A long first paragraph does not starve the parts after it.
    expect(shareParagraphs(['x'.repeat(500), 'b', 'c'], 3)).toEqual([['x'.repeat(500)], ['b'], ['c']]);
    expect(shareParagraphs(['a', 'b', 'c', 'x'.repeat(500)], 2)).toEqual([['a', 'b', 'c'], ['x'.repeat(500)]]);
  });

  it('balances the parts by length as far as whole paragraphs allow', () => {
    const even = Array(6).fill('y'.repeat(40));
    expect(shareParagraphs(even, 3).map((share) => share.length)).toEqual([2, 2, 2]);
    expect(shareParagraphs(['a'.repeat(100), 'b'.repeat(30), 'c'.repeat(30), 'd'.repeat(40)], 2)).toEqual([
      ['a'.repeat(100)],
      ['b'.repeat(30), 'c'.repeat(30), 'd'.repeat(40)],
    ]);
  });

  it('leaves the last parts empty only when the paragraphs run out', () => {
    expect(shareParagraphs(['a', 'b'], 3)).toEqual([['a'], ['b'], []]);
    expect(shareParagraphs([], 2)).toEqual([[], []]);
  });

  it('reads paragraphs as the handout prints them: separated by a blank line', () => {
    expect(paragraphsOf('First line\nsame paragraph.\n\n  Second.\n \n\nThird.\n')).toEqual([
      'First line\nsame paragraph.',
      'Second.',
      'Third.',
    ]);
    expect(paragraphsOf('  ')).toEqual([]);
  });
});

describe('a split slide in the deck', () => {
  const longBullets = Array.from({ length: 24 }, (_, i) => `Bullet ${i + 1} is long enough to take most of a line`);

  function partsOf(slide: Record<string, unknown>) {
    const outline = minimalOutline();
    outline.sections = [{ id: 'main', title: 'Main', slides: [slide as never] }];
    const { deck } = compileData(outline);
    return deck.slides.filter((s) => s.kind === slide.kind && s.section === 'Main');
  }

  it('shares its notes across the parts, in order, each part saying something', () => {
    const notes = ['Open with the first group.', 'Then the middle ones.', 'Close on the last ones.'].join('\n\n');
    const parts = partsOf({ kind: 'bullets', title: 'Many', bullets: longBullets, notes });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.notes.trim()).not.toBe('');
    expect(parts.map((p) => p.notes).join('\n\n')).toBe(notes);
    expect(parts[0]?.notes).toMatch(/^Open with/);
    expect(parts.at(-1)?.notes).toMatch(/Close on the last ones\.$/);
  });

  it("shares an exercise's notes, and gives its solution whole, blank lines included, to the last part only", () => {
    const task = Array.from({ length: 16 }, (_, i) => `Step ${i + 1} is long enough to take most of a line here`);
    const solution = 'import keras\n\nmodel = keras.Sequential()\n\nmodel.summary()';
    const parts = partsOf({ kind: 'exercise', title: 'Ex', task, solution, notes: 'Walk around.\n\nHelp pairs.' });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.notes)).toEqual(['Walk around.', 'Help pairs.', ...parts.slice(2).map(() => '')]);
    const shown = parts.map((p) => presenterNotes(p, labelsForLang('en')));
    expect(shown.at(-1)).toEqual([`${parts.at(-1)?.notes ? `${parts.at(-1)?.notes}\n\n` : ''}Solution:`, solution]);
    expect(shown.slice(0, -1).flat().join('\n')).not.toContain('Solution:');
  });

  it('leaves an unsplit slide’s notes exactly as written', () => {
    const notes = 'One paragraph.\n\nAnd another.';
    const [only] = partsOf({ kind: 'bullets', title: 'Few', bullets: ['a'], notes });
    expect(only?.notes).toBe(notes);
  });
});

describe('notes written folded (`notes: >-`)', () => {
  const notesOf = (lines: string[]) => {
    const source = outlineWithSlides(`      - kind: bullets
        title: Why
        bullets: [One, Two]
        notes: >-
${lines.map((line) => (line ? `          ${line}` : '')).join('\n')}
`);
    return compileText(source).deck.slides.find((slide) => slide.kind === 'bullets')?.notes;
  };

  it('keep the blank line between two paragraphs a paragraph break', () => {
    const notes = notesOf(['First paragraph, written', 'over two lines.', '', 'Second paragraph.']);
    expect(paragraphsOf(notes ?? '')).toEqual(['First paragraph, written over two lines.', 'Second paragraph.']);
  });

  it('join Chinese and Japanese lines without a space, and others with one', () => {
    const notes = notesOf(['欢迎提问。如果现场没问完，', '可以在会后找我们，或者发', 'an email, 또는', '질문하세요.']);
    expect(notes).toBe('欢迎提问。如果现场没问完，可以在会后找我们，或者发 an email, 또는 질문하세요.');
  });
});
