/**
 * Every output is for the audience or for the speaker. Built for real (every
 * format but the slide images, which are captures of the slides the slide PDF
 * prints), for the shipped workshop and two workshops written as new users
 * would (German with Python and SQL exercises, Spanish with JSX, Vue, CSS,
 * JavaScript and Elm ones), and read as people open them: the HTML in
 * Chromium, the PDFs' text, the notebooks' JSON, the exercise files, the
 * PowerPoint's notes pages.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it } from 'vitest';
import { labelsFor } from '../src/i18n/labels.js';
import type { Compiled } from '../src/pipeline/compile.js';
import { isSpeakerOutput } from '../src/pipeline/formats.js';
import type { Deck } from '../src/plan/deck.js';
import { exercisesOf, solutionOf } from '../src/plan/exercises.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { testBrowser } from './browser.js';
import { describeWithBrowser } from './helpers.js';
import { sharedBuild } from './shared-builds.js';
import { decodeXml } from './xml-parts.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TALKS = [
  { name: 'the shipped workshop', file: path.join(ROOT, 'outline.yaml'), profile: 'workshop' },
  { name: 'a German workshop', file: path.join(ROOT, 'test/fixtures/kit/de-dataframes.yaml') },
  { name: 'a Spanish workshop', file: path.join(ROOT, 'test/fixtures/kit/es-frontend.yaml') },
];

/** Text compared without any whitespace: PDFs and notebooks break and indent lines their own ways. */
const squash = (text: string) => text.replace(/\s+/gu, '');
/** Markdown's backslash escapes taken off (the notebooks' and Markdown files' text). */
const unescaped = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Under this height (in pt from the bottom), a printed page's footer: the title and the page number. */
const FOOTER = 40;

/** What a file reads as, read once however many tests read it (the builds are shared: see shared-builds.ts). */
function readOnce(read: (file: string) => Promise<string>): (file: string) => Promise<string> {
  const texts = new Map<string, Promise<string>>();
  return (file) => {
    let text = texts.get(file);
    if (!text) {
      text = read(file);
      texts.set(file, text);
    }
    return text;
  };
}

/** A PDF's text without the printed pages' footers, which would split a paragraph that runs over a page. */
const pdfText = readOnce(async (file: string): Promise<string> => {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items } = await (await pdf.getPage(n)).getTextContent();
    pages.push(items.map((item) => ('str' in item && item.transform[5] > FOOTER ? item.str : '')).join(' '));
  }
  return pages.join('\n');
});

/** Everything in an HTML file as Chromium reads it, hidden presenter notes included. */
const htmlText = readOnce(async (file: string): Promise<string> => {
  const page = await (await testBrowser()).newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return await page.evaluate(() => document.documentElement.textContent ?? '');
  } finally {
    await page.close();
  }
});

/** The text of the PowerPoint's notes pages. */
async function pptxNotes(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const notes = Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
  expect(notes.length).toBeGreaterThan(0);
  const xml = await Promise.all(notes.map((name) => zip.file(name)?.async('string') ?? ''));
  return decodeXml(
    xml
      .join('\n')
      .replace(/<\/a:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** A notebook's cells' text, or '' when the talk has none. */
async function notebookText(file: string): Promise<string> {
  const json = await readFile(file, 'utf8').catch(() => '');
  if (!json) return '';
  const notebook = JSON.parse(json) as { cells: { source: string[] }[] };
  return unescaped(notebook.cells.map((cell) => cell.source.join('')).join('\n'));
}

async function folderText(dir: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return unescaped((await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n'));
}

/**
 * What the audience must never see, as squashed text: every paragraph of the
 * private notes, and every line of a solution that the audience does not see
 * elsewhere anyway (in the starter code, on a slide, in the notes).
 */
function secretsOf(deck: Deck): { privateNotes: string[]; solutions: string[] } {
  const open = squash(
    [renderMarkdown(deck, 'audience'), ...exercisesOf(deck).map((exercise) => exercise.starter ?? '')].join('\n'),
  );
  const privateNotes = deck.slides.flatMap((slide) =>
    (slide.privateNotes ?? '')
      .split(/\n\s*\n/)
      .map(squash)
      .filter(Boolean),
  );
  const solutions = deck.slides.flatMap((slide) =>
    (solutionOf(slide) ?? '')
      .split('\n')
      .map(squash)
      .filter((line) => line.length >= 12 && !open.includes(line)),
  );
  return { privateNotes, solutions };
}

describeWithBrowser.each(TALKS)('the outputs of $name', ({ file, profile }) => {
  let compiled: Compiled;
  let outDir: string;
  let secrets: ReturnType<typeof secretsOf>;
  const output = (suffix: string) => path.join(outDir, `${compiled.deck.meta.slug}${suffix}`);

  beforeAll(async () => {
    // Every format but the slide images; the print-pages test reads the same builds.
    ({ outDir, compiled } = await sharedBuild(file, profile));
    secrets = secretsOf(compiled.deck);
  }, 120_000);

  it('has solutions and private notes to keep from the audience', () => {
    expect(secrets.solutions.length).toBeGreaterThan(3);
    expect(secrets.privateNotes.length).toBeGreaterThan(1);
  });

  /** What an output file reads as, by its kind; undefined for a picture (the slide images are drawn from the slide PDF). */
  const textOf = (file: string): Promise<string> | undefined => {
    if (file.endsWith('.png')) return undefined;
    if (file.endsWith('.html')) return htmlText(file);
    if (file.endsWith('.pdf')) return pdfText(file);
    if (file.endsWith('.ipynb')) return notebookText(file);
    return readFile(file, 'utf8').then(unescaped);
  };

  it('keeps every solution and private note out of every file the build does not mark as the speaker’s', async () => {
    const { slug } = compiled.deck.meta;
    const names = (await readdir(outDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
      .filter((name) => name.startsWith(slug) && !isSpeakerOutput(name, slug));
    // The audience's files of the kit: the HTML, the slide PDF, the handout and the exercises.
    expect(names).toEqual(expect.arrayContaining([`${slug}.html`, `${slug}.pdf`, `${slug}.handout.pdf`]));
    expect(names.some((name) => name.startsWith(`${slug}.exercises`))).toBe(true);
    for (const name of names) {
      const text = squash((await textOf(path.join(outDir, name))) ?? '');
      for (const secret of [...secrets.solutions, ...secrets.privateNotes]) {
        expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
      }
    }
  });

  it("still gives the audience the speaker's notes: in the HTML's presenter view and in the handout", async () => {
    const html = squash(await htmlText(output('.html')));
    const handout = squash(await pdfText(output('.handout.pdf')));
    const notes = compiled.deck.slides.map((slide) => squash(slide.notes)).filter(Boolean);
    expect(notes.length).toBeGreaterThan(5);
    for (const note of notes) {
      expect(html.includes(note), `${note} in the HTML`).toBe(true);
      expect(handout.includes(note), `${note} in the handout`).toBe(true);
    }
  });

  const speaker: [string, () => Promise<string>][] = [
    ['the presenter HTML', () => htmlText(output('.presenter.html'))],
    ["the speaker's script", () => pdfText(output('.script.pdf'))],
    ['the PowerPoint notes', () => pptxNotes(output('.pptx'))],
  ];
  for (const [name, read] of speaker) {
    it(`gives the speaker every solution and private note in ${name}`, async () => {
      const text = squash(await read());
      for (const secret of [...secrets.solutions, ...secrets.privateNotes]) {
        expect(text.includes(secret), `${secret} in ${name}`).toBe(true);
      }
    });
  }

  it("gives the speaker every exercise's solution and private notes in the solutions notebook and files", async () => {
    const text = squash(`${await notebookText(output('.solutions.ipynb'))}${await folderText(output('.solutions'))}`);
    const exercises = exercisesOf(compiled.deck);
    for (const exercise of exercises) {
      for (const line of exercise.solution.split('\n').map(squash)) expect(text).toContain(line);
      for (const paragraph of (exercise.privateNotes ?? '').split(/\n\s*\n/)) expect(text).toContain(squash(paragraph));
    }
  });

  it('numbers each exercise once, the same in the slides, handout, script, run sheet, notebooks and files', async () => {
    const { deck } = compiled;
    const labels = labelsFor(deck);
    const texts = {
      slides: squash(await pdfText(output('.pdf'))),
      handout: squash(await pdfText(output('.handout.pdf'))),
      script: squash(await pdfText(output('.script.pdf'))),
      runSheet: squash(unescaped(await readFile(output('.runsheet.md'), 'utf8'))),
      kit: squash(`${await notebookText(output('.exercises.ipynb'))}${await folderText(output('.exercises'))}`),
    };
    const exercises = exercisesOf(deck);
    expect(exercises.map((e) => e.number)).toEqual(exercises.map((_, i) => i + 1));
    for (const exercise of exercises) {
      const prefix = labels.t('exerciseNumber', { n: exercise.number });
      expect(exercise.title.startsWith(prefix)).toBe(true);
      for (const [where, text] of Object.entries(texts)) {
        expect(text, `${exercise.title} in the ${where}`).toContain(squash(exercise.title));
      }
    }
    // Never "Exercise 1: Exercise 0" or "Übung 1: Übung 1", whatever the outline's titles said.
    const word = squash(labels.t('exercise'));
    const doubled = new RegExp(`(${word}|Exercise)\\d+[:：](${word}|Exercise)\\d`, 'iu');
    for (const [where, text] of Object.entries(texts)) expect(text, where).not.toMatch(doubled);
  });
});
