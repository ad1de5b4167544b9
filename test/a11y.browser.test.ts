/**
 * Accessibility of the HTML export: axe-core in Chromium finds nothing on the page in every theme,
 * nor on any slide (their structure, checked in versus: versus-dark changes only colors, which
 * theme.test.ts holds it to, and contrast.test.ts checks the colors).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { BUILT_IN_THEMES } from '../src/theme/themes.js';
import { testBrowser } from './browser.js';
import { describeWithBrowser } from './helpers.js';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Axe = {
  run: (context: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};

describeWithBrowser('axe-core on the exported HTML', { concurrent: true }, () => {
  for (const theme of BUILT_IN_THEMES) {
    it(`reports no violations on the page${theme === 'versus' ? ' or on any slide' : ''} of the talk (${theme})`, async () => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'versus-a11y-'));
      const { files, compiled } = await build(path.join(import.meta.dirname, '../outline.yaml'), {
        outDir,
        formats: ['html'],
        theme,
        profile: 'workshop',
      });
      const html = files.find((f) => f.endsWith('.html')) as string;
      expect(await readFile(html, 'utf8')).toMatch(/<html lang="en">/);

      const page = await (await testBrowser()).newPage();
      try {
        await page.goto(pathToFileURL(html).href);
        await page.addScriptTag({ content: await axeSource });
        // The page as the audience gets it (landmarks, language, title, controls, the first slide) …
        const onPage = await page.evaluate(async () => {
          const { axe } = window as unknown as { axe: Axe };
          return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(onPage).toEqual([]);
        if (theme !== 'versus') return;
        // … then every slide at once, laid out one under the other: one axe run checks the structure of
        // each (headings, image text, names, roles). Colors are checked by contrast.test.ts: inside a
        // slide's <foreignObject>, axe cannot tell what lies behind a text.
        const bySlide = await page.evaluate(async () => {
          const { axe } = window as unknown as { axe: Axe };
          const svgs = [...document.querySelectorAll('svg[data-marpit-svg]')];
          const style = document.createElement('style');
          style.textContent = `html, body, .bespoke-marp-parent { position: static !important; overflow: visible !important; height: auto !important; }
            svg.bespoke-marp-slide { display: block !important; position: relative !important; content-visibility: visible !important; opacity: 1 !important; width: 1280px !important; height: 720px !important; }`;
          document.head.append(style);
          for (const svg of svgs) svg.removeAttribute('aria-hidden');
          const { violations } = await axe.run({ include: svgs });
          return violations.flatMap((v) =>
            v.nodes.map((node) => {
              const element = document.querySelector(String(node.target[0]));
              return `slide ${svgs.findIndex((svg) => svg.contains(element)) + 1}: ${v.id}`;
            }),
          );
        });
        expect(bySlide).toEqual([]);
        expect(await page.$$eval('svg[data-marpit-svg]', (svgs) => svgs.length)).toBe(compiled.deck.slides.length);
      } finally {
        await page.close();
      }
    });
  }
});
