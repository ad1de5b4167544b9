/**
 * PowerPoint export: one full-bleed slide image per slide, with the speaker
 * notes in each slide's notes page, for organizers who need a .pptx.
 */
import pptxgenjs from 'pptxgenjs';
import { labelsFor } from '../labels.js';
import type { Deck } from '../plan/deck.js';
import { presenterNotes } from '../render/notes.js';

// pptxgenjs's types describe a CommonJS default export, but under ESM the class is the default itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

export async function exportPptx(deck: Deck, images: Buffer[]): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = deck.meta.title;
  if (deck.meta.subtitle) pptx.subject = deck.meta.subtitle;
  pptx.author = deck.meta.speakers.map((s) => s.name).join(', ') || 'versus';
  deck.slides.forEach((slide, i) => {
    const page = pptx.addSlide();
    const image = images[i];
    if (image)
      page.addImage({ data: `image/png;base64,${image.toString('base64')}`, x: 0, y: 0, w: '100%', h: '100%' });
    const notes = presenterNotes(slide, labelsFor(deck));
    if (notes.length > 0) page.addNotes(notes.join('\n\n'));
  });
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
