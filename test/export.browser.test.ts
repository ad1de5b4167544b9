/**
 * Real exports through a real Chromium: the PDFs are opened and read back,
 * the HTML is driven in the browser, presenter view included.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Marp } from '@marp-team/marp-core';
import JSZip from 'jszip';
import sharp from 'sharp';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { type BuildResult, build } from '../src/commands/build.js';
import { openDocument, SharedBrowser } from '../src/export/browser.js';
import { handoutDocument } from '../src/export/handout.js';
import { MARP_OPTIONS, renderSlides } from '../src/export/marp.js';
import { scriptDocument } from '../src/export/script.js';
import { slidesDocument } from '../src/export/slides-document.js';
import { loadOutline } from '../src/outline/load.js';
import type { Outline } from '../src/outline/schema.js';
import { compileOutline } from '../src/pipeline/compile.js';
import type { Format } from '../src/pipeline/formats.js';
import { themeFor } from '../src/theme/resolve.js';
import { sharedBrowser } from './browser.js';
import { countOf, describeWithBrowser, isShown, minimalOutline, textOf } from './helpers.js';
import { decodePng } from './pixels.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/golden/every-kind.yaml');

/** The worker's one Chromium for every build and page of this file, as a batch shares one; each opens pages of its own. */
const browser = sharedBrowser();

/** Handout pages keep text out of their bottom 16 mm margin but for the running footer. */
const FOOTER_ZONE_PT = (16 / 25.4) * 72;

/**
 * Opens a PDF. With `handout`, each page's text splits into its running footer (what sits in
 * the bottom margin, left to right) and its body; `all` is then every body, in order.
 */
function readPdf(file: string, { handout = false } = {}): ReturnType<typeof parsePdf> {
  const key = `${file} ${handout}`;
  const read = readPdfs.get(key) ?? parsePdf(file, { handout });
  readPdfs.set(key, read);
  return read;
}

/** The tests read the same few PDFs: each is parsed once. */
const readPdfs = new Map<string, ReturnType<typeof parsePdf>>();

async function parsePdf(file: string, { handout }: { handout: boolean }) {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const bodies: string[] = [];
  const footers: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items.flatMap((item) =>
      'str' in item ? [{ text: item.str + (item.hasEOL ? ' ' : ''), x: item.transform[4], y: item.transform[5] }] : [],
    );
    const inFooter = (item: { y: number }) => handout && item.y < FOOTER_ZONE_PT;
    const footer = items.filter(inFooter).sort((a, b) => a.x - b.x);
    footers.push(collapse(footer.map((item) => item.text).join(' ')));
    bodies.push(
      items
        .filter((item) => !inFooter(item))
        .map((item) => item.text)
        .join(''),
    );
  }
  const [, , width = 0, height = 0] = (await pdf.getPage(1)).view;
  return {
    pages: pdf.numPages,
    text: bodies.map(collapse),
    footers,
    all: collapse(bodies.join(' ')),
    width,
    height,
    outline: await pdf.getOutline(),
  };
}

/** PDF text extraction keeps words but not line breaks or exact spacing. */
function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

function words(s: string): string[] {
  return collapse(s)
    .split(' ')
    .filter((w) => w.length > 3);
}

/** The fixture built with the default formats (in the light theme), once for the file: the groups that read it share it. */
let builtByDefault: Promise<{ outDir: string; result: BuildResult }> | undefined;
function defaultBuild(): Promise<{ outDir: string; result: BuildResult }> {
  builtByDefault ??= (async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-export-'));
    return { outDir, result: await build(FIXTURE, { outDir, browser }) };
  })();
  return builtByDefault;
}

// The groups and their tests build into folders of their own and only read what they share, so they run
// at once: one waits on Chromium while another reads a PDF.
describeWithBrowser('build with a real browser', { concurrent: true }, () => {
  let outDir: string;
  let result: BuildResult;
  let outline: Outline;

  beforeAll(async () => {
    ({ outDir, result } = await defaultBuild());
    outline = (await loadOutline(FIXTURE)).outline;
  });

  const file = (ext: string) => path.join(outDir, `tea-vs-coffee${ext}`);

  it('writes md, html, pdf, handout, run sheet and the images by default', () => {
    expect(result.files.map((f) => path.relative(outDir, f)).sort()).toEqual(
      [
        'assets/cup-5845ac7b9b.svg',
        'tea-vs-coffee.handout.pdf',
        'tea-vs-coffee.html',
        'tea-vs-coffee.md',
        'tea-vs-coffee.pdf',
        // The talk has an exercise: its solution is for the speaker's HTML only.
        'tea-vs-coffee.presenter.html',
        'tea-vs-coffee.runsheet.md',
      ].sort(),
    );
  });

  it('prints one PDF page per slide Marp finds in the markdown, with every table cell as text', async () => {
    const markdown = await readFile(file('.md'), 'utf8');
    const { comments } = new Marp({ ...MARP_OPTIONS, script: false }).render(markdown);
    const pdf = await readPdf(file('.pdf'));
    expect(pdf.pages).toBe(comments.length);
    expect(pdf.width / pdf.height).toBeCloseTo(16 / 9, 2);
    const cells = outline.sections.flatMap((s) =>
      s.slides.flatMap((slide) =>
        slide.kind === 'comparison' ? slide.rows.flatMap((r) => [r.aspect, ...Object.values(r.cells)]) : [],
      ),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(pdf.all).toContain(cell);
  });

  it('numbers every slide by its PDF page, the title slide counted but not numbered', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(file('.pdf'))));
    // What each page writes in its bottom right corner, where the slide number stands.
    const corners: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view as number[];
      const items = (await page.getTextContent()).items.flatMap((item) =>
        'str' in item && item.str.trim() ? [{ text: item.str.trim(), x: item.transform[4], y: item.transform[5] }] : [],
      );
      const corner = items.filter(({ x, y }) => x > (width ?? 0) * 0.9 && y < (height ?? 0) * 0.1);
      corners.push(corner.map(({ text }) => text).join(' '));
    }
    expect(corners[0]).toBe('');
    expect(corners.slice(1)).toEqual(corners.slice(1).map((_, i) => String(i + 2)));
  });

  it('marks a win with a check and a tie with a word, in the PDF text and in the handout', async () => {
    const pdf = await readPdf(file('.pdf'));
    const table = pdf.text.find((page) => page.includes('Head to head')) ?? '';
    expect(table).toMatch(/Caffeine Less More ?✓/);
    expect(table).toContain('Price TIE Cheap Varies');
    expect((await readPdf(file('.handout.pdf'))).all).toContain('Price TIE');
  });

  it('puts no more than three slides on a page of the default handout (layout 3)', async () => {
    const handout = await readPdf(file('.handout.pdf'), { handout: true });
    // Each slide's notes start "12. Its title · 1.5 min".
    const perPage = handout.text.map((page) => page.match(/(^|\s)\d+\. [^·]{1,200}?· [\d.]+ min/g)?.length ?? 0);
    expect(perPage.reduce((sum, n) => sum + n, 0)).toBe(result.compiled.deck.slides.length);
    expect(Math.max(...perPage)).toBe(3);
  });

  it('prints tables and code the page’s width in the default handout, other slides beside their notes, all at 7 pt or more', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(file('.handout.pdf'))));
    /** The height in pt of each text run of the handout, by its text. */
    const sizes = new Map<string, number>();
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const item of (await (await pdf.getPage(n)).getTextContent()).items) {
        if ('str' in item && item.str.trim())
          sizes.set(item.str.trim(), Math.hypot(item.transform[2], item.transform[3]));
      }
    }
    // The table's 24 px text and the code's 20 px print at 7 pt or more (beside the notes, at 6 pt or less) …
    for (const text of ['Caffeine', 'Varies', 'steep(leaves,', 'brew(beans,']) {
      const found = [...sizes].find(([run]) => run.startsWith(text));
      expect(found?.[1], text).toBeGreaterThanOrEqual(7);
    }
    // … while a slide of 28 px text stays beside its notes, just large enough (the page's width prints it at 11 pt).
    expect(sizes.get('Tea is steeped leaves')).toBeGreaterThan(6.95);
    expect(sizes.get('Tea is steeped leaves')).toBeLessThan(8);
  });

  it('names the talk, its speakers and its subtitle in both PDFs’ document properties', async () => {
    for (const name of ['.pdf', '.handout.pdf']) {
      const pdf = await getDocumentProxy(new Uint8Array(await readFile(file(name))));
      const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
      expect(info, name).toMatchObject({
        Author: 'Ada Example',
        Subject: 'A small outline that uses every slide kind',
        Creator: 'versus',
      });
      expect(String(info.Title)).toMatch(/^Tea vs Coffee/);
    }
  });

  it('gives the slide PDF bookmarks named after the slides', async () => {
    const { outline: bookmarks } = await readPdf(file('.pdf'));
    const titles = (bookmarks ?? []).map((b) => b.title);
    expect(titles).toContain('Head to head');
    expect(titles).toContain('References');
  });

  it('prints the handout on A4 with fewer pages than slides, each slide title and its notes as text', async () => {
    const handout = await readPdf(file('.handout.pdf'), { handout: true });
    expect(handout.width).toBeCloseTo(595, 0);
    expect(handout.height).toBeCloseTo(842, 0);
    expect(handout.pages).toBeLessThan(result.compiled.deck.slides.length);
    for (const slide of result.compiled.deck.slides) {
      expect(handout.all).toContain(slide.title);
      for (const word of words(slide.notes)) expect(handout.all).toContain(word);
    }
    expect(handout.footers).toEqual(handout.text.map((_, i) => `Tea vs Coffee ${i + 1} / ${handout.pages}`));
    // Bookmarks: the cover's title, with one entry per section under it.
    const sections = (handout.outline ?? []).flatMap((b) => b.items.map((item) => item.title));
    expect(sections).toEqual(expect.arrayContaining(['The basics', 'Choosing', 'References']));
  });

  it('writes the HTML as one file: its images are inside it, and show when it is opened alone', async () => {
    const html = await readFile(file('.html'), 'utf8');
    expect(html).not.toContain('assets/');
    const alone = await mkdtemp(path.join(tmpdir(), 'versus-alone-'));
    await cp(file('.html'), path.join(alone, 'talk.html'));
    const page = await (await browser.get()).newPage();
    try {
      await page.goto(pathToFileURL(path.join(alone, 'talk.html')).href);
      const widths = await page.$$eval('img', (images) =>
        images.map((image) => (image.complete ? (image as HTMLImageElement).naturalWidth : 0)),
      );
      expect(widths.length).toBeGreaterThan(0);
      expect(widths.every((width) => width > 0)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows the slides and, in presenter view, the notes of the current slide', async ({ expect }) => {
    const page = await (await browser.get()).newPage();
    try {
      const url = pathToFileURL(file('.html')).href;
      await page.goto(url);
      const slides = await countOf(page, 'svg[data-marpit-svg] > foreignObject > section');
      expect(slides).toBe(result.compiled.deck.slides.length);

      const index = result.compiled.deck.slides.findIndex((s) => s.title === 'Head to head');
      await page.goto(`${url}?view=presenter#${index + 1}`);
      const note = '.bespoke-marp-presenter-note-container .bespoke-marp-note.active';
      await expect.poll(() => textOf(page, note)).toBe('Walk through the rows.');
      await expect.poll(() => isShown(page, '.bespoke-marp-presenter-info-timer')).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describeWithBrowser('handout options', { concurrent: true }, () => {
  let outDir: string;

  it('prints on US Letter with --paper letter, keeps a very long note whole, and shows any title in the footer', async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'versus-letter-'));
    const longNote = Array.from({ length: 60 }, (_, i) => `Sentence number ${i + 1} of a very long speaker note.`).join(
      ' ',
    );
    const source = await readFile(FIXTURE, 'utf8');
    // A copy of the fixture's folder (with its images): other tests read test/fixtures/golden while this one runs.
    const copy = await mkdtemp(path.join(tmpdir(), 'versus-long-note-'));
    await cp(path.dirname(FIXTURE), copy, { recursive: true });
    const fixture = path.join(copy, 'long-note.yaml');
    // The footer's title sits in a CSS string inside <style>: quotes, backslashes and tags must stay text.
    const title = 'Tea "vs" \\ Coffee </style><b>bold</b>';
    await writeFile(
      fixture,
      source
        .replace('notes: Keep this short.', `notes: "${longNote}"`)
        .replace('title: Tea vs Coffee', `title: ${JSON.stringify(title)}`),
    );
    const { compiled } = await build(fixture, { outDir, formats: ['handout'], paper: 'letter', browser });
    const handout = await readPdf(path.join(outDir, `${compiled.deck.meta.slug}.handout.pdf`), { handout: true });
    expect(handout.width).toBeCloseTo(612, 0);
    expect(handout.height).toBeCloseTo(792, 0);
    for (let i = 1; i <= 60; i++) expect(handout.all).toContain(`Sentence number ${i} of a very long speaker note.`);
    expect(handout.footers).toEqual(handout.text.map((_, i) => `${title} ${i + 1} / ${handout.pages}`));
  });
});

describeWithBrowser('a talk in a dark theme', () => {
  it('prints its handout and script on white, the slides in the light theme, and its slide PDF dark', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-paper-'));
    // A dark theme of one's own, as the README's example (versus-dark is dark by the same rule: theme.test.ts).
    const brand = path.join(outDir, 'brand.css');
    await writeFile(
      brand,
      "/* @theme brand */\n@import 'versus-dark';\nsection { --bg: #0b3d2e; --fg: #f5f5dc; --surface: #14503c; --code-bg: #14503c; }\n",
    );
    // The light talk's slide PDF and handout are the default build's; its script is printed here.
    const { outDir: light } = await defaultBuild();
    const [lightScript, darkTalk] = [path.join(outDir, 'light'), path.join(outDir, 'dark')];
    await Promise.all([
      build(FIXTURE, { outDir: lightScript, formats: ['script'], theme: 'versus', browser }),
      build(FIXTURE, { outDir: darkTalk, formats: ['pdf', 'handout', 'script'], theme: brand, browser }),
    ]);
    const dark = (folder: string, file: string) => darkShare(path.join(folder, `tea-vs-coffee${file}`));
    // A dark page is mostly dark; a printed page of either talk shows the same light slides on white.
    expect(await dark(darkTalk, '.pdf')).toBeGreaterThan(0.5);
    expect(await dark(light, '.pdf')).toBeLessThan(0.25);
    for (const [file, lightFolder] of [
      ['.handout.pdf', light],
      ['.script.pdf', lightScript],
    ] as const) {
      expect(Math.abs((await dark(darkTalk, file)) - (await dark(lightFolder, file))), file).toBeLessThan(0.005);
    }
  });
});

describeWithBrowser('a photo from a camera', () => {
  it('goes into every output at most as large as a slide shows it (twice over), its file left as it is', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-photo-'));
    const original = path.join(dir, 'camera.jpg');
    await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c85a28' } })
      .jpeg()
      .toFile(original);
    const before = await readFile(original);
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({ kind: 'image', title: 'A photo', src: 'camera.jpg', alt: 'An orange photo' });
    await writeFile(path.join(dir, 'talk.yaml'), stringify(outline));
    const outDir = path.join(dir, 'out');
    const { compiled } = await build(path.join(dir, 'talk.yaml'), {
      outDir,
      formats: ['md', 'html', 'pdf', 'handout', 'pptx'],
      browser,
    });
    const file = (ext: string) => path.join(outDir, `${compiled.deck.meta.slug}${ext}`);
    // The slide shows it in 1152×488 px at most; the slide images are drawn at twice that.
    const fits = ([width, height]: number[]) => (width ?? 0) <= 2304 && (height ?? 0) <= 976;
    const embedded = async (pdf: string) => {
      const { stdout } = await promisify(execFile)('pdfimages', ['-list', pdf]);
      return stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).map(Number));
    };
    const sizeOf = async (data: Buffer) => {
      const { width, height } = await sharp(data).metadata();
      return [width, height];
    };
    const html = await readFile(file('.html'), 'utf8');
    const inline = /data:image\/jpeg;base64,([A-Za-z0-9+/=]+)/.exec(html)?.[1] ?? '';
    const zip = await JSZip.loadAsync(await readFile(file('.pptx')));
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/.*\.jpe?g$/.test(name));
    const [asset] = compiled.assets.keys();
    const sizes = {
      pdf: await embedded(file('.pdf')),
      handout: await embedded(file('.handout.pdf')),
      html: [await sizeOf(Buffer.from(inline, 'base64'))],
      pptx: await Promise.all(
        media.map(async (name) => sizeOf(await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer'))),
      ),
      md: [await sizeOf(await readFile(path.join(outDir, asset as string)))],
    };
    for (const [output, images] of Object.entries(sizes)) {
      // The photo is there, as large as it may be: 1301×976, its shape kept.
      expect(images, output).toContainEqual([1301, 976]);
      expect(images.every(fits), output).toBe(true);
    }
    expect(await readFile(original)).toEqual(before);
  });
});

describeWithBrowser('code too long for its pane', () => {
  it('copies from the slides as written: the ↪ and the row breaks are no text in the HTML, the ↪ none in the PDF', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-copy-'));
    const code = [
      'reply = requests.get("https://api.example-weather.org/v1/forecasts?city=berlin&days=7&units=metric", timeout=10)',
      `${'an_identifier_too_long_for_any_pane_'.repeat(3)}x = 1`,
      '    total = first_value * second_value + third_value * fourth_value + fifth_value * sixth_value + seventh_value  # the sum',
    ].join('\n');
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({
      kind: 'code',
      title: 'Long lines',
      panes: [{ contender: 'a', language: 'python', code }],
    });
    await writeFile(path.join(dir, 'talk.yaml'), stringify(outline));
    const outDir = path.join(dir, 'out');
    const { compiled } = await build(path.join(dir, 'talk.yaml'), { outDir, formats: ['md', 'html', 'pdf'], browser });
    const file = (ext: string) => path.join(outDir, `${compiled.deck.meta.slug}${ext}`);
    // The planner wrapped every line: the markdown shows its rows.
    expect((await readFile(file('.md'), 'utf8')).match(/^\s*↪ /gmu)?.length).toBeGreaterThanOrEqual(3);

    const page = await (await browser.get()).newPage();
    try {
      await page.goto(pathToFileURL(file('.html')).href);
      const slide = await page.evaluate(
        () => [...document.querySelectorAll('section')].findIndex((s) => s.querySelector('.wrap')) + 1,
      );
      expect(slide).toBeGreaterThan(0);
      await page.goto(`${pathToFileURL(file('.html')).href}#${slide}`);
      // A person selecting the pane's code, on the slide shown.
      const copied = await page.evaluate(() => {
        const pane = document.querySelector('.bespoke-marp-active :is(pre, marp-pre)');
        const selection = getSelection();
        if (!pane || !selection) return undefined;
        selection.selectAllChildren(pane);
        return selection.toString();
      });
      expect(copied).toBe(code);
    } finally {
      await page.close();
    }
    const pdf = await readPdf(file('.pdf'));
    const printed = pdf.text.find((text) => text.includes('Long lines')) ?? '';
    expect(printed).toContain('an_identifier_too_long_for_any_pane_');
    expect(printed).not.toContain('↪');
  });
});

/** The share of a PDF's pixels, over all its pages drawn small, darker than a quarter of white. */
async function darkShare(pdf: string): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-pixels-'));
  await promisify(execFile)('pdftoppm', ['-r', '24', '-gray', '-png', pdf, path.join(dir, 'page')]);
  let [dark, all] = [0, 0];
  for (const name of await readdir(dir)) {
    const { data } = await decodePng(path.join(dir, name));
    for (let i = 0; i < data.length; i += 4) dark += (data[i] as number) < 64 ? 1 : 0;
    all += data.length / 4;
  }
  return dark / all;
}

describeWithBrowser('handout layouts', { concurrent: true }, () => {
  it('prints one slide per page with --handout-layout 1, and about two with 2', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-layout-'));
    const pages: Record<number, number> = {};
    let slides = 0;
    // The two builds print at once, each into a folder of its own.
    await Promise.all(
      ([1, 2] as const).map(async (layout) => {
        const { compiled } = await build(FIXTURE, {
          outDir: path.join(outDir, String(layout)),
          formats: ['handout'],
          handoutLayout: layout,
          browser,
        });
        slides = compiled.deck.slides.length;
        pages[layout] = (await readPdf(path.join(outDir, String(layout), 'tea-vs-coffee.handout.pdf'))).pages;
      }),
    );
    expect(pages[1]).toBeGreaterThanOrEqual(slides);
    expect(pages[2]).toBeLessThan(pages[1] as number);
    expect(pages[2]).toBeGreaterThanOrEqual(Math.ceil(slides / 2));
  });
});

describeWithBrowser('presentation formats', { concurrent: true }, () => {
  it('writes one PNG per slide, an Open Graph image the HTML points at, and a picture PPTX whose notes pages hold the notes', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'versus-pptx-'));
    await cp(path.dirname(FIXTURE), path.join(outDir, 'talk'), { recursive: true });
    const outline = path.join(outDir, 'talk', 'every-kind.yaml');
    const source = await readFile(outline, 'utf8');
    await writeFile(
      outline,
      source.replace('title: Tea vs Coffee', 'url: https://talks.example.org/tea/\ntitle: Tea vs Coffee'),
    );
    // The short profile: fewer slides to screenshot, the same checks.
    // A theme whose bullets are too big for their slides: the overflow must still be found.
    const theme = path.join(outDir, 'huge.css');
    await writeFile(theme, "/* @theme huge */\n@import 'versus';\nsection li { font-size: 90px; }\n");
    const { compiled, overflows } = await build(outline, {
      outDir,
      formats: ['html', 'png', 'pptx'],
      pptx: 'images',
      profile: 'short',
      theme,
      browser,
    });
    // Without the slide PDF, the slides are measured on the first image page.
    expect(overflows?.map((finding) => finding.message)).toContainEqual(expect.stringMatching(/overflows \d+px/));
    const { slides, meta } = compiled.deck;
    const name = (ext: string) => `${meta.slug}${ext}`;
    const files = await readdir(outDir);
    expect(files.filter((f) => f.startsWith(name('.')) && /\.\d{3}\.png$/.test(f))).toHaveLength(slides.length);
    const png = await readFile(path.join(outDir, name('.001.png')));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2560, 1440]);
    // The link preview: 1200×630, named by an absolute address beside the talk's public url.
    const og = await readFile(path.join(outDir, name('.og.png')));
    expect([og.readUInt32BE(16), og.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(await readFile(path.join(outDir, name('.html')), 'utf8')).toContain(
      `<meta property="og:image" content="https://talks.example.org/tea/${name('.og.png')}">`,
    );

    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, name('.pptx'))));
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideFiles).toHaveLength(slides.length);
    // Pictures mode: one picture per slide, described by the slide's title; no dangling content types.
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    for (const [, part] of types.matchAll(/<Override PartName="\/([^"]+)"/g))
      expect(zip.file(part as string), part).not.toBeNull();
    for (const [i, slide] of slides.entries()) {
      const slideXml = (await zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string')) ?? '';
      expect(slideXml.match(/<p:pic>/g)).toHaveLength(1);
      expect(slideXml).toContain(`descr="${slide.title.replaceAll('&', '&amp;')}`);
      const notesXml = (await zip.file(`ppt/notesSlides/notesSlide${i + 1}.xml`)?.async('string')) ?? '';
      const text = [...notesXml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');
      for (const word of words(slide.notes))
        expect(text).toContain(word.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    }
  });
});

describeWithBrowser('the shared browser', () => {
  it('hands out the blank page of its launch first, and gives back the places of pages prepared for exports that never started', async () => {
    const own = new SharedBrowser();
    try {
      const chromium = await own.get();
      const [blank] = await chromium.pages();
      own.prepare(3);
      // They open in the background, slowly when the suite's other builds share the cores; the blank
      // page Chromium opened at launch is one of them, so three are open, not four.
      await vi.waitFor(async () => expect((await chromium.pages()).length).toBe(3), { timeout: 60_000 });
      await own.releasePrepared();
      expect(blank?.isClosed()).toBe(true);
      expect(await chromium.pages()).toEqual([]);
      // Their places are free: three new pages open at once (at most cores + 1 are open).
      const pages = await Promise.all([own.newPage(), own.newPage(), own.newPage()]);
      expect((await chromium.pages()).length).toBe(3);
      await Promise.all(pages.map((page) => page.close()));
    } finally {
      await own.close();
    }
  });

  it('uses a page an export gave back again, emptied, at the slide’s size: a second build opens no page, the last keeps none', async () => {
    const own = new SharedBrowser();
    try {
      const chromium = await own.get();
      const page = await own.newPage();
      await page.setViewport({ width: 600, height: 400, deviceScaleFactor: 2 });
      await page.goto(`data:text/html,<title>used</title>`);
      await own.recycle(page);
      const again = await own.newPage();
      expect(again).toBe(page);
      expect(again.url()).toBe('about:blank');
      expect(await again.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([1280, 720, 1]);
      await own.recycle(again);

      const dir = await mkdtemp(path.join(tmpdir(), 'versus-reuse-'));
      const outline = path.join(dir, 'outline.yaml');
      await writeFile(outline, stringify(minimalOutline()));
      const formats: Format[] = ['pdf', 'handout'];
      await build(outline, { outDir: path.join(dir, 'first'), formats, browser: own });
      let opened = 0;
      chromium.on('targetcreated', () => opened++);
      await build(outline, { outDir: path.join(dir, 'second'), formats, browser: own });
      expect(opened).toBe(0);

      // The browser's last build keeps no idle page: its renderer would only add to the memory peak.
      own.keepNoPages();
      const last = await own.newPage();
      await own.recycle(last);
      expect(last.isClosed()).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describeWithBrowser('slides inside the handout and the script', () => {
  it('are laid out exactly as in the slide PDF: no rule of the page reaches into a slide', async () => {
    const loaded = await loadOutline(FIXTURE);
    const theme = await themeFor(loaded.outline, { baseDir: process.cwd() });
    const { deck, markdown, assets } = compileOutline(loaded, { theme: theme.name });
    const rendered = await renderSlides(markdown, theme);
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-embedded-'));
    for (const [name, file] of assets) await cp(file, path.join(dir, name));
    const documents = {
      slides: slidesDocument(rendered, deck.meta.title, deck.meta.lang),
      handout: handoutDocument(deck, rendered, { layout: 3, paper: 'a4' }),
      script: scriptDocument(deck, rendered, 'a4'),
    };
    // Every element of every slide, where it lies and how big it is inside its slide, as printed.
    const layouts = await Promise.all(
      Object.entries(documents).map(async ([name, html]) => {
        const page = await browser.newPage();
        try {
          await page.emulateMediaType('print');
          await openDocument(page, { file: path.join(dir, `${name}.html`), html });
          return await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
            sections.map((section) =>
              [section, ...section.querySelectorAll('*')]
                .filter((element): element is HTMLElement => element instanceof HTMLElement)
                .map((e) => `${e.tagName} ${e.offsetLeft},${e.offsetTop} ${e.offsetWidth}×${e.offsetHeight}`),
            ),
          );
        } finally {
          await page.close();
        }
      }),
    );
    const [slides, handout, script] = layouts;
    expect(slides).toHaveLength(deck.slides.length);
    expect(deck.slides.map((s) => s.kind)).toEqual(expect.arrayContaining(['code', 'references']));
    expect(handout).toEqual(slides);
    expect(script).toEqual(slides);
  });
});
