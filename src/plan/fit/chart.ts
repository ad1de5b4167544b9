/**
 * Charts: the bars, axis, ticks and labels of a chart slide, laid out as data
 * in px of the content box under the title, which every output draws from.
 * Columns when every label and value fits under and over its bars; otherwise
 * horizontal bars with their labels beside them, split over continuation
 * parts (the axis shared) like a long table. Right to left mirrors the whole.
 */
import type { Labels } from '../../i18n/labels.js';
import { own } from '../../outline/own.js';
import type { Contender } from '../../outline/schema.js';
import { spaceBetween } from '../../text/spacing.js';
import { CHART, CONTENT } from '../../theme/geometry.js';
import type { AuthoredChart, ChartBar, ChartGeometry, ChartLine, ChartText, PlannedChart } from '../deck.js';
import { bold, sans } from './blocks.js';
import {
  type ChartNotation,
  chartNotation,
  chartNumber,
  chartScale,
  fixedDecimals,
  position,
  type Scale,
  tickLabels,
} from './chart-scale.js';
import { paginate } from './paginate.js';
import type { Part } from './part.js';
import { drawnLines, textWidth, wrapLines } from './text.js';

/** A contender's value in one group, with what its bar says. */
interface Datum {
  contender: string;
  value: number | null;
  /** The value as written, without the best mark: "12.5", "n/a". */
  text: string;
  best: boolean;
}

/** A band of bars along the category axis: a group's bars, or (one value each) one contender's bar. */
interface Band {
  label: string;
  group: number;
  data: Datum[];
}

interface ChartData {
  series: string[];
  /** The contenders' names, by id. */
  names: Map<string, string>;
  groups: { label?: string; data: Datum[] }[];
  /** One band per contender (`values:`), or one per group (`groups:`, with a legend). */
  bands: Band[];
  legend: boolean;
  scale: Scale;
  /** How its values and ticks are written, all alike. */
  notation: ChartNotation;
  /** The most decimals a value has as written, two at most. */
  decimals: number;
  /** The most decimals a tick has, two at most (ticks of 0.5 on values of 12.25). */
  tickDecimals: number;
  /** The scale's ticks as the axis writes them. */
  ticks: string[];
  caption: string;
  hasNegative: boolean;
  lang: string;
  rtl: boolean;
  /** Widest category label of the whole chart, so that every part lays out alike. */
  labelWidth: number;
}

const BEST_MARK = '✓';

/** The parts of a chart slide: one, or several when its groups need more room than one slide has. */
export function chartParts(
  content: AuthoredChart,
  budget: number,
  contenders: readonly Contender[],
  labels: Labels,
): Part<PlannedChart>[] {
  const data = chartData(content, contenders, labels);
  const planned = (bands: Band[], chart: ChartGeometry): Part<PlannedChart> => {
    const groups = [...new Set(bands.map((band) => band.group))].map((g) => data.groups[g] as ChartData['groups'][0]);
    const series = data.legend ? data.series : bands.map((band) => band.data[0]?.contender ?? '');
    return {
      content: {
        kind: 'chart',
        metric: content.metric,
        scale: data.scale.log ? 'log' : 'linear',
        axis: { min: data.scale.lo, max: data.scale.hi, ...tickStep(data.scale) },
        notation: data.notation,
        decimals: data.decimals,
        tickDecimals: data.tickDecimals,
        series,
        groups: groups.map((group) => {
          const shown = group.data.filter((d) => series.includes(d.contender));
          return {
            ...(group.label === undefined ? {} : { label: group.label }),
            values: shown.map((d) => d.value),
            texts: shown.map((d) => d.text),
          };
        }),
        caption: data.caption,
        groupLabel: labels.t('aspect'),
        bestLabel: labels.t('chartBest'),
        chart: data.rtl ? mirrored(chart) : chart,
      },
      fit: {},
    };
  };
  const columns = columnChart(data, data.bands, budget);
  if (columns) return [planned(data.bands, columns)];
  const overhead = header(data).height + tickRow();
  const pagesAt = (bars: BarSizes) => {
    const sizes = data.bands.map((band): [number, number] => [bandHeight(data, band, bars.min), CHART.groupGap]);
    return paginate(sizes, budget, { overhead }) ?? data.bands.map((_, i): [number, number] => [i, i + 1]);
  };
  const regular = pagesAt(REGULAR);
  // A chart compared at a glance beats one cut in two: thinner bars and smaller values keep it whole when they can.
  if (regular.length > 1 && pagesAt(COMPACT).length === 1) {
    return [planned(data.bands, barChart(data, data.bands, budget, COMPACT))];
  }
  // The parts share one axis and one thickness of bar, the fullest part's: the last, with room to spare, as thick as the rest.
  const parts = regular.map(([from, to]) => data.bands.slice(from, to));
  const bar = Math.min(...parts.map((bands) => barThickness(data, bands, budget, REGULAR)));
  return parts.map((bands) => planned(bands, barChart(data, bands, budget, REGULAR, bar)));
}

/** How thin horizontal bars may get, and the size of the values written beside them. */
interface BarSizes {
  min: number;
  value: number;
}
const REGULAR: BarSizes = { min: CHART.minBar, value: CHART.value };
const COMPACT: BarSizes = { min: CHART.compactBar, value: CHART.compactValue };

function chartData(content: AuthoredChart, contenders: readonly Contender[], labels: Labels): ChartData {
  const tables = content.groups ?? [{ values: content.values ?? {} }];
  const named = contenders.filter((c) => tables.some((t) => own(t.values, c.id) !== undefined));
  const series = (named.length ? named : contenders).map((c) => c.id);
  const nameOf = (id: string) => contenders.find((c) => c.id === id)?.name ?? id;
  const higher = content.metric.higherIsBetter;
  const numbers = tables.flatMap((table) => series.flatMap((id) => own(table.values, id) ?? []));
  const log = content.scale === 'log';
  const scale = chartScale(numbers, {
    log,
    ...(content.min === undefined ? {} : { min: content.min }),
    ...(content.max === undefined ? {} : { max: content.max }),
  });
  const notation = chartNotation([...numbers, ...scale.ticks]);
  // One format for the chart's values, and one for its ticks: "2.0" beside "1.4", as every output writes them.
  // A log axis spans orders of magnitude: each number as it is written (0.05 beside 96, ticks 0.01 to 100),
  // where one column of decimals would read "96.00" and "100.00".
  const decimals = mostDecimals(numbers);
  const tickDecimals = mostDecimals(scale.ticks);
  const valueDigits = log ? 0 : fixedDecimals(numbers, decimals);
  const groups = tables.map((table) => {
    const values = series.map((id) => own(table.values, id) ?? null);
    const present = values.filter((v): v is number => v !== null);
    // Equal values have no best: a ✓ on each would only say so louder.
    const best = new Set(present).size > 1 ? (higher ? Math.max(...present) : Math.min(...present)) : undefined;
    return {
      ...('label' in table ? { label: table.label } : {}),
      data: series.map(
        (contender, i): Datum => ({
          contender,
          value: values[i] ?? null,
          text:
            values[i] == null
              ? labels.t('chartMissing')
              : chartNumber(values[i] as number, labels.lang, notation, valueDigits),
          best: values[i] != null && values[i] === best,
        }),
      ),
    };
  });
  const legend = content.groups !== undefined;
  const bands: Band[] = legend
    ? groups.map((group, g) => ({ label: group.label ?? '', group: g, data: group.data }))
    : (groups[0]?.data ?? []).map((datum) => ({ label: nameOf(datum.contender), group: 0, data: [datum] }));
  const { title, unit } = content.metric;
  const inParentheses = unit ? labels.aside(unit) : '';
  const caption = [
    `${title}${inParentheses && spaceBetween(title, inParentheses)}${inParentheses}`,
    labels.t(higher ? 'chartHigher' : 'chartLower'),
    ...(log ? [labels.t('chartLog')] : []),
  ].join(' · ');
  return {
    series,
    names: new Map(contenders.map((c) => [c.id, c.name])),
    groups,
    bands,
    legend,
    scale,
    notation,
    decimals,
    tickDecimals,
    ticks: tickLabels(scale.ticks, labels.lang, notation, log ? 0 : fixedDecimals(scale.ticks, tickDecimals)),
    caption,
    hasNegative: numbers.some((v) => v < 0) || scale.origin > scale.lo,
    lang: labels.lang,
    rtl: labels.dir === 'rtl',
    labelWidth: Math.max(0, ...bands.map((band) => textWidth(band.label, sans(CHART.label)))),
  };
}

/** The widest value text of the whole chart at `size` px, so that every part lays out alike. */
function valueWidth(data: ChartData, size: number): number {
  return Math.max(...data.groups.flatMap((group) => group.data.map((d) => textWidth(barText(d), bold(size)))));
}

/** The most digits after the decimal point any of `values` has as written (`12.5` → 1), two at most, as the chart writes them. */
function mostDecimals(values: readonly number[]): number {
  const decimals = values.map((value) => /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0);
  return Math.min(2, Math.max(0, ...decimals));
}

/** What a bar says: its value, and the best one's mark. */
function barText(datum: Datum): string {
  return datum.best ? `${datum.text} ${BEST_MARK}` : datum.text;
}

const lineHeight = (size: number) => size * CHART.line;

function text(lines: string[], x: number, y: number, anchor: ChartText['anchor'], size: number): ChartText {
  return { lines, x, y, anchor, size };
}

/** The caption on top, then the legend (contenders' colors) when groups show several bars. */
function header(data: ChartData): Pick<ChartGeometry, 'caption' | 'legend'> & { height: number } {
  const width = CONTENT.width;
  const lines = wrapLines(data.caption, sans(CHART.caption), width);
  const caption = { ...text(lines, 0, lineHeight(CHART.caption) / 2, 'left', CHART.caption), muted: true };
  let y = lines.length * lineHeight(CHART.caption) + CHART.blockGap;
  const legend: ChartGeometry['legend'] = [];
  if (data.legend) {
    let x = 0;
    const row = lineHeight(CHART.legend);
    for (const id of data.series) {
      const name = data.names.get(id) ?? id;
      const entry = CHART.swatch + CHART.valueGap + textWidth(name, sans(CHART.legend));
      if (x > 0 && x + entry > width) {
        x = 0;
        y += row;
      }
      const swatchTop = y + (row - CHART.swatch) / 2;
      legend.push({
        contender: id,
        x,
        y: swatchTop,
        size: CHART.swatch,
        label: text([name], x + CHART.swatch + CHART.valueGap, y + row / 2, 'left', CHART.legend),
      });
      x += entry + CHART.legendGap;
    }
    y += row + CHART.blockGap;
  }
  return { caption, legend, height: y };
}

function tickRow(): number {
  return CHART.axisGap + lineHeight(CHART.tick);
}

/** The lines of a category label beside horizontal bars. */
function bandLabel(data: ChartData, band: Band): string[] {
  return drawnLines(band.label, sans(CHART.label), labelColumn(data), data.lang);
}

function labelColumn(data: ChartData): number {
  return Math.min(data.labelWidth, CONTENT.width * CHART.labelShare);
}

/** A band's height with bars `bar` px thick: its bars, or its label when that is taller. */
function bandHeight(data: ChartData, band: Band, bar: number): number {
  const bars = band.data.length * bar + (band.data.length - 1) * CHART.barGap;
  return Math.max(bars, bandLabel(data, band).length * lineHeight(CHART.label));
}

/** The thickest bars, between `sizes.min` and `maxBar`, whose bands fit the room. */
function barThickness(data: ChartData, bands: Band[], budget: number, sizes: BarSizes): number {
  const room = budget - header(data).height - tickRow() - (bands.length - 1) * CHART.groupGap;
  let bar = CHART.maxBar;
  while (bar > sizes.min && bands.reduce((sum, band) => sum + bandHeight(data, band, bar), 0) > room) bar--;
  return bar;
}

/** Horizontal bars, labels beside them: the bars `bar` px thick, by default as thick as the room allows. */
function barChart(
  data: ChartData,
  bands: Band[],
  budget: number,
  sizes: BarSizes,
  bar = barThickness(data, bands, budget, sizes),
): ChartGeometry {
  const width = CONTENT.width;
  const head = header(data);
  const labels = labelColumn(data);
  const valueRoom = valueWidth(data, sizes.value) + CHART.valueGap;
  const plotX = (labels > 0 ? labels + CHART.axisGap : 0) + (data.hasNegative ? valueRoom : 0);
  const plotWidth = Math.max(1, width - plotX - valueRoom);
  const at = (value: number) => plotX + plotWidth * position(data.scale, value);
  const origin = at(data.scale.origin);
  const bars: ChartBar[] = [];
  const categories: ChartText[] = [];
  let y = head.height;
  bands.forEach((band, b) => {
    const height = bandHeight(data, band, bar);
    const lines = bandLabel(data, band);
    const centre = y + height / 2;
    if (labels > 0)
      categories.push(
        text(lines, labels, centre - ((lines.length - 1) * lineHeight(CHART.label)) / 2, 'right', CHART.label),
      );
    const barsHeight = band.data.length * bar + (band.data.length - 1) * CHART.barGap;
    band.data.forEach((datum, i) => {
      const top = centre - barsHeight / 2 + i * (bar + CHART.barGap);
      const end = datum.value === null ? origin : at(datum.value);
      // A missing value, or one at the origin, is written on the side with room.
      const after =
        datum.value === null
          ? origin < plotX + plotWidth
          : end > origin || (end === origin && origin < plotX + plotWidth);
      bars.push({
        contender: datum.contender,
        group: groupIndex(bands, b),
        value: datum.value,
        best: datum.best,
        x: Math.min(origin, end),
        y: top,
        width: Math.abs(end - origin),
        height: bar,
        label: {
          ...text(
            [barText(datum)],
            after ? end + CHART.valueGap : end - CHART.valueGap,
            top + bar / 2,
            after ? 'left' : 'right',
            sizes.value,
          ),
          ...(datum.best ? { bold: true } : {}),
          ...(datum.value === null ? { muted: true } : {}),
        },
      });
    });
    y += height + CHART.groupGap;
  });
  const plot = { x: plotX, y: head.height, width: plotWidth, height: y - CHART.groupGap - head.height };
  const tickY = plot.y + plot.height + CHART.axisGap + lineHeight(CHART.tick) / 2;
  const ticks = data.scale.ticks.map((tick, i) => {
    const label = data.ticks[i] as string;
    const half = textWidth(label, sans(CHART.tick)) / 2;
    return {
      ...text([label], Math.min(width - half, Math.max(half, at(tick))), tickY, 'center', CHART.tick),
      muted: true,
    };
  });
  return {
    width,
    height: plot.y + plot.height + tickRow(),
    horizontal: true,
    caption: head.caption,
    legend: head.legend,
    plot,
    grid: data.scale.ticks.map(
      (tick): ChartLine => ({ x1: at(tick), y1: plot.y, x2: at(tick), y2: plot.y + plot.height }),
    ),
    ticks,
    baseline: { x1: origin, y1: plot.y, x2: origin, y2: plot.y + plot.height },
    categories,
    bars,
  };
}

/** Index of a band's group among the groups a part shows. */
function groupIndex(bands: Band[], b: number): number {
  return new Set(bands.slice(0, b + 1).map((band) => band.group)).size - 1;
}

/**
 * Columns, labels under them: only when every category label fits two lines under its
 * columns, every value fits over its column, and the columns keep a readable height.
 */
function columnChart(data: ChartData, bands: Band[], budget: number): ChartGeometry | undefined {
  const width = CONTENT.width;
  const head = header(data);
  const tickWidth = Math.max(...data.ticks.map((label) => textWidth(label, sans(CHART.tick))));
  const plotX = tickWidth + CHART.axisGap;
  const plotWidth = width - plotX;
  const bandWidth = plotWidth / bands.length;
  const inner = bandWidth - CHART.groupGap;
  const perBand = bands[0]?.data.length ?? 1;
  const column = Math.min(CHART.maxColumn, (inner - (perBand - 1) * CHART.barGap) / perBand);
  if (column < CHART.minBar || valueWidth(data, CHART.value) > column + (perBand > 1 ? CHART.barGap : CHART.groupGap))
    return undefined;
  const labels = bands.map((band) => drawnLines(band.label, sans(CHART.label), inner, data.lang));
  const labelLines = Math.max(0, ...labels.map((lines) => (lines.join('') ? lines.length : 0)));
  if (labelLines > 2) return undefined;
  const valueRoom = lineHeight(CHART.value) + CHART.valueGap;
  const under = labelLines ? CHART.axisGap + labelLines * lineHeight(CHART.label) : 0;
  const plot = { x: plotX, y: head.height, width: plotWidth, height: budget - head.height - under };
  if (plot.height < CHART.minPlot + valueRoom * (data.hasNegative ? 2 : 1)) return undefined;
  const low = plot.y + plot.height - (data.hasNegative ? valueRoom : 0);
  const high = plot.y + valueRoom;
  const at = (value: number) => low - (low - high) * position(data.scale, value);
  const origin = at(data.scale.origin);
  const bars: ChartBar[] = [];
  const categories: ChartText[] = [];
  bands.forEach((band, b) => {
    const left = plotX + b * bandWidth + (bandWidth - (perBand * column + (perBand - 1) * CHART.barGap)) / 2;
    const lines = labels[b] ?? [];
    if (lines.join(''))
      categories.push(
        text(
          lines,
          plotX + (b + 0.5) * bandWidth,
          plot.y + plot.height + CHART.axisGap + lineHeight(CHART.label) / 2,
          'center',
          CHART.label,
        ),
      );
    band.data.forEach((datum, i) => {
      const x = left + i * (column + CHART.barGap);
      const end = datum.value === null ? origin : at(datum.value);
      const above = datum.value === null ? origin > high : end < origin || (end === origin && origin > high);
      const middle = above
        ? end - CHART.valueGap - lineHeight(CHART.value) / 2
        : end + CHART.valueGap + lineHeight(CHART.value) / 2;
      bars.push({
        contender: datum.contender,
        group: groupIndex(bands, b),
        value: datum.value,
        best: datum.best,
        x,
        y: Math.min(origin, end),
        width: column,
        height: Math.abs(end - origin),
        label: {
          ...text([barText(datum)], x + column / 2, middle, 'center', CHART.value),
          ...(datum.best ? { bold: true } : {}),
          ...(datum.value === null ? { muted: true } : {}),
        },
      });
    });
  });
  const ticks = data.scale.ticks.map((tick, i) => ({
    ...text([data.ticks[i] as string], tickWidth, at(tick), 'right', CHART.tick),
    muted: true,
  }));
  return {
    width,
    height: budget,
    horizontal: false,
    caption: head.caption,
    legend: head.legend,
    plot,
    grid: data.scale.ticks.map((tick): ChartLine => ({ x1: plotX, y1: at(tick), x2: width, y2: at(tick) })),
    ticks,
    baseline: { x1: plotX, y1: origin, x2: width, y2: origin },
    categories,
    bars,
  };
}

const FLIP = { left: 'right', center: 'center', right: 'left' } as const;

/** The chart mirrored for a right-to-left talk: what stood on the left stands on the right. */
function mirrored(chart: ChartGeometry): ChartGeometry {
  const w = chart.width;
  const flipText = (t: ChartText): ChartText => ({ ...t, x: w - t.x, anchor: FLIP[t.anchor] });
  const flipLine = (l: ChartLine): ChartLine => ({ ...l, x1: w - l.x1, x2: w - l.x2 });
  return {
    ...chart,
    caption: flipText(chart.caption),
    legend: chart.legend.map((entry) => ({ ...entry, x: w - entry.x - entry.size, label: flipText(entry.label) })),
    plot: { ...chart.plot, x: w - chart.plot.x - chart.plot.width },
    grid: chart.grid.map(flipLine),
    ticks: chart.ticks.map(flipText),
    baseline: flipLine(chart.baseline),
    categories: chart.categories.map(flipText),
    bars: chart.bars.map((bar) => ({ ...bar, x: w - bar.x - bar.width, label: flipText(bar.label) })),
  };
}

/**
 * A linear axis's step between ticks when they start at its low end, as PowerPoint counts its
 * steps (an author's "min: 15" starts them at 20 on the slide; a log axis steps by decades).
 */
function tickStep(scale: Scale): { step?: number } {
  const [first, second] = scale.ticks;
  if (scale.log || first !== scale.lo || second === undefined) return {};
  // Without the floating-point dust of a difference (0.3 - 0.2 is 0.09999999999999998).
  return { step: Number((second - first).toPrecision(12)) };
}
