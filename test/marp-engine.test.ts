/**
 * Our Marp packs each theme once (pure, no browser): a render gives the CSS
 * marp-core's own packing gives, whatever was rendered before it in the process.
 */
import { Marp as MarpCore } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { Marp } from '../src/export/marp-engine.js';

const THEME = '/* @theme plain */\nsection { color: #123456; }\n/* @size 4:3 960px 720px */';
const deck = (style: string, size = '') => `---\ntheme: plain\n${size}style: ${style}\n---\n\n# Hello\n`;

/** The CSS of `markdown` as marp-core packs it afresh, and as ours does, with `theme` under the name "plain". */
function both(markdown: string, theme = THEME): [string, string] {
  return [MarpCore, Marp].map((Engine) => {
    const marp = new Engine({ script: false });
    marp.themeSet.add(theme);
    return marp.render(markdown).css;
  }) as [string, string];
}

describe('the packed theme CSS', () => {
  it('is the one marp-core packs, for every deck rendered in turn', () => {
    const decks = [
      deck('"section { background: #abcdef; }"'),
      deck('"section { background: #fedcba; }"'),
      deck('"section { background: #abcdef; }"', 'size: 4:3\n'),
      deck('"section { background: #abcdef; }"'),
    ];
    const css = decks.map((markdown) => {
      const [expected, ours] = both(markdown);
      expect(ours).toBe(expected);
      return ours;
    });
    expect(css[0]).toContain('#abcdef');
    expect(css[1]).toContain('#fedcba');
    expect(css[2]).toMatch(/width:\s*960px/);
    expect(new Set(css).size).toBe(3);
  });

  it('follows a theme whose CSS changed under the same name', () => {
    const markdown = deck('""');
    const [, before] = both(markdown);
    const [expected, after] = both(markdown, THEME.replace('#123456', '#654321'));
    expect(after).toBe(expected);
    expect(after).toContain('#654321');
    expect(before).toContain('#123456');
  });
});
