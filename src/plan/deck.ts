/** The deck model: what the planner produces and every renderer and exporter reads. */
import type { LabelOverrides } from '../i18n/labels.js';
import type { Where } from '../outline/origin.js';
import type { Contender, Slide, Source } from '../outline/schema.js';
import type { Palette } from '../theme/palette.js';
import type { PlannedQr } from './qr.js';

export interface NumberedSource extends Source {
  /** 1-based number shown on slides ("[3]") and on the References slide. */
  number: number;
  /** The address as slides and handout show it, linking `url`: shortened when long (see shortAddress). */
  address?: string;
}

interface Planned {
  title: string;
  /** The title as every output shows it: with the continuation counter, "History (1/2)", in the talk's language. */
  heading: string;
  notes: string;
  /** What only the speaker sees (`privateNotes`): on a slide's first part only, never in an attendee output. */
  privateNotes?: string;
  minutes: number;
  /** When it is up, as the run sheet, the script, the handout and the presenter view write it. */
  times: SlideTimes;
  /** The minutes the author set for the whole slide (all its parts); absent when estimated from the notes. */
  timebox?: number;
  /** Numbers of the sources this slide cites, ascending. */
  citations: number[];
  /** The line at the slide's foot naming them, "Sources: [1] [3]" in the talk's language; absent when it cites none. */
  sourcesLine?: string;
  /** Where the slide was written, for the positions of findings about it. */
  origin: Where;
  /** An exercise's number in the talk, 1-based; its title already starts with it ("Exercise 2: …"). */
  exerciseNumber?: number;
  /** Title of the section the slide belongs to (none for the title and agenda slides). */
  section?: string;
  /** Content so long that the slide uses the theme's smaller text (`dense` class). */
  dense?: boolean;
  /** For a slide split into continuation slides: which part this is. */
  part?: { index: number; count: number };
  /** The QR code to the talk (title and closing slides), in the column theme/geometry.ts's `QR_CODE` sets. */
  qr?: PlannedQr;
  /** Sizes the planner chose so that the content fits (absent: the theme's own). */
  fit?: SlideFit;
  /** Number of the first item of a numbered list continued from the previous part. */
  start?: number;
  /** Ids of the contenders a comparison part shows, when it shows only some of them. */
  shown?: string[];
  /** A comparison's column widths in px, padding included, the aspect's first; they add up to the content width. */
  widths?: number[];
  /** A comparison's row heights in px, its header's first: at least what each row's text needs, as the planner measured it. */
  rowHeights?: number[];
  /** Columns side by side (pros/cons, decision, code); more wrap into a grid. */
  columns?: number;
  /**
   * The cell of its row (0-based) each column stands in, when a continuation
   * slide leaves out the columns that ended earlier: the others keep their places.
   */
  slots?: number[];
  /**
   * Columns (by their place on the slide) that span the whole row: a code pane alone in the last
   * row of a grid, laid out at the full width instead of wrapping its lines beside an empty cell.
   */
  wide?: number[];
}

/** A slide's start and end on the talk's clock ("12:30", from the talk's start) and its length ("2.5 min"). */
export interface SlideTimes {
  start: string;
  length: string;
  end: string;
}

/** Sizes in px that differ from the theme's, chosen per slide by the planner. */
export interface SlideFit {
  /** The slide title (h1). */
  title?: number;
  /** The title slide's subtitle and byline, when the smallest title leaves them too little room. */
  subtitle?: number;
  byline?: number;
  /** The speakers side by side, this many a row, when a panel stacked one a line does not fit. */
  speakers?: number;
  /** Code in panes. */
  code?: number;
  /** A quote's or a statement's text. */
  text?: number;
  /** The largest height an image may take. */
  image?: number;
  /** The gap between a timeline's events, when closing it up saves a slide. */
  gap?: number;
  /** Lines every column heading of the slide takes, when the tallest takes more than one. */
  headings?: number;
}

/** A source as the References slide shows it: each piece of its line, planned once. */
export interface ReferenceLine {
  number: number;
  /** Title and publisher, each ending as a sentence: "Introducing Keras 3. keras.io." */
  text: string;
  /** The address as browsers write it (normalized). */
  url?: string;
  /** The address as the line shows it, linking `url`: shortened when long. */
  address?: string;
  /** "(accessed 20 November 2026)", in the talk's language and its parentheses. */
  accessed?: string;
  /** The space before the address and before `accessed`: none beside full-width punctuation (text/spacing.ts). */
  gaps: { address: '' | ' '; accessed: '' | ' ' };
}

export type GeneratedSlide =
  /** `byline`: a line per speaker; `occasion`: the event and the date, under them. */
  | { kind: 'title'; subtitle?: string; byline: string[]; occasion?: string }
  | { kind: 'agenda'; items: { title: string; summary?: string }[] }
  | { kind: 'divider'; summary?: string }
  | { kind: 'references'; sources: ReferenceLine[] };

/** Omit that keeps a union a union. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An authored slide's content, without the fields the planner replaces. */
export type AuthoredContent = OmitEach<Slide, 'title' | 'notes' | 'privateNotes' | 'minutes' | 'sources' | 'origin'>;

/**
 * A word the themes show in capitals (CSS `text-transform: uppercase`):
 * `text` as the talk words it, for the markdown (its theme sets the case; a
 * screen reader reads the word), and `shown`, upper-cased as the browser does
 * in the talk's language, for the outputs that draw it and for measuring.
 */
export interface CapsLabel {
  text: string;
  shown: string;
}

type AuthoredComparison = Extract<AuthoredContent, { kind: 'comparison' }>;

/** A comparison as planned: the words of its table, the aspect column's header (for screen readers) and a tie's badge. */
export type PlannedComparison = AuthoredComparison & { aspectLabel: string; tieLabel: CapsLabel };

type AuthoredProsCons = Extract<AuthoredContent, { kind: 'pros-cons' }>;

/** Pros and cons as planned: the labels over each contender's two lists. */
export type PlannedProsCons = AuthoredProsCons & { prosLabel: CapsLabel; consLabel: CapsLabel };

type AuthoredDecision = Extract<AuthoredContent, { kind: 'decision' }>;

/** A decision guide as planned: every column's heading resolved, the author's or "Choose <name> if…". */
export type PlannedDecision = Omit<AuthoredDecision, 'choices'> & {
  choices: (AuthoredDecision['choices'][number] & { label: string })[];
};

type AuthoredExercise = Extract<AuthoredContent, { kind: 'exercise' }>;

/** An exercise as planned: the line over its steps, the time the author set ("10 min"), when they set one. */
export type PlannedExercise = AuthoredExercise & { timeboxLabel?: string };

/** An authored chart, as the planner reads it. */
export type AuthoredChart = Extract<AuthoredContent, { kind: 'chart' }>;

/** A piece of text in a chart: its lines, the middle of its first line at `y`, its `anchor` edge at `x`. */
export interface ChartText {
  lines: string[];
  x: number;
  y: number;
  /** Which edge of the text stands at `x`: left, centre or right (absolute, whatever the direction). */
  anchor: 'left' | 'center' | 'right';
  size: number;
  bold?: boolean;
  /** In the theme's muted color (ticks, "n/a", the caption). */
  muted?: boolean;
}

export interface ChartLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One bar: a contender's value in one group, its rectangle (empty for a missing value) and its value's text. */
export interface ChartBar {
  contender: string;
  /** The group it belongs to, an index into the part's `groups`. */
  group: number;
  value: number | null;
  /** The best value of its group (the highest, or the lowest when lower is better): marked by a symbol, not color alone. */
  best: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  label: ChartText;
}

/** A chart laid out, in px of its box (the content box's width, under the title): what every output draws. */
export interface ChartGeometry {
  width: number;
  height: number;
  /** Bars grow along x (long labels beside them) or, false, along y (columns, labels under them). */
  horizontal: boolean;
  /** The metric's name, unit and which way is better. */
  caption: ChartText;
  /** The contenders' colors, when groups show several bars each. */
  legend: { contender: string; x: number; y: number; size: number; label: ChartText }[];
  plot: { x: number; y: number; width: number; height: number };
  /** Gridlines at the ticks, and the ticks' values. */
  grid: ChartLine[];
  ticks: ChartText[];
  /** The line bars grow from (zero, or the axis's start). */
  baseline: ChartLine;
  /** Each group's label (a contender's name when each has one bar). */
  categories: ChartText[];
  bars: ChartBar[];
}

/** A chart as planned: the contenders it shows, this part's groups, and its geometry. */
export interface PlannedChart {
  kind: 'chart';
  metric: AuthoredChart['metric'];
  scale: 'linear' | 'log';
  /**
   * The value axis's range, the same on every part (the PowerPoint chart's too), and on a
   * linear axis the step between its ticks, so that the PowerPoint's gridlines are the slide's.
   */
  axis: { min: number; max: number; step?: number };
  /** How its values and ticks are written: as usual ("1,250", "1.2M"), or all in scientific notation. */
  notation: 'usual' | 'scientific';
  /** The most decimals a value of the whole chart (every part) has as written, two at most. */
  decimals: number;
  /** The most decimals a tick of the axis has, two at most. */
  tickDecimals: number;
  /** Ids of the contenders with a bar in each group, in the talk's order. */
  series: string[];
  /** This part's groups: a label (none when the chart has one value each) and a value per series, null when missing. */
  groups: { label?: string; values: (number | null)[]; texts: string[] }[];
  /** The caption's words, for outputs that write it themselves: "Step time (ms), lower is better". */
  caption: string;
  /** The words of its table for screen readers: the groups' column header ("Aspect") and a best value's mark ("best"). */
  groupLabel: string;
  bestLabel: string;
  chart: ChartGeometry;
}

/** An authored slide's content as planned: what every output shows. */
export type SlideContent =
  | Exclude<
      AuthoredContent,
      AuthoredComparison | AuthoredProsCons | AuthoredDecision | AuthoredExercise | AuthoredChart
    >
  | PlannedComparison
  | PlannedProsCons
  | PlannedDecision
  | PlannedExercise
  | PlannedChart;

/** What the fitting reads: the planned content, and charts as authored (their geometry is fitted). */
export type FitInput = Exclude<SlideContent, PlannedChart> | AuthoredChart;

export type DeckSlide = Planned & (GeneratedSlide | SlideContent);
export type DeckSlideKind = DeckSlide['kind'];

export interface DeckMeta {
  title: string;
  subtitle?: string;
  speakers: { name: string; role?: string; contact?: string }[];
  event?: string;
  date?: string;
  /** The date as the talk's language writes it ("Dezember 2026"), or as written when it is no date. */
  dateText?: string;
  lang: string;
  /** The outline's own wording of generated text (`labels:`), over the language's catalog. */
  labels?: LabelOverrides;
  slug: string;
  /** The HTML's public address, for link previews. */
  url?: string;
  theme: string;
  /** The theme's colors, for what is computed or drawn without its CSS (outlines, contrast, the PowerPoint). */
  palette: Palette;
  /** Time budget in minutes, from the profile or the outline. */
  duration?: number;
  profile?: string;
}

export interface Deck {
  meta: DeckMeta;
  contenders: Contender[];
  sources: NumberedSource[];
  /** Every source's line, as the References slides and the handout's list show it, under the References slides' title. */
  references: { title: string; lines: ReferenceLine[] };
  slides: DeckSlide[];
  /** Sum of the slides' minutes. */
  minutes: number;
  /** The talk's length as the outputs write it: "34 slides", "22 min", and its slot's, "25 min", when it has one. */
  length: { slides: string; minutes: string; slot?: string };
  /**
   * Code run before each block of its language, by language as the outline's `run.setup` names it:
   * the notebooks and exercise files start with it, as `check --run` runs it first.
   */
  setup?: Record<string, string>;
  /**
   * The programs that run each language's code, as the outline's `run.runners` names them (`false`:
   * never run): the exercise files say how to run them with these.
   */
  runners?: Record<string, string | string[] | false>;
}
