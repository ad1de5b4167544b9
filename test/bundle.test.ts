/**
 * The bundled CLI (scripts/bundle.js): its Marp engine, which marp-cli also converts
 * with, renders as marp-core does, and the math it leaves out fails loudly if asked for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MARP_ENGINE, MARP_OPTIONS } from '../src/export/marp.js';
import { ROOT } from './run-cli.js';

const ENGINE = pathToFileURL(MARP_ENGINE).href;
type MarpClass = typeof import('@marp-team/marp-core').Marp;
const load = async () => (await import(ENGINE)) as { Marp: MarpClass; default: MarpClass };

describe('the bundled Marp engine', () => {
  it('is the class marp-cli takes (default export) and renders like marp-core', async () => {
    const engine = await load();
    const { Marp } = await import('@marp-team/marp-core');
    expect(engine.default).toBe(engine.Marp);
    const markdown = await readFile(path.join(ROOT, 'test/fixtures/golden/every-kind.md'), 'utf8');
    const render = (Class: MarpClass) => new Class({ ...MARP_OPTIONS, script: false }).render(markdown);
    expect(render(engine.Marp)).toEqual(render(Marp));
  });

  it('keeps $…$ as text with versus’s options, and names what is missing if math is turned on', async () => {
    const { Marp } = await load();
    expect(new Marp({ ...MARP_OPTIONS, script: false }).render('Costs $5 or $6').html).toContain('Costs $5 or $6');
    const withMath = () => new Marp({ ...MARP_OPTIONS, math: 'mathjax' }).render('$x^2$');
    expect(withMath).toThrow(/bundled without mathjax-full\/.*: math is off/);
  });
});
