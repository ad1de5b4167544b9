/**
 * Escaping rules that keep outline text from changing the deck's structure.
 * Every text from the outline reaches the markdown through one of these.
 */

/** The spaces that join the words beside them (no-break, figure, narrow no-break): a line never breaks there. */
const JOINING = '\u00a0\u2007\u202f';
export const JOINING_SPACES = new RegExp(`[${JOINING}]`, 'gu');

/**
 * A run of the spaces a line may break at, which HTML collapses to one: every white space but
 * those that join words, which the text keeps as written.
 */
export const BREAKING_SPACES = new RegExp(`[^\\S${JOINING}]+`, 'gu');

/**
 * Inline text: one line, every markdown-active character backslash-escaped,
 * so it renders as exactly the characters written (whitespace runs collapse,
 * as they do in HTML anyway).
 */
export function escapeInline(text: string): string {
  const oneLine = text.replace(BREAKING_SPACES, ' ').trim();
  return (
    oneLine
      .replace(/[\\`*_[\]<>|$~&#]/g, (c) => `\\${c}`)
      // A colon that opens an emoji shortcode (:dog:) in previewers that convert them.
      .replace(/:(?=[\w+-]+:)/g, '\\:')
      // Characters that start a block (list, quote, heading, setext line) only matter at the start.
      .replace(/^([-+=>])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/**
 * Text in a markdown file people read both as it is and rendered (the run
 * sheet, on GitHub or in an editor's preview): every character that markdown,
 * GFM or a previewer's math and emoji would act on is escaped, and only where
 * it would act, so that "C# vs F#" and "R&D" read as written in the file and
 * render as written. One line: it also fits a table cell.
 *
 * @example escapeMarkdownText('**C#**, R&D &amp; more #') // '\*\*C#\*\*, R&D \&amp; more \#'
 */
export function escapeMarkdownText(text: string): string {
  return (
    text
      .replace(BREAKING_SPACES, ' ')
      .trim()
      // A backslash is literal unless punctuation follows it, or the text ends and markup may follow.
      .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
      // Emphasis, code, links, strikethrough, math and table cells, wherever they are.
      .replace(/[`*_[\]~$|]/g, (c) => `\\${c}`)
      // A tag, comment or autolink starts with "<" and no space; an entity is "&name;" or "&#…;".
      .replace(/<(?=\S)/g, '\\<')
      .replace(/&(?=#?\w+;)/g, '\\&')
      // An emoji shortcode (:dog:) in previewers that convert them.
      .replace(/:(?=[\w+-]+:)/g, '\\:')
      // A heading's closing hashes, which would be dropped.
      .replace(/(\s)(#+)$/, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`)
      // Characters that start a block (heading, list, quote, rule) only matter at the start of a
      // line, and a heading's "#" and a numbered item's "1." only before a space ("0.25 min" stays).
      .replace(/^([-+=>]|#(?=#* |#*$))/, '\\$1')
      .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2')
  );
}

/** Text inside HTML we generate (an attribute value or a block whose content markdown does not parse). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text `escapeHtml` (and markdown-it, which escapes the same four characters) was made from. */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * A quoted CSS string (for `content:`) inside a <style> element: quotes, backslashes
 * and line breaks become CSS escapes, and so do `<` and `>`, which could close the element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\r\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const ZERO_WIDTH_SPACE = '\u200b';

/** `--` before `>` (with any zero-width spaces between): where a comment would end. */
const COMMENT_END = /--(?=\u200b*>)/g;
const GUARDED_COMMENT_END = /--\u200b(?=\u200b*>)/g;
/**
 * A line that could start a YAML mapping key or collection (what Marpit needs to
 * read a comment as directives), after any zero-width spaces, so that a guarded
 * line still counts as one and every guard can be taken off again.
 */
const YAML_LINE = /^\u200b*[ \t]*(?:[{[?"'&*!|>%@`-]|[^\s:#]+[ \t]*:)/;

/**
 * Speaker notes become a Marp presenter-note comment. Two things could break out of it:
 * `-->` would end the comment early, and a line that parses as YAML with
 * directive keys (`paginate: true`) would be applied as a directive instead
 * of shown. A zero-width space defuses both, only where needed, so that the
 * markdown shows the notes as written in any Marp. versus's own Marp engine
 * takes every guard off again ({@link unescapeNotes}), so that what a person
 * copies from the presenter view is exactly the text, invisible characters
 * included: the guards are added even where the text has such spaces already.
 * The text is kept as given, leading spaces too (callers trim prose).
 */
export function escapeNotes(notes: string): string {
  return notes
    .replace(/\r\n?/g, '\n')
    .replace(COMMENT_END, `--${ZERO_WIDTH_SPACE}`)
    .split('\n')
    .map((line) => (YAML_LINE.test(line) ? `${ZERO_WIDTH_SPACE}${line}` : line))
    .join('\n');
}

/**
 * The exact inverse of {@link escapeNotes} (for text it escaped): takes off
 * one guard where it added one, and leaves every other character alone.
 */
export function unescapeNotes(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => (line.startsWith(ZERO_WIDTH_SPACE) && YAML_LINE.test(line.slice(1)) ? line.slice(1) : line))
    .join('\n')
    .replace(GUARDED_COMMENT_END, '--');
}

/** A fence longer than any backtick run in the code, so the code cannot close it. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Value of a directive in a comment, as a YAML single-quoted scalar (only `'` is special there). */
export function directiveValue(text: string): string {
  return `'${text.replace(/\s+/gu, ' ').replace(/'/g, "''")}'`;
}
