/** Each slide kind's body, laid out as the themes lay it out, under the frame's title. */
import { readFile } from 'node:fs/promises';
import { imageSize } from 'image-size';
import { textDirection } from '../../i18n/catalogs.js';
import { asStored, turnOf } from '../../images/orientation.js';
import { safeSvg } from '../../images/svg.js';
import { own } from '../../outline/own.js';
import type { DeckSlide } from '../../plan/deck.js';
import {
  bold,
  columnGap,
  columnHeading,
  columnHeadingText,
  columnWidth,
  sans,
  tableWidths,
  textHeight,
} from '../../plan/fit/blocks.js';
import { balancedLines, textWidth } from '../../plan/fit/text.js';
import { speakerRows } from '../../plan/fit/title.js';
import { type PlannedQr, qrSvg } from '../../plan/qr.js';
import { readableTextOn } from '../../theme/contrast.js';
import { PPTX_FONTS } from '../../theme/fonts.js';
import {
  AGENDA,
  BODY,
  CODE,
  COLUMN,
  CONTENT,
  DIVIDER,
  dividerHeight,
  H1,
  HEADING_LINE,
  IMAGE,
  LABEL,
  LEAD_CONTENT,
  LEAD_LEFT,
  PAD,
  QR_TEXT_WIDTH,
  QUOTE,
  quoteAuthorSize,
  REFERENCES,
  SLIDE,
  STATEMENT,
  TABLE,
  TIMELINE,
  TITLE_BAR,
  TITLE_SLIDE,
  tablePadX,
  titleSlideHeight,
} from '../../theme/geometry.js';
import { drawChart } from './chart.js';
import { codeRuns } from './code-runs.js';
import {
  addRect,
  addTextBox,
  type Box,
  EDGE_WIDTH,
  hex,
  inch,
  lineRuns,
  linkedRuns,
  type Paragraph,
  paragraphsHeight,
  position,
  pt,
  type Run,
  unhyphenated,
} from './draw.js';
import { bodyBox, contenderColor, drawSlideTitle, drawTitle, edgeFor, type Frame, type TitleLook } from './layout.js';

type Kind<K extends DeckSlide['kind']> = Extract<DeckSlide, { kind: K }>;

/** Image files by the asset names image slides use. */
export type Assets = ReadonlyMap<string, string>;

export async function drawSlide(frame: Frame, slide: DeckSlide, assets: Assets): Promise<void> {
  await drawKind(frame, slide, assets);
  if (slide.qr) drawQr(frame, slide.qr);
}

/**
 * The QR code where the planner placed it (plan/qr.ts), as the slides draw it:
 * the code at the column's foot as an SVG picture (package.ts adds the PNG that
 * LibreOffice and older PowerPoint show), the address above it, right-aligned.
 */
function drawQr(frame: Frame, { text, alt, code, caption, lines }: PlannedQr): void {
  frame.slide.addImage({
    data: `image/svg+xml;base64,${Buffer.from(qrSvg(text)).toString('base64')}`,
    ...position({ x: code.x, y: code.y, w: code.size, h: code.size }),
    altText: alt,
  });
  const paragraph: Paragraph = {
    // On the planned lines: PowerPoint and LibreOffice would break an address after a hyphen.
    runs: lineRuns(lines),
    size: caption.size,
    line: caption.line,
    gap: 0,
    color: frame.palette.muted,
    align: 'right',
  };
  const box = { x: caption.x, y: caption.y, w: caption.width, h: caption.height };
  // An address reads left to right in any talk.
  addTextBox(frame.slide, box, [paragraph], { lang: 'en', valign: 'bottom' });
}

async function drawKind(frame: Frame, slide: DeckSlide, assets: Assets): Promise<void> {
  switch (slide.kind) {
    case 'title':
      return drawTitleSlide(frame, slide);
    case 'divider':
      return drawDivider(frame, slide);
    case 'quote':
      return slide.by ? drawQuote(frame, slide, slide.by) : drawStatement(frame, slide);
  }
  const top = drawSlideTitle(frame, slide);
  const p = frame.palette;
  const text = (value: string, extra: Partial<Paragraph> = {}): Paragraph => ({
    runs: linkedRuns(value, p.link),
    size: BODY.size,
    line: BODY.line,
    gap: BODY.gap,
    color: p.fg,
    ...extra,
  });
  switch (slide.kind) {
    case 'agenda':
      return list(
        frame,
        top,
        slide.items.map((item) => text(item.title, { ...AGENDA, bullet: { start: slide.start ?? 1 } })),
      );
    case 'references':
      return list(
        frame,
        slide.qr ? bodyBox(top, PAD.side, QR_TEXT_WIDTH.body) : top,
        slide.sources.map((line) => {
          const accessed = line.accessed ? `${line.gaps.accessed}${line.accessed}` : '';
          // The address as the slide shows it (shortened when long), linking the whole one.
          const address = line.url
            ? [{ text: line.gaps.address }, { text: line.address ?? line.url, url: line.url, color: p.link }]
            : [];
          return {
            ...text(line.text, { ...REFERENCES, bullet: { start: slide.sources[0]?.number ?? 1 } }),
            runs: [{ text: line.text }, ...address, ...(accessed ? [{ text: accessed }] : [])],
          };
        }),
      );
    case 'bullets':
      return list(frame, top, [
        ...(slide.lead ? [text(slide.lead)] : []),
        ...slide.bullets.map((bullet) => text(bullet, { bullet: 'disc' })),
      ]);
    case 'exercise': {
      return list(frame, top, [
        ...(slide.timeboxLabel ? [text(slide.timeboxLabel, { bold: true })] : []),
        ...slide.task.map((task) => text(task, { bullet: { start: slide.start ?? 1 } })),
      ]);
    }
    case 'comparison':
      return drawTable(frame, slide, top);
    case 'pros-cons':
      drawColumns(
        frame,
        top,
        slide,
        frame.contenders
          .filter((c) => own(slide.pros, c.id) || own(slide.cons, c.id))
          .map((c) => ({
            contender: c.id,
            heading: c.name,
            body: [
              ...labelled(frame, slide.prosLabel.shown, own(slide.pros, c.id), text),
              ...labelled(frame, slide.consLabel.shown, own(slide.cons, c.id), text),
            ],
          })),
      );
      return;
    case 'decision': {
      // The last part may hold the closing line alone (plan/fit/column-kinds.ts).
      const bottom = !slide.choices.length
        ? undefined
        : drawColumns(
            frame,
            top,
            slide,
            slide.choices.map((choice) => ({
              contender: choice.contender,
              heading: choice.label,
              body: choice.when.map((w) => text(w, { bullet: 'disc', gap: COLUMN.itemGap })),
            })),
            // The closing line stands under the columns: their boxes end above it instead of running to the slide's foot.
            !slide.otherwise,
          );
      const under = bottom === undefined ? top : bottom + COLUMN.closingGap;
      if (slide.otherwise) list(frame, under, [text(slide.otherwise)]);
      return;
    }
    case 'code':
      drawColumns(
        frame,
        top,
        slide,
        slide.panes.map((pane) => ({
          contender: pane.contender,
          heading: frame.contenders.find((c) => c.id === pane.contender)?.name ?? pane.contender,
          body: [],
          draw: (x: number, y: number, width: number) => drawCode(frame, slide, pane, x, y, width),
        })),
      );
      return;
    case 'timeline':
      return drawTimeline(frame, slide, top);
    case 'image':
      return drawImage(frame, slide, top, assets);
    case 'chart':
      return drawChart(frame, slide, top);
  }
}

/** Paragraphs in one text box from `top` to the bottom of the content box. */
function list(frame: Frame, top: number | Box, paragraphs: Paragraph[]): void {
  addTextBox(frame.slide, typeof top === 'number' ? bodyBox(top) : top, paragraphs, { lang: frame.labels.lang });
}

function labelled(
  frame: Frame,
  label: string,
  items: string[] | undefined,
  text: (value: string, extra?: Partial<Paragraph>) => Paragraph,
): Paragraph[] {
  if (!items?.length) return [];
  return [
    text(label, {
      size: LABEL.size,
      bold: true,
      color: frame.palette.muted,
      gap: LABEL.gap,
      spacing: LABEL.spacing * LABEL.size,
    }),
    ...items.map((item) => text(item, { bullet: 'disc', gap: COLUMN.itemGap })),
  ];
}

/**
 * Where a block `total` high starts to sit in the middle of the slide's padded area below `from`
 * (by default, all of it), at its top when taller.
 */
function centredTop(total: number, from = PAD.top): number {
  return from + Math.max(0, (SLIDE.height - PAD.bottom - from - total) / 2);
}

function drawTitleSlide(frame: Frame, slide: Kind<'title'>): void {
  const p = frame.palette;
  const width = slide.qr ? QR_TEXT_WIDTH.lead : LEAD_CONTENT.width;
  const size = slide.fit?.title ?? TITLE_SLIDE.size;
  const titleHeight = textHeight(slide.heading, bold(size), { width, line: H1.line });
  const subtitle: Paragraph[] = slide.subtitle
    ? [
        {
          runs: lineRuns(balancedLines(slide.subtitle, bold(slide.fit?.subtitle ?? TITLE_SLIDE.subtitle), width)),
          size: slide.fit?.subtitle ?? TITLE_SLIDE.subtitle,
          line: HEADING_LINE,
          gap: TITLE_SLIDE.subtitleGap,
          color: p.muted,
          bold: true,
        },
      ]
    : [];
  const byline = (line: string): Paragraph => ({
    runs: linkedRuns(line, p.link),
    size: slide.fit?.byline ?? TITLE_SLIDE.byline,
    line: BODY.line,
    gap: TITLE_SLIDE.bylineGap,
    color: p.muted,
  });
  const occasion = slide.occasion ? [byline(slide.occasion)] : [];
  const perRow = slide.fit?.speakers;
  if (!perRow) {
    const below = [...subtitle, ...slide.byline.map(byline), ...occasion];
    drawLeadBlock(frame, {
      title: slide.heading,
      look: { size, color: p.fg, width, bar: TITLE_SLIDE.bar },
      below,
      margin: TITLE_SLIDE.margin,
      height: titleSlideHeight(titleHeight, paragraphsHeight(below, width)),
    });
    return;
  }
  // A panel too long to stack: the speakers two a row, as the slide's grid sets them (plan/fit/title.ts).
  const column = (width - (perRow - 1) * TITLE_SLIDE.speakersGap) / perRow;
  const rows = speakerRows(slide.byline, perRow);
  const spaced = (paragraphs: Paragraph[], within: number) =>
    paragraphs.length ? paragraphsHeight(paragraphs, within) + (paragraphs.at(-1)?.gap ?? 0) : 0;
  const rowHeights = rows.map((row) => Math.max(...row.map((line) => spaced([byline(line)], column))));
  const belowHeight = spaced(subtitle, width) + rowHeights.reduce((a, b) => a + b, 0) + spaced(occasion, width);
  const lang = frame.labels.lang;
  let y =
    drawTitle(frame, slide.heading, {
      size,
      color: p.fg,
      width,
      bar: TITLE_SLIDE.bar,
      x: LEAD_LEFT,
      y: centredTop(titleSlideHeight(titleHeight, belowHeight)),
    }) + TITLE_SLIDE.margin;
  const put = (paragraphs: Paragraph[], x: number, w: number, h: number) => {
    if (paragraphs.length) addTextBox(frame.slide, { x, y, w, h }, paragraphs, { lang });
    y += h;
  };
  put(subtitle, LEAD_LEFT, width, spaced(subtitle, width));
  rows.forEach((row, r) => {
    const top = y;
    row.forEach((line, c) => {
      y = top;
      put([byline(line)], LEAD_LEFT + c * (column + TITLE_SLIDE.speakersGap), column, rowHeights[r] ?? 0);
    });
    y = top + (rowHeights[r] ?? 0);
  });
  put(occasion, LEAD_LEFT, width, spaced(occasion, width));
}

function drawDivider(frame: Frame, slide: Kind<'divider'>): void {
  const p = frame.palette;
  const width = LEAD_CONTENT.width;
  const size = slide.fit?.title ?? DIVIDER.size;
  const summary: Paragraph[] = slide.summary
    ? [
        {
          runs: lineRuns(balancedLines(slide.summary, sans(DIVIDER.summary), width)),
          size: DIVIDER.summary,
          line: BODY.line,
          gap: 0,
          color: p.dividerMuted,
        },
      ]
    : [];
  drawLeadBlock(frame, {
    title: slide.heading,
    look: { size, color: p.dividerFg, width, bar: TITLE_BAR, background: p.dividerBg },
    below: summary,
    margin: H1.margin,
    height: dividerHeight(
      textHeight(slide.heading, bold(size), { width, line: H1.line }),
      paragraphsHeight(summary, width),
    ),
  });
}

/** A title slide's or a divider's block, centred on the slide at the lead column's left. */
interface LeadBlock {
  title: string;
  look: Pick<TitleLook, 'size' | 'color' | 'width' | 'bar' | 'background'>;
  /** The paragraphs under the title, `margin` below its bar. */
  below: Paragraph[];
  margin: number;
  /** The whole block's height. */
  height: number;
}

function drawLeadBlock(frame: Frame, { title, look, below, margin, height }: LeadBlock): void {
  const under = drawTitle(frame, title, { ...look, x: LEAD_LEFT, y: centredTop(height) });
  if (below.length)
    addTextBox(frame.slide, bodyBox(under + margin, LEAD_LEFT, look.width), below, { lang: frame.labels.lang });
}

/** A quote in the middle of the room under its title, as the theme places it. */
function drawQuote(frame: Frame, slide: Kind<'quote'>, by: string): void {
  const p = frame.palette;
  const below = drawSlideTitle(frame, slide) + QUOTE.top;
  const x = PAD.side + QUOTE.bar + QUOTE.indent;
  const width = CONTENT.width - QUOTE.bar - QUOTE.indent;
  const paragraphs: Paragraph[] = [
    {
      runs: linkedRuns(slide.text, p.link),
      size: slide.fit?.text ?? QUOTE.size,
      line: BODY.line,
      gap: BODY.gap,
      color: p.fg,
    },
    {
      runs: [{ text: `— ${by}` }],
      size: quoteAuthorSize(slide.fit?.text ?? QUOTE.size),
      line: BODY.line,
      gap: 0,
      color: p.muted,
    },
  ];
  const height = Math.min(paragraphsHeight(paragraphs, width), SLIDE.height - PAD.bottom - below);
  const top = centredTop(height, below);
  addRect(frame, { x: PAD.side, y: top, w: QUOTE.bar, h: height }, { color: frame.contenders[0]?.color ?? p.fg });
  addTextBox(frame.slide, bodyBox(top, x, width), paragraphs, { lang: frame.labels.lang });
}

/** A quote without an author: a big statement in the middle of the slide, under a small title. */
function drawStatement(frame: Frame, slide: Kind<'quote'>): void {
  const p = frame.palette;
  const titleSize = STATEMENT.title;
  const size = slide.fit?.text ?? STATEMENT.size;
  const statement: Paragraph = {
    // Broken where the slide's `text-wrap: balance` evens the lines.
    runs: lineRuns(balancedLines(slide.text.replace(/\s+/g, ' ').trim(), bold(size), CONTENT.width)),
    size,
    line: STATEMENT.line,
    gap: 0,
    color: p.fg,
    bold: true,
    align: 'center',
  };
  const title = slide.heading;
  const total =
    textHeight(title, bold(titleSize), { width: CONTENT.width, line: H1.line }) +
    H1.after +
    paragraphsHeight([statement], CONTENT.width);
  const top = centredTop(total);
  const under = drawTitle(frame, title, {
    size: titleSize,
    color: p.muted,
    x: PAD.side,
    y: top,
    width: CONTENT.width,
    align: 'center',
    bar: TITLE_BAR,
  });
  addTextBox(frame.slide, bodyBox(under + H1.margin), [statement], { lang: frame.labels.lang });
}

/** A comparison as a native table: header cells in the contenders' colors, the verdict bold with a check mark and a bar. */
function drawTable(frame: Frame, slide: Kind<'comparison'>, top: number): void {
  const p = frame.palette;
  const size = slide.dense ? TABLE.dense : TABLE.size;
  const shown = slide.shown ? frame.contenders.filter((c) => slide.shown?.includes(c.id)) : frame.contenders;
  const widths = slide.widths ?? tableWidths(shown.length);
  const padX = tablePadX(size);
  const margin = [pt(TABLE.padY / 2), pt(padX / 2), pt(TABLE.padY / 2), pt(padX / 2)];
  const rule = { type: 'solid', pt: pt(TABLE.border), color: hex(p.rule) } as const;
  const none = { type: 'none' } as const;
  const rtl = frame.labels.dir === 'rtl';
  const align = rtl ? 'right' : 'left';
  // pptxgenjs writes a cell paragraph's direction from its first run's options; each cell's
  // text reads in its own direction (a Latin text of a right-to-left talk left to right).
  const directed = (text: string) => (rtl && textDirection(text, 'rtl') === 'rtl' ? { rtlMode: true } : {});
  const cellBase = {
    fontFace: PPTX_FONTS.sans,
    fontSize: pt(size),
    margin,
    valign: 'top',
    align,
    lang: frame.labels.lang,
  } as const;
  // A right-to-left table reads from the right: the aspects there, the winner's bar on the cell's right edge.
  const inReadingOrder = <T>(cells: T[]): T[] => (rtl ? [...cells].reverse() : cells);
  const winnerBorder = (color: string) => {
    const border = [none, none, rule, none] as { type: string; pt?: number; color?: string }[];
    border[rtl ? 1 : 3] = { type: 'solid', pt: pt(TABLE.markEdge), color: hex(color) };
    return border;
  };
  const header = [
    { text: '', options: { ...cellBase, ...directed(''), border: [rule, none, rule, none] } },
    ...shown.map((c) => ({
      text: c.name,
      options: {
        ...cellBase,
        ...directed(c.name),
        bold: true,
        color: hex(readableTextOn(c.color)),
        fill: { color: hex(c.color) },
        // A faint header is outlined in the text color, as the slides do.
        border: edgeFor(frame, c.color)
          ? Array(4).fill({ type: 'solid', pt: pt(EDGE_WIDTH), color: hex(p.fg) })
          : [rule, none, rule, none],
      },
    })),
  ];
  const rows = slide.rows.map((row, r) => {
    const fill = r % 2 === 1 ? { fill: { color: hex(p.surface) } } : {};
    const tie = row.verdict === 'tie';
    const aspect = {
      text: [
        { text: unhyphenated(row.aspect), options: { bold: true, color: hex(p.fg), ...directed(row.aspect) } },
        ...(tie
          ? [
              {
                text: ` ${slide.tieLabel.shown}`,
                options: { bold: true, color: hex(p.muted), fontSize: pt(size * TABLE.tie) },
              },
            ]
          : []),
      ],
      options: { ...cellBase, ...fill, border: [none, none, rule, none] },
    };
    const cells = shown.map((c) => {
      const wins = row.verdict === c.id;
      const cell = unhyphenated(own(row.cells, c.id) ?? '');
      return {
        text: [
          { text: cell, options: { bold: wins, color: hex(p.fg), ...directed(cell) } },
          ...(wins ? [{ text: '\u00a0✓', options: { bold: true, color: hex(p.good) } }] : []),
        ],
        options: {
          ...cellBase,
          ...fill,
          border: wins ? winnerBorder(c.color) : [none, none, rule, none],
        },
      };
    });
    return inReadingOrder([aspect, ...cells]);
  });
  // The rows as tall as the planner measured them, the header's first (PowerPoint grows a row whose text needs more).
  const heights = slide.rowHeights ?? [];
  frame.slide.addTable([inReadingOrder(header), ...rows] as never, {
    ...position({ x: PAD.side, y: top, w: CONTENT.width, h: heights.reduce((a, b) => a + b, 0) }),
    colW: inReadingOrder(widths.map((w) => inch(w))),
    rowH: heights.map((h) => inch(h)),
    autoPage: false,
  });
}

interface Column {
  contender: string;
  heading: string;
  body: Paragraph[];
  /** Draws what the column holds under its heading, instead of `body`; returns its height. */
  draw?: (x: number, y: number, width: number) => number;
}

/**
 * Columns side by side, each under a heading in its contender's color, wrapping into a grid
 * as the slide planned them (its `columns` per row, the `slots` of its row each stands in, those
 * `wide` across their row, its headings' common height); returns the y under them. The last
 * row's boxes leave room to the slide's foot for text an editor adds, unless something stands
 * under them (not `open`).
 */
function drawColumns(
  frame: Frame,
  top: number,
  { columns: perRow, slots, wide, fit }: Pick<Kind<'code'>, 'columns' | 'slots' | 'wide' | 'fit'>,
  columns: Column[],
  open = true,
): number {
  const headingLines = fit?.headings ?? 1;
  const across = perRow ?? columns.length;
  const narrow = columnWidth(across);
  const gap = columnGap(across);
  const rows = gridRows(columns, across, slots);
  let y = top;
  for (const [r, row] of rows.entries()) {
    const lastRow = r === rows.length - 1;
    const heights = row.map(({ column, slot }) => {
      const x = PAD.side + slot * (narrow + gap);
      const width = wide?.includes(columns.indexOf(column)) ? columnWidth(1) : narrow;
      const accent = contenderColor(frame, column.contender);
      const heading: Paragraph = {
        // Lines as even as the slide's `text-wrap: balance` makes them: PowerPoint would leave "if…" alone.
        runs: lineRuns(columnHeadingText(column.heading, width)),
        size: BODY.size,
        line: HEADING_LINE,
        gap: 0,
        color: readableTextOn(accent),
        bold: true,
      };
      // As tall as the planner made every heading of the slide (`headingLines`, the slides' `fit-headings`),
      // its text at the top as on the slide: the lists under them start on one line.
      const [headingHeight] = columnHeading(column.heading, width, headingLines);
      addTextBox(frame.slide, { x, y, w: width, h: headingHeight }, [heading], {
        lang: frame.labels.lang,
        fill: accent,
        edge: edgeFor(frame, accent),
        radius: COLUMN.headingRadius,
        padding: [COLUMN.headingPad / 2, COLUMN.headingPadX, COLUMN.headingPad / 2, COLUMN.headingPadX],
        valign: headingLines > 1 ? 'top' : 'middle',
        shrink: false,
      });
      const bodyTop = y + headingHeight + COLUMN.headingGap;
      let bodyHeight = 0;
      if (column.draw) bodyHeight = column.draw(x, bodyTop, width);
      else if (column.body.length) {
        bodyHeight = paragraphsHeight(column.body, width);
        const room = lastRow && open ? SLIDE.height - PAD.bottom - bodyTop : bodyHeight + 8;
        addTextBox(frame.slide, { x, y: bodyTop, w: width, h: Math.max(room, bodyHeight) }, column.body, {
          lang: frame.labels.lang,
        });
      }
      return headingHeight + COLUMN.headingGap + bodyHeight;
    });
    y += Math.max(...heights) + (lastRow ? 0 : gap);
  }
  return y;
}

/** The grid's rows: `across` columns each, or, with `slots`, a new row wherever a slot does not move right. */
function gridRows(columns: Column[], across: number, slots?: readonly number[]): { column: Column; slot: number }[][] {
  const rows: { column: Column; slot: number }[][] = [];
  columns.forEach((column, i) => {
    const slot = slots?.[i] ?? i % across;
    const row = rows.at(-1);
    const previous = row?.at(-1)?.slot;
    if (!row || previous === undefined || slot <= previous) rows.push([{ column, slot }]);
    else row.push({ column, slot });
  });
  return rows;
}

/** A code pane: monospace lines with the highlighter's colors on the code background, then its caption. */
function drawCode(
  frame: Frame,
  slide: Kind<'code'>,
  pane: Kind<'code'>['panes'][number],
  x: number,
  y: number,
  width: number,
): number {
  const p = frame.palette;
  const size = slide.fit?.code ?? CODE.size;
  const code = (pane.code ?? '').replace(/\s+$/, '');
  const lines = codeRuns(code, pane.language).map(
    (runs): Paragraph => ({
      runs: runs.length
        ? runs.map((run): Run => ({ text: run.text, ...(run.token ? { color: p.syntax[run.token] ?? p.fg } : {}) }))
        : [{ text: ' ' }],
      size,
      line: CODE.line,
      gap: 0,
      color: p.fg,
      mono: true,
    }),
  );
  const height = lines.length * size * CODE.line + CODE.padY;
  addTextBox(frame.slide, { x, y, w: width, h: height }, lines, {
    lang: frame.labels.lang,
    fill: p.codeBg,
    radius: CODE.radius,
    padding: [CODE.padY / 2, CODE.padX / 2, CODE.padY / 2, CODE.padX / 2],
  });
  if (!pane.caption) return height;
  const caption: Paragraph = {
    runs: linkedRuns(pane.caption, p.link),
    size: CODE.caption,
    line: BODY.line,
    gap: 0,
    color: p.muted,
  };
  const captionHeight = paragraphsHeight([caption], width);
  addTextBox(frame.slide, { x, y: y + height + CODE.gap, w: width, h: captionHeight }, [caption], {
    lang: frame.labels.lang,
  });
  return height + CODE.gap + captionHeight;
}

/** Dates hanging left of the events, a contender's badge before its event, a rule down the left. */
function drawTimeline(frame: Frame, slide: Kind<'timeline'>, top: number): void {
  const p = frame.palette;
  const { badge: look } = TIMELINE;
  const dateX = PAD.side + TIMELINE.rule + TIMELINE.indent;
  const dateWidth = TIMELINE.date * BODY.size;
  const textX = dateX + dateWidth;
  const gap = slide.fit?.gap ?? TIMELINE.gap;
  let y = top;
  for (const event of slide.events) {
    const who = event.contender ? frame.contenders.find((c) => c.id === event.contender) : undefined;
    const date: Paragraph = {
      runs: [{ text: event.when }],
      size: BODY.size,
      line: BODY.line,
      gap: 0,
      color: p.fg,
      bold: true,
    };
    const dateHeight = paragraphsHeight([date], dateWidth);
    addTextBox(frame.slide, { x: dateX, y, w: dateWidth, h: dateHeight }, [date], {
      lang: frame.labels.lang,
      shrink: false,
    });
    let x = textX;
    if (who) {
      const badgeWidth = textWidth(who.name, sans(look.size)) + 2 * look.padX + 2;
      const badgeHeight = look.size * look.line;
      const badge: Paragraph = {
        runs: [{ text: who.name }],
        size: look.size,
        line: 1.15,
        gap: 0,
        color: readableTextOn(who.color),
        align: 'center',
      };
      addTextBox(
        frame.slide,
        { x, y: y + (BODY.size * BODY.line - badgeHeight) / 2, w: badgeWidth, h: badgeHeight },
        [badge],
        {
          lang: frame.labels.lang,
          fill: who.color,
          edge: edgeFor(frame, who.color),
          radius: look.radius,
          // The name in the middle of its tag, as the slides' badge centres it.
          valign: 'middle',
          shrink: false,
        },
      );
      x += badgeWidth + 8;
    }
    const text: Paragraph = {
      runs: linkedRuns(event.text, p.link),
      size: BODY.size,
      line: BODY.line,
      gap: 0,
      color: p.fg,
    };
    const width = PAD.side + CONTENT.width - x;
    const textHeight = paragraphsHeight([text], width);
    addTextBox(frame.slide, { x, y, w: width, h: textHeight }, [text], { lang: frame.labels.lang });
    y += Math.max(dateHeight, textHeight) + gap;
  }
  addRect(frame, { x: PAD.side, y: top, w: TIMELINE.rule, h: y - gap - top }, { color: p.rule });
}

/** The picture, centered and scaled down to fit as on the slide, described by its alt text; its caption under it. */
async function drawImage(frame: Frame, slide: Kind<'image'>, top: number, assets: Assets): Promise<void> {
  const p = frame.palette;
  const { asset } = slide;
  const file = asset && assets.get(asset.name);
  const caption: Paragraph[] = slide.caption
    ? [
        {
          runs: linkedRuns(slide.caption, p.link),
          size: BODY.size,
          line: BODY.line,
          gap: 0,
          color: p.muted,
          align: 'center',
        },
      ]
    : [];
  const maxHeight = Math.min(slide.fit?.image ?? IMAGE.maxHeight, SLIDE.height - PAD.bottom - top);
  // The picture and its caption stand in the middle of the room under the title, as the theme places them.
  const captionHeight = caption.length ? IMAGE.captionGap + paragraphsHeight(caption, CONTENT.width) : 0;
  const middle = (h: number) => centredTop(h + captionHeight, top);
  let box: Box = { x: PAD.side, y: middle(maxHeight), w: CONTENT.width, h: maxHeight };
  if (asset && file) {
    const read = await readFile(file);
    const size = sizeOf(read);
    // A photo stored sideways is turned by its frame, as browsers turn it by its EXIF orientation.
    const turn = turnOf(size.orientation);
    const sideways = turn.rotate === 90 || turn.rotate === 270;
    // The SVG PowerPoint draws names nothing outside itself, like the PNG drawn from it (./package.ts).
    const data = asset.type === 'svg' ? Buffer.from(safeSvg(read.toString('utf8'))) : asStored(read);
    const stored = { w: size.width ?? CONTENT.width, h: size.height ?? maxHeight };
    const natural = sideways ? { w: stored.h, h: stored.w } : stored;
    // An SVG with only a viewBox has no size of its own: the browser scales it to the room it has.
    const sizeless = size.type === 'svg' && !/<svg\b[^>]*\swidth=/.test(data.toString('utf8'));
    const scale = Math.min(sizeless ? Number.POSITIVE_INFINITY : 1, CONTENT.width / natural.w, maxHeight / natural.h);
    const w = natural.w * scale;
    const h = natural.h * scale;
    box = { x: PAD.side + (CONTENT.width - w) / 2, y: middle(h), w, h };
    // The frame holds the stored pixels: turned a quarter, it is as wide as the box is tall, on the same centre.
    const frameBox = sideways ? { x: box.x + (w - h) / 2, y: box.y + (h - w) / 2, w: h, h: w } : box;
    const type = size.type === 'svg' ? 'svg+xml' : size.type === 'jpg' ? 'jpeg' : (size.type ?? 'png');
    frame.slide.addImage({
      data: `image/${type};base64,${data.toString('base64')}`,
      ...position(frameBox),
      ...(turn.rotate ? { rotate: turn.rotate } : {}),
      ...(turn.flipH ? { flipH: true } : {}),
      altText: slide.alt.replace(/\s+/g, ' ').trim(),
    });
  }
  if (caption.length)
    addTextBox(frame.slide, bodyBox(box.y + box.h + IMAGE.captionGap), caption, { lang: frame.labels.lang });
}

/** The picture's size and type; a format image-size cannot read (AVIF) is placed as a square at most. */
function sizeOf(data: Buffer): { width?: number; height?: number; type?: string; orientation?: number } {
  try {
    return imageSize(data);
  } catch {
    const avif = data.subarray(4, 12).toString('latin1').startsWith('ftypavi');
    return { width: IMAGE.maxHeight, height: IMAGE.maxHeight, type: avif ? 'avif' : 'png' };
  }
}
