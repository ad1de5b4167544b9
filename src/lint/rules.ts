/**
 * The lint rules of a planned deck: what a speaker would want to know before
 * the talk. Pure: findings from the deck, the outline it was planned from and
 * a way to place a finding in the outline's files; no files, no browser.
 * `check` runs every rule; `build` shares the slot and overflow rules.
 */

import { baseLanguage, CATALOGS, catalogFor } from '../i18n/catalogs.js';
import { formatMinutes, labelsFor } from '../i18n/labels.js';
import { type Where, within } from '../outline/origin.js';
import { own } from '../outline/own.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck, DeckSlide } from '../plan/deck.js';
import { codeLanguageOf, solutionOf } from '../plan/exercises.js';
import { presenterNotes } from '../plan/presenter-notes.js';
import { countWords, DEFAULT_CHARACTERS_PER_MINUTE, MIN_MINUTES, spokenLength } from '../plan/timing.js';
import { type Comment, sourceFileOf } from '../shared/languages.js';
import { contrastRatio, DARK_TEXT, NON_TEXT_CONTRAST, readableTextOn } from '../theme/contrast.js';
import { CONTENT, IMAGE } from '../theme/geometry.js';
import { chartParts, lintChart } from './chart-rules.js';
import type { Finding } from './finding.js';
import { lintLanguages, lintRunLanguages } from './language-rules.js';
import { lintLeftOut } from './left-out-rules.js';
import { lintListCommas } from './list-rules.js';
import type { SlideMeasure } from './measure.js';
import { lintReading } from './reading-rules.js';
import { lintTagTypos } from './tag-rules.js';

export type { Finding, FindingCode } from './finding.js';

/** What the rules read besides the deck. */
export interface LintInput {
  deck: Deck;
  outline: Outline;
  at: (where: Where) => FilePosition;
  /** Whether the text at `where` is written in quotes (which says its author meant it whole). */
  quoted: (where: Where) => boolean;
  /** Over the slot is an error when the slot was asked about (`check --profile`), else a warning. */
  overBudget: Finding['severity'];
}

/** A talk that fills less of its slot than this is reported as far too short. */
const UNDER_BUDGET = 0.75;

/** Kinds whose content states facts, so they should cite a source. */
const CLAIM_KINDS = new Set<DeckSlide['kind']>(['comparison', 'timeline', 'bullets', 'chart']);

/** An authored slide the planner splits into more parts than this is reported: too much for one slide. */
const MANY_PARTS = 3;

/** What to do about a slide split into many parts, by its kind. */
const FEWER_PARTS: Partial<Record<DeckSlide['kind'], string>> = {
  code: 'Show the lines that make the point (shorter or fewer panes), or make it separate slides, each with its own title and notes.',
};

/** Where a slide's notes are written: versus makes the title slide, the agenda, the dividers and the References. */
const NOTES_GO: Record<string, string> = {
  title: 'Write the title slide\'s notes as "notes:" at the top of the outline.',
  agenda: 'Write them as "agenda: { notes: … }", or leave the agenda out with "agenda: false".',
  divider: 'Write them as the section\'s "notes:", or leave the dividers out with "dividers: false".',
  references: 'Write them as "references: { notes: … }".',
  slide: 'Add "notes:" to the slide: what you will say while it is up.',
};

/** What a section says on its divider slide (its summary on the agenda too), and what to do instead. */
const DIVIDER_FIELDS = {
  notes: ['notes', 'Move them to the notes of the section\'s first slide, or take out "dividers: false".'],
  privateNotes: [
    'private notes',
    'Move them to the private notes of the section\'s first slide, or take out "dividers: false".',
  ],
  minutes: ["minutes (its divider's speaking time)", 'Give the minutes to its slides, or take out "dividers: false".'],
  summary: ['a summary', 'Say it in the notes of the section\'s first slide, or take out "dividers: false".'],
} as const;

/**
 * With `dividers: false`, what a section says on its divider is said nowhere: its notes, private
 * notes, minutes and summary (the agenda lists the sections' titles only).
 */
export function lintSectionsWithoutDividers(outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  if (outline.dividers !== false) return [];
  return outline.sections.flatMap((section, i) =>
    (Object.keys(DIVIDER_FIELDS) as (keyof typeof DIVIDER_FIELDS)[]).flatMap((field): Finding[] =>
      section[field] === undefined
        ? []
        : [
            {
              severity: 'warning',
              code: 'unshown-section-field',
              message: `section "${section.title}" has ${DIVIDER_FIELDS[field][0]}, which its divider slide would show, but the outline has "dividers: false": they are in no output`,
              hint: DIVIDER_FIELDS[field][1],
              ...at(within(section.origin ?? ['sections', i], field)),
            },
          ],
    ),
  );
}

/**
 * The References slide's notes and private notes when the talk has no References slide (the
 * outline lists no sources): they would be said nowhere.
 */
export function lintReferencesWithoutSlide(
  deck: Deck,
  outline: Outline,
  at: (where: Where) => FilePosition,
): Finding[] {
  const { references } = outline;
  if (!references || deck.slides.some((slide) => slide.kind === 'references')) return [];
  return (['notes', 'privateNotes'] as const).flatMap((field): Finding[] =>
    references[field] === undefined
      ? []
      : [
          {
            severity: 'warning',
            code: 'unshown-notes',
            message: `references has ${field === 'notes' ? 'notes' : 'private notes'} for the References slide, but the outline lists no sources, so the talk has no References slide: they are in no output`,
            hint: 'List the sources the talk draws on (sources: [{ id, title, url }]), or move these notes to the last slide.',
            ...at(['references', field]),
          },
        ],
  );
}

/**
 * A talk in a language versus has no catalog for: the words it adds are English, set in the
 * talk's direction ("…Choose SQLite if" in a Hebrew talk). Said once, unless `labels:` reword some.
 */
function lintUntranslated(outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const lang = outline.lang;
  if (!lang || baseLanguage(lang) === 'en' || outline.labels) return [];
  // Chinese in traditional characters (zh-TW, zh-Hant) reads the simplified catalog.
  const traditional = baseLanguage(lang) === 'zh' && /-(hant|tw|hk|mo)\b/i.test(lang);
  if (catalogFor(lang) !== CATALOGS.en && !traditional) return [];
  const words = traditional ? 'in simplified Chinese characters' : 'in English';
  return [
    {
      severity: 'warning',
      code: 'untranslated-language',
      message: `versus has no words in "${lang}": what it adds to the slides (the agenda, "Choose … if…", pros and cons, exercises, sources) is ${words}`,
      hint: "Write them in the talk's language under labels: (`versus schema` lists the keys), e.g. labels: { agenda: …, references: … }.",
      ...at(['lang']),
    },
  ];
}

/** Every finding about the planned deck's slides (in the order of the talk), its colors and its sources. */
export function lintDeck({ deck, outline, at, quoted }: LintInput): Finding[] {
  const findings: Finding[] = [];
  const deckContenders = deck.contenders.length;
  const labels = labelsFor(deck);
  const codeLanguage = codeLanguageOf(deck);
  const closing = closingSummary(deck);
  deck.slides.forEach((slide, i) => {
    const isContinuation = (slide.part?.index ?? 1) > 1;
    // A slide without notes is reported once (an exercise's solution counts: the presenter has it under the slide);
    // parts left without any when the first part has some ran out of paragraphs: told once, at the first such part.
    const firstPart = deck.slides[i - (slide.part?.index ?? 1) + 1];
    const notesRanOut = isContinuation && firstPart !== undefined && presenterNotes(firstPart, labels).length > 0;
    const silent = (part: DeckSlide | undefined) => part !== undefined && presenterNotes(part, labels).length === 0;
    if (silent(slide) && (!isContinuation || (notesRanOut && !silent(deck.slides[i - 1])))) {
      const partsLeft = (slide.part?.count ?? 1) - (slide.part?.index ?? 1);
      const last = i + partsLeft;
      const without = deck.slides.slice(i, last + 1).filter(silent).length;
      findings.push({
        severity: 'warning',
        code: 'missing-notes',
        message: !notesRanOut
          ? `slide ${i + 1} "${slide.heading}" has no speaker notes`
          : without > 1
            ? `slides ${i + 1}–${last + 1} of "${slide.title}": ${without} of its parts have no speaker notes, as its notes have fewer paragraphs than parts; add one, after a blank line, for what to say on each`
            : `slide ${i + 1} "${slide.heading}" has no speaker notes: the slide's notes have fewer paragraphs than parts; add one, after a blank line, for what to say here`,
        ...(notesRanOut ? {} : { hint: NOTES_GO[slide.kind] ?? NOTES_GO.slide }),
        ...at(slide.origin),
        slide: i + 1,
      });
    }
    // Five or more contenders side by side take the theme's 20px table text by design: nothing the author
    // could shorten makes it larger, so only a row too long for 24px is reported.
    const manyContenders = slide.kind === 'comparison' && (slide.shown?.length ?? deckContenders) > 4;
    if (slide.dense && !isContinuation && !manyContenders) {
      findings.push({
        severity: 'warning',
        code: 'small-text',
        message: `slide ${i + 1} "${slide.heading}" uses 20px table text, for a row too long for 24px; shorten the cells to keep it readable`,
        ...at(slide.origin),
        slide: i + 1,
      });
    }
    const parts = slide.part?.count ?? 1;
    if (parts > MANY_PARTS && !isContinuation && slide.kind !== 'agenda' && slide.kind !== 'references') {
      findings.push({
        severity: 'warning',
        code: 'many-parts',
        message: `slide ${i + 1} "${slide.title}" (${slide.kind}) is too long for one slide and becomes ${parts} slides (${i + 1}–${i + parts})`,
        hint: FEWER_PARTS[slide.kind] ?? 'Shorten it, or make it separate slides, each with its own title and notes.',
        ...at(slide.origin),
        slide: i + 1,
      });
    }
    if (slide.kind === 'chart' && !isContinuation) findings.push(...lintChart(chartParts(deck.slides, i), i + 1, at));
    const solution = solutionOf(slide);
    if (
      slide.kind === 'exercise' &&
      solution &&
      !slide.language &&
      codeLanguage &&
      readsAsWords(solution, deck.meta.lang)
    ) {
      findings.push({
        severity: 'warning',
        code: 'solution-in-words',
        message: `the solution of "${slide.heading}" reads as words, yet it is taken as ${codeLanguage} code (the language of the talk's code panes): the kit shows it as code, and check --run runs it`,
        ...at(within(slide.origin, 'solution')),
        hint: 'Write language: text on the exercise for an answer in words.',
        slide: i + 1,
      });
    }
    const pixels = slide.kind === 'image' ? slide.asset?.pixels : undefined;
    if (pixels && pixels.width < CONTENT.width / 2 && pixels.height < IMAGE.maxHeight / 2) {
      findings.push({
        severity: 'warning',
        code: 'small-image',
        message: `slide ${i + 1} "${slide.heading}" shows its picture at ${pixels.width}×${pixels.height} px, a small part of the slide: a picture is never enlarged, which would blur it`,
        hint: `Use a larger picture (${CONTENT.width}×${IMAGE.maxHeight} px fills the room, twice that stays sharp on the slide images) or an SVG, which scales.`,
        ...at(within(slide.origin, 'src')),
        slide: i + 1,
      });
    }
    if (CLAIM_KINDS.has(slide.kind) && slide.citations.length === 0 && !isContinuation && i !== closing) {
      findings.push({
        severity: 'warning',
        code: 'missing-source',
        message: `slide ${i + 1} "${slide.heading}" (${slide.kind}) cites no source`,
        ...at(slide.origin),
        slide: i + 1,
      });
    }
  });
  findings.push(
    ...lintListCommas(deck, outline, at, quoted),
    ...lintLanguages(deck, outline, at),
    ...lintRunLanguages(outline, at),
    ...lintTagTypos(outline, at),
    ...lintStarterIsSolution(deck, at),
    ...lintSectionsWithoutDividers(outline, at),
    ...lintReferencesWithoutSlide(deck, outline, at),
    ...lintUntranslated(outline, at),
    ...lintLeftOut(deck, outline, at),
    ...lintReading(deck, outline, at),
  );
  const background = deck.meta.palette.bg;
  for (const [i, contender] of outline.contenders.entries()) {
    // The contender's table header, title-bar segment, chart bars and highlights are filled with its color.
    const onSlide = contrastRatio(contender.color, background);
    if (onSlide < NON_TEXT_CONTRAST) {
      const shade = readableTextOn(background) === DARK_TEXT ? 'darker' : 'lighter';
      findings.push({
        severity: 'warning',
        code: 'contrast',
        message: `${contender.name}'s color ${contender.color} has ${onSlide.toFixed(2)}:1 against the ${deck.meta.theme} theme's background ${background} (WCAG non-text contrast asks 3:1): the theme outlines its table header, column headings, title-bar segment and chart bars so that they show; a ${shade} shade stands out by itself`,
        ...at(['contenders', i, 'color']),
      });
    }
    const ratio = contrastRatio(contender.color, readableTextOn(contender.color));
    if (ratio < 4.5) {
      findings.push({
        severity: 'warning',
        code: 'contrast',
        message: `text on ${contender.name}'s color ${contender.color} reaches only ${ratio.toFixed(2)}:1 (WCAG AA needs 4.5:1); pick a darker or lighter shade`,
        ...at(['contenders', i, 'color']),
      });
    }
  }
  for (const source of unusedSources(deck)) {
    const index = outline.sources.findIndex((s) => s.id === source);
    findings.push({
      severity: 'warning',
      code: 'unused-source',
      message: `source "${source}" is never cited`,
      hint: `Cite it as "sources: [${source}]" on the slides it backs, or leave it out: delete it from "sources", or, in an overlay, write "remove: [${source}]".`,
      ...at(['sources', index]),
    });
  }
  return findings;
}

/**
 * An exercise whose starter is its solution: the attendees' notebook, files and handout give
 * them the answer. `build` warns too, since what it hands out is then wrong.
 */
export function lintStarterIsSolution(deck: Deck, at: (where: Where) => FilePosition): Finding[] {
  return deck.slides.flatMap((slide, i) => {
    const solution = solutionOf(slide);
    if (slide.kind !== 'exercise' || !solution || !slide.starter) return [];
    if (!sameCode(slide.starter, solution, sourceFileOf(slide.language ?? codeLanguageOf(deck) ?? '').comment))
      return [];
    return [
      {
        severity: 'warning',
        code: 'starter-is-solution',
        message: `the starter of "${slide.heading}" is its solution: attendees get the answer in their notebook, files and handout`,
        ...at(within(slide.origin, 'starter')),
        hint: 'Leave out of the starter what attendees are to write (a TODO comment in its place); for an exercise that only runs the code it gives, say in the solution what its output shows.',
        slide: i + 1,
      },
    ];
  });
}

/**
 * Whether two pieces of code are the same but for white space at the ends of their lines, blank
 * lines and lines that are only a comment (a starter that changed only its first comment).
 */
function sameCode(a: string, b: string, comment: Comment | undefined): boolean {
  const marker = comment && 'line' in comment ? comment.line : undefined;
  const lines = (code: string) =>
    code
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line && !(marker && line.trimStart().startsWith(marker)))
      .join('\n');
  return lines(a) === lines(b);
}

/**
 * Whether an exercise's solution reads as an answer in words: one paragraph of eight words or
 * more (as the talk's language splits them) that ends a sentence ("There is no single right
 * answer. …"), which no code does.
 */
export function readsAsWords(solution: string, lang: string): boolean {
  const text = solution.trim();
  return !text.includes('\n') && /[.!?…。！？]$/u.test(text) && countWords(text, lang) >= 8;
}

/** The talk against its slot: over it (`severity`), or far under it (a warning). */
export function lintSlot({ deck, outline, at, overBudget: severity }: LintInput): Finding[] {
  const findings: Finding[] = [];
  const budget = deck.meta.duration;
  const slot = slotPosition(outline, deck, at);
  const overBudget = overBudgetFinding(deck, slot, severity);
  if (overBudget) findings.push(overBudget);
  if (budget !== undefined && deck.minutes < budget * UNDER_BUDGET) {
    findings.push({
      severity: 'warning',
      code: 'under-budget',
      message: `the talk takes about ${formatMinutes(deck.minutes)}, ${formatMinutes(budget - deck.minutes)} short of its ${formatMinutes(budget)} slot; ${underBudgetAdvice(deck, outline)}`,
      ...slot,
    });
  }
  return findings;
}

/** Slides versus makes, which take little time whatever their notes. */
const MADE_KINDS = new Set<DeckSlide['kind']>(['title', 'agenda', 'divider', 'references']);

/**
 * The index of the talk's closing summary: its last slide of its own, when that is a list
 * ("Takeaways": measure your workload, prototype in two…). It sums up slides that cite their
 * sources, or gives the speaker's advice, which makes no claim: it is not told it cites none.
 * Undefined when the talk ends on a slide of another kind.
 */
function closingSummary(deck: Deck): number | undefined {
  const last = deck.slides.findLastIndex((slide) => !MADE_KINDS.has(slide.kind));
  const first = last - ((deck.slides[last]?.part?.index ?? 1) - 1);
  return deck.slides[first]?.kind === 'bullets' ? first : undefined;
}

/**
 * What to do about a short talk. When most of the author's slides are timed at the
 * least from notes short enough to say in a quarter minute (or none), the talk is short on paper only: say so.
 */
function underBudgetAdvice(deck: Deck, outline: Outline): string {
  const authored = deck.slides.filter((slide) => !MADE_KINDS.has(slide.kind));
  const thin = authored.filter((slide) => slide.timebox === undefined && slide.minutes <= MIN_MINUTES).length;
  if (thin === 0 || thin * 2 < authored.length) return 'add slides or minutes, or shorten the slot';
  const which =
    thin === authored.length ? 'every content slide has' : `${thin} of its ${authored.length} content slides have`;
  // The rate the talk's text is timed at: characters a minute for a script written without spaces (Chinese, Japanese).
  const written = [deck.meta.title, ...deck.slides.map((slide) => slide.notes)].join('\n');
  const { words, characters } = spokenLength(written, deck.meta.lang);
  const rate =
    characters > words
      ? `charactersPerMinute: ${outline.charactersPerMinute ?? DEFAULT_CHARACTERS_PER_MINUTE}`
      : `wordsPerMinute: ${outline.wordsPerMinute}`;
  return (
    `${which} notes short enough to say in ${formatMinutes(MIN_MINUTES)} or none, so each counts that (notes are timed at ` +
    `${rate}): write what you will say in their notes, set their minutes, or shorten the slot`
  );
}

/**
 * One error per slide whose content runs past its content box, at the outline
 * position of the slide it comes from. Shared by `check` and `build`.
 */
export function overflowFindings(
  measures: readonly SlideMeasure[],
  deck: Deck,
  themeName: string,
  at: (where: Where) => FilePosition,
): Finding[] {
  return measures.flatMap(({ slide, bottom, right }): Finding[] => {
    const planned = deck.slides[slide - 1];
    if ((!bottom && !right) || !planned) return [];
    const how = [bottom && `${bottom}px past the bottom`, right && `${right}px past the right edge`]
      .filter(Boolean)
      .join(' and ');
    // The title slide cannot be split: it shows the title, the subtitle, every speaker and the event at once.
    const title = planned.kind === 'title';
    return [
      {
        severity: 'error',
        code: 'overflow',
        message: `slide ${slide} "${planned.heading}" overflows ${how} (theme ${themeName}); ${title ? 'shorten what it shows' : 'shorten it or split it'}`,
        ...(title
          ? {
              hint: "The title slide shows the title, the subtitle, every speaker and the event at once: shorten the subtitle, the speakers' roles or contacts, or the event.",
            }
          : {}),
        ...at(planned.origin),
        slide,
        overflow: { bottom, right },
      },
    ];
  });
}

/**
 * One warning per exercise that the handout cannot print on one page with its starter code, even
 * set at its smallest size (measured as the handout printed): at its starter, with the pages it takes.
 */
export function overPageFindings(
  overPages: readonly { slide: number; pages: number }[],
  deck: Deck,
  at: (where: Where) => FilePosition,
): Finding[] {
  return overPages.flatMap(({ slide, pages }): Finding[] => {
    const planned = deck.slides[slide - 1];
    if (!planned) return [];
    return [
      {
        severity: 'warning',
        code: 'exercise-over-page',
        message: `slide ${slide} "${planned.heading}" (exercise) and its starter code take ${pages} handout pages: even at 7 pt, the smallest the handout sets code, they would not fit one, and attendees turn pages to read it`,
        hint: 'Shorten the starter to what attendees change and what that needs (they get no set-up code), or split the exercise in two.',
        ...at(within(planned.origin, 'starter')),
        slide,
      },
    ];
  });
}

/**
 * Where the talk's slot is set: the profile's `duration` when the profile
 * names one, or else the outline's (a profile may take the outline's slot).
 */
export function slotPosition(outline: Outline, deck: Deck, at: (where: Where) => FilePosition): FilePosition {
  const { profile } = deck.meta;
  const ownSlot = profile !== undefined && own(outline.profiles, profile)?.duration !== undefined;
  return at(ownSlot ? ['profiles', profile, 'duration'] : ['duration']);
}

/**
 * The talk over its slot (its `duration`), at the slot's position; undefined
 * when it fits or has none. Shared by `check` and `build`.
 */
export function overBudgetFinding(deck: Deck, slot: FilePosition, severity: Finding['severity']): Finding | undefined {
  const budget = deck.meta.duration;
  if (budget === undefined || deck.minutes <= budget) return undefined;
  const over = deck.minutes - budget;
  return {
    severity,
    code: 'over-budget',
    message: `the talk takes about ${formatMinutes(deck.minutes)}, over its ${formatMinutes(budget)} budget by ${formatMinutes(over)}${longSlide(deck, over)}`,
    ...slot,
  };
}

/**
 * The slide whose own `minutes:` puts the talk over its slot (`minutes: 90` on a closing slide of
 * a 20-minute talk), named after the budget: one that takes more than the minutes over and half
 * the talk or more. Nothing otherwise.
 */
function longSlide(deck: Deck, over: number): string {
  let longest: { i: number; minutes: number } | undefined;
  deck.slides.forEach((slide, i) => {
    if ((slide.part?.index ?? 1) !== 1 || slide.timebox === undefined) return;
    // Only a slide that takes half the talk or more is the cause; among many set to 5 min, none is.
    const cause = slide.timebox >= over && slide.timebox >= deck.minutes / 2;
    if (cause && slide.timebox > (longest?.minutes ?? 0)) longest = { i, minutes: slide.timebox };
  });
  if (!longest) return '';
  const slide = deck.slides[longest.i];
  return `; slide ${longest.i + 1} "${slide?.heading}" alone is set to ${formatMinutes(longest.minutes)} (its "minutes")`;
}

function unusedSources(deck: Deck): string[] {
  const cited = new Set(deck.slides.flatMap((s) => s.citations));
  return deck.sources.filter((s) => !cited.has(s.number)).map((s) => s.id);
}
