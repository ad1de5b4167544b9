/**
 * The bundled CLI (scripts/bundle.js): its Marp engine, which marp-cli also converts
 * with, renders as marp-core does, and the math it leaves out fails loudly if asked for;
 * marp-cli converts in process, its log kept off the process's output.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { exportHtml, runMarpCli } from '../src/export/html.js';
import { MARP_ENGINE, MARP_OPTIONS } from '../src/export/marp.js';
import { unescapeNotes } from '../src/text/escape.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { ROOT } from './run-cli.js';

const ENGINE = pathToFileURL(MARP_ENGINE).href;
type MarpClass = typeof import('@marp-team/marp-core').Marp;
const load = async () => (await import(ENGINE)) as { Marp: MarpClass; default: MarpClass };

describe('the bundled Marp engine', () => {
  it('is the class marp-cli takes (default export) and renders like marp-core, the notes without their guards', async () => {
    const engine = await load();
    const { Marp } = await import('@marp-team/marp-core');
    expect(engine.default).toBe(engine.Marp);
    const markdown = await readFile(path.join(ROOT, 'test/fixtures/golden/every-kind.md'), 'utf8');
    const render = (Class: MarpClass) => new Class({ ...MARP_OPTIONS, script: false }).render(markdown);
    const ours = render(engine.Marp);
    const core = render(Marp);
    expect({ html: ours.html, css: ours.css }).toEqual({ html: core.html, css: core.css });
    expect(ours.comments).toEqual(core.comments.map((notes) => notes.map(unescapeNotes)));
    expect(ours.comments).not.toEqual(core.comments);
  });

  it('keeps $…$ as text with versus’s options, and names what is missing if math is turned on', async () => {
    const { Marp } = await load();
    expect(new Marp({ ...MARP_OPTIONS, script: false }).render('Costs $5 or $6').html).toContain('Costs $5 or $6');
    const withMath = () => new Marp({ ...MARP_OPTIONS, math: 'mathjax' }).render('$x^2$');
    expect(withMath).toThrow(/bundled without mathjax-full\/.*: math is off/);
  });
});

describe('the HTML export', () => {
  it('runs marp-cli in this thread: marp-cli’s log stays off the process’s output, and the console is given back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-html-'));
    const markdown = path.join(dir, 'talk.md');
    await cp(path.join(ROOT, 'test/fixtures/golden/every-kind.md'), markdown);
    const consoled = (['log', 'info', 'warn', 'error'] as const).map((name) => vi.spyOn(console, name));
    const { log, info, warn, error } = console;
    const written = vi.spyOn(process.stderr, 'write');
    const printed = vi.spyOn(process.stdout, 'write');
    try {
      await exportHtml({
        markdownFile: markdown,
        outputFile: path.join(dir, 'talk.html'),
        theme: await resolveTheme('versus', ROOT),
      });
      expect([console.log, console.info, console.warn, console.error]).toEqual([log, info, warn, error]);
      // Counted before mockRestore, which forgets the calls.
      expect([written, printed, ...consoled].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      for (const spy of [written, printed, ...consoled]) spy.mockRestore();
    }
    const html = await readFile(path.join(dir, 'talk.html'), 'utf8');
    expect(/<h1[^>]*>Tea vs Coffee<\/h1>/.test(html), 'the title slide is in the HTML').toBe(true);
  });

  it('converts one deck after another, also after a conversion that failed, whose log says why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-marp-cli-'));
    const theme = await resolveTheme('versus', ROOT);
    const failed = await runMarpCli(['--output', path.join(dir, 'x.html'), '--', path.join(dir, 'missing.md')]);
    expect(failed.status).not.toBe(0);
    expect(failed.log).toMatch(/not found/i);
    // Started together, they take turns: each has the console to itself while it converts. Each
    // writes into its own folder, as each build does: exportHtml writes marp-cli's configuration
    // beside the HTML, and one rewritten while another conversion read it was read empty.
    await Promise.all(
      ['one', 'two', 'three'].map(async (name) => {
        await mkdir(path.join(dir, name));
        const markdown = path.join(dir, name, `${name}.md`);
        await writeFile(markdown, `---\nmarp: true\ntheme: versus\n---\n\n# Deck ${name}\n`);
        await exportHtml({ markdownFile: markdown, outputFile: path.join(dir, name, `${name}.html`), theme });
      }),
    );
    for (const name of ['one', 'two', 'three'])
      expect(await readFile(path.join(dir, name, `${name}.html`), 'utf8')).toContain(`Deck ${name}`);
  });
});
