/**
 * What the HTML's presenter view shows beyond marp-cli's: each slide's planned
 * start and length, as the run sheet and the speaker's script print them, the
 * slot, and every control's words in the talk's language. Pure; the HTML export
 * sets it in the page as JSON (export/presenter-script.ts reads it there).
 */
import { PAGE_KEYS } from '../i18n/catalog.js';
import { type Labels, labelsFor } from '../i18n/labels.js';
import type { Deck } from './deck.js';
import { startTimes } from './timing.js';

export interface PacedSlide {
  /** Planned start, in seconds from the talk's start. */
  start: number;
  /** Planned length, in seconds. */
  length: number;
  /** The start as the run sheet's "starts" column writes it: "12:30". */
  startText: string;
  /** The length as the run sheet's "minutes" column writes it: "2.5 min". */
  lengthText: string;
}

/** The words the page sets; `{n}`, `{count}` and `{time}` are filled in the browser. */
const WORDS = [...PAGE_KEYS, 'starts'] as const;

export type PresenterWord = (typeof WORDS)[number];

export interface PresenterPlan {
  lang: string;
  dir: Labels['dir'];
  /** The slot (the profile's or the outline's duration), in seconds, when the talk has one. */
  slot?: number;
  slides: PacedSlide[];
  words: Record<PresenterWord, string>;
}

/**
 * The presenter view's plan of a deck: one entry per slide, in the deck's order.
 *
 * @example
 * planPresenter(deck).slides[3]; // { start: 270, length: 150, startText: '4:30', lengthText: '2.5 min' }
 */
export function planPresenter(deck: Deck): PresenterPlan {
  const labels = labelsFor(deck);
  const starts = startTimes(deck.slides);
  const seconds = (minutes: number) => Math.round(minutes * 60);
  return {
    lang: labels.lang,
    dir: labels.dir,
    ...(deck.meta.duration === undefined ? {} : { slot: seconds(deck.meta.duration) }),
    slides: deck.slides.map((slide, i) => {
      const start = starts[i] ?? 0;
      return {
        start: seconds(start),
        length: seconds(slide.minutes),
        startText: slide.times.start,
        lengthText: slide.times.length,
      };
    }),
    words: Object.fromEntries(WORDS.map((key) => [key, labels.t(key)])) as Record<PresenterWord, string>,
  };
}
