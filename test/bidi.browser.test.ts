/**
 * Latin phrases inside Hebrew and Arabic text read as written in every output: each run with
 * the digits, signs and brackets written onto it ("3-D Secure 2", "Interchange++", "C#") in its
 * order and in its place of the right-to-left line, on the slides as Chromium lays them out, in
 * the slide PDF and the handout (as a PDF reader finds the words), and in the PowerPoint as
 * LibreOffice draws it. Without the marks the planner puts around such runs, Chromium showed
 * "PCI DSS Level 1-ו D Secure 2-3" and "++Interchange".
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { sharedBrowser, testBrowser } from './browser.js';
import { describeWithBrowser, visualLinesIn } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('bidi');

/** Each text as written, and its line from left to right as a reader of the language sees it. */
const HEBREW: [string, string][] = [
  ['3-D Secure 2 ו-PCI DSS Level 1', 'PCI DSS Level 1-ו 3-D Secure 2'],
  // The opening bracket stands right of "USD", where a right-to-left reader meets it first.
  ['Pay in 4 (USD בלבד)', ')דבלב USD( Pay in 4'],
  ['Interchange++ שקוף', 'ףוקש Interchange++'],
  ['תמיכה ב-C# ו-Node.js 20.', '.Node.js 20-ו C#-ב הכימת'],
  ['3 replicas (sync, 2 zones)', '3 replicas (sync, 2 zones)'],
];
const ARABIC: [string, string][] = [
  ['تدعم C++ و Python 3.12 فقط.', '.طقف Python 3.12 و C++ معدت'],
  ['3-D Secure 2 و PCI DSS Level 1', 'PCI DSS Level 1 و 3-D Secure 2'],
  // Arabic's question mark reads with the sentence, a number with the unit after it.
  ['هل تختار C++؟', '؟C++ راتخت له'],
  ['السرعة 180 req/s', '180 req/s ةعرسلا'],
  ['الإصدار >=3.11', '>=3.11 رادصإلا'],
];

function outline(lang: 'he' | 'ar', bullets: [string, string][]): string {
  return JSON.stringify({
    title: lang === 'he' ? '3-D Secure מול PCI DSS' : '3-D Secure مقابل PCI DSS',
    lang,
    slug: `mixed-${lang}`,
    url: 'https://example.org/talks/payments-he/',
    speakers: [{ name: lang === 'he' ? 'נועה לוי' : 'نورة', contact: 'https://example.org/noa/' }],
    contenders: [
      { id: 'a', name: 'Stripe', color: '#635bff' },
      { id: 'b', name: 'PayPal', color: '#003087' },
    ],
    sections: [
      {
        id: 'one',
        title: lang === 'he' ? 'רקע' : 'خلفية',
        slides: [
          {
            kind: 'bullets',
            id: 'mixed',
            title: lang === 'he' ? 'מה חשוב' : 'ما المهم',
            bullets: bullets.map(([text]) => text),
            notes: 'x',
          },
        ],
      },
    ],
  });
}

type Built = Record<'html' | 'pdf' | 'handout' | 'pptx', string>;

async function built(lang: 'he' | 'ar', bullets: [string, string][]): Promise<Built> {
  const dir = await temp.dir();
  const file = path.join(dir, 'talk.yaml');
  await writeFile(file, outline(lang, bullets));
  const { files } = await build(file, {
    outDir: path.join(dir, 'out'),
    formats: ['html', 'pdf', 'handout', 'pptx'],
    browser: sharedBrowser(),
  });
  const named = (suffix: string) => files.find((f) => f.endsWith(suffix)) as string;
  return {
    html: named(`mixed-${lang}.html`),
    pdf: named(`mixed-${lang}.pdf`),
    handout: named('.handout.pdf'),
    pptx: named('.pptx'),
  };
}

interface Item {
  text: string;
  x: number;
  y: number;
}

/** Each page's text items as a PDF reader finds them, without direction marks, and where they start. */
async function pdfItems(file: string): Promise<Item[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: Item[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items } = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      items.flatMap((item) =>
        'str' in item && item.str.trim()
          ? [{ text: item.str.replace(/[\u200e\u200f]/g, '').trim(), x: item.transform[4], y: item.transform[5] }]
          : [],
      ),
    );
  }
  return pages;
}

/** The first page with an item holding `text`. */
const pageWith = (pages: Item[][], text: string) =>
  pages.find((items) => items.some((item) => item.text.includes(text))) ?? [];

/** Where on its page the first item holding `text` starts; NaN without one. */
const xOf = (items: Item[], text: string) => items.find((item) => item.text.includes(text))?.x ?? Number.NaN;

describeWithBrowser('Latin text inside right-to-left text', () => {
  let he: Built;
  let ar: Built;

  beforeAll(async () => {
    [he, ar] = await Promise.all([built('he', HEBREW), built('ar', ARABIC)]);
  }, 120_000);

  it.each([
    ['Hebrew', () => he, HEBREW],
    ['Arabic', () => ar, ARABIC],
  ] as const)('reads as written on the %s slides, each Latin run in its order and place', async (_, files, bullets) => {
    const page = await (await testBrowser()).newPage();
    try {
      await page.goto(pathToFileURL(files().html).href);
      const lines = await visualLinesIn(page, 'section.bullets li');
      expect(lines).toEqual(bullets.map(([, seen]) => [seen]));
    } finally {
      await page.close();
    }
  });

  it('prints the runs whole in the slide PDF, where a reader searching for them finds them', async () => {
    const slide = pageWith(await pdfItems(he.pdf), 'Interchange');
    for (const run of ['3-D Secure 2', 'PCI DSS Level 1', 'Interchange++', 'C#', 'Node.js 20', 'Pay in 4']) {
      expect(
        slide.some((item) => item.text.includes(run)),
        run,
      ).toBe(true);
    }
    // poppler's text too (a search in Evince, pdftotext) holds each run whole.
    const { stdout } = await promisify(execFile)('pdftotext', [he.pdf, '-']);
    for (const run of ['3-D Secure 2', 'PCI DSS Level 1', 'Interchange++', 'Node.js 20']) expect(stdout).toContain(run);
    // Right to left: the first run on the right, the one after "ו-" left of it.
    expect(xOf(slide, 'PCI DSS Level 1')).toBeLessThan(xOf(slide, '3-D Secure 2'));
    expect(xOf(slide, 'Node.js 20')).toBeLessThan(xOf(slide, 'C#'));
  });

  it("prints the talk's address on the handout's cover as written, its last slash last", async () => {
    const [cover = []] = await pdfItems(he.handout);
    const y = cover.find((item) => item.text.includes('talks/'))?.y ?? Number.NaN;
    // The address's line, from left to right (it is printed in the pieces it may break between).
    const line = cover
      .filter((item) => Math.abs(item.y - y) < 1)
      .sort((a, b) => a.x - b.x)
      .map((item) => item.text);
    expect(line.join('')).toBe('https://example.org/talks/payments-he/');
  });
});

/**
 * LibreOffice, to open the PowerPoint as users do; it runs in CI and when VERSUS_FULL_TESTS=1
 * asks for it, as test/pptx.test.ts's round trips do.
 */
const describeWithOffice = process.env.CI || process.env.VERSUS_FULL_TESTS === '1' ? describe : describe.skip;

describeWithOffice('Latin text inside right-to-left text, in the PowerPoint opened in LibreOffice', () => {
  it('draws each Latin run in its order, in its place of the right-to-left line', async () => {
    const files = await built('he', HEBREW);
    const outDir = await temp.dir();
    // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
    const profile = `-env:UserInstallation=file://${await temp.dir()}`;
    await promisify(execFile)(
      'soffice',
      [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, files.pptx],
      {
        timeout: 110_000,
      },
    );
    const slide = pageWith(
      await pdfItems(path.join(outDir, path.basename(files.pptx).replace(/\.pptx$/, '.pdf'))),
      'Interchange',
    );
    const lineOf = (word: string) => {
      const y = slide.find((item) => item.text === word)?.y ?? Number.NaN;
      return slide.filter((item) => Math.abs(item.y - y) < 1);
    };
    // LibreOffice sets each word apart: the words of a run from left to right, the runs from right to left.
    const first = lineOf('Secure');
    expect(xOf(first, '3-D')).toBeLessThan(xOf(first, 'Secure'));
    expect(xOf(first, 'Secure')).toBeLessThan(xOf(first, '2'));
    expect(xOf(first, 'Level')).toBeLessThan(xOf(first, 'ו'));
    expect(xOf(first, 'ו')).toBeLessThan(xOf(first, '3-D'));
    const third = lineOf('שקוף');
    expect(xOf(third, 'שקוף')).toBeLessThan(xOf(third, 'Interchange++'));
    const fourth = lineOf('Node.js');
    expect(xOf(fourth, 'Node.js')).toBeLessThan(xOf(fourth, '20'));
    expect(xOf(fourth, '20')).toBeLessThan(xOf(fourth, 'C#'));
  }, 180_000);
});
