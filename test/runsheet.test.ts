/**
 * The run sheet (`<slug>.runsheet.md`): one row per slide with its number,
 * title, section, minutes and the clock at its start and end; the totals
 * match the deck and `check`, and it says whether the talk fits its slot.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { checkOutline } from '../src/commands/check.js';
import { loadOutline } from '../src/outline/load.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { clock } from '../src/plan/timing.js';
import { renderRunSheet } from '../src/render/runsheet.js';
import type { Selection } from '../src/select/select.js';
import { renderCommonMark } from './markdown-renderer.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('runsheet');

/** 130 words: one minute at the default speaking rate. */
const MINUTE_OF_NOTES = Array.from({ length: 130 }, () => 'word').join(' ');

const TALK = `title: Tea vs Coffee
event: Test Meetup
date: 2026-11-22
duration: 15
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sources:
  - { id: guide, title: The Beverage Guide, url: https://example.org/guide }
sections:
  - id: basics
    title: The basics
    slides:
      - kind: bullets
        title: What they are
        bullets: [Tea is steeped leaves]
        sources: [guide]
        notes: ${MINUTE_OF_NOTES} ${MINUTE_OF_NOTES}
      - kind: quote
        title: A word
        text: Tea is a hug in a cup.
        minutes: 1.5
  - id: choosing
    title: Choosing
    minutes: 0.5
    slides:
      - kind: exercise
        id: brew
        tags: [workshop]
        title: Brew one
        task: [Boil water]
        solution: Use 90 degrees.
        minutes: 5
      - kind: quote
        title: Questions
        text: Questions?
        minutes: 2
profiles:
  short: { duration: 5, skip: [brew] }
`;

interface Row {
  number: number;
  starts: string;
  title: string;
  section: string;
  minutes: string;
  ends: string;
}

/** The slide rows of a run sheet's table. */
function rowsOf(sheet: string): Row[] {
  return sheet
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const [number, starts, title, section, minutes, ends] = line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()) as [string, string, string, string, string, string];
      return { number: Number(number), starts, title, section, minutes, ends };
    });
}

const seconds = (time: string) => time.split(':').reduce((total, part) => total * 60 + Number(part), 0);

async function sheetOf(text: string, selection: Selection = {}) {
  const file = await temp.write('talk.yaml', text);
  const { deck } = compileOutline(await loadOutline(file), selection);
  return { file, deck, sheet: renderRunSheet(deck) };
}

describe('the run sheet', () => {
  it('has one row per slide, numbered, with its title, section and minutes', async () => {
    const { sheet } = await sheetOf(TALK);
    expect(sheet.split('\n').slice(0, 2)).toEqual(['# Run sheet: Tea vs Coffee', '']);
    expect(sheet).toContain('Test Meetup · November\u00a022,\u00a02026');
    expect(sheet).toContain('| # | starts | slide | section | minutes | ends |');
    expect(rowsOf(sheet).map(({ number, title, section, minutes }) => [number, title, section, minutes])).toEqual([
      [1, 'Tea vs Coffee', '', '0.25\u00a0min'],
      [2, 'Agenda', '', '0.25\u00a0min'],
      // Each section starts with its divider, titled as the section.
      [3, 'The basics', 'The basics', '0.25\u00a0min'],
      // Estimated from 260 words of notes at 130 words a minute.
      [4, 'What they are', 'The basics', '2\u00a0min'],
      [5, 'A word', 'The basics', '1.5\u00a0min'],
      [6, 'Choosing', 'Choosing', '0.5\u00a0min'],
      [7, 'Exercise 1: Brew one', 'Choosing', '5\u00a0min'],
      [8, 'Questions', 'Choosing', '2\u00a0min'],
      [9, 'References', '', '0.25\u00a0min'],
    ]);
  });

  it('starts each slide when the one before it ends, from 0:00, each lasting its minutes', async () => {
    const { sheet, deck } = await sheetOf(TALK);
    const rows = rowsOf(sheet);
    expect(rows.map((r) => [r.starts, r.ends])).toEqual([
      ['0:00', '0:15'],
      ['0:15', '0:30'],
      ['0:30', '0:45'],
      ['0:45', '2:45'],
      ['2:45', '4:15'],
      ['4:15', '4:45'],
      ['4:45', '9:45'],
      ['9:45', '11:45'],
      ['11:45', '12:00'],
    ]);
    rows.forEach((row, i) => {
      expect(seconds(row.ends) - seconds(row.starts)).toBe(Math.round((deck.slides[i]?.minutes ?? 0) * 60));
    });
  });

  it('has totals that match the deck and `check`, and says the talk fits its slot', async () => {
    const { file, sheet, deck } = await sheetOf(TALK);
    const report = await checkOutline(file, { measure: false });
    expect(report).toMatchObject({ slides: 9, minutes: 12, budget: 15, fits: true });
    expect(deck.minutes).toBe(report.minutes);
    expect(sheet).toContain('9 slides, 12\u00a0min of a 15\u00a0min slot — fits, with 3\u00a0min to spare.');
    const rows = rowsOf(sheet);
    expect(rows).toHaveLength(report.slides);
    expect(rows.at(-1)?.ends).toBe('12:00');
    expect(rows.reduce((sum, row) => sum + Number.parseFloat(row.minutes), 0)).toBe(deck.minutes);
  });

  it('follows a profile: its slides, its slot, its name, and says by how much the talk runs over', async () => {
    const { file, sheet } = await sheetOf(TALK, { profile: 'short' });
    const report = await checkOutline(file, { measure: false, profile: 'short' });
    expect(report).toMatchObject({ slides: 8, minutes: 7, budget: 5, fits: false });
    expect(sheet).toContain('Profile: short · Test Meetup · November\u00a022,\u00a02026');
    expect(sheet).toContain('8 slides, 7\u00a0min of a 5\u00a0min slot — **over by 2\u00a0min**.');
    const rows = rowsOf(sheet);
    expect(rows.map((r) => r.title)).not.toContain('Exercise 1: Brew one');
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.at(-1)?.ends).toBe('7:00');
  });

  it('prints hours past the hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(4.25)).toBe('4:15');
    expect(clock(59.99)).toBe('59:59');
    expect(clock(90.5)).toBe('1:30:30');
  });

  it('is written by build as <slug>.runsheet.md, without a browser', async () => {
    const file = await temp.write('talk.yaml', TALK);
    const outDir = path.join(path.dirname(file), 'out');
    const { compiled, files } = await build(file, { outDir, formats: ['runsheet'] });
    expect(files).toEqual([path.join(outDir, 'tea-vs-coffee.runsheet.md')]);
    expect((await readdir(outDir)).sort()).toEqual(['.versus', 'tea-vs-coffee.runsheet.md']);
    expect(await readFile(path.join(outDir, 'tea-vs-coffee.runsheet.md'), 'utf8')).toBe(renderRunSheet(compiled.deck));
  });
});

describe('a slide split into continuation slides', () => {
  const bullets = Array.from(
    { length: 30 },
    (_, i) => `          - Bullet ${i + 1} is long enough to take a whole line of the slide, or nearly`,
  ).join('\n');
  const SPLIT = TALK.replace('        bullets: [Tea is steeped leaves]\n', `        bullets:\n${bullets}\n`);

  it('has a row per part, titled "(1/n)"…, sharing the slide’s time on the clock', async () => {
    const { sheet, deck } = await sheetOf(SPLIT);
    const parts = rowsOf(sheet).filter((r) => r.title.startsWith('What they are'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((r) => r.title)).toEqual(parts.map((_, i) => `What they are (${i + 1}/${parts.length})`));
    const first = parts[0] as Row;
    const last = parts.at(-1) as Row;
    expect(seconds(last.ends) - seconds(first.starts)).toBe(120);
    expect(rowsOf(sheet).at(-1)?.ends).toBe(clock(deck.minutes));
  });

  // Parts share a slide's time in whole quarter minutes: 2 minutes in three parts are 0.75, 0.75 and 0.5.
  it('shows minutes for the parts that add up to the slide’s and the deck’s', async () => {
    const { sheet, deck } = await sheetOf(SPLIT);
    const parts = rowsOf(sheet).filter((r) => r.title.startsWith('What they are'));
    const partsTotal = parts.reduce((sum, row) => sum + Number.parseFloat(row.minutes), 0);
    expect(partsTotal).toBe(2);
    const total = rowsOf(sheet).reduce((sum, row) => sum + Number.parseFloat(row.minutes), 0);
    expect(total).toBe(deck.minutes);
  });
});

describe('titles in the run sheet', () => {
  it('escape what would break the table', async () => {
    const { sheet } = await sheetOf(TALK.replace('title: A word', 'title: "Tea | Coffee"'));
    const row = rowsOf(sheet).find((r) => r.number === 5);
    expect(row).toEqual({
      number: 5,
      starts: '2:45',
      title: 'Tea \\| Coffee',
      section: 'The basics',
      minutes: '1.5\u00a0min',
      ends: '4:15',
    });
  });

  it('render as written, with no link, emphasis or entity, in a Markdown renderer', async () => {
    const title = '[docs](https://evil.example/) **bold** &amp; <b>x</b> `code` ~~gone~~ $x$ Tea #';
    const { sheet } = await sheetOf(TALK.replace('title: A word', `title: ${JSON.stringify(title)}`));
    const html = parse(renderCommonMark(sheet));
    expect(html.querySelectorAll('a, strong, em, b, code, s, del')).toHaveLength(0);
    expect(html.querySelectorAll('tbody tr')[4]?.querySelectorAll('td')[2]?.text).toBe(title);
  });

  // A printed sheet reads "C#" where the talk says "C#", not "C\#".
  it('show a title as written where markdown needs no escape', async () => {
    const { sheet } = await sheetOf(TALK.replace('title: A word', 'title: "C# vs F#"'));
    expect(rowsOf(sheet).find((r) => r.number === 5)?.title).toBe('C# vs F#');
  });
});
