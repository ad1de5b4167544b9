/**
 * Exercise notebooks (`--formats notebook`): `<slug>.exercises.ipynb` for the
 * attendees (a title cell, then per exercise its task and a code cell with its
 * starter code) and `<slug>.solutions.ipynb` for the speaker. nbformat 4.5,
 * with cell ids made from the exercise numbers, so that two builds give the
 * same bytes. An exercise in another language becomes a file of its own, in
 * `<slug>.exercises/` and `<slug>.solutions/` (its steps as comments in that
 * language, or Markdown), and keeps its place in the notebooks as a cell that
 * points to it. An exercise answered in words (`language: text`) has its
 * starter and solution as text cells. The speaker's copies carry the private
 * notes, and start with the talk's set-up code (`run.setup`) as `check --run`
 * runs it. Pure: returns file names and contents.
 */

import { type Labels, labelsFor } from '../i18n/labels.js';
import type { Deck } from '../plan/deck.js';
import { type Exercise, exercisesOf } from '../plan/exercises.js';
import { paragraphsOf } from '../plan/notes.js';
import { fitName, MAX_NAME_BYTES } from '../shared/file-name.js';
import { type Comment, isProse, languageName, setupFor, sourceFileOf, usualName } from '../shared/languages.js';
import { namedRunner, shellLine } from '../shared/run-command.js';
import { escapeInline } from '../text/escape.js';
import { PLACEHOLDER } from '../text/marks.js';
import { readableName } from '../text/names.js';
import { xmlText } from '../text/xml.js';

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
  const inNotebook = (exercise: Exercise) =>
    kernel !== undefined && (kernelOf(exercise.language) === kernel || isProse(exercise.language));
  const { slug } = deck.meta;
  const labels = labelsFor(deck);
  const files: [string, string][] = [];
  const fileOf = (exercise: Exercise, folder: 'exercises' | 'solutions') => {
    const { ext } = sourceFileOf(exercise.language);
    // Ids have no length limit; a file name does.
    const name = fitName(
      `${String(exercise.number).padStart(2, '0')}-${exercise.id ?? (readableName(labels.t('exercise')) || 'exercise')}`,
      MAX_NAME_BYTES - ext.length - 1,
    );
    return `${slug}.${folder}/${name}.${ext}`;
  };
  // The set-up code `check --run` runs before each exercise: the speaker's notebook runs it once, first.
  // Never the attendees': it is the checks' scaffolding, and may define what an exercise asks them to write.
  const setupOf = (exercise: Exercise) =>
    exercise.language && !isProse(exercise.language) ? setupFor(deck.setup, exercise.language)?.code : undefined;
  if (kernel) {
    const spec = KERNELS[kernel] as Kernel;
    const setup = exercises
      .filter(inNotebook)
      .map(setupOf)
      .find((code) => code !== undefined);
    for (const kind of ['exercises', 'solutions'] as const) {
      const elsewhere = (exercise: Exercise) => (inNotebook(exercise) ? undefined : fileOf(exercise, kind));
      const kindSetup = kind === 'solutions' ? setup : undefined;
      const folder = exercises.some((e) => !inNotebook(e)) ? `${slug}.${kind}/` : undefined;
      files.push([
        `${slug}.${kind}.ipynb`,
        notebook(deck, exercises, spec, { kind, elsewhere, folder, setup: kindSetup }),
      ]);
    }
  }
  for (const exercise of exercises.filter((e) => !inNotebook(e))) {
    // A notebook runs its cells in order; a file holds the exercises it runs after itself, those of its language.
    const after = exercises.filter(
      (e) => exercise.after.includes(e.number) && usualName(e.language ?? '') === usualName(exercise.language ?? ''),
    );
    // Both files have one name in their two folders, and run alike: as `check --run` runs the language.
    const name = fileOf(exercise, 'exercises');
    const runner = exercise.language ? namedRunner(exercise.language, deck.runners)?.command : undefined;
    const run = runner && shellLine([...runner, name.slice(name.lastIndexOf('/') + 1)]);
    const shebang = shebangOf(exercise.language, runner);
    files.push([name, sourceFile(exercise, exercise.starter ?? '', labels, { after, run, shebang })]);
    files.push([
      fileOf(exercise, 'solutions'),
      sourceFile(exercise, exercise.solution, labels, {
        setup: setupOf(exercise),
        privateNotes: exercise.privateNotes,
        after,
        run,
        shebang,
        speaker: true,
      }),
    ]);
  }
  return files;
}

/** Shells a script names on its `#!` line. */
const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh']);

/**
 * The `#!` line a shell script's file starts with when its code has none, so that `./file.sh`
 * runs it: the shell its runner is (`bash -eo pipefail` → bash), else the language's own.
 */
function shebangOf(language: string | undefined, runner: readonly string[] | undefined): string | undefined {
  if (sourceFileOf(language).ext !== 'sh') return undefined;
  const program = runner?.[0]?.split('/').at(-1) ?? '';
  const shell = SHELLS.has(program) && !runner?.includes('-c') ? program : usualName(language ?? '');
  return `#!/usr/bin/env ${shell}\n`;
}

/** Whether a file starts with a `#!` line: such a file is written executable, to run as `./file`. */
export function isScript(content: string): boolean {
  return content.startsWith('#!');
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

/** What one of the two notebooks holds besides the exercises. */
interface NotebookParts {
  kind: 'exercises' | 'solutions';
  /** The file of an exercise that is not in the notebook's language. */
  elsewhere: (exercise: Exercise) => string | undefined;
  /** The folder of those files, when there are some. */
  folder: string | undefined;
  /** The set-up code the notebook starts with (the speaker's). */
  setup: string | undefined;
}

/**
 * Every exercise of the talk, in order and with its number: those in the
 * kernel's language as a task and a code cell; any other as its task and a
 * cell that points to its file (`elsewhere`). The set-up code, when the talk
 * has some for the kernel's language, comes first.
 */
function notebook(
  deck: Deck,
  exercises: Exercise[],
  kernel: Kernel,
  { kind, elsewhere, folder, setup }: NotebookParts,
): string {
  const { meta } = deck;
  const labels = labelsFor(deck);
  const heading = `${meta.title} — ${labels.t(kind)}`;
  // Says that some exercises are files only when some are: "a cell to work in" is true of the others.
  const intro = folder
    ? escapeInline(
        labels.t(kind === 'exercises' ? 'notebookIntroFiles' : 'solutionsIntroFiles', { folder: PLACEHOLDER }),
      ).replace(PLACEHOLDER, `\`${folder}\``)
    : labels.t(kind === 'exercises' ? 'notebookIntro' : 'solutionsIntro');
  const cells: Cell[] = [
    markdown('title', [`# ${escapeInline(heading)}`, ...(meta.subtitle ? [escapeInline(meta.subtitle)] : []), intro]),
    ...(setup?.trim()
      ? [markdown('setup-task', [escapeInline(labels.t('setupCode'))]), code('setup-code', setup)]
      : []),
  ];
  for (const exercise of exercises) {
    const id = `exercise-${exercise.number}`;
    const steps = exercise.task.map((step, i) => `${i + 1}. ${escapeInline(step)}`).join('\n');
    const file = elsewhere(exercise);
    const pointer = file
      ? [
          escapeInline(
            labels.t(kind === 'solutions' ? 'solutionInFile' : 'exerciseInFile', {
              language: exercise.language ? languageName(exercise.language) : 'Markdown',
              file: PLACEHOLDER,
            }),
          ).replace(PLACEHOLDER, `\`${file}\``),
        ]
      : [];
    cells.push(markdown(`${id}-task`, [`## ${escapeInline(exercise.title)}`, steps, ...pointer]));
    if (kind === 'solutions' && exercise.privateNotes) {
      cells.push(
        markdown(`${id}-private`, [
          `**${escapeInline(labels.t('privateNotes'))}**`,
          escapeInline(exercise.privateNotes),
        ]),
      );
    }
    if (file) continue;
    const body = kind === 'exercises' ? (exercise.starter ?? '') : exercise.solution;
    if (!isProse(exercise.language)) cells.push(code(`${id}-code`, body));
    else if (body.trim()) cells.push(markdown(`${id}-answer`, proseMarkdown(body)));
    // An answer in words is written in a text cell of its own, which the attendee opens to edit.
    else cells.push(markdown(`${id}-answer`, [`**${escapeInline(labels.t('yourAnswer'))}**`]));
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

/**
 * An answer in words as Markdown paragraphs, each of its lines kept (a hard break, `\` at the end
 * of the line): a starter such as "Language:\nFirst reason:" is a form to fill in, line by line.
 */
function proseMarkdown(text: string): string[] {
  return paragraphsOf(text).map((paragraph) => paragraph.split('\n').map(escapeInline).join('\\\n'));
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

/** What an exercise's file holds besides its own code. */
interface FileExtras {
  /** The set-up code of its language, which the speaker's copy starts with (see `Deck.setup`). */
  setup?: string | undefined;
  /** The speaker's copy only. */
  privateNotes?: string | undefined;
  /**
   * The exercises of its language it runs after (`run.after`): their solutions follow the set-up
   * code in the speaker's copy, so that it runs as `check --run` ran it; the attendees' copy has a
   * line for each, above which they put their own code of it, for the file to run alone.
   */
  after?: readonly Exercise[];
  /** The command that runs the file, as a shell reads it (`node 04-sum.js`), when versus knows one. */
  run?: string | undefined;
  /** The `#!` line (with its line break) a file starts with when its code has none: a shell script's. */
  shebang?: string | undefined;
  /** The speaker's copy: the solution, after the code it runs after. */
  speaker?: boolean;
}

/** Code a file holds before its own, under a comment that says what it is. */
interface Preamble {
  label: string;
  code: string;
}

/**
 * An exercise's own file: its title and steps as comments on top (and, in the
 * speaker's copy, the private notes), then what runs before the code (the set-up
 * code and the solutions it runs after), each under a comment that says what it
 * is, then the code. In Markdown, for a language versus cannot comment.
 */
function sourceFile(exercise: Exercise, body: string, labels: Labels, extras: FileExtras): string {
  const { privateNotes, after = [], speaker = false } = extras;
  const titleOf = (other: Exercise) => ({ title: oneLine(other.title) });
  const preamble: Preamble[] = speaker
    ? [
        ...(extras.setup?.trim() ? [{ label: labels.t('setupCode'), code: extras.setup }] : []),
        ...after.map((other) => ({ label: labels.t('afterSolution', titleOf(other)), code: other.solution })),
      ].map(({ label, code }) => ({ label, code: code.replace(/\s+$/, '') }))
    : [];
  const attendee = speaker ? [] : after;
  const code = body.replace(/\s+$/, '');
  const { comment, ext } = sourceFileOf(exercise.language);
  if (!comment) {
    const notes = attendee.map((other) => labels.t('runAfter', titleOf(other)));
    return markdownFile(exercise, code, labels, { preamble, notes, privateNotes });
  }
  // XML allows nothing before its declaration, and a script's `#!` line works on the first line
  // only: the file starts with the first code's (a shell script, without one, with its shell's), then the comments.
  const found = (ext === 'xml' ? XML_DECLARATION : SHEBANG).exec(preamble[0]?.code ?? code)?.[0];
  const declaration = found ?? '';
  const [first, ...rest] = preamble;
  const pieces = first ? [{ ...first, code: first.code.slice(declaration.length) }, ...rest] : [];
  const codeRest = first ? code : code.slice(declaration.length);
  const top = commentOut(
    comment,
    [
      oneLine(exercise.title),
      ...exercise.task.map((step, i) => `${i + 1}. ${oneLine(step)}`),
      // Set as the shell reads it: no language's spacing inside the command (French's before `:memory:`).
      ...(extras.run ? ['', labels.t('runFile', { command: PLACEHOLDER }).replace(PLACEHOLDER, extras.run)] : []),
      ...(privateNotes ? ['', labels.t('privateNotes'), privateNotes] : []),
    ],
    true,
  );
  // A line for each exercise it runs after, with room above it for the attendee's own code of
  // that one: pasted there, in the talk's order, the file runs alone, as the speaker's does.
  const slots = attendee.map((other) => `${commentOut(comment, [labels.t('codeAbove', titleOf(other))])}\n\n`).join('');
  const before = pieces
    .filter((piece) => piece.code.trim())
    .map((piece) => `${commentOut(comment, [piece.label])}\n${piece.code.replace(/^\n+/, '')}\n\n`)
    .join('');
  const head = declaration ? `${declaration.trimEnd()}\n` : (extras.shebang ?? '');
  return `${head}${top}\n\n${before}${slots}${codeRest}${codeRest ? '\n' : ''}`;
}

const XML_DECLARATION = /^<\?xml\s[^>]*\?>[^\S\n]*(?:\n|$)/;
const SHEBANG = /^#![^\n]*(?:\n|$)/;

/**
 * Line terminators of the languages versus comments: `\n`, `\r` (JavaScript, Python, C#…);
 * U+2028, U+2029 (JavaScript, Java's and C#'s readers of it, YAML 1.1); U+0085 (C#, YAML 1.1);
 * vertical tab, form feed and U+001C–U+001E (Python's `splitlines`; a form feed ends a Haskell
 * comment). Text that held one goes on two comment lines in every language, so that no language
 * reads the rest of it as code.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the line breaks to split on
const LINE_BREAK = /\r\n|[\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/;

/**
 * `lines` as comments in `comment`'s syntax, each line of text on lines of its own. Inside a
 * block comment, what would end it early is split by a space: a star and a slash get one between,
 * and any two hyphens `- -` in `<!-- -->` (`-->`, `--!>` end an HTML comment and XML allows no `--`
 * in one). A space, not an invisible one, so that a reader sees the text was changed there (an
 * option copied from a comment then fails loudly). Characters XML cannot hold are dropped, as the
 * slides drop them; Python refuses a NUL byte and Zig any control character. On the first two
 * lines of a file (`atStart`), `coding:` gets a space too: Python and Ruby read the file in the
 * encoding a `#` comment there names ("coding: latin-1"), and fail on a name they do not know.
 */
function commentOut(comment: Comment, lines: readonly string[], atStart = false): string {
  const pieces = lines.flatMap((line) => line.split(LINE_BREAK)).map(xmlText);
  if ('line' in comment) {
    const cookie = (line: string, i: number) =>
      atStart && i < 2 && comment.line === '#' ? line.replace(/coding(?=[:=])/gi, '$& ') : line;
    return pieces.map((line, i) => `${comment.line} ${cookie(line, i)}`.trimEnd()).join('\n');
  }
  const safe = (line: string) =>
    comment.open === '<!--'
      ? line.replace(/-(?=-)/g, '- ')
      : line.replaceAll(comment.close, comment.close.split('').join(' '));
  return [comment.open, ...pieces.map((line) => `  ${safe(line)}`.trimEnd()), comment.close].join('\n');
}

/**
 * The title as a heading, the steps as a list, the private notes, the set-up code, then the code,
 * each in a fence longer than any run of backticks in it.
 */
function markdownFile(
  exercise: Exercise,
  code: string,
  labels: Labels,
  { preamble, notes, privateNotes }: { preamble: Preamble[]; notes: string[]; privateNotes?: string | undefined },
): string {
  const fenced = (text: string) => {
    const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    return `${fence}${exercise.language ?? ''}\n${text}\n${fence}`;
  };
  return [
    `# ${escapeInline(oneLine(exercise.title))}`,
    exercise.task.map((step, i) => `${i + 1}. ${escapeInline(oneLine(step))}`).join('\n'),
    ...notes.map(escapeInline),
    ...(privateNotes ? [`**${escapeInline(labels.t('privateNotes'))}**`, escapeInline(privateNotes)] : []),
    ...preamble.flatMap(({ label, code: before }) => [escapeInline(label), fenced(before)]),
    ...(!code ? [] : isProse(exercise.language) ? proseMarkdown(code) : [fenced(code)]),
  ]
    .join('\n\n')
    .concat('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
