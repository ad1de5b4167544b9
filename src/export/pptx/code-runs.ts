/**
 * Code as colored runs: highlight.js (the highlighter marp-core uses) names
 * each token, and the palette colors it as the theme does on the slides.
 */
import hljs from 'highlight.js';
import { escapeHtml } from '../../text/escape.js';
import { highlightRows } from '../continued-lines.js';

export interface CodeRun {
  text: string;
  /** Token class (e.g. "keyword"); absent for plain text. */
  token?: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
const decode = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * The code's lines, each a list of runs. Like marp-core, only a language
 * highlight.js knows is highlighted; other code is plain text.
 */
export function codeRuns(code: string, language?: string): CodeRun[][] {
  const known = language && hljs.getLanguage(language) ? language : undefined;
  const html = highlightRows(code, (joined) =>
    known ? hljs.highlight(joined, { language: known, ignoreIllegals: true }).value : escapeHtml(joined),
  );
  const lines: CodeRun[][] = [[]];
  // highlight.js output is flat text with nested <span class="hljs-…"> elements: the innermost class wins.
  const open: (string | undefined)[] = [];
  for (const [, tag, cls, text] of html.matchAll(/(<span class="([^"]*)">|<\/span>)|([^<]+)/g)) {
    if (tag === '</span>') open.pop();
    else if (tag) open.push(tokenOf(cls ?? ''));
    else if (text) {
      const token = [...open].reverse().find(Boolean);
      decode(text)
        .split('\n')
        .forEach((piece, i) => {
          if (i > 0) lines.push([]);
          if (piece) lines.at(-1)?.push(token ? { text: piece, token } : { text: piece });
        });
    }
  }
  return lines;
}

/** "hljs-title function_" → "title". */
function tokenOf(cls: string): string | undefined {
  return /\bhljs-([\w-]+)/.exec(cls)?.[1];
}
