/**
 * Images are data, not programs. An SVG is drawn into the PPTX's PNG fallback
 * without anything outside itself (no file elsewhere on disk, no device), at a
 * bounded size; a broken image (a truncated PNG, an SVG that is not
 * well-formed XML) or one of a degenerate size is an error at its place in the
 * outline, through the real CLI; and any file name shows in the HTML.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { fittedPicture } from '../src/images/fit.js';
import { asStored, turnOf } from '../src/images/orientation.js';
import { loadOutline } from '../src/outline/load.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { IMAGE } from '../src/theme/geometry.js';
import { minimalOutline } from './helpers.js';
import { versusInProcess } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('images');

/** A PNG of one color. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([r, g, b, 255], i);
  return PNG.sync.write(image);
}

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];

/** An outline in `dir` with one image slide per file. */
async function imageOutline(dir: string, files: string[]): Promise<string> {
  const outline = minimalOutline();
  outline.sections[0]?.slides.push(
    ...files.map((src, i) => ({
      kind: 'image' as const,
      id: `image-${i}`,
      title: `Image ${i}`,
      src,
      alt: 'A picture',
    })),
  );
  const file = path.join(dir, 'outline.yaml');
  await writeFile(file, stringify(outline));
  return file;
}

/** The PPTX of an outline, built in-process as `build` does. */
async function pptxOf(outline: string): Promise<JSZip> {
  const loaded = await loadOutline(outline);
  const compiled = compileOutline(loaded);
  return JSZip.loadAsync(await exportNativePptx(compiled.deck, compiled.assets));
}

/** Every PNG picture of a package, decoded. */
async function pngsOf(zip: JSZip): Promise<PNG[]> {
  const names = Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n));
  return Promise.all(
    names.map(async (n) => PNG.sync.read(await (zip.file(n) as JSZip.JSZipObject).async('nodebuffer'))),
  );
}

function hasColor(image: PNG, [r, g, b]: [number, number, number]): boolean {
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b && (image.data[i + 3] ?? 0) > 0)
      return true;
  }
  return false;
}

/** An SVG with a blue square, and over it an image element pointing at `href`. */
const svgWithImage = (href: string, attribute = 'href') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">
  <rect width="40" height="40" fill="#0000ff"/>
  <image ${attribute}="${href}" x="0" y="0" width="40" height="40"/>
</svg>`;

describe('SVG fallbacks in the PPTX', () => {
  it('draw nothing from outside the image: absolute and relative paths, xlink and entities', async () => {
    const outside = await temp.dir();
    const secret = path.join(outside, 'secret.png');
    await writeFile(secret, png(40, 40, RED));
    const dir = await temp.dir();
    // resvg reads a relative href against the working directory, whatever the SVG's own folder.
    const relative = path.relative(process.cwd(), secret);
    const svgs: Record<string, string> = {
      'absolute.svg': svgWithImage(secret),
      'relative.svg': svgWithImage(relative),
      'up.svg': svgWithImage(`../${path.basename(outside)}/secret.png`),
      'xlink.svg': svgWithImage(secret, 'xlink:href'),
      'file-url.svg': svgWithImage(`file://${secret}`),
      'entity.svg': `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY secret "${secret}">]>\n${svgWithImage('&secret;')}`,
      'nested.svg': svgWithImage(`data:image/svg+xml;base64,${Buffer.from(svgWithImage(secret)).toString('base64')}`),
      'filter.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><filter id="f"><feImage href="${secret}"/></filter><rect width="40" height="40" fill="#0000ff"/><rect width="40" height="40" filter="url(#f)"/></svg>`,
    };
    for (const [name, svg] of Object.entries(svgs)) await writeFile(path.join(dir, name), svg);
    const zip = await pptxOf(await imageOutline(dir, Object.keys(svgs)));
    const pngs = await pngsOf(zip);
    expect(pngs).toHaveLength(Object.keys(svgs).length);
    for (const image of pngs) {
      expect(hasColor(image, BLUE)).toBe(true);
      expect(hasColor(image, RED)).toBe(false);
    }
    // The SVG in the package, which PowerPoint draws, names nothing outside itself either.
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.svg'))) {
      expect(await zip.file(name)?.async('string')).not.toContain(secret);
    }
  });

  it('keep a picture inside the image itself (a data: URL)', async () => {
    const dir = await temp.dir();
    const inline = `data:image/png;base64,${png(40, 40, RED).toString('base64')}`;
    await writeFile(path.join(dir, 'inline.svg'), svgWithImage(inline));
    const [image] = await pngsOf(await pptxOf(await imageOutline(dir, ['inline.svg'])));
    expect(image && hasColor(image, RED)).toBe(true);
  });

  it('never read /dev/zero, and stay within 500 MB of memory', async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'zero.svg'), svgWithImage('/dev/zero'));
    await writeFile(path.join(dir, 'zero-xlink.svg'), svgWithImage('/dev/zero', 'xlink:href'));
    const before = process.memoryUsage().rss;
    const [image] = await pngsOf(await pptxOf(await imageOutline(dir, ['zero.svg', 'zero-xlink.svg'])));
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 2 ** 20);
    expect(image && hasColor(image, BLUE)).toBe(true);
  });

  it('are drawn twice as large as the slide shows them, however large the SVG says it is', async () => {
    const dir = await temp.dir();
    await writeFile(
      path.join(dir, 'tall.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20000"><rect width="100" height="20000" fill="#0000ff"/></svg>',
    );
    await writeFile(
      path.join(dir, 'huge.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="90000"><rect width="90000" height="90000" fill="#0000ff"/></svg>',
    );
    const pngs = await pngsOf(await pptxOf(await imageOutline(dir, ['tall.svg', 'huge.svg'])));
    const sizes = pngs.map((p) => [p.width, p.height].sort((a, b) => b - a));
    // Both stand as high as an image slide's box (488 px): the square twice that; the sliver, 2.44 px
    // wide there, 5 px wide (twice, rounded up) and as high as that width gives (1000 px).
    const high = 2 * IMAGE.maxHeight;
    expect(sizes).toEqual(
      expect.arrayContaining([
        [high, high],
        [1000, 5],
      ]),
    );
  });
});

describe('pictures larger than they are shown', () => {
  const box = { width: 2304, height: 1216 };
  const photo = (width: number, height: number, channels: 3 | 4 = 3) =>
    sharp({ create: { width, height, channels, background: { r: 200, g: 90, b: 40, alpha: 0.5 } } });

  it('are copied to fit the box in their own format, their shape kept; smaller ones are left as they are', async () => {
    const dir = await temp.dir();
    const jpeg = path.join(dir, 'camera.jpg');
    await photo(4000, 3000).jpeg().toFile(jpeg);
    const fitted = await fittedPicture(await readFile(jpeg), box);
    expect(fitted && (await sharp(fitted).metadata())).toMatchObject({ format: 'jpeg', width: 1621, height: 1216 });
    const png = path.join(dir, 'screen.png');
    await photo(3000, 3000, 4).png().toFile(png);
    const see = await sharp(await fittedPicture(await readFile(png), box)).metadata();
    expect(see).toMatchObject({ format: 'png', width: 1216, height: 1216, hasAlpha: true });
    const small = path.join(dir, 'small.jpg');
    await photo(2304, 1216).jpeg().toFile(small);
    expect(await fittedPicture(await readFile(small), box)).toBeUndefined();
    // Not a picture sharp reads (an SVG is drawn at any size anyway): left as it is.
    const svg = path.join(dir, 'drawing.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>');
    expect(await fittedPicture(await readFile(svg), box)).toBeUndefined();
  });

  it('are turned upright when their EXIF orientation says so, and say "as stored" after', async () => {
    const dir = await temp.dir();
    // Stored 4000×3000 and turned a quarter: upright it is 3000 wide and 4000 tall.
    const sideways = path.join(dir, 'sideways.jpg');
    await photo(4000, 3000).jpeg().withMetadata({ orientation: 6 }).toFile(sideways);
    const fitted = await fittedPicture(await readFile(sideways), box);
    const { width, height, orientation } = await sharp(fitted).metadata();
    expect([width, height]).toEqual([912, 1216]);
    expect(orientation ?? 1).toBe(1);
  });
});

describe("a photo's EXIF orientation", () => {
  it('says how to turn the stored pixels, and is set to "as stored" in a copy', async () => {
    const sideways = await readFile(path.join(import.meta.dirname, 'fixtures/pptx/sideways.jpg'));
    expect(imageSize(sideways).orientation).toBe(6);
    expect(turnOf(6)).toEqual({ rotate: 90, flipH: false });
    expect(turnOf(undefined)).toEqual({ rotate: 0, flipH: false });
    const stored = asStored(sideways);
    expect(imageSize(stored).orientation).toBe(1);
    expect(stored.length).toBe(sideways.length);
    // The original is left as it was.
    expect(imageSize(sideways).orientation).toBe(6);
  });

  it('leaves a JPEG without one, or with a damaged EXIF block, as it is', async () => {
    const sideways = await readFile(path.join(import.meta.dirname, 'fixtures/pptx/sideways.jpg'));
    // The EXIF block says it runs far past the file, and its first directory lies past it too.
    const damaged = Buffer.from(sideways);
    damaged.writeUInt16BE(0xfff0, 4);
    damaged.writeUInt32LE(0xffffff, 16);
    expect(asStored(damaged)).toBe(damaged);
    const plain = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    expect(asStored(plain)).toBe(plain);
  });
});

describe('broken images', () => {
  /** The CLI's error lines for an outline with these images, and where each image's `src` is. */
  async function check(files: Record<string, Buffer | string>) {
    const dir = await temp.dir();
    for (const [name, data] of Object.entries(files)) await writeFile(path.join(dir, name), data);
    const outline = await imageOutline(dir, Object.keys(files));
    const text = await readFile(outline, 'utf8');
    const run = await versusInProcess(['build', outline, '--out', path.join(dir, 'dist'), '--formats', 'md']);
    const at = (name: string) => {
      const { line, col } = positionIn(text, name);
      return `outline.yaml:${line}:${col}`;
    };
    return { run, at };
  }

  it('are errors at their place in the outline, exit 1: a truncated PNG, an unclosed SVG, a degenerate size', async () => {
    const whole = png(64, 64, BLUE);
    const { run, at } = await check({
      'truncated.png': whole.subarray(0, whole.length - 20),
      'unclosed.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/>',
      'thin.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100000"/>',
      'empty.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="10"/>',
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    const line = (name: string) => lines.find((l) => l.includes(`"${name}"`)) ?? `(no line for ${name})`;
    expect(line('truncated.png')).toMatch(new RegExp(`${at('truncated.png')} error\\[invalid-value\\]: .*truncated`));
    expect(line('unclosed.svg')).toMatch(
      new RegExp(`${at('unclosed.svg')} error\\[invalid-value\\]: .*not well-formed`),
    );
    expect(line('thin.svg')).toMatch(new RegExp(`${at('thin.svg')} error\\[invalid-value\\]: .*1×100000`));
    expect(line('empty.svg')).toMatch(new RegExp(`${at('empty.svg')} error\\[invalid-value\\]: .*0×10`));
  });

  it('leave good images alone', async () => {
    const { run } = await check({
      'good.png': png(8, 8, BLUE),
      'good.svg': '<?xml version="1.0"?><!-- a comment --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"/>',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('image file names', () => {
  it('may hold any character: each image shows in the HTML, inlined', async () => {
    const dir = await temp.dir();
    const svg = (color: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="${color}"/></svg>`;
    const files = {
      'cup.s&vg': svg('#ff0000'),
      'x.SVG#1': svg('#00ff00'),
      'a b?.png': png(4, 4, BLUE),
      'ünï"<>.svg': svg('#0000ff'),
    };
    for (const [name, data] of Object.entries(files)) await writeFile(path.join(dir, name), data);
    const outline = await imageOutline(dir, Object.keys(files));
    const out = path.join(dir, 'dist');
    const run = await versusInProcess(['build', outline, '--out', out, '--formats', 'html']);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(out, 'a-vs-b.html'), 'utf8');
    const sources = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(sources).toHaveLength(Object.keys(files).length);
    for (const src of sources) expect(src).toMatch(/^data:image\/(svg\+xml|png);base64,/);
  });
});

describe('resolved images', () => {
  it('keep src as written and carry their asset as a typed field: name, hash, type, size of the bytes read and pixels', async () => {
    const dir = await temp.dir();
    const bytes = png(4, 4, RED);
    await mkdir(path.join(dir, 'pics'));
    await writeFile(path.join(dir, 'pics', 'a cup.png'), bytes);
    const loaded = await loadOutline(await imageOutline(dir, ['pics/a cup.png']));
    const slide = loaded.outline.sections[0]?.slides.find((s) => s.kind === 'image');
    if (slide?.kind !== 'image') throw new Error('no image slide');
    expect(slide.src).toBe('pics/a cup.png');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(slide.asset).toEqual({
      name: `assets/a-cup-${hash.slice(0, 10)}.png`,
      sha256: hash,
      type: 'png',
      size: bytes.length,
      pixels: { width: 4, height: 4 },
    });
    const { markdown, assets } = compileOutline(loaded);
    expect(markdown).toContain(`<img src="${slide.asset?.name}"`);
    expect([...assets]).toEqual([[slide.asset?.name, await realpath(path.join(dir, 'pics', 'a cup.png'))]]);
  });
});

describe('a picture saved while the build reads it', () => {
  it('is told, and nothing is written: no output shows it while others show the picture the build read', async () => {
    const dir = await temp.dir();
    const picture = path.join(dir, 'cup.png');
    await writeFile(picture, png(4, 4, RED));
    const outline = await imageOutline(dir, ['cup.png']);
    const outDir = path.join(dir, 'out');
    const built = build(outline, {
      outDir,
      formats: ['md', 'html'],
      // Once the outline is read and the picture hashed, before any output is staged: a save in an editor.
      claimSlug: () => writeFileSync(picture, png(4, 4, BLUE)),
    });
    await expect(built).rejects.toThrow(`${await realpath(picture)} changed while the build was reading it.`);
    expect(existsSync(path.join(outDir, 'a-vs-b.html'))).toBe(false);
  });
});
