/**
 * The QR code to the talk: decoded from the title and closing slides' PNGs
 * (jsQR, as a phone's camera would), it gives the outline's address, and it
 * takes at least 15 % of the slide's height; the PowerPoint carries it too,
 * and `qr: false` leaves it out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jsqr from 'jsqr';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { sharedBrowser } from './browser.js';
import { describeWithBrowser, minimalOutline } from './helpers.js';
import { decodePng } from './pixels.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('qr');
/** jsQR's function: its types describe an ES module's default export, and Node hands over the CommonJS module, the function itself. */
const jsQR = jsqr as unknown as typeof jsqr.default;
const URL = 'https://talks.example.org/alpha-vs-beta/';
const FEEDBACK = 'https://forms.example.org/feedback?talk=alpha-vs-beta';

/** The code jsQR finds in a PNG, and its width as a share of the image's height. */
async function decode(file: string): Promise<{ text: string; share: number } | undefined> {
  const png = await decodePng(file);
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) return undefined;
  const { topLeftCorner, topRightCorner, bottomLeftCorner } = found.location;
  const side = Math.min(topRightCorner.x - topLeftCorner.x, bottomLeftCorner.y - topLeftCorner.y);
  return { text: found.data, share: side / png.height };
}

describeWithBrowser('the QR code to the talk', () => {
  let out: string;
  let slides: number;
  let markdownWithout: string;

  beforeAll(async () => {
    const outline = minimalOutline();
    outline.url = URL;
    out = await temp.dir();
    const built = await build(await temp.write('outline.yaml', stringify(outline)), {
      outDir: out,
      formats: ['md', 'png', 'pptx'],
      browser: sharedBrowser(),
    });
    slides = built.compiled.deck.slides.length;
    const closing = built.compiled.deck.slides.at(-1);
    expect(closing?.kind).toBe('references');
    // Another address for the code, and none at all.
    const feedback = { ...outline, qr: FEEDBACK, slug: 'feedback' };
    await build(await temp.write('outline.yaml', stringify(feedback)), {
      outDir: out,
      formats: ['png'],
      browser: sharedBrowser(),
    });
    const without = { ...outline, qr: false, slug: 'without' };
    const { files } = await build(await temp.write('outline.yaml', stringify(without)), {
      outDir: out,
      formats: ['md'],
    });
    markdownWithout = await readFile(files[0] ?? '', 'utf8');
  }, 60_000);

  const png = (slug: string, n: number) => path.join(out, `${slug}.${String(n).padStart(3, '0')}.png`);

  it('on the title slide: decodes to the outline’s url and is at least 15 % of the slide’s height', async () => {
    const title = await decode(png('a-vs-b', 1));
    expect(title?.text).toBe(URL);
    expect(title?.share).toBeGreaterThanOrEqual(0.15);
  });

  it('on the closing slide, and of `qr:` when the outline names another address', async () => {
    const closing = await decode(png('a-vs-b', slides));
    expect(closing?.text).toBe(URL);
    expect(closing?.share).toBeGreaterThanOrEqual(0.15);
    expect((await decode(png('feedback', 1)))?.text).toBe(FEEDBACK);
    expect((await decode(png('feedback', slides)))?.text).toBe(FEEDBACK);
    // Only there: a slide between carries none.
    expect(await decode(png('a-vs-b', 2))).toBeUndefined();
  });

  it('is left out with `qr: false`', () => {
    expect(markdownWithout).not.toContain('versus-qr');
    // Only the front matter's `url` (for link previews) names the address.
    expect(markdownWithout.split(URL)).toHaveLength(2);
    expect(markdownWithout).toContain(`url: ${URL}`);
  });

  it('is in the PowerPoint on the title and closing slides, as a picture named by its address', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'a-vs-b.pptx')));
    const descriptions = async (n: number) =>
      [
        ...((await zip.file(`ppt/slides/slide${n}.xml`)?.async('string')) ?? '').matchAll(
          /<p:cNvPr [^>]*descr="([^"]*)"/g,
        ),
      ].map((m) => m[1]);
    expect(await descriptions(1)).toContain(`QR code: ${URL}`);
    // Its address on the planned lines, broken after a slash as on the slides, not after a hyphen.
    const title = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    // Its PNG fallback (what LibreOffice shows) twice as wide as the code on the slide, 200 px.
    const code = new RegExp(
      `<p:pic>(?:(?!</p:pic>)[\\s\\S])*descr="QR code: ${URL}"[\\s\\S]*?<a:blip r:embed="(rId\\d+)"`,
    ).exec(title);
    const rels = (await zip.file('ppt/slides/_rels/slide1.xml.rels')?.async('string')) ?? '';
    const target = new RegExp(`Id="${code?.[1]}"[^>]*Target="\\.\\./media/([^"]+\\.png)"`).exec(rels)?.[1];
    const fallback = await zip.file(`ppt/media/${target}`)?.async('nodebuffer');
    expect((await sharp(fallback).metadata()).width).toBe(400);
    expect(title).toMatch(
      /<a:t>https:\/\/talks\.example\.org\/<\/a:t><\/a:r><a:br[^>]*\/><a:r>.*?<a:t>alpha-vs-beta\/<\/a:t>/,
    );
    expect(await descriptions(slides)).toContain(`QR code: ${URL}`);
    expect(await descriptions(2)).not.toContain(`QR code: ${URL}`);
  });
});
