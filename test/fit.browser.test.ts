/**
 * Slides that fit: long content is split by the planner's size budget, and
 * the browser measurement confirms nothing runs off any slide, in every theme.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkOutline } from '../src/check.js';
import { compileOutline } from '../src/compile.js';
import { SharedBrowser } from '../src/export/browser.js';
import { BUILT_IN_THEMES, resolveTheme } from '../src/export/marp.js';
import { measureSlides } from '../src/export/measure.js';
import { loadOutline } from '../src/outline/load.js';
import { describeWithBrowser, loadText, minimalOutline } from './helpers.js';

const LONG =
  'a cell with a whole paragraph in it, the kind of thing people paste from documentation when they are in a hurry and forget that slides are not documents';

function stressOutline(): string {
  const outline = minimalOutline();
  outline.contenders.push({ id: 'c', name: 'Gamma', color: '#1a7f37' });
  outline.sections = [
    {
      id: 'stress',
      title: 'Stress',
      slides: [
        {
          kind: 'comparison',
          id: 'forty-rows',
          title: 'Forty rows',
          rows: Array.from({ length: 40 }, (_, i) => ({
            aspect: `Aspect ${i + 1}`,
            cells: { a: `A${i}`, b: `B${i}`, c: `C${i}` },
            verdict: 'b',
          })),
        },
        {
          kind: 'comparison',
          id: 'long-cells',
          title: 'Very long cells',
          rows: Array.from({ length: 6 }, (_, i) => ({
            aspect: `Row ${i + 1} with a long aspect name`,
            cells: { a: LONG, b: `${LONG} ${LONG}`, c: 'short' },
          })),
        },
        {
          kind: 'bullets',
          id: 'many-bullets',
          title: 'Many bullets',
          lead: LONG,
          bullets: Array.from({ length: 25 }, (_, i) => `Point ${i + 1}: ${LONG.slice(0, 20 + ((i * 7) % 90))}`),
        },
        {
          kind: 'pros-cons',
          id: 'long-pros',
          title: 'Long pros and cons',
          pros: { a: Array(5).fill(LONG.slice(0, 60)), b: ['x'], c: ['y'] },
          cons: { a: Array(4).fill(LONG.slice(0, 50)), b: ['z'], c: ['w'] },
        },
      ],
    },
  ];
  return stringify(outline);
}

describeWithBrowser('nothing overflows, in any theme', () => {
  const browser = new SharedBrowser();
  afterAll(() => browser.close());

  for (const themeName of BUILT_IN_THEMES) {
    it(`splits a 40-row table, long cells, long lists and pros/cons into fitting slides (${themeName})`, async () => {
      const theme = await resolveTheme(themeName, '.');
      const { deck, markdown } = compileOutline(loadText(stressOutline()), { theme: themeName });
      const titles = deck.slides.map((s) => (s.part ? `${s.title} (${s.part.index}/${s.part.count})` : s.title));
      expect(titles.filter((t) => t.startsWith('Forty rows')).length).toBeGreaterThan(2);
      expect(titles.filter((t) => t.startsWith('Many bullets')).length).toBeGreaterThan(1);

      const measures = await measureSlides(await browser.get(), markdown, theme);
      expect(measures).toHaveLength(deck.slides.length);
      const overflowing = measures
        .filter((m) => m.bottom || m.right)
        .map((m) => `${titles[m.slide - 1]}: ${m.bottom}px/${m.right}px`);
      expect(overflowing).toEqual([]);

      // Every row is still there, once, with its header repeated on each part.
      const rows = deck.slides.flatMap((s) =>
        s.kind === 'comparison' && s.title === 'Forty rows' ? s.rows.map((r) => r.aspect) : [],
      );
      expect(rows).toEqual(Array.from({ length: 40 }, (_, i) => `Aspect ${i + 1}`));
      expect(markdown.match(/\| Alpha \| Beta \| Gamma \|/g)?.length).toBe(
        titles.filter((t) => /^(Forty rows|Very long cells)/.test(t)).length,
      );
    });

    it(`measures the shipped talk as fitting (${themeName}, both profiles)`, async () => {
      const loaded = await loadOutline(path.join(import.meta.dirname, '../outline.yaml'));
      const theme = await resolveTheme(themeName, '.');
      for (const profile of ['meetup', 'workshop']) {
        const { markdown } = compileOutline(loaded, { profile, theme: themeName });
        const overflowing = (await measureSlides(await browser.get(), markdown, theme)).filter(
          (m) => m.bottom || m.right,
        );
        expect(overflowing).toEqual([]);
      }
    });
  }

  it('catches a slide that does overflow, and check reports it with its position and exit status', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-overflow-'));
    const file = path.join(dir, 'outline.yaml');
    // One bullet too long for any slide: it cannot be split, so it must be reported.
    await writeFile(
      file,
      stringify({
        ...minimalOutline(),
        sections: [
          { id: 's', title: 'S', slides: [{ kind: 'bullets', title: 'Too much', bullets: [LONG.repeat(12)] }] },
        ],
      }),
    );
    const report = await checkOutline(file);
    const overflow = report.findings.filter((f) => f.code === 'overflow');
    expect(overflow).toHaveLength(1);
    // The finding points at the slide in the outline: the line where its mapping starts.
    const lines = (await readFile(file, 'utf8')).split('\n');
    const line = lines.findIndex((l) => l.includes('title: Too much'));
    expect(overflow[0]).toMatchObject({
      severity: 'error',
      slide: 4,
      line,
      col: (lines[line - 1]?.indexOf('kind') ?? 0) + 1,
    });
    expect(overflow[0]?.overflow?.bottom).toBeGreaterThan(50);
    expect(report.ok).toBe(false);
  });
});
