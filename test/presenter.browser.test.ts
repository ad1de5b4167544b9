/**
 * The speaker's HTML in the presenter view, at a laptop's 1280×720 window:
 * an exercise's solution with a line far wider than the notes is shown whole,
 * wrapped under its own indentation, and still copies out as the code.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { testBrowser } from './browser.js';
import { describeWithBrowser, exerciseWithSolution, minimalOutline } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('presenter');
/** 160 characters, indented two levels. */
const LONG = `        value = [${Array.from({ length: 24 }, (_, i) => 1000 + i).join(', ')}]`;
const SOLUTION = [
  'def weigh(inputs):',
  '    for x in inputs:',
  LONG,
  '        yield sum(value) * x',
  '    return None',
];
const NOTE = '.bespoke-marp-presenter-note-container .bespoke-marp-note.active';

describeWithBrowser('the presenter view’s solution', () => {
  let page: Page;

  beforeAll(async () => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push(exerciseWithSolution(SOLUTION));
    const file = await temp.write('outline.yaml', stringify(outline));
    const { compiled, files } = await build(file, {
      outDir: await temp.dir(),
      formats: ['html'],
    });
    const html = files.find((f) => f.endsWith('.presenter.html'));
    if (!html) throw new Error(`no speaker's HTML among ${files.join(', ')}`);
    const index = compiled.deck.slides.findIndex((s) => s.kind === 'exercise');
    page = await (await testBrowser()).newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${pathToFileURL(html).href}?view=presenter#${index + 1}`);
    await page.waitForSelector(NOTE);
  });

  afterAll(async () => {
    await page?.close();
  });

  it('shows every character of a 160-character line inside the notes, its rest hanging under its indentation', async () => {
    expect(LONG).toHaveLength(160);
    const shown = await page.$eval(
      NOTE,
      (note, longIndex) => {
        const code = note.querySelector('p + p') as HTMLElement;
        const box = note.getBoundingClientRect();
        const left = code.getBoundingClientRect().left;
        const charWidth = (() => {
          const first = document.createRange();
          first.selectNodeContents(code.querySelector('.line') as HTMLElement);
          return first.getBoundingClientRect().width / 'def weigh(inputs):'.length;
        })();
        const long = code.querySelectorAll('.line')[longIndex];
        const outside: string[] = [];
        /** The long line's rows: top → where the row's first character is, in characters from the code's left. */
        const rows = new Map<number, number>();
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const value = text.nodeValue ?? '';
          for (let i = 0; i < value.length; i++) {
            // A space at the end of a wrapped row hangs past the edge, as in any wrapped text; no content is lost.
            if (/\s/.test(value[i] ?? '')) continue;
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            const rect = range.getBoundingClientRect();
            const inside =
              rect.left >= box.left - 0.5 &&
              rect.right <= box.right + 0.5 &&
              rect.top >= box.top - 0.5 &&
              rect.bottom <= box.bottom + 0.5;
            if (!inside) outside.push(value[i] ?? '');
            const top = Math.round(rect.top);
            if (long?.contains(text) && !rows.has(top)) rows.set(top, (rect.left - left) / charWidth);
          }
        }
        return {
          outside,
          noteFits: note.scrollWidth <= note.clientWidth,
          codeFits: code.scrollWidth <= code.clientWidth,
          starts: [...rows.values()],
          text: code.innerText,
        };
      },
      SOLUTION.indexOf(LONG),
    );
    expect(shown.outside).toEqual([]);
    expect(shown.noteFits).toBe(true);
    expect(shown.codeFits).toBe(true);
    expect(shown.text).toBe(SOLUTION.join('\n'));
    // Its first row starts at its indentation (8), every further row two characters further in.
    expect(shown.starts.length).toBeGreaterThan(1);
    const [head, ...rest] = shown.starts.map((start) => Math.round(start * 10) / 10);
    expect(head).toBe(8);
    for (const start of rest) expect(start).toBe(10);
  });

  it('selects the whole long line with a triple click, and the whole code when the paragraph is selected', async () => {
    const lines = await page.$$(`${NOTE} p + p .line`);
    const long = lines[SOLUTION.indexOf(LONG)];
    const box = await long?.boundingBox();
    if (!box) throw new Error('the long line is not shown');
    // On its second row: the wrapped rest belongs to the same line of code.
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2 + 5];
    await page.mouse.click(x, y, { clickCount: 1 });
    await page.mouse.click(x, y, { clickCount: 2 });
    await page.mouse.click(x, y, { clickCount: 3 });
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(`${LONG}\n`);
    const copied = await page.$eval(`${NOTE} p + p`, (code) => {
      getSelection()?.selectAllChildren(code);
      return getSelection()?.toString();
    });
    expect(copied).toBe(SOLUTION.join('\n'));
  });
});
