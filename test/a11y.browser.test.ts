/** Accessibility of the HTML export: axe-core in Chromium finds nothing, on every slide, in every theme. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { build } from '../src/build.js';
import { launchBrowser } from '../src/export/browser.js';
import { BUILT_IN_THEMES } from '../src/export/marp.js';
import { describeWithBrowser } from './helpers.js';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describeWithBrowser('axe-core on the exported HTML', () => {
  for (const theme of BUILT_IN_THEMES) {
    it(`reports no violations on any slide of the talk (${theme})`, async () => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'versus-a11y-'));
      const { files, compiled } = await build(path.join(import.meta.dirname, '../outline.yaml'), {
        outDir,
        formats: ['html'],
        theme,
        profile: 'workshop',
      });
      const html = files.find((f) => f.endsWith('.html')) as string;
      expect(await readFile(html, 'utf8')).toMatch(/<html lang="en">/);

      const browser = await launchBrowser();
      try {
        // One page and one copy of axe: the deck shows each slide when its hash changes.
        const page = await browser.newPage();
        await page.goto(pathToFileURL(html).href);
        await page.addScriptTag({ content: await axeSource });
        const violations: string[] = [];
        for (let slide = 1; slide <= compiled.deck.slides.length; slide++) {
          const found = await page.evaluate(async (n) => {
            location.hash = `#${n}`;
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const axe = (
              window as unknown as {
                axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
              }
            ).axe;
            const active = [...document.querySelectorAll('svg[data-marpit-svg]')].findIndex((svg) =>
              svg.classList.contains('bespoke-marp-active'),
            );
            const found = (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
            return active + 1 === n ? found : [`slide ${active + 1} shown instead`];
          }, slide);
          violations.push(...found.map((v) => `slide ${slide}: ${v}`));
        }
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
