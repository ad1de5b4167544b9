/**
 * The workshop kit without a browser: where an exercise's solution goes (and
 * does not), and the exercise notebooks, checked against the official
 * nbformat 4 JSON Schema (from Debian's python3-nbformat) and read by Python.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import JSZip from 'jszip';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { handoutDocument } from '../src/export/handout.js';
import { notebookFiles } from '../src/export/notebook.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { scriptDocument } from '../src/export/script.js';
import { labelsFor } from '../src/i18n/labels.js';
import { loadOutline } from '../src/outline/load.js';
import { compileOutline } from '../src/pipeline/compile.js';
import type { DeckSlide } from '../src/plan/deck.js';
import { exercisesOf } from '../src/plan/exercises.js';
import { presenterNotes } from '../src/plan/presenter-notes.js';
import { compileData, minimalOutline } from './helpers.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/kit/workshop.yaml');
/** Debian's python3-nbformat ships the schema Jupyter validates with; .ci/run installs it. */
const NBFORMAT = '/usr/lib/python3/dist-packages/nbformat';
const SCHEMA = path.join(NBFORMAT, 'v4/nbformat.v4.5.schema.json');
const PYTHON = '/usr/bin/python3';
const XMLLINT = '/usr/bin/xmllint';
// A CommonJS module whose class is also its `default`.
const Ajv = AjvDraft04.default;
const describeWithNbformat = existsSync(SCHEMA) || process.env.CI ? describe : describe.skip;

const compiled = compileOutline(await loadOutline(FIXTURE));
const { deck } = compiled;
const exercises = exercisesOf(deck);
const files = new Map(notebookFiles(deck));
const slug = deck.meta.slug;

interface Notebook {
  cells: { cell_type: string; id: string; source: string[] }[];
  metadata: { kernelspec: { name: string; language: string }; language_info: { name: string } };
  nbformat: number;
  nbformat_minor: number;
}
const notebook = (kind: 'exercises' | 'solutions') => JSON.parse(files.get(`${slug}.${kind}.ipynb`) ?? '') as Notebook;

/** A Python workshop with a discussion whose answer is in words (`language: text`), beside a code exercise. */
const inWords = (() => {
  const outline = minimalOutline();
  outline.sections[0]?.slides.push(
    { kind: 'code', title: 'Code', panes: [{ contender: 'a', language: 'python', code: 'print(1)' }] },
    {
      kind: 'exercise',
      id: 'discuss',
      title: 'Discuss',
      language: 'text',
      task: ['Pick a stack for your team'],
      // A form to fill in, line by line.
      starter: 'Our team ships: …\nBecause: …',
      solution: 'There is no single right answer.\n\nA good one names the deployment path first.',
    },
    { kind: 'exercise', id: 'sum', title: 'Sum', task: ['Add the numbers'], solution: 'print(sum([1, 2]))' },
  );
  return compileData(outline).deck;
})();
const inWordsFiles = new Map(notebookFiles(inWords));
const inWordsNotebook = (kind: 'exercises' | 'solutions') =>
  JSON.parse(inWordsFiles.get(`${inWords.meta.slug}.${kind}.ipynb`) ?? '') as Notebook;
const sourceOf = (cell: { source: string[] } | undefined) => cell?.source.join('') ?? '';

describe('where the solution goes', () => {
  it('keeps it out of the notes, in its own field, and gives it to the presenter notes after them', () => {
    const slide = deck.slides.find((s) => s.kind === 'exercise');
    if (slide?.kind !== 'exercise') throw new Error('no exercise');
    expect(slide.notes).toBe('Walk the room after five minutes; most people forget zero_grad.');
    expect(slide.notes).not.toContain('train_step');
    expect(presenterNotes(slide, labelsFor(deck))).toEqual([
      `${slide.notes}\n\nSolution:`,
      slide.solution.replace(/\s+$/, ''),
    ]);
  });

  it('shows it once for an exercise split over several slides, with every step in the kit', () => {
    const outline = minimalOutline();
    const task = Array.from({ length: 14 }, (_, i) => `Step number ${i + 1} of a long exercise, said in full.`);
    outline.sections[0]?.slides.push({
      kind: 'exercise',
      id: 'long',
      title: 'Long',
      task,
      starter: 'x = ...\n',
      solution: 'x = 1\n',
    });
    const { deck } = compileData(outline);
    const parts = deck.slides.filter((s) => s.kind === 'exercise');
    expect(parts.length).toBeGreaterThan(1);
    // After every step: on the last part, in the presenter's notes, the script and the handout.
    expect(parts.map((s) => presenterNotes(s, labelsFor(deck)).length)).toEqual([...parts.slice(1).map(() => 0), 2]);
    expect(exercisesOf(deck).map((e) => e.task)).toEqual([task]);
    const slides = { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' };
    const lastStep = (html: string, after: string) => {
      const text = parse(html).querySelector('body')?.text ?? '';
      return (
        text.lastIndexOf('Step number 14') < text.indexOf(after) && text.indexOf(after) === text.lastIndexOf(after)
      );
    };
    expect(lastStep(handoutDocument(deck, slides, { layout: 3, paper: 'a4' }), 'x = ...')).toBe(true);
    expect(lastStep(scriptDocument(deck, slides, 'a4'), 'x = 1')).toBe(true);
  });

  it('gives it to the PPTX notes page, after the notes, line for line with its indentation', async () => {
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const index = deck.slides.findIndex((s) => s.kind === 'exercise');
    const xml = (await zip.file(`ppt/notesSlides/notesSlide${index + 1}.xml`)?.async('string')) ?? '';
    const body = /<p:ph type="body"[\s\S]*?<\/p:txBody>/.exec(xml)?.[0] ?? '';
    const lines = [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
      [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => parse(`<p>${t[1]}</p>`).text).join(''),
    );
    expect(lines.join('\n')).toBe(presenterNotes(deck.slides[index] as DeckSlide, labelsFor(deck)).join('\n\n'));
  });

  it('leaves it out of the attendee handout, which says where it is and shows the starter code', () => {
    const html = handoutDocument(
      deck,
      { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' },
      { layout: 3, paper: 'a4' },
    );
    const text = parse(html).querySelector('body')?.text ?? '';
    expect(text).not.toContain('loss.backward()');
    expect(text).not.toContain('trainStep');
    expect(text).toContain('The solution is discussed in the session.');
    expect(parse(html).querySelector('.notes .code-block')?.text).toBe(exercises[0]?.starter?.replace(/\s+$/, ''));
  });
});

describe('an exercise answered in words (language: text)', () => {
  const discussion = inWords.slides.find((s) => s.kind === 'exercise') as DeckSlide;

  it('gives the presenter its solution as text under the label, not as code', () => {
    expect(presenterNotes(discussion, labelsFor(inWords))).toEqual([
      'Solution:\nThere is no single right answer.\n\nA good one names the deployment path first.',
    ]);
  });

  it('keeps it in the notebooks, its starter and solution as text cells, and the code exercise as code', () => {
    expect([...inWordsFiles.keys()]).toEqual([
      `${inWords.meta.slug}.exercises.ipynb`,
      `${inWords.meta.slug}.solutions.ipynb`,
    ]);
    const cells = (kind: 'exercises' | 'solutions') =>
      inWordsNotebook(kind).cells.map((cell) => [cell.cell_type, cell.id, sourceOf(cell)]);
    expect(cells('exercises').slice(1)).toEqual([
      ['markdown', 'exercise-1-task', '## Exercise 1: Discuss\n\n1. Pick a stack for your team'],
      ['markdown', 'exercise-1-answer', 'Our team ships: …\\\nBecause: …'],
      ['markdown', 'exercise-2-task', '## Exercise 2: Sum\n\n1. Add the numbers'],
      ['code', 'exercise-2-code', ''],
    ]);
    expect(cells('solutions').slice(1)).toEqual([
      ['markdown', 'exercise-1-task', '## Exercise 1: Discuss\n\n1. Pick a stack for your team'],
      [
        'markdown',
        'exercise-1-answer',
        'There is no single right answer.\n\nA good one names the deployment path first.',
      ],
      ['markdown', 'exercise-2-task', '## Exercise 2: Sum\n\n1. Add the numbers'],
      ['code', 'exercise-2-code', 'print(sum([1, 2]))'],
    ]);
  });

  it('gives the attendee a text cell to answer in when the exercise has no starter', () => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push(
      { kind: 'exercise', title: 'Discuss', language: 'text', task: ['Pick a stack'], solution: 'Any, with a reason.' },
      { kind: 'exercise', title: 'Sum', language: 'python', task: ['Add'], solution: 'print(1 + 2)' },
    );
    const deck = compileData(outline).deck;
    const exercises = JSON.parse(
      new Map(notebookFiles(deck)).get(`${deck.meta.slug}.exercises.ipynb`) ?? '',
    ) as Notebook;
    expect(exercises.cells.map((cell) => [cell.id, sourceOf(cell)]).slice(1, 3)).toEqual([
      ['exercise-1-task', '## Exercise 1: Discuss\n\n1. Pick a stack'],
      ['exercise-1-answer', '**Your answer:**'],
    ]);
  });

  it('is a Markdown file of text, not a fenced block, in a talk whose exercises have no notebook', () => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({
      kind: 'exercise',
      id: 'discuss',
      title: 'Discuss',
      language: 'text',
      task: ['Pick a stack'],
      solution: 'No single answer.\n\nName the deployment path.',
    });
    const kit = new Map(notebookFiles(compileData(outline).deck));
    expect([...kit.keys()]).toEqual(['a-vs-b.exercises/01-discuss.md', 'a-vs-b.solutions/01-discuss.md']);
    expect(kit.get('a-vs-b.solutions/01-discuss.md')).toBe(
      '# Exercise 1: Discuss\n\n1. Pick a stack\n\nNo single answer.\n\nName the deployment path.\n',
    );
  });

  it('starts the attendee handout with its starter as text, without the solution', () => {
    const html = handoutDocument(
      inWords,
      { slides: inWords.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' },
      { layout: 3, paper: 'a4' },
    );
    const notes = parse(html)
      .querySelectorAll('.item .notes')
      .find((n) => n.text.includes('Our team ships'));
    expect(notes?.querySelectorAll('.code-block, .code-label')).toHaveLength(0);
    expect(notes?.querySelectorAll('p').map((p) => p.text)).toContain('Our team ships: …\nBecause: …');
    expect(notes?.text).not.toContain('single right answer');
  });

  it("sets it in the speaker's script as paragraphs, not as code", () => {
    const html = scriptDocument(
      inWords,
      { slides: inWords.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' },
      'a4',
    );
    const notes = parse(html)
      .querySelectorAll('.item .notes')
      .find((n) => n.text.includes('single right answer'));
    expect(notes?.querySelectorAll('.code-block')).toHaveLength(0);
    expect(notes?.querySelectorAll('p').map((p) => p.text)).toContain('A good one names the deployment path first.');
    const code = parse(html)
      .querySelectorAll('.item .notes')
      .find((n) => n.text.includes('Exercise 2'));
    expect(code?.querySelector('.code-block')?.text).toBe('print(sum([1, 2]))');
  });
});

describe('the same text in every output', () => {
  const outline = minimalOutline();
  // Notes may hold control characters and U+FFFE, which the slides drop; a U+FEFF inside a title.
  Object.assign(outline.sections[0]?.slides[0] ?? {}, {
    title: 'Head\ufeffto head',
    notes: 'Say \u0001some\u009bthing\ufffe.',
    privateNotes: 'Only\u0007 for\ufeff me.',
  });
  const { deck, markdown } = compileData(outline);
  const slides = { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' };
  const handout = handoutDocument(deck, slides, { layout: 3, paper: 'a4' });
  const script = scriptDocument(deck, slides, 'a4');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no output may show
  const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;

  it('prints the notes on the handout and in the script as the slides show them, without control characters', () => {
    for (const text of [markdown, handout, script]) expect(text).toContain('Say something.');
    for (const text of [markdown, script]) expect(text).toContain('Only for me.');
    for (const text of [markdown, handout, script]) expect(text).not.toMatch(CONTROLS);
  });

  it('drops a U+FEFF inside text from the slides as from the PPTX, not making it a space in one of them', async () => {
    expect(markdown).toContain('# Headto head\n');
    expect(handout).toContain('<bdi>Headto head</bdi>');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const parts = await Promise.all(Object.values(zip.files).map((file) => file.async('string')));
    expect(parts.some((part) => part.includes('<a:t>Headto head</a:t>'))).toBe(true);
    expect(parts.some((part) => part.includes('Only for me.'))).toBe(true);
    expect(parts.join('')).not.toContain('\ufeff');
  });
});

describe("the speaker's script page", () => {
  const script = (paper: 'a4' | 'letter') =>
    scriptDocument(deck, { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' }, paper);

  it("prints on the handout's paper, each section from a new page, each slide with its start and length", () => {
    expect(script('a4')).toContain('size: A4 portrait');
    expect(script('letter')).toContain('size: letter portrait');
    const root = parse(script('a4'));
    expect(root.querySelectorAll('section.section h2').map((h) => h.text)).toEqual([
      'Introduction',
      'The basics',
      'More practice',
    ]);
    expect(root.querySelectorAll('.item .time').map((p) => p.text)).toEqual([
      'starts 0:00 · 0.25\u00a0min',
      'starts 0:15 · 0.25\u00a0min',
      'starts 0:30 · 0.25\u00a0min',
      'starts 0:45 · 3\u00a0min',
      'starts 3:45 · 10\u00a0min',
      'starts 13:45 · 0.25\u00a0min',
      'starts 14:00 · 5\u00a0min',
      'starts 19:00 · 0.25\u00a0min',
    ]);
  });
});

describe('the exercise notebooks', () => {
  it('holds a title cell, then per exercise its task and a code cell with its starter (empty without one)', () => {
    const { cells } = notebook('exercises');
    const python = exercises.filter((e) => e.language === 'python');
    expect(python).toHaveLength(1);
    expect(cells.map((c) => [c.cell_type, c.id])).toEqual([
      ['markdown', 'title'],
      ['markdown', 'exercise-1-task'],
      ['code', 'exercise-1-code'],
      ['markdown', 'exercise-2-task'],
    ]);
    expect(sourceOf(cells[0])).toContain('Alpha vs Beta, hands-on');
    // The steps as Markdown shows them: backslash escapes (train\_step) taken off.
    const task = sourceOf(cells[1]).replace(/\\(.)/g, '$1');
    for (const step of python[0]?.task ?? []) expect(task).toContain(step);
    expect(sourceOf(cells[2])).toBe(python[0]?.starter?.replace(/\s+$/, ''));
    expect(sourceOf(notebook('solutions').cells[2])).toBe(python[0]?.solution.replace(/\s+$/, ''));
  });

  it('runs on a Python 3 kernel, from the language of the exercise or of the talk', () => {
    const { metadata, nbformat, nbformat_minor } = notebook('exercises');
    expect(metadata.kernelspec).toMatchObject({ name: 'python3', language: 'python' });
    expect(metadata.language_info.name).toBe('python');
    expect([nbformat, nbformat_minor]).toEqual([4, 5]);
  });

  it('keeps an exercise in another language in its place, with a cell that names the language and points to its file', () => {
    for (const kind of ['exercises', 'solutions'] as const) {
      const pointer = sourceOf(notebook(kind).cells.at(-1));
      expect(pointer).toMatch(/^## Exercise 2: The same in JavaScript\n/);
    }
    expect(sourceOf(notebook('exercises').cells.at(-1))).toContain(
      `This exercise is in JavaScript: work in \`${slug}.exercises/02-exercise-js.js\``,
    );
    // The speaker's notebook points to the solution, not to work to do.
    expect(sourceOf(notebook('solutions').cells.at(-1))).toContain(
      `This exercise is in JavaScript: its solution is in \`${slug}.solutions/02-exercise-js.js\``,
    );
  });

  it('gives an exercise in a language without a notebook a source file of its own, task on top', () => {
    expect([...files.keys()]).toEqual([
      `${slug}.exercises.ipynb`,
      `${slug}.solutions.ipynb`,
      `${slug}.exercises/02-exercise-js.js`,
      `${slug}.solutions/02-exercise-js.js`,
    ]);
    expect(files.get(`${slug}.exercises/02-exercise-js.js`)).toBe(
      '// Exercise 2: The same in JavaScript\n// 1. Port train_step to JavaScript.\n//\n// Run: node 02-exercise-js.js\n\n',
    );
    expect(files.get(`${slug}.solutions/02-exercise-js.js`)).toContain(exercises[1]?.solution);
  });

  describe('in the languages of a front-end workshop', async () => {
    const frontEnd = compileOutline(await loadOutline(path.join(import.meta.dirname, 'fixtures/kit/es-frontend.yaml')));
    const kit = new Map(notebookFiles(frontEnd.deck));
    const name = frontEnd.deck.meta.slug;

    it("write each exercise in its own language, or the talk's code language, with comments that language reads", () => {
      // No notebook: no exercise is in a language with a kernel.
      expect([...kit.keys()].filter((file) => file.startsWith(`${name}.exercises/`))).toEqual([
        `${name}.exercises/01-ejercicio-boton.jsx`,
        `${name}.exercises/02-ejercicio-vue.vue`,
        `${name}.exercises/03-ejercicio-css.css`,
        `${name}.exercises/04-ejercicio-tests.js`,
        `${name}.exercises/05-ejercicio-elm.md`,
      ]);
      expect(kit.get(`${name}.exercises/01-ejercicio-boton.jsx`)).toMatch(
        /^\/\/ Ejercicio 1: Un botón que se desactiva\n\/\/ 1\. Crea un botón Enviar .*\n\/\/ 2\. Desactívalo .*\n\nexport function Enviar/,
      );
      expect(kit.get(`${name}.exercises/02-ejercicio-vue.vue`)).toMatch(
        /^<!--\n {2}Ejercicio 2: lo mismo en Vue\n {2}1\. Reescribe .*\n-->\n\n<script setup>/,
      );
      expect(kit.get(`${name}.exercises/03-ejercicio-css.css`)).toMatch(
        /^\/\*\n {2}Ejercicio 3: Un botón accesible\n.*\n.*\n\*\/\n\n$/,
      );
    });

    it('give a language versus cannot comment a Markdown file: the steps as a list, the code in a fence', () => {
      expect(kit.get(`${name}.exercises/05-ejercicio-elm.md`)).toBe(
        '# Ejercicio 5: Extra en Elm\n\n1. Lee el modelo y la función update.\n',
      );
      expect(kit.get(`${name}.solutions/05-ejercicio-elm.md`)).toBe(
        [
          '# Ejercicio 5: Extra en Elm',
          '1. Lee el modelo y la función update.',
          '**Solo para ti:**',
          'Nadie lo termina en cuatro minutos; basta con leerlo.',
          '```elm\nupdate msg model =\n    case msg of\n        Pulsar -> { model | enviando = True }\n```\n',
        ].join('\n\n'),
      );
    });

    it("give the speaker's copy the private notes as comments, never the attendees'", () => {
      for (const [file, text] of kit) {
        const speakers = file.startsWith(`${name}.solutions/`);
        expect(text.includes('Solo para ti:'), file).toBe(speakers);
      }
      expect(kit.get(`${name}.solutions/04-ejercicio-tests.js`)).toContain(
        '// Solo para ti:\n// Si no hay tiempo, saltar este y pasar al de Elm.\n',
      );
    });
  });

  describe('with set-up code (run.setup), which check --run runs before each exercise', () => {
    const outline = minimalOutline();
    outline.run = {
      setup: { python: 'sizes = {"main": 120, "vendor": 480}', js: 'const sizes = { main: 120, vendor: 480 };' },
    };
    outline.sections[0]?.slides.push(
      {
        kind: 'exercise',
        id: 'biggest',
        title: 'The biggest chunk',
        language: 'python',
        task: ['Print the biggest chunk'],
        starter: 'print(sorted(sizes))',
        solution: 'print(max(sizes, key=sizes.get))',
      },
      {
        kind: 'exercise',
        id: 'total',
        title: 'The total',
        language: 'javascript',
        task: ['Print the total size'],
        solution: 'console.log(Object.values(sizes).reduce((a, b) => a + b));',
      },
    );
    const withSetup = compileData(outline).deck;
    const kit = new Map(notebookFiles(withSetup));
    const name = withSetup.meta.slug;

    it("starts the speaker's notebook with it, in a cell of its own after the title, so that the cells run top to bottom", () => {
      const { cells } = JSON.parse(kit.get(`${name}.solutions.ipynb`) ?? '') as Notebook;
      expect(cells.slice(0, 4).map((c) => [c.cell_type, c.id])).toEqual([
        ['markdown', 'title'],
        ['markdown', 'setup-task'],
        ['code', 'setup-code'],
        ['markdown', 'exercise-1-task'],
      ]);
      expect(sourceOf(cells[1])).toBe('Set-up code: run it first; the exercises use what it defines.');
      expect(sourceOf(cells[2])).toBe('sizes = {"main": 120, "vendor": 480}');
    });

    it("starts the speaker's file of an exercise with its language's set-up code, under a comment that says what it is", () => {
      expect(kit.get(`${name}.solutions/02-total.js`)).toMatch(
        /^\/\/ Exercise 2: The total\n\/\/ 1\. Print the total size\n\/\/\n\/\/ Run: node 02-total\.js\n\n\/\/ Set-up code: run it first; the exercises use what it defines\.\nconst sizes = \{ main: 120, vendor: 480 \};\n\n/,
      );
    });

    it("never gives it to the attendees: the checks' scaffolding may define what an exercise asks them to write", () => {
      const { cells } = JSON.parse(kit.get(`${name}.exercises.ipynb`) ?? '') as Notebook;
      expect(cells.map((c) => c.id)).not.toContain('setup-code');
      for (const [file, text] of kit) {
        if (file.startsWith(`${name}.exercises`)) expect(text, file).not.toContain('sizes = {');
      }
    });

    it.runIf(existsSync(PYTHON))('gives notebooks and files that run as written', async () => {
      const run = promisify(execFile);
      const { cells } = JSON.parse(kit.get(`${name}.solutions.ipynb`) ?? '') as Notebook;
      const code = cells.filter((c) => c.cell_type === 'code').map(sourceOf);
      const notebookRun = await run(PYTHON, ['-c', code.join('\n')]);
      expect(notebookRun.stdout).toBe('vendor\n');
      const fileRun = await run(process.execPath, ['-e', kit.get(`${name}.solutions/02-total.js`) ?? '']);
      expect(fileRun.stdout).toBe('600\n');
    });
  });

  describe('with an exercise that runs after another (run.after), in a file of its own', () => {
    const outline = minimalOutline();
    outline.run = { setup: { js: 'const unit = "KB";' } };
    outline.sections[0]?.slides.push(
      {
        kind: 'exercise',
        id: 'define',
        title: 'Define it',
        language: 'javascript',
        task: ['Write triple'],
        starter: '// TODO: triple',
        solution: 'function triple(x) {\n  return 3 * x;\n}',
      },
      {
        kind: 'exercise',
        id: 'use',
        title: 'Use it',
        language: 'javascript',
        task: ['Print triple(2)'],
        starter: 'console.log(triple(2)); // TODO: and the unit',
        solution: 'console.log(triple(2), unit);',
        run: { after: ['define'] },
      },
    );
    const deck = compileData(outline).deck;
    const kit = new Map(notebookFiles(deck));
    const name = deck.meta.slug;

    it("gives the speaker's file the solutions it runs after, after the set-up code, so that it runs alone as check --run ran it", async () => {
      const file = kit.get(`${name}.solutions/02-use.js`) ?? '';
      expect(file).toContain(
        '// The solution of “Exercise 1: Define it”, which this exercise runs after:\nfunction triple(x) {\n  return 3 * x;\n}\n\nconsole.log(triple(2), unit);\n',
      );
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', file]);
      expect(stdout).toBe('6 KB\n');
    });

    it('gives the attendees a line to put their own code of it above, and none of its solution: one file, one run', async () => {
      const file = kit.get(`${name}.exercises/02-use.js`) ?? '';
      const line = '// Put your code of “Exercise 1: Define it” above this line: this exercise uses what it defines.\n';
      expect(file).toBe(
        `// Exercise 2: Use it\n// 1. Print triple(2)\n//\n// Run: node 02-use.js\n\n${line}\nconsole.log(triple(2)); // TODO: and the unit\n`,
      );
      // `node 01-define.js` then `node 02-use.js` are two processes: only code in this file counts.
      const run = (code: string) => promisify(execFile)(process.execPath, ['-e', code]);
      await expect(run(file)).rejects.toThrow(/triple is not defined/);
      const theirs = kit
        .get(`${name}.exercises/01-define.js`)
        ?.replace('// TODO: triple', 'const triple = (x) => 3 * x;');
      const { stdout } = await run(file.replace(line, `${theirs}\n${line}`));
      expect(stdout).toBe('6\n');
    });
  });

  it('tells the attendees, in the Markdown file of a language versus cannot comment, to put their code of the earlier exercise before its code', () => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push(
      {
        kind: 'exercise',
        id: 'model',
        title: 'Model',
        language: 'elm',
        task: ['Write the model'],
        solution: 'type alias Model = Int',
      },
      {
        kind: 'exercise',
        id: 'view',
        title: 'View',
        language: 'elm',
        task: ['Show the model'],
        starter: 'view model = text (String.fromInt model)',
        solution: 'view model = text (String.fromInt model)',
        run: { after: ['model'] },
      },
    );
    const kit = new Map(notebookFiles(compileData(outline).deck));
    expect(kit.get('a-vs-b.exercises/02-view.md')).toBe(
      '# Exercise 2: View\n\n1. Show the model\n\nPut your code of “Exercise 1: Model” before this code, in the same file: this exercise uses what it defines.\n\n```elm\nview model = text (String.fromInt model)\n```\n',
    );
  });

  describe('with text that would end its comment early', () => {
    // Every line break a language knows, then code: none of it may run.
    const breaks = ['\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\u001c', '\r\n'];
    const notesThatRun = (print: (i: number) => string) =>
      `Watch the semicolons.${breaks.map((line, i) => `${line}${print(i)}`).join('')}`;
    const outline = minimalOutline();
    outline.sections[0]?.slides.push(
      // The notebook's language, so that Python gets a file of its own.
      { kind: 'exercise', id: 'r', title: 'In R', language: 'r', task: ['Print ok'], solution: "print('ok')" },
      {
        kind: 'exercise',
        id: 'js',
        title: 'Lines',
        language: 'javascript',
        task: ['Print ok'],
        solution: "console.log('ok');",
        privateNotes: notesThatRun((i) => `console.log('ran ${i}')`),
      },
      {
        kind: 'exercise',
        id: 'py',
        // Python and Ruby read a file in the encoding a comment on its first two lines names.
        title: 'Read it with coding: nosuch',
        language: 'python',
        task: ['Print ok, coding=nosuch'],
        solution: "print('ok')",
        // Python refuses a NUL byte anywhere in a file, comments too.
        privateNotes: notesThatRun((i) => `print('ran ${i}')\u0000`),
      },
      {
        kind: 'exercise',
        id: 'html',
        title: 'Comments',
        language: 'html',
        task: ['End a comment with --!><b>early</b>', 'or with --><i>early</i> and <!-- nest'],
        solution: '<p>ok</p>',
        privateNotes: '<!-- a --> <b>early</b> --!> <b>early</b> -',
      },
      {
        kind: 'exercise',
        id: 'xml',
        title: 'Ranges',
        language: 'xml',
        task: ['Write the range 1--2 or 1 -- 2 or 1---2'],
        solution: '<?xml version="1.0" encoding="UTF-8"?>\n<root>ok</root>',
        privateNotes: 'A --> or --!> here, a control character \u0001 and a hyphen at the end -',
      },
      {
        kind: 'exercise',
        id: 'sh',
        title: 'A script',
        language: 'bash',
        task: ['Print ok'],
        solution: '#!/usr/bin/env bash\necho ok',
      },
      {
        kind: 'exercise',
        id: 'css',
        title: 'Styles',
        language: 'css',
        task: ['End a comment with */ b { color: red } /*'],
        solution: 'b { color: blue; }',
        privateNotes: 'a **/ b',
      },
      {
        kind: 'exercise',
        id: 'elm',
        title: 'In Elm',
        language: 'elm',
        task: ['Print ok'],
        solution: 'main = text "ok"',
      },
    );
    const kit = new Map(notebookFiles(compileData(outline).deck));
    const file = (name: string) => {
      const [, text] = [...kit].find(([key]) => key.includes('.solutions/') && key.endsWith(name)) ?? [];
      return text ?? '';
    };
    const run = promisify(execFile);
    const written = async (name: string) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'versus-kit-'));
      const at = path.join(dir, name);
      await writeFile(at, file(name));
      return at;
    };

    it('puts each line of it on a comment line of its own in JavaScript: node runs none of it', async () => {
      const { stdout } = await run(process.execPath, [await written('-js.js')]);
      expect(stdout).toBe('ok\n');
      expect(file('-js.js')).toContain("// Watch the semicolons.\n// console.log('ran 0')\n// console.log('ran 1')\n");
      // A Windows line end is one line break, not two.
      expect(file('-js.js')).toContain("// console.log('ran 6')\n// console.log('ran 7')\n");
    });

    it.runIf(existsSync(PYTHON))('and in Python, which runs none of it nor reads an encoding from it', async () => {
      const { stdout } = await run(PYTHON, [await written('-py.py')]);
      expect(stdout).toBe('ok\n');
      expect(file('-py.py')).toMatch(/^# Exercise 3: Read it with coding : nosuch\n# 1\. Print ok, coding =nosuch\n/);
    });

    it('closes an HTML comment only where it ends', () => {
      const html = file('-html.html');
      expect(html.match(/--!?>/g)).toEqual(['-->']);
      expect(html).toMatch(/\n-->\n\n<p>ok<\/p>\n$/);
      const root = parse(html);
      expect(root.querySelectorAll('b, i')).toEqual([]);
      expect(root.textContent.trim()).toBe('ok');
      expect(html).toContain('  1. End a comment with - -!><b>early</b>\n');
    });

    it.runIf(existsSync(XMLLINT) || process.env.CI)(
      'writes XML that xmllint reads: no "--" in a comment, the declaration first',
      async () => {
        const xml = file('-xml.xml');
        expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!--\n/);
        expect(xml.match(/--/g)).toEqual(['--', '--']);
        await run(XMLLINT, ['--noout', await written('-xml.xml')]);
      },
    );

    it('keeps a script’s #! line first, where the system reads it', async () => {
      expect(file('-sh.sh')).toMatch(/^#!\/usr\/bin\/env bash\n# Exercise \d+: A script\n/);
      const script = await written('-sh.sh');
      await chmod(script, 0o755);
      expect((await run(script, [])).stdout).toBe('ok\n');
    });

    it('names a language versus has no file type for as people write it, with a capital', () => {
      const [, notebook] = [...kit].find(([key]) => key.endsWith('.exercises.ipynb')) ?? [];
      expect(notebook).toMatch(/This exercise is in Elm: work in `[^`]+-elm\.md`/);
    });

    it('closes a CSS comment only where it ends', () => {
      const css = file('-css.css');
      expect(css.match(/\*\//g)).toEqual(['*/']);
      expect(css).toContain('  1. End a comment with * / b { color: red } /*\n');
      expect(css).toMatch(/\n\*\/\n\nb \{ color: blue; \}\n$/);
    });
  });

  it("names the file of an exercise without an id by the talk's word for one", () => {
    const outline = { ...minimalOutline(), lang: 'es' };
    outline.sections[0]?.slides.push({
      kind: 'exercise',
      title: 'Una tarea programada',
      language: 'go',
      task: ['Escribe la tarea'],
      solution: 'package main',
    });
    const names = notebookFiles(compileData(outline).deck).map(([name]) => name.split('/').at(-1));
    expect(names).toEqual(['01-ejercicio.go', '01-ejercicio.go']);
  });

  it('writes nothing for a talk without exercises', () => {
    expect(notebookFiles(compileData(minimalOutline()).deck)).toEqual([]);
  });
});

describe('exercise files that say how to run them, and run as they say', () => {
  // In French, whose spacing before ":" must not reach the commands (`sqlite3 :memory:`).
  const outline = { ...minimalOutline(), lang: 'fr' };
  outline.run = {
    runners: { sql: ['sh', '-c', 'sqlite3 :memory: < "$0"'], sh: 'sh', ruby: 'bin/ruby -w', go: false },
  };
  const exercise = (id: string, language: string, solution: string) => ({
    kind: 'exercise' as const,
    id,
    title: id,
    language,
    task: ['Print ok'],
    starter: solution,
    solution,
  });
  outline.sections[0]?.slides.push(
    exercise('check', 'bash', 'echo "ok from $0"'),
    exercise('posix', 'sh', 'echo ok'),
    exercise('query', 'sql', "SELECT 'ok';"),
    exercise('gem', 'ruby', "puts 'ok'"),
    exercise('never', 'go', 'package main'),
    exercise('lisp', 'elixir', 'IO.puts("ok")'),
  );
  const kit = new Map(notebookFiles(compileData(outline).deck));
  const file = (name: string) => kit.get(`a-vs-b.exercises/${name}`) ?? '';

  it('says in the header how to run the file, with the runner check --run uses, as a shell reads it', () => {
    expect(file('01-check.sh')).toContain('\n#\n# Pour l’exécuter\u00a0: bash -eo pipefail 01-check.sh\n\necho');
    expect(kit.get('a-vs-b.solutions/03-query.sql')).toContain(
      `-- Pour l’exécuter\u00a0: sh -c 'sqlite3 :memory: < "$0"' 03-query.sql\n`,
    );
    // As the outline writes a path: relative to the outline, never this machine's absolute path.
    expect(file('04-gem.rb')).toContain('# Pour l’exécuter\u00a0: bin/ruby -w 04-gem.rb\n');
  });

  it('says nothing of how to run a language no runner runs (run.runners false, or none known)', () => {
    expect(file('05-never.go')).not.toContain('exécuter');
    expect(file('06-lisp.ex')).not.toContain('exécuter');
    expect(file('06-lisp.ex')).toContain('# Exercice 6');
  });

  it('starts a shell script without a #! line with its shell’s, so that ./file runs it', () => {
    expect(file('01-check.sh')).toMatch(/^#!\/usr\/bin\/env bash\n# Exercice 1 : check\n/);
    expect(file('02-posix.sh')).toMatch(/^#!\/usr\/bin\/env sh\n/);
    expect(file('03-query.sql')).toMatch(/^-- Exercice 3/);
  });

  it('writes every file with a #! line executable, through the all-or-nothing commit, and it runs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-run-'));
    await writeFile(path.join(dir, 'talk.yaml'), JSON.stringify(outline));
    await build(path.join(dir, 'talk.yaml'), { outDir: path.join(dir, 'dist'), formats: ['notebook'] });
    const mode = async (name: string) => (await stat(path.join(dir, 'dist', name))).mode & 0o777;
    for (const kind of ['exercises', 'solutions']) {
      expect(await mode(`a-vs-b.${kind}/01-check.sh`), kind).toBe(0o755);
      expect(await mode(`a-vs-b.${kind}/02-posix.sh`), kind).toBe(0o755);
      expect((await mode(`a-vs-b.${kind}/03-query.sql`)) & 0o111, kind).toBe(0);
    }
    const folder = path.join(dir, 'dist', 'a-vs-b.exercises');
    const { stdout } = await promisify(execFile)('./01-check.sh', [], { cwd: folder });
    expect(stdout).toBe('ok from ./01-check.sh\n');
  });

  it.runIf(existsSync('/usr/bin/sqlite3') || process.env.CI)(
    'gives a command that runs the file as written',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'versus-run-'));
      await writeFile(path.join(dir, '03-query.sql'), file('03-query.sql'));
      const command = /Pour l’exécuter\u00a0: (.*)\n/.exec(file('03-query.sql'))?.[1] ?? '';
      const { stdout } = await promisify(execFile)('sh', ['-c', command], { cwd: dir });
      expect(stdout).toBe('ok\n');
    },
  );
});

describe('the notebooks’ first cell', () => {
  it('says that an exercise in another language has a file instead of a cell, and where the files are', () => {
    expect(sourceOf(notebook('exercises').cells[0])).toContain(
      `Each exercise has its task, then a cell to work in or, for one in another language, the file to work in, in \`${slug}.exercises/\`.`,
    );
    expect(sourceOf(notebook('solutions').cells[0])).toContain(
      `The solutions, one code cell per exercise or, for one in another language, its file, in \`${slug}.solutions/\`.`,
    );
  });

  it('speaks only of cells when every exercise is in the notebook', () => {
    expect(sourceOf(inWordsNotebook('exercises').cells[0])).toMatch(
      /Each exercise has its task, then a cell to work in\.$/,
    );
    expect(sourceOf(inWordsNotebook('solutions').cells[0])).toMatch(/The solutions, one code cell per exercise\.$/);
  });
});

describeWithNbformat('the notebooks as Jupyter reads them', () => {
  let outDirs: string[];

  beforeAll(async () => {
    outDirs = [await mkdtemp(path.join(tmpdir(), 'versus-nb-')), await mkdtemp(path.join(tmpdir(), 'versus-nb-'))];
    for (const outDir of outDirs) await build(FIXTURE, { outDir, formats: ['notebook'] });
  });

  it('validate against the nbformat 4.5 JSON Schema', async () => {
    // Not strict: the official schema has a misspelt keyword ("item"), which draft 4 ignores.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
    for (const kind of ['exercises', 'solutions'] as const) {
      for (const read of [notebook, inWordsNotebook]) {
        const ok = validate(read(kind));
        expect(validate.errors ?? [], kind).toEqual([]);
        expect(ok).toBe(true);
      }
    }
    // The check can fail: a cell without its id is refused.
    const broken = notebook('exercises');
    delete (broken.cells[0] as Partial<Notebook['cells'][number]>).id;
    expect(validate(broken)).toBe(false);
  });

  it("open with Python's json and pass nbformat's own validator", async () => {
    const files = (await readdir(outDirs[0] as string)).filter((f) => f.endsWith('.ipynb'));
    expect(files.sort()).toEqual([`${slug}.exercises.ipynb`, `${slug}.solutions.ipynb`]);
    const script = [
      'import json, sys, nbformat',
      'for f in sys.argv[1:]:',
      '    data = json.load(open(f, encoding="utf-8"))',
      '    nbformat.validate(nbformat.reads(json.dumps(data), as_version=4))',
      '    print(len(data["cells"]))',
    ].join('\n');
    const { stdout } = await promisify(execFile)(PYTHON, [
      '-c',
      script,
      ...files.map((f) => path.join(outDirs[0] as string, f)),
    ]);
    // The title, the Python exercise's task and code, the JavaScript exercise's cell that points to its file.
    expect(stdout.trim().split('\n')).toEqual(['4', '4']);
  });

  it('are byte-identical from two builds', async () => {
    const [a, b] = outDirs as [string, string];
    const names = [
      `${slug}.exercises.ipynb`,
      `${slug}.solutions.ipynb`,
      `${slug}.exercises/02-exercise-js.js`,
      `${slug}.solutions/02-exercise-js.js`,
    ];
    for (const name of names) {
      expect(await readFile(path.join(b, name)), name).toEqual(await readFile(path.join(a, name)));
    }
  });
});
