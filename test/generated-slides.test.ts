/** What versus adds to a talk on its own: the title slide's byline, the References slide, an exercise's label. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../src/export/html.js';
import { barColors } from '../src/export/pptx/layout.js';
import { countWords, estimateMinutes } from '../src/plan/timing.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { compileData, minimalOutline } from './helpers.js';

const kinds = (outline: unknown) => compileData(outline).deck.slides.map((slide) => slide.kind);

describe('the References slide', () => {
  it('is there when the talk has sources', () => {
    expect(kinds(minimalOutline())).toContain('references');
  });

  it('is left out of a talk without sources, instead of standing empty', () => {
    const outline = minimalOutline();
    outline.sources = [];
    outline.sections[0]?.slides.forEach((slide) => {
      delete slide.sources;
    });
    expect(kinds(outline)).not.toContain('references');
  });

  it('is left out with `references: false`, like the agenda', () => {
    expect(kinds({ ...minimalOutline(), references: false, agenda: false })).toEqual([
      'title',
      'divider',
      'comparison',
    ]);
  });
});

describe('the agenda', () => {
  it('lists the sections of a talk of two or more', () => {
    const outline = minimalOutline();
    outline.sections.push({
      id: 'more',
      title: 'More',
      slides: [{ kind: 'bullets', title: 'Also', bullets: ['One more thing'] }],
    } as never);
    expect(kinds(outline).slice(0, 3)).toEqual(['title', 'agenda', 'divider']);
  });

  it('is left out of a talk of one section, whose divider says the same, unless the outline asks for it', () => {
    expect(kinds(minimalOutline()).slice(0, 2)).toEqual(['title', 'divider']);
    expect(kinds({ ...minimalOutline(), agenda: { notes: 'One part today.' } }).slice(0, 2)).toEqual([
      'title',
      'agenda',
    ]);
  });
});

describe('section dividers', () => {
  it('are left out with `dividers: false`, for a short talk whose one section needs none', () => {
    const outline = { ...minimalOutline(), dividers: false };
    expect(kinds(outline)).toEqual(['title', 'comparison', 'references']);
    // The slides still know their section: the handout groups them under it.
    expect(compileData(outline).deck.slides.find((slide) => slide.kind === 'comparison')?.section).toBe('Main');
  });
});

describe("the titles' bar", () => {
  const three = () => {
    const outline = minimalOutline();
    outline.contenders.push({ id: 'c', name: 'Gamma', color: '#1f6feb' });
    for (const slide of outline.sections[0]?.slides ?? []) {
      if (slide.kind === 'comparison') for (const row of slide.rows) row.cells.c = 'Medium';
    }
    return outline;
  };

  it('shows every contender on every title when there are more than two, left to right or mirrored', () => {
    const { markdown } = compileData(three());
    const stops = 'var(--c1) 0.00% 33.33%, var(--c2) 33.33% 66.67%, var(--c3) 66.67% 100.00%';
    expect(markdown).toContain(`section h1::after { background: linear-gradient(90deg, ${stops}); }`);
    expect(markdown).toContain(`section[dir='rtl'] h1::after { background: linear-gradient(270deg, ${stops}); }`);
    // Two contenders: the theme's own two-tone bar.
    expect(compileData(minimalOutline()).markdown).not.toContain('h1::after');
  });

  it('is drawn in the PPTX with one segment per contender, two halves for one', () => {
    expect(barColors(['#1', '#2', '#3'], '#0')).toEqual(['#1', '#2', '#3']);
    expect(barColors(['#1', '#2'], '#0')).toEqual(['#1', '#2']);
    expect(barColors(['#1'], '#0')).toEqual(['#1', '#1']);
  });
});

describe('the title slide', () => {
  it('prints each speaker’s contact with their name, as the schema says', () => {
    const outline = {
      ...minimalOutline(),
      speakers: [{ name: 'Ada Example', role: 'Barista', contact: 'ada@example.org' }, { name: 'Bo' }],
    };
    const [title] = compileData(outline).deck.slides;
    expect(title?.kind === 'title' && title.byline).toEqual(['Ada Example, Barista ·\u00a0ada@example.org', 'Bo']);
    expect(compileData(outline).markdown).toContain('ada@example.org');
  });
});

describe('private notes on the generated slides', () => {
  it('go with the title slide (written at the top, beside its notes), the agenda and the References, to the speaker only', () => {
    const outline = {
      ...minimalOutline(),
      notes: 'Welcome.',
      privateNotes: 'Test the microphone.',
      agenda: { privateNotes: 'Show the plan, do not read it.' },
      references: { privateNotes: 'The slides go out by mail tonight.' },
    };
    const { deck, markdown } = compileData(outline);
    const privately = Object.fromEntries(deck.slides.map((slide) => [slide.kind, slide.privateNotes]));
    expect(privately).toMatchObject({
      title: 'Test the microphone.',
      agenda: 'Show the plan, do not read it.',
      references: 'The slides go out by mail tonight.',
    });
    expect(markdown).toContain('Test the microphone.');
  });
});

describe('an exercise', () => {
  const exercise = (minutes?: number) => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({
      kind: 'exercise',
      title: 'Try it',
      task: ['Do the thing'],
      solution: 'The answer.',
      notes: 'Walk around the room.',
      ...(minutes === undefined ? {} : { minutes }),
    });
    return compileData(outline).markdown;
  };

  it('shows its number in the title, and the time the author set', () => {
    const markdown = exercise(10);
    expect(markdown).toContain('# Exercise 1: Try it\n\n**10\u00a0min**\n\n1. Do the thing');
  });

  it('shows no time when none was set: the estimate from the notes is the speaker’s, not the audience’s', () => {
    const markdown = exercise();
    expect(markdown).toContain('# Exercise 1: Try it\n\n1. Do the thing');
    expect(markdown).not.toMatch(/\*\*[\d.]+ min\*\*/);
  });
});

describe('exercise numbers', () => {
  const titles = (titles: string[], lang = 'en') => {
    const outline = { ...minimalOutline(), lang };
    outline.sections[0]?.slides.push(
      ...titles.map((title) => ({ kind: 'exercise' as const, title, task: ['Do it'], solution: 'x' })),
    );
    return compileData(outline).deck.slides.flatMap((slide) => (slide.kind === 'exercise' ? [slide.title] : []));
  };

  it('number the exercises in order, replacing a number the author wrote, never doubling the word', () => {
    expect(titles(['Exercise 0: check your setup', 'A first model', 'exercise 7 — loops', 'Exercise: export'])).toEqual(
      ['Exercise 1: check your setup', 'Exercise 2: A first model', 'Exercise 3: loops', 'Exercise 4: export'],
    );
  });

  it("read the talk's own word for an exercise, and keep titles that only start with the word", () => {
    expect(titles(['Übung 1 – Setup', 'Exercise 2: Schleifen', 'Übungsaufgaben lösen'], 'de')).toEqual([
      'Übung 1: Setup',
      'Übung 2: Schleifen',
      'Übung 3: Übungsaufgaben lösen',
    ]);
    expect(titles(['演習1：準備'], 'ja')).toEqual(['演習 1：準備']);
    // Arabic joins its article to the word (التمرين, "the exercise") and may write its own digits.
    expect(titles(['التمرين 1: المتوسط', 'تمرين ٢: الفرز', 'تمارين إضافية'], 'ar')).toEqual([
      'تمرين 1: المتوسط',
      'تمرين 2: الفرز',
      'تمرين 3: تمارين إضافية',
    ]);
  });

  it('read "#3", "No. 3" and "Ex. 2" as the number the author wrote, and keep "Ex:" and "Excel"', () => {
    expect(
      titles([
        'Exercise #3: hash form',
        'Ex. 2: abbreviated',
        'Exercise No. 4 - spelled',
        'Ex: a sample',
        'Excel 2016',
      ]),
    ).toEqual([
      'Exercise 1: hash form',
      'Exercise 2: abbreviated',
      'Exercise 3: spelled',
      'Exercise 4: Ex: a sample',
      'Exercise 5: Excel 2016',
    ]);
  });

  it('read a number by section ("2.1") and the other words an author numbers exercises with', () => {
    expect(titles(['Übung 2.1 – Joins', 'Aufgabe 2: Indizes', 'Aufgaben verteilen'], 'de')).toEqual([
      'Übung 1: Joins',
      'Übung 2: Indizes',
      'Übung 3: Aufgaben verteilen',
    ]);
    expect(titles(['Task 3: tidy up', 'Lab 2 - deploy', 'Task-based learning', 'Exercise 1.2. Loops'])).toEqual([
      'Exercise 1: tidy up',
      'Exercise 2: deploy',
      'Exercise 3: Task-based learning',
      'Exercise 4: Loops',
    ]);
  });

  it('read the abbreviation of the talk\'s word ("Ej. 5", "Üb. 3") as the number the author wrote', () => {
    expect(titles(['Ej. 5: abreviado', 'Ejemplos de colas'], 'es')).toEqual([
      'Ejercicio 1: abreviado',
      'Ejercicio 2: Ejemplos de colas',
    ]);
    expect(titles(['Üb. 3: Joins', 'Aufg. 4 – Indizes'], 'de')).toEqual(['Übung 1: Joins', 'Übung 2: Indizes']);
  });

  it('leave a title that is only the word and a number as the number', () => {
    expect(titles(['Exercise 5'])).toEqual(['Exercise 1']);
  });
});

describe('the front matter', () => {
  it('gives the HTML the title, subtitle and speakers as written, backslashes included', async () => {
    const title = String.raw`C:\temp vs D:\data`;
    const outline = { ...minimalOutline(), title, subtitle: String.raw`\n is a newline`, speakers: [{ name: 'A\\B' }] };
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-front-'));
    await writeFile(path.join(dir, 'talk.md'), compileData(outline).markdown);
    await exportHtml({
      markdownFile: path.join(dir, 'talk.md'),
      outputFile: path.join(dir, 'talk.html'),
      theme: await resolveTheme('versus', dir),
    });
    const head = parse(await readFile(path.join(dir, 'talk.html'), 'utf8')).querySelector('head');
    expect(head?.querySelector('title')?.text).toBe(title);
    expect(head?.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(String.raw`\n is a newline`);
    expect(head?.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('A\\B');
  });
});

describe('speaking time from the notes', () => {
  it('counts the words of languages written without spaces', () => {
    const notes = '我们今天比较两个深度学习框架，看看它们各自的优点和缺点。'.repeat(20);
    expect(countWords(notes, 'zh')).toBe(300);
    // Said at characters per minute, as these scripts are: 520 characters at 250 a minute, where
    // counting by spaces found one "word".
    expect(estimateMinutes(notes, { rate: { wordsPerMinute: 130, charactersPerMinute: 250 }, lang: 'zh' })).toBe(2);
    expect(estimateMinutes(notes, { rate: { wordsPerMinute: 130, charactersPerMinute: 130 }, lang: 'zh' })).toBe(4);
  });

  it('counts words, not the punctuation between them', () => {
    expect(countWords('Hello, world — it’s 2026: tf.keras is here.')).toBe(7);
  });

  it('follows the outline’s lang', () => {
    const outline = { ...minimalOutline(), lang: 'ja' };
    outline.sections[0]?.slides.forEach((slide) => {
      slide.notes = '今日はふたつの深層学習フレームワークを比べます。'.repeat(30);
    });
    const table = compileData(outline).deck.slides.find((slide) => slide.kind === 'comparison');
    expect(table?.minutes).toBeGreaterThan(1);
  });
});

describe('a timeline', () => {
  it('reads a year written as a number as its text, as it reads "May 2020"', () => {
    const events = [
      { when: 2020, text: 'Deno 1.0' },
      { when: 'May 2020', text: 'Deno 1.0 released' },
    ];
    const section = { id: 'history', title: 'History', slides: [{ kind: 'timeline', title: 'When', events }] };
    const { deck, markdown } = compileData({ ...minimalOutline(), sections: [section] });
    const timeline = deck.slides.find((slide) => slide.kind === 'timeline');
    expect(timeline?.kind === 'timeline' && timeline.events.map((event) => event.when)).toEqual(['2020', 'May 2020']);
    expect(markdown).toContain('- **2020** Deno 1.0');
  });
});
