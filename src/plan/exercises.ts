/**
 * The exercises of a planned deck, as the workshop kit reads them: the
 * solution travels in the exercise's own `solution` field (never in its
 * notes), so each output decides whether to show it. Pure.
 */
import { baseLanguage } from '../i18n/catalogs.js';
import type { Labels } from '../i18n/labels.js';
import type { Deck, DeckSlide } from './deck.js';

export type ExerciseSlide = Extract<DeckSlide, { kind: 'exercise' }>;

/**
 * An exercise's title with its number, as every output shows it: "Exercise 2:
 * A first model". A number the author already wrote ("Exercise 0: Setup",
 * "Übung 1 – …") is replaced, so that the talk has one numbering.
 *
 * @example
 * exerciseTitle('Exercise 0: check your setup', 1, labels); // "Exercise 1: check your setup"
 */
export function exerciseTitle(title: string, number: number, labels: Labels): string {
  const words = [...new Set([labels.t('exercise'), 'Exercise'])].map(escapeRegExp).join('|');
  const others = ['ex\\.?', ...(OTHER_WORDS[baseLanguage(labels.lang)] ?? []).map(escapeRegExp)].join('|');
  // The word (in Arabic, with the article joined to it: التمرين), then a number in any script's digits
  // (after "#", "No." or "n°" too; "2.1" numbered by section), a separator or both; or "Ex." or another
  // word for an exercise and a number: "Exercise: …", "Exercise #3 …", "Ex. 2: …", "Aufgabe 2: …" and
  // "تمرين ٢: …" go; "Exercises and tests", "Ex: …" and "Task-based …" stay.
  const numbered = '(?:#|no\\.?|nr\\.?|n[°º])?\\s*\\p{Nd}+(?:\\.\\p{Nd}+)*[a-z]?\\s*[:：.)\\-–—]?';
  const prefix = new RegExp(
    `^\\s*(?:(?:ال)?(?:${words})(?:\\s*${numbered}|\\s*[:：.\\-–—])|(?:${others})\\s*${numbered})\\s*`,
    'iu',
  );
  const rest = title.replace(prefix, '').trim();
  return rest ? labels.t('exerciseHeading', { n: number, title: rest }) : labels.t('exerciseNumber', { n: number });
}

/**
 * Other words an author numbers exercises with, by language, read as the catalog's own word is;
 * the catalog word's abbreviation too ("Ej. 5", as "Ex. 2" in every language), always with a number.
 */
const OTHER_WORDS: Record<string, readonly string[]> = {
  en: ['Task', 'Lab'],
  de: ['Aufgabe', 'Aufg.', 'Üb.'],
  es: ['Práctica', 'Ej.'],
  pt: ['Prática'],
  ja: ['課題'],
  ko: ['과제'],
  zh: ['习题'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One exercise, its continuation slides joined again. */
export interface Exercise {
  /** 1-based, in the order of the talk. */
  number: number;
  id?: string;
  /** With its number: "Exercise 2: A first model". */
  title: string;
  /** The speaker's private notes on the exercise. */
  privateNotes?: string;
  task: string[];
  starter?: string;
  solution: string;
  /** The exercise's `language`, or else the language of the talk's code panes. */
  language?: string;
  /** Minutes the author set for the exercise. */
  timebox?: number;
  section?: string;
  /** The numbers of the exercises whose solutions `check --run` runs before its own (`run.after`, in turn), in order. */
  after: number[];
}

/** What an exercise's `run` may say of the exercises it runs after. */
interface RunsAfter {
  id?: string | undefined;
  run?: false | { after?: string[] | undefined } | undefined;
}

/**
 * The exercises an exercise runs after: those its `run.after` names and, in
 * turn, those they run after, in the order of the talk (as a notebook runs
 * them top to bottom), each once.
 */
export function exercisesBefore<T extends RunsAfter>(exercise: T, exercises: readonly T[]): T[] {
  const needed = new Set<string>();
  const visit = (ids: readonly string[]) => {
    for (const id of ids) {
      if (needed.has(id) || id === exercise.id) continue;
      needed.add(id);
      const named = exercises.find((other) => other.id === id);
      if (named && named.run !== false) visit(named.run?.after ?? []);
    }
  };
  visit(exercise.run === false ? [] : (exercise.run?.after ?? []));
  return exercises.filter((other) => other.id !== undefined && needed.has(other.id));
}

/** The solution shown with a slide: on an exercise's last slide only, after every step of the task. */
export function solutionOf(slide: DeckSlide): string | undefined {
  if (slide.kind !== 'exercise' || continuesOnNextSlide(slide)) return undefined;
  return slide.solution;
}

/** Whether a slide continues the one before it ("(2/3)"). */
export function isContinuation(slide: DeckSlide): boolean {
  return slide.part !== undefined && slide.part.index > 1;
}

/** Whether a slide goes on on the next one ("(1/3)", "(2/3)"): what follows a whole exercise (its starter code, its solution) waits for its last part. */
export function continuesOnNextSlide(slide: DeckSlide): boolean {
  return slide.part !== undefined && slide.part.index < slide.part.count;
}

/** The language of the talk's code panes: the first one named. */
export function codeLanguageOf(deck: Deck): string | undefined {
  for (const slide of deck.slides) {
    if (slide.kind !== 'code') continue;
    const language = slide.panes.find((pane) => pane.language)?.language;
    if (language) return language;
  }
  return undefined;
}

/** Every exercise of the deck, in order, with its steps from all its parts. */
export function exercisesOf(deck: Deck): Exercise[] {
  const talkLanguage = codeLanguageOf(deck);
  const exercises: Exercise[] = [];
  const slides: ExerciseSlide[] = [];
  for (const slide of deck.slides) {
    if (slide.kind !== 'exercise') continue;
    const previous = exercises.at(-1);
    if (isContinuation(slide) && previous) {
      previous.task.push(...slide.task);
      continue;
    }
    const language = slide.language ?? talkLanguage;
    slides.push(slide);
    exercises.push({
      number: slide.exerciseNumber ?? exercises.length + 1,
      ...(slide.id ? { id: slide.id } : {}),
      title: slide.title,
      ...(slide.privateNotes ? { privateNotes: slide.privateNotes } : {}),
      task: [...slide.task],
      ...(slide.starter ? { starter: slide.starter } : {}),
      solution: slide.solution,
      ...(language ? { language } : {}),
      ...(slide.timebox !== undefined ? { timebox: slide.timebox } : {}),
      ...(slide.section ? { section: slide.section } : {}),
      after: [],
    });
  }
  for (const [i, exercise] of exercises.entries()) {
    const before = new Set(exercisesBefore(slides[i] as ExerciseSlide, slides));
    exercise.after = exercises.filter((_, j) => before.has(slides[j] as ExerciseSlide)).map((e) => e.number);
  }
  return exercises;
}
