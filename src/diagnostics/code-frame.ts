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

/** Long lines are cut to this many characters around the column, with "…" where text was left out. */
const MAX_WIDTH = 100;

/** How the CLI paints the frame's gutter and caret (plain text otherwise). */
export interface FramePaint {
  gutter(text: string): string;
  caret(text: string): string;
}

const PLAIN: FramePaint = { gutter: (text) => text, caret: (text) => text };

/**
 * The frame for `col` (1-based) of the line `text`, numbered `line`. Tabs keep
 * their place above the caret; control characters show as "�" so that
 * nothing reaches the terminal but text.
 *
 * @example
 * codeFrame('  bulets: [x]', 13, 3)
 * // '   13 |   bulets: [x]\n      |   ^'
 */
export function codeFrame(text: string, line: number, col: number, paint: FramePaint = PLAIN): string {
  const shown = [...text.replace(/\r$/, '')].map((char) => (char !== '\t' && /\p{Cc}/u.test(char) ? '\uFFFD' : char));
  let at = Math.min(Math.max(col - 1, 0), shown.length);
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
    .map((char) => (char === '\t' ? '\t' : ' '))
    .join('');
  const number = String(line);
  const gutter = ' '.repeat(Math.max(5 - number.length, 1));
  const blank = ' '.repeat(gutter.length + number.length);
  return `${paint.gutter(`${gutter}${number} |`)} ${visible.join('')}\n${paint.gutter(`${blank} |`)} ${pad}${paint.caret('^')}`;
}
