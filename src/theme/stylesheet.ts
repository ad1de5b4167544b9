/**
 * A theme's stylesheet read as Marp reads it, with PostCSS, and what stops it
 * being read told as a diagnostic at its place in the file: an unclosed
 * block, a stray `}`, an unclosed string or comment. Marp would fail on the
 * same text, so it is the user's mistake to show, not a crash. Pure.
 */
import postcss, { CssSyntaxError, type Root } from 'postcss';
import type { Diagnostic } from '../diagnostics/diagnostics.js';

/** What a PostCSS reason means, and what to do about it. */
const SYNTAX: Record<string, { message: string; hint: string }> = {
  'Unclosed block': {
    message: 'this block has no closing }',
    hint: 'Close it with } after its last declaration.',
  },
  'Unexpected }': {
    message: 'this } closes no block',
    hint: 'Remove it, or add the selector and { of the block it should close.',
  },
  'Unclosed string': {
    message: 'this string has no closing quote',
    hint: 'End it with the quote it starts with (a \\ before a quote makes it part of the string).',
  },
  'Unclosed comment': {
    message: 'this comment has no closing */',
    hint: 'End it with */.',
  },
  'Unclosed bracket': {
    message: 'this ( has no closing )',
    hint: 'Close it with ).',
  },
};

/**
 * `css`, the text of `file`, parsed (its nodes' positions in `file`), or the syntax error that
 * stops it as a `css-syntax` diagnostic at the line and column PostCSS names.
 */
export function parseStylesheet(css: string, file: string): { root: Root } | { problem: Diagnostic } {
  try {
    return { root: postcss.parse(css, { from: file }) };
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    const word = /^Unknown word (.+)$/.exec(error.reason)?.[1];
    const told = SYNTAX[error.reason] ?? {
      message: word ? `unknown word "${word}"` : error.reason.charAt(0).toLowerCase() + error.reason.slice(1),
      hint: word
        ? "A declaration is a property, a colon and a value (color: red;), inside a rule's { }; fix or remove the text here."
        : 'Fix the CSS here: Marp reads the theme with PostCSS, which stops at this place.',
    };
    return {
      problem: {
        severity: 'error',
        code: 'css-syntax',
        ...told,
        file,
        line: error.line ?? 1,
        col: error.column ?? 1,
        path: [],
      },
    };
  }
}
