/**
 * How long a text is on a slide, in characters, with East Asian wide and
 * fullwidth characters counting twice (they take about twice the room).
 */

/** East Asian wide and fullwidth characters: ideographs, kana, hangul, CJK punctuation, fullwidth forms. */
export function isWide(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Length of `text` once white space is collapsed, wide characters counting twice. */
export function displayLength(text: string): number {
  let length = 0;
  for (const char of text.replace(/\s+/gu, ' ').trim()) length += isWide(char) ? 2 : 1;
  return length;
}
