/**
 * Words versus adds to a talk. The planner measures them and the renderers
 * print them, so both read them from here.
 */

/** Shown beside the aspect of a row whose verdict is a tie: a word, so that a tie does not rely on color. */
export const TIE_LABEL = 'tie';

/** The workshop kit's words: presenter notes, the attendee handout, the speaker's script and the notebooks. */
export const KIT_LABELS = {
  /** Closes the speaker notes of an exercise, above its solution code. */
  solution: 'Solution:',
  /** In the attendee handout, where the speaker's copy has the solution. */
  solutionInSession: 'The solution is discussed in the session.',
  starter: 'Starter code:',
  exercise: 'Exercise',
  exercises: 'Exercises',
  solutions: 'Solutions',
  script: "Speaker's script",
  starts: 'starts',
  noNotes: 'No notes for this slide.',
  continued: 'Continued from the previous slide.',
  /** The first cell of the attendees' notebook: what to do with it. */
  notebookIntro: 'Each exercise has its task, then a code cell to work in.',
  /** The first cell of the speaker's notebook. */
  solutionsIntro: 'The solutions, one code cell per exercise.',
} as const;
