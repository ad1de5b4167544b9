/**
 * A chart slide's body as a native PowerPoint chart (a chart part with its
 * data, editable in PowerPoint and LibreOffice): the planned groups and
 * values, the contenders' colors in the talk's order, the caption above it,
 * all in the planned chart's box. Each bar says what it says on the slide: the
 * planner's label ("2.0", "1.45 ✓" in bold, a muted "n/a"), written into the
 * chart part as its own text (`pointLabelsXml`, which package.ts puts in), not
 * left to a number format. A missing value's bar starts and ends at the
 * axis's origin, so that its "n/a" shows where the slide writes it: PowerPoint
 * and LibreOffice label no blank cell.
 */
import type { DeckSlide, PlannedChart } from '../../plan/deck.js';
import { fixedDecimals } from '../../plan/fit/chart-scale.js';
import { escapeXml, xmlText } from '../../text/xml.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { CHART, CONTENT, PAD } from '../../theme/geometry.js';
import type { Palette } from '../../theme/palette.js';
import { addTextBox, hex, inch, pt } from './draw.js';
import { contenderColor, edgeFor, type Frame } from './layout.js';

type ChartSlide = Extract<DeckSlide, { kind: 'chart' }>;

/** One value for each contender (`values:`): one series of all, its categories the contenders. */
const isSingle = (chart: PlannedChart) => chart.groups.length === 1 && chart.groups[0]?.label === undefined;

/** Where the chart's bars start: zero, or the end of the axis nearest to it (a log axis's low end). */
function origin(chart: PlannedChart): number {
  const { min, max } = chart.axis;
  return chart.scale === 'log' ? min : Math.min(max, Math.max(min, 0));
}

/**
 * The chart's series, as pptxgenjs takes them: one per contender, or (one value each) one
 * series of all. A missing value stands at the axis's origin, a bar of no length, labelled "n/a".
 */
export function chartSeries(
  chart: PlannedChart,
  nameOf: (id: string) => string,
): { name: string; labels: string[]; values: number[] }[] {
  const at = (value: number | null | undefined) => value ?? origin(chart);
  if (isSingle(chart)) {
    const [group] = chart.groups;
    return [
      {
        name: chart.metric.title,
        labels: chart.series.map((id) => xmlText(nameOf(id))),
        values: chart.series.map((_, i) => at(group?.values[i])),
      },
    ];
  }
  const labels = chart.groups.map((group) => xmlText(group.label ?? ''));
  return chart.series.map((id, i) => ({
    name: xmlText(nameOf(id)),
    labels,
    values: chart.groups.map((group) => at(group.values[i])),
  }));
}

/** What a bar says, as the slide writes it: the planner's label. */
export interface PointLabel {
  text: string;
  /** px */
  size: number;
  bold: boolean;
  /** "n/a", in the muted color. */
  muted: boolean;
}

/** Each series' labels, point by point, in the order chartSeries writes the points. */
export function chartLabels(chart: PlannedChart): PointLabel[][] {
  const label = (id: string, group: number): PointLabel => {
    const bar = chart.chart.bars.find((b) => b.contender === id && b.group === group);
    return {
      text: bar?.label.lines.join(' ') ?? '',
      size: bar?.label.size ?? CHART.value,
      bold: bar?.label.bold ?? false,
      muted: bar?.label.muted ?? false,
    };
  };
  if (isSingle(chart)) return [chart.series.map((id) => label(id, 0))];
  return chart.series.map((id) => chart.groups.map((_, g) => label(id, g)));
}

/** A series' labels as the chart part's data labels of its points (`c:dLbl`), each with its own text. */
export function pointLabelsXml(labels: readonly PointLabel[], palette: Palette, lang: string): string {
  return labels
    .map((label, idx) => {
      const run =
        `<a:rPr lang="${escapeXml(lang)}" sz="${Math.round(pt(label.size) * 100)}" b="${label.bold ? 1 : 0}">` +
        `<a:solidFill><a:srgbClr val="${hex(label.muted ? palette.muted : palette.fg)}"/></a:solidFill>` +
        `<a:latin typeface="${PPTX_FONTS.sans}"/></a:rPr><a:t>${escapeXml(label.text)}</a:t>`;
      return (
        `<c:dLbl><c:idx val="${idx}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r>${run}</a:r></a:p></c:rich></c:tx>` +
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
      );
    })
    .join('');
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
    // On a log axis, bars grow from the axis's start, as on the slide: PowerPoint's and LibreOffice's
    // automatic crossing is at 1, from which a value below 1 hangs down with its label on the categories'.
    ...(slide.scale === 'log' ? { valAxisLogScaleBase: 10, valAxisCrossesAt: slide.axis.min } : {}),
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
  // The planner's rule (fixedDecimals): numbers with more decimals than fixed ones keep (0.002 as "0.00") are written as they are.
  const withMillions = (plain: string) => (millions ? `[>=1000000]#,##0.0#,,"M";${plain}` : plain);
  const format = (numbers: readonly number[], decimals: number) => {
    const fixed = decimals === 0 || fixedDecimals(numbers, decimals) === decimals;
    return withMillions(!fixed ? 'General' : decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');
  };
  // A log axis writes each number as it is (the slide's rule): its ticks, powers of ten, grouped from
  // 1,000 and with their digits below one.
  if (chart.scale === 'log') return { values: withMillions('General'), ticks: withMillions('[<1]0.0##;#,##0') };
  // The axis's start and, on a linear axis, its step stand for every tick.
  const { min, step } = chart.axis;
  return { values: format(values, chart.decimals), ticks: format([min, min + (step ?? 0)], chart.tickDecimals) };
}
