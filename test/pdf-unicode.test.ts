/** ToUnicode maps that give a CJK glyph back as a radical give it back as its ideograph (no browser). */
import { describe, expect, it } from 'vitest';
import { ideographsOf, withIdeographs } from '../src/export/pdf-unicode.js';

const cmap = (mappings: string) => `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<00> <FF>
endcodespacerange
${mappings}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;

describe('text copied out of a printed PDF', () => {
  it('reads radicals as the ideographs they look like, and leaves other characters as they are', () => {
    // ⼀ KANGXI RADICAL ONE, ⻚ CJK RADICAL C-SIMPLIFIED LEAF, ⻑ CJK RADICAL LONG ONE; a full-width comma stays.
    expect(ideographsOf('⼀亿⾏，⻚⻑')).toBe('一亿行，页長');
  });

  it('maps each glyph of a font to the ideograph, in bfchar entries and bfrange runs alike', () => {
    const fixed = withIdeographs(
      cmap(`2 beginbfchar
<2E> <2F00>
<39> <FF0C>
endbfchar
1 beginbfrange
<40> <42> <2F00>
endbfrange`),
    );
    expect(fixed).not.toContain('beginbfrange');
    const entries = [...fixed.matchAll(/<([\dA-F]+)> <([\dA-F]+)>/g)].map(
      ([, source, target]) => `${source}>${target}`,
    );
    // ⼀ ⼁ ⼂ (U+2F00–2F02) are 一 丨 丶 (U+4E00, 4E28, 4E36).
    expect(entries).toEqual(['00>FF', '2E>4E00', '39>FF0C', '40>4E00', '41>4E28', '42>4E36']);
    expect(fixed).toMatch(/^\/CIDInit[\s\S]*1 begincodespacerange[\s\S]*endcmap[\s\S]*end\nend$/);
  });

  it('leaves a map without radicals untouched', () => {
    const plain = cmap('1 beginbfchar\n<2E> <4E00>\nendbfchar');
    expect(withIdeographs(plain)).toBe(plain);
  });
});
