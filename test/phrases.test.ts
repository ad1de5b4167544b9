/**
 * Japanese phrases (text/phrases.ts): where the planner and the slides let a
 * line break. Joined, they give the text back, and no break falls inside a character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bold, sans } from '../src/plan/fit/blocks.js';
import { balancedLines, textWidth, wrapLines } from '../src/plan/fit/text.js';
import { japanesePhrases } from '../src/text/phrases.js';
import { LEAD_CONTENT } from '../src/theme/geometry.js';

describe('Japanese phrases', () => {
  it('split between words, not inside them, and leave text without kana alone', () => {
    expect(japanesePhrases('どのフレームワークを選ぶべきか？')).toEqual(['どの', 'フレームワークを', '選ぶべきか？']);
    expect(japanesePhrases('数据库比较')).toBeUndefined();
    expect(japanesePhrases('Plain English')).toBeUndefined();
  });

  it('split a long compound where its words meet, so that a narrow line never breaks inside a word', () => {
    const title = 'React・Vue・Svelte・SolidJS 徹底比較：2026年のフロントエンドフレームワーク選定ガイド';
    expect(japanesePhrases(title)?.slice(1)).toEqual(['フロントエンドフレームワーク', '選定', 'ガイド']);
    expect(japanesePhrases('実行時パフォーマンスが高い')).toEqual(['実行時', 'パフォーマンスが', '高い']);
    // The title slide's lines (LEAD_CONTENT at the smallest title size): "選定ガ" / "イド" before.
    const lines = balancedLines(title, bold(40), LEAD_CONTENT.width * 0.995);
    expect(lines.at(-1)?.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toMatch(/ガ\nイド/u);
    // A word wider than its line keeps three characters on its last line: never a lone "ん。".
    expect(wrapLines('abcdefghijklmnopq', sans(28), textWidth('abcdefghijklmnop', sans(28))).at(-1)).toBe('opq');
  });

  it('never cut a character: one beyond the first plane, a letter and its marks, an emoji sequence', () => {
    // BudouX reads UTF-16 units: it cut 𐀀 (U+10000) in two, and the slide lost it.
    for (const text of ['𐀀ざ', 'か\u3099きくけこ', '👩‍💻をつかう', 'テスト🇯🇵です']) {
      const phrases = japanesePhrases(text) ?? [];
      expect(phrases.join('')).toBe(text);
      const characters = [...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
      let at = 0;
      for (const phrase of phrases) {
        expect(characters).toContain(at);
        at += phrase.length;
      }
    }
  });

  it('give any text back whole when joined, cut only where characters start', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (tail) => {
        const text = `ひらがな${tail}`;
        const phrases = japanesePhrases(text) ?? [];
        expect(phrases.join('')).toBe(text);
        const starts = new Set(
          [...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(text)].map((s) => s.index),
        );
        let at = 0;
        for (const phrase of phrases) {
          expect(starts.has(at)).toBe(true);
          at += phrase.length;
        }
      }),
    );
  });
});
