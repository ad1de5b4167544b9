/**
 * Chart slides, planned and rendered, without a browser: the geometry the
 * planner lays out (bars, ticks, labels, parts), the SVG and the table for
 * screen readers the markdown carries, and the schema's errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Compiled } from '../src/pipeline/compile.js';
import type { DeckSlide, PlannedChart } from '../src/plan/deck.js';
import { chartNumber, chartScale } from '../src/plan/fit/chart-scale.js';
import { chartSvgOf } from '../src/text/chart-image.js';
import { unescapeHtml } from '../src/text/escape.js';
import { CHART } from '../src/theme/geometry.js';
import { compileText, diagnose } from './helpers.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/chart');
const compiled = (name: string): Compiled => compileText(readFileSync(path.join(FIXTURES, name), 'utf8'));
const two = compiled('charts.yaml');
const six = compiled('six.yaml');
const arabic = compiled('arabic.yaml');

type ChartSlide = DeckSlide & PlannedChart;

/** A talk of one chart slide, `fields` under its metric, with two or three contenders (a, b, c). */
function chartTalk(
  fields: string,
  { lang, contenders = 2 }: { lang?: string | undefined; contenders?: number } = {},
): string {
  const colors = ['#d00000', '#1f6feb', '#2e7d32'].slice(0, contenders);
  return `title: T
${lang ? `lang: ${lang}\n` : ''}contenders:
${colors.map((color, i) => `  - { id: ${'abc'[i]}, name: ${'ABC'[i]}, color: "${color}" }`).join('\n')}
sections:
  - id: s
    title: S
    slides:
      - kind: chart
        title: C
        metric: { title: Time, unit: ms, higherIsBetter: false }
${fields}`;
}
const chartsOf = (c: Compiled) => c.deck.slides.filter((s): s is ChartSlide => s.kind === 'chart');

/** The slides' markdown, one chunk per slide. */
const slidesOf = (c: Compiled) => c.markdown.split('\n---\n').slice(1);

describe('the planned geometry', () => {
  it('has one bar per value, in the outline order, with its value written and missing values as "n/a"', () => {
    const [groups] = chartsOf(two).filter((s) => s.title === 'Step time per model');
    expect(groups?.series).toEqual(['keras', 'torch']);
    expect(groups?.groups.map((g) => g.values)).toEqual([
      [268, 1300],
      [175, null],
      [312, 340.5],
    ]);
    const bars = groups?.chart.bars ?? [];
    expect(bars.map((b) => [b.contender, b.value, b.label.lines.join(' ')])).toEqual([
      // One format for every value of the chart: the decimals of 340.5 on each.
      ['keras', 268, '268.0 ✓'],
      ['torch', 1300, '1,300.0'],
      ['keras', 175, '175.0'],
      ['torch', null, 'n/a'],
      ['keras', 312, '312.0 ✓'],
      ['torch', 340.5, '340.5'],
    ]);
    // A missing value draws nothing, never a bar of zero height standing for a value.
    const missing = bars.find((b) => b.value === null);
    expect(missing?.height).toBe(0);
    expect(missing?.label.muted).toBe(true);
    // Bars are as long as their values: 1300 is about five times 268.
    const [sam, torchSam] = bars;
    expect((torchSam?.height ?? 0) / (sam?.height ?? 1)).toBeCloseTo(1300 / 268, 1);
  });

  it('marks the best value of each group by a symbol and bold text, not by color alone', () => {
    const [one] = chartsOf(two);
    const best = one?.chart.bars.filter((b) => b.best) ?? [];
    expect(best.map((b) => [b.contender, b.label.lines[0], b.label.bold])).toEqual([['keras', '12.5 ✓', true]]);
    // Higher is better on the log chart: the highest of each group.
    const log = chartsOf(two).find((s) => s.scale === 'log');
    expect(log?.chart.bars.filter((b) => b.best).map((b) => b.value)).toEqual([4500, 120000]);
  });

  it('stands columns up when every label fits under them, and lays bars down for long labels', () => {
    const byTitle = (title: string) => chartsOf(two).find((s) => s.title === title)?.chart;
    expect(byTitle('Step time per model')?.horizontal).toBe(false);
    const long = byTitle('Memory change after the upgrade');
    expect(long?.horizontal).toBe(true);
    // Each label beside its bars, at the plot's start, wrapped to several lines.
    for (const label of long?.categories ?? []) {
      expect(label.anchor).toBe('right');
      expect(label.x).toBeLessThanOrEqual(long?.plot.x ?? 0);
    }
    expect(long?.categories.some((label) => label.lines.length > 2)).toBe(true);
  });

  it('grows bars from zero both ways: a negative value to the start side, with its value beyond its end', () => {
    const long = chartsOf(two).find((s) => s.title === 'Memory change after the upgrade')?.chart;
    const negative = long?.bars.find((b) => b.value === -120);
    const positive = long?.bars.find((b) => b.value === 35);
    const zero = long?.baseline.x1 ?? 0;
    expect(negative && negative.x + negative.width).toBeCloseTo(zero, 5);
    expect(positive?.x).toBeCloseTo(zero, 5);
    expect(negative?.label.anchor).toBe('right');
    expect(negative?.label.x).toBeLessThan(negative?.x ?? 0);
  });

  it('uses a log axis of powers of ten, bars starting at its low end', () => {
    const log = chartsOf(two).find((s) => s.scale === 'log');
    expect(log?.chart.ticks.map((t) => t.lines[0])).toEqual(['1', '100', '10K', '1M']);
    const baseline = log?.chart.baseline;
    for (const bar of log?.chart.bars ?? []) expect(bar.y + bar.height).toBeCloseTo(baseline?.y1 ?? 0, 5);
  });

  it('splits many groups of six contenders over parts that share one axis, every value on one of them', () => {
    const parts = chartsOf(six).filter((s) => s.title === 'Seconds per task');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part?.count)).toEqual(parts.map(() => parts.length));
    expect(new Set(parts.map((p) => JSON.stringify(p.chart.ticks.map((t) => t.lines[0])))).size).toBe(1);
    expect(parts.flatMap((p) => p.groups.map((g) => g.label))).toEqual([
      'Load',
      'Parse',
      'Train',
      'Evaluate',
      'Export',
      'Serve',
    ]);
    for (const part of parts) expect(part.chart.bars).toHaveLength(part.groups.length * 6);
    // One thickness of bar on every part: the last, with room to spare, is not drawn thicker.
    expect(new Set(parts.flatMap((p) => p.chart.bars.map((bar) => bar.height))).size).toBe(1);
  });

  it('draws its bars as thick on a last part with room to spare as on the parts before it', () => {
    const groups = Array.from(
      { length: 14 },
      (_, i) => `          - { label: Step ${i + 1}, values: { a: ${i + 1}, b: ${i + 2}, c: ${i + 3} } }`,
    );
    const parts = chartsOf(compileText(chartTalk(`        groups:\n${groups.join('\n')}\n`, { contenders: 3 })));
    // The last part holds fewer groups than the others: its room alone would take thicker bars.
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.at(-1)?.groups.length).toBeLessThan(parts[0]?.groups.length ?? 0);
    expect(new Set(parts.flatMap((p) => p.chart.bars.map((bar) => bar.height)))).toEqual(
      new Set([parts[0]?.chart.bars[0]?.height]),
    );
  });

  it('keeps three groups of five contenders on one slide, with thinner bars and smaller values, rather than cut it in two', () => {
    const five = (groups: number) =>
      chartsOf(
        compileText(`title: T
contenders:
${['a', 'b', 'c', 'd', 'e'].map((id, i) => `  - { id: ${id}, name: ${id.toUpperCase()}, color: "#${'26a'[i % 3]}4${i}" }`).join('\n')}
sections:
  - id: s
    title: S
    slides:
      - kind: chart
        title: Messages per second
        metric: { title: Throughput, unit: msg/s, higherIsBetter: true }
        scale: log
        groups:
${['Encode', 'Decode', 'Round trip with compression']
  .slice(0, groups)
  .map((label) => `          - { label: ${label}, values: { a: 182000, b: 1450000, c: 310000, d: 890000, e: 420000 } }`)
  .join('\n')}
`),
      );
    const [three, ...more] = five(3);
    expect(more).toEqual([]);
    expect(three?.part).toBeUndefined();
    expect(three?.chart.bars).toHaveLength(15);
    for (const bar of three?.chart.bars ?? []) {
      expect(bar.height).toBeGreaterThanOrEqual(CHART.compactBar);
      expect(bar.label.size).toBe(CHART.compactValue);
    }
    // Bars never overlap, nor do the values written beside them.
    const tops = (three?.chart.bars ?? []).map((bar) => bar.y).sort((x, y) => x - y);
    for (const [i, top] of tops.slice(1).entries()) {
      expect(top - (tops[i] as number)).toBeGreaterThanOrEqual(CHART.compactValue * CHART.line);
    }
    // A chart that fits at the regular sizes keeps them.
    const [two] = five(2);
    for (const bar of two?.chart.bars ?? []) expect(bar.label.size).toBe(CHART.value);
  });

  it('keeps the author’s axis and a missing contender’s place among six', () => {
    const [scores] = chartsOf(six);
    expect(scores?.series).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(scores?.chart.ticks.map((t) => t.lines[0])).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(scores?.chart.bars.map((b) => b.label.lines[0])).toEqual([
      '91.20',
      '88.00',
      '93.50 ✓',
      'n/a',
      '79.25',
      '90.00',
    ]);
  });

  it('mirrors a right-to-left talk: labels on the right, bars growing to the left', () => {
    const [chart] = chartsOf(arabic);
    const geometry = chart?.chart;
    expect(geometry?.horizontal).toBe(true);
    for (const label of geometry?.categories ?? []) {
      expect(label.anchor).toBe('left');
      expect(label.x).toBeGreaterThanOrEqual((geometry?.plot.x ?? 0) + (geometry?.plot.width ?? 0));
    }
    for (const bar of geometry?.bars ?? []) {
      if (bar.value !== null) expect(bar.x + bar.width).toBeCloseTo(geometry?.baseline.x1 ?? 0, 5);
    }
    expect(geometry?.categories.map((c) => c.lines.join(' '))).toEqual(chart?.groups.map((g) => g.label));
    expect(geometry?.caption.lines.join(' ')).toContain('الأدنى أفضل');
    expect(geometry?.bars.find((b) => b.value === null)?.label.lines).toEqual(['غير متوفر']);
  });
});

describe('the markdown', () => {
  it('carries each chart as an SVG image with one bar per value and a table of the numbers', () => {
    for (const c of [two, six, arabic]) {
      const charts = chartsOf(c);
      const slides = slidesOf(c).filter((s) => s.includes('_class: chart'));
      expect(slides).toHaveLength(charts.length);
      charts.forEach((chart, i) => {
        const slide = slides[i] ?? '';
        const image = slide.split('\n\n').find((block) => block.startsWith('<img class="chart"')) ?? '';
        const svg = chartSvgOf(image) ?? '';
        const drawn = chart.chart.bars.filter((b) => b.value !== null);
        // Bars, and the legend's color squares (rx="3").
        expect(svg.match(/<rect (?![^>]*rx=)/g)).toHaveLength(drawn.length);
        const texts = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescapeHtml(m[1] ?? ''));
        for (const bar of chart.chart.bars) expect(texts).toContain(bar.label.lines[0]);
        const table = slide.split('\n\n').find((block) => block.startsWith('<div class="sr-only"><table>')) ?? '';
        expect(table.match(/<tr>/g)).toHaveLength(chart.groups.length + 1);
        for (const group of chart.groups) for (const text of group.texts) expect(unescapeHtml(table)).toContain(text);
      });
    }
  });

  it('writes the SVG colors as the theme’s custom properties, the bars in the contenders’ colors', () => {
    const svg =
      chartSvgOf(
        slidesOf(two)
          .find((s) => s.includes('_class: chart'))
          ?.split('\n\n')[2] ?? '',
      ) ?? '';
    expect(svg).toContain('var(--rule,#c9d1d9)');
    expect(svg).toContain('fill="#d00000"');
    expect(svg).toContain('fill="#ee4c2c"');
  });

  it('escapes outline text in the SVG and the table', () => {
    const text = readFileSync(path.join(FIXTURES, 'charts.yaml'), 'utf8').replace(
      'label: SAM,',
      'label: "<script>x</script> & \\"SAM\\"",',
    );
    const markdown = compileText(text).markdown;
    expect(markdown).not.toContain('<script>');
    const slide = markdown.split('\n---\n').find((s) => s.includes('Step time per model')) ?? '';
    const svg = chartSvgOf(slide.split('\n\n')[2] ?? '') ?? '';
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;SAM&quot;');
    expect(svg).not.toContain('<script>');
  });
});

describe('the axis', () => {
  it('rounds its range and ticks, and formats numbers in the talk’s language', () => {
    expect(chartScale([3, 47], { log: false }).ticks).toEqual([0, 10, 20, 30, 40, 50]);
    expect(chartScale([0.1, 0.2], { log: false }).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(chartScale([-5, 5], { log: false }).origin).toBe(0);
    expect(chartScale([0, 0], { log: false }).hi).toBeGreaterThan(0);
    expect(chartScale([20, 30], { log: false, min: 10 }).lo).toBe(10);
    expect(chartNumber(1234.567, 'en')).toBe('1,234.57');
    expect(chartNumber(1234.5, 'de')).toBe('1.234,5');
    expect(chartNumber(2_500_000, 'en')).toBe('2.5M');
    expect(chartNumber(0.00012, 'en')).toBe('1.2E-4');
  });
});

describe('a chart written in a few lines', () => {
  const planned = (fields: string, lang?: string) => chartsOf(compileText(chartTalk(fields, { lang, contenders: 3 })));

  it('writes every value of a chart with one number of decimals, as a designer sets a column of figures', () => {
    const [one] = planned(
      '        groups:\n          - { label: X, values: { a: 1.45, b: 2, c: 1.10 } }\n          - { label: Y, values: { a: 0.7, b: null, c: 1.6 } }\n',
      'pt',
    );
    expect(one?.chart.bars.map((b) => b.label.lines.join(' '))).toEqual([
      '1,45',
      '2,00',
      '1,10 ✓',
      '0,70 ✓',
      'n/d',
      '1,60',
    ]);
    // The ticks each with their own: 0.5 apart, one decimal.
    expect(one?.chart.ticks.map((t) => t.lines[0])).toEqual(['0,0', '0,5', '1,0', '1,5', '2,0']);
    // Thousandths beside whole numbers are each written as they are: never "0.00".
    const [mixed] = planned('        values: { a: 0.002, b: 12, c: 40 }\n');
    expect(mixed?.chart.bars.map((b) => b.label.lines.join(' '))).toEqual(['0.002 ✓', '12', '40']);
    // A log axis spans orders of magnitude: each value and tick as written, never "96.00" or "100.00".
    const [log] = planned('        scale: log\n        values: { a: 96, b: 0.05, c: 11.8 }\n');
    expect(log?.chart.bars.map((b) => b.label.lines.join(' '))).toEqual(['96', '0.05 ✓', '11.8']);
    expect(log?.chart.ticks.map((t) => t.lines[0])).toEqual(['0.01', '0.1', '1', '10', '100']);
  });

  it('marks no best value in a group whose values are all equal', () => {
    const [chart] = planned(
      '        groups:\n          - { label: Same region, values: { a: 0, b: 0, c: 0 } }\n          - { label: Abroad, values: { a: 0, b: 20, c: 0 } }\n',
    );
    expect(chart?.chart.bars.map((b) => b.label.lines.join(' '))).toEqual(['0', '0', '0', '0 ✓', '20', '0 ✓']);
  });

  it("sets its unit in the talk's parentheses: full width in Japanese, after no space", () => {
    const values = '        values: { a: 1, b: 2, c: 3 }\n';
    expect(planned(values)[0]?.chart.caption.lines.join(' ')).toMatch(/^Time \(ms\) · /);
    expect(planned(values, 'ja')[0]?.chart.caption.lines.join(' ')).toMatch(/^Time（ms） · /);
  });

  it('hyphenates a label word too wide for its column, the hyphen drawn where the line breaks', () => {
    const [chart] = planned(
      [
        '        groups:',
        '          - { label: Volltextsuche, values: { a: 1, b: 2, c: 3 } }',
        '          - { label: Geodatenverarbeitungsoperationen, values: { a: 1, b: 2, c: 3 } }',
        '          - { label: Aggregationspipelineauswertungen, values: { a: 1, b: 2, c: 3 } }\n',
      ].join('\n'),
      'de',
    );
    const labels = (chart?.chart.categories ?? []).map((label) => label.lines);
    expect(labels[0]).toEqual(['Volltextsuche']);
    for (const lines of labels.slice(1)) {
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/\p{L}-$/u);
      expect(lines.join('')).not.toContain('\u00ad');
    }
    expect(labels[1]?.join('').replace('-', '')).toBe('Geodatenverarbeitungsoperationen');
  });

  it('writes an axis that reaches a million compact from a thousand up, its bars as they are', () => {
    const [chart] = planned('        values: { a: 820000, b: 95000, c: 410000 }\n');
    expect(chart?.chart.ticks.map((tick) => tick.lines.join(' '))).toEqual(['0', '200K', '400K', '600K', '800K', '1M']);
    expect(chart?.chart.bars.map((bar) => bar.label.lines.join(' '))).toEqual(['820,000', '95,000 ✓', '410,000']);
  });

  it('writes every value and tick in one notation: scientific throughout once one needs it', () => {
    const texts = (fields: string) => {
      const [chart] = planned(fields);
      const bars = (chart?.chart.bars ?? []).map((bar) => bar.label);
      return [...bars, ...(chart?.chart.ticks ?? [])].map((text) => text.lines.join(' '));
    };
    // 1e11 and 4e14 alone are compact ("100B", "400T"); the 1e15 tick above them makes them scientific.
    const log = texts(
      '        scale: log\n        values: { a: 400000000000000, b: 30000000000000, c: 500000000000 }\n',
    );
    expect(
      log.every((text) => /^\d(\.\d+)?E\d+( ✓)?$/.test(text)),
      log.join(' | '),
    ).toBe(true);
    const compact = texts('        values: { a: 400000000000, b: 30000000000, c: 5000000 }\n');
    expect(
      compact.filter((text) => text !== '0').every((text) => /^\d+(\.\d+)?[MB]( ✓)?$/.test(text)),
      compact.join(' | '),
    ).toBe(true);
  });
});

describe('the schema', () => {
  const chart = (fields: string) => chartTalk(fields);

  it('refuses zero or a negative value on a log scale, at the value, saying what to do', () => {
    expect(diagnose(chart('        scale: log\n        values: { a: 0, b: 12 }\n'))).toEqual([
      'outline.yaml:13:22 error[invalid-value]: "a": a log scale cannot show 0: it holds values above zero only',
    ]);
  });

  it('needs its numbers, as values or groups, and max above min', () => {
    expect(diagnose(chart(''))).toEqual([
      'outline.yaml:9:9 error[invalid-value]: slide "C": a chart needs its numbers: "values" (one bar per contender) or "groups" (several bars each)',
    ]);
    expect(diagnose(chart('        values: { a: 1 }\n        min: 5\n        max: 5\n'))[0]).toMatch(
      /max \(5\) must be above min \(5\)/,
    );
  });

  it('knows the contenders a chart names', () => {
    expect(diagnose(chart('        values: { a: 1, c: 2 }\n')).join('\n')).toMatch(/"c" is not a contender/);
  });
});
