/** The handout's page: what goes under which heading, the references as links, and slides per page. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { handoutDocument } from '../src/export/handout.js';
import { scriptDocument } from '../src/export/script.js';
import { compileData, minimalOutline } from './helpers.js';

const { deck } = compileData(minimalOutline());
const html = (layout: 1 | 2 | 3 = 3, paper: 'a4' | 'letter' = 'a4') =>
  handoutDocument(deck, { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' }, { layout, paper });

describe('the handout', () => {
  it('files the opening under Introduction and the References slide under References', () => {
    const sections = parse(html())
      .querySelectorAll('section.section')
      .map((section) => ({
        heading: section.querySelector('h2')?.text,
        slides: section.querySelectorAll('h3').map((h3) => h3.text.replace(/ ·.*/, '')),
      }));
    expect(sections).toEqual([
      { heading: 'Introduction', slides: ['1. A vs B'] },
      { heading: 'Main', slides: ['2. Main', '3. Head to head'] },
      { heading: 'References', slides: ['4. References'] },
    ]);
  });

  it('links each reference', () => {
    const item = parse(html()).querySelector('.reference-list li');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/one');
    expect(item?.querySelector('a')?.text).toBe('example.org/one');
  });

  it('lists each source on the line the References slide shows (fix: "Keras?." and "al.." in the handout)', () => {
    // Before, the handout joined title, publisher, address and date with ". " of its own.
    const outline = minimalOutline();
    outline.sources = [
      {
        id: 's1',
        title: 'What is the difference?',
        publisher: 'Abadi et al.',
        url: 'https://example.org/one',
        accessed: '2026-11-20',
      },
      { id: 's2', title: 'Plain', publisher: 'Example' },
    ];
    const { deck: cited } = compileData(outline);
    const document = parse(
      handoutDocument(cited, { slides: cited.slides.map(() => ''), css: '' }, { layout: 3, paper: 'a4' }),
    );
    const slide = cited.slides.find((s) => s.kind === 'references');
    const shown = slide?.kind === 'references' ? slide.sources : [];
    expect(shown.map((line) => line.text)).toEqual(['What is the difference? Abadi et al.', 'Plain. Example.']);
    const items = document.querySelectorAll('.reference-list li');
    expect(items.map((li) => li.text)).toEqual([
      'What is the difference? Abadi et al. example.org/one (accessed\u00a0November\u00a020,\u00a02026)',
      'Plain. Example.',
    ]);
    expect(items[0]?.querySelector('.accessed')?.text).toBe('(accessed\u00a0November\u00a020,\u00a02026)');
    // Beside the References slide, in its notes' place: no page of their own after the last slide.
    const references = document.querySelectorAll('article.item').find((item) => item.querySelector('.reference-list'));
    expect(references?.querySelector('h3')?.text).toMatch(new RegExp(`^\\d+\\. ${slide?.title} ·`));
    expect(references?.text).not.toContain('No notes for this slide');
    expect(document.querySelector('section.references')).toBeNull();
  });

  it('lists the sources after the last slide, under their title, when the talk shows no References slide', () => {
    const outline = { ...minimalOutline(), references: false };
    const { deck: unlisted } = compileData(outline);
    expect(unlisted.slides.some((s) => s.kind === 'references')).toBe(false);
    const document = parse(
      handoutDocument(unlisted, { slides: unlisted.slides.map(() => ''), css: '' }, { layout: 3, paper: 'a4' }),
    );
    const section = document.querySelector('section.references');
    expect(section?.querySelector('h2')?.text).toBe('References');
    expect(section?.querySelectorAll('.reference-list li').length).toBe(unlisted.references.lines.length);
    expect(unlisted.references.lines.length).toBeGreaterThan(0);
  });

  it('starts a slide of layouts 2 and 3 only where its strut fits, so that no more than 2 or 3 share a page', () => {
    // A4: 297 mm less 30 mm of margins; Letter: 279.4 mm. Each slide has 6 mm below it.
    for (const [paper, body] of [
      ['a4', 267],
      ['letter', 249.4],
    ] as const) {
      for (const layout of [2, 3] as const) {
        const strut = Number(
          new RegExp(`\\.layout-${layout} \\.item::before \\{ height: ([\\d.]+)mm; \\}`).exec(html(layout, paper))?.[1],
        );
        expect(layout * (strut + 6) - 6).toBeLessThanOrEqual(body);
        expect((layout + 1) * (strut + 6) - 6).toBeGreaterThan(body);
      }
    }
  });
});

describe('the pages versus sets itself, in Chinese, Japanese and Korean', () => {
  it("name the language's own Noto CJK face for their text and footers, whatever CJK fonts a machine has", () => {
    for (const [lang, face] of [
      ['ja', 'Noto Sans CJK JP'],
      ['ko-KR', 'Noto Sans CJK KR'],
      ['zh-TW', 'Noto Sans CJK TC'],
      ['zh-CN', 'Noto Sans CJK SC'],
    ] as const) {
      const { deck: talk } = compileData({ ...minimalOutline(), lang });
      const rendered = { slides: talk.slides.map(() => ''), css: '' };
      for (const page of [
        handoutDocument(talk, rendered, { layout: 3, paper: 'a4' }),
        scriptDocument(talk, rendered, 'a4'),
      ]) {
        const fonts = [...page.matchAll(/(?:html \{ font-family: |font: 8pt )([^;]+);/g)].map((m) => m[1]);
        expect(fonts, lang).toHaveLength(3); // the page, and the footer's title and page number
        for (const stack of fonts) expect(stack, lang).toContain(`'${face}'`);
      }
    }
  });
});
