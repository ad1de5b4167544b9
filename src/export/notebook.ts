/**
 * Exercise notebooks (`--formats notebook`): `<slug>.exercises.ipynb` for the
 * attendees (a title cell, then per exercise its task and a code cell with its
 * starter code) and `<slug>.solutions.ipynb` for the speaker. nbformat 4.5,
 * with cell ids made from the exercise numbers, so that two builds give the
 * same bytes. Exercises in a language without a notebook kernel become one
 * plain source file each instead, in `<slug>.exercises/` and `<slug>.solutions/`.
 * Pure: returns file names and contents.
 */
import { type Labels, labelsFor } from '../labels.js';
import type { Deck } from '../plan/deck.js';
import { type Exercise, exercisesOf } from '../plan/exercises.js';
import { escapeInline } from '../render/escape.js';

interface Kernel {
  kernelspec: { display_name: string; language: string; name: string };
  language_info: { file_extension: string; mimetype: string; name: string };
}

/** Languages with a notebook kernel everyone has (Jupyter, VS Code and Colab run them). */
const KERNELS: Record<string, Kernel> = {
  python: {
    kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
    language_info: { file_extension: '.py', mimetype: 'text/x-python', name: 'python' },
  },
  r: {
    kernelspec: { display_name: 'R', language: 'R', name: 'ir' },
    language_info: { file_extension: '.r', mimetype: 'text/x-r-source', name: 'R' },
  },
};

const KERNEL_ALIASES: Record<string, string> = { py: 'python', python3: 'python', ipython: 'python' };

/** File extension and line-comment marker of languages without a notebook; others get `.txt`. */
const SOURCE_FILES: Record<string, { ext: string; comment: string }> = {
  javascript: { ext: 'js', comment: '//' },
  js: { ext: 'js', comment: '//' },
  typescript: { ext: 'ts', comment: '//' },
  ts: { ext: 'ts', comment: '//' },
  java: { ext: 'java', comment: '//' },
  kotlin: { ext: 'kt', comment: '//' },
  scala: { ext: 'scala', comment: '//' },
  go: { ext: 'go', comment: '//' },
  rust: { ext: 'rs', comment: '//' },
  c: { ext: 'c', comment: '//' },
  cpp: { ext: 'cpp', comment: '//' },
  'c++': { ext: 'cpp', comment: '//' },
  csharp: { ext: 'cs', comment: '//' },
  'c#': { ext: 'cs', comment: '//' },
  swift: { ext: 'swift', comment: '//' },
  php: { ext: 'php', comment: '//' },
  ruby: { ext: 'rb', comment: '#' },
  julia: { ext: 'jl', comment: '#' },
  bash: { ext: 'sh', comment: '#' },
  sh: { ext: 'sh', comment: '#' },
  shell: { ext: 'sh', comment: '#' },
  perl: { ext: 'pl', comment: '#' },
  sql: { ext: 'sql', comment: '--' },
  haskell: { ext: 'hs', comment: '--' },
  lua: { ext: 'lua', comment: '--' },
};

function kernelOf(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const name = language.toLowerCase();
  const kernel = KERNEL_ALIASES[name] ?? name;
  return KERNELS[kernel] ? kernel : undefined;
}

/**
 * The notebook files of a deck: `[file name, content]`, in a fixed order.
 * Exercises in the first notebook language of the talk go into the two
 * notebooks; every other exercise into source files. No exercises: no files.
 */
export function notebookFiles(deck: Deck): [string, string][] {
  const exercises = exercisesOf(deck);
  const kernel = exercises.map((e) => kernelOf(e.language)).find(Boolean);
  const inNotebook = exercises.filter((e) => kernel && kernelOf(e.language) === kernel);
  const files: [string, string][] = [];
  const { slug } = deck.meta;
  const labels = labelsFor(deck);
  if (kernel && inNotebook.length > 0) {
    const spec = KERNELS[kernel] as Kernel;
    files.push([`${slug}.exercises.ipynb`, notebook(deck, inNotebook, spec, 'exercises')]);
    files.push([`${slug}.solutions.ipynb`, notebook(deck, inNotebook, spec, 'solutions')]);
  }
  for (const exercise of exercises.filter((e) => !inNotebook.includes(e))) {
    const { ext, comment } = SOURCE_FILES[exercise.language?.toLowerCase() ?? ''] ?? { ext: 'txt', comment: '' };
    const name = `${String(exercise.number).padStart(2, '0')}-${exercise.id ?? 'exercise'}.${ext}`;
    files.push([`${slug}.exercises/${name}`, sourceFile(exercise, comment, exercise.starter ?? '', labels)]);
    files.push([`${slug}.solutions/${name}`, sourceFile(exercise, comment, exercise.solution, labels)]);
  }
  return files;
}

type Cell =
  | { cell_type: 'markdown'; id: string; metadata: Record<string, never>; source: string[] }
  | {
      cell_type: 'code';
      execution_count: null;
      id: string;
      metadata: Record<string, never>;
      outputs: [];
      source: string[];
    };

function notebook(deck: Deck, exercises: Exercise[], kernel: Kernel, kind: 'exercises' | 'solutions'): string {
  const { meta } = deck;
  const labels = labelsFor(deck);
  const heading = `${meta.title} — ${labels.t(kind)}`;
  const intro = labels.t(kind === 'exercises' ? 'notebookIntro' : 'solutionsIntro');
  const cells: Cell[] = [
    markdown('title', [`# ${escapeInline(heading)}`, ...(meta.subtitle ? [escapeInline(meta.subtitle)] : []), intro]),
  ];
  for (const exercise of exercises) {
    const id = `exercise-${exercise.number}`;
    const title = `## ${labels.t('exercise')} ${exercise.number}: ${escapeInline(exercise.title)}`;
    const steps = exercise.task.map((step, i) => `${i + 1}. ${escapeInline(step)}`).join('\n');
    cells.push(markdown(`${id}-task`, [title, steps]));
    cells.push(code(`${id}-code`, kind === 'exercises' ? (exercise.starter ?? '') : exercise.solution));
  }
  // Keys in the order Jupyter writes them (sorted), one space of indent, as Jupyter saves.
  const document = {
    cells,
    metadata: { kernelspec: kernel.kernelspec, language_info: kernel.language_info },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

function markdown(id: string, paragraphs: string[]): Cell {
  return { cell_type: 'markdown', id, metadata: {}, source: lines(paragraphs.join('\n\n')) };
}

function code(id: string, source: string): Cell {
  return { cell_type: 'code', execution_count: null, id, metadata: {}, outputs: [], source: lines(source) };
}

/** A cell's source as nbformat stores it: lines that keep their "\n", the last without one. */
function lines(text: string): string[] {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return trimmed ? trimmed.split(/(?<=\n)/) : [];
}

/** A plain source file: the task as comments on top (when the language has them), then the code. */
function sourceFile(exercise: Exercise, comment: string, body: string, labels: Labels): string {
  const header = [
    `${labels.t('exercise')} ${exercise.number}: ${exercise.title}`,
    ...exercise.task.map((s, i) => `${i + 1}. ${s}`),
  ];
  const oneLine = header.map((line) => line.replace(/\s+/gu, ' ').trim());
  const top = comment ? oneLine.map((line) => `${comment} ${line}`).join('\n') : oneLine.join('\n');
  const code = body.replace(/\s+$/, '');
  return `${top}\n\n${code}${code ? '\n' : ''}`;
}
