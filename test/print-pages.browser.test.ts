/**
 * The workshop kit's printed pages, read from the PDFs a real build writes: no
 * page nearly empty, no heading left at the foot of a page away from its first
 * lines, and files small enough to mail (a raster behind every wrapped code line
 * once made the script 31 MB).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import { globSync } from 'tinyglobby';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { handoutDocument } from '../src/export/handout.js';
import { scriptDocument } from '../src/export/script.js';
import { exercisesOf } from '../src/plan/exercises.js';
import { sharedBrowser } from './browser.js';
import { describeWithBrowser, minimalOutline } from './helpers.js';
import { decodePng } from './pixels.js';
import { type SharedTalk, sharedBuild } from './shared-builds.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The shipped talk's workshop and every workshop outline of the kit's fixtures. */
const TALKS = [
  { name: 'outline.yaml --profile workshop', file: path.join(ROOT, 'outline.yaml'), profile: 'workshop' },
  ...globSync('test/fixtures/kit/*.yaml', { cwd: ROOT, absolute: true })
    .sort()
    .map((file) => ({ name: path.relative(ROOT, file), file, profile: undefined })),
];
const KINDS = ['handout', 'script'] as const;
/** Under the pages' bottom margin (16 mm, in pt): the footer's title and page number. */
const FOOTER_TOP = (16 / 25.4) * 72;
const MAX_BYTES = 1_000_000;

const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();

interface PrintedPage {
  /** Baselines of text above the footer, the slides' own text included. */
  lines: number;
  /** The page's own text (not the slides on it), line by line from the top. */
  text: string[];
  footer: string;
  /** The slides' text on the page, each piece at the size it prints (pt), and whether it is set in a monospace font. */
  slideText: { str: string; size: number; mono: boolean }[];
}

const printed = new Map<string, Promise<PrintedPage[]>>();

/** Each page of a PDF (see `readPrintedPages`), read once for the tests that look at its pages. */
function printedPages(file: string): Promise<PrintedPage[]> {
  let pages = printed.get(file);
  if (!pages) {
    pages = readPrintedPages(file);
    printed.set(file, pages);
  }
  return pages;
}

/**
 * Each page of a PDF. The page's own text is what Chromium tags: the slides are
 * `aria-hidden`, so their text is left untagged, but for their links, which are
 * left out by their annotations' rectangles.
 */
async function readPrintedPages(file: string): Promise<PrintedPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: PrintedPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const links = (await page.getAnnotations()).filter((a) => a.subtype === 'Link').map((a) => a.rect as number[]);
    const inLink = (x: number, y: number) =>
      links.some(([x1 = 0, y1 = 0, x2 = 0, y2 = 0]) => x >= x1 - 1 && x <= x2 + 1 && y >= y1 - 1 && y <= y2 + 1);
    const baselines = new Set<number>();
    const own = new Map<number, { str: string; x: number }[]>();
    const footer: string[] = [];
    const slideText: PrintedPage['slideText'] = [];
    let tagged = 0;
    const { items, styles } = await page.getTextContent({ includeMarkedContent: true });
    for (const item of items) {
      if ('type' in item) {
        tagged += item.type === 'endMarkedContent' ? -1 : 1;
        continue;
      }
      const [x = 0, y = 0] = item.transform.slice(4);
      if (tagged === 0 && item.str.trim()) {
        const size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
        slideText.push({ str: item.str.trim(), size, mono: styles[item.fontName]?.fontFamily === 'monospace' });
      }
      if (y < FOOTER_TOP) footer.push(item.str);
      else if (item.str.trim()) baselines.add(Math.round(y * 2) / 2);
      if (y < FOOTER_TOP || tagged === 0 || inLink(x, y)) continue;
      const line = own.get(Math.round(y * 2) / 2) ?? [];
      own.set(Math.round(y * 2) / 2, [...line, { str: item.str, x }]);
    }
    const text = [...own]
      .sort(([a], [b]) => b - a)
      .map(([, items]) =>
        collapse(
          items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.str)
            .join(''),
        ),
      )
      .filter(Boolean);
    pages.push({ lines: baselines.size, text, footer: collapse(footer.join(' ')), slideText });
  }
  return pages;
}

/** The headings of the printed page, from its HTML: section titles, slide headings, code and private-note labels, start times. */
function headingsOf(html: string): Set<string> {
  const selector = '.section-title, .item h3, .item .time, .code-label, .private-label';
  return new Set(
    parse(html)
      .querySelectorAll(selector)
      .map((e) => collapse(e.textContent)),
  );
}

/** A page's last line of its own text when it is a heading (or the end of one on two or three lines). */
function headingAtFoot(text: string[], headings: Set<string>): string | undefined {
  for (let k = 1; k <= Math.min(3, text.length); k++) {
    const last = collapse(text.slice(-k).join(' '));
    if (headings.has(last)) return last;
  }
  return undefined;
}

describeWithBrowser('printed pages of the workshop kit', () => {
  const built = new Map<string, SharedTalk>();
  const pdf = (talk: string, kind: (typeof KINDS)[number]) => {
    const { compiled, outDir } = built.get(talk) ?? {};
    return path.join(outDir ?? '', `${compiled?.deck.meta.slug}.${kind}.pdf`);
  };

  beforeAll(async () => {
    // The kit's builds, in every format: the audience test reads the same ones. Each is awaited
    // before any failure is thrown, so that a build that other workers wait for is always finished.
    const builds = await Promise.allSettled(
      TALKS.map(async ({ name, file, profile }) => {
        built.set(name, await sharedBuild(file, profile));
      }),
    );
    for (const build of builds) if (build.status === 'rejected') throw build.reason;
  }, 300_000);

  it('builds the shipped workshop and at least one kit fixture', () => {
    expect(TALKS.length).toBeGreaterThan(1);
  });

  for (const { name } of TALKS) {
    it(`${name}: handout and script under 1 MB each`, async () => {
      for (const kind of KINDS) {
        const { size } = await stat(pdf(name, kind));
        console.log(`${name} ${kind}: ${(size / 1e6).toFixed(2)} MB`);
        expect(size, `${name} ${kind}`).toBeLessThan(MAX_BYTES);
      }
    });

    it(`${name}: every page has at least three lines above its footer, the talk's title and "n / N"`, async () => {
      const { title } = built.get(name)?.compiled.deck.meta ?? { title: '' };
      for (const kind of KINDS) {
        const pages = await printedPages(pdf(name, kind));
        const problems = pages.flatMap((page, i) => [
          ...(page.lines < 3 ? [`${kind} page ${i + 1}: ${page.lines} lines (${page.text.join(' / ')})`] : []),
          ...(page.footer.includes(title) && page.footer.includes(`${i + 1} / ${pages.length}`)
            ? []
            : [`${kind} page ${i + 1}: footer "${page.footer}"`]),
        ]);
        expect(problems).toEqual([]);
      }
    });

    it(`${name}: the handout prints the slides' text at 7 pt or more`, async () => {
      const { deck } = built.get(name)?.compiled ?? {};
      if (!deck) throw new Error(`${name} was not built`);
      // But for a slide's footer (its number and sources line, which the slide's heading repeats),
      // a References slide's list (printed in full beside it), a QR code's address (on the cover),
      // code a pane shrank to fit (16 px at the page's width) and the text of a picture.
      const printedElsewhere = [
        ...deck.slides.flatMap((slide) => slide.sourcesLine ?? []),
        ...deck.slides.flatMap((slide) =>
          slide.kind === 'references' ? slide.sources.map((line) => `${line.number}. ${line.text}`) : [],
        ),
        deck.meta.url ?? '',
        ...(await Promise.all(
          deck.slides.flatMap((slide) =>
            slide.kind === 'image' && slide.asset?.type === 'svg'
              ? [readFile(path.join(built.get(name)?.outDir ?? '', slide.asset.name), 'utf8')]
              : [],
          ),
        )),
      ];
      const pages = await printedPages(pdf(name, 'handout'));
      const problems = pages.flatMap((page, i) =>
        page.slideText
          .filter(({ str, size, mono }) => {
            if (size >= 6.95 || (mono && size >= 6.4) || /^\d+$/.test(str)) return false;
            return !printedElsewhere.some((text) => text.includes(str)) && !page.text.join(' ').includes(str);
          })
          .map(({ str, size }) => `page ${i + 1}: "${str}" at ${size.toFixed(1)} pt`),
      );
      expect(pages.some((page) => page.slideText.length > 0)).toBe(true);
      expect(problems.slice(0, 10)).toEqual([]);
    });

    it(`${name}: names each bookmark as its heading reads, with the spaces where it wrapped, without the handout's time and sources`, async () => {
      const { deck } = built.get(name)?.compiled ?? {};
      if (!deck) throw new Error(`${name} was not built`);
      const letters = (text: string) => text.replace(/\s+/gu, '');
      const written = [deck.meta.title, deck.meta.subtitle ?? '', ...deck.slides.flatMap((s) => [s.title, s.heading])];
      const byLetters = new Map(written.map((text) => [letters(text), collapse(text)]));
      const titles: string[] = [];
      for (const file of [pdf(name, 'handout').replace('.handout.pdf', '.pdf'), pdf(name, 'handout')]) {
        const document = await getDocumentProxy(new Uint8Array(await readFile(file)));
        const walk = (items: { title: string; items: unknown[] }[] | null): void => {
          for (const item of items ?? []) {
            titles.push(item.title);
            walk(item.items as typeof items);
          }
        };
        walk(await document.getOutline());
      }
      // A handout heading's time and sources are beside its title, not in its bookmark.
      expect(titles.filter((title) => /^\d+\. .* · /u.test(title))).toEqual([]);
      const named = titles.filter((title) => byLetters.has(letters(title)));
      expect(named.length).toBeGreaterThan(deck.meta.subtitle ? 2 : 1);
      expect(named.filter((title) => collapse(title) !== byLetters.get(letters(title)))).toEqual([]);
    });

    it(`${name}: prints each section's divider in the script on the page of the section's first slide`, async () => {
      const { deck } = built.get(name)?.compiled ?? {};
      if (!deck) throw new Error(`${name} was not built`);
      const pages = await printedPages(pdf(name, 'script'));
      const pageOf = (heading: string) => pages.findIndex((page) => page.text.some((line) => line.startsWith(heading)));
      const dividers = deck.slides.flatMap((slide, i) =>
        slide.kind === 'divider' && i + 1 < deck.slides.length ? [i] : [],
      );
      expect(dividers.length).toBeGreaterThan(0);
      const apart = dividers.filter((i) => pageOf(`${i + 1}. `) !== pageOf(`${i + 2}. `));
      expect(apart.map((i) => deck.slides[i]?.heading)).toEqual([]);
    });

    it(`${name}: no page ends with a heading, a code label or a start time, nor starts with a code label`, async () => {
      const { deck } = built.get(name)?.compiled ?? {};
      if (!deck) throw new Error(`${name} was not built`);
      const html = {
        handout: handoutDocument(deck, { slides: [], css: '' }, { layout: 3, paper: 'a4' }),
        script: scriptDocument(deck, { slides: [], css: '' }, 'a4'),
      };
      for (const kind of KINDS) {
        const headings = headingsOf(html[kind]);
        const labels = new Set(
          parse(html[kind])
            .querySelectorAll('.code-label')
            .map((e) => collapse(e.textContent)),
        );
        expect(headings.size).toBeGreaterThan(deck.slides.length);
        const pages = await printedPages(pdf(name, kind));
        const problems = pages.flatMap((page, i) => {
          const heading = headingAtFoot(page.text, headings);
          return [
            ...(heading ? [`${kind} page ${i + 1} ends with "${heading}"`] : []),
            ...(labels.has(page.text[0] ?? '') ? [`${kind} page ${i + 1} starts with "${page.text[0]}"`] : []),
          ];
        });
        expect(problems).toEqual([]);
      }
    });
  }
});

describeWithBrowser("the speaker's script of a short talk", () => {
  it('prints its sections one after the other, the References slides after them, as the pages hold them', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-script-'));
    const file = path.join(outDir, 'talk.yaml');
    const outline = minimalOutline();
    await writeFile(
      file,
      stringify({
        ...outline,
        sections: [
          { id: 'one', title: 'One', slides: [{ kind: 'bullets', title: 'First', bullets: ['a'], sources: ['s1'] }] },
          { id: 'two', title: 'Two', slides: [{ kind: 'bullets', title: 'Second', bullets: ['b'] }] },
        ],
      }),
    );
    const { files } = await build(file, { outDir, formats: ['script'], browser: sharedBrowser() });
    const pages = await printedPages(files.find((f) => f.endsWith('.script.pdf')) as string);
    // A section on a page of its own left pages holding a slide or two, and one spilled from the section before.
    expect(pages.map((page) => page.text.filter((line) => /^(Introduction|One|Two|References)$/.test(line)))).toEqual([
      ['Introduction', 'One'],
      // The divider of "Two" goes with the section's first slide, which the first page cannot hold.
      ['Two', 'References'],
    ]);
  });
});

/** A code box's grey and the color of its left border (code-block.ts): a grey in a slide has no such border. */
const CODE_GREY = [0xf3, 0xf5, 0xf7];
const CODE_BORDER = [0xc9, 0xd1, 0xd9];

/**
 * Each grey code box on each page of a PDF drawn at 72 dpi (a pixel a point): its bottom, and the
 * bottom of the last text inside it, in points from the page's top.
 */
async function codeBoxes(pdf: string): Promise<{ page: number; bottom: number; lastText: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-boxes-'));
  await promisify(execFile)('pdftoppm', ['-r', '72', '-png', pdf, path.join(dir, 'page')]);
  const boxes: { page: number; bottom: number; lastText: number }[] = [];
  for (const [n, name] of (await readdir(dir)).sort().entries()) {
    const { width, height, data } = await decodePng(path.join(dir, name));
    // Read byte by byte: a subarray per pixel made this scan take seconds a script.
    const is = (x: number, y: number, [r, g, b]: number[]) => {
      const i = (y * width + x) * 4;
      return (
        Math.abs((data[i] ?? 0) - (r ?? 0)) <= 2 &&
        Math.abs((data[i + 1] ?? 0) - (g ?? 0)) <= 2 &&
        Math.abs((data[i + 2] ?? 0) - (b ?? 0)) <= 2
      );
    };
    // A row of a box has many pixels of its grey, its border just left of them.
    const greyIn = (y: number) => {
      let [count, left, right] = [0, width, -1];
      for (let x = 0; x < width; x++) {
        if (!is(x, y, CODE_GREY)) continue;
        count++;
        left = Math.min(left, x);
        right = x;
      }
      const bordered = [1, 2, 3].some((d) => left - d >= 0 && is(left - d, y, CODE_BORDER));
      return count > 40 && bordered ? [left, right] : undefined;
    };
    let box: { top: number; left: number; right: number; lastText: number } | undefined;
    for (let y = 0; y <= height; y++) {
      const grey = y < height ? greyIn(y) : undefined;
      if (grey && !box) box = { top: y, left: grey[0] ?? 0, right: grey[1] ?? 0, lastText: y };
      if (box && grey) {
        for (let x = box.left; x <= box.right; x++) if ((data[(y * width + x) * 4] ?? 255) < 140) box.lastText = y;
      }
      if (box && !grey) {
        boxes.push({ page: n + 1, bottom: y, lastText: box.lastText });
        box = undefined;
      }
    }
  }
  return boxes;
}

describeWithBrowser("code in the speaker's script", () => {
  const FIXTURE = path.join(import.meta.dirname, 'fixtures/script-code.yaml');
  /** The script of the fixture, or of `change`d outline, as the report built it. */
  const script = async (change?: (outline: Record<string, unknown>) => void) => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-script-code-'));
    const outline = parseYaml(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
    change?.(outline);
    const file = path.join(outDir, 'talk.yaml');
    await writeFile(file, stringify(outline));
    const options = { outDir, formats: ['script' as const], paper: 'letter' as const, handoutLayout: 1 as const };
    const { files, compiled } = await build(file, {
      ...options,
      profile: 'workshop',
      theme: 'versus-dark',
      browser: sharedBrowser(),
    });
    return { pdf: files.find((f) => f.endsWith('.script.pdf')) as string, deck: compiled?.deck };
  };
  /** Whether a page holds every line of `code`, in order. */
  const onOnePage = (pages: PrintedPage[], code: string) =>
    pages.some((page) => collapse(page.text.join(' ')).includes(collapse(code)));
  /** More than a line of the code (10.5 pt at 1.35) and the box's padding: an empty part of a box. */
  const EMPTY = 20;

  it('keeps each solution of a dozen lines whole on one page, its grey box ending at its last line', async () => {
    const { pdf, deck } = await script();
    const pages = await printedPages(pdf);
    const solutions = deck ? exercisesOf(deck).filter((e) => e.language !== 'text') : [];
    expect(solutions.length).toBe(8);
    for (const { solution } of solutions) {
      expect(solution.trimEnd().split('\n').length).toBeLessThanOrEqual(12);
      // Exercise 4's last five lines went to the next page, and exercise 2's body after "def test_dividir():".
      expect(onOnePage(pages, solution), solution).toBe(true);
    }
    const boxes = await codeBoxes(pdf);
    expect(boxes.length).toBe(solutions.length);
    expect(boxes.filter((box) => box.bottom - box.lastText > EMPTY)).toEqual([]);
  });

  it('breaks a long solution between its lines, each page’s part of its box ending at its last line there', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `test('caso ${i}', () => {\n  assert.ok(${i} >= 0);\n});\n`);
    const { pdf } = await script((outline) => {
      const sections = outline.sections as { slides: { id?: string; solution?: string }[] }[];
      const exercise = sections.flatMap((section) => section.slides).find((slide) => slide.id === 'ej-js-async');
      if (exercise) exercise.solution = long.join('\n');
    });
    const pages = await printedPages(pdf);
    expect(onOnePage(pages, long.join('\n'))).toBe(false);
    const boxes = await codeBoxes(pdf);
    // More boxes than solutions: the long one's on each of its pages.
    expect(boxes.length).toBeGreaterThan(8);
    expect(boxes.filter((box) => box.bottom - box.lastText > EMPTY)).toEqual([]);
    // No page holds only a few of its lines.
    const lines = pages.map((page) => page.text.filter((line) => /^(test\('caso|assert\.ok|\}\);)/.test(line)).length);
    expect(lines.filter((n) => n > 0 && n < 3)).toEqual([]);
  });
});

describeWithBrowser('starter code in the printed handout', () => {
  const starter = (name: string, lines: number) =>
    Array.from({ length: lines }, (_, i) => `${name}_${String(i + 1).padStart(3, '0')} = compute(${i})`).join('\n');
  /** An exercise whose starter has `lines` lines, each naming the exercise and its number. */
  const exercise = (id: string, lines = 24) => ({
    kind: 'exercise',
    id,
    title: `Try ${id}`,
    task: ['Read it', 'Run it', 'Change it'],
    starter: starter(id, lines),
    solution: 'done = True',
    language: 'python',
  });

  it("ends on its slide's page in layout 1 when smaller code fits it", async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-starter-'));
    const file = path.join(outDir, 'talk.yaml');
    const notes = 'Walk the room while they work; help whoever is stuck on the first step.';
    await writeFile(
      file,
      stringify({
        ...minimalOutline(),
        sections: [{ id: 'one', title: 'One', slides: [{ ...exercise('short', 38), notes }] }],
      }),
    );
    const { files } = await build(file, { outDir, formats: ['handout'], handoutLayout: 1, browser: sharedBrowser() });
    const pages = await printedPages(files.find((f) => f.endsWith('.handout.pdf')) as string);
    const pageOf = (line: string) => pages.findIndex((page) => page.text.some((text) => text.includes(line)));
    // 38 lines ran past the page at 9 pt: their last lines stood alone on a page of their own.
    expect(pageOf('Exercise 1: Try short')).toBeGreaterThan(0);
    expect(pageOf('short_038')).toBe(pageOf('Exercise 1: Try short'));
  });

  it('is a warning of the build when even 7 pt cannot keep it on one page, with the pages it takes', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-starter-'));
    const file = path.join(outDir, 'talk.yaml');
    const text = stringify({
      ...minimalOutline(),
      sections: [{ id: 'one', title: 'One', slides: [exercise('fits', 40), exercise('long', 150)] }],
    });
    await writeFile(file, text);
    const { files, warnings } = await build(file, { outDir, formats: ['handout'], browser: sharedBrowser() });
    const pages = await printedPages(files.find((f) => f.endsWith('.handout.pdf')) as string);
    const pageOf = (line: string) => pages.findIndex((page) => page.text.some((text) => text.includes(line)));
    const taken = pageOf('long_150') - pageOf('Exercise 2: Try long') + 1;
    expect(taken).toBeGreaterThan(1);
    const over = warnings?.filter((w) => w.code === 'exercise-over-page') ?? [];
    expect(over).toHaveLength(1);
    expect(over[0]?.message).toMatch(
      new RegExp(`^slide \\d+ "Exercise 2: Try long" \\(exercise\\) and its starter code take ${taken} handout pages`),
    );
    // At the starter, the line above its first line of code.
    const lines = text.split('\n');
    expect(lines[(over[0]?.line ?? 0) - 1]).toMatch(/^\s*starter: /);
    expect(lines[over[0]?.line ?? 0]).toContain('long_001');
  });

  it.each([2, 3] as const)(
    'stays whole on one page with its exercise in layout %i, smaller when the page cannot hold it',
    async (layout) => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'versus-starter-'));
      const file = path.join(outDir, 'talk.yaml');
      const bullets = (id: string) => ({
        kind: 'bullets',
        id,
        title: `About ${id}`,
        bullets: ['One point', 'Another point', 'A third point'],
        notes: 'What to say about it, in a sentence or two that fill a line of the page.',
      });
      const section = (id: string, slides: object[]) => ({
        id,
        title: `Part ${id}`,
        summary: 'What it is about',
        slides,
      });
      await writeFile(
        file,
        stringify({
          ...minimalOutline(),
          sections: [
            section('one', [bullets('a'), bullets('b'), exercise('first'), bullets('c'), exercise('second')]),
            section('two', [bullets('d'), exercise('third')]),
            // Too long for a page at 9 pt: set smaller so that it ends on its slide's page.
            section('three', [bullets('e'), exercise('long', 46), bullets('f')]),
          ],
        }),
      );
      const { files } = await build(file, {
        outDir,
        formats: ['handout'],
        handoutLayout: layout,
        browser: sharedBrowser(),
      });
      const pages = await printedPages(files.find((f) => f.endsWith('.handout.pdf')) as string);
      // After the cover, which lists the sections as "1. Part one".
      const pageOf = (line: string) =>
        pages.findIndex((page, i) => i > 0 && page.text.some((text) => text.includes(line)));
      for (const [id, last] of [
        ['first', '024'],
        ['second', '024'],
        ['third', '024'],
        ['long', '046'],
      ]) {
        const heading = pageOf(`: Try ${id}`);
        expect(heading, id).toBeGreaterThan(0);
        expect([pageOf(`${id}_001`), pageOf(`${id}_${last}`)], id).toEqual([heading, heading]);
      }
    },
  );
});
