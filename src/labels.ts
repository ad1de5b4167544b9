/**
 * Words versus adds to a talk. The planner measures them and the renderers
 * print them, so both read them from here.
 */

/** Shown beside the aspect of a row whose verdict is a tie: a word, so that a tie does not rely on color. */
export const TIE_LABEL = 'tie';
