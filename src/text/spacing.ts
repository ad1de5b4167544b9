/**
 * The space between the pieces of one line that versus puts together (a source's title, its
 * address, the date it was read): none beside full-width punctuation, which carries its own
 * room, as Chinese and Japanese set it ("ドキュメント。react.dev（2026年9月20日閲覧）").
 */

/** Full-width punctuation: 。、（）「」… and the full-width forms of ASCII's. */
const WIDE_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/** The space between two pieces of a line: none beside full-width punctuation, else one. */
export function spaceBetween(before: string, after: string): '' | ' ' {
  return WIDE_PUNCTUATION.test(before.at(-1) ?? '') || WIDE_PUNCTUATION.test(after[0] ?? '') ? '' : ' ';
}
