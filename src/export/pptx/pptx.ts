/**
 * PowerPoint export. Native (the default): every slide drawn from the deck
 * model as PowerPoint objects — text boxes with real paragraphs, native
 * tables, code as monospace runs, pictures with their alt text — with no
 * browser. Pictures (`--pptx images`): one screenshot per slide, pixel-exact
 * but not editable. Both with speaker notes as notes-page paragraphs.
 */
import pptxgenjs from 'pptxgenjs';
import { labelsFor } from '../../i18n/labels.js';
import type { Deck } from '../../plan/deck.js';
import { notesParts } from '../../plan/presenter-notes.js';
import { xmlSafe } from '../../text/xml.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { sourceDate } from '../source-date.js';
import { chartLabels as chartLabelsOf, pointLabelsXml } from './chart.js';
import { hex, mirroredSlide } from './draw.js';
import { type Assets, drawSlide } from './kinds.js';
import { drawFooter, type Frame } from './layout.js';
import { finishPackage } from './package.js';

// pptxgenjs's types describe a CommonJS default export, but under ESM the class is the default itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

const MASTER = 'VERSUS';

/** The native, editable presentation: no browser needed. */
export async function exportNativePptx(outlineDeck: Deck, assets: Assets = new Map()): Promise<Buffer> {
  // Text reaches pptxgenjs only through the deck, whose specials it escapes but not what XML cannot hold.
  const deck = xmlSafe(outlineDeck);
  const pptx = newPresentation();
  const palette = deck.meta.palette;
  const labels = labelsFor(deck);
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: hex(palette.bg) },
    // A title placeholder without a position: each slide places its title where the theme does.
    objects: [{ placeholder: { options: { name: 'title', type: 'title' } as never, text: '' } }],
  });
  for (const slide of deck.slides) {
    const page = pptx.addSlide({ masterName: MASTER });
    const background =
      slide.kind === 'divider' ? palette.dividerBg : slide.kind === 'exercise' ? palette.surface : palette.bg;
    page.background = { color: hex(background) };
    const frame: Frame = {
      pptx,
      slide: labels.dir === 'rtl' ? mirroredSlide(page) : page,
      palette,
      contenders: deck.contenders,
      labels,
    };
    await drawSlide(frame, slide, assets);
    drawFooter(frame, slide, slide.kind === 'divider' ? palette.dividerMuted : palette.muted);
  }
  return write(pptx, deck);
}

/** One full-bleed picture per slide (rendered by the browser), described by the slide's title. */
export async function exportPicturePptx(outlineDeck: Deck, images: Buffer[]): Promise<Buffer> {
  const deck = xmlSafe(outlineDeck);
  const pptx = newPresentation();
  deck.slides.forEach((slide, i) => {
    const page = pptx.addSlide();
    const image = images[i];
    if (image) {
      page.addImage({
        data: `image/png;base64,${image.toString('base64')}`,
        x: 0,
        y: 0,
        w: '100%',
        h: '100%',
        altText: slide.heading,
      });
    }
  });
  return write(pptx, deck);
}

function newPresentation(): InstanceType<typeof PptxGenJS> {
  const pptx = new PptxGenJS();
  // 13.333×7.5 in: one px of the 1280×720 slide is 1/96 in.
  pptx.layout = 'LAYOUT_WIDE';
  // The document properties are written by finishPackage: pptxgenjs writes the company unescaped.
  pptx.theme = { headFontFace: PPTX_FONTS.sans, bodyFontFace: PPTX_FONTS.sans };
  return pptx;
}

async function write(pptx: InstanceType<typeof PptxGenJS>, deck: Deck): Promise<Buffer> {
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  const labels = labelsFor(deck);
  const { meta } = deck;
  const chartLabels = new Map(
    deck.slides.flatMap((slide, i) =>
      slide.kind === 'chart'
        ? [[i, chartLabelsOf(slide).map((series) => pointLabelsXml(series, meta.palette, meta.lang))] as const]
        : [],
    ),
  );
  return finishPackage(written, {
    chartLabels,
    // The speaker's notes: private notes and solutions too.
    notes: deck.slides.map((slide) => notesParts(slide, labels, 'speaker')),
    lang: meta.lang,
    properties: {
      title: meta.title,
      subject: meta.subtitle ?? meta.title,
      author: meta.speakers.map((s) => s.name).join(', ') || 'versus',
      company: meta.event ?? '',
    },
    date: sourceDate(),
  });
}
