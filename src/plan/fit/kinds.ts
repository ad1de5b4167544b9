/**
 * One fitting strategy per slide kind. Sequences split into continuation
 * parts, code and titles scale within readable limits, long code lines wrap,
 * quotes and statements are sized to their length, and columns re-lay out for
 * the number of contenders. Pure: the same slide always gives the same parts.
 */
import type { Contender } from '../../outline/schema.js';
import type { SlideContent, SlideFit } from '../deck.js';
import { codeBreakCost, codeUnits, pageCode, unitSizes, wrapCodeLine } from './code.js';
import { type ColumnLayout, planColumns } from './columns.js';
import {
  BODY,
  bodyBudget,
  bold,
  CODE,
  COLUMN,
  CONTENT,
  codeHeight,
  columnHeading,
  columnWidth,
  H1,
  HEADING_LINE,
  LEAD_CONTENT,
  listItem,
  paragraph,
  sans,
  stack,
  TABLE,
  tableRow,
  tableWidths,
  textHeight,
  titleHeight,
  titleSize,
} from './geometry.js';
import { paginate, type Sized, slices } from './paginate.js';
import { textWidth } from './text.js';

/** One slide of the parts a slide becomes. */
export interface Part<C = SlideContent> {
  content: C;
  fit: SlideFit;
  start?: number;
  shown?: string[];
  dense?: boolean;
  /** Columns side by side, for the kinds laid out in columns. */
  columns?: number;
}

type Body<C> = (budget: number) => Part<C>[];

/**
 * Lays the body out under the title, then once more if the parts' "(1/2)"
 * counter makes the title take more room. Shrinks a long title first.
 */
export function underTitle<C>(title: string, body: Body<C>): Part<C>[] {
  const sized = (text: string) => {
    const size = titleSize(text, H1.size, H1.min, 2, CONTENT.width);
    return { size, budget: bodyBudget(titleHeight(text, size)) };
  };
  let heading = sized(title);
  let parts = body(heading.budget);
  if (parts.length > 1) {
    heading = sized(`${title} (${parts.length}/${parts.length})`);
    parts = body(heading.budget);
  }
  const fit = heading.size < H1.size ? { title: heading.size } : {};
  return parts.map((part) => ({ ...part, fit: { ...fit, ...part.fit } }));
}

/** The parts of an authored slide. */
export function fitContent(content: SlideContent, title: string, contenders: readonly Contender[]): Part[] {
  const nameOf = (id: string) => contenders.find((c) => c.id === id)?.name ?? id;
  switch (content.kind) {
    case 'bullets':
      return underTitle(title, (budget) => {
        const lead = content.lead ? stack([paragraph(content.lead, CONTENT.width)]) + BODY.gap : 0;
        return listParts(
          content.bullets,
          budget,
          lead,
          (b) => listItem(b, CONTENT.width),
          (bullets) => ({
            ...content,
            bullets,
          }),
        );
      });
    case 'exercise':
      return underTitle(title, (budget) => {
        const label = BODY.size * BODY.line + BODY.gap;
        return listParts(
          content.task,
          budget,
          label,
          (step) => listItem(step, CONTENT.width),
          (task) => ({
            ...content,
            task,
          }),
        );
      });
    case 'timeline':
      return underTitle(title, (budget) =>
        listParts(
          content.events,
          budget,
          0,
          (event) => timelineItem(event.when, event.contender && nameOf(event.contender), event.text),
          (events) => ({ ...content, events }),
        ),
      );
    case 'comparison':
      return underTitle(title, (budget) => tableParts(content, budget, contenders));
    case 'pros-cons':
      return underTitle(title, (budget) => prosConsParts(content, budget, contenders));
    case 'decision':
      return underTitle(title, (budget) => decisionParts(content, budget, nameOf));
    case 'code':
      return underTitle(title, (budget) => codeParts(content, budget, nameOf));
    case 'quote':
      return underTitle(title, (budget) => quoteParts(content, budget));
    case 'image':
      return underTitle(title, (budget) => {
        const caption = content.caption ? stack([paragraph(content.caption, CONTENT.width)]) + BODY.gap : 0;
        // The theme lets an image take up to 430px; less when a long title or caption needs the room.
        const image = Math.max(120, Math.floor(Math.min(IMAGE_HEIGHT, budget - caption - 12)));
        return [{ content, fit: image < IMAGE_HEIGHT ? { image } : {} }];
      });
  }
}

/** A list split into parts; numbered lists continue their numbers. */
export function listParts<T, C = SlideContent>(
  items: readonly T[],
  budget: number,
  overhead: number,
  size: (item: T) => Sized,
  make: (items: T[]) => C,
): Part<C>[] {
  const pages = paginate(items.map(size), budget, overhead) ?? items.map((_, i): [number, number] => [i, i + 1]);
  return pages.map(([from, to]) => ({
    content: make(items.slice(from, to)),
    fit: {},
    ...(from > 0 ? { start: from + 1 } : {}),
  }));
}

function timelineItem(when: string, who: string | undefined, text: string): Sized {
  // The date is bold and at least 6.5em wide, hanging left of the text; a badge (22px, 8px padding) may follow it.
  const date = 6.5 * BODY.size;
  const space = textWidth(' ', sans(BODY.size));
  const badge = who ? textWidth(who, sans(22)) + 16 + space : 0;
  const indent = Math.max(0, textWidth(when, bold(BODY.size)) - date) + space + badge;
  return [textHeight(text, sans(BODY.size), CONTENT.width - 4 - 24 - date, BODY.line, indent), 14];
}

/** A comparison table: rows split over parts, the header repeated; contenders grouped when a row cannot fit. */
function tableParts(
  content: Extract<SlideContent, { kind: 'comparison' }>,
  budget: number,
  contenders: readonly Contender[],
): Part[] {
  for (let groups = 1; groups <= contenders.length; groups++) {
    const per = Math.ceil(contenders.length / groups);
    for (const dense of per > 4 ? [true] : [false, true]) {
      const size = dense ? TABLE.dense : TABLE.size;
      const parts = tableGroups(content, budget, contenders, groups, size);
      if (parts) return parts.map((part) => ({ ...part, ...(dense ? { dense } : {}) }));
    }
  }
  // Unreachable for valid outlines (a row's cells are bounded); one row per part as a last resort.
  return content.rows.map((row) => ({ content: { ...content, rows: [row] }, fit: {}, dense: true }));
}

function tableGroups(
  content: Extract<SlideContent, { kind: 'comparison' }>,
  budget: number,
  contenders: readonly Contender[],
  groups: number,
  size: number,
): Part[] | undefined {
  const parts: Part[] = [];
  const per = Math.ceil(contenders.length / groups);
  for (let from = 0; from < contenders.length; from += per) {
    const shown = contenders.slice(from, from + per);
    const widths = tableWidths(shown.length);
    const header = tableRow([{ text: '' }, ...shown.map((c) => ({ text: c.name, bold: true }))], widths, size);
    const rows = content.rows.map(
      (row): Sized => [
        tableRow(
          [
            { text: row.aspect, bold: true },
            ...shown.map((c) => ({
              text: `${row.cells[c.id] ?? ''}${row.verdict === c.id ? ' ✓' : ''}`,
              bold: row.verdict === c.id,
            })),
          ],
          widths,
          size,
        ),
        0,
      ],
    );
    const pages = paginate(rows, budget, header);
    if (!pages) return undefined;
    for (const page of slices(content.rows, pages)) {
      parts.push({
        content: { ...content, rows: page },
        fit: {},
        ...(groups > 1 ? { shown: shown.map((c) => c.id) } : {}),
      });
    }
  }
  return parts;
}

/**
 * Pros and cons: one column per contender, its pros then its cons. When they
 * need more than one slide, the pros and the cons get slides of their own if
 * that takes no more slides than mixing them.
 */
function prosConsParts(
  content: Extract<SlideContent, { kind: 'pros-cons' }>,
  budget: number,
  contenders: readonly Contender[],
): Part[] {
  const label = BODY.size * BODY.line + 6;
  const plan = (sides: ('pros' | 'cons')[]): Part[] | undefined => {
    const itemsOf = (c: Contender) =>
      sides.flatMap((side) => (content[side][c.id] ?? []).map((text) => ({ side, text })));
    const shown = contenders.filter((c) => itemsOf(c).length > 0);
    const layout = (column: number, width: number): ColumnLayout => {
      const contender = shown[column] as Contender;
      const labels = sides.filter((side) => content[side][contender.id]?.length).length;
      return {
        // Each part repeats the heading and, at most, both labels.
        overhead: stack([columnHeading(contender.name, width)]) + COLUMN.headingGap + labels * label + COLUMN.trailing,
        items: itemsOf(contender).map((item) => listItem(item.text, width, BODY.size, COLUMN.itemGap)),
      };
    };
    const plan = planColumns(shown.length, budget, layout, (n) => n <= MAX_TEXT_COLUMNS);
    return plan?.slides.map((slide) => {
      const lists = { pros: {} as Record<string, string[]>, cons: {} as Record<string, string[]> };
      for (const { column, from, to } of slide.columns) {
        const contender = shown[column] as Contender;
        for (const item of itemsOf(contender).slice(from, to)) {
          const list = lists[item.side][contender.id] ?? [];
          list.push(item.text);
          lists[item.side][contender.id] = list;
        }
      }
      return { content: { ...content, ...lists }, fit: {}, columns: plan.perRow };
    });
  };
  const together = plan(['pros', 'cons']);
  if (together?.length === 1) return together;
  const pros = plan(['pros']);
  const cons = plan(['cons']);
  if (pros && cons && (!together || pros.length + cons.length <= together.length)) return [...pros, ...cons];
  return together ?? [{ content, fit: {} }];
}

/** Decision guide: a column per choice; the closing line under them on the last part. */
function decisionParts(
  content: Extract<SlideContent, { kind: 'decision' }>,
  budget: number,
  nameOf: (id: string) => string,
): Part[] {
  const { otherwise, ...choices } = content;
  const closing = otherwise ? stack([paragraph(otherwise, CONTENT.width)]) + 16 : 0;
  const layout = (column: number, width: number): ColumnLayout => {
    const choice = content.choices[column] as (typeof content.choices)[number];
    return {
      overhead:
        stack([columnHeading(choice.label ?? `Choose ${nameOf(choice.contender)} if…`, width)]) +
        COLUMN.headingGap +
        COLUMN.trailing,
      items: choice.when.map((w) => listItem(w, width, BODY.size, COLUMN.itemGap)),
    };
  };
  const plan = planColumns(content.choices.length, budget, layout, (n) => n <= MAX_TEXT_COLUMNS, closing);
  if (!plan) return [{ content, fit: {} }];
  const parts = plan.slides.length;
  const perRow = plan.perRow;
  return plan.slides.map((slide, i) => ({
    content: {
      ...choices,
      choices: slide.columns.map(({ column, from, to }) => {
        const choice = content.choices[column] as (typeof content.choices)[number];
        return { ...choice, when: choice.when.slice(from, to) };
      }),
      ...(otherwise && i === parts - 1 ? { otherwise } : {}),
    },
    fit: {},
    columns: perRow,
  }));
}

/** Prose columns narrower than a quarter of the slide read badly: more contenders take more slides. */
const MAX_TEXT_COLUMNS = 4;

const IMAGE_HEIGHT = 430;

const CODE_SIZES = [CODE.size, 19, 18, 17, CODE.min];
/** A pane narrower than this many characters (or its longest line) is too narrow to read. */
const MIN_CODE_COLUMNS = 40;
/** Code may shrink this far to keep its lines whole; smaller sizes only where they save a slide. */
const AVOID_WRAP_DOWN_TO = 18;

/**
 * Code panes: the size at which the fewest slides hold every pane (at 16px at
 * the least), and among those the one that wraps the fewest lines down to 18px,
 * else the largest. Lines still too long wrap to the pane.
 */
function codeParts(
  content: Extract<SlideContent, { kind: 'code' }>,
  budget: number,
  nameOf: (id: string) => string,
): Part[] {
  const panes = content.panes;
  const longest = Math.max(
    ...panes.flatMap((p) => (p.code ?? '').split('\n').map((l) => l.replace(/\s+$/u, '').length)),
  );
  const lineTotal = panes.reduce((sum, p) => sum + (p.code ?? '').replace(/\s+$/u, '').split('\n').length, 0);
  let best: { parts: Part[]; slides: number; wraps: number } | undefined;
  for (const size of CODE_SIZES) {
    const char = textWidth('0', { face: 'mono', size });
    const wrapped = new Map<string, string[][]>();
    const displayed = (pane: number, width: number) => {
      const key = `${pane}@${width}`;
      if (!wrapped.has(key)) {
        // Tabs become four spaces: a browser would give each one 8 columns.
        const code = (panes[pane]?.code ?? '').replace(/\s+$/u, '').replace(/\t/g, '    ');
        wrapped.set(
          key,
          code.split('\n').map((line) => wrapCodeLine(line, (width - CODE.padX) * 0.985, size)),
        );
      }
      return wrapped.get(key) ?? [];
    };
    const lineHeight = size * CODE.line;
    const unitsOf = (pane: number, width: number, overhead: number) =>
      codeUnits(displayed(pane, width), lineHeight, budget - overhead);
    const overheadOf = (pane: number, width: number) => {
      const caption = panes[pane]?.caption;
      return (
        stack([columnHeading(nameOf(panes[pane]?.contender ?? ''), width)]) +
        COLUMN.headingGap +
        codeHeight(0, size) +
        (caption ? CODE.gap + stack([paragraph(caption, width)]) + COLUMN.trailing : CODE.gap)
      );
    };
    const plan = planColumns(
      panes.length,
      budget,
      (pane, width) => {
        const overhead = overheadOf(pane, width);
        const units = unitsOf(pane, width, overhead);
        return { overhead, items: unitSizes(units, size), breakCost: codeBreakCost(units, budget) };
      },
      (n) => (columnWidth(n) - CODE.padX) / char >= Math.min(MIN_CODE_COLUMNS, longest),
    );
    if (!plan) continue;
    const width = columnWidth(plan.perRow);
    const wraps = panes.reduce((sum, _, pane) => sum + displayed(pane, width).flat().length, 0) - lineTotal;
    // Fewest slides first; then, down to 18px, fewer wrapped lines; then the largest size.
    const better =
      !best ||
      plan.slides.length < best.slides ||
      (plan.slides.length === best.slides && size >= AVOID_WRAP_DOWN_TO && wraps < best.wraps);
    if (!better) continue;
    const parts = plan.slides.map((slide) => ({
      content: {
        ...content,
        panes: slide.columns.map(({ column, from, to }) => {
          const pane = panes[column] as (typeof panes)[number];
          const units = unitsOf(column, width, overheadOf(column, width)).slice(from, to);
          return { ...pane, code: pageCode(units) || ' ' };
        }),
      },
      fit: size === CODE.size ? {} : { code: size },
      columns: plan.perRow,
    }));
    best = { parts, slides: parts.length, wraps };
    if (parts.length === 1 && wraps === 0) break;
  }
  return best?.parts ?? [{ content, fit: {} }];
}

const QUOTE = { size: 36, min: 24 };
const STATEMENT = { size: 72, min: 32 };

/** A quote or a statement at the largest size that fits; one too long for the smallest splits between sentences. */
function quoteParts(content: Extract<SlideContent, { kind: 'quote' }>, budget: number): Part[] {
  const statement = !content.by;
  const { size: largest, min } = statement ? STATEMENT : QUOTE;
  // A quote is indented by its 8px bar and 28px padding, 24px below the title, with its author under it.
  const width = statement ? CONTENT.width : CONTENT.width - 36;
  const overhead = content.by ? 24 + BODY.gap + textHeight(`— ${content.by}`, sans(BODY.size), width) : 0;
  const height = (text: string, size: number) =>
    statement ? textHeight(text, bold(size), width, 1.15) : textHeight(text, sans(size), width);
  for (let size = largest; size >= min; size -= 2) {
    if (overhead + height(content.text, size) <= budget)
      return [{ content, fit: size === largest ? {} : { text: size } }];
  }
  const sentences = content.text.match(/[^.!?。！？]+[.!?。！？]*\s*/gu) ?? [content.text];
  const pieces = sentences.flatMap((s) => (overhead + height(s, min) <= budget ? [s] : s.split(/(?<=\s)/u)));
  const pages = paginate(
    pieces.map((piece): Sized => [height(piece, min), 0]),
    budget,
    overhead,
  ) ?? [[0, pieces.length]];
  return slices(pieces, pages).map((page) => ({
    content: { ...content, text: page.join('').trim() },
    fit: { text: min },
  }));
}

/** The agenda's numbered sections (32px, 10px apart), split like any list. */
export function fitAgenda<T, C>(
  title: string,
  items: readonly T[],
  text: (item: T) => string,
  make: (items: T[]) => C,
): Part<C>[] {
  return underTitle(title, (budget) =>
    listParts(items, budget, 0, (item) => listItem(text(item), CONTENT.width, 32, 10), make),
  );
}

/** The References slide's numbered sources (24px, 8px apart). */
export function fitReferences<T, C>(
  title: string,
  items: readonly T[],
  text: (item: T) => string,
  make: (items: T[]) => C,
): Part<C>[] {
  return underTitle(title, (budget) =>
    listParts(items, budget, 0, (item) => listItem(text(item), CONTENT.width, 24, 8), make),
  );
}

const TITLE_SLIDE = { size: 68, min: 40, subtitle: 34, byline: BODY.size };
const DIVIDER = { size: 60, min: 36, summary: 32 };

/** The title slide's title size: the largest that leaves room for the subtitle and the byline. */
export function fitTitleSlide(title: string, subtitle: string | undefined, byline: readonly string[]): SlideFit {
  const below = stack([
    ...(subtitle
      ? [[textHeight(subtitle, bold(TITLE_SLIDE.subtitle), LEAD_CONTENT.width, HEADING_LINE), 16] as Sized]
      : []),
    ...byline.map((line): Sized => [textHeight(line, sans(TITLE_SLIDE.byline), LEAD_CONTENT.width), 6]),
  ]);
  const size = largestTitle(title, TITLE_SLIDE, (h) => h + 20 + 22 + 10 + (below ? 20 + below : 0));
  return size === TITLE_SLIDE.size ? {} : { title: size };
}

/** A divider's title size: the largest that leaves room for the section's summary. */
export function fitDivider(title: string, summary: string | undefined): SlideFit {
  const below = summary ? textHeight(summary, sans(DIVIDER.summary), LEAD_CONTENT.width) + 12 : 0;
  const size = largestTitle(title, DIVIDER, (h) => h + H1.after + below);
  return size === DIVIDER.size ? {} : { title: size };
}

function largestTitle(
  title: string,
  sizes: { size: number; min: number },
  total: (titleHeight: number) => number,
): number {
  for (let size = sizes.size; size > sizes.min; size -= 4) {
    if (total(textHeight(title, bold(size), LEAD_CONTENT.width, H1.line)) <= LEAD_CONTENT.height - 8) return size;
  }
  return sizes.min;
}
