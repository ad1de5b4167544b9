/**
 * Measures every slide in the browser: how far its content runs past the
 * slide's content box (into the padding, past the edge, or under the footer).
 * Marp itself clips silently; this is how `check` and the tests see it.
 */

import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { SlideMeasure } from '../lint/measure.js';
import { openDocument, type SharedBrowser } from './browser.js';
import type { RenderedSlides } from './marp.js';
import { slidesDocument } from './slides-document.js';

/** Content may touch the padding edge by this much before it counts (sub-pixel rounding, descenders). */
const TOLERANCE_PX = 2;

/** Measures the slides of a page showing a deck (see `slidesDocument`), e.g. the one about to be printed. */
export function measurePage(page: Page): Promise<SlideMeasure[]> {
  return page.evaluate((tolerance) => {
    const sections = [...document.querySelectorAll<HTMLElement>('svg[data-marpit-svg] > foreignObject > section')];
    return sections.map((section, i) => {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const limitBottom = box.bottom - Number.parseFloat(style.paddingBottom);
      const limitRight = box.right - Number.parseFloat(style.paddingRight);
      let bottom = 0;
      let right = 0;
      for (const element of section.querySelectorAll<HTMLElement>('*')) {
        // The footer has its own place; what is only for screen readers is never seen.
        if (element.closest('header, footer, .sr-only')) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        bottom = Math.max(bottom, rect.bottom - limitBottom);
        right = Math.max(right, rect.right - limitRight);
        // A box that scrolls hides content just as well as the slide edge does.
        const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
        const { overflowX, overflowY } = getComputedStyle(element);
        if (scrolls(overflowY)) bottom = Math.max(bottom, element.scrollHeight - element.clientHeight);
        if (scrolls(overflowX)) right = Math.max(right, element.scrollWidth - element.clientWidth);
      }
      const over = (px: number) => (px > tolerance ? Math.ceil(px) : 0);
      return { slide: i + 1, bottom: over(bottom), right: over(right) };
    });
  }, TOLERANCE_PX);
}

/**
 * Opens the deck in a page of its own, in the talk's `lang`, and measures
 * every slide; the page is written to `workDir`, where the build staged the
 * slides' pictures, or to a folder of its own that links to them (`assets`:
 * name the slides use → the picture's file): a picture that does not load
 * takes no room, and the slide it would push over its edge measures as fitting.
 */
export async function measureSlides(
  browser: SharedBrowser,
  rendered: RenderedSlides,
  { lang, workDir, assets = new Map() }: { lang: string; workDir?: string; assets?: ReadonlyMap<string, string> },
): Promise<SlideMeasure[]> {
  const dir = workDir ?? (await mkdtemp(path.join(tmpdir(), 'versus-measure-')));
  try {
    if (!workDir) {
      for (const [name, file] of assets) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await symlink(path.resolve(file), path.join(dir, name));
      }
    }
    const html = slidesDocument(rendered, 'measure', lang);
    return await browser.withPage(async (page) =>
      measurePage(await openDocument(page, { file: path.join(dir, '.measure.html'), html })),
    );
  } finally {
    if (!workDir) await rm(dir, { recursive: true, force: true });
  }
}
