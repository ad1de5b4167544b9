/**
 * Folded block scalars (`notes: >-`) read as their author laid them out. YAML
 * folds the blank line between two paragraphs into one line break, which versus
 * reads as a line inside a paragraph (notes are shared out over a slide's parts,
 * and printed, paragraph by paragraph): it separates paragraphs again. And YAML
 * joins a paragraph's lines with a space, which Chinese and Japanese do not set
 * between their characters.
 */

/** Chinese and Japanese characters and punctuation (Korean sets spaces between its words). */
const CJK = String.raw`[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303F\uFF01-\uFF60]`;
const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK}) (?=${CJK})`, 'gu');

/** A line that opens a folded block scalar (`>`, `>-`, `>+`, `>2`), after a key or a list's dash. */
export const FOLDED_SCALAR = /(?:^|[\s:-])>[-+1-9]*[ \t]*(?:#.*)?$/m;

/**
 * A folded scalar's value with its paragraphs apart and its Chinese or Japanese lines joined
 * without a space. A scalar with lines indented further than its first (code, a list) keeps its
 * line breaks: YAML folds none around them, so a line break there is the author's.
 */
export function asLaidOut(folded: string): string {
  const trailing = /\n*$/.exec(folded)?.[0] ?? '';
  const body = folded.slice(0, folded.length - trailing.length).replace(SPACE_BETWEEN_CJK, '');
  const indented = /(?:^|\n)[ \t]/.test(body);
  return (indented ? body : body.replace(/\n+/g, '\n\n')) + trailing;
}
