/**
 * The same small talk built in every shipped language, once, in one batch:
 * no English word versus adds is left in the HTML, the slide PDF or the
 * handout; Arabic is laid out right to left with code and addresses left to
 * right; Chinese and Japanese are drawn with their own CJK fonts; a Japanese
 * handout's and script's own headings break between phrases.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'puppeteer-core';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it } from 'vitest';
import { handoutDocument, pageContent } from '../src/export/handout.js';
import { scriptDocument } from '../src/export/script.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { catalogFor } from '../src/i18n/catalogs.js';
import { testBrowser } from './browser.js';
import { compileData, describeWithBrowser, linesOf, minimalOutline } from './helpers.js';
import { versusInProcess } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('i18n-build');

/** A few words in each language, for a talk whose own text holds none of the English labels. */
const WORDS = {
  de: [
    'Thema',
    'Teil',
    'Schnell einsatzbereit',
    'Große Gemeinschaft',
    'schnell',
    'langsam',
    'Hier geht es um das Thema.',
  ],
  fr: ['Sujet', 'Partie', 'Rapide à mettre en place', 'Grande communauté', 'rapide', 'lent', 'Ici je parle du sujet.'],
  es: ['Tema', 'Parte', 'Rápido de poner en marcha', 'Gran comunidad', 'rápido', 'lento', 'Aquí hablo del tema.'],
  pt: ['Tema', 'Parte', 'Rápido de colocar em uso', 'Grande comunidade', 'rápido', 'lento', 'Aqui falo do tema.'],
  ja: [
    'テーマ',
    'パート',
    'すぐに使い始められる',
    '大きなコミュニティ',
    '速い',
    '遅い',
    'ここではこのテーマについて話します。',
  ],
  'zh-CN': ['主题', '部分', '很快就能上手', '庞大的社区', '快', '慢', '这里我介绍这个主题。'],
  ko: ['주제', '파트', '빠르게 시작할 수 있음', '큰 커뮤니티', '빠름', '느림', '여기서는 이 주제에 대해 이야기합니다.'],
  ar: ['موضوع', 'جزء', 'سريع البدء', 'مجتمع كبير', 'سريع', 'بطيء', 'هنا أتحدث عن هذا الموضوع.'],
} as const;
type Lang = keyof typeof WORDS;
const LANGS = Object.keys(WORDS) as Lang[];

function outlineIn(lang: Lang): string {
  const [topic, part, first, second, good, bad, note] = WORDS[lang];
  const list = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
  return `title: ${JSON.stringify(`${topic}: Alpha / Beta`)}
lang: ${lang}
slug: talk-${lang.toLowerCase()}
event: Meetup
date: 2026-11-22
contenders:
  - { id: alpha, name: Alpha, color: "#1f6feb" }
  - { id: beta, name: Beta, color: "#8250df" }
sources:
  - { id: s1, title: ${JSON.stringify(topic)}, url: https://example.org/guide, accessed: 2026-11-20 }
sections:
  - id: one
    title: ${JSON.stringify(`${part} 1`)}
    slides:
      - { kind: bullets, title: "${topic} 1", sources: [s1], bullets: ${list([first, second])}, notes: ${JSON.stringify(note)} }
      - kind: comparison
        title: "${topic} 2"
        rows:
          - { aspect: "${first}", cells: { alpha: "${good}", beta: "${bad}" }, verdict: alpha }
          - { aspect: "${second}", cells: { alpha: "${good}", beta: "${good}" }, verdict: tie }
  - id: two
    title: ${JSON.stringify(`${part} 2`)}
    slides:
      - { kind: pros-cons, title: "${topic} 3", pros: { alpha: ["${good}"], beta: ["${first}"] }, cons: { alpha: ["${bad}"], beta: ["${second}"] } }
      - kind: decision
        title: "${topic} 4"
        choices: [{ contender: alpha, when: ["${first}"] }, { contender: beta, when: ["${second}"] }]
      - kind: code
        title: "${topic} 5"
        panes:
          - { contender: alpha, language: python, code: "print(1)" }
          - { contender: beta, language: python, code: "print(2)" }
      - { kind: exercise, title: "${topic} 6", minutes: 5, task: ${list([first, second])}, solution: ${JSON.stringify(good)} }
      - { kind: quote, title: "${topic} 8", text: "${second}", by: "${first}" }
      - { kind: bullets, title: "${topic} 7", bullets: ${list(Array.from({ length: 14 }, (_, i) => `${first} ${i + 1}`))}, notes: ${JSON.stringify(note)} }
`;
}

/**
 * What the English catalog prints, as patterns; a language whose own word
 * matches too ("Agenda" in German, "min" in French) is not held to it.
 */
const ENGLISH: Partial<Record<MessageKey, RegExp>> = {
  agenda: /\bAgenda\b/,
  references: /\bReferences\b/,
  introduction: /\bIntroduction\b/,
  tie: /\btie\b/i,
  pros: /\bpros\b/i,
  cons: /\bcons\b/i,
  choose: /\bChoose\b/,
  exercise: /\bexercise\b/i,
  solution: /\bSolution:/,
  sources: /\bSources:/,
  accessed: /\baccessed\b/,
  slideCount: /\bslides\b/,
  aboutMinutes: /\babout \d+ minutes?\b/,
  minutes: /\d min\b/,
  noNotes: /No notes for this slide/,
  continuedNotes: /Continued from the previous slide/,
  slideControls: /Slide controls/,
};

function englishLeftIn(text: string, lang: Lang): string[] {
  const catalog = catalogFor(lang);
  return Object.entries(ENGLISH).flatMap(([key, pattern]) => {
    const own = catalog[key as MessageKey];
    const ownText = (typeof own === 'string' ? own : Object.values(own).join(' ')).replace(/\{\w+\}/g, '1');
    return pattern.test(ownText) || !pattern.test(text) ? [] : [`${key}: ${pattern.exec(text)?.[0]}`];
  });
}

/**
 * Text as PDF extraction gives it back, made comparable: compatibility forms
 * (Arabic presentation forms, CJK radicals) folded, bidi marks and spaces dropped.
 */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, '');
}

/**
 * The words of a message that PDF extraction keeps intact: poppler reads the
 * Arabic lam-alef ligature back in the wrong order, so words with one are left out.
 */
function extractableWords(message: unknown): string[] {
  return String(message)
    .replace(/\{\w+\}/g, ' ')
    .split(/[\s.,:;!?()（）。、：…—]+/u)
    .filter((word) => word && !word.includes('لا'));
}

async function pdfText(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', [file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** What each glyph of each font of a PDF gives back as text (its ToUnicode maps' destinations). */
async function toUnicodeTargets(file: string): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
  const document = await PDFDocument.load(await readFile(file));
  const targets: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const stream = object instanceof PDFDict ? document.context.lookup(object.get(PDFName.of('ToUnicode'))) : undefined;
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const [, hex = ''] of cmap.matchAll(/<[\da-f]+>\s*<([\da-f]{4,})>/gi)) {
      targets.push(String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16))));
    }
  }
  return targets;
}

/** The x of each text item on each page, for where things stand. */
async function pdfItems(file: string): Promise<{ text: string; x: number }[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: { text: string; x: number }[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((item) => ('str' in item ? [{ text: item.str, x: item.transform[4] as number }] : [])),
    );
  }
  return pages;
}

describeWithBrowser('a talk in every shipped language', () => {
  let out: string;
  let browser: Browser;
  const files = (lang: Lang) => {
    const base = path.join(out, `talk-${lang.toLowerCase()}`);
    // The speaker's HTML: the audience's slides and notes, and the exercise's solution under its heading.
    return { html: `${base}.presenter.html`, pdf: `${base}.pdf`, handout: `${base}.handout.pdf` };
  };
  const html: Partial<Record<Lang, string>> = {};
  const pdf: Partial<Record<Lang, string>> = {};
  const handout: Partial<Record<Lang, string>> = {};

  beforeAll(async () => {
    const dir = await temp.dir();
    out = path.join(dir, 'dist');
    const outlines = await Promise.all(
      LANGS.map(async (lang) => {
        const file = path.join(dir, `${lang}.yaml`);
        await writeFile(file, outlineIn(lang));
        return file;
      }),
    );
    // One batch: one browser for every language (the worker's, as the tests' own pages use).
    const run = await versusInProcess(['build', ...outlines, '--formats', 'md,html,pdf,handout', '--out', out]);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
    for (const lang of LANGS) {
      html[lang] = await readFile(files(lang).html, 'utf8');
      pdf[lang] = await pdfText(files(lang).pdf);
      handout[lang] = await pdfText(files(lang).handout);
    }
    browser = await testBrowser();
  }, 120_000);

  it.each(LANGS)('leaves no English generated word in the %s HTML, slide PDF or handout', (lang) => {
    const page = parse(html[lang] ?? '');
    const slides = page.querySelectorAll('section').map((section) => section.text);
    const notes = page.querySelectorAll('.bespoke-marp-note').map((note) => note.text);
    const controls = page.querySelector('.bespoke-marp-osc')?.getAttribute('aria-label') ?? '';
    expect(slides.length).toBeGreaterThan(8);
    expect(notes.join(' ')).toContain(WORDS[lang][4]); // the exercise's solution, under its heading
    expect(englishLeftIn([...slides, ...notes, controls].join('\n'), lang)).toEqual([]);
    expect(englishLeftIn(pdf[lang] ?? '', lang)).toEqual([]);
    expect(englishLeftIn(handout[lang] ?? '', lang)).toEqual([]);
  });

  it.each(LANGS)('translates the %s handout: cover, notes placeholders and references', (lang) => {
    const catalog = catalogFor(lang);
    const text = comparable(handout[lang] ?? '');
    const keys = ['noNotes', 'continuedNotes', 'introduction', 'references', 'slideCount'] as const;
    const missing = keys.flatMap((key) => {
      const message = catalog[key];
      const words = extractableWords(typeof message === 'string' ? message : message.other);
      return words.filter((word) => !text.includes(comparable(word))).map((word) => `${key}: ${word}`);
    });
    expect(missing).toEqual([]);
  });

  it.each(['zh-CN', 'ja'] as const)(
    'gives the %s PDFs back as written when copied or searched: ideographs, never the radicals of the same shape',
    async (lang) => {
      for (const file of [files(lang).pdf, files(lang).handout]) {
        const mapped = await toUnicodeTargets(file);
        expect(mapped).toContain('大');
        expect(mapped.filter((text) => /[\u2E80-\u2EFF\u2F00-\u2FDF]/u.test(text))).toEqual([]);
      }
    },
  );

  it.each(['zh-CN', 'ja'] as const)(
    'keeps each glyph once in the %s PDFs, and their dictionaries compressed',
    async (lang) => {
      const { PDFDocument, PDFRawStream } = await import('pdf-lib');
      for (const file of [files(lang).pdf, files(lang).handout]) {
        const bytes = await readFile(file);
        const document = await PDFDocument.load(bytes);
        const streams = document.context
          .enumerateIndirectObjects()
          .flatMap(([, object]) => (object instanceof PDFRawStream ? [object] : []));
        const distinct = new Set(
          streams.map((stream) => `${stream.dict}\n${Buffer.from(stream.contents).toString('base64')}`),
        );
        // Type 3 fonts, each with its own empty-box glyph: there are repeats to find.
        expect(streams.length).toBeGreaterThan(100);
        expect(streams.length - distinct.size, file).toBe(0);
        expect(bytes.includes('/ObjStm'), file).toBe(true);
      }
    },
  );

  it.each(LANGS)('marks the %s pages right to left only for a right-to-left language', (lang) => {
    const page = parse(html[lang] ?? '');
    const rtl = lang === 'ar';
    expect(page.querySelector('html')?.getAttribute('dir')).toBe(rtl ? 'rtl' : undefined);
    const sections = page.querySelectorAll('section[id]');
    expect(sections.every((section) => section.getAttribute('dir') === (rtl ? 'rtl' : undefined))).toBe(true);
  });

  it('lays the Arabic slides out right to left, with code and addresses left to right', async () => {
    const page: Page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(files('ar').html).href);
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const style = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).direction : undefined;
        };
        return {
          aspect: box('section.comparison th:first-child')?.left ?? 0,
          firstContender: box('section.comparison th:nth-child(2)')?.left ?? 0,
          secondContender: box('section.comparison th:nth-child(3)')?.left ?? 0,
          prosFirst: box('section.pros-cons .column.c1')?.left ?? 0,
          prosSecond: box('section.pros-cons .column.c2')?.left ?? 0,
          title: style('section.title h1'),
          // Marp's browser script turns each <pre> into a <marp-pre>.
          code: style('section.code :is(pre, marp-pre)'),
          url: style('section.references a'),
          // Lists indent on the right only, as wide as on the left right to left.
          listPadding: (() => {
            const list = document.querySelector('section.bullets ul');
            return list ? [getComputedStyle(list).paddingLeft, getComputedStyle(list).paddingRight] : [];
          })(),
          quoteBorder: (() => {
            const quote = document.querySelector('section.quote blockquote');
            return quote ? [getComputedStyle(quote).borderLeftWidth, getComputedStyle(quote).borderRightWidth] : [];
          })(),
        };
      });
      // The aspect column, then the first contender, from the right.
      expect(layout.aspect).toBeGreaterThan(layout.firstContender);
      expect(layout.firstContender).toBeGreaterThan(layout.secondContender);
      expect(layout.prosFirst).toBeGreaterThan(layout.prosSecond);
      expect(layout).toMatchObject({ title: 'rtl', code: 'ltr', url: 'ltr' });
      expect(layout.listPadding).toEqual(['0px', '33.6px']);
      expect(layout.quoteBorder).toEqual(['0px', '8px']);
    } finally {
      await page.close();
    }
  });

  it.each(['ar', 'de'] as const)('prints the %s table with its first contender on the reading side', async (lang) => {
    const pages = await pdfItems(files(lang).pdf);
    const table = pages.find((items) => items.some((item) => item.text.includes('✓')));
    const x = (name: string) => table?.find((item) => item.text.trim() === name)?.x ?? Number.NaN;
    if (lang === 'ar') expect(x('Alpha')).toBeGreaterThan(x('Beta'));
    else expect(x('Alpha')).toBeLessThan(x('Beta'));
  });

  it.each([
    ['zh-CN', 'Noto Sans CJK SC'],
    ['ja', 'Noto Sans CJK JP'],
    ['ko', 'Noto Sans CJK KR'],
  ] as const)('draws the %s slides with %s and keeps their text in the PDF', async (lang, font) => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(files(lang).html).href);
      const session = await page.createCDPSession();
      await session.send('DOM.enable');
      await session.send('CSS.enable');
      const { root } = await session.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'section h1' });
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.map((f) => f.familyName)).toContain(font);
    } finally {
      await page.close();
    }
    // Chromium embeds the CJK fonts (CFF outlines) as Type 3 fonts: every font embedded, the text searchable.
    const { stdout } = await promisify(execFile)('pdffonts', [files(lang).pdf]);
    const fonts = stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => /\syes\s+(yes|no)\s+yes\s/.test(line))).toBe(true);
    expect(comparable(pdf[lang] ?? '')).toContain(comparable(WORDS[lang][2]));
  });
});

describeWithBrowser('the headings a printed page sets itself, in Japanese', () => {
  it('break between phrases, never inside a word: the handout’s cover and the script’s title', async () => {
    const outline = { ...minimalOutline(), lang: 'ja', title: 'React、Vue、Svelte：2026年のフロントエンド選び' };
    const { deck } = compileData(outline);
    const rendered = { slides: deck.slides.map(() => '<svg data-marpit-svg></svg>'), css: '' };
    const page = await (await testBrowser()).newPage();
    try {
      // As wide as the printed page's text.
      await page.setViewport({ width: Math.round((pageContent('a4').width * 96) / 25.4), height: 1123 });
      // Without phrases, Chromium breaks the cover's title inside フロントエンド, the script's after "2026".
      await page.setContent(handoutDocument(deck, rendered, { layout: 3, paper: 'a4' }));
      expect(await linesOf(page, '.cover h1')).toEqual(['React、Vue、Svelte：', '2026年のフロントエンド選び']);
      await page.setContent(scriptDocument(deck, rendered, 'a4'));
      expect(await linesOf(page, '.heading h1')).toEqual(['React、Vue、Svelte：', '2026年のフロントエンド選び']);
    } finally {
      await page.close();
    }
  });
});

describeWithBrowser('Japanese slides', () => {
  it('break their text between phrases, as the planner laid it out, never inside a word', async () => {
    const dir = await temp.dir();
    const outline = {
      ...minimalOutline(),
      lang: 'ja',
      title: '2026年のフロントエンドフレームワーク比較：React・Vue・Svelte',
      sections: [
        {
          id: 'one',
          title: '質問',
          slides: [{ kind: 'quote', title: '質問', text: '皆さんのチームでは、どのフレームワークを使っていますか？' }],
        },
      ],
    };
    await writeFile(path.join(dir, 'talk.yaml'), JSON.stringify(outline));
    const run = await versusInProcess(['build', 'talk.yaml', '--formats', 'html', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    const page = await (await testBrowser()).newPage();
    try {
      await page.goto(pathToFileURL(path.join(dir, 'out', `${compileData(outline).deck.meta.slug}.html`)).href);
      // Broken between any two characters, they read "どのフ / レームワーク" and "フレーム / ワーク比較".
      expect(await linesOf(page, 'section p.statement')).toEqual([
        '皆さんのチームでは、どの',
        'フレームワークを使っていますか？',
      ]);
      expect(await linesOf(page, 'section.title h1')).toEqual([
        '2026年の',
        'フロントエンドフレームワーク',
        '比較：React・Vue・Svelte',
      ]);
    } finally {
      await page.close();
    }
  });
});
