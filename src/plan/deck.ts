/** The deck model: what the planner produces and every renderer and exporter reads. */
import type { LabelOverrides } from '../labels.js';
import type { Where } from '../outline/origin.js';
import type { Contender, Slide, Source } from '../outline/schema.js';

export interface NumberedSource extends Source {
  /** 1-based number shown on slides ("[3]") and on the References slide. */
  number: number;
}

interface Planned {
  title: string;
  /** The title as every output shows it: with the continuation counter, "History (1/2)", in the talk's language. */
  heading: string;
  notes: string;
  /** What only the speaker sees (`privateNotes`): on a slide's first part only, never in an attendee output. */
  privateNotes?: string;
  minutes: number;
  /** The minutes the author set for the whole slide (all its parts); absent when estimated from the notes. */
  timebox?: number;
  /** Numbers of the sources this slide cites, ascending. */
  citations: number[];
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
  /** Sizes the planner chose so that the content fits (absent: the theme's own). */
  fit?: SlideFit;
  /** Number of the first item of a numbered list continued from the previous part. */
  start?: number;
  /** Ids of the contenders a comparison part shows, when it shows only some of them. */
  shown?: string[];
  /** A comparison's column widths in px, padding included, the aspect's first; they add up to the content width. */
  widths?: number[];
  /** Columns side by side (pros/cons, decision, code); more wrap into a grid. */
  columns?: number;
  /**
   * The cell of its row (0-based) each column stands in, when a continuation
   * slide leaves out the columns that ended earlier: the others keep their places.
   */
  slots?: number[];
}

/** Sizes in px that differ from the theme's, chosen per slide by the planner. */
export interface SlideFit {
  /** The slide title (h1). */
  title?: number;
  /** Code in panes. */
  code?: number;
  /** A quote's or a statement's text. */
  text?: number;
  /** The largest height an image may take. */
  image?: number;
}

/** A source as the References slide shows it: each piece of its line, planned once. */
export interface ReferenceLine {
  number: number;
  /** Title and publisher, each ending as a sentence: "Introducing Keras 3. keras.io." */
  text: string;
  /** The address as browsers write it (normalized). */
  url?: string;
  /** "accessed 20 November 2026", in the talk's language. */
  accessed?: string;
}

export type GeneratedSlide =
  | { kind: 'title'; subtitle?: string; byline: string[] }
  | { kind: 'agenda'; items: { title: string; summary?: string }[] }
  | { kind: 'divider'; summary?: string }
  | { kind: 'references'; sources: ReferenceLine[] };

/** Omit that keeps a union a union. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An authored slide's content, without the fields the planner replaces. */
export type AuthoredContent = OmitEach<Slide, 'title' | 'notes' | 'privateNotes' | 'minutes' | 'sources'>;

type AuthoredDecision = Extract<AuthoredContent, { kind: 'decision' }>;

/** A decision guide as planned: every column's heading resolved, the author's or "Choose <name> if…". */
export type PlannedDecision = Omit<AuthoredDecision, 'choices'> & {
  choices: (AuthoredDecision['choices'][number] & { label: string })[];
};

type AuthoredExercise = Extract<AuthoredContent, { kind: 'exercise' }>;

/** An exercise as planned: the line over its steps, the time the author set ("10 min"), when they set one. */
export type PlannedExercise = AuthoredExercise & { timeboxLabel?: string };

/** An authored slide's content as planned: what every output shows. */
export type SlideContent =
  | Exclude<AuthoredContent, AuthoredDecision | AuthoredExercise>
  | PlannedDecision
  | PlannedExercise;

export type DeckSlide = Planned & (GeneratedSlide | SlideContent);
export type DeckSlideKind = DeckSlide['kind'];

export interface DeckMeta {
  title: string;
  subtitle?: string;
  speakers: { name: string; role?: string; contact?: string }[];
  event?: string;
  date?: string;
  lang: string;
  /** The outline's own wording of generated text (`labels:`), over the language's catalog. */
  labels?: LabelOverrides;
  slug: string;
  /** The HTML's public address, for link previews. */
  url?: string;
  theme: string;
  /** Time budget in minutes, from the profile or the outline. */
  duration?: number;
  profile?: string;
}

export interface Deck {
  meta: DeckMeta;
  contenders: Contender[];
  sources: NumberedSource[];
  slides: DeckSlide[];
  /** Sum of the slides' minutes. */
  minutes: number;
}
