/** Speaking-time estimates: explicit minutes win, otherwise the notes' length at the outline's speaking rate. */

const MIN_MINUTES = 0.25;

export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Minutes for a slide, rounded to a quarter minute and never below one quarter. */
export function estimateMinutes(explicit: number | undefined, notes: string, wordsPerMinute: number): number {
  if (explicit !== undefined) return explicit;
  const spoken = countWords(notes) / wordsPerMinute;
  return Math.max(MIN_MINUTES, Math.round(spoken * 4) / 4);
}
