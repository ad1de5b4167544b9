/**
 * marp-core's Marp class, as one module file of our own: `createMarp` imports it,
 * and the HTML export names this file as marp-cli's engine, so that in the bundled
 * CLI both use the one marp-core already loaded instead of loading it twice.
 *
 * Our Marp also takes the notes escaper's guards off the presenter notes, so that
 * the presenter view shows (and a person copies) the notes exactly as written.
 */
import { Marp as MarpCore, type MarpOptions } from '@marp-team/marp-core';
import { unescapeNotes } from '../render/escape.js';

interface CommentToken {
  type: string;
  content: string;
  markup: string;
  children: CommentToken[] | null;
}
type MarkdownIt = Parameters<Parameters<MarpCore['use']>[0]>[0];

/** A comment on lines of its own, as render/markdown.ts writes notes: its text untrimmed (Marpit trims it). */
const NOTES_COMMENT = /^<!--\n([\s\S]*?)\n-->\n?$/;

/**
 * A markdown-it rule after Marpit has read directives, before it collects the
 * notes: each comment's text as written (a solution's first line keeps its
 * indentation), its guards taken off.
 */
function notesAsWritten(md: MarkdownIt): void {
  md.core.ruler.before('marpit_collect', 'versus_notes_as_written', (state: { tokens: CommentToken[] }) => {
    for (const token of state.tokens) {
      for (const t of [token, ...(token.children ?? [])]) {
        if (t.type === 'marpit_comment') t.content = unescapeNotes(NOTES_COMMENT.exec(t.markup)?.[1] ?? t.content);
      }
    }
    return true;
  });
}

export class Marp extends MarpCore {
  constructor(options?: MarpOptions) {
    super(options);
    this.use(notesAsWritten);
  }
}

// marp-cli takes an engine module's default export.
export default Marp;
