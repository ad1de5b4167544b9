/**
 * Speaking-time estimates (explicit minutes win, otherwise the notes' length at
 * the outline's speaking rate), and when each slide starts.
 */
import { Memo } from '../shared/memo.js';

export const MIN_MINUTES = 0.25;

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
  if (PLAIN_ASCII.test(text)) return { words: asciiWords(text), characters: 0 };
  let words = 0;
  let characters = 0;
  for (const segment of segmenterFor(lang).segment(text)) {
    if (!segment.isWordLike) continue;
    if (UNSPACED.test(segment.segment)) characters += [...segment.segment].length;
    else words++;
  }
  return { words, characters };
}

/**
 * ASCII text made only of letters, digits, spaces and the punctuation below,
 * whose words `asciiWords` counts as the segmenter does, without its cost
 * (about 80 µs for a 45-word note: most of a large outline's planning time).
 */
const PLAIN_ASCII = /^[A-Za-z0-9 \t\r\n.,;:'!?"()[\]{}<>+=*/\\|#%&@$^~`-]*$/;

/**
 * Words by Unicode's word-boundary rules (UAX #29) for `PLAIN_ASCII` text:
 * runs of letters and digits, joined across one ":", "." or "'" between
 * letters ("e.g", "don't", "a:b") and one ",", ";", "." or "'" between digits
 * ("1,000", "3.14"). test/timing.property.test.ts holds it to Intl.Segmenter.
 */
export function asciiWords(text: string): number {
  const kind = (i: number) => {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'letter';
    if (c >= 48 && c <= 57) return 'digit';
    return undefined;
  };
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (kind(i)) {
      if (!inWord) words++;
      inWord = true;
      continue;
    }
    const char = text[i] as string;
    const [before, after] = [kind(i - 1), kind(i + 1)];
    const joins =
      inWord &&
      before === after &&
      ((before === 'letter' && ":.'".includes(char)) || (before === 'digit' && ",;.'".includes(char)));
    if (!joins) inWord = false;
  }
  return words;
}

/** Word segmenters by language: made once each, at most 32 kept. */
const segmenters = new Memo<Intl.Segmenter>(32);

function segmenterFor(lang: string): Intl.Segmenter {
  return segmenters.get(lang, () => new Intl.Segmenter(lang, { granularity: 'word' }));
}

/** How a slide's minutes are told from its notes, unless the author set them (`explicit`). */
export interface MinutesOptions {
  explicit?: number | undefined;
  /** Words (or, for text written without spaces, characters) spoken a minute. */
  rate: SpeakingRate | number;
  /** The talk's language, which tells words apart (default "en"). */
  lang?: string;
}

/** Minutes for a slide, rounded to a quarter minute and never below one quarter. */
export function estimateMinutes(notes: string, { explicit, rate, lang = 'en' }: MinutesOptions): number {
  if (explicit !== undefined) return explicit;
  const { wordsPerMinute, charactersPerMinute = DEFAULT_CHARACTERS_PER_MINUTE } =
    typeof rate === 'number' ? { wordsPerMinute: rate } : rate;
  const { words, characters } = spokenLength(notes, lang);
  const spoken = words / wordsPerMinute + characters / charactersPerMinute;
  return Math.max(MIN_MINUTES, Math.round(spoken * 4) / 4);
}

/** 90.5 minutes → "1:30:30"; 4.25 → "4:15". */
export function clock(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Minutes from the start of the talk at which each slide begins, the slides one after the other. */
export function startTimes(slides: readonly { minutes: number }[]): number[] {
  let elapsed = 0;
  return slides.map((slide) => {
    const start = elapsed;
    elapsed += slide.minutes;
    return start;
  });
}
