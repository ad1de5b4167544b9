/**
 * Parse stage: YAML text → a document that remembers where every value came from.
 * Pure: the caller reads the file.
 */
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

export interface ParsedOutline {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML itself is broken. */
  data: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases are resolved at most this often, so "billion laughs" files fail fast instead of eating memory. */
const MAX_ALIAS_COUNT = 1000;

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  DUPLICATE_KEY: 'Remove or rename one of the two keys.',
  BAD_INDENT: 'Check the indentation and that every [ or { is closed.',
  MISSING_CHAR: 'A closing bracket or quote is missing.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a colon missing or a quote left open?',
};

export function parseOutlineText(source: string, file: string): ParsedOutline {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      code: 'yaml-syntax',
      message: firstLine(error.message),
      file,
      line,
      col,
      path: [],
      hint: YAML_HINTS[error.code] ?? 'Fix the YAML syntax at this position.',
    };
  });
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        code: 'yaml-syntax',
        message: firstLine((error as Error).message),
        file,
        line: 1,
        col: 1,
        path: [],
        hint: 'Use fewer aliases (*name); the outline expands them into a tree.',
      });
    }
  }
  return { file, document, lineCounter, data, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
