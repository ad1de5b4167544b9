/**
 * Highlighting code whose long lines the planner wrapped (plan/fit/code.ts): the
 * rows are joined back into the lines as written (a row ends with the whitespace
 * the wrap took away), highlighted as such, so that a wrapped comment or string
 * keeps its color on every row, and broken again where the planner broke them.
 */
import { CONTINUATION } from '../plan/fit/code.js';
import { escapeHtml } from '../text/escape.js';

/** A continuation row's start: the line's indentation and the marker. */
const CONTINUED = new RegExp(`^([ \\t]*)${CONTINUATION}`);

/** Where a continuation row's text starts in the joined code, after the whitespace (`gap` characters) the wrap took away. */
interface RowStart {
  at: number;
  gap: number;
  indent: string;
}

/** The code's lines as written, and where each continuation row starts in them. */
function joinRows(code: string): { joined: string; starts: RowStart[] } {
  const starts: RowStart[] = [];
  let joined = '';
  for (const [i, row] of code.split('\n').entries()) {
    const continued = i > 0 ? CONTINUED.exec(row) : null;
    if (continued) {
      starts.push({ at: joined.length, gap: /[ \t]*$/.exec(joined)?.[0].length ?? 0, indent: continued[1] ?? '' });
      joined += row.slice(continued[0].length);
    } else joined += `${i > 0 ? '\n' : ''}${row}`;
  }
  return { joined, starts };
}

/**
 * The slides' code: `highlight` (code → highlight.js's HTML) run on the lines as
 * written. Each continuation row starts with an empty `wrap` element, which the
 * theme draws as a line break, the row's indentation (`data-indent`) and the ↪,
 * none of it text; the whitespace the wrap took away stays, in a `wrap-gap`
 * element the theme shows at no width. What a person selects and copies is the
 * code as written.
 */
export function highlightWrapped(code: string, highlight: (code: string) => string): string {
  return rebreak(code, highlight, 'slides');
}

/**
 * The PowerPoint's code: `highlight` run on the lines as written, its rows put back
 * as text. At each, the open spans close, the row's indentation and the marker
 * follow a line break (the marker plain), and the spans open again.
 */
export function highlightRows(code: string, highlight: (code: string) => string): string {
  return rebreak(code, highlight, 'rows');
}

const GAP = '<span class="wrap-gap">';

function rebreak(code: string, highlight: (code: string) => string, mode: 'slides' | 'rows'): string {
  const { joined, starts } = joinRows(code);
  if (!starts.length) return highlight(code);
  let html = '';
  let offset = 0;
  let next = 0;
  let inGap = false;
  const open: string[] = [];
  for (const [, tag, text = ''] of highlight(joined).matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (tag) {
      if (tag.startsWith('</')) open.pop();
      else open.push(tag);
      // The gap is the innermost element: it closes around the highlighter's tags.
      html += inGap ? `</span>${tag}${GAP}` : tag;
      continue;
    }
    // A character entity is one character of the code.
    for (const [character] of text.matchAll(/&(?:#x?[\da-f]+|\w+);|[\s\S]/gi)) {
      const start = starts[next];
      if (start && offset === start.at) {
        next++;
        if (mode === 'rows') html += `${'</span>'.repeat(open.length)}\n${start.indent}${CONTINUATION}${open.join('')}`;
        else {
          if (inGap) html += '</span>';
          html += `<span class="wrap" data-indent="${escapeHtml(start.indent)}"></span>`;
        }
        inGap = false;
      } else if (start && offset === start.at - start.gap && mode === 'slides') {
        html += GAP;
        inGap = true;
      }
      const dropped = mode === 'rows' && start !== undefined && offset >= start.at - start.gap && offset < start.at;
      if (!dropped) html += character;
      offset++;
    }
  }
  return html;
}
