/**
 * The page the slides are printed, measured and captured from: every slide of
 * a rendered deck, one after another, each exactly one page.
 */
import { escapeHtml } from '../text/escape.js';
import { SLIDE } from '../theme/geometry.js';
import type { RenderedSlides } from './marp.js';

const PRINT_CSS = `
@page { size: ${SLIDE.width}px ${SLIDE.height}px; margin: 0; }
html, body { margin: 0; padding: 0; }
svg[data-marpit-svg] { display: block; width: ${SLIDE.width}px; height: ${SLIDE.height}px; break-after: page; }
svg[data-marpit-svg]:last-of-type { break-after: auto; }
`;

/** Rendered slides → the printable HTML page of them. */
export function slidesDocument({ slides, css }: RenderedSlides, title: string, lang: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}</style><style>${PRINT_CSS}</style></head>
<body><div class="marpit">${slides.join('')}</div></body></html>`;
}
