/**
 * The presenter view's pacing, in the speaker's HTML opened from file:// with
 * the page's clock stopped and moved by the test (fake-clock.ts): the current
 * slide's planned start and length read as the run sheet prints them, and the
 * talk shown ahead or behind its plan by the right amount, with a sign and a
 * word; marp-cli's timer reset restarts it, and the synced audience window moves it.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { testBrowser } from './browser.js';
import { advanceClock, stopClock } from './fake-clock.js';
import { describeWithBrowser, minimalOutline } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('pacing');
const SLOT_MINUTES = 12;
const PACE = '.versus-pace';

/** "1:20" → 80. */
const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;

describeWithBrowser('the presenter view’s pacing', () => {
  let html: string;
  /** The run sheet's rows: slide number → its start and minutes as printed. */
  let rows: Map<number, { start: string; minutes: string }>;
  let page: Page;
  /** The slide the test moves to (1-based): the third authored one, well into the talk. */
  let slide: number;

  beforeAll(async () => {
    const outline = minimalOutline();
    outline.duration = SLOT_MINUTES;
    outline.sections[0]?.slides.push(
      { kind: 'bullets', id: 'two', title: 'Two', bullets: ['b'], minutes: 2, notes: 'Two.' },
      { kind: 'bullets', id: 'three', title: 'Three', bullets: ['c'], minutes: 1.5, notes: 'Three.' },
      { kind: 'bullets', id: 'four', title: 'Four', bullets: ['d'], minutes: 2.5, notes: 'Four.' },
    );
    const file = await temp.write('outline.yaml', stringify(outline));
    const { files, compiled } = await build(file, {
      outDir: await temp.dir(),
      formats: ['html', 'runsheet'],
    });
    html = files.find((f) => f.endsWith('.html')) ?? '';
    const runsheet = await readFile(files.find((f) => f.endsWith('.runsheet.md')) ?? '', 'utf8');
    rows = new Map(
      [...runsheet.matchAll(/^\| (\d+) \| ([\d:]+) \| [^|]* \| [^|]* \| ([^|]+) \| [\d:]+ \|$/gm)].map((m) => [
        Number(m[1]),
        { start: m[2] ?? '', minutes: (m[3] ?? '').trim() },
      ]),
    );
    slide = compiled.deck.slides.findIndex((s) => s.title === 'Four') + 1;
    expect(rows.size).toBe(compiled.deck.slides.length);
    page = await (await testBrowser()).newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await stopClock(page);
    await page.goto(`${pathToFileURL(html).href}?view=presenter&sync=pacing-test`);
    await page.waitForSelector(`${PACE} .versus-pace-start`);
  });

  afterAll(async () => {
    await page?.close();
  });

  const shown = () =>
    page.$eval(PACE, (pace) => {
      const text = (selector: string) =>
        pace.querySelector<HTMLElement>(selector)?.innerText.replace(/\s+/g, ' ').trim();
      return {
        start: pace.querySelector('.versus-pace-start bdi')?.textContent,
        length: pace.querySelector('.versus-pace-length bdi')?.textContent,
        spent: pace.querySelector('.versus-pace-spent bdi')?.textContent,
        delta: text('.versus-pace-delta'),
        pace: pace.querySelector<HTMLElement>('.versus-pace-delta')?.dataset.pace,
        slot: text('.versus-pace-slot'),
      };
    });
  const onSlide = (n: number) =>
    page.waitForFunction(
      (start: string) => document.querySelector('.versus-pace-start bdi')?.textContent === start,
      { timeout: 5000 },
      rows.get(n)?.start ?? '?',
    );

  /** marp-cli's timer, which it writes four times a second, showing `text`. */
  const timerShows = (text: string) =>
    page.waitForFunction(
      (expected: string) => document.querySelector('.bespoke-marp-presenter-info-timer')?.textContent === expected,
      { timeout: 5000 },
      text,
    );

  it('moves with the keyboard to slide N and shows its planned start and length as the run sheet prints them', async () => {
    expect(slide).toBeGreaterThan(3);
    for (let n = 1; n < slide; n++) await page.keyboard.press('ArrowRight');
    await onSlide(slide);
    const row = rows.get(slide);
    expect(seconds(row?.start ?? '0')).toBeGreaterThan(0);
    expect(await shown()).toMatchObject({ start: row?.start, length: row?.minutes, spent: '0:00' });
    // Arrived at once, on a slide the plan reaches later: ahead by its start.
    expect((await shown()).delta).toBe(`−${row?.start} ahead`);
  });

  it('after the slide’s planned length and 80 seconds more, shows the talk 1:20 behind, and the slot’s time left', async () => {
    const row = rows.get(slide);
    const planned = seconds(row?.start ?? '0') + Number.parseFloat(row?.minutes ?? '0') * 60;
    await advanceClock(page, planned + 80);
    await page.waitForFunction(() => document.querySelector('.versus-pace-delta')?.textContent?.includes('behind'));
    expect(await shown()).toMatchObject({
      delta: '+1:20 behind',
      pace: 'behind',
      spent: clock(planned + 80),
      slot: `left in the slot ${clock(SLOT_MINUTES * 60 - planned - 80)}`,
    });
    // marp-cli's own timer, from the same clock, agrees.
    await timerShows(`00:${clock(planned + 80).padStart(5, '0')}`);
  });

  it('restarts with marp-cli’s timer: ahead again by the slide’s start', async () => {
    await page.click('.bespoke-marp-presenter-info-timer');
    await page.waitForFunction(() => document.querySelector('.versus-pace-delta')?.textContent?.includes('ahead'));
    expect(await shown()).toMatchObject({ delta: `−${rows.get(slide)?.start} ahead`, spent: '0:00', pace: 'ahead' });
    await timerShows('00:00:00');
  });

  it('follows the slide the synced audience window moves to', async () => {
    const audience = await (await testBrowser()).newPage();
    try {
      await audience.goto(`${pathToFileURL(html).href}?sync=pacing-test#${slide}`);
      await audience.waitForSelector('.bespoke-marp-active');
      await audience.keyboard.press('ArrowLeft');
      await onSlide(slide - 1);
      expect((await shown()).length).toBe(rows.get(slide - 1)?.minutes);
    } finally {
      await audience.close();
    }
  });
});
