/**
 * The frame every slide shares: background, title with its two-tone bar,
 * sources footer and slide number, placed as themes/versus.css places them.
 */
import type pptxgenjs from 'pptxgenjs';
import type { Labels } from '../../i18n/labels.js';
import type { Contender } from '../../outline/schema.js';
import type { DeckSlide } from '../../plan/deck.js';
import { bold } from '../../plan/fit/blocks.js';
import { balancedLines } from '../../plan/fit/text.js';
import { edgeOn } from '../../theme/contrast.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { CONTENT, FOOTER, H1, PAD, SLIDE, TITLE_BAR } from '../../theme/geometry.js';
import type { Palette } from '../../theme/palette.js';
import {
  addRect,
  addTextBox,
  type Box,
  hex,
  inch,
  lineRuns,
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

/** The outline a shape filled with `color` needs on the slide: the text color, for a color under 3:1 against it. */
export function edgeFor(frame: Frame, color: string): string | undefined {
  return edgeOn(color, frame.palette.bg, frame.palette.fg);
}

/** A contender's color and the readable text color on it. */
export function contenderColor(frame: Frame, id: string): string {
  return frame.contenders.find((c) => c.id === id)?.color ?? frame.palette.fg;
}

/**
 * The bar under a title: one segment per contender (two-tone for two), as the themes draw it.
 * A segment faint on the slide's `background` outlines the bar in `edge` (--bar-edge).
 */
export function titleBar(
  frame: Frame,
  { x, y, w: width, h: height }: Box,
  { background, edge: outline }: { background: string; edge: string },
): void {
  const colors = barColors(
    frame.contenders.map((c) => c.color),
    frame.palette.fg,
  );
  const edge = colors.some((color) => edgeOn(color, background, outline)) ? outline : undefined;
  // Widest first, each narrower one over it from the left: the segments keep the bar's round ends.
  for (let i = colors.length - 1; i >= 0; i--) {
    addRect(
      frame,
      { x, y, w: (width * (i + 1)) / colors.length, h: height },
      {
        color: colors[i] as string,
        radius: height / 2,
        edge,
      },
    );
  }
}

/** The colors of a title bar's segments, left to right: one contender's fills both halves. */
export function barColors(colors: readonly string[], fallback: string): string[] {
  const [first = fallback, second = first] = colors;
  return colors.length > 2 ? [...colors] : [first, second];
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
  /** The slide's background, when not the palette's (a divider's): the bar is outlined in `color` where faint on it. */
  background?: string;
}

/** Draws a slide title (as the slide's title placeholder) and its bar; returns the y under the bar. */
export function drawTitle(frame: Frame, text: string, look: TitleLook): number {
  // Broken where the slides' `text-wrap: balance` evens the lines: PowerPoint would leave "hands-" above a lone "on".
  const lines = balancedLines(text, bold(look.size), look.width);
  const paragraph: Paragraph = {
    runs: lineRuns(lines),
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
  titleBar(
    frame,
    { x: barX, y: barY, w: look.bar.width, h: look.bar.height },
    { background: look.background ?? frame.palette.bg, edge: look.color },
  );
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

/** The slide's sources line ("Sources: [1] [2]", as planned) at the bottom left and the slide number at the bottom right, muted. */
export function drawFooter(frame: Frame, slide: DeckSlide, muted: string): void {
  const { size, line } = FOOTER;
  const height = size * line;
  const y = SLIDE.height - FOOTER.bottom - height;
  if (slide.sourcesLine) {
    addTextBox(
      frame.slide,
      { x: PAD.side, y, w: 900, h: height },
      [{ runs: [{ text: slide.sourcesLine }], size, line, gap: 0, color: muted }],
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
