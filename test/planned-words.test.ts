/**
 * The words versus adds to a slide are planned once and every output prints
 * the planned strings: a German talk's tie, sources line, pros and cons
 * labels, table header, chart table words and QR code text are German in the
 * deck, and the markdown and the PowerPoint hold exactly those strings. No
 * browser: the PowerPoint is the native one, read with JSZip.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoutDocument } from '../src/export/handout.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { scriptDocument } from '../src/export/script.js';
import { type Compiled, runSheet } from '../src/pipeline/compile.js';
import type { DeckSlide } from '../src/plan/deck.js';
import { planPresenter } from '../src/plan/presenter.js';
import { compileData, minimalOutline } from './helpers.js';
import { decodeXml } from './xml-parts.js';

type Kind<K extends DeckSlide['kind']> = Extract<DeckSlide, { kind: K }>;

/** A talk in `lang` with a tied comparison row citing a source, pros and cons, a chart and a QR code. */
function talk(lang: string, labels?: Record<string, string>): Compiled {
  const outline = minimalOutline();
  Object.assign(outline, { lang, url: 'https://example.org/talk', ...(labels ? { labels } : {}) });
  const slides = outline.sections[0]?.slides ?? [];
  Object.assign(slides[0] ?? {}, {
    rows: [
      { aspect: 'Speed', cells: { a: 'Fast', b: 'Slow' }, verdict: 'a' },
      { aspect: 'Docs', cells: { a: 'Good', b: 'Good' }, verdict: 'tie' },
    ],
  });
  slides.push(
    { kind: 'pros-cons', id: 'pc', title: 'PC', notes: 'N.', pros: { a: ['Small'] }, cons: { b: ['Big'] } },
    {
      kind: 'chart',
      id: 'chart',
      title: 'Chart',
      notes: 'N.',
      metric: { title: 'Speed', unit: 'ms', higherIsBetter: false },
      groups: [{ label: 'Fit', values: { a: 1, b: 2 } }],
    },
  );
  return compileData(outline);
}

/** The text of each slide of a native PowerPoint, in order: its runs joined, and its XML. */
async function pptxSlides(compiled: Compiled): Promise<{ text: string; xml: string }[]> {
  const zip = await JSZip.loadAsync(await exportNativePptx(compiled.deck));
  return Promise.all(
    compiled.deck.slides.map(async (_, i) => {
      const xml = (await zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string')) ?? '';
      const text = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join('');
      return { text, xml };
    }),
  );
}

const slideOf = <K extends DeckSlide['kind']>(compiled: Compiled, kind: K): [Kind<K>, number] => {
  const index = compiled.deck.slides.findIndex((s) => s.kind === kind);
  return [compiled.deck.slides[index] as Kind<K>, index];
};
/** The markdown of each slide, in order (the first after the front matter). */
const markdownSlides = (compiled: Compiled) => compiled.markdown.split('\n\n---\n\n');

describe('a German talk', () => {
  const german = talk('de');
  let pptx: { text: string; xml: string }[];
  beforeAll(async () => {
    pptx = await pptxSlides(german);
  });

  it('plans its comparison’s words in German, and both outputs show exactly them', () => {
    const [table, index] = slideOf(german, 'comparison');
    expect(table.sourcesLine).toBe('Belege: [1]');
    expect(table.tieLabel).toEqual({ text: 'Gleichstand', shown: 'GLEICHSTAND' });
    expect(table.aspectLabel).toBe('Aspekt');
    const markdown = markdownSlides(german)[index] ?? '';
    // The markdown escapes the brackets; the theme's CSS shows the tie in capitals.
    expect(markdown).toContain("<!-- _footer: 'Belege: \\[1\\]' -->");
    expect(markdown).toContain('<span class="tie">Gleichstand</span>');
    expect(markdown).toContain('<span class="sr-only">Aspekt</span>');
    const { text } = pptx[index] ?? { text: '' };
    expect(text).toContain('Belege: [1]');
    expect(text).toContain(`Docs ${table.tieLabel.shown}`);
    expect(`${markdown}${text}`).not.toMatch(/Sources|>tie<|TIE|>Aspect</);
  });

  it('plans the table’s row heights, measured with the tie’s capitals, and the PowerPoint’s rows are that tall', () => {
    const [table, index] = slideOf(german, 'comparison');
    const heights = table.rowHeights ?? [];
    expect(heights).toHaveLength(table.rows.length + 1);
    // 96 px an inch, 914 400 EMU an inch.
    const rows = [...(pptx[index]?.xml ?? '').matchAll(/<a:tr h="(\d+)"/g)].map((m) => Number(m[1]) / 9525);
    expect(rows.map(Math.round)).toEqual(heights.map(Math.round));
  });

  it('plans the pros and cons labels, the chart’s table words and the QR code’s text in German', () => {
    const [pros, index] = slideOf(german, 'pros-cons');
    expect([pros.prosLabel, pros.consLabel]).toEqual([
      { text: 'Vorteile', shown: 'VORTEILE' },
      { text: 'Nachteile', shown: 'NACHTEILE' },
    ]);
    const markdown = markdownSlides(german)[index] ?? '';
    expect(markdown).toContain('**Vorteile**');
    expect(markdown).toContain('**Nachteile**');
    expect(pptx[index]?.text).toContain('VORTEILE');
    expect(pptx[index]?.text).toContain('NACHTEILE');

    const [chart, at] = slideOf(german, 'chart');
    expect([chart.groupLabel, chart.bestLabel]).toEqual(['Aspekt', 'am besten']);
    expect(markdownSlides(german)[at]).toMatch(/<tr><th>Aspekt<\/th>.*\(am besten\)/);

    const [title] = slideOf(german, 'title');
    expect(title.qr?.alt).toBe('QR-Code: https://example.org/talk');
    expect(pptx[0]?.xml).toContain('descr="QR-Code: https://example.org/talk"');
  });
});

describe('the talk’s clock', () => {
  it('is planned once: the run sheet, the script, the handout and the presenter view write the planned times', () => {
    const german = talk('de');
    const { deck } = german;
    expect(deck.length.slides).toBe(`${deck.slides.length} Folien`);
    expect(deck.length.minutes).toMatch(/^\d+(,\d+)?\u00a0Min\.$/);
    expect(deck.slides[1]?.times).toEqual({
      start: deck.slides[0]?.times.end,
      length: '0,25\u00a0Min.',
      end: '0:30',
    });
    const sheet = runSheet(german);
    const rendered = { slides: deck.slides.map(() => ''), css: '' };
    const script = scriptDocument(deck, rendered, 'a4');
    const handout = handoutDocument(deck, rendered, { layout: 3, paper: 'a4' });
    expect(sheet).toContain(`${deck.length.slides}, ${deck.length.minutes}`);
    expect(handout).toContain(deck.length.slides);
    expect(script).toContain(deck.length.minutes);
    const presenter = planPresenter(deck).slides;
    for (const [i, { times, heading, sourcesLine }] of deck.slides.entries()) {
      expect(sheet).toContain(`| ${i + 1} | ${times.start} | ${heading} |`);
      expect(sheet).toContain(`| ${times.length} | ${times.end} |`);
      expect(script).toContain(`<strong>${times.start}</strong> · ${times.length}</p>`);
      const meta = [times.length, ...(sourcesLine ? [sourcesLine] : [])].join(' · ');
      expect(handout).toContain(`${i + 1}. <bdi>${heading}</bdi> <span class="meta">·\u00a0${meta}</span>`);
      expect(presenter[i]).toMatchObject({ startText: times.start, lengthText: times.length });
    }
  });
});

describe('capitals', () => {
  it('are the talk language’s in the PowerPoint too, as the HTML’s CSS makes them (fix: a Turkish “i” kept its dot)', async () => {
    // Before, the PowerPoint upper-cased the pros and cons labels without the language: "EKSILER".
    const turkish = talk('tr', { pros: 'Artılar', cons: 'Eksiler' });
    const [pros, index] = slideOf(turkish, 'pros-cons');
    expect(pros.consLabel).toEqual({ text: 'Eksiler', shown: 'EKSİLER' });
    expect(pros.prosLabel.shown).toBe('ARTILAR');
    expect(markdownSlides(turkish)[index]).toContain('**Eksiler**');
    const text = (await pptxSlides(turkish))[index]?.text ?? '';
    expect(text).toContain('EKSİLER');
    expect(text).not.toContain('EKSILER');
  });
});
