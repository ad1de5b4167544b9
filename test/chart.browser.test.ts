/**
 * Chart slides through the real exports: the HTML (opened in Chromium) holds
 * each chart as inline SVG, one bar per value with its value's text, and the
 * numbers as a table for screen readers; the slide PDF and the handout carry
 * the values as text (vector, selectable), and no chart overflows its slide.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it } from 'vitest';
import { type BuildResult, build } from '../src/commands/build.js';
import { handoutDocument } from '../src/export/handout.js';
import { renderSlides } from '../src/export/marp.js';
import { scriptDocument } from '../src/export/script.js';
import type { DeckSlide, PlannedChart } from '../src/plan/deck.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { sharedBrowser, testBrowser } from './browser.js';
import { describeWithBrowser } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/chart');
const temp = tempFolder('chart');

type ChartSlide = DeckSlide & PlannedChart;
const chartsOf = (result: BuildResult) =>
  result.compiled.deck.slides.flatMap((slide, i) =>
    slide.kind === 'chart' ? [{ slide: slide as ChartSlide, n: i + 1 }] : [],
  );

async function pdfPages(file: string): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items;
    pages.push(items.flatMap((item) => ('str' in item ? [item.str] : [])).join(' '));
  }
  return pages;
}

describeWithBrowser('charts in the HTML and the PDFs', { concurrent: true }, () => {
  const built = new Map<string, BuildResult>();
  beforeAll(async () => {
    for (const name of ['charts', 'six', 'arabic']) {
      const outDir = await temp.dir();
      const result = await build(path.join(FIXTURES, `${name}.yaml`), {
        outDir,
        formats: ['md', 'html', 'pdf', 'handout', 'script'],
        browser: sharedBrowser(),
      });
      built.set(name, result);
    }
  });
  const file = (result: BuildResult, ext: string) =>
    result.files.find((f) => path.basename(f) === `${result.compiled.deck.meta.slug}${ext}`) as string;

  it('fits every chart slide: nothing overflows as Chromium lays it out', () => {
    for (const result of built.values()) expect(result.overflows).toEqual([]);
  });

  it('draws each chart inline in the HTML: one bar per value with its value, and a hidden table of the numbers', async () => {
    for (const result of built.values()) {
      const page = await (await testBrowser()).newPage();
      try {
        await page.goto(pathToFileURL(file(result, '.html')).href, { waitUntil: 'load' });
        for (const { slide, n } of chartsOf(result)) {
          const found = await page.evaluate((n) => {
            const section = document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')[n - 1];
            const svg = section?.querySelector('svg.chart');
            const table = section?.querySelector('.sr-only table');
            const hidden = table ? (table.parentElement as HTMLElement).getBoundingClientRect() : undefined;
            return {
              bars: [...(svg?.querySelectorAll('rect:not([rx])') ?? [])].map((r) => r.getAttribute('fill')),
              texts: [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent),
              rows: [...(table?.querySelectorAll('tr') ?? [])].map((tr) =>
                [...tr.children].map((cell) => cell.textContent),
              ),
              hiddenSize: hidden ? hidden.width * hidden.height : -1,
              image: section?.querySelector('img.chart') !== null,
            };
          }, n);
          const colorOf = (id: string) => result.compiled.deck.contenders.find((c) => c.id === id)?.color;
          const drawn = slide.chart.bars.filter((bar) => bar.value !== null);
          expect(found.image).toBe(false);
          expect(found.bars).toEqual(drawn.map((bar) => colorOf(bar.contender)));
          for (const bar of slide.chart.bars) expect(found.texts).toContain(bar.label.lines.join(''));
          // The table: a header row, then one row per group with every value (the best one named in words).
          expect(found.rows).toHaveLength(slide.groups.length + 1);
          for (const [g, group] of slide.groups.entries()) {
            for (const [i, text] of group.texts.entries()) expect(found.rows[g + 1]?.[i + 1]).toContain(text);
          }
          expect(found.hiddenSize).toBeLessThanOrEqual(1);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('frames each printed slide in the handout and the script, not the chart on it', async () => {
    const result = built.get('charts') as BuildResult;
    const rendered = await renderSlides(result.compiled.markdown, await resolveTheme('versus', '.'));
    const documents = [
      handoutDocument(result.compiled.deck, rendered, { layout: 3, paper: 'a4' }),
      scriptDocument(result.compiled.deck, rendered, 'a4'),
    ];
    for (const html of documents) {
      const page = await (await testBrowser()).newPage();
      try {
        await page.setContent(html);
        const borders = await page.evaluate(() => {
          const width = (selector: string) => [
            ...new Set([...document.querySelectorAll(selector)].map((e) => getComputedStyle(e).borderTopWidth)),
          ];
          return { slides: width('.thumb .marpit > svg'), charts: width('.thumb svg.chart') };
        });
        expect(borders.slides).toHaveLength(1);
        expect(borders.slides[0]).not.toBe('0px');
        expect(borders.charts).toEqual(['0px']);
      } finally {
        await page.close();
      }
    }
  });

  it('prints the values as text in the slide PDF (on the chart’s own page), the handout and the script', async () => {
    for (const result of built.values()) {
      const pages = await pdfPages(file(result, '.pdf'));
      expect(pages).toHaveLength(result.compiled.deck.slides.length);
      for (const { slide, n } of chartsOf(result)) {
        const text = (pages[n - 1] ?? '').replace(/\s+/g, ' ');
        // Right-to-left words come out of a PDF in glyph order: the numbers are compared, and "n/a" where it reads left to right.
        const rtl = result.compiled.deck.meta.lang === 'ar';
        for (const group of slide.groups) {
          for (const value of group.texts) if (!rtl || /\d/.test(value)) expect(text).toContain(value);
        }
        for (const tick of slide.chart.ticks) expect(text).toContain(tick.lines[0]);
      }
      const numbers = chartsOf(result).flatMap(({ slide }) => slide.groups.flatMap((g) => g.texts));
      for (const printed of ['.handout.pdf', '.script.pdf']) {
        const text = (await pdfPages(file(result, printed))).join(' ').replace(/\s+/g, ' ');
        for (const value of numbers.filter((n) => /\d/.test(n))) expect(text).toContain(value);
      }
    }
  });
});
