/**
 * What the presenter sees under a slide: its notes and, for the speaker, the
 * private notes and an exercise's solution. Pure; the markdown (Marp's
 * presenter notes) and the PPTX notes use it.
 */
import type { Labels } from '../i18n/labels.js';
import { isProse } from '../shared/languages.js';
import type { DeckSlide } from './deck.js';
import { solutionOf } from './exercises.js';

/**
 * Who an output is for: the `audience` gets what the speaker says (`notes`);
 * the `speaker` also gets the private notes and the exercises' solutions.
 */
export type Reader = 'audience' | 'speaker';

/**
 * What the presenter sees: the text (notes, private notes, the "Solution:" label) and an exercise's
 * solution code apart; a solution in words (`language: text`) is text under its label.
 */
export interface NotesParts {
  text: string;
  code?: string;
}

export function notesParts(slide: DeckSlide, labels: Labels, reader: Reader = 'speaker'): NotesParts {
  const notes = slide.notes.trim();
  if (reader === 'audience') return { text: notes };
  const privateNotes = slide.privateNotes ? `${labels.t('privateNotes')}\n${slide.privateNotes}` : '';
  const solution = solutionOf(slide)?.replace(/\s+$/, '');
  const inWords = solution !== undefined && slide.kind === 'exercise' && isProse(slide.language);
  const label = solution ? labels.t('solution') : '';
  const text = [notes, privateNotes, inWords ? `${label}\n${solution}` : label].filter(Boolean).join('\n\n');
  return { text, ...(solution && !inWords ? { code: solution } : {}) };
}

/**
 * The notes as paragraphs, each one Marp comment: the text, then the solution
 * code on its own, so that the presenter view shows it as a paragraph of its
 * own (the HTML export sets it as code; a triple click selects exactly the code).
 */
export function presenterNotes(slide: DeckSlide, labels: Labels, reader: Reader = 'speaker'): string[] {
  const { text, code } = notesParts(slide, labels, reader);
  return [text, code ?? ''].filter(Boolean);
}
