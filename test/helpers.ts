/** Shared test helpers: compiling outlines from text, the browser gate, and reading pages. */
import type { Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { stringify } from 'yaml';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { findBrowser } from '../src/export/browser.js';
import type { LoadedOutline } from '../src/outline/load.js';
import { stampOutline } from '../src/outline/origin.js';
import { parseOutlineText } from '../src/outline/parse.js';
import type { Outline } from '../src/outline/schema.js';
import { validateOutline } from '../src/outline/validate.js';
import { type Compiled, compileOutline } from '../src/pipeline/compile.js';
import type { Selection } from '../src/select/select.js';

/** Parses and validates outline text as if it were the file `outline.yaml`; throws on problems. */
export function loadText(source: string, file = 'outline.yaml'): LoadedOutline {
  const parsed = parseOutlineText(source, file);
  const validated = validateOutline(parsed);
  if (!validated.ok) throw new VersusError('invalid-outline', 'invalid', { diagnostics: validated.diagnostics });
  const outline = structuredClone(validated.outline);
  stampOutline(outline, file);
  return { outline, file, documents: new Map([[file, parsed]]), assets: new Map(), files: [file], inputs: new Map() };
}

export function compileText(source: string, selection: Selection = {}): Compiled {
  return compileOutline(loadText(source), selection);
}

export function compileData(outline: unknown, selection: Selection = {}): Compiled {
  return compileText(stringify(outline), selection);
}

/** Diagnostics of an outline as the CLI prints them (without hints). */
export function diagnose(source: string): string[] {
  const validated = validateOutline(parseOutlineText(source, 'outline.yaml'));
  return validated.ok
    ? []
    : validated.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} error[${d.code}]: ${d.message}`);
}

/** A small valid outline to vary in tests. */
export function minimalOutline(): Outline & Record<string, unknown> {
  return {
    title: 'A vs B',
    lang: 'en',
    wordsPerMinute: 130,
    contenders: [
      { id: 'a', name: 'Alpha', color: '#d00000' },
      { id: 'b', name: 'Beta', color: '#ff6f00' },
    ],
    sources: [{ id: 's1', title: 'Source one', url: 'https://example.org/one' }],
    sections: [
      {
        id: 'main',
        title: 'Main',
        slides: [
          {
            kind: 'comparison',
            id: 'table',
            title: 'Head to head',
            rows: [{ aspect: 'Speed', cells: { a: 'Fast', b: 'Slow' }, verdict: 'a' }],
            sources: ['s1'],
            notes: 'Say something.',
          },
        ],
      },
    ],
  };
}

/** The text of an outline of two contenders and one section of these slides (YAML, indented as list items of `slides:`). */
export function outlineWithSlides(slides: string): string {
  return `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
  - { id: b, name: Beta, color: "#ff6f00" }
sections:
  - id: main
    title: Main
    slides:
${slides}`;
}

/** An exercise slide whose solution is these lines of code, for tests of how a solution is shown. */
export function exerciseWithSolution(lines: readonly string[]) {
  return {
    kind: 'exercise' as const,
    id: 'weigh',
    title: 'Weigh the inputs',
    notes: 'Give them ten minutes.',
    task: ['Write weigh.'],
    solution: `${lines.join('\n')}\n`,
  };
}

/**
 * `describe` for tests that need a real Chromium: skipped on a machine
 * without one, but never in CI, where a missing browser must fail the run.
 */
export const describeWithBrowser = findBrowser() || process.env.CI ? describe : describe.skip;

/** The rendered text of the first element matching `selector`; undefined while there is none. */
export function textOf(page: Page, selector: string): Promise<string | undefined> {
  return page.evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText, selector);
}

/** How many elements match `selector`. */
export async function countOf(page: Page, selector: string): Promise<number> {
  return (await page.$$(selector)).length;
}

/** Whether the first element matching `selector` exists and is visible. */
export async function isShown(page: Page, selector: string): Promise<boolean> {
  return (await (await page.$(selector))?.isVisible()) ?? false;
}

/** The lines the browser set the first element's text on, top to bottom. */
export async function linesOf(page: Page, selector: string): Promise<string[]> {
  await page.waitForSelector(selector);
  return (await linesIn(page, selector))[0] ?? [];
}

/**
 * The lines of each element `selector` finds, as Chromium lays them out, top to bottom. The
 * zero-width spaces the planner breaks an address at are no text a reader sees.
 */
export function linesIn(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const top = Math.round(rect.top);
          lines.set(top, (lines.get(top) ?? '') + (node.textContent ?? '')[i]);
        }
      }
      return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text.replaceAll('\u200b', '').trim());
    }),
  );
}

/**
 * The lines of each element `selector` finds as a reader sees them: each line's characters from
 * left to right, as Chromium placed them (a right-to-left word comes out reversed, a bracket as
 * the character written, not the mirrored glyph drawn), without the direction marks no one sees.
 */
export function visualLinesIn(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const lines = new Map<number, { x: number; at: number; char: string }[]>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++, at++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || /[\u200b\u200e\u200f]/.test(text[i] ?? '')) continue;
          const top = Math.round(rect.top + rect.height / 2);
          const line = [...lines.keys()].find((y) => Math.abs(y - top) < rect.height / 2) ?? top;
          lines.set(line, [...(lines.get(line) ?? []), { x: rect.left, at, char: text[i] ?? '' }]);
        }
      }
      // Characters drawn as one glyph (an Arabic ligature) share a box: the later one reads further left.
      return [...lines.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, chars]) =>
          chars
            .sort((a, b) => a.x - b.x || b.at - a.at)
            .map((c) => c.char)
            .join('')
            .trim(),
        );
    }),
  );
}
