/** The lazy highlighter gives what marp-core's full set of highlight.js languages gives (pure, no browser). */
import { Marp as MarpCore } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { aliasesOf, everyLanguage, LazyHighlighter, recordLanguages, subLanguagesOf } from '../src/export/highlight.js';
import { Marp } from '../src/export/marp-engine.js';
import { codeRuns } from '../src/export/pptx/code-runs.js';
import { CONTINUATION } from '../src/plan/fit/code.js';
import HIGHLIGHT_ALIASES from '../src/shared/highlight-aliases.json' with { type: 'json' };
import HIGHLIGHT_LANGUAGES from '../src/shared/highlight-languages.json' with { type: 'json' };
import { isProse, KNOWN_LANGUAGES, showsUnhighlighted } from '../src/shared/languages.js';
import { unescapeHtml } from '../src/text/escape.js';

const definitions = recordLanguages(() => new MarpCore().highlightjs);
const full = everyLanguage(definitions);

/** Bits of many languages at once, with markup, styles and scripts inside it, so that sub-languages are asked for. */
const CODE = `<div class="a" style="color: red"><script>let x = 1 + f('y');</script></div>
# a comment
def f(x):
    return {"a": [1, 2.5, null], 'b': x} # done
SELECT name FROM t WHERE id = 3;
$ echo "hi" && ls -la | grep x
GET /index.html HTTP/1.1
Content-Type: application/json

{"k": true}
`;

describe('the lazy highlighter', () => {
  it('records the 192 languages marp-core registers, in its order, without running one', () => {
    expect(definitions.size).toBe(192);
    expect([...definitions.keys()].slice(0, 3)).toEqual(['1c', 'abnf', 'accesslog']);
  });

  it('resolves aliases by the table scripts/highlight-aliases.js writes, which is what highlight.js does now', () => {
    expect(HIGHLIGHT_ALIASES).toEqual(aliasesOf(definitions));
    // And the languages' own names, which check tells a misspelt language from.
    expect(HIGHLIGHT_LANGUAGES).toEqual([...definitions.keys()]);
  });

  it('highlights each language that highlights parts in others as the full set does, alone in a highlighter', () => {
    // The others are highlighted by their own definition alone, the same one either way.
    const nested = [...definitions.keys()].filter((name) => {
      const parts = subLanguagesOf(full.getLanguage(name) as object);
      return parts === 'all' || parts.length > 0;
    });
    expect(nested).toEqual(expect.arrayContaining(['xml', 'markdown', 'http', 'php-template']));
    for (const name of nested) {
      const options = { language: name, ignoreIllegals: true };
      expect(new LazyHighlighter(definitions).highlight(CODE, options).value, name).toBe(
        full.highlight(CODE, options).value,
      );
    }
  });

  it("says which of versus's languages show without highlighting as marp-core's highlight.js has it (zig, vue, svelte)", () => {
    const plain = [...KNOWN_LANGUAGES].filter((name) => !full.getLanguage(name) && !isProse(name));
    expect(plain).toEqual(expect.arrayContaining(['zig', 'vue', 'svelte']));
    for (const name of KNOWN_LANGUAGES) expect(showsUnhighlighted(name), name).toBe(plain.includes(name));
  });

  it('knows a language by each of its names, in any case, as the full set does, and no other', () => {
    const lazy = new LazyHighlighter(definitions);
    const names = [...Object.keys(HIGHLIGHT_ALIASES), 'PYTHON', 'Js', 'C++', 'no-such-language', ''];
    for (const name of names) expect(lazy.getLanguage(name)?.name, name).toBe(full.getLanguage(name)?.name);
    const options = { language: 'py', ignoreIllegals: true };
    expect(lazy.highlight(CODE, options).value).toBe(full.highlight(CODE, options).value);
  });

  it('registers only what a language needs: its own definition and the languages it highlights parts in', () => {
    const lazy = new LazyHighlighter(definitions);
    lazy.getLanguage('py');
    lazy.getLanguage('html');
    expect(subLanguagesOf(full.getLanguage('xml') as object)).toEqual(expect.arrayContaining(['css', 'javascript']));
    expect(subLanguagesOf(full.getLanguage('http') as object)).toBe('all');
    expect(subLanguagesOf(full.getLanguage('python') as object)).toEqual([]);
    const registered = (lazy as unknown as { hljs: { listLanguages(): string[] } }).hljs.listLanguages();
    expect(registered.sort()).toEqual(expect.arrayContaining(['css', 'javascript', 'python', 'xml']));
    expect(registered.length).toBeLessThan(10);
  });

  it('is what the bundled Marp engine highlights with', () => {
    const marp = new Marp({ script: false });
    expect(marp.highlightjs).toBeInstanceOf(LazyHighlighter);
    expect(marp.highlighter('x = 1', 'python', '')).toBe(
      full.highlight('x = 1', { language: 'python', ignoreIllegals: true }).value,
    );
  });
});

describe('wrapped code lines', () => {
  // The planner wraps a long line into rows that start with the marker, each row but the last
  // ending with the whitespace the wrap took away (plan/fit/code.ts).
  const wrapped = `x = 1  # a comment the pane \n    ${CONTINUATION}wraps onto a second row\ns = "a string &\n  ${CONTINUATION}its rest" + y`;
  const written = 'x = 1  # a comment the pane wraps onto a second row\ns = "a string &its rest" + y';

  it('keep their line’s colors on every row in the slides, the break and the marker no text', () => {
    const html = new Marp().render(`\`\`\`python\n${wrapped}\n\`\`\``).html;
    expect(html).toContain(
      `<span class="hljs-comment"># a comment the pane<span class="wrap-gap"> </span><span class="wrap" data-indent="    "></span>wraps onto a second row</span>`,
    );
    expect(html).toContain(
      `<span class="hljs-string">&quot;a string &amp;<span class="wrap" data-indent="  "></span>its rest&quot;</span>`,
    );
    const code = /<code[^>]*>([\s\S]*?)<\/code>/.exec(html)?.[1] ?? '';
    expect(unescapeHtml(code.replace(/<[^>]*>/g, ''))).toBe(`${written}\n`);
  });

  it('keep them in the PowerPoint’s runs, the marker plain', () => {
    const rows = codeRuns(wrapped, 'python');
    expect(rows[0]?.at(-1)).toEqual({ text: '# a comment the pane', token: 'comment' });
    expect(rows[1]).toEqual([{ text: '    ↪ ' }, { text: 'wraps onto a second row', token: 'comment' }]);
    expect(rows[3]).toEqual([{ text: '  ↪ ' }, { text: 'its rest"', token: 'string' }, { text: ' + y' }]);
    // Code in a language highlight.js does not know is wrapped the same way, its rows plain.
    expect(codeRuns(wrapped, 'no-such-language')[0]).toEqual([{ text: 'x = 1  # a comment the pane' }]);
  });
});
