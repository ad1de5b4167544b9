/**
 * The frame every slide shares: background, title with its two-tone bar,
 * sources footer and slide number, placed as themes/versus.css places them.
 */
import type pptxgenjs from 'pptxgenjs';
import type { Labels } from '../../labels.js';
import type { Contender } from '../../outline/schema.js';
import type { DeckSlide } from '../../plan/deck.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { CONTENT, FOOTER, H1, PAD, SLIDE, TITLE_BAR } from '../../theme/geometry.js';
import type { Palette } from '../../theme/palette.js';
import {
  addRect,
  addTextBox,
  type Box,
  hex,
  inch,
  type Paragraph,
  type Pptx,
  type PptxSlide,
  paragraphHeight,
  pt,
} from './draw.js';

export interface Frame {
  pptx: Pptx;
  slide: PptxSlide;
  palette: Palette;
  contenders: readonly Contender[];
  /** The words versus adds, in the talk's language and direction. */
  labels: Labels;
}

/** A contender's color and the readable text color on it. */
export function contenderColor(frame: Frame, id: string): string {
  return frame.contenders.find((c) => c.id === id)?.color ?? frame.palette.fg;
}

/** The two-tone bar under a title, in the first two contenders' colors. */
export function titleBar(frame: Frame, x: number, y: number, width: number, height: number): void {
  const [first, second] = frame.contenders;
  const c1 = first?.color ?? frame.palette.fg;
  const c2 = second?.color ?? c1;
  addRect(frame.pptx, frame.slide, { x, y, w: width, h: height }, c2, height / 2);
  addRect(frame.pptx, frame.slide, { x, y, w: width / 2, h: height }, c1, height / 2);
}

export interface TitleLook {
  size: number;
  color: string;
  x: number;
  y: number;
  width: number;
  align?: 'left' | 'center';
  /** The bar under it: width, height, gap above. */
  bar: { width: number; height: number; gap: number };
}

/** Draws a slide title (as the slide's title placeholder) and its bar; returns the y under the bar. */
export function drawTitle(frame: Frame, text: string, look: TitleLook): number {
  const paragraph: Paragraph = {
    runs: [{ text }],
    size: look.size,
    line: H1.line,
    gap: 0,
    color: look.color,
    bold: true,
    align: look.align ?? 'left',
  };
  const height = paragraphHeight(paragraph, look.width);
  addTextBox(frame.slide, { x: look.x, y: look.y, w: look.width, h: height }, [paragraph], {
    lang: frame.labels.lang,
    title: true,
  });
  const barX = look.align === 'center' ? look.x + (look.width - look.bar.width) / 2 : look.x;
  const barY = look.y + height + look.bar.gap;
  titleBar(frame, barX, barY, look.bar.width, look.bar.height);
  return barY + look.bar.height;
}

/** A content slide's title at the top: returns where the body starts. */
export function drawSlideTitle(frame: Frame, slide: DeckSlide): number {
  const under = drawTitle(frame, slide.heading, {
    size: slide.fit?.title ?? H1.size,
    color: frame.palette.fg,
    x: PAD.side,
    y: PAD.top,
    width: CONTENT.width,
    bar: TITLE_BAR,
  });
  return under + H1.margin;
}

/** The content box from `y` down to the bottom padding. */
export function bodyBox(y: number, x = PAD.side, width = CONTENT.width): Box {
  return { x, y, w: width, h: SLIDE.height - PAD.bottom - y };
}

/** "Sources: [1] [2]" at the bottom left and the slide number at the bottom right, muted. */
export function drawFooter(frame: Frame, slide: DeckSlide, muted: string): void {
  const { size, line } = FOOTER;
  const height = size * line;
  const y = SLIDE.height - FOOTER.bottom - height;
  if (slide.citations.length > 0) {
    const text = frame.labels.t('sources', { refs: slide.citations.map((n) => `[${n}]`).join(' ') });
    addTextBox(
      frame.slide,
      { x: PAD.side, y, w: 900, h: height },
      [{ runs: [{ text }], size, line, gap: 0, color: muted }],
      { lang: frame.labels.lang, shrink: false },
    );
  }
  if (slide.kind !== 'title') {
    frame.slide.slideNumber = {
      x: inch(SLIDE.width - FOOTER.numberRight - 120),
      y: inch(y),
      w: inch(120),
      h: inch(height),
      fontFace: PPTX_FONTS.sans,
      fontSize: pt(size),
      color: hex(muted),
      align: 'right',
      margin: 0,
      valign: 'top',
    } as pptxgenjs.default.SlideNumberProps;
  }
}
