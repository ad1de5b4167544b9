/**
 * Drawing on a PowerPoint slide in the themes' units: px of a 1280×720 slide,
 * which on PowerPoint's 13.333×7.5 in "wide" layout are 1/96 in (0.75 pt) each.
 */

import type pptxgenjs from 'pptxgenjs';
import { directionOf, textDirection } from '../../i18n/catalogs.js';
import { bold as boldFont, mono, sans, textHeight } from '../../plan/fit/blocks.js';
import { SOFT_HYPHEN } from '../../plan/fit/hyphenate.js';
import { textWidth } from '../../plan/fit/text.js';
import { ADDRESS_BREAK, WEB_ADDRESS } from '../../text/address.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import { SLIDE } from '../../theme/geometry.js';

export type Pptx = InstanceType<typeof pptxgenjs.default>;
export type PptxSlide = pptxgenjs.default.Slide;
type TextProps = pptxgenjs.default.TextProps;
type TextOptions = pptxgenjs.default.TextPropsOptions;

export const inch = (px: number) => px / 96;
export const pt = (px: number) => px * 0.75;
/** pptxgenjs colors: hex without '#'. */
export const hex = (color: string) => color.replace('#', '').toUpperCase();

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Run {
  text: string;
  color?: string;
  bold?: boolean;
  /** px; the paragraph's size otherwise. */
  size?: number;
  url?: string;
  /** Starts a new line of the same paragraph. */
  breakBefore?: boolean;
}

/** Runs that keep `lines` as they are: each after the first starts a new line of the paragraph. */
export function lineRuns(lines: readonly string[]): Run[] {
  return lines.map((line, i) => ({ text: line, ...(i > 0 ? { breakBefore: true } : {}) }));
}

export interface Paragraph {
  runs: Run[];
  /** px */
  size: number;
  /** CSS line-height: a multiple of the size. */
  line: number;
  /** px below the paragraph. */
  gap: number;
  color: string;
  bold?: boolean;
  mono?: boolean;
  bullet?: 'disc' | { start: number };
  align?: 'left' | 'center' | 'right';
  /** Letter spacing in px (the pros/cons labels). */
  spacing?: number;
}

/**
 * Text without the soft hyphens the planner put into words too wide for their column: PowerPoint
 * and LibreOffice break such a word themselves, and may not read a soft hyphen as a break.
 */
export function unhyphenated(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '');
}

/** Text as runs, with every web address a clickable link in `linkColor`. */
export function linkedRuns(text: string, linkColor: string, base: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    if (match.index > at) runs.push({ ...base, text: text.slice(at, match.index) });
    // Where the planner breaks a long address (ADDRESS_BREAK) is shown, never linked.
    runs.push({ ...base, text: match[0], url: match[0].replaceAll(ADDRESS_BREAK, ''), color: linkColor });
    at = match.index + match[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ ...base, text: text.slice(at) });
  return runs;
}

/** Height of a paragraph laid out in `width` px, with the planner's font metrics. */
export function paragraphHeight(p: Paragraph, width: number): number {
  const font = p.mono ? mono(p.size) : p.bold ? boldFont(p.size) : sans(p.size);
  const indent = p.bullet ? BULLET_INDENT * p.size : 0;
  // Each line the paragraph breaks itself (`lineRuns`) is measured on its own, not run into the next.
  const lines = [''];
  for (const run of p.runs) {
    if (run.breakBefore) lines.push('');
    lines[lines.length - 1] += run.text;
  }
  return lines.reduce((sum, line) => sum + textHeight(line || ' ', font, { width: width - indent, line: p.line }), 0);
}

/** Height of paragraphs stacked, without the gap after the last one. */
export function paragraphsHeight(paragraphs: Paragraph[], width: number): number {
  return paragraphs.reduce((sum, p, i) => sum + paragraphHeight(p, width) + (i < paragraphs.length - 1 ? p.gap : 0), 0);
}

/** The themes' list indent (`padding-left: 1.2em`). */
const BULLET_INDENT = 1.2;

export interface TextBoxOptions {
  fill?: string;
  /** An outline around the filled box, for a fill too faint for the slide. */
  edge?: string;
  /** px: top, right, bottom, left. */
  padding?: [number, number, number, number];
  radius?: number;
  valign?: 'top' | 'middle' | 'bottom';
  /** Makes this box the slide's title placeholder, which PowerPoint's outline and accessibility checker read. */
  title?: boolean;
  /** Shrink text on overflow (the default); off for labels sized to their one line. */
  shrink?: boolean;
  /** The text's language; a right-to-left one sets the paragraphs right to left, but for code. */
  lang: string;
}

/**
 * A text box with real paragraphs. Sized by the planner's decisions, it also
 * shrinks text on overflow in PowerPoint as a safety net.
 */
export function addTextBox(slide: PptxSlide, box: Box, paragraphs: Paragraph[], options: TextBoxOptions): void {
  // Code reads left to right in any language; the rest of a right-to-left talk is mirrored.
  const rtl = directionOf(options.lang) === 'rtl' && !paragraphs.every((p) => p.mono);
  const props: TextProps[] = [];
  paragraphs.forEach((p, i) => {
    const last = i === paragraphs.length - 1;
    // Each paragraph's text in its own direction, aligned as the talk's: a Latin text of a right-to-left
    // talk reads left to right. A list item keeps its bullet at the talk's side, its text embedded left to right.
    const ownRtl = rtl && !p.mono && textDirection(p.runs.map((run) => run.text).join(''), 'rtl') === 'rtl';
    const embedded = rtl && !p.mono && !ownRtl && p.bullet !== undefined;
    const rightToLeft = ownRtl || embedded;
    p.runs.forEach((run, j) => {
      const endOfParagraph = j === p.runs.length - 1;
      const runOptions: TextOptions = {
        fontFace: p.mono ? PPTX_FONTS.mono : PPTX_FONTS.sans,
        fontSize: pt(run.size ?? p.size),
        color: hex(run.color ?? p.color),
        bold: run.bold ?? p.bold ?? false,
        lang: options.lang,
        ...(run.url ? { hyperlink: { url: run.url, tooltip: run.url } } : {}),
        ...(run.breakBefore ? { softBreakBefore: true } : {}),
        ...(endOfParagraph && !last ? { breakLine: true } : {}),
      };
      // Paragraph properties go on the paragraph's first run.
      if (j === 0) {
        Object.assign(runOptions, {
          lineSpacing: pt(p.size * p.line),
          paraSpaceAfter: last ? 0 : pt(p.gap),
          align: rtl && !p.mono ? mirrored(p.align ?? 'left') : (p.align ?? 'left'),
          // On the paragraph too: pptxgenjs passes the box's rtlMode to its runs, but not in a placeholder.
          ...(rightToLeft ? { rtlMode: true } : {}),
          ...(p.spacing ? { charSpacing: pt(p.spacing) } : {}),
          ...(p.bullet === 'disc' ? { bullet: { indent: pt(BULLET_INDENT * p.size) } } : {}),
          ...(p.bullet && p.bullet !== 'disc'
            ? { bullet: { type: 'number', numberStartAt: p.bullet.start, indent: pt(numberIndent(p, paragraphs)) } }
            : {}),
        });
      }
      const text = unhyphenated(run.text);
      const opened = embedded && j === 0 ? `${LEFT_TO_RIGHT_EMBEDDING}${text}` : text;
      props.push({
        text: embedded && endOfParagraph ? `${opened}${POP_DIRECTIONAL_FORMATTING}` : opened,
        options: runOptions,
      });
    });
  });
  const [top, right, padBottom, left] = options.padding ?? [0, 0, 0, 0];
  const shrink = options.shrink !== false;
  const slack = shrink ? SLACK : 0;
  // A box that shows (a fill or an edge) takes the slack from its padding first, where it has some.
  const shows = options.fill !== undefined || options.edge !== undefined;
  const bottom = shows ? Math.max(0, padBottom - slack) : padBottom;
  slide.addText(props, {
    ...position(grown(box, slack - (padBottom - bottom), options.valign ?? 'top')),
    margin: [pt(left), pt(right), pt(bottom), pt(top)],
    valign: options.valign ?? 'top',
    fit: shrink ? 'shrink' : 'none',
    wrap: true,
    ...(rtl ? { rtlMode: true } : {}),
    ...(options.fill ? { fill: { color: hex(options.fill) } } : {}),
    ...(options.edge ? { line: { color: hex(options.edge), width: pt(EDGE_WIDTH) } } : {}),
    ...(options.radius ? { shape: 'roundRect', rectRadius: inch(options.radius) } : {}),
    ...(options.title ? { placeholder: 'title' } : {}),
  } as TextOptions);
}

/** Unicode's marks around a text that reads left to right inside a right-to-left paragraph. */
const LEFT_TO_RIGHT_EMBEDDING = '\u202a';
const POP_DIRECTIONAL_FORMATTING = '\u202c';

/**
 * Room for the text beyond its planned lines, in px: LibreOffice shrinks all the text of a
 * box (long code by a seventh) unless the box is some 5 px taller than the lines need,
 * which PowerPoint and Chromium fill exactly. Measured in test/pptx.test.ts.
 */
const SLACK = 6;

/** A box `by` px taller, grown away from where its text is anchored, so that the text stays where it was planned. */
function grown(box: Box, by: number, valign: 'top' | 'middle' | 'bottom'): Box {
  const up = valign === 'top' ? 0 : valign === 'middle' ? by / 2 : by;
  return { ...box, y: box.y - up, h: box.h + by };
}

/**
 * The hanging indent of a numbered paragraph: the list's, or wider where its widest
 * number needs it ("10." is wider than the 1.2 em a bullet takes), so that no number runs into its text.
 */
function numberIndent(p: Paragraph, paragraphs: Paragraph[]): number {
  const numbered = paragraphs.filter((q) => q.bullet && q.bullet !== 'disc');
  const first = numbered[0]?.bullet;
  const widest = (first && first !== 'disc' ? first.start : 1) + numbered.length - 1;
  return Math.max(BULLET_INDENT * p.size, textWidth(`${widest}.`, sans(p.size)) + NUMBER_GAP * p.size);
}

/** Room between a list's number and its text, in em. */
const NUMBER_GAP = 0.5;

function mirrored(align: 'left' | 'center' | 'right'): 'left' | 'center' | 'right' {
  return align === 'left' ? 'right' : align === 'right' ? 'left' : align;
}

/** Width in px of the outline around a fill too faint for the slide (the themes' --edge-width). */
export const EDGE_WIDTH = 2;

/** How a rectangle is filled: its color, the radius of its corners, and an outline's color when it needs one. */
export interface RectLook {
  color: string;
  radius?: number;
  edge?: string | undefined;
}

/** A filled rectangle (bars, rules, badges' backgrounds) on `slide`, outlined in `edge` when given. */
export function addRect(
  { pptx, slide }: { pptx: Pptx; slide: PptxSlide },
  box: Box,
  { color, radius = 0, edge }: RectLook,
): void {
  slide.addShape(radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
    ...position(box),
    fill: { color: hex(color) },
    line: edge ? { color: hex(edge), width: pt(EDGE_WIDTH / 2) } : { type: 'none' },
    ...(radius ? { rectRadius: inch(radius) } : {}),
  });
}

/**
 * A right-to-left slide: its left-to-right layout in a mirror, every shape at
 * the mirror image of its place. Text direction and alignment are set where
 * text is drawn (addTextBox, and the table cells' `rtlMode`).
 */
export function mirroredSlide(slide: PptxSlide): PptxSlide {
  const width = inch(SLIDE.width);
  const mirror = <T>(options: T): T => {
    const { x, w } = (options ?? {}) as { x?: unknown; w?: unknown };
    return typeof x === 'number' && typeof w === 'number' ? { ...options, x: width - x - w } : options;
  };
  return new Proxy(slide, {
    get(target, key, receiver) {
      if (key === 'addImage') return (options: pptxgenjs.default.ImageProps) => target.addImage(mirror(options));
      if (key === 'addText' || key === 'addShape' || key === 'addTable') {
        const add = target[key] as (content: unknown, options: unknown) => PptxSlide;
        return (content: unknown, options: unknown) => add.call(target, content, mirror(options));
      }
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      return Reflect.set(target, key, key === 'slideNumber' ? mirror(value) : value, receiver);
    },
  });
}

export function position(box: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(box.x), y: inch(box.y), w: inch(box.w), h: inch(Math.max(box.h, 1)) };
}
