/**
 * What the presenter sees under a slide: its notes and, for an exercise, the
 * solution. Pure; the markdown (Marp's presenter notes) and the PPTX notes use it.
 */
import type { Labels } from '../labels.js';
import type { DeckSlide } from '../plan/deck.js';
import { solutionOf } from '../plan/exercises.js';

/**
 * The notes as paragraphs, each one Marp comment: the notes (ending with the
 * "Solution:" label under an exercise), then the solution code on its own, so
 * that the presenter view shows it as a paragraph of its own (the HTML export
 * sets it as code; a triple click selects exactly the code).
 */
export function presenterNotes(slide: DeckSlide, labels: Labels): string[] {
  const notes = slide.notes.trim();
  const solution = solutionOf(slide)?.replace(/\s+$/, '');
  if (!solution) return notes ? [notes] : [];
  const heading = labels.t('solution');
  return [notes ? `${notes}\n\n${heading}` : heading, solution];
}
