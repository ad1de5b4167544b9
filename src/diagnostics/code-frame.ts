/**
 * The source line under a diagnostic, with a caret under its column, as
 * compilers print it (rustc, Elm, eemeli/yaml's `prettifyError`):
 *
 * ```
 *    12 |     - kind: quote
 *       |     ^
 * ```
 *
 * Plain text, so that it reads the same in a terminal, a CI log or a file;
 * the CLI adds colour when it may.
 */
import stringWidth from 'string-width';

/** Long lines are cut to this many characters around the column, with "…" where text was left out. */
const MAX_WIDTH = 100;

/** How the CLI paints the frame's gutter and caret (plain text otherwise). */
export interface FramePaint {
  gutter(text: string): string;
  caret(text: string): string;
}

const PLAIN: FramePaint = { gutter: (text) => text, caret: (text) => text };

/** The line's characters as a reader sees them: base characters with their combining marks, emoji sequences. */
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * An emoji shown as one (a pictograph that is one by default, or any character with the emoji
 * variation selector, as in ❤️), or a flag's pair of regional indicators: two cells, whatever
 * follows it in the sequence. A symbol such as © alone is text, one cell.
 */
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F/u;

/**
 * How many terminal cells `grapheme` takes: two for an East Asian wide or full-width character
 * or an emoji, none for a mark on its own, one otherwise. The marks and joiners after a grapheme's
 * first character take no cell of their own.
 */
function cells(grapheme: string): number {
  return EMOJI.test(grapheme) ? 2 : stringWidth(String.fromCodePoint(grapheme.codePointAt(0) ?? 0x20));
}

/**
 * The frame for `col` (1-based, counted in UTF-16 code units as the parser's positions are) of
 * the line `text`, numbered `line`. The caret goes under its character in a terminal: tabs keep
 * their place above it, and each character before it takes the cells it takes on screen (two for
 * 漢字 and emoji, none for a combining accent). Control characters show as "�" so that nothing
 * reaches the terminal but text.
 *
 * @example
 * codeFrame('  bulets: [x]', 13, 3)
 * // '   13 |   bulets: [x]\n      |   ^'
 */
export function codeFrame(text: string, line: number, col: number, paint: FramePaint = PLAIN): string {
  const written = text.replace(/\r$/, '');
  const pieces = [...graphemes.segment(written)];
  const shown = pieces.map(({ segment }) => (segment !== '\t' && /^\p{Cc}/u.test(segment) ? '\uFFFD' : segment));
  let at = Math.min(pieces.filter(({ index }) => index < col - 1).length, shown.length);
  let start = 0;
  let end = shown.length;
  if (end > MAX_WIDTH) {
    start = Math.max(0, Math.min(at - Math.floor(MAX_WIDTH / 2), end - MAX_WIDTH));
    end = Math.min(end, start + MAX_WIDTH);
  }
  const visible = [...(start > 0 ? ['…'] : []), ...shown.slice(start, end), ...(end < shown.length ? ['…'] : [])];
  at = at - start + (start > 0 ? 1 : 0);
  // Whitespace copied from the line keeps the caret under its character, tabs included.
  const pad = visible
    .slice(0, at)
    .map((grapheme) => (grapheme === '\t' ? '\t' : ' '.repeat(cells(grapheme))))
    .join('');
  const number = String(line);
  const gutter = ' '.repeat(Math.max(5 - number.length, 1));
  const blank = ' '.repeat(gutter.length + number.length);
  return `${paint.gutter(`${gutter}${number} |`)} ${visible.join('')}\n${paint.gutter(`${blank} |`)} ${pad}${paint.caret('^')}`;
}
