/**
 * Highlighting code whose long lines the planner wrapped (plan/fit/code.ts): each
 * continuation row ("↪ …") is highlighted as the rest of its line, so a wrapped
 * comment or string keeps its color on every row, and the marker itself stays
 * plain text.
 */
import { CONTINUATION } from '../plan/fit/code.js';

/** A continuation row's start: the line's indentation and the marker. */
const CONTINUED = new RegExp(`^[ \\t]*${CONTINUATION}`);

/**
 * `highlight` (code → highlight.js's HTML) run on the code's source lines, its
 * rows put back where they were: at each, the open spans close, the row's
 * indentation and marker follow a line break, and the spans open again.
 */
export function highlightContinued(code: string, highlight: (code: string) => string): string {
  const rows = code.split('\n');
  if (!rows.some((row) => CONTINUED.test(row))) return highlight(code);
  // Each row joins the one above it with a space, the character the wrap took away or one in its place.
  const breaks: { at: number; prefix: string }[] = [];
  let joined = '';
  for (const [i, row] of rows.entries()) {
    const prefix = i > 0 ? CONTINUED.exec(row)?.[0] : undefined;
    if (prefix === undefined) joined += `${i > 0 ? '\n' : ''}${row}`;
    else {
      breaks.push({ at: joined.length, prefix });
      joined += ` ${row.slice(prefix.length)}`;
    }
  }
  let html = '';
  let offset = 0;
  const open: string[] = [];
  let b = 0;
  for (const [, tag, text = ''] of highlight(joined).matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (tag) {
      if (tag.startsWith('</')) open.pop();
      else open.push(tag);
      html += tag;
      continue;
    }
    // A character entity is one character of the code.
    for (const [character] of text.matchAll(/&(?:#x?[\da-f]+|\w+);|[\s\S]/gi)) {
      const at = breaks[b];
      if (at && offset === at.at) {
        html += `${'</span>'.repeat(open.length)}\n${at.prefix}${open.join('')}`;
        b++;
      } else html += character;
      offset++;
    }
  }
  return html;
}
