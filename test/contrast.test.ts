/** WCAG AA contrast for every theme color pair and every contender color in the shipped outlines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { TEXT_PAIRS } from '../src/lint/theme-rules.js';
import { chartSvgOf } from '../src/text/chart-image.js';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, readableTextOn } from '../src/theme/contrast.js';
import { paletteFor } from '../src/theme/palette.js';
import { BUILT_IN_THEMES } from '../src/theme/themes.js';
import { compileData, minimalOutline } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Every text color on what it stands on, at 4.5:1: the pairs `check` holds a theme file of your
 * own to, on the built-in palettes (test/theme.test.ts: the same colors as the CSS sets).
 */
describe.each(BUILT_IN_THEMES)('theme %s', (theme) => {
  const palette = paletteFor(theme);
  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (text, ground) => {
    expect(contrastRatio(palette[text], palette[ground])).toBeGreaterThanOrEqual(4.5);
  });
});

describe('text on contender colors', () => {
  const outlines = ['outline.yaml', 'test/fixtures/golden/every-kind.yaml'];
  const colors = outlines.flatMap((file) =>
    (parse(readFileSync(path.join(ROOT, file), 'utf8')).contenders as { name: string; color: string }[]).map(
      (c) => [file, c.name, c.color] as const,
    ),
  );

  it.each(colors)('%s: %s (%s) gets a text color with at least 4.5:1', (_file, _name, color) => {
    expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
  });

  it('always picks the better of the two text colors', () => {
    for (let value = 0; value < 0x1000000; value += 0x0b0b0b) {
      const color = `#${value.toString(16).padStart(6, '0')}`;
      const best = Math.max(contrastRatio(color, LIGHT_TEXT), contrastRatio(color, DARK_TEXT));
      expect(contrastRatio(color, readableTextOn(color))).toBe(best);
    }
  });

  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('a contender color too faint for the slide', () => {
  const outline = (theme: string) => {
    const data = minimalOutline();
    data.theme = theme;
    data.contenders = [
      { id: 'a', name: 'Alpha', color: '#ffffff' },
      { id: 'b', name: 'Beta', color: '#000000' },
    ];
    return data;
  };

  it('is outlined in the text color where it fills a shape (under 3:1 against the background), in the slides', () => {
    const light = compileData(outline('versus')).markdown;
    expect(light).toContain('--c1-edge: var(--fg);');
    expect(light).toContain('--c2-edge: transparent;');
    expect(light).toContain('section { --bar-edge: var(--fg); }');
    const dark = compileData(outline('versus-dark')).markdown;
    expect(dark).toContain('--c1-edge: transparent;');
    expect(dark).toContain('--c2-edge: var(--fg);');
    // The theme draws the outlines with those properties.
    const css = readFileSync(path.join(ROOT, 'themes', 'versus.css'), 'utf8');
    expect(css).toContain('var(--accent-edge, transparent)');
    expect(css).toContain('var(--bar-edge, transparent)');
    // A verdict's bar, at the start of its cell, has the outline along its inner side, mirrored right to left.
    expect(dark).toMatch(
      /td:nth-child\(3\):has\(> mark\) \{ box-shadow: inset [^;]*, inset var\(--mark-outline, \d+px\) 0 0 var\(--c2-edge\); \}/,
    );
    expect(css).toContain('--mark-outline: calc(var(--mark-edge) + var(--edge-width));');
    expect(css).toContain('--mark-outline: calc(var(--mark-edge) - var(--edge-width));');
  });

  it("outlines the bar on a divider where a color is faint on the divider's own background", async () => {
    // Beta (#000000) is clear on the light slide and lost on the near-black divider.
    const { deck, markdown } = compileData(outline('versus'));
    expect(markdown).toContain('section.divider { --bar-edge: var(--divider-fg); }');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const divider = deck.slides.findIndex((s) => s.kind === 'divider');
    const xml = (await zip.file(`ppt/slides/slide${divider + 1}.xml`)?.async('string')) ?? '';
    // The bar's segments: rounded rectangles outlined in the divider's text color.
    const segments = [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?prstGeom prst="roundRect"[\s\S]*?<\/p:sp>/g)];
    expect(segments.length).toBeGreaterThanOrEqual(2);
    for (const [segment] of segments) expect(segment).toMatch(/<a:ln[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="FFFFFF"/);
  });

  it("outlines a chart's bars of that color, on the slide and in the PowerPoint's chart", async () => {
    const data = outline('versus');
    data.sections[0]?.slides.push({
      kind: 'chart',
      title: 'Speed',
      metric: { title: 'Requests', higherIsBetter: true },
      values: { a: 3, b: 5 },
    } as never);
    const { deck, markdown } = compileData(data);
    const svg = markdown
      .split('\n')
      .map((line) => chartSvgOf(line))
      .find(Boolean);
    // Alpha (#ffffff) is faint on the white slide: its bar and swatch take the slide's --c1-edge, Beta's --c2-edge.
    expect(svg).toMatch(/<rect [^>]*fill="#ffffff" style="stroke:var\(--c1-edge,#1b1f24\)/);
    expect(svg).toMatch(/<rect [^>]*fill="#000000" style="stroke:var\(--c2-edge,transparent\)/);
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const chart = (await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0]?.async('string')) ?? '';
    const points = [...chart.matchAll(/<c:dPt>[\s\S]*?<\/c:dPt>/g)].map(([point]) => point);
    expect(points).toHaveLength(2);
    for (const point of points) expect(point).toMatch(/<a:ln[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="1B1F24"/);
  });

  it('is outlined in the PowerPoint too: the table header cell gets a border in the text color', async () => {
    const { deck } = compileData(outline('versus'));
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const table = deck.slides.findIndex((s) => s.kind === 'comparison');
    const xml = await zip.file(`ppt/slides/slide${table + 1}.xml`)?.async('string');
    const cells = [...(xml ?? '').matchAll(/<a:tc>[\s\S]*?<\/a:tc>/g)].map(([cell]) => cell);
    const header = cells.find((cell) => cell.includes('Alpha'));
    expect(header).toMatch(/<a:lnL[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="1B1F24"/);
    expect(cells.find((cell) => cell.includes('Beta'))).not.toMatch(
      /<a:lnL[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="1B1F24"/,
    );
  });
});
