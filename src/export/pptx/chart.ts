/**
 * A chart slide's body as a native PowerPoint chart (a chart part with its
 * data, editable in PowerPoint and LibreOffice): the planned groups and
 * values, the contenders' colors in the talk's order, the value on each bar,
 * the caption above it, all in the planned chart's box. The best value's
 * category carries the ✓ the slide shows (a chart's labels are one format for
 * all its bars); a missing value is a blank cell, no bar, never zero.
 */
import type { DeckSlide, PlannedChart } from '../../plan/deck.js';
import { xmlText } from '../../text/xml.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { CHART, CONTENT, PAD } from '../../theme/geometry.js';
import { addTextBox, hex, inch, pt } from './draw.js';
import { contenderColor, edgeFor, type Frame } from './layout.js';

type ChartSlide = Extract<DeckSlide, { kind: 'chart' }>;

/** The chart's series, as pptxgenjs takes them: one per contender, or (one value each) one series of all. */
export function chartSeries(
  chart: PlannedChart,
  nameOf: (id: string) => string,
): { name: string; labels: string[]; values: (number | null)[] }[] {
  const bestOf = (g: number) =>
    chart.series.filter((id) => chart.chart.bars.some((b) => b.group === g && b.contender === id && b.best));
  const single = chart.groups.length === 1 && chart.groups[0]?.label === undefined;
  if (single) {
    const [group] = chart.groups;
    const best = bestOf(0);
    return [
      {
        name: chart.metric.title,
        labels: chart.series.map((id) => xmlText(best.includes(id) ? `${nameOf(id)} ✓` : nameOf(id))),
        values: group?.values ?? [],
      },
    ];
  }
  const labels = chart.groups.map((group, g) => {
    const best = bestOf(g).map(nameOf);
    return xmlText(best.length ? `${group.label ?? ''} (✓ ${best.join(', ')})` : (group.label ?? ''));
  });
  return chart.series.map((id, i) => ({
    name: xmlText(nameOf(id)),
    labels,
    values: chart.groups.map((group) => group.values[i] ?? null),
  }));
}

export function drawChart(frame: Frame, slide: ChartSlide, top: number): void {
  const p = frame.palette;
  const { chart } = slide;
  const rtl = frame.labels.dir === 'rtl';
  // The values with the decimals they are written with, the ticks with theirs, as on the slide.
  const numbers = numberFormats(slide);
  const captionHeight = chart.caption.lines.length * CHART.caption * CHART.line;
  addTextBox(
    frame.slide,
    { x: PAD.side, y: top, w: CONTENT.width, h: captionHeight },
    [
      {
        runs: [{ text: slide.caption }],
        size: CHART.caption,
        line: CHART.line,
        gap: 0,
        color: p.muted,
      },
    ],
    { lang: frame.labels.lang, shrink: false },
  );
  const nameOf = (id: string) => frame.contenders.find((c) => c.id === id)?.name ?? id;
  const colorOf = (id: string) => hex(frame.contenders.find((c) => c.id === id)?.color ?? p.fg);
  const series = chartSeries(slide, nameOf);
  const single = series.length === 1;
  const colors = slide.series.map(colorOf);
  const y = top + captionHeight + CHART.blockGap;
  const bars = chart.horizontal ? 'bar' : 'col';
  // Horizontal bars read top to bottom, as on the slide (PowerPoint starts at the bottom); right to left,
  // columns start at the right and horizontal bars grow to the left.
  const categoriesReversed = chart.horizontal || rtl;
  const text = { fontFace: PPTX_FONTS.sans, color: hex(p.fg) };
  frame.slide.addChart(frame.pptx.ChartType.bar, series, {
    x: inch(PAD.side),
    y: inch(y),
    w: inch(CONTENT.width),
    h: inch(Math.max(CHART.minPlot, top + chart.height - y)),
    barDir: bars,
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    chartColors: colors,
    ...(single ? { invertedColors: colors } : {}),
    // A contender's color faint on the slide outlines the bars in the text color, as on the slide.
    ...(slide.series.some((id) => edgeFor(frame, contenderColor(frame, id)))
      ? { dataBorder: { pt: pt(CHART.edge), color: hex(p.fg) } }
      : {}),
    showValue: true,
    dataLabelPosition: 'outEnd',
    dataLabelFontSize: pt(chart.bars[0]?.label.size ?? CHART.value),
    dataLabelFontFace: PPTX_FONTS.sans,
    dataLabelColor: hex(p.fg),
    dataLabelFormatCode: numbers.values,
    showLegend: !single,
    legendPos: 't',
    legendFontSize: pt(CHART.legend),
    legendFontFace: PPTX_FONTS.sans,
    legendColor: hex(p.fg),
    catAxisLabelFontSize: pt(CHART.label),
    catAxisLabelFontFace: text.fontFace,
    catAxisLabelColor: text.color,
    // Labels at the axis's low end: beside the plot, not over a bar below zero.
    catAxisLabelPos: 'low',
    ...(categoriesReversed ? { catAxisOrientation: 'maxMin' as 'minMax' } : {}),
    // Under horizontal bars read top to bottom, the value axis and its labels stand at the last
    // category's end: at the foot, as on the slide.
    ...(chart.horizontal ? { catAxisCrossesAt: 'max' as 'autoZero', valAxisLabelPos: 'high' as const } : {}),
    ...(chart.horizontal && rtl ? { valAxisOrientation: 'maxMin' as 'minMax' } : {}),
    valAxisLabelFormatCode: numbers.ticks,
    valAxisLabelFontSize: pt(CHART.tick),
    valAxisLabelFontFace: text.fontFace,
    valAxisLabelColor: hex(p.muted),
    valGridLine: { color: hex(p.rule), size: CHART.grid * 0.75, style: 'solid' },
    ...(slide.scale === 'log' ? { valAxisLogScaleBase: 10 } : {}),
    valAxisMinVal: slide.axis.min,
    valAxisMaxVal: slide.axis.max,
    ...(slide.axis.step ? { valAxisMajorUnit: slide.axis.step } : {}),
    lang: frame.labels.lang,
  });
}

/**
 * How the PowerPoint writes a chart's values and its ticks, near the slide's words: digits
 * grouped (in the viewer's locale), the decimals each has on the slide, millions as "1.45M",
 * and scientific notation when the slide's is. "General" wrote 1450000.
 */
function numberFormats(chart: PlannedChart): { values: string; ticks: string } {
  if (chart.notation === 'scientific') return { values: '0.0#E+0', ticks: '0.0#E+0' };
  const values = chart.groups.flatMap((group) => group.values).filter((value) => value !== null);
  const millions = [...values, chart.axis.max].some((value) => Math.abs(value) >= 1e6);
  // Numbers with more decimals than fixed ones keep (0.002 as "0.00") are written as they are.
  const format = (numbers: readonly number[], decimals: number) => {
    const fixed = numbers.every((value) => Number(value.toFixed(decimals)) === value);
    const plain = !fixed ? 'General' : decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    return millions ? `[>=1000000]#,##0.0#,,"M";${plain}` : plain;
  };
  // The axis's start and, on a linear axis, its step stand for every tick.
  const { min, step } = chart.axis;
  return { values: format(values, chart.decimals), ticks: format([min, min + (step ?? 0)], chart.tickDecimals) };
}
