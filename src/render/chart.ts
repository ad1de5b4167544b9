/**
 * A planned chart as SVG: thin markup over the geometry the planner laid out.
 * Colors are the theme's custom properties (so that a theme file restyles the
 * chart), with the built-in palette's as fallbacks for an SVG shown as an image.
 */
import type { Contender } from '../outline/schema.js';
import type { ChartGeometry, ChartLine, ChartText, PlannedChart } from '../plan/deck.js';
import { BREAKING_SPACES, escapeHtml } from '../text/escape.js';
import { edgeOn } from '../theme/contrast.js';
import { FONT_STACKS } from '../theme/fonts.js';
import { CHART } from '../theme/geometry.js';
import type { Palette } from '../theme/palette.js';

export interface ChartLook {
  contenders: readonly Contender[];
  palette: Palette;
  rtl: boolean;
}

/** px with at most two decimals: the same geometry always gives the same bytes. */
const px = (n: number) => String(Math.round(n * 100) / 100);

export function chartSvg(chart: ChartGeometry, look: ChartLook): string {
  const { palette: p } = look;
  const fg = `fill:var(--fg,${p.fg})`;
  const muted = `fill:var(--muted,${p.muted})`;
  const colorOf = (id: string) => look.contenders.find((c) => c.id === id)?.color ?? p.fg;
  // A color faint on the slide is outlined in the text color, as its table header is (the
  // slide's --cN-edge; for the SVG on its own, the same rule against the palette's background).
  const fill = (id: string) => {
    const n = look.contenders.findIndex((c) => c.id === id) + 1;
    const edge = edgeOn(colorOf(id), p.bg, p.fg) ?? 'transparent';
    const stroke = n > 0 ? `var(--c${n}-edge,${edge})` : edge;
    return `fill="${colorOf(id)}" style="stroke:${stroke};stroke-width:${CHART.edge}"`;
  };
  // Anchors are absolute (left, centre, right); in right-to-left text, SVG's "start" is the right edge.
  const anchors = look.rtl
    ? { left: 'end', center: 'middle', right: 'start' }
    : { left: 'start', center: 'middle', right: 'end' };
  const text = (t: ChartText) => {
    const lines = t.lines
      .map(
        (line, i) => `<tspan x="${px(t.x)}" dy="${i === 0 ? 0 : px(t.size * CHART.line)}">${escapeHtml(line)}</tspan>`,
      )
      .join('');
    const weight = t.bold ? ' font-weight="700"' : '';
    return `<text x="${px(t.x)}" y="${px(t.y)}" font-size="${t.size}" text-anchor="${anchors[t.anchor]}" dominant-baseline="central"${weight} style="${t.muted ? muted : fg}">${lines}</text>`;
  };
  const line = (l: ChartLine, width: number, color: string) =>
    `<line x1="${px(l.x1)}" y1="${px(l.y1)}" x2="${px(l.x2)}" y2="${px(l.y2)}" stroke-width="${width}" style="stroke:${color}"/>`;
  const parts = [
    ...chart.grid.map((l) => line(l, CHART.grid, `var(--rule,${p.rule})`)),
    // A missing value has no bar, not an empty one.
    ...chart.bars.flatMap((bar) =>
      bar.value === null
        ? []
        : `<rect x="${px(bar.x)}" y="${px(bar.y)}" width="${px(bar.width)}" height="${px(bar.height)}" ${fill(bar.contender)}/>`,
    ),
    line(chart.baseline, CHART.axis, `var(--muted,${p.muted})`),
    ...chart.legend.map(
      (entry) =>
        `<rect x="${px(entry.x)}" y="${px(entry.y)}" width="${entry.size}" height="${entry.size}" rx="3" ${fill(entry.contender)}/>${text(entry.label)}`,
    ),
    text(chart.caption),
    ...chart.ticks.map(text),
    ...chart.categories.map(text),
    ...chart.bars.map((bar) => text(bar.label)),
  ];
  const family = escapeHtml(FONT_STACKS.sans.family);
  const direction = look.rtl ? ' direction="rtl"' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${px(chart.width)} ${px(chart.height)}" width="${px(chart.width)}" height="${px(chart.height)}" font-family="${family}"${direction} aria-hidden="true">${parts.join('')}</svg>`;
}

/** The chart's numbers as a table for screen readers (the slide hides it): one row per group, one column per contender. */
export function chartTable(chart: PlannedChart, names: (id: string) => string): string {
  const cell = (value: string) => escapeHtml(value.replace(BREAKING_SPACES, ' ').trim());
  const header = `<tr><th>${cell(chart.groupLabel)}</th>${chart.series.map((id) => `<th>${cell(names(id))}</th>`).join('')}</tr>`;
  const rows = chart.groups.map((group, g) => {
    const cells = group.texts.map((value, i) => {
      const best = chart.chart.bars.some((bar) => bar.group === g && bar.contender === chart.series[i] && bar.best);
      return `<td>${cell(best ? `${value} (${chart.bestLabel})` : value)}</td>`;
    });
    return `<tr><th>${cell(group.label ?? chart.metric.title)}</th>${cells.join('')}</tr>`;
  });
  // Hidden by its wrapper: a table grows past any height set on itself.
  return `<div class="sr-only"><table><caption>${cell(chart.caption)}</caption>${header}${rows.join('')}</table></div>`;
}
