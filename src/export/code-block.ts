/**
 * Code on a printed page (handout, speaker's script): the theme's monospace
 * font, every line break and space kept. The code shrinks (to `--code-min`)
 * so that its longest line fits the column; a line still too long wraps under
 * its own indentation with a ↪ in the margin. The marker is a background, so
 * the text a person selects and copies is the code alone.
 */
import { FONT_STACKS } from '../plan/fit/fonts.js';
import { escapeHtml } from '../render/escape.js';

/** Spaces a tab counts for, as on the slides. */
const TAB = 4;
/** DejaVu Sans Mono's advance (0.602 em), and a little room. */
const MONO_ADVANCE = 0.61;
/** A line's indentation and first word stay together up to this many characters, so that no line starts with an empty row. */
const KEEP_TOGETHER = 32;

const WRAP_MARKER =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='M2 2v5h7M7 5l2 2-2 2' fill='none' stroke='%236a737d' stroke-width='1.3'/%3E%3C/svg%3E\")";

/**
 * Each line is a full-width inline block of its own (inline, so that the page's
 * text, and what a person copies, has the code's own line breaks and no more)
 * whose wrapped rest hangs two characters in from its indentation (`--indent`,
 * in characters). Under the first line of a block an opaque band in the code's
 * background hides the marker, which repeats every line height in the hanging margin.
 */
export const CODE_CSS = `
.code-column { container-type: inline-size; }
.code-block { font-family: ${FONT_STACKS.mono.family}; line-height: 1.35; tab-size: ${TAB};
  /* The column's width (less the padding and border) over the longest line's, in DejaVu Sans Mono's 0.602 em. */
  font-size: clamp(var(--code-min, 7pt), calc((100cqi - 6mm) / (var(--columns, 1) * ${MONO_ADVANCE})), var(--code-size, 9pt));
  --code-bg: #f3f5f7; background: var(--code-bg); border-left: 0.8mm solid #c9d1d9;
  margin: 1mm 0 3mm; padding: 1.5mm 2.5mm; white-space: pre-wrap; overflow-wrap: anywhere; break-inside: auto; }
.code-block .line { display: inline-block; width: 100%; box-sizing: border-box; vertical-align: top; --hang: calc((var(--indent, 0) + 2) * 1ch); padding-left: var(--hang); text-indent: calc(-1 * var(--hang));
  background-image: linear-gradient(var(--code-bg), var(--code-bg)), ${WRAP_MARKER};
  background-size: 100% 1lh, 2ch 1lh; background-repeat: no-repeat, repeat-y;
  background-position: 0 0, calc(var(--indent, 0) * 1ch) 0; }
.code-block .lead { white-space: pre; }
`;

/** Leading indentation in characters, a tab counting as {@link TAB}. */
function indentOf(line: string): number {
  return widthOf(/^[ \t]*/.exec(line)?.[0] ?? '');
}

/**
 * Code as HTML, inside an element of class `code-column` (whose width it fits):
 * the code's own text and line breaks, each non-empty line in a block; trailing line breaks dropped.
 */
export function codeBlock(code: string, language?: string): string {
  const lines = code
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => {
      const indent = indentOf(line);
      const style = indent > 0 ? ` style="--indent: ${indent}"` : '';
      return line ? `<span class="line"${style}>${lineHtml(line)}</span>` : '';
    });
  const columns = Math.max(1, ...code.split('\n').map((line) => widthOf(line)));
  const lang = language ? ` data-language="${escapeHtml(language)}"` : '';
  return `<div class="code-block"${lang} style="--columns: ${columns}">${lines.join('\n')}</div>`;
}

/** A line's text, its indentation and first word unbreakable (when short), so that it never wraps before its first word. */
function lineHtml(line: string): string {
  const lead = /^[ \t]*\S+/.exec(line)?.[0] ?? '';
  if (!lead || widthOf(lead) > KEEP_TOGETHER || lead.length === line.length) return escapeHtml(line);
  return `<span class="lead">${escapeHtml(lead)}</span>${escapeHtml(line.slice(lead.length))}`;
}

/** A line's width in characters, tabs to the next stop. */
function widthOf(line: string): number {
  return [...line].reduce((width, c) => (c === '\t' ? width + TAB - (width % TAB) : width + 1), 0);
}
