/**
 * Chart slides in the native PowerPoint: each chart slide has a real chart
 * part whose data (read from ppt/charts/chartN.xml) equals the outline's
 * numbers, in the contenders' colors and order, a missing value a blank cell;
 * LibreOffice opens the file with each chart on its own slide (in CI, or with
 * VERSUS_FULL_TESTS=1: the round trip is slow).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { own } from '../src/outline/own.js';
import type { Deck } from '../src/plan/deck.js';
import { loadText } from './helpers.js';
import { tempFolder } from './temp-outlines.js';
import { decodeXml } from './xml-parts.js';

const run = promisify(execFile);
const FIXTURES = path.join(import.meta.dirname, 'fixtures/chart');
const temp = tempFolder('chart-pptx');
const describeWithOffice = process.env.CI || process.env.VERSUS_FULL_TESTS === '1' ? describe : describe.skip;

interface Built {
  name: string;
  deck: Deck;
  file: string;
  zip: JSZip;
  /** The outline's charts, in the order of the talk. */
  authored: {
    values?: Record<string, number | null>;
    groups?: { label: string; values: Record<string, number | null> }[];
  }[];
}

const built: Built[] = [];

beforeAll(async () => {
  for (const name of ['charts', 'six', 'arabic']) {
    const outline = path.join(FIXTURES, `${name}.yaml`);
    const outDir = await temp.dir();
    const { compiled, files } = await build(outline, { outDir, formats: ['pptx'] });
    const file = files.find((f) => f.endsWith('.pptx')) as string;
    const loaded = loadText(await readFile(outline, 'utf8'));
    const authored = loaded.outline.sections.flatMap((s) =>
      s.slides.flatMap((slide) => (slide.kind === 'chart' ? [slide] : [])),
    );
    built.push({ name, deck: compiled.deck, file, zip: await JSZip.loadAsync(await readFile(file)), authored });
  }
});

const xmlOf = async (zip: JSZip, name: string) => (await zip.file(name)?.async('string')) ?? '';

/** A chart part's series: name, color, categories and values (null for a blank cell). */
function seriesOf(xml: string) {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
    const ser = match[1] ?? '';
    const part = (tag: string) => new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser)?.[1] ?? '';
    const points = (xmlPart: string) =>
      [...xmlPart.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)].map((pt) => decodeXml(pt[2] ?? ''));
    return {
      name: points(part('tx'))[0],
      color: /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/.exec(ser)?.[1],
      categories: points(part('cat')),
      values: points(part('val')).map((v) => (v === '' ? null : Number(v))),
    };
  });
}

/** The chart part each slide holds, by slide number (1-based). */
async function chartsBySlide(zip: JSZip): Promise<Map<number, string>> {
  const charts = new Map<number, string>();
  for (const name of Object.keys(zip.files)) {
    const slide = /^ppt\/slides\/_rels\/slide(\d+)\.xml\.rels$/.exec(name);
    if (!slide) continue;
    const target = /Target="\/?(?:\.\.\/)?(?:ppt\/)?(charts\/chart\d+\.xml)"/.exec(await xmlOf(zip, name))?.[1];
    if (target) charts.set(Number(slide[1]), `ppt/${target}`);
  }
  return charts;
}

describe('charts in the native PowerPoint', () => {
  it('puts a chart part on each chart slide and on no other', async () => {
    for (const { deck, zip } of built) {
      const charts = await chartsBySlide(zip);
      const chartSlides = deck.slides.flatMap((slide, i) => (slide.kind === 'chart' ? [i + 1] : []));
      expect([...charts.keys()].sort((a, b) => a - b)).toEqual(chartSlides);
    }
  });

  it('writes values and ticks as the slides do: digits grouped, the values’ decimals on every part, the ticks’ own, millions as M', async () => {
    const formats = new Map<string, Set<string>>();
    for (const { deck, zip } of built) {
      for (const [n, part] of await chartsBySlide(zip)) {
        const xml = await xmlOf(zip, part);
        const title = deck.slides[n - 1]?.title ?? '';
        const found = formats.get(title) ?? new Set();
        // The data labels' format and the value axis's (the category axis's names are text).
        for (const [, element, code] of xml.matchAll(
          /<c:(dLbls|valAx)>(?:(?!<\/c:(?:dLbls|valAx)>)[\s\S])*?<c:numFmt formatCode="([^"]*)"/g,
        )) {
          found.add(`${element === 'dLbls' ? 'values' : 'ticks'} ${decodeXml(code ?? '')}`);
        }
        formats.set(title, found);
      }
    }
    // Values of one decimal on ticks of whole numbers (0, 5, 10…).
    expect(formats.get('Step time, one value each')).toEqual(new Set(['values #,##0.0', 'ticks #,##0']));
    expect(formats.get('Throughput on a log scale')).toEqual(
      new Set(['values [>=1000000]#,##0.0#,,"M";General', 'ticks [>=1000000]#,##0.0#,,"M";[<1]0.0##;#,##0']),
    );
    // Thousandths beside whole numbers, on a log axis from a thousandth: each written as it is, never
    // "0.00", the ticks 0.001 to 100.
    expect(formats.get('Lookups in milliseconds')).toEqual(new Set(['values General', 'ticks [<1]0.0##;#,##0']));
    // Split over three slides, 120 and 0.45 among its values: two decimals on each part.
    expect(formats.get('Seconds per task')).toEqual(new Set(['values #,##0.00', 'ticks #,##0']));
  });

  it('holds the outline’s numbers, missing ones at the axis’s origin (a bar of no length), in the contenders’ colors and order', async () => {
    for (const { deck, zip, authored } of built) {
      const charts = await chartsBySlide(zip);
      // The parts of a chart split over slides hold its groups in turn: together, the outline's numbers.
      const byChart = new Map<string, { origin: number; series: Map<string, (number | null)[]> }>();
      for (const [n, part] of charts) {
        const slide = deck.slides[n - 1];
        if (slide?.kind !== 'chart') continue;
        const key = slide.title;
        const origin = slide.scale === 'log' ? slide.axis.min : Math.min(slide.axis.max, Math.max(slide.axis.min, 0));
        const entry = byChart.get(key) ?? { origin, series: new Map() };
        const series = seriesOf(await xmlOf(zip, part));
        const single = series.length === 1 && slide.groups[0]?.label === undefined;
        if (single) {
          const [one] = series;
          for (const [i, id] of slide.series.entries()) entry.series.set(id, [one?.values[i] ?? null]);
        } else {
          expect(series.map((s) => s.name)).toEqual(
            slide.series.map((id) => deck.contenders.find((c) => c.id === id)?.name),
          );
          expect(series.map((s) => s.color)).toEqual(
            slide.series.map((id) =>
              deck.contenders
                .find((c) => c.id === id)
                ?.color.slice(1)
                .toUpperCase(),
            ),
          );
          for (const [i, id] of slide.series.entries()) {
            entry.series.set(id, [...(entry.series.get(id) ?? []), ...(series[i]?.values ?? [])]);
          }
        }
        byChart.set(key, entry);
      }
      const titles = [...new Set(deck.slides.flatMap((s) => (s.kind === 'chart' ? [s.title] : [])))];
      expect(titles).toHaveLength(authored.length);
      titles.forEach((title, c) => {
        const chart = authored[c];
        const got = byChart.get(title);
        const tables = chart?.groups?.map((g) => g.values) ?? [chart?.values ?? {}];
        for (const [id, values] of got?.series ?? []) {
          expect(values).toEqual(tables.map((table) => own(table, id) ?? got?.origin));
        }
        const named = new Set(tables.flatMap((t) => Object.keys(t)));
        expect([...(got?.series.keys() ?? [])].sort()).toEqual([...named].sort());
      });
    }
  });

  it('gives the value axis the range and, on a linear axis, the ticks the slide shows', async () => {
    let [linear, horizontal] = [0, 0];
    for (const { deck, zip } of built) {
      for (const [n, part] of await chartsBySlide(zip)) {
        const slide = deck.slides[n - 1];
        if (slide?.kind !== 'chart') continue;
        const axis = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(await xmlOf(zip, part))?.[0] ?? '';
        const number = (tag: string) => Number(new RegExp(`<c:${tag} val="([^"]+)"`).exec(axis)?.[1]);
        expect([number('min'), number('max')]).toEqual([slide.axis.min, slide.axis.max]);
        // Under horizontal bars (read top to bottom, the categories reversed), the axis and its labels
        // stand at the foot as on the slide, not over the first bar.
        if (slide.chart.horizontal) {
          horizontal++;
          expect(axis).toContain('<c:crosses val="max"/>');
          expect(axis).toContain('<c:tickLblPos val="high"/>');
        }
        // The slide's gridlines: from the axis's start, a tick every step (PowerPoint's own on a
        // log axis, and where an author's min starts the slide's ticks further up).
        const ticks = slide.chart.ticks.length;
        if (slide.scale === 'log' || slide.axis.step === undefined) expect(axis).not.toContain('<c:majorUnit');
        else {
          linear++;
          expect(number('majorUnit') * (ticks - 1)).toBeCloseTo(slide.axis.max - slide.axis.min, 6);
        }
      }
    }
    expect([linear, horizontal]).not.toContain(0);
  });

  it('labels each bar with the slide’s own text: one format for every value, the ✓ on the best, "n/a" for a missing one', async () => {
    let charts = 0;
    for (const { deck, zip } of built) {
      for (const [n, part] of await chartsBySlide(zip)) {
        const slide = deck.slides[n - 1];
        if (slide?.kind !== 'chart') continue;
        const xml = await xmlOf(zip, part);
        const single = slide.groups.length === 1 && slide.groups[0]?.label === undefined;
        // The slide's labels, series by series, point by point: what its SVG writes beside each bar.
        const shown = (
          single
            ? [slide.series.map((id) => [id, 0] as const)]
            : slide.series.map((id) => slide.groups.map((_, g) => [id, g] as const))
        ).map((points) =>
          points.map(([id, g]) =>
            slide.chart.bars.find((b) => b.contender === id && b.group === g)?.label.lines.join(' '),
          ),
        );
        const written = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) =>
          [...(ser ?? '').matchAll(/<c:dLbl><c:idx val="(\d+)"\/>[\s\S]*?<\/c:dLbl>/g)].map(([label]) =>
            [...label.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
          ),
        );
        expect(written, slide.title).toEqual(shown);
        charts++;
      }
    }
    expect(charts).toBeGreaterThan(3);
    // One number format for a chart's every value, and "n/a" where a value is missing, as on the slide.
    const { deck, zip } = built[0] as Built;
    const n = deck.slides.findIndex((s) => s.title === 'Step time per model') + 1;
    const xml = await xmlOf(zip, (await chartsBySlide(zip)).get(n) ?? '');
    const texts = [...xml.matchAll(/<c:dLbl>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? ''));
    expect(texts).toEqual(['268.0 ✓', '175.0', '312.0 ✓', '1,300.0', 'n/a', '340.5']);
    // The ✓ is on the value, as on the slide, not in the category's name.
    expect(seriesOf(xml)[0]?.categories).toEqual(['SAM', 'Gemma', 'Mistral']);
  });
});

describeWithOffice('charts through LibreOffice', () => {
  it('converts with each chart, its values as text, on its own slide', async () => {
    for (const { deck, file } of built) {
      const outDir = await temp.dir();
      await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { timeout: 120_000 });
      const pdf = await getDocumentProxy(
        new Uint8Array(await readFile(path.join(outDir, `${path.basename(file, '.pptx')}.pdf`))),
      );
      expect(pdf.numPages).toBe(deck.slides.length);
      for (const [i, slide] of deck.slides.entries()) {
        if (slide.kind !== 'chart') continue;
        const items = (await (await pdf.getPage(i + 1)).getTextContent()).items;
        const text = items.flatMap((item) => ('str' in item ? [item.str] : [])).join(' ');
        // As the slide writes them (the chart's own labels): 1300 beside 340.5 reads 1,300.0, "n/a" where one is missing.
        // (Right-to-left words come back from LibreOffice's PDF in visual order: only the numbers are compared there.)
        for (const value of slide.groups.flatMap((g) => g.texts)) {
          if (!/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(value)) expect(text).toContain(value);
        }
      }
    }
  });
});
