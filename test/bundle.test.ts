/**
 * The bundled CLI (scripts/bundle.js): its Marp engine, which marp-cli also converts
 * with, renders as marp-core does, and the math it leaves out fails loudly if asked for;
 * marp-cli runs in the bundle's worker, apart from the process's console.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { exportHtml, MarpCliWorker } from '../src/export/html.js';
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
  it('runs marp-cli in a worker: the process’s console is never swapped, and marp-cli’s log stays out of it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-html-'));
    const markdown = path.join(dir, 'talk.md');
    await cp(path.join(ROOT, 'test/fixtures/golden/every-kind.md'), markdown);
    const { log, warn, error } = console;
    const written = vi.spyOn(process.stderr, 'write');
    let swapped = false;
    const watch = setInterval(() => {
      swapped ||= console.log !== log || console.warn !== warn || console.error !== error;
    }, 1);
    try {
      await exportHtml({
        markdownFile: markdown,
        outputFile: path.join(dir, 'talk.html'),
        theme: await resolveTheme('versus', ROOT),
      });
    } finally {
      clearInterval(watch);
      written.mockRestore();
    }
    expect(swapped).toBe(false);
    expect(written).not.toHaveBeenCalled();
    const html = await readFile(path.join(dir, 'talk.html'), 'utf8');
    expect(/<h1[^>]*>Tea vs Coffee<\/h1>/.test(html), 'the title slide is in the HTML').toBe(true);
  });

  it('converts one deck after another in one worker, also after a conversion that failed or the worker died', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-worker-'));
    const theme = await resolveTheme('versus', ROOT);
    const worker = new MarpCliWorker();
    try {
      const failed = await worker.run(['--output', path.join(dir, 'x.html'), '--', path.join(dir, 'missing.md')]);
      expect(failed.status).not.toBe(0);
      expect(failed.log).toMatch(/not found/i);
      for (const name of ['one', 'two', 'three']) {
        // Before the third, the worker ends as a crashed one would: a new one takes its place.
        if (name === 'three') await worker.close();
        const markdown = path.join(dir, `${name}.md`);
        await writeFile(markdown, `---\nmarp: true\ntheme: versus\n---\n\n# Deck ${name}\n`);
        await exportHtml({
          markdownFile: markdown,
          outputFile: path.join(dir, `${name}.html`),
          theme,
          marpCli: worker,
        });
        expect(await readFile(path.join(dir, `${name}.html`), 'utf8')).toContain(`Deck ${name}`);
      }
    } finally {
      await worker.close();
    }
  });
});
