/**
 * Property test of the chart planner, on the planned geometry alone (pure,
 * milliseconds a chart): random values — zero, negative, huge, tiny, missing —
 * for 2 to 6 contenders, one value each or up to a dozen groups, long labels
 * in several scripts, linear or log axes, left to right or right to left.
 * Every chart stays inside its slide's box under the title, every bar and
 * text inside the chart, no bar has a negative size, and every value has its bar.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { displayLength } from '../src/outline/text-length.js';
import type { ChartText, DeckSlide, PlannedChart } from '../src/plan/deck.js';
import { bodyBudget, sans, titleHeight } from '../src/plan/fit/blocks.js';
import { textWidth } from '../src/plan/fit/text.js';
import { CHART, H1 } from '../src/theme/geometry.js';
import { compileData } from './helpers.js';

const RUNS = process.env.CI ? 400 : 25;
const SEED = Number(process.env.CHART_SEED ?? 20261206);
const EPSILON = 0.01;

const WORDS = [
  'model',
  'training',
  'a',
  'SAM',
  'Gemma-7B',
  'production-grade',
  'Überprüfung',
  '数据库',
  '学習時間',
  'العربية',
  'internationalization',
  'X',
];
/** A label of up to `max` display characters (CJK counting twice, as the schema counts). */
const labelOf = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((words) => {
    let text = words.join(' ');
    while (displayLength(text) > max) text = text.slice(0, -1);
    return text.trim() || 'x';
  });
const label = labelOf(120);
const value = fc.oneof(
  fc.constant(0),
  fc.constant(null),
  fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-9, max: 1e-3, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(1e15, -1e15, 999_999_999_999),
);

const chartOutline = fc
  .record({
    contenders: fc.integer({ min: 2, max: 6 }),
    groups: fc.option(fc.array(label, { minLength: 1, maxLength: 12 }), { nil: undefined }),
    values: fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { minLength: 12, maxLength: 12 }),
    log: fc.boolean(),
    lang: fc.constantFrom('en', 'ar', 'ja'),
    higher: fc.boolean(),
    title: labelOf(100),
  })
  .map(({ contenders, groups, values, log, lang, higher, title }) => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, contenders);
    const table = (row: (number | null)[]) => Object.fromEntries(ids.map((id, i) => [id, row[i] ?? null]));
    const tables = (groups ?? [undefined]).map((_, g) => table(values[g] ?? []));
    // A log axis takes values above zero only (anything else is the schema's error).
    const logOk = log && tables.every((t) => Object.values(t).every((v) => v === null || v > 0));
    return {
      title: 'Charts',
      lang,
      contenders: ids.map((id, i) => ({ id, name: `${WORDS[i] ?? id} ${id}`, color: '#1f6feb' })),
      sections: [
        {
          id: 's',
          title: 'Numbers',
          slides: [
            {
              kind: 'chart',
              title,
              metric: { title: `${title} measured`, unit: 'ms', higherIsBetter: higher },
              ...(groups ? { groups: groups.map((l, g) => ({ label: l, values: tables[g] })) } : { values: tables[0] }),
              ...(logOk ? { scale: 'log' } : {}),
            },
          ],
        },
      ],
    };
  });

type ChartSlide = DeckSlide & PlannedChart;

/** The box a text takes: its lines' widths around its anchor, its lines' heights around their middles. */
function textBox(t: ChartText) {
  const width = Math.max(...t.lines.map((line) => textWidth(line, { face: t.bold ? 'bold' : 'sans', size: t.size })));
  const left = t.anchor === 'left' ? t.x : t.anchor === 'right' ? t.x - width : t.x - width / 2;
  const line = t.size * CHART.line;
  return { left, right: left + width, top: t.y - line / 2, bottom: t.y - line / 2 + t.lines.length * line };
}

it('lays every chart out inside its slide, no bar negative, every value with its bar', () => {
  fc.assert(
    fc.property(chartOutline, (outline) => {
      const { deck } = compileData(outline);
      const charts = deck.slides.filter((s): s is ChartSlide => s.kind === 'chart');
      expect(charts.length).toBeGreaterThan(0);
      const values = charts.flatMap((c) => c.groups.flatMap((g) => g.values));
      const authored = outline.sections[0]?.slides[0] as { values?: object; groups?: { values: object }[] };
      const expected = (authored.groups ?? [{ values: authored.values ?? {} }]).flatMap((g) => Object.values(g.values));
      expect(values).toEqual(expected);
      for (const slide of charts) {
        const { chart } = slide;
        // The chart's box fits under the title, as the planner sized it.
        const budget = bodyBudget(titleHeight(slide.heading, slide.fit?.title ?? H1.size));
        expect(chart.height).toBeLessThanOrEqual(budget + EPSILON);
        expect(chart.bars).toHaveLength(slide.groups.length * slide.series.length);
        for (const bar of chart.bars) {
          expect(bar.width).toBeGreaterThanOrEqual(0);
          expect(bar.height).toBeGreaterThanOrEqual(0);
          expect(bar.x).toBeGreaterThanOrEqual(-EPSILON);
          expect(bar.y).toBeGreaterThanOrEqual(-EPSILON);
          expect(bar.x + bar.width).toBeLessThanOrEqual(chart.width + EPSILON);
          expect(bar.y + bar.height).toBeLessThanOrEqual(chart.height + EPSILON);
          if (bar.value === null) expect(bar.width * bar.height).toBe(0);
        }
        const texts = [
          chart.caption,
          ...chart.ticks,
          ...chart.categories,
          ...chart.legend.map((l) => l.label),
          ...chart.bars.map((b) => b.label),
        ];
        for (const text of texts) {
          const box = textBox(text);
          expect(box.left).toBeGreaterThanOrEqual(-EPSILON);
          expect(box.right).toBeLessThanOrEqual(chart.width + EPSILON);
          expect(box.top).toBeGreaterThanOrEqual(-EPSILON);
          expect(box.bottom).toBeLessThanOrEqual(chart.height + EPSILON);
        }
        for (const entry of chart.legend) expect(entry.x + entry.size).toBeLessThanOrEqual(chart.width + EPSILON);
      }
      // Continuation parts share one axis.
      expect(new Set(charts.map((c) => JSON.stringify(c.axis))).size).toBe(1);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

it('measures label widths as the layout does (a sanity check of the helper)', () => {
  const box = textBox({ lines: ['abc'], x: 100, y: 50, anchor: 'right', size: 20 });
  expect(box.right).toBe(100);
  expect(box.left).toBeCloseTo(100 - textWidth('abc', sans(20)), 5);
});
