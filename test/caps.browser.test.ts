/**
 * The labels the themes show in capitals (the tie badge, the pros and cons
 * labels): Chromium's `text-transform: uppercase`, in the built-in themes and
 * the talk's language, shows exactly the capitals the planner plans, which the
 * PowerPoint draws and the table's fitting measures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { labelsForLang } from '../src/i18n/labels.js';
import { capsLabel } from '../src/plan/words.js';
import { THEMES_DIR } from '../src/theme/themes.js';
import { testBrowser } from './browser.js';
import { describeWithBrowser } from './helpers.js';

/** Words whose capitals depend on the language: a dotted Turkish i, Greek accents, a Lithuanian dot above. */
const WORDS: [lang: string, pros: string, tie: string][] = [
  ['tr', 'Artılar', 'eşitlik'],
  ['el', 'Πλεονεκτήματα', 'ισοπαλία'],
  ['lt', 'Privalumai', 'lygiosios'],
  ['de', 'Vorteile', 'Gleichstand'],
];

describeWithBrowser('labels in capitals', () => {
  // versus-dark imports versus and changes only its colors.
  it('the versus theme shows the planned capitals', async () => {
    const css = readFileSync(path.join(THEMES_DIR, 'versus.css'), 'utf8');
    const page = await (await testBrowser()).newPage();
    try {
      for (const [lang, pros, tie] of WORDS) {
        const labels = labelsForLang(lang, { pros, tie });
        const planned = [capsLabel(labels, 'pros'), capsLabel(labels, 'tie')];
        // The markup the markdown's pros and cons label and tie badge become.
        await page.setContent(
          `<html lang="${lang}"><style>${css}</style><section><div class="columns"><div class="column"><p><strong>${pros}</strong></p></div></div><table><tr><td>Aspect<span class="tie">${tie}</span></td></tr></table></section></html>`,
        );
        const shown = await page.evaluate(() =>
          ['.column p strong', 'table .tie'].map((s) => document.querySelector<HTMLElement>(s)?.innerText),
        );
        expect(shown).toEqual(planned.map((label) => label.shown));
        expect(planned.map((label) => label.text)).toEqual([pros, tie]);
      }
    } finally {
      await page.close();
    }
  });
});
