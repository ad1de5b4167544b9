/**
 * A chart in the markdown: an image whose address holds its SVG, which every
 * Marp previewer shows (its HTML allowlist keeps `<img>`, not `<svg>`); versus's
 * own Marp engine puts the SVG itself inline instead, so that the HTML and the
 * PDFs carry it as vector graphics with text that can be selected.
 */

const IMAGE = /^<img class="chart" alt="" src="data:image\/svg\+xml,([^"<>\s]*)">\s*$/;

/** The markdown's image of a chart's SVG (one line, an HTML block of its own). */
export function chartImage(svg: string): string {
  return `<img class="chart" alt="" src="data:image/svg+xml,${encodeURIComponent(svg)}">`;
}

/**
 * The SVG of a chart image `chartImage` wrote, or undefined for any other HTML.
 * Outline text never makes such a block: the renderers escape every `<` of it.
 */
export function chartSvgOf(html: string): string | undefined {
  const match = IMAGE.exec(html);
  if (!match) return undefined;
  try {
    const svg = decodeURIComponent(match[1] ?? '');
    return svg.startsWith('<svg ') && svg.endsWith('</svg>') ? svg : undefined;
  } catch {
    return undefined;
  }
}
