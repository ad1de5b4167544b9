/** Speaking-time estimates: explicit minutes win, otherwise the notes' length at the outline's speaking rate. */

const MIN_MINUTES = 0.25;

/** Characters a speaker says per minute in scripts written without spaces, unless the outline sets its own. */
export const DEFAULT_CHARACTERS_PER_MINUTE = 250;

/** Scripts written without spaces between words: their speaking rate is counted in characters. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export interface SpeakingRate {
  wordsPerMinute: number;
  /** For Chinese, Japanese, Thai…: characters per minute (default 250). */
  charactersPerMinute?: number;
}

/**
 * Words as the language splits them: by spaces in most scripts, by a
 * dictionary in Chinese, Japanese and Thai, which write none.
 */
export function countWords(text: string, lang = 'en'): number {
  let words = 0;
  for (const segment of segmenterFor(lang).segment(text)) if (segment.isWordLike) words++;
  return words;
}

/**
 * The words of `text` in spaced scripts, and the characters of the words in
 * scripts without spaces, whose length a dictionary's word splits say little about.
 */
export function spokenLength(text: string, lang = 'en'): { words: number; characters: number } {
  let words = 0;
  let characters = 0;
  for (const segment of segmenterFor(lang).segment(text)) {
    if (!segment.isWordLike) continue;
    if (UNSPACED.test(segment.segment)) characters += [...segment.segment].length;
    else words++;
  }
  return { words, characters };
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
  rate: SpeakingRate | number,
  lang = 'en',
): number {
  if (explicit !== undefined) return explicit;
  const { wordsPerMinute, charactersPerMinute = DEFAULT_CHARACTERS_PER_MINUTE } =
    typeof rate === 'number' ? { wordsPerMinute: rate } : rate;
  const { words, characters } = spokenLength(notes, lang);
  const spoken = words / wordsPerMinute + characters / charactersPerMinute;
  return Math.max(MIN_MINUTES, Math.round(spoken * 4) / 4);
}
