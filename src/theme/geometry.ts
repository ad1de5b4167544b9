/**
 * The built-in themes' sizes, in px of the 1280×720 slide, as themes/versus.css
 * sets them: one table that the planner (plan/fit) lays slides out with and
 * the native PowerPoint draws them with. test/theme.test.ts reads the CSS for
 * them, and the fit tests compare the planner's heights with what Chromium lays out.
 */

export const SLIDE = { width: 1280, height: 720 };
/** The section's padding: 48px top, 64px sides and bottom. */
export const PAD = { top: 48, side: 64, bottom: 64 };
/** The title slide and dividers are indented by 96px instead of 64px. */
export const LEAD_LEFT = 96;
/** The section's content box: the slide less its padding. */
export const CONTENT = { width: SLIDE.width - 2 * PAD.side, height: SLIDE.height - PAD.top - PAD.bottom };
/** The content box of the title slide and dividers. */
export const LEAD_CONTENT = { width: SLIDE.width - LEAD_LEFT - PAD.side, height: CONTENT.height };

/** Body text, and the gap below its paragraphs and list items. */
export const BODY = { size: 28, line: 1.35, gap: 12 };
/** The lists' indent (`padding-inline-start: 1.2em`). */
export const LIST_INDENT = 1.2;
/** Line height of h2 and h3 headings (the default theme's). */
export const HEADING_LINE = 1.25;

/** The two-tone bar under a slide's title: its size and the gap above it. */
export const TITLE_BAR = { width: 112, height: 6, gap: 14 };
const H1_MARGIN = 28;
/** A slide's title: shrinks from `size` to `min`; `margin` below its bar; `after`: the room bar and margin take under the text. */
export const H1 = {
  size: 44,
  min: 32,
  line: 1.15,
  margin: H1_MARGIN,
  after: TITLE_BAR.gap + TITLE_BAR.height + H1_MARGIN,
};

/** The title slide: its title (from `size` down to `min`) with a bigger bar, then the subtitle and the byline, `margin` below. */
export const TITLE_SLIDE = {
  size: 68,
  min: 40,
  bar: { width: 180, height: 10, gap: 22 },
  margin: 20,
  subtitle: 34,
  subtitleGap: 16,
  byline: BODY.size,
  bylineGap: 6,
  /** The smallest sizes the subtitle and the byline shrink to (many speakers, a long subtitle). */
  minSubtitle: 26,
  minByline: 20,
  /** Between the speakers' columns, when a panel too long to stack sets them two a row. */
  speakersGap: 32,
};
/** A section's divider: its title (from `size` down to `min`) and the section's summary under it. */
export const DIVIDER = { size: 60, min: 36, summary: 32 };

/** Height of the title slide's block: the title's text (`title` px), its bar, and what stands below (`below` px, or 0). */
export function titleSlideHeight(title: number, below: number): number {
  return title + TITLE_SLIDE.bar.gap + TITLE_SLIDE.bar.height + (below ? TITLE_SLIDE.margin + below : 0);
}

/**
 * Height of a divider's block: the title's text (`title` px), its bar, and the summary (`below` px, or 0)
 * the title's margin below it. Without a summary the margin stands under nothing: the slide centres
 * the title and its bar alone.
 */
export function dividerHeight(title: number, below: number): number {
  return title + TITLE_BAR.gap + TITLE_BAR.height + (below ? H1.margin + below : 0);
}

/**
 * The QR code to the talk's address on the title and closing slides: a column
 * `column` px wide at the slide's inline end, `gap` px from the text, holding
 * the address (`caption` px text, at most `captionLines` lines) above the code.
 * The code is a `size` px square (28 % of the slide's height; its modules
 * 4.5 to 6 px for an address of 40 to 100 characters), with `quiet` modules
 * of white around them, dark on white in both themes.
 */
export const QR_CODE = {
  size: 200,
  column: 240,
  gap: 24,
  caption: 18,
  captionLine: 1.3,
  captionLines: 3,
  /** Between the address and the code. */
  captionGap: 8,
  quiet: 2,
};
/** The text's width on a slide that carries the QR code: the content box less the code's column and gap. */
export const QR_TEXT_WIDTH = {
  lead: LEAD_CONTENT.width - QR_CODE.column - QR_CODE.gap,
  body: CONTENT.width - QR_CODE.column - QR_CODE.gap,
};

/** Font size and gap between items of the agenda and of the references. */
export const AGENDA = { size: 32, gap: 10 };
export const REFERENCES = { size: 24, gap: 8 };

export const TABLE = {
  size: 24,
  /** For five or six contenders, or a row too long at `size`. */
  dense: 20,
  line: 1.3,
  /** A cell's padding, both sides together: 8px 14px each (10px at the dense size, which leaves the words more room). */
  padY: 16,
  padX: 28,
  densePadX: 20,
  border: 1,
  /** The aspect column's share of the width. */
  aspectShare: 0.24,
  /** The verdict's bar at the start of the winning cell. */
  markEdge: 6,
  /** A tie's word beside the aspect, in em of the table's size. */
  tie: 0.9,
  /** Its badge's frame, in px: its margin (8) and its padding (6) and border (2) on both sides. */
  tieFrame: 8 + 2 * 6 + 2 * 2,
};

/** A table cell's horizontal padding, both sides together, at `size` px. */
export function tablePadX(size: number): number {
  return size <= TABLE.dense ? TABLE.densePadX : TABLE.padX;
}

/** Code panes: from `size` down to `min`; padding both sides together (14px 16px each), `gap` below. */
/** Code panes; `caption`: the size of the line under a pane (its file's name), muted, as a figure's. */
export const CODE = { size: 20, min: 16, line: 1.4, padY: 28, padX: 32, gap: 10, radius: 8, caption: 20 };

/**
 * Columns are grid items, so the last margin inside one counts towards its height
 * (`trailing`); between list items the default theme's 0.25em (7px) beats their own 6px.
 */
export const COLUMN = {
  gap: 28,
  narrowGap: 20,
  /** A column's colored heading: padding both sides together (6px 14px each), corner, gap below. */
  headingPad: 12,
  headingPadX: 14,
  headingRadius: 6,
  headingGap: 12,
  itemGap: 7,
  trailing: 6,
  /** Above a line under the columns (a decision's closing line). */
  closingGap: 16,
};

/** The pros' and cons' labels in a column: uppercase, letter-spaced (in em), muted. */
export const LABEL = { size: 24, gap: 6, spacing: 0.06 };

/**
 * A timeline: a rule down the left, events indented past it, each date at least
 * `date` em wide and `dateGap` em before the event when it is wider; a contender's badge after the date.
 */
export const TIMELINE = {
  rule: 4,
  indent: 24,
  date: 6.5,
  dateGap: 0.5,
  gap: 14,
  /** The gap events close to when that keeps them on one slide fewer: the bullets' own. */
  minGap: BODY.gap,
  badge: { size: 22, line: 1.4, padX: 8, radius: 4 },
};

/**
 * A quote: its text (from `size` down to `min`) indented by its bar and padding, in the middle
 * of the room under the title and at least `top` below it.
 */
export const QUOTE = { size: 48, min: 24, top: 24, bar: 8, indent: 28 };
/** The author's line under a quote: the body's size, never larger than the quote's own. */
export const quoteAuthorSize = (quote: number): number => Math.min(BODY.size, quote);
/** A statement (a quote without an author): big bold text (from `size` down to `min`) under a smaller title. */
export const STATEMENT = { size: 72, min: 32, line: 1.15, title: 32 };
/**
 * An image: at most `maxHeight` tall, all the room under a one-line title (less, down to
 * `minHeight`, for a longer title or a caption); its caption below.
 */
export const IMAGE = { maxHeight: 488, minHeight: 120, captionGap: 12 };

/** The sources line (at the left padding) and the slide number, `bottom` above the slide's edge. */
export const FOOTER = { size: 18, line: 1.35, bottom: 20, numberRight: 40 };

/**
 * A chart (an SVG the planner lays out, under the title): text sizes of its category labels,
 * values, axis ticks, caption and legend; bars (`minBar` to `maxBar` thick) and the gaps between them.
 */
export const CHART = {
  label: 24,
  value: 22,
  tick: 20,
  caption: 22,
  legend: 22,
  line: 1.25,
  /** Between bars of one group, between groups, between a bar's end and its value. */
  barGap: 4,
  groupGap: 18,
  valueGap: 8,
  /** Between tick labels or category labels and the plot. */
  axisGap: 10,
  /** Below the caption and the legend. */
  blockGap: 12,
  minBar: 26,
  maxBar: 64,
  /**
   * Bars this thin, their values this size, when that keeps a chart on one slide
   * that would otherwise take two (a value's line, 20 px, within a bar and its gap).
   */
  compactBar: 18,
  compactValue: 16,
  /** The widest column, when bars stand up. */
  maxColumn: 120,
  /** A legend's color square and the gap after each entry. */
  swatch: 18,
  legendGap: 28,
  /** The most of the width category labels beside horizontal bars take. */
  labelShare: 0.32,
  /** The lowest plot a chart keeps for its bars. */
  minPlot: 120,
  grid: 1,
  axis: 2,
  /** The outline of a bar whose color is faint on the slide (as --edge-width outlines a table header). */
  edge: 2,
};
