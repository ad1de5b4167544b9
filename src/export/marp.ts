/**
 * One Marp configuration for every output, so the HTML (via marp-cli), the
 * PDFs (via marp-core in our browser) and editors' previews all agree.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Marp, MarpOptions } from '@marp-team/marp-core';
import { PACKAGE_ROOT } from '../shared/package-root.js';
import type { ResolvedTheme } from '../theme/resolve.js';

/**
 * Outline text is escaped before it reaches Marp; these options remove the
 * remaining ways text could change meaning or reach the network
 * (twemoji from a CDN, emoji shortcodes, `$…$` math). Linkify is off because
 * it reads URLs before backslash escapes are removed; references use explicit
 * autolinks instead.
 */
export const MARP_OPTIONS = {
  emoji: { shortcode: false, unicode: false },
  math: false,
  minifyCSS: false,
  markdown: { linkify: false },
} satisfies MarpOptions;

/**
 * The built module marp-cli converts with instead of importing marp-core itself: in the
 * bundled CLI it shares the marp-core the PDFs were rendered with (see marp-engine.ts).
 */
export const MARP_ENGINE = path.join(PACKAGE_ROOT, 'lib/export/marp-engine.js');

/** Imported on first use: Marp takes a tenth of a second to load, which `--help` or a failed build should not pay. */
export async function createMarp(theme: ResolvedTheme): Promise<Marp> {
  const { Marp } = await import('./marp-engine.js');
  const marp = new Marp({ ...MARP_OPTIONS, script: false });
  for (const file of theme.files) marp.themeSet.add(theme.css?.get(file) ?? (await readFile(file, 'utf8')));
  return marp;
}

export interface RenderedSlides {
  /** One `<svg data-marpit-svg>` per slide. */
  slides: string[];
  css: string;
}

/**
 * Marp's rendering of a deck, one `<svg>` per slide. A build renders once and
 * hands the result to the PDF, the handout, the images and the measure.
 */
export async function renderSlides(markdown: string, theme: ResolvedTheme): Promise<RenderedSlides> {
  const { html, css } = (await createMarp(theme)).render(markdown, { htmlAsArray: true });
  return { slides: html as unknown as string[], css };
}
