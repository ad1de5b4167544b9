/**
 * Code on a printed page (handout, speaker's script): the theme's monospace
 * font, every line break and space kept. The code shrinks (to `--code-min`)
 * so that its longest line fits the column; a line still too long wraps under
 * its own indentation with a ↪ in the margin. The marker is a background, so
 * the text a person selects and copies is the code alone. A short block stays
 * whole on one page; a long one breaks between lines, its box ending at each
 * page's last line.
 */
import { escapeHtml } from '../text/escape.js';
import { FONT_STACKS } from '../theme/fonts.js';

/** Spaces a tab counts for, as on the slides. */
export const TAB = 4;
/** DejaVu Sans Mono's advance (0.602 em), and a little room. */
const MONO_ADVANCE = 0.61;
/** A line's indentation and first word stay together up to this many characters, so that no line starts with an empty row. */
const KEEP_TOGETHER = 32;

/** `n` of the marker's units: it is 12 units (2ch) across, centred in the row (`--o` from its top). */
const u = (n: number) => `${n} * var(--u)`;
/** Half a stroke's width, in units. */
const HALF = 0.65;

/**
 * One stroke of the marker: a gradient that repeats every row, colored between `from` and `to` along it
 * (CSS lengths), in a box `x` units right of the line's indentation and `width` wide, from the second row down.
 */
function stroke(x: number, width: number, angle: number, [from, to]: [string, string]): string {
  const period = angle === 180 ? '1lh' : '1lh * 0.7071';
  return `repeating-linear-gradient(${angle}deg, transparent 0 calc(${from}), var(--mark) 0 calc(${to}), transparent 0 calc(${period}))
    calc(var(--indent, 0) * 1ch + ${u(x)}) 1lh / calc(${u(width)}) calc(100% - 1lh) no-repeat`;
}

/** A diagonal stroke centred `at` along its gradient. */
const around = (at: string): [string, string] => [`${at} - ${u(HALF)}`, `${at} + ${u(HALF)}`];

/**
 * The ↪ on every continuation row, drawn as the slides' SVG draws it (down, right, an arrowhead), in
 * gradients: Chromium prints a gradient as a vector shading, but rasterizes a repeated background
 * image into a page-sized bitmap behind every wrapped line.
 */
const WRAP_MARKER = [
  stroke(2 - HALF, 2 * HALF, 180, [`var(--o) + ${u(2)}`, `var(--o) + ${u(7 + HALF)}`]),
  stroke(2 - HALF, 7 + HALF, 180, [`var(--o) + ${u(7 - HALF)}`, `var(--o) + ${u(7 + HALF)}`]),
  // Along a 45° gradient a point lies at 0.7071 (x − y + the box's height, whole rows); along 135°, at 0.7071 (x + y).
  stroke(7, 2, 45, around(`0.7071 * (1lh - var(--o) - ${u(5)})`)),
  stroke(7, 2, 135, around(`0.7071 * (var(--o) + ${u(9)})`)),
].join(',\n  ');

/** Code of at most this many lines stays whole on one page (it is read at a glance: a dozen lines of a solution). */
export const WHOLE_LINES = 12;
/** A longer block leaves at least this many lines at the foot of a page, and takes at least… */
const FIRST_LINES = 3;
/** …this many to the next: a few lines never make a page of their own. */
const LAST_LINES = 5;

/**
 * Each line is a full-width inline block of its own (inline, so that the page's
 * text, and what a person copies, has the code's own line breaks and no more)
 * whose wrapped rest hangs two characters in from its indentation (`--indent`,
 * in characters), with the marker in that margin from the second row on.
 *
 * The grey box is drawn by the block's parts, one after the other with nothing between, each
 * whole on its page: a box that breaks across pages fills the rest of its page (CSS Fragmentation),
 * so a box drawn on the whole block showed empty grey under its last lines there when the
 * lines a page could not keep (widows) went to the next. The block itself, which is what breaks,
 * draws nothing; the whitespace between its parts is not shown.
 */
export const CODE_CSS = `
.code-column { container-type: inline-size; }
.code-block { font-family: ${FONT_STACKS.mono.family}; line-height: 1.35; tab-size: ${TAB};
  /* The column's width (less the padding and border) over the longest line's, in DejaVu Sans Mono's 0.602 em. */
  font-size: clamp(var(--code-min, 7pt), calc((100cqi - 6mm) / (var(--columns, 1) * ${MONO_ADVANCE})), var(--code-size, 9pt));
  margin: 1mm 0 3mm; white-space: normal; break-inside: auto;
  /* Code reads left to right in a right-to-left talk too. */
  direction: ltr; text-align: left; unicode-bidi: isolate; }
.code-block .part { background: #f3f5f7; border-left: 0.8mm solid #c9d1d9; padding: 0 2.5mm;
  white-space: pre-wrap; overflow-wrap: anywhere; break-inside: avoid; }
.code-block .part:first-child { padding-top: 1.5mm; }
.code-block .part:last-child { padding-bottom: 1.5mm; }
.code-block .line { display: inline-block; width: 100%; box-sizing: border-box; vertical-align: top; padding-left: calc(var(--hang, 2) * 1ch); text-indent: calc(var(--hang, 2) * -1ch);
  --mark: #6a737d; --u: calc(1ch / 6); --o: calc((1lh - 12 * var(--u)) / 2);
  background: ${WRAP_MARKER}; }
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
  const { lines, columns } = lineHtmls(code);
  const lang = language ? ` data-language="${escapeHtml(language)}"` : '';
  // A blank line starts the part after it (a line break at a block's start shows, one at its end does not).
  const parts = partsOf(lines).map((part) => `<div class="part">${part.join('\n')}</div>`);
  return `<div class="code-block"${lang} style="--columns: ${columns}">${parts.join('\n')}</div>`;
}

/**
 * A block's lines in the parts a page break may fall between: all of them in one when they are
 * few (`WHOLE_LINES`); else the first `FIRST_LINES`, each line after them on its own, and the last
 * `LAST_LINES`, so that a break leaves no fewer lines on either side (what `orphans` and `widows`
 * would say of one box). A blank line goes with the line after it.
 */
function partsOf(lines: readonly string[]): string[][] {
  const starts = (i: number) => lines[i - 1] !== '';
  if (lines.length <= WHOLE_LINES) return [[...lines]];
  const parts: string[][] = [];
  for (const [i, line] of lines.entries()) {
    const breakable = i >= FIRST_LINES && i <= lines.length - LAST_LINES && starts(i);
    if (breakable || !parts.length) parts.push([line]);
    else parts.at(-1)?.push(line);
  }
  return parts;
}

/**
 * Code as lines of HTML, each non-empty one a block whose wrapped rows hang
 * under its indentation (`--indent`, in characters) by `--hang` characters
 * from the line's start, with its first word kept whole, and the longest
 * line's width in characters (`--columns`, which the code's size fits): the
 * printed pages' code blocks and the presenter view's solution.
 */
export function codeLines(code: string): { html: string; columns: number } {
  const { lines, columns } = lineHtmls(code);
  return { html: lines.join('\n'), columns };
}

/** {@link codeLines}, a line at a time: a blank line is ''. */
function lineHtmls(code: string): { lines: string[]; columns: number } {
  const lines = code
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => {
      const indent = indentOf(line);
      const hang = hangOf(line, indent);
      const style = indent > 0 || hang !== 2 ? ` style="--indent: ${indent}; --hang: ${hang}"` : '';
      return line ? `<span class="line"${style}>${lineHtml(line)}</span>` : '';
    });
  return { lines, columns: Math.max(1, ...code.split('\n').map((line) => widthOf(line))) };
}

/**
 * How far a line's wrapped rows start from its first row, in characters: two past its indentation.
 * The first row starts that far left of the line's box (a negative `text-indent`), and tab stops are
 * counted from the box, so a line with a tab hangs by a whole number of tab stops: its tabs then end
 * where they would in an editor.
 */
function hangOf(line: string, indent: number): number {
  const hang = indent + 2;
  return line.includes('\t') ? Math.ceil(hang / TAB) * TAB : hang;
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
