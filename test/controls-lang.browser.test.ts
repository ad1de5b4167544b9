/**
 * The HTML's controls in the talk's language: the German and the Arabic
 * examples, built as a user builds them, leave none of marp-cli's English
 * control words in the page (visible text, `title`, `aria-label`, window
 * titles) in the normal, presenter and overview views, and the presenter
 * view's clock is in the language's own format.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { testBrowser } from './browser.js';
import { CLOCK_START, stopClock } from './fake-clock.js';
import { describeWithBrowser } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('controls-lang');
const EXAMPLES = { de: 'examples/de.yaml', ar: 'examples/ar.yaml' } as const;
type Lang = keyof typeof EXAMPLES;

/** What marp-cli's template and script write in English, and versus's English pacing words. */
const ENGLISH =
  /Previous slide|Next slide|Toggle (fullscreen|overview)|presenter view|Page \d+ of \d+|notes font size|^(Previous|Next|Timer)$|Current time|Overview|Close overview|\b[AP]M\b|\b(ahead|behind|on time|planned|left in the)\b/i;

/**
 * The words of a page that are not the talk's own: every `title` and
 * `aria-label`, the text of every control, the pacing panel and the window
 * title; the slides and notes (the outline's text) are left out.
 */
function controlWords(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const words = [document.title];
    for (const element of document.querySelectorAll<HTMLElement>('[title], [aria-label]')) {
      if (element.closest('svg[data-marpit-svg], .bespoke-marp-note')) continue;
      words.push(element.title, element.getAttribute('aria-label') ?? '');
    }
    const controls = 'button, time, [data-bespoke-marp-osc], .versus-pace';
    for (const element of document.querySelectorAll<HTMLElement>(controls)) words.push(element.innerText);
    return words.map((word) => word.trim()).filter(Boolean);
  });
}

describeWithBrowser('the controls of the German and the Arabic example', () => {
  const html: Partial<Record<Lang, string>> = {};

  beforeAll(async () => {
    const out = await temp.dir();
    for (const [lang, file] of Object.entries(EXAMPLES) as [Lang, string][]) {
      const { files } = await build(path.resolve(file), { outDir: out, formats: ['html'] });
      html[lang] = files.find((f) => f.endsWith('.html'));
    }
  });

  const open = async (lang: Lang, query: string): Promise<Page> => {
    const page = await (await testBrowser()).newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await stopClock(page);
    await page.goto(`${pathToFileURL(html[lang] ?? '').href}${query}`);
    return page;
  };

  it.each(Object.keys(EXAMPLES) as Lang[])(
    'has no English control word in the %s presenter view, and its own clock',
    async (lang) => {
      const page = await open(lang, '?view=presenter');
      try {
        await page.waitForSelector('.versus-pace .versus-pace-start');
        const words = await controlWords(page);
        expect(words.length).toBeGreaterThan(8);
        expect(words.filter((word) => ENGLISH.test(word))).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : '');
        const own = new Intl.DateTimeFormat(lang, { timeStyle: 'medium', timeZone: 'UTC' }).format(CLOCK_START);
        const english = new Intl.DateTimeFormat('en', { timeStyle: 'medium', timeZone: 'UTC' }).format(CLOCK_START);
        expect(own).not.toBe(english);
        expect(await page.$eval('.versus-clock', (clock) => clock.textContent)).toBe(own);
        // marp-cli's clock, in the browser's language, gave its place to it.
        expect(await page.$$('.bespoke-marp-presenter-info-time')).toHaveLength(0);
      } finally {
        await page.close();
      }
    },
  );

  it.each(Object.keys(EXAMPLES) as Lang[])(
    'has no English control word in the %s slides view and its overview',
    async (lang) => {
      const page = await open(lang, '#3');
      try {
        await page.waitForFunction(() =>
          /3/.test(document.querySelector('[data-bespoke-marp-osc="page"]')?.textContent ?? ''),
        );
        const words = await controlWords(page);
        expect(words.filter((word) => ENGLISH.test(word))).toEqual([]);
        await page.keyboard.press('o');
        const overview = await (await page.waitForSelector('.bespoke-marp-overview iframe'))?.contentFrame();
        if (!overview) throw new Error('no overview');
        await overview.waitForSelector('.bespoke-marp-overview-close');
        const overviewWords = await controlWords(overview);
        expect(overviewWords.length).toBeGreaterThan(1);
        expect(overviewWords.filter((word) => ENGLISH.test(word))).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
