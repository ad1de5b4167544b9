/**
 * Measures the advance width of every character the planner needs in the fonts
 * the built-in themes use, in Chromium itself, and writes them to
 * src/plan/fit/font-widths.json. The planner lays text out with these widths, so it
 * predicts what the browser will do instead of guessing from character counts.
 *
 *   npm run build && node scripts/measure-fonts.js
 *
 * Run it again when the themes' font stacks change: the JSON keeps the stacks it
 * measured, and a test fails when src/theme/fonts.ts names others.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../lib/export/browser.js';
import { FONT_STACKS } from '../lib/theme/fonts.js';

/** Scripts measured one character at a time; anything else gets its class's width (fit/text.ts). */
const RANGES = [
  [0x20, 0x24f], // Latin, Latin-1, Latin Extended-A/B
  [0x2b0, 0x36f], // modifier letters, combining marks
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x590, 0x5ff], // Hebrew
  [0x600, 0x6ff], // Arabic
  [0x900, 0x97f], // Devanagari
  [0xe00, 0xe7f], // Thai
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // general punctuation
  [0x20a0, 0x20bf], // currency
  [0x2100, 0x214f], // letterlike symbols
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators
  [0x2300, 0x23ff], // technical
  [0x2500, 0x25ff], // box drawing, blocks, geometric shapes
  [0x2600, 0x27bf], // symbols, dingbats
];

/** One sample per class of characters outside RANGES. */
const SAMPLES = { wide: '中', hangul: '한', kana: 'カ', emoji: '😀', other: 'ሀ' };

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setContent('<canvas></canvas>');
  const fonts = {};
  for (const [name, { family, weight }] of Object.entries(FONT_STACKS)) {
    fonts[name] = await page.evaluate(
      async (family, weight, ranges, samples) => {
        const font = `${weight} 1000px ${family}`;
        // Load every face of the stack, fallbacks included, before measuring.
        const all = ranges.flatMap(([a, b]) =>
          Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)),
        );
        await document.fonts.load(font, all.join('') + Object.values(samples).join(''));
        const context = document.querySelector('canvas').getContext('2d');
        context.font = font;
        const width = (text) => Math.round(context.measureText(text).width);
        return {
          ranges: ranges.map(([a, b]) => ({
            first: a,
            widths: Array.from({ length: b - a + 1 }, (_, i) => width(String.fromCodePoint(a + i))),
          })),
          classes: Object.fromEntries(Object.entries(samples).map(([key, text]) => [key, width(text)])),
        };
      },
      family,
      weight,
      RANGES,
      SAMPLES,
    );
  }
  const measured = {
    generatedBy: 'scripts/measure-fonts.js',
    browser: await browser.version(),
    stacks: FONT_STACKS,
    faces: fonts,
  };
  const file = new URL('../src/plan/fit/font-widths.json', import.meta.url);
  await writeFile(file, `${JSON.stringify(measured)}\n`);
  // Biome formats the table so that the generated file passes lint as it is.
  execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(file)], { stdio: 'ignore' });
  console.log('wrote src/plan/fit/font-widths.json');
} finally {
  await browser.close();
}
