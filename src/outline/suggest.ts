/** "did you mean …?" for misspelt keys and ids, and for keys written in another naming style or as a synonym. */

import { closest } from '../shared/closest.js';

/**
 * The file among `names` (a folder's entries) that a missing `name` most likely means: one a
 * few edits from it (`bsae.yaml`, `brew.pyy`, `base.yml`), or the only one with its name and
 * another extension (`cup.png` for `cup.jpg`).
 *
 * @example
 * nearFileName('base.yml', ['base.yaml', 'brew.py']) // 'base.yaml'
 */
export function nearFileName(name: string, names: readonly string[]): string | undefined {
  const others = names.filter((other) => other !== name);
  const near = closest(name, others);
  if (near !== undefined) return near;
  const stem = (file: string) => file.replace(/(?<=.)\.[^.]*$/, '').toLowerCase();
  const sameStem = others.filter((other) => stem(other) === stem(name));
  return sameStem.length === 1 ? sameStem[0] : undefined;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

/** How many names a list in a message shows before "…": enough to recognise, short enough to read. */
const LISTED = 8;

/**
 * Names for a message: "a, b, c", or the first eight and "…" for a longer list.
 *
 * @example
 * listed(['keras', 'tensorflow']) // 'keras, tensorflow'
 */
export function listed(names: Iterable<string>): string {
  const all = [...names];
  return `${all.slice(0, LISTED).join(', ')}${all.length > LISTED ? ', …' : ''}`;
}

/** Words people write for a field that versus names otherwise (compared without case, `_` or `-`). */
const SYNONYMS: Record<string, string> = {
  speakernotes: 'notes',
  presenternotes: 'notes',
  comments: 'notes',
  time: 'minutes',
  length: 'minutes',
  duration: 'minutes',
  mins: 'minutes',
  winner: 'verdict',
  best: 'verdict',
  items: 'bullets',
  points: 'bullets',
  steps: 'task',
  answer: 'solution',
  language: 'lang',
  series: 'groups',
  datasets: 'groups',
  bars: 'values',
  better: 'higherIsBetter',
  biggerisbetter: 'higherIsBetter',
  name: 'title',
};

/**
 * The allowed key `key` stands for when written in another naming style
 * (`private_notes`, `private-notes` for `privateNotes`) or as a word people
 * use for it (`speaker_notes`, `time`, `winner`); undefined when none fits.
 */
export function keyInOtherWords(
  key: string,
  allowed: readonly string[],
  synonyms: Record<string, string> = SYNONYMS,
): string | undefined {
  const plain = (word: string) => word.toLowerCase().replace(/[-_\s]/g, '');
  const written = plain(key);
  const sameWord = allowed.find((name) => plain(name) === written && name !== key);
  if (sameWord) return sameWord;
  const synonym = synonyms[written];
  if (synonym && allowed.includes(synonym)) return synonym;
  // The field with what it holds spelt out (`starter_code`, `notes_text`): the field itself.
  return allowed.find((name) => SPELT_OUT.some((word) => written === `${plain(name)}${word}`));
}

/** What a field holds, written after its name by people who spell it out (`starter_code`). */
const SPELT_OUT = ['code', 'text', 'content'];

/** Words people write for a slide kind (compared without case, `_` or `-`). */
const KIND_SYNONYMS: Record<string, string> = {
  table: 'comparison',
  matrix: 'comparison',
  compare: 'comparison',
  list: 'bullets',
  points: 'bullets',
  prosandcons: 'pros-cons',
  history: 'timeline',
  events: 'timeline',
  choice: 'decision',
  choose: 'decision',
  statement: 'quote',
  picture: 'image',
  figure: 'image',
  diagram: 'image',
  photo: 'image',
  graph: 'chart',
  bars: 'chart',
  barchart: 'chart',
  task: 'exercise',
  lab: 'exercise',
  handson: 'exercise',
  snippet: 'code',
  listing: 'code',
};

/** The slide kind `kind` stands for when written in another style (`pros_cons`) or as a word people use for it (`table`). */
export function kindInOtherWords(kind: string, kinds: readonly string[]): string | undefined {
  return keyInOtherWords(kind, kinds, KIND_SYNONYMS);
}
