/**
 * The workshop kit through a real build and a real Chromium: the attendee
 * handout without solutions, the speaker's script with every note, solution
 * and start time, code that keeps its lines on paper, and solutions copied out
 * of the HTML presenter view exactly as written.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BuildResult, build } from '../src/commands/build.js';
import { handoutDocument } from '../src/export/handout.js';
import { renderSlides } from '../src/export/marp.js';
import { scriptDocument } from '../src/export/script.js';
import { exercisesOf } from '../src/plan/exercises.js';
import { clock } from '../src/plan/timing.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { sharedBrowser, testBrowser } from './browser.js';
import { compileData, describeWithBrowser, minimalOutline } from './helpers.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/kit/workshop.yaml');
/** The script's notes column starts right of the slide: 14 mm margin + 52 mm slide + 5 mm gap. */
const SCRIPT_NOTES_X = ((14 + 52 + 4) / 25.4) * 72;

interface Line {
  text: string;
  x: number;
  items: { text: string; x: number }[];
}

/**
 * A PDF's text, page by page, as lines: text items on one baseline joined, left to right;
 * with `fromX`, only items from there rightwards (the script's notes column, beside the slides).
 */
async function pdfLines(file: string, fromX = 0): Promise<Line[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const lines: Line[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const byY = new Map<number, { text: string; x: number }[]>();
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) {
      if (!('str' in item) || item.str === '' || item.transform[4] < fromX) continue;
      const y = Math.round(item.transform[5] * 2) / 2;
      byY.set(y, [...(byY.get(y) ?? []), { text: item.str, x: item.transform[4] }]);
    }
    for (const [, items] of [...byY].sort(([a], [b]) => b - a)) {
      items.sort((a, b) => a.x - b.x);
      lines.push({ text: items.map((i) => i.text).join(''), x: items[0]?.x ?? 0, items });
    }
  }
  return lines;
}

const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();
const leadingSpaces = (s: string) => /^ */.exec(s)?.[0].length ?? 0;

/**
 * A line of monospaced code as the page sets it: Chromium's PDF drops leading
 * spaces and runs of spaces from the text and places each word instead, so
 * each word goes back to the column its position gives (`left`: where column 0 is).
 */
function monospacedText(line: Line, left: number, charWidth: number): string {
  let text = '';
  for (const item of line.items) {
    if (!item.text.trim()) continue;
    text = text.padEnd(Math.round((item.x - left) / charWidth), ' ') + item.text;
  }
  return text;
}
const codeOf = (s: string) => s.replace(/\s+$/, '');

describeWithBrowser('the workshop kit', () => {
  let result: BuildResult;
  let outDir: string;
  let browser: Browser;
  let page: Page;
  const file = (suffix: string) => path.join(outDir, `${result.compiled.deck.meta.slug}${suffix}`);

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'versus-kit-'));
    result = await build(FIXTURE, {
      outDir,
      formats: ['html', 'handout', 'script'],
      browser: sharedBrowser(),
    });
    browser = await testBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await page?.close();
  });

  it('gives attendees every task and no solution in the handout', async () => {
    const { deck } = result.compiled;
    const text = collapse((await pdfLines(file('.handout.pdf'))).map((l) => l.text).join(' '));
    const exercises = exercisesOf(deck);
    expect(exercises).toHaveLength(2);
    for (const exercise of exercises) {
      for (const step of exercise.task) expect(text).toContain(collapse(step));
      // Every line of the solution that is not also in the starter code stays out.
      const starter = new Set((exercise.starter ?? '').split('\n').map(collapse));
      const own = exercise.solution
        .split('\n')
        .map(collapse)
        .filter((l) => l && !starter.has(l));
      expect(own.length).toBeGreaterThan(2);
      for (const line of own) expect(text).not.toContain(line);
    }
    expect(text).toContain('The solution is discussed in the session.');
  });

  it("gives the speaker every note, every solution, the section breaks and each slide's start time", async () => {
    const { deck } = result.compiled;
    const lines = await pdfLines(file('.script.pdf'), SCRIPT_NOTES_X);
    const text = collapse(lines.map((l) => l.text).join(' '));
    for (const slide of deck.slides) if (slide.notes.trim()) expect(text).toContain(collapse(slide.notes));
    for (const exercise of exercisesOf(deck)) {
      for (const line of exercise.solution.split('\n').filter((l) => l.trim())) {
        // Only the one line too long for the column is wrapped (with a ↪ in the margin, which is no text).
        expect(text).toContain(collapse(line).slice(0, 40));
      }
    }
    let elapsed = 0;
    for (const [i, slide] of deck.slides.entries()) {
      expect(text).toContain(`${i + 1}. ${slide.title}`);
      expect(text).toMatch(
        new RegExp(`${i + 1}\\. ${slide.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} starts ${clock(elapsed)} · `),
      );
      elapsed += slide.minutes;
    }
    const all = await pdfLines(file('.script.pdf'));
    for (const section of ['Introduction', 'The basics', 'More practice']) {
      expect(all.map((l) => l.text)).toContain(section);
    }
  });

  it('keeps the solution code line by line in the script PDF, every space included', async () => {
    const lines = await pdfLines(file('.script.pdf'), SCRIPT_NOTES_X);
    const solution = exercisesOf(result.compiled.deck)[0]?.solution ?? '';
    const first = solution.split('\n')[0] ?? '';
    const start = lines.findIndex((l) => l.text === first);
    expect(start).toBeGreaterThan(0);
    const left = lines[start]?.x ?? 0;
    // The code's size (shrunk to fit) from its first line: "def" and "train_step(" are four characters apart.
    const [def, name] = lines[start]?.items.filter((i) => i.text.trim()) ?? [];
    const charWidth = ((name?.x ?? 0) - (def?.x ?? 0)) / 4;
    expect(charWidth).toBeGreaterThan(8 * 0.6);
    const printed = lines.slice(start).map((line) => monospacedText(line, left, charWidth));
    // The code's lines in order (blank ones print as space only), but for the one too long
    // for the column, which wraps onto a second line that hangs under it.
    const expected = codeOf(solution)
      .split('\n')
      .filter((l) => l.trim());
    const long = expected.findIndex((l) => l.length > 80);
    const wrapped = expected[long] ?? '';
    expect(printed.slice(0, long)).toEqual(expected.slice(0, long));
    // Its rest hangs two characters in, on as many lines as it takes, broken at single spaces.
    const hang = leadingSpaces(wrapped) + 2;
    let end = long + 1;
    while (leadingSpaces(printed[end] ?? '') === hang) end++;
    expect(end - long).toBeGreaterThan(1);
    expect([printed[long], ...printed.slice(long + 1, end).map((l) => l.trim())].join(' ')).toBe(wrapped);
    expect(printed.slice(end, end + expected.length - long - 1)).toEqual(expected.slice(long + 1));
  });

  it("sets the handout's starter and the script's solution as the outline's code, byte for byte, in the page printed", async () => {
    const { deck } = result.compiled;
    const theme = await resolveTheme('versus', process.cwd());
    const { slides, css } = await renderSlides(result.compiled.markdown, theme);
    const [exercise] = exercisesOf(deck);
    const codeIn = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.$$eval('.notes .code-block', (blocks) =>
        blocks.map((b) => ({
          text: (b as HTMLElement).innerText,
          font: getComputedStyle(b).fontFamily,
          copied: (() => {
            const range = document.createRange();
            range.selectNodeContents(b);
            const selection = getSelection();
            selection?.removeAllRanges();
            selection?.addRange(range);
            return selection?.toString() ?? '';
          })(),
        })),
      );
    };
    const handout = await codeIn(handoutDocument(deck, { slides, css }, { layout: 3, paper: 'a4' }));
    expect(handout.map((b) => b.text)).toEqual([codeOf(exercise?.starter ?? '')]);
    expect(handout[0]?.copied).toBe(codeOf(exercise?.starter ?? ''));
    expect(handout[0]?.font).toMatch(/^["']?DejaVu Sans Mono/);

    const script = await codeIn(scriptDocument(deck, { slides, css }, 'a4'));
    expect(script.map((b) => b.text)).toEqual(exercisesOf(deck).map((e) => codeOf(e.solution)));
    expect(script.map((b) => b.copied)).toEqual(exercisesOf(deck).map((e) => codeOf(e.solution)));
  });

  it('sets code on paper left to right in a right-to-left talk, its tabs ending where an editor ends them, and a heading ending in Latin whole', async () => {
    // Go indents with tabs; the comment is Arabic. Each `^` marks a character whose column the test checks.
    const starter = 'func main() {\n\tx := 1 // عدد\n\tif x > 0 {\n\t\tfmt.Println(x)\n\t}\n\tvar y\t= 2\n}';
    const outline = { ...minimalOutline(), lang: 'ar' };
    outline.sections[0]?.slides.push({
      kind: 'exercise',
      title: 'جرّب Go',
      task: ['شغّل البرنامج'],
      language: 'go',
      starter,
      solution: starter,
    });
    const compiled = compileData(outline);
    const { slides, css } = await renderSlides(compiled.markdown, await resolveTheme('versus', process.cwd()));
    const columnsIn = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.$eval('.notes .code-block', (block) => {
        // The grey box, and its padding, are its parts' (code-block.ts).
        const box = block.querySelector('.part') as Element;
        const left = box.getBoundingClientRect().left + Number.parseFloat(getComputedStyle(box).paddingLeft);
        const x = (line: Element, index: number) => {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (index < length) {
              const range = document.createRange();
              range.setStart(node, index);
              range.setEnd(node, index + 1);
              return range.getBoundingClientRect();
            }
            index -= length;
          }
          throw new Error('no such character');
        };
        return [...block.querySelectorAll('.line')].map((line) => {
          const text = line.textContent ?? '';
          const first = x(line, text.search(/\S/));
          // Where a tab inside the line ends: the character after the last tab.
          const afterTab = text.lastIndexOf('\t') > text.search(/\S/) ? x(line, text.lastIndexOf('\t') + 1) : undefined;
          return [first, afterTab].map((rect) => (rect ? Math.round((rect.left - left) / rect.width) : null));
        });
      });
    };
    // Tabs to stops of four columns, as the slides and editors show them.
    const expected = [
      [0, null],
      [4, null],
      [4, null],
      [8, null],
      [4, null],
      [4, 12],
      [0, null],
    ];
    const handout = handoutDocument(compiled.deck, { slides, css }, { layout: 3, paper: 'a4' });
    expect(await columnsIn(handout)).toEqual(expected);
    // The heading's length ("· 1 د") stays after the whole title, to its left, not inside it beside "Go".
    const heading = await page.$eval('.item:has(.code-block) h3', (h3) => {
      const meta = h3.querySelector('.meta') as Element;
      const title = document.createRange();
      title.setStartBefore(h3.firstChild as Node);
      title.setEndBefore(meta);
      return {
        text: title.toString(),
        title: title.getBoundingClientRect().left,
        meta: meta.getBoundingClientRect().right,
      };
    });
    expect(heading.text).toContain('تمرين 1: جرّب Go');
    expect(heading.meta).toBeLessThanOrEqual(heading.title + 1);
    expect(await columnsIn(scriptDocument(compiled.deck, { slides, css }, 'a4'))).toEqual(expected);
  });

  it('copies a solution out of the HTML presenter view exactly as written, without invisible characters', async () => {
    const { deck } = result.compiled;
    const url = pathToFileURL(file('.presenter.html')).href;
    for (const exercise of exercisesOf(deck)) {
      const index = deck.slides.findIndex((s) => s.kind === 'exercise' && s.title === exercise.title);
      await page.goto(`${url}?view=presenter#${index + 1}`);
      const note = '.bespoke-marp-presenter-note-container .bespoke-marp-note.active';
      await page.waitForSelector(note);
      const shown = await page.$eval(note, (element) => {
        const paragraphs = [...element.querySelectorAll('p')];
        const code = paragraphs.at(-1) as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return {
          paragraphs: paragraphs.map((p) => (p as HTMLElement).innerText),
          copied: getSelection()?.toString() ?? '',
          font: getComputedStyle(code).fontFamily,
          whiteSpace: getComputedStyle(code).whiteSpace,
          fits: code.scrollWidth <= code.clientWidth,
        };
      });
      expect(shown.copied).toBe(codeOf(exercise.solution));
      expect(shown.paragraphs.at(-1)).toBe(codeOf(exercise.solution));
      expect(shown.paragraphs.at(-2)?.endsWith('Solution:')).toBe(true);
      for (const paragraph of shown.paragraphs) expect(paragraph).not.toMatch(/\p{Cf}/u);
      expect(shown.font).toMatch(/^["']?DejaVu Sans Mono/);
      expect(shown.whiteSpace).toBe('pre-wrap');
      // Shrunk to fit its longest line, or wrapped under its indentation: never wider than the notes (see presenter.browser.test.ts).
      expect(shown.fits).toBe(true);
    }
    // Notes that look like directives and close a comment are shown as written too.
    const wrapUp = deck.slides.findIndex((s) => s.title === 'Wrap-up');
    await page.goto(`${url}?view=presenter#${wrapUp + 1}`);
    const note = await page.$eval('.bespoke-marp-presenter-note-container .bespoke-marp-note.active', (e) =>
      (e as HTMLElement).innerText.trim(),
    );
    expect(note).toBe('Thank everyone.\n-->\nclass: lead');
  });
});
