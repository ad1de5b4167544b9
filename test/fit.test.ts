/**
 * The planner's fitting decisions, without a browser: what splits, what
 * scales, what wraps, and what stays on one slide. (fit.browser.test.ts
 * measures the results in Chromium.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import type { DeckSlide } from '../src/plan/deck.js';
import { codeWidth, columnWidth, tableWidths } from '../src/plan/fit/blocks.js';
import { CONTINUATION, codeBreakCost, wrapCodeLine } from '../src/plan/fit/code.js';
import { hyphenatorFor, SOFT_HYPHEN } from '../src/plan/fit/hyphenate.js';
import { paginate } from '../src/plan/fit/paginate.js';
import {
  balancedLines,
  hyphenateOverWide,
  lineCount,
  longestWord,
  textWidth,
  wrapLines,
} from '../src/plan/fit/text.js';
import { ADDRESS_BREAK, SHOWN_ADDRESS_MAX, shortAddress, slashBreaks } from '../src/text/address.js';
import { CODE, CONTENT, TABLE, tablePadX } from '../src/theme/geometry.js';
import { compileData, compileText, minimalOutline } from './helpers.js';

type SlideData = Record<string, unknown>;

function compiledOf(slides: SlideData[], contenders = 2, extra: SlideData = {}) {
  const outline = minimalOutline();
  outline.contenders = Array.from({ length: contenders }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Contender ${i + 1}`,
    color: '#1f6feb',
  }));
  outline.sections = [{ id: 'main', title: 'Main', slides: slides as never }];
  return compileData({ ...outline, ...extra });
}

const deckOf = (slides: SlideData[], contenders = 2, extra: SlideData = {}) =>
  compiledOf(slides, contenders, extra).deck;

const GENERATED = new Set(['title', 'agenda', 'divider', 'references']);
const authored = (slides: DeckSlide[]) => slides.filter((s) => !GENERATED.has(s.kind));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

describe('text layout', () => {
  it('measures with the fonts’ widths: a W is wider than an i, a CJK character is a full em', () => {
    const font = { face: 'sans', size: 28 } as const;
    expect(textWidth('W', font)).toBeGreaterThan(2 * textWidth('i', font));
    expect(textWidth('数', font)).toBe(28);
    expect(textWidth('ab', { face: 'bold', size: 28 })).toBeGreaterThan(textWidth('ab', font));
  });

  it('wraps at spaces, between CJK characters, and inside a word only when the word is wider than the line', () => {
    const font = { face: 'sans', size: 20 } as const;
    expect(lineCount('short words here', font, 1000)).toBe(1);
    expect(lineCount('short words here', font, textWidth('short words', font) + 1)).toBe(2);
    expect(lineCount('数'.repeat(20), font, 200)).toBe(2);
    // A no-break space joins the words beside it, as in the slides ("10 GB", the French "Point :").
    const joined = 'Deux mots\u00a0: ensemble';
    const narrow = textWidth('Deux mots', font) + 1;
    expect(wrapLines(joined, font, narrow)).toEqual(['Deux', 'mots\u00a0:', 'ensemble']);
    expect(wrapLines(joined.replace('\u00a0', ' '), font, narrow)).toEqual(['Deux mots', ':', 'ensemble']);
    // And the markdown keeps it, so that the browser does not break there either.
    const { markdown } = compiledOf([{ kind: 'bullets', title: 'B', bullets: [joined] }]);
    expect(markdown).toContain('Deux mots\u00a0: ensemble');
    // A hyphen breaks a word, but not an address, whose link keeps it with the letter after it.
    const address = 'Write to https://example.org/people/jonas-mueller today';
    const atHyphen = textWidth('Write to https://example.org/people/jonas-', font) + 1;
    expect(wrapLines(address, font, atHyphen)).toEqual([
      'Write to',
      'https://example.org/people/jonas-mueller',
      'today',
    ]);
    // A long word breaks after its slashes, a short one and an address nowhere: Chromium breaks none by itself.
    const licences = 'RSALv2/SSPLv1/AGPLv3 and/or';
    expect(wrapLines(licences, font, textWidth('RSALv2/SSPLv1/', font) + 1)).toEqual([
      'RSALv2/SSPLv1/',
      'AGPLv3 and/or',
    ]);
    expect(wrapLines(licences, font, textWidth('RSALv2/', font) + 1)).toEqual([
      'RSALv2/',
      'SSPLv1/',
      'AGPLv3',
      'and/or',
    ]);
    expect(compiledOf([{ kind: 'bullets', title: 'B', bullets: [licences] }]).markdown).toContain(
      'RSALv2/<wbr>SSPLv1/<wbr>AGPLv3 and/or',
    );
    // In Japanese text too, whose phrases the planner splits the same way.
    const japanese = compiledOf([{ kind: 'bullets', title: 'B', bullets: [`ライセンスは${licences}です`] }], 2, {
      lang: 'ja',
    });
    expect(japanese.markdown).toContain('RSALv2/<wbr>SSPLv1/<wbr>AGPLv3');
    // Versions are no host name: a licence list breaks after its slashes, never before a hyphen ("-2.0/RCL").
    const versions = 'BSL-1.1/Apache-2.0/RCL';
    expect(wrapLines(versions, font, textWidth('BSL-1.1/Apache-2', font) + 1)).toEqual(['BSL-1.1/', 'Apache-2.0/RCL']);
    expect(compiledOf([{ kind: 'bullets', title: 'B', bullets: [versions] }]).markdown).toContain(
      'BSL<span class="nobr">\\-1</span>.1/<wbr>Apache<span class="nobr">\\-2</span>.0/<wbr>RCL',
    );
    const host = 'See github.com/onnx/tensorflow-onnx';
    expect(wrapLines(host, font, textWidth(host, font) - 1)).toEqual(['See', 'github.com/onnx/tensorflow-onnx']);
    expect(wrapLines('a well-known word', font, textWidth('a well-', font) + 1)[0]).toBe('a well-');
    expect(compiledOf([{ kind: 'bullets', title: 'B', bullets: [address] }]).markdown).toContain(
      'jonas<span class="nobr">\\-m</span>ueller',
    );
    // Korean keeps its words whole, as Chinese does not its characters.
    const korean = '디자인을 픽셀 단위로 통일하고 싶을 때';
    expect(wrapLines(korean, font, textWidth('디자인을 픽셀 단위로 통일', font) + 1)).toEqual([
      '디자인을 픽셀 단위로',
      '통일하고 싶을 때',
    ]);
    expect(lineCount('x'.repeat(100), font, textWidth('x'.repeat(40), font))).toBe(3);
  });

  it('balances a title: as many lines as wrapping gives, of even length, no word broken', () => {
    const font = { face: 'bold', size: 68 } as const;
    const width = textWidth('A vs B vs C vs D vs E vs F: hands-', font) + 1;
    expect(wrapLines('A vs B vs C vs D vs E vs F: hands-on', font, width)).toEqual([
      'A vs B vs C vs D vs E vs F: hands-',
      'on',
    ]);
    expect(balancedLines('A vs B vs C vs D vs E vs F: hands-on', font, width)).toEqual([
      'A vs B vs C vs D vs',
      'E vs F: hands-on',
    ]);
    expect(balancedLines('Short', font, width)).toEqual(['Short']);
    const cjk = '数据库的比较'.repeat(7);
    const lines = balancedLines(cjk, font, width);
    expect(lines).toHaveLength(wrapLines(cjk, font, width).length);
    expect(lines.join('')).toBe(cjk);
    expect(
      Math.max(...lines.map((l) => [...l].length)) - Math.min(...lines.map((l) => [...l].length)),
    ).toBeLessThanOrEqual(1);
  });
});

describe('a word too wide for its column', () => {
  const font = { face: 'sans', size: 20 } as const;

  it('breaks where its language hyphenates it, with room for the hyphen on each line', () => {
    const width = textWidth('Hochverfügbarkeits', font);
    const text = hyphenateOverWide('Die Hochverfügbarkeitskonfiguration', font, width, 'de-DE');
    // "Die" fits: left whole; the compound gets its breaks.
    expect(text.startsWith('Die Hoch')).toBe(true);
    expect(text.replaceAll(SOFT_HYPHEN, '')).toBe('Die Hochverfügbarkeitskonfiguration');
    const lines = wrapLines(text, font, width);
    expect(lines.every((line) => textWidth(`${line}-`, font) <= width)).toBe(true);
    // Every line but the last ends at a soft hyphen, where the browser draws a hyphen.
    expect(lines.slice(1, -1).every((line) => line.endsWith(SOFT_HYPHEN))).toBe(true);
    expect(lines.join(' ').replaceAll(SOFT_HYPHEN, '').replaceAll(' ', '')).toBe('DieHochverfügbarkeitskonfiguration');
  });

  it('never hyphenates an address, breaks it between its pieces, and has no patterns for a language written without them', () => {
    const address = 'https://example.org/Hochverfügbarkeitskonfiguration';
    // Where addresses break (after `//` and a slash, before a dot), never inside a name.
    expect(hyphenateOverWide(address, font, 50, 'de').split(ADDRESS_BREAK)).toEqual([
      'https://',
      'example',
      '.org/',
      'Hochverfügbarkeitskonfiguration',
    ]);
    expect(hyphenateOverWide(address, font, textWidth(address, font), 'de')).toBe(address);
    expect(hyphenatorFor('ja')).toBeUndefined();
    expect(hyphenateOverWide('データベース管理システム', font, 50, 'ja')).toBe('データベース管理システム');
    expect(hyphenatorFor('en')?.('internationalization')).toContain(SOFT_HYPHEN);
  });

  it('is hyphenated in a table only where the columns leave no room for it', () => {
    const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/fit/german-compounds.yaml'), 'utf8');
    const [table] = compileText(fixture).deck.slides.filter((slide) => slide.kind === 'comparison');
    if (table?.kind !== 'comparison') throw new Error('no table');
    const texts = table.rows.flatMap((row) => [row.aspect, ...Object.values(row.cells)]);
    expect(
      texts.filter((text) => text.includes(SOFT_HYPHEN)).map((text) => text.replaceAll(SOFT_HYPHEN, '-')),
    ).toContain('Hoch-ver-füg-bar-keits-kon-fi-gu-ra-ti-on');
    // Short words are never hyphenated.
    expect(texts.filter((text) => /^(Dateikopie|Replikatsätze)/.test(text))).toEqual(['Replikatsätze', 'Dateikopie']);
    // A table whose words fit has none.
    const english = compiledOf([
      { kind: 'comparison', title: 'T', rows: [{ aspect: 'Speed', cells: { c1: 'Fast enough', c2: 'Slow' } }] },
    ]);
    expect(english.markdown).not.toContain(SOFT_HYPHEN);
  });

  it('breaks a word in the widest column only, an identifier before its underscores, and keeps a unit whole', () => {
    const cells = {
      c1: '1,8 мс при 120 000 оп/с',
      c2: '3,2 мс с synchronous_commit = on',
      c3: '2,9 мс с innodb_flush_log_at_trx_commit = 1',
      c4: 'журналировании majority',
      c5: 'согласованности QUORUM',
    };
    const compiled = compiledOf(
      [{ kind: 'comparison', title: 'T', rows: [{ aspect: 'Горизонтальное масштабирование', cells }] }],
      5,
      { lang: 'ru' },
    );
    const [table] = compiled.deck.slides.filter((slide) => slide.kind === 'comparison');
    if (table?.kind !== 'comparison') throw new Error('no table');
    // Only the widest column's word breaks: before its underscores, without a hyphen it never had.
    expect(Object.entries(table.rows[0]?.cells ?? {}).filter(([id, text]) => text !== cells[id as 'c1'])).toEqual([
      ['c3', '2,9 мс с innodb\u200b_flush\u200b_log\u200b_at\u200b_trx\u200b_commit = 1'],
    ]);
    // Chromium would break after a slash beside a Cyrillic letter; the slides keep the unit whole, as planned.
    expect(compiled.markdown).toContain('<span class="nobr">оп/с</span>');
    expect(compiled.markdown).toContain('innodb<wbr>\\_flush<wbr>\\_log');
  });
});

describe('a dotted identifier in a table', () => {
  const identifier = 'org.apache.commons.lang3.builder.ReflectionToStringBuilder';
  const tableOf = (rows: SlideData[], contenders: number, names?: string[]) => {
    const compiled = compiledOf(
      [{ kind: 'comparison', title: 'Identifiers', rows }],
      contenders,
      names ? { contenders: names.map((name, i) => ({ id: `c${i + 1}`, name, color: '#1f6feb' })) } : {},
    );
    const [table] = compiled.deck.slides.filter((slide) => slide.kind === 'comparison');
    if (table?.kind !== 'comparison') throw new Error('no table');
    return { table, markdown: compiled.markdown };
  };

  it('breaks before its dots, never hyphenated, and a host name or a short one stays whole', () => {
    expect(slashBreaks(`see ${identifier}.`, '|')).toBe(
      'see org|.apache|.commons|.lang3|.builder|.ReflectionToStringBuilder.',
    );
    for (const word of ['docs.alpha.example.org', 'java.util.Map', 'e.g.', 'v1.2.3.4.5.6.7.8'])
      expect(slashBreaks(word, '|')).toBe(word);
  });

  it('no longer takes half the table: the long words share the room, each column balanced', () => {
    const cells = (a: string, b: string, f: string) => ({ c1: a, c2: b, c3: 'y', c4: 'z', c5: 'w', c6: f });
    const { table, markdown } = tableOf(
      [
        {
          aspect: 'Config key',
          cells: cells('spring.datasource.hikari.maximumPoolSizeForProductionWorkloads', 'x', identifier),
        },
        {
          aspect: 'Keyword',
          cells: cells(
            'Donaudampfschifffahrtsgesellschaftskapitänsmütze',
            'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz',
            'v',
          ),
        },
      ],
      6,
    );
    const [, a = 0, b = 0, , , , f = 0] = table.widths ?? [];
    // The identifier's column no longer holds it whole (571 px, beside two of 178 px): the three
    // columns of long words share the room alike.
    expect(f).toBeLessThan(300);
    expect(Math.max(a, b, f) - Math.min(a, b, f)).toBeLessThan(40);
    // The identifiers break before their dots, without a hyphen; the slides let them.
    expect(table.rows[0]?.cells.c1).not.toContain(SOFT_HYPHEN);
    expect(markdown).toContain('org<wbr>.apache<wbr>.commons');
  });

  it('gives a contender the room an aspect column would leave empty at the same table height', () => {
    const row = (aspect: string, texts: string[]) => ({
      aspect,
      cells: Object.fromEntries(texts.map((text, i) => [`c${i + 1}`, text])),
    });
    const { table } = tableOf(
      [
        row('Memory management', [
          'Ownership and borrowing',
          'Garbage collected (generational)',
          'Manual with explicit allocators',
          'Concurrent garbage collector',
          'RAII and smart pointers',
          'Garbage collected (OCaml 5 multicore)',
        ]),
        row('Concurrency model', [
          'async/await plus threads',
          'Green threads and STM',
          'Threads (async removed)',
          'Goroutines and channels',
          'std::thread, coroutines',
          'Effects and domains',
        ]),
        row('Package manager', [
          'cargo',
          'cabal / stack',
          'zig build (package manager built in)',
          'go modules',
          'vcpkg/conan/CMake FetchContent',
          'opam/dune',
        ]),
        row('Compile times on a medium codebase', ['Slow', 'Slow', 'Fast', 'Very fast', 'Slow to very slow', 'Fast']),
      ],
      6,
      ['Rust', 'Haskell', 'Zig', 'Go', 'C++', 'OCaml'],
    );
    const size = TABLE.dense;
    const room = (i: number) => ((table.widths?.[i] ?? 0) - tablePadX(size)) * 0.995;
    // "Manual / with / explicit / allocators" took four lines beside a 340 px aspect column.
    expect(lineCount('Manual with explicit allocators', { face: 'sans', size }, room(3))).toBeLessThanOrEqual(3);
  });
});

describe('a long web address in a bullet', () => {
  it('breaks after a slash or before ? and &, never inside a name, and keeps the word before it company', () => {
    const url =
      'https://www.example-research-institute.org/publications/2026/comparative-analysis/volume-1/chapter-1/section-1?utm_source=newsletter&utm_medium=email';
    const bullet = `Read ${url} before you tune anything`;
    const compiled = compiledOf([{ kind: 'bullets', title: 'Lessons learned', bullets: [bullet] }]);
    const [slide] = authored(compiled.deck.slides);
    const planned = slide?.kind === 'bullets' ? (slide.bullets[0] ?? '') : '';
    expect(planned.replaceAll(ADDRESS_BREAK, '')).toBe(bullet);
    const font = { face: 'sans', size: 28 } as const;
    const lines = wrapLines(planned, font, (CONTENT.width - 1.2 * 28) * 0.995);
    // "Read" starts the address's line, which ends after a slash; the next starts a path segment, not "e-1/".
    expect(lines[0]).toMatch(/^Read https:\/\/www\.example-research-institute\.org\/.*\/\u200b?$/u);
    expect(lines[1]).toMatch(/^volume-1\//u);
    // The slides and the PowerPoint link the whole address, breaking where the planner did.
    expect(compiled.markdown).toContain(`](<${url}>)`);
    expect(compiled.markdown).toContain('nalysis/<wbr>volume');
  });
});

describe('splitting only when needed, evenly', () => {
  it('puts 9 one-line bullets on one slide and splits 25 into three even parts', () => {
    const nine = authored(deckOf([{ kind: 'bullets', title: 'B', bullets: ids(9) }]).slides);
    expect(nine).toHaveLength(1);
    const parts = authored(deckOf([{ kind: 'bullets', title: 'B', bullets: Array(25).fill('One line') }]).slides);
    expect(parts.map((s) => (s.kind === 'bullets' ? s.bullets.length : 0))).toEqual([9, 8, 8]);
    expect(parts.map((s) => s.part)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
  });

  it('keeps ten one-line timeline events on one slide, closing their gaps up, and splits only what does not fit', () => {
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        when: `${2000 + i}`,
        text: 'A short event',
        contender: `c${(i % 2) + 1}`,
      }));
    const timeline = (n: number) =>
      authored(deckOf([{ kind: 'timeline', title: 'Key releases', events: events(n) }]).slides);
    // Nine fit at the theme's gap; ten only at the bullets' gap, which the slide then uses (measured, no fixed count).
    expect(timeline(9).map((s) => s.fit ?? {})).toEqual([{}]);
    expect(timeline(10).map((s) => s.fit)).toEqual([{ gap: 12 }]);
    // Twelve do not fit even so: two even parts at the theme's gap.
    expect(timeline(12).map((s) => (s.kind === 'timeline' ? [s.events.length, s.fit?.gap] : []))).toEqual([
      [6, undefined],
      [6, undefined],
    ]);
  });

  it('keeps a 6-row table with 4 contenders and short cells on one slide', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({
      aspect: `Aspect ${i}`,
      cells: Object.fromEntries(ids(4).map((id) => [id, 'Short'])),
    }));
    expect(authored(deckOf([{ kind: 'comparison', title: 'T', rows }], 4).slides)).toHaveLength(1);
  });

  it('keeps 8 short references on one slide', () => {
    const sources = Array.from({ length: 8 }, (_, i) => ({
      id: `s${i}`,
      title: `Source ${i}`,
      url: 'https://example.org',
    }));
    const deck = deckOf([{ kind: 'bullets', title: 'B', bullets: ['x'], sources: ['s0'] }], 2, { sources });
    expect(deck.slides.filter((s) => s.kind === 'references')).toHaveLength(1);
  });

  it('evens out pages: 7 items of three lines make 3 + 2 + 2 rather than 3 + 3 + 1', () => {
    const pages = paginate(Array(7).fill([100, 10]), 330);
    expect(pages?.map(([from, to]) => to - from)).toEqual([3, 2, 2]);
  });

  it('continues the numbers of a split agenda and exercise', () => {
    const sections = Array.from({ length: 15 }, (_, i) => ({
      id: `s${i}`,
      title: `Section ${i + 1}`,
      slides: [{ kind: 'exercise', title: 'Do', task: Array(20).fill('A step'), solution: 'x' }],
    }));
    const deck = compileData({ ...minimalOutline(), sections }).deck;
    const agenda = deck.slides.filter((s) => s.kind === 'agenda');
    expect(agenda.length).toBe(2);
    expect(agenda.map((s) => s.start ?? 1)).toEqual([
      1,
      (agenda[0]?.kind === 'agenda' && agenda[0].items.length + 1) || 0,
    ]);
    const exercise = deck.slides.filter((s) => s.kind === 'exercise' && s.section === 'Section 1');
    expect(exercise.length).toBeGreaterThan(1);
    expect(exercise[1]?.start).toBe((exercise[0]?.kind === 'exercise' && exercise[0].task.length + 1) || 0);
  });
});

describe('scaling and wrapping', () => {
  it('shrinks a 150-character title instead of letting it push the slide down', () => {
    const title = 'A title that goes on and on '.repeat(6).slice(0, 150);
    const [slide] = authored(deckOf([{ kind: 'bullets', title, bullets: ['x'] }]).slides);
    expect(slide?.fit?.title).toBeLessThan(44);
    expect(slide?.fit?.title).toBeGreaterThanOrEqual(32);
  });

  it('sizes a statement to its length', () => {
    const [short, long] = authored(
      deckOf([
        { kind: 'quote', title: 'S', text: 'Short.' },
        { kind: 'quote', title: 'L', text: 'A statement that runs for a whole paragraph. '.repeat(5) },
      ]).slides,
    );
    expect(short?.fit?.text).toBeUndefined();
    expect(long?.fit?.text).toBeLessThan(72);
  });

  it('wraps a long code line with a marker, keeping its indentation, and never cuts it', () => {
    const line = `    result = compute(${'argument, '.repeat(20)}last)`;
    const lines = wrapCodeLine(line, 400, 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const part of lines.slice(1)) expect(part.startsWith(`    ${CONTINUATION}`)).toBe(true);
    // Each row but the last ends with the whitespace the wrap took away, which the slides show at no width.
    expect(lines.map((l, i) => (i ? l.slice(4 + CONTINUATION.length) : l)).join('')).toBe(line);
    for (const part of lines) expect(textWidth(part.trimEnd(), { face: 'mono', size: 20 })).toBeLessThanOrEqual(400);
  });

  it('wraps a code line between operators, never inside one, and keeps a comment marker with its words', () => {
    const lines = [
      'result = combine(groupby(df, :region), :amount => mean => :amount_mean)',
      'if total >= limit && count != 0 || retries <= 3: total += step',
      'print(first(result, 5))  # the five regions that sold the most this year',
      'const x = compute(value); // the value the next step reads, kept for later',
      // No space on its first row: cut where it fills the row, not before a marker further on.
      `${'a'.repeat(44)} # b`,
    ];
    for (const line of lines) {
      for (let width = 160; width <= 560; width += 6) {
        const wrapped = wrapCodeLine(line, width, 20);
        for (const row of wrapped)
          expect(textWidth(row.trimEnd(), { face: 'mono', size: 20 })).toBeLessThanOrEqual(width);
        const rows = wrapped.map((row, i) => (i ? row.trimStart().slice(CONTINUATION.length) : row).trimEnd());
        for (const [i, row] of rows.slice(0, -1).entries()) {
          const next = rows[i + 1] ?? '';
          const at = `${line} at ${width}px: "${row}" | "${next}"`;
          // "=>" or ">=" cut in two reads as two operators.
          expect(/[=<>!&|+]$/.test(row) && /^[=<>&|]/.test(next), at).toBe(false);
          expect(/\s(#|\/\/)$/.test(row), at).toBe(false);
        }
      }
    }
  });

  it('wraps a code line between tokens, as an editor’s soft wrap does: never inside a name nor between brackets', () => {
    const lines = [
      'fn countWords(gpa: std.mem.Allocator, text: []const u8, map: *Counts) !void {',
      '            for (auto& [k, v] : local) totals[k] += v;',
      '                let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));',
      '        let totals = Arc::new(Mutex::new(HashMap::new()));',
    ];
    const rowsOf = (line: string, width: number, size: number) =>
      wrapCodeLine(line, width, size).map((row, i) => (i ? row.trimStart().slice(CONTINUATION.length) : row).trimEnd());
    for (const line of lines) {
      for (const size of [16, 18, 20]) {
        // From 40 characters, the narrowest pane's, to a wide one.
        const narrowest = Math.ceil(40 * textWidth('0', { face: 'mono', size }));
        for (let width = narrowest; width <= 720; width += 8) {
          const rows = rowsOf(line, width, size);
          for (const [i, row] of rows.slice(0, -1).entries()) {
            const next = rows[i + 1] ?? '';
            const at = `${line} at ${size}px in ${width}px: "${row}" | "${next}"`;
            // Cut with no space between: not between two of a name's characters.
            expect(line.includes(`${row}${next}`) && /\w$/.test(row) && /^\w/.test(next), at).toBe(false);
            expect(/[([{]$/.test(row) && /^[)\]}]/.test(next), at).toBe(false);
          }
        }
      }
    }
    // In a column of two at 18 px, as the slides showed `totals[` over `↪ k] += v` and `"{` over `↪ path}: {e}"`.
    const column = codeWidth(columnWidth(2));
    expect(rowsOf(lines[1] ?? '', column, 18)).toEqual(['            for (auto& [k, v] : local)', 'totals[k] += v;']);
    expect(rowsOf(lines[2] ?? '', column, 18).at(-1)).toBe('panic!("{path}: {e}"));');
  });

  it('wraps a web address in code after its path’s slashes or at its query, never inside its host name', () => {
    const lines = [
      '    response = requests.get("https://api.example-weather.com/v2/forecasts/daily?city=Berlin&units=metric")',
      'curl -fsSL https://raw.githubusercontent.com/some-org/some-repository/main/scripts/install.sh | bash',
      '# see https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup for the details',
    ];
    const rowsOf = (line: string, width: number, size: number) =>
      wrapCodeLine(line, width, size).map((row, i) => (i ? row.trimStart().slice(CONTINUATION.length) : row).trimEnd());
    for (const line of lines) {
      const host = /:\/\/([^/]+)/.exec(line) ?? { index: 0, 0: '' };
      const [hostStart, hostEnd] = [host.index + 3, host.index + host[0].length];
      for (const size of [16, 18, 20]) {
        for (let width = Math.ceil(40 * textWidth('0', { face: 'mono', size })); width <= 720; width += 8) {
          const rows = rowsOf(line, width, size);
          let end = 0;
          for (const [i, row] of rows.slice(0, -1).entries()) {
            const next = rows[i + 1] ?? '';
            end = line.indexOf(next, end + row.length - 1);
            const at = `${size}px in ${width}px: "${row}" | "${next}"`;
            expect(end > hostStart && end < hostEnd, at).toBe(false);
            // Nor inside a word of its path: `…/sc` over `↪ ripts/install.sh`.
            expect(/\w$/.test(row) && /^\w/.test(next) && line.includes(`${row}${next}`), at).toBe(false);
          }
        }
      }
    }
    // In a column of two at 18 px the host name had split before its dots: `https://api` over `↪ .example-weather`.
    expect(rowsOf(lines[0] ?? '', codeWidth(columnWidth(2)), 18)).toEqual([
      '    response = requests.get("https://',
      'api.example-weather.com/v2/forecasts/',
      'daily?city=Berlin&units=metric")',
    ]);
  });

  it('leaves no stray of three characters or fewer on a line’s last row when a break before it can take it', () => {
    const line = '    importe_en_euros_con_impuestos_incluidos_para_la_linea = 1';
    for (const size of [16, 18, 20]) {
      for (let width = Math.ceil(40 * textWidth('0', { face: 'mono', size })); width <= 720; width += 8) {
        const rows = wrapCodeLine(line, width, size);
        const last = (rows.at(-1) ?? '').trimStart().slice(rows.length > 1 ? CONTINUATION.length : 0);
        if (rows.length > 1) expect(last, `${size}px in ${width}px: ${rows.join(' | ')}`).not.toBe('1');
        for (const row of rows) expect(textWidth(row.trimEnd(), { face: 'mono', size })).toBeLessThanOrEqual(width);
      }
    }
    // As the Spanish talk's pane showed it, `…_linea =` over `↪ 1`.
    expect(wrapCodeLine(line, 560, 16)).toEqual([
      '    importe_en_euros_con_impuestos_incluidos_para_la_linea ',
      `    ${CONTINUATION}= 1`,
    ]);
  });

  it('splits an 80-line pane into even parts at the smallest readable size or above, between lines', () => {
    const code = Array.from({ length: 80 }, (_, i) => `value_${i} = compute(${i})`).join('\n');
    const parts = authored(deckOf([{ kind: 'code', title: 'C', panes: [{ contender: 'c1', code }] }]).slides);
    expect(parts.length).toBeGreaterThan(1);
    const counts = parts.map((s) => (s.kind === 'code' ? (s.panes[0]?.code ?? '').split('\n').length : 0));
    expect(counts.reduce((a, b) => a + b)).toBe(80);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    for (const part of parts) expect(part.fit?.code ?? 20).toBeGreaterThanOrEqual(16);
  });

  it('keeps a short pane whole on the first part, and the long one beside it goes on alone at the full width', () => {
    const short = Array.from({ length: 9 }, (_, i) => (i === 2 ? '' : `short_${i} = ${i}`)).join('\n');
    const long = Array.from(
      { length: 60 },
      (_, i) => `long_${i} = compute(${i}, ${'argument, '.repeat(i % 5)}last)`,
    ).join('\n');
    const compiled = compiledOf([
      {
        kind: 'code',
        title: 'C',
        panes: [
          { contender: 'c1', code: short },
          { contender: 'c2', code: long },
        ],
      },
    ]);
    const parts = authored(compiled.deck.slides);
    expect(parts.length).toBeGreaterThan(1);
    const panes = parts.map((s) => (s.kind === 'code' ? s.panes.map((p) => [p.contender, p.code]) : []));
    expect(panes[0]).toContainEqual(['c1', short]);
    expect(
      panes
        .slice(1)
        .flat()
        .map(([contender]) => contender),
    ).not.toContain('c1');
    const longShown = panes.flat().filter(([contender]) => contender === 'c2');
    const bare = (code: string) => code.replaceAll(CONTINUATION.trim(), '').replace(/\s+/g, '');
    expect(bare(longShown.map(([, code]) => code).join('\n'))).toBe(bare(long));
    // Alone, the long pane takes the whole width: its lines no longer wrap.
    expect(parts.map((part) => part.columns)).toEqual([2, ...parts.slice(1).map(() => 1)]);
    expect(parts.slice(1).map((part) => part.slots)).toEqual(parts.slice(1).map(() => undefined));
    expect(longShown.slice(1).some(([, code]) => code?.includes(CONTINUATION))).toBe(false);
  });

  it('cuts a pane that needs two parts in two, beside one that needs three', () => {
    const lines = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}_${i} = ${i}`).join('\n');
    const [shorter, longer] = [lines('a', 30), lines('b', 50)];
    const parts = authored(
      deckOf([
        {
          kind: 'code',
          title: 'C',
          panes: [
            { contender: 'c1', code: shorter },
            { contender: 'c2', code: longer },
          ],
        },
      ]).slides,
    );
    const shown = (contender: string) =>
      parts.flatMap((s) => (s.kind === 'code' ? s.panes.filter((p) => p.contender === contender) : []));
    expect(shown('c2').length).toBeGreaterThan(2);
    // Two even halves, the first filling its slide beside the longer pane's first part; not three thin thirds.
    expect(shown('c1').map((pane) => (pane.code ?? '').split('\n').length)).toEqual([15, 15]);
  });

  it('counts no room for a blank line where a part starts or ends: two functions that fill a slide each take one', () => {
    const partsOf = (code: string) =>
      authored(deckOf([{ kind: 'code', title: 'C', panes: [{ contender: 'c1', code }] }]).slides);
    const fn = (name: string, n: number) =>
      [`def ${name}():`, ...Array.from({ length: n - 1 }, (_, i) => `    ${name}_${i} = ${i}`)].join('\n');
    // The longest function one slide shows at the full size: two of them, a blank line between, take two.
    let most = 1;
    while (partsOf(fn('f', most + 1)).every((part) => part.fit?.code === undefined)) most++;
    const parts = partsOf(`${fn('first', most)}\n\n${fn('second', most)}`);
    const lengths = parts.map((part) => (part.kind === 'code' ? (part.panes[0]?.code ?? '').split('\n').length : 0));
    expect(lengths).toEqual([most, most]);
    expect(parts.map((part) => part.fit?.code)).toEqual([undefined, undefined]);
  });

  it('expands tabs in code, which the browser would draw 8 columns wide', () => {
    const [slide] = authored(
      deckOf([{ kind: 'code', title: 'C', panes: [{ contender: 'c1', code: '\tx = 1' }] }]).slides,
    );
    expect(slide?.kind === 'code' && slide.panes[0]?.code).toBe('    x = 1');
  });
});

describe('layouts for 2–6 contenders', () => {
  it('shows 5 short panes side by side on one slide', () => {
    const panes = ids(5).map((contender) => ({ contender, code: 'print("hi!")' }));
    const slides = authored(deckOf([{ kind: 'code', title: 'C', panes }], 5).slides);
    expect(slides).toHaveLength(1);
    expect(slides[0]?.columns).toBe(5);
  });

  it('stacks three one-line panes at the full size when their lines would wrap side by side', () => {
    const lines = [
      'df.groupby("city", as_index=False)["sales"].sum()',
      'df.group_by("city").agg(pl.col("sales").sum())',
      'SELECT city, sum(sales) FROM df GROUP BY city;',
    ];
    const panes = lines.map((code, i) => ({ contender: `c${i + 1}`, code }));
    const slides = authored(deckOf([{ kind: 'code', title: 'C', panes }], 3).slides);
    expect(slides).toHaveLength(1);
    expect(slides[0]?.columns).toBe(1);
    expect(slides[0]?.fit?.code).toBeUndefined();
    expect(slides[0]?.kind === 'code' && slides[0].panes.map((pane) => pane.code)).toEqual(lines);
  });

  it('gives a pane alone under two others the whole row, where its line stays whole', () => {
    // Two panes too tall to stack over a third, too wide for three side by side (a French talk's slide).
    const java = [
      'try (var producer = new KafkaProducer<String, String>(props)) {',
      '    producer.send(new ProducerRecord<>("commandes", cle, valeur),',
      '        (metadata, exception) -> {',
      '            if (exception != null) journal.error("échec de l\'envoi", exception);',
      '        });',
      '}',
    ].join('\n');
    const go = [
      'js, _ := jetstream.New(nc)',
      'ack, err := js.Publish(ctx, "commandes.creees", donnees)',
      'if err != nil {',
      '    log.Fatalf("publication impossible : %v", err)',
      '}',
      'fmt.Println("séquence", ack.Sequence)',
    ].join('\n');
    const python = 'r.xadd("commandes", {"id": commande_id, "montant": "42.50"}, maxlen=100_000)';
    const panes = [java, go, python].map((code, i) => ({ contender: `c${i + 1}`, code }));
    const [slide, ...more] = authored(deckOf([{ kind: 'code', title: 'C', panes }], 3).slides);
    expect(more).toEqual([]);
    expect(slide?.columns).toBe(2);
    expect(slide?.wide).toEqual([2]);
    expect(slide?.kind === 'code' && slide.panes[2]?.code).toBe(python);
    // In a cell of the grid the same line wraps: only the whole row keeps it whole.
    const inCell = wrapCodeLine(python, codeWidth(columnWidth(2)), slide?.fit?.code ?? CODE.size);
    expect(inCell.length).toBeGreaterThan(1);
  });

  it('shows three 10-line panes side by side on one slide, and five in even groups (3 + 2)', () => {
    const component = (name: string) =>
      Array.from({ length: 10 }, (_, i) =>
        i % 3 ? `  return rows.slice(0, ${i});` : `function ${name}${i}(rows) {`,
      ).join('\n');
    const three = authored(
      deckOf([{ kind: 'code', title: 'C', panes: ids(3).map((c) => ({ contender: c, code: component(c) })) }], 3)
        .slides,
    );
    expect(three.map((s) => s.kind === 'code' && s.panes.length)).toEqual([3]);
    const five = authored(
      deckOf([{ kind: 'code', title: 'C', panes: ids(5).map((c) => ({ contender: c, code: component(c) })) }], 5)
        .slides,
    );
    expect(five.map((s) => s.kind === 'code' && s.panes.length)).toEqual([3, 2]);
  });

  it('gives the pros and the cons parts of their own when they need more than one slide', () => {
    const items = (n: number, what: string) =>
      Array.from({ length: n }, (_, i) => `${what} number ${i + 1}, which takes a line or two in a column`);
    const pros = Object.fromEntries(ids(5).map((id, i) => [id, items(2 + (i % 3), 'An advantage')]));
    const cons = Object.fromEntries(ids(5).map((id, i) => [id, items(1 + (i % 2), 'A drawback')]));
    const parts = authored(deckOf([{ kind: 'pros-cons', title: 'P', pros, cons }], 5).slides);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      if (part.kind !== 'pros-cons') continue;
      expect(Object.keys(part.pros).length === 0 || Object.keys(part.cons).length === 0).toBe(true);
      // A part of fewer whole columns than the others spreads them over the width: no column's room stays empty.
      const whole = (side: 'pros' | 'cons') =>
        Object.entries(part[side]).every(([id, items]) => items.length === (side === 'pros' ? pros : cons)[id]?.length);
      const shown = new Set([...Object.keys(part.pros), ...Object.keys(part.cons)]).size;
      if (whole('pros') && whole('cons')) expect(part.columns).toBe(shown);
    }
    const shown = (side: 'pros' | 'cons') =>
      parts.flatMap((p) => (p.kind === 'pros-cons' ? Object.values(p[side]).flat() : []));
    expect(shown('pros').sort()).toEqual(Object.values(pros).flat().sort());
    expect(shown('cons').sort()).toEqual(Object.values(cons).flat().sort());
  });

  it('shows 6 contenders’ short pros and cons in a grid on one slide, and never leaves a column empty', () => {
    const lists = (text: string) => Object.fromEntries(ids(6).map((id) => [id, [text]]));
    const [slide, ...rest] = authored(
      deckOf([{ kind: 'pros-cons', title: 'P', pros: lists('Fast'), cons: lists('Big') }], 6).slides,
    );
    expect(rest).toHaveLength(0);
    expect(slide?.columns).toBeLessThanOrEqual(4);
    const long = 'A long advantage that takes a few lines in a narrow column of the slide';
    const parts = authored(deckOf([{ kind: 'pros-cons', title: 'P', pros: lists(long), cons: lists(long) }], 6).slides);
    for (const part of parts) {
      if (part.kind !== 'pros-cons') continue;
      for (const id of new Set([...Object.keys(part.pros), ...Object.keys(part.cons)])) {
        expect((part.pros[id]?.length ?? 0) + (part.cons[id]?.length ?? 0)).toBeGreaterThan(0);
      }
    }
    const shown = new Set(parts.flatMap((p) => (p.kind === 'pros-cons' ? Object.keys(p.pros) : [])));
    expect([...shown].sort()).toEqual(ids(6));
  });

  it('sizes table columns from their content: no word breaks, even with six contenders and long words', () => {
    const words = [
      'ReplicatedMergeTree',
      '(experimental)',
      'PostgreSQL-flavoured',
      'Materialized',
      'Hypertables',
      'Coordination',
    ];
    const rows = Array.from({ length: 12 }, (_, r) => ({
      aspect: r % 2 ? 'Precomputation' : 'Storage engine',
      cells: Object.fromEntries(ids(6).map((id, i) => [id, `${words[i]} engine ${r}`])),
    }));
    const parts = authored(deckOf([{ kind: 'comparison', title: 'T', rows }], 6).slides);
    for (const part of parts) {
      if (part.kind !== 'comparison') continue;
      const widths = part.widths ?? [];
      expect(widths.reduce((a, b) => a + b, 0)).toBe(CONTENT.width);
      const size = part.dense ? TABLE.dense : TABLE.size;
      const room = (i: number) => (widths[i] ?? 0) - tablePadX(size);
      for (const row of part.rows) {
        expect(longestWord(row.aspect, { face: 'bold', size })).toBeLessThan(room(0));
        ids(6).forEach((id, i) => {
          expect(longestWord(row.cells[id] ?? '', { face: 'sans', size })).toBeLessThan(room(i + 1));
        });
      }
    }
    // Twelve rows in even parts.
    const counts = parts.map((p) => (p.kind === 'comparison' ? p.rows.length : 0));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('keeps the aspect column as narrow as its words: the contenders share the room it leaves', () => {
    const cell = 'Fast';
    const rows = ['Speed', 'Cost', 'Community'].map((aspect) => ({
      aspect,
      cells: Object.fromEntries(ids(3).map((id) => [id, cell])),
    }));
    const [part] = authored(deckOf([{ kind: 'comparison', title: 'T', rows }], 3).slides);
    const widths = (part?.kind === 'comparison' && part.widths) || [];
    const size = TABLE.size;
    // Every width gives one line a row: the theme's 24% left the aspect column half empty.
    expect(widths[0]).toBeLessThan((tableWidths(3)[0] ?? 0) * 0.75);
    expect(widths[0]).toBeGreaterThan(textWidth('Community', { face: 'bold', size }) + tablePadX(size));
    expect(Math.max(...widths.slice(1)) - Math.min(...widths.slice(1))).toBeLessThanOrEqual(1);
  });

  it("leaves a tie's badge room beside a short aspect, as the theme draws it (margin, padding, border)", () => {
    const rows = ['Speed', 'Cost'].map((aspect) => ({ aspect, cells: { c1: 'Fast', c2: 'Slow' }, verdict: 'tie' }));
    const [part] = authored(deckOf([{ kind: 'comparison', title: 'T', rows }], 2).slides);
    const size = TABLE.size;
    const badge = textWidth('TIE', { face: 'bold', size: size * TABLE.tie }) + 8 + 2 * 6 + 2 * 2;
    const room = ((part?.kind === 'comparison' && part.widths?.[0]) || 0) - tablePadX(size);
    expect(room).toBeGreaterThan(textWidth('Speed ', { face: 'bold', size }) + badge);
  });

  it('splits a table by contenders only when one row cannot fit with all of them, and shows each contender', () => {
    const paragraph = 'A cell with a whole paragraph in it. '.repeat(9).trim();
    const rows = [{ aspect: 'Long', cells: Object.fromEntries(ids(6).map((id) => [id, paragraph])) }];
    const parts = authored(deckOf([{ kind: 'comparison', title: 'T', rows }], 6).slides);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.shown ?? []).sort()).toEqual(ids(6));
  });
});

describe('an exercise', () => {
  const steps = Array.from({ length: 30 }, (_, i) => `Step ${i + 1}: do one small thing`);
  const firstPart = (minutes?: number) =>
    authored(
      deckOf([{ kind: 'exercise', title: 'Practice', task: steps, solution: 'x', ...(minutes ? { minutes } : {}) }])
        .slides,
    )[0];

  it('keeps room for its timebox line only when the author set a time', () => {
    const timed = firstPart(10);
    const untimed = firstPart();
    expect(timed?.kind === 'exercise' && timed.timeboxLabel).toBe('10\u00a0min');
    expect(untimed?.kind === 'exercise' && untimed.timeboxLabel).toBe(undefined);
    const count = (slide: DeckSlide | undefined) => (slide?.kind === 'exercise' ? slide.task.length : 0);
    // The line a timebox takes holds one more step without it.
    expect(count(untimed)).toBeGreaterThan(count(timed));
  });
});

describe('the title slide', () => {
  it('shrinks the byline before it sets the title smaller than a slide heading, and starts a contact with its "·"', () => {
    const outline = {
      ...minimalOutline(),
      title: 'Kafka vs Pulsar vs RabbitMQ',
      subtitle: 'Message brokers in production, a field report',
      qr: 'https://forms.example.org/feedback/brokers-2026-autumn-conference?session=track-b-room-4&speaker=all',
      speakers: [
        {
          name: 'Maximilian Alexander von Hohenzollern-Sigmaringen-Wittelsbach',
          role: 'Principal Distributed Systems Architect at Example Corporation International',
          contact: 'https://mastodon.example.social/@maximilian.alexander.hohenzollern',
        },
        {
          name: 'Sri Venkata Lakshmi Narasimha Subrahmanya Chandrasekhara Sharma',
          role: 'Staff Site Reliability Engineer',
          contact: '@chandrasekhara_sharma_sre',
        },
        { name: 'Anne-Charlotte Marie-Thérèse de la Fontaine-Beauregard', role: 'Engineering Manager' },
        { name: 'Oluwaseun Adebayo-Okonkwo', contact: 'https://example.org/oluwaseun' },
      ],
      event: 'International Conference on Event-Driven Architectures and Streaming Platforms 2026',
      date: '2026-10-21',
    };
    const [title] = compileData(outline).deck.slides;
    // The title was 40 px (under the 44 px headings) beside a 28 px byline.
    expect(title?.fit?.title ?? 68).toBeGreaterThanOrEqual(44);
    expect(title?.fit?.byline).toBeLessThan(28);
    expect(title?.kind === 'title' && title.byline[3]).toBe(
      'Oluwaseun Adebayo-Okonkwo ·\u00a0https://example.org/oluwaseun',
    );
  });

  it('shrinks the byline rather than the title below a heading’s size when five speakers need the room', () => {
    const speaker = (name: string) => ({
      name,
      role: 'Principal engineer at a company with a long name',
      contact: `https://example.org/${name}`,
    });
    const outline = {
      ...minimalOutline(),
      title: 'Kafka vs Pulsar vs NATS: a panel after a year of running all three in production',
      subtitle: 'A panel of five practitioners compares three message brokers after a year in production at scale',
      speakers: ['ada', 'grace', 'katherine', 'margaret', 'radia'].map(speaker),
      event: 'Streaming Summit 2026, Hall B, Track 3 (afternoon session)',
      url: 'https://example.org/talks/brokers-panel',
    };
    const [title] = compileData(outline).deck.slides;
    // The byline gives way first, so the title stays as large as a slide's heading at least.
    expect(title?.fit).toMatchObject({ title: 44 });
    expect(title?.fit?.byline).toBeLessThan(28);
    // A short title slide keeps every size.
    expect(compileData(minimalOutline()).deck.slides[0]?.fit).toBeUndefined();
  });

  it('stands a panel too long to stack two speakers a row, in the slides and the PowerPoint', async () => {
    const speaker = (name: string) => ({
      name,
      role: 'Principal Database Engineer at Example Cloud Infrastructure GmbH',
      contact: `https://example.org/people/${name.toLowerCase()}-speaker-profile`,
    });
    const outline = {
      ...minimalOutline(),
      title: 'PostgreSQL vs MySQL vs SQLite vs MariaDB vs CockroachDB vs DuckDB: a panel after a year in production',
      subtitle: 'Six practitioners compare six databases after running all of them for a year, with numbers',
      speakers: ['Maria', 'Jonathan', 'Priyanka', 'Oluwaseun', 'Zhang', 'Anneliese'].map(speaker),
      event: 'Database Days Europe 2026, Main Hall, Afternoon Panel Session',
    };
    const compiled = compileData(outline);
    const [title] = compiled.deck.slides;
    expect(title?.fit).toMatchObject({ speakers: 2 });
    expect(compiled.markdown).toContain('<div class="speakers">');
    // Each speaker in a text box of its own, two a row, the event under them the slide's width.
    const zip = await JSZip.loadAsync(await exportNativePptx(compiled.deck));
    const xml = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    const columnsAt = new Map<string, Set<string>>();
    for (const [, x, y] of xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>/g)) {
      columnsAt.set(y as string, (columnsAt.get(y as string) ?? new Set()).add(x as string));
    }
    expect([...columnsAt.values()].filter((xs) => xs.size === 2)).toHaveLength(3);
    // Two short speakers still stand one a line.
    const two = compileData({ ...minimalOutline(), speakers: [{ name: 'Ada' }, { name: 'Bo' }] });
    expect(two.deck.slides[0]?.fit?.speakers).toBeUndefined();
  });
});

describe("a slide's time across its parts", () => {
  const bullets = Array.from({ length: 25 }, (_, i) => `Point ${i + 1}`);
  const parts = (extra: SlideData) =>
    authored(deckOf([{ kind: 'bullets', title: 'Many', bullets, notes: 'One line.', ...extra }]).slides);

  it('gives every part on screen a quarter minute at least when the time is estimated', () => {
    const estimated = parts({});
    expect(estimated.length).toBe(3);
    expect(estimated.map((part) => part.minutes)).toEqual([0.25, 0.25, 0.25]);
  });

  it('shares the minutes the author set as they are', () => {
    expect(parts({ minutes: 3 }).map((part) => part.minutes)).toEqual([1, 1, 1]);
    expect(parts({ minutes: 0.5 }).map((part) => part.minutes)).toEqual([0.25, 0.25, 0]);
  });
});

describe('the References slide', () => {
  it('plans each line once, as every output shows it: sentences, the address as browsers write it (shown without https://), the date', () => {
    const source = {
      id: 's1',
      title: 'Docs',
      publisher: 'Example',
      url: 'https://Example.org',
      accessed: '2026-11-20',
    };
    const slides = [{ kind: 'bullets', title: 'Why', bullets: ['Because'], sources: ['s1'] }];
    const { deck, markdown } = compiledOf(slides, 2, { sources: [source] });
    const references = deck.slides.find((slide) => slide.kind === 'references');
    expect(references?.kind === 'references' && references.sources).toEqual([
      {
        number: 1,
        text: 'Docs. Example.',
        url: 'https://example.org/',
        address: 'example.org',
        accessed: '(accessed\u00a0November\u00a020,\u00a02026)',
        gaps: { address: ' ', accessed: ' ' },
      },
    ]);
    expect(markdown).toContain(
      '1. Docs. Example. [example.org](<https://example.org/>) (accessed\u00a0November\u00a020,\u00a02026)',
    );
  });

  it('accepts an address of any length, and shows a long one as its host and the ends of its path, linking it whole', () => {
    const url = `https://www.example.org/search/results/compare?${'filter=column-store-engine&'.repeat(22)}end=1`;
    expect(url.length).toBeGreaterThan(600);
    const slides = [{ kind: 'bullets', title: 'Why', bullets: ['Because'], sources: ['s1'] }];
    const { deck, markdown } = compiledOf(slides, 2, { sources: [{ id: 's1', title: 'Search', url }] });
    const references = deck.slides.find((slide) => slide.kind === 'references');
    const [line] = references?.kind === 'references' ? references.sources : [];
    expect(line?.address).toBe('www.example.org/search/…/compare?…');
    expect(line?.url).toBe(url);
    expect(markdown).toContain(`[www.example.org/search/…/compare<span class="nobr">?…</span>](<${url}>)`);
    // The same rule short or long: https is understood, any other scheme shown.
    expect(shortAddress('https://example.org/a/b')).toBe('example.org/a/b');
    expect(shortAddress('https://example.org/')).toBe('example.org');
    expect(shortAddress('https://example.org/?q=1')).toBe('example.org/?q=1');
    expect(shortAddress('http://example.org/a')).toBe('http://example.org/a');
    expect(shortAddress(`http://example.org/${'c'.repeat(80)}`)).toMatch(/^http:\/\/example\.org\//);
    for (const long of [`https://${'a'.repeat(90)}.example.org/`, `https://example.org/${'b'.repeat(200)}`]) {
      expect(shortAddress(long).length).toBeLessThanOrEqual(SHOWN_ADDRESS_MAX);
    }
  });

  it('makes a bare address in text a link, in the markdown as in the PowerPoint', () => {
    const slides = [{ kind: 'bullets', title: 'Read', bullets: ['See https://example.org/a_b?x=1&y=2, then ask.'] }];
    const { markdown } = compiledOf(slides);
    expect(markdown).toContain(
      '- See [https://example.org/a\\_b<span class="nobr">?x</span>\\=1\\&y=2](<https://example.org/a_b?x=1&y=2>), then ask.',
    );
  });
});

describe('where long code splits', () => {
  it('keeps a line that only closes a block with the lines before it', () => {
    const units = ['class Alpha {', '  size = 1;', '}', 'class Beta {', '  size = 2;', '  ) {', '}'].map(
      (text, line) => ({
        lines: [text],
        line,
        first: true,
      }),
    );
    const cost = codeBreakCost(units, 100);
    // Before the lone "}" that closes Alpha costs more than before the next class.
    expect(cost(2)).toBeGreaterThan(cost(3));
    expect(cost(5)).toBeGreaterThan(cost(4));
  });
});
