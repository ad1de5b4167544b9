/** Speaking-time estimates: explicit minutes win, otherwise the notes' length at the outline's speaking rate. */

const MIN_MINUTES = 0.25;

/**
 * Words as the language splits them: by spaces in most scripts, by a
 * dictionary in Chinese, Japanese and Thai, which write none.
 */
export function countWords(text: string, lang = 'en'): number {
  let words = 0;
  for (const segment of segmenterFor(lang).segment(text)) if (segment.isWordLike) words++;
  return words;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Minutes for a slide, rounded to a quarter minute and never below one quarter. */
export function estimateMinutes(
  explicit: number | undefined,
  notes: string,
  wordsPerMinute: number,
  lang = 'en',
): number {
  if (explicit !== undefined) return explicit;
  const spoken = countWords(notes, lang) / wordsPerMinute;
  return Math.max(MIN_MINUTES, Math.round(spoken * 4) / 4);
}
