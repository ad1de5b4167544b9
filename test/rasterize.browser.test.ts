/**
 * Slide images drawn from the slide PDF by mutool are the slides Chromium
 * shows: each is compared with Chromium's screenshot of the same slide, for
 * a few slides of the shipped talk and for talks in Chinese, Japanese and
 * Korean, with emoji, and with pictures. And without mutool, a build still
 * writes its images, screenshotted.
 *
 * The images are compared at 1× (1280×720): drawing and capturing at 2×
 * takes the same code paths with four times the pixels to decode and compare,
 * and the builds' 2560×1440 images are checked by the tests below and by
 * up-to-date.test.ts against the printed pages.
 *
 * Tolerance: the two differ by anti-aliasing at glyph edges, glyphs placed
 * a pixel or two apart, and the rows of a tall table a few pixels lower in
 * print, so every 8×8 block must have the same average color within 64 of
 * 255 levels in each channel, and at most 8 % of the pixels may differ by
 * more than 32 levels. Over all 34 slides of the shipped talk and the talks
 * below (2026-12-06) the worst block differs by 35 levels (a title's emoji)
 * and the worst slide has 2.9 % of such pixels (a page of references); at
 * 2× (16×16 blocks) they were 45 levels and 6.0 %. A neighbouring slide
 * differs by more than 64 levels in some block, and so does a title without
 * its emoji.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { SharedBrowser } from '../src/export/browser.js';
import { findRasterizer } from '../src/export/find-rasterizer.js';
import { forEachSlideImage } from '../src/export/images.js';
import { type RenderedSlides, renderSlides } from '../src/export/marp.js';
import { exportPdf, type PrintJob } from '../src/export/pdf.js';
import { rasterizeSlides } from '../src/export/rasterize.js';
import { loadOutline } from '../src/outline/load.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { themeFor } from '../src/theme/resolve.js';
import { sharedBrowser } from './browser.js';
import { describeWithBrowser } from './helpers.js';
import { decodePng, type Pixels } from './pixels.js';
import { CLI, ROOT } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('rasterize');
/** Pixels per CSS pixel of the images compared. */
const SCALE = 1;
const BLOCK = 8;
const BLOCK_LEVELS = 64;
const PIXEL_LEVELS = 32;
const PIXEL_SHARE = 0.08;

/** mutool is what setup.sh installs, and CI has it: only a machine without it skips the comparison. */
const mutool = findRasterizer();
const describeWithMutool = mutool || process.env.CI ? describeWithBrowser : describe.skip;

/** The slides the outline wrote (the generated title slide and dividers are the shipped talk's to check). */
const authored = (kinds: string[]) => kinds.flatMap((kind, i) => (kind === 'title' || kind === 'divider' ? [] : [i]));

interface Talk {
  name: string;
  /** The outline file. */
  file: string;
  /** Which slides to compare (all when absent). */
  pick?: (kinds: string[]) => number[];
}

describeWithMutool('slide images drawn from the slide PDF', { concurrent: true }, () => {
  const talks: Talk[] = [];
  const screenshots = new Map<string, Promise<Pixels[]>>();
  /** Chromium's screenshots of a talk's slides, decoded: taken once for every test that compares with them. */
  const screenshotsOfTalk = (talk: Talk): Promise<Pixels[]> => {
    let taken = screenshots.get(talk.name);
    if (!taken) {
      taken = (async () => {
        const { rendered, job, lang } = await prepare(talk);
        return Promise.all((await screenshotsOf(job, rendered, lang)).map(decodePng));
      })();
      screenshots.set(talk.name, taken);
    }
    return taken;
  };

  beforeAll(async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'cjk.yaml'), CJK);
    await writeFile(path.join(dir, 'emoji.yaml'), EMOJI);
    await writeFile(path.join(dir, 'no-rocket.yaml'), EMOJI.replace('Why it matters 🚀', 'Why it matters'));
    await writeFile(path.join(dir, 'pictures.yaml'), PICTURES);
    await copyFile(path.join(ROOT, 'images/keras-backends.svg'), path.join(dir, 'diagram.svg'));
    await writeFile(path.join(dir, 'photo.png'), photo(900, 600));
    talks.push(
      {
        name: 'the shipped talk',
        file: path.join(ROOT, 'outline.yaml'),
        // The title, the first table, code, picture and pros and cons, and the last references.
        pick: (kinds) => [
          0,
          ...['comparison', 'code', 'image', 'pros-cons'].map((kind) => kinds.indexOf(kind)).filter((i) => i >= 0),
          kinds.lastIndexOf('references'),
        ],
      },
      { name: 'Chinese, Japanese and Korean', file: path.join(dir, 'cjk.yaml'), pick: authored },
      { name: 'emoji', file: path.join(dir, 'emoji.yaml'), pick: authored },
      { name: 'pictures', file: path.join(dir, 'pictures.yaml'), pick: authored },
      { name: 'emoji, the rocket left out', file: path.join(dir, 'no-rocket.yaml'), pick: authored },
    );
  });

  for (const [n, name] of ['the shipped talk', 'Chinese, Japanese and Korean', 'emoji', 'pictures'].entries()) {
    it(`match Chromium's screenshots of the same slides: ${name}`, async () => {
      const talk = talks[n] as Talk;
      const { rendered, job, title, lang } = await prepare(talk);
      const captured = screenshotsOfTalk(talk);
      const drawn: Buffer[] = [];
      const { pdf } = await exportPdf(job, rendered, { title, lang });
      const pdfFile = path.join(job.workDir, 'slides.pdf');
      await writeFile(pdfFile, pdf);
      await rasterizeSlides({
        mutool: mutool as string,
        pdfFile,
        pages: rendered.slides.length,
        scale: SCALE,
        timeout: 60_000,
        onImage: async (i, image) => {
          drawn[i] = image;
        },
      });
      const screenshots = await captured;
      expect(drawn).toHaveLength(rendered.slides.length);
      for (const [i, image] of drawn.entries()) {
        const a = await decodePng(image);
        const b = screenshots[i] as Pixels;
        expect([a.width, a.height], `slide ${i + 1}`).toEqual([1280, 720]);
        expect([b.width, b.height]).toEqual([1280, 720]);
        const { worstBlock, share } = compare(a, b);
        expect(worstBlock, `slide ${i + 1}: the most different 8×8 block`).toBeLessThanOrEqual(BLOCK_LEVELS);
        expect(share, `slide ${i + 1}: pixels more than ${PIXEL_LEVELS} levels apart`).toBeLessThanOrEqual(PIXEL_SHARE);
      }
    });
  }

  it('the comparison tells a different slide, and a missing emoji, from its own', async () => {
    const [emoji, noRocket] = await Promise.all([
      screenshotsOfTalk(talks[2] as Talk),
      screenshotsOfTalk(talks[4] as Talk),
    ]);
    const bullets = emoji.findIndex((_, i) => compare(emoji[i] as Pixels, noRocket[i] as Pixels).worstBlock > 0);
    expect(bullets, 'the slide whose title lost its rocket').toBeGreaterThanOrEqual(0);
    expect(compare(emoji[0] as Pixels, emoji[1] as Pixels).worstBlock).toBeGreaterThan(BLOCK_LEVELS);
    expect(compare(emoji[bullets] as Pixels, noRocket[bullets] as Pixels).worstBlock).toBeGreaterThan(BLOCK_LEVELS);
  });
});

describeWithMutool('the browser while mutool draws', () => {
  it('closes once the PDFs and the link preview are done, before the first image is drawn, when no other build needs it', async () => {
    const outDir = await temp.dir();
    const browser = new SharedBrowser();
    let closedAt = Number.POSITIVE_INFINITY;
    const close = browser.close.bind(browser);
    // Slow to close, as a loaded machine can be: mutool waits for it all the same.
    browser.close = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await close();
      closedAt = Math.min(closedAt, Date.now());
    };
    // A small talk shows the order as well as the shipped one: the close comes a second late all the same.
    const file = path.join(outDir, 'rockets.yaml');
    await writeFile(file, EMOJI);
    try {
      const { compiled } = await build(file, { outDir, formats: ['pdf', 'png'], browser, releaseBrowser: true });
      const images = (await readdir(outDir)).filter((name) => /\.\d{3}\.png$/.test(name));
      expect(images).toHaveLength(compiled.deck.slides.length);
      const firstDrawn = Math.min(
        ...(await Promise.all(images.map(async (name) => (await stat(path.join(outDir, name))).mtimeMs))),
      );
      expect(closedAt).toBeLessThan(firstDrawn);
      // A browser other builds share stays open.
      closedAt = Number.POSITIVE_INFINITY;
      await build(file, { outDir: await temp.dir(), formats: ['png'], browser });
      expect(closedAt).toBe(Number.POSITIVE_INFINITY);
    } finally {
      await close();
    }
  });
});

describeWithBrowser('slide images without a rasterizer', () => {
  it('are screenshotted by Chromium: one 2560×1440 image per slide, the link preview and a picture PPTX', async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'talk.yaml'), EMOJI);
    // A PATH without mutool (node and Chromium are found by their full paths).
    const empty = await temp.dir();
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [CLI, 'build', 'talk.yaml', '-f', 'png,pptx', '--pptx', 'images', '--out', 'out'],
      { cwd: dir, env: { ...process.env, PATH: empty, NO_COLOR: '1' } },
    );
    expect(stderr).toMatch(/images {3}\d+ slides\n/);
    expect(stderr).not.toContain('mutool');
    const slides = Number(/: (\d+) slides/.exec(stdout)?.[1]);
    expect(slides).toBeGreaterThanOrEqual(4);
    const files = (await readdir(path.join(dir, 'out'))).sort();
    const numbered = Array.from({ length: slides }, (_, i) => `rockets.${String(i + 1).padStart(3, '0')}.png`);
    expect(files.filter((f) => f.endsWith('.png'))).toEqual([...numbered, 'rockets.og.png']);
    for (const name of numbered) {
      const image = await sharp(path.join(dir, 'out', name)).metadata();
      expect([image.width, image.height]).toEqual([2560, 1440]);
    }
    const og = await sharp(path.join(dir, 'out', 'rockets.og.png')).metadata();
    expect([og.width, og.height]).toEqual([1200, 630]);
    expect(files).toContain('rockets.pptx');
  });
});

/** A talk's slides rendered by Marp (only those `pick` chooses), and a job printing beside its images. */
async function prepare(talk: Talk) {
  const loaded = await loadOutline(talk.file);
  const theme = await themeFor(loaded.outline, { baseDir: ROOT });
  const compiled = compileOutline(loaded, { theme: theme.name });
  const all = await renderSlides(compiled.markdown, theme);
  const picked = talk.pick?.(compiled.deck.slides.map((slide) => slide.kind));
  const rendered: RenderedSlides = picked ? { ...all, slides: picked.map((i) => all.slides[i] as string) } : all;
  const workDir = await temp.dir();
  for (const [name, file] of compiled.assets) {
    await mkdir(path.dirname(path.join(workDir, name)), { recursive: true });
    await copyFile(file, path.join(workDir, name));
  }
  const job: PrintJob = { browser: sharedBrowser(), workDir };
  return { rendered, job, title: compiled.deck.meta.title, lang: compiled.deck.meta.lang };
}

/** Chromium's screenshots of the slides, 1280×720, as a build without mutool takes them at `--image-scale 1`. */
async function screenshotsOf(job: PrintJob, rendered: RenderedSlides, lang: string): Promise<Buffer[]> {
  const captured: Buffer[] = [];
  await forEachSlideImage(job, rendered, {
    lang,
    scale: SCALE,
    onImage: async (i, image) => {
      captured[i] = image;
    },
  });
  return captured;
}

/** The most different 8×8 block's average color, and the share of pixels more than 32 levels apart. */
function compare(a: Pixels, b: Pixels): { worstBlock: number; share: number } {
  const columns = Math.floor(a.width / BLOCK);
  const rows = Math.floor(a.height / BLOCK);
  const sums = new Float64Array(columns * rows * 3);
  const [pa, pb] = [a.data, b.data];
  let apart = 0;
  for (let y = 0; y < rows * BLOCK; y++) {
    const rowStart = Math.floor(y / BLOCK) * columns * 3;
    for (let x = 0, i = y * a.width * 4; x < columns * BLOCK; x++, i += 4) {
      const block = rowStart + Math.floor(x / BLOCK) * 3;
      const r = (pa[i] as number) - (pb[i] as number);
      const g = (pa[i + 1] as number) - (pb[i + 1] as number);
      const bl = (pa[i + 2] as number) - (pb[i + 2] as number);
      sums[block] = (sums[block] as number) + r;
      sums[block + 1] = (sums[block + 1] as number) + g;
      sums[block + 2] = (sums[block + 2] as number) + bl;
      if (Math.abs(r) > PIXEL_LEVELS || Math.abs(g) > PIXEL_LEVELS || Math.abs(bl) > PIXEL_LEVELS) apart++;
    }
  }
  let worstBlock = 0;
  for (const sum of sums) worstBlock = Math.max(worstBlock, Math.abs(sum) / (BLOCK * BLOCK));
  return { worstBlock, share: apart / (a.width * a.height) };
}

/** A photograph's stand-in: smooth gradients and fine noise, which PNG keeps as they are. */
function photo(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed % 41) - 20;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      image.data[i] = Math.max(0, Math.min(255, (255 * x) / width + noise()));
      image.data[i + 1] = Math.max(0, Math.min(255, (255 * y) / height + noise()));
      image.data[i + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin((x + y) / 40) + noise()));
      image.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(image);
}

const CJK = `title: 数据库的比较 — データベース比較 — 데이터베이스 비교
lang: zh
slug: cjk
contenders:
  - { id: pg, name: PostgreSQL, color: "#1f6feb" }
  - { id: my, name: MySQL, color: "#b42318" }
sections:
  - id: main
    title: 比较
    slides:
      - kind: bullets
        title: 为什么要比较数据库
        bullets:
          - 选择数据库是一个需要考虑很多年的决定，包括运维、备份和扩展。
          - データベースの選択は、運用・バックアップ・拡張を含む長期的な決定です。
          - 데이터베이스 선택은 운영, 백업, 확장을 포함하는 장기적인 결정입니다.
      - kind: comparison
        title: 功能对比
        rows:
          - { aspect: 事务, cells: { pg: 完整的 ACID 支持, my: InnoDB 支持 ACID } }
          - { aspect: 拡張機能, cells: { pg: 豊富な拡張機能, my: プラグインは少ない } }
          - { aspect: 복제, cells: { pg: 논리 및 물리 복제, my: 바이너리 로그 복제 } }
`;

const EMOJI = `title: Rockets 🚀 or Snails 🐌
slug: rockets
contenders:
  - { id: r, name: Rockets 🚀, color: "#b42318" }
  - { id: s, name: Snails 🐌, color: "#1a7f37" }
sections:
  - id: main
    title: Speed 🏁
    slides:
      - kind: bullets
        title: Why it matters 🚀
        bullets:
          - Fast 🚀, faster ⚡, fastest 🏎️
          - Slow 🐌 and steady 🐢 wins 🏆 the race
          - Flags 🇯🇵 🇩🇪 🇧🇷, families 👩‍👩‍👧 and skin tones 👍🏽
      - kind: comparison
        title: Side by side 🆚
        rows:
          - { aspect: Speed ⏱️, cells: { r: Very fast 🔥, s: Very slow 🧊 } }
          - { aspect: Fuel ⛽, cells: { r: Hydrogen 💧, s: Lettuce 🥬 } }
`;

const PICTURES = `title: Pictures
slug: pictures
contenders:
  - { id: a, name: Photos, color: "#1f6feb" }
  - { id: b, name: Diagrams, color: "#b42318" }
sections:
  - id: main
    title: Pictures
    slides:
      - kind: image
        title: A photograph
        src: photo.png
        alt: Smooth colored gradients with fine noise.
      - kind: image
        title: A diagram
        src: diagram.svg
        alt: Keras 3 and its engines.
`;
