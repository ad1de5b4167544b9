/**
 * Plan stage: a selected Outline → the Deck model. Adds the generated slides
 * (title, agenda, dividers, references), numbers the sources, estimates
 * timing and splits what would overflow. Pure.
 */

import { type Labels, labelsForLang } from '../i18n/labels.js';
import { typesetterFor } from '../i18n/typeset.js';
import type { Contender, Outline, Slide } from '../outline/schema.js';
import { fitName, isWindowsDeviceName, MAX_SLUG_BYTES } from '../shared/file-name.js';
import { shortAddress } from '../text/address.js';
import { readableName } from '../text/names.js';
import { spaceBetween } from '../text/spacing.js';
import { AGENDA, QR_TEXT_WIDTH, REFERENCES } from '../theme/geometry.js';
import { type Palette, paletteFor } from '../theme/palette.js';
import { DEFAULT_THEME } from '../theme/themes.js';
import type {
  AuthoredContent,
  Deck,
  DeckSlide,
  FitInput,
  GeneratedSlide,
  NumberedSource,
  OmitEach,
  ReferenceLine,
  SlideContent,
} from './deck.js';
import { exerciseTitle } from './exercises.js';
import { fitContent, fitDivider, fitList, fitTitleSlide, type Part } from './fit/kinds.js';
import type { Continued } from './fit/title.js';
import { paragraphsOf, shareParagraphs } from './notes.js';
import { qrOf } from './qr.js';
import { clock, estimateMinutes, MIN_MINUTES, startTimes } from './timing.js';
import { typesetOutline } from './typeset.js';
import { capsLabel, continuedTitle, sourcesLine } from './words.js';

export interface PlanOptions {
  /** Overrides the outline's theme (`--theme`). */
  theme?: string;
  /** The theme's colors (a theme file's own); by default the built-in theme's of that name. */
  palette?: Palette;
  profile?: string;
}

/**
 * @example
 * const deck = planDeck(outline);
 * deck.slides[0].kind; // 'title'
 */
export function planDeck(written: Outline, options: PlanOptions = {}): Deck {
  const outline = typesetOutline(written);
  // The generated words, measured here as the renderers will print them.
  const labels = labelsForLang(outline.lang, outline.labels);
  const sources: NumberedSource[] = outline.sources.map((source, i) => ({
    ...source,
    number: i + 1,
    ...(source.url ? { address: shortAddress(new URL(source.url).href) } : {}),
  }));
  const numberOf = new Map(sources.map((s) => [s.id, s.number]));
  const cite = (...lists: (string[] | undefined)[]) =>
    [...new Set(lists.flatMap((ids) => ids ?? []).map((id) => numberOf.get(id) ?? 0))]
      .filter(Boolean)
      .sort((a, b) => a - b);
  const rate = {
    wordsPerMinute: outline.wordsPerMinute,
    ...(outline.charactersPerMinute ? { charactersPerMinute: outline.charactersPerMinute } : {}),
  };
  const minutesFor = (explicit: number | undefined, notes: string) =>
    estimateMinutes(notes, { explicit, rate, lang: outline.lang });

  const slides: Unpaced[] = [];
  const titleNotes = outline.notes ?? '';
  const dateText = outline.date === undefined ? undefined : labels.date(outline.date);
  const { speakers: titleByline, occasion } = byline(outline, dateText, labels);
  // The title slide and the closing one (the References) carry the QR code in a column of their own.
  const qr = qrOf(outline, labels);
  slides.push({
    kind: 'title',
    title: outline.title,
    heading: outline.title,
    ...(outline.subtitle ? { subtitle: outline.subtitle } : {}),
    byline: titleByline,
    ...(occasion ? { occasion } : {}),
    notes: titleNotes,
    ...privateNotesOf(outline),
    minutes: minutesFor(undefined, titleNotes),
    citations: [],
    origin: ['title'],
    ...(qr ? { qr } : {}),
    ...fitted(
      fitTitleSlide(
        { title: outline.title, subtitle: outline.subtitle, speakers: titleByline, occasion },
        qr ? QR_TEXT_WIDTH.lead : undefined,
      ),
    ),
  });

  // An agenda of one section says nothing the divider after it does not: it is left out unless asked for.
  if (outline.agenda !== false && (outline.agenda !== undefined || outline.sections.length > 1)) {
    const agenda = outline.agenda ?? {};
    const notes = agenda.notes ?? '';
    const title = agenda.title ?? labels.t('agenda');
    const items = outline.sections.map((s) => ({ title: s.title, ...(s.summary ? { summary: s.summary } : {}) }));
    const parts = fitList(title, {
      items,
      text: (item) => item.title,
      make: (page) => ({ kind: 'agenda' as const, items: page }),
      look: AGENDA,
      continued: counted(labels),
    });
    slides.push(
      ...continued(
        {
          title,
          notes,
          ...privateNotesOf(agenda),
          minutes: minutesFor(agenda.minutes, notes),
          ...(agenda.minutes !== undefined ? { timebox: agenda.minutes } : {}),
          citations: [],
          origin: ['agenda'],
        },
        parts,
        labels,
      ),
    );
  }

  let exercises = 0;
  for (const [i, section] of outline.sections.entries()) {
    const notes = section.notes ?? '';
    if (outline.dividers !== false)
      slides.push({
        kind: 'divider',
        title: section.title,
        heading: section.title,
        ...(section.summary ? { summary: section.summary } : {}),
        section: section.title,
        notes,
        ...privateNotesOf(section),
        minutes: minutesFor(section.minutes, notes),
        citations: [],
        origin: section.origin ?? ['sections', i],
        ...fitted(fitDivider(section.title, section.summary)),
      });
    for (const [j, slide] of section.slides.entries()) {
      const origin = slide.origin ?? ['sections', i, 'slides', j];
      const exercise = slide.kind === 'exercise' ? ++exercises : undefined;
      const title = exercise === undefined ? slide.title : exerciseTitle(slide.title, exercise, labels);
      const citations = cite(slide.sources, ...(slide.kind === 'comparison' ? slide.rows.map((r) => r.sources) : []));
      const base = {
        title,
        ...(exercise === undefined ? {} : { exerciseNumber: exercise }),
        notes: slide.notes ?? '',
        ...privateNotesOf(slide),
        minutes: minutesFor(slide.minutes, spokenText(slide)),
        ...(slide.minutes !== undefined ? { timebox: slide.minutes } : {}),
        citations,
        ...(citations.length > 0 ? { sourcesLine: sourcesLine(labels, citations) } : {}),
        origin,
        section: section.title,
      };
      const { title: _t, notes: _n, privateNotes: _p, minutes: _m, sources: _s, origin: _o, ...authored } = slide;
      const content = plannedContent(authored, slide.minutes, outline.contenders, labels);
      slides.push(...continued(base, fitContent(content, { title, contenders: outline.contenders, labels }), labels));
    }
  }

  // Every source's line, for the References slide and the handout's list alike.
  const references = outline.references;
  const referencesTitle = (references === false ? undefined : references?.title) ?? labels.t('references');
  const lines = sources.map((source) => referenceLine(source, labels));
  // A talk without sources has nothing to list; `references: false` leaves the slide out anyway.
  if (references !== false && sources.length > 0) {
    const referencesNotes = references?.notes ?? '';
    const fitReferences = (lines: ReferenceLine[], width?: number) =>
      fitList(referencesTitle, {
        items: lines,
        text: referenceText,
        make: (page) => ({ kind: 'references' as const, sources: page }),
        look: REFERENCES,
        width,
        continued: counted(labels),
      });
    let parts = fitReferences(lines);
    // The closing part keeps the QR code's column clear: its lines laid out again beside it (a part more if they need it).
    const last = parts.at(-1);
    if (qr && last) parts = [...parts.slice(0, -1), ...fitReferences(last.content.sources, QR_TEXT_WIDTH.body)];
    slides.push(
      ...continued(
        {
          title: referencesTitle,
          notes: referencesNotes,
          ...privateNotesOf(references ?? {}),
          minutes: minutesFor(references?.minutes, referencesNotes),
          ...(references?.minutes !== undefined ? { timebox: references.minutes } : {}),
          citations: [],
          // Where its notes are written, when they are: an overlay that adds sources writes no References slide.
          origin: references === undefined ? ['sources'] : ['references'],
        },
        parts,
        labels,
      ),
    );
    const closing = slides.at(-1);
    if (qr && closing) closing.qr = qr;
  }

  // Rounded so split slides (a third of a minute each) add up to what was planned.
  const minutes = Math.round(slides.reduce((sum, slide) => sum + slide.minutes, 0) * 100) / 100;
  const theme = options.theme ?? outline.theme ?? DEFAULT_THEME;
  return {
    meta: {
      title: outline.title,
      ...(outline.subtitle ? { subtitle: outline.subtitle } : {}),
      speakers: outline.speakers ?? [],
      ...(outline.event ? { event: outline.event } : {}),
      ...(outline.date ? { date: outline.date, dateText } : {}),
      lang: outline.lang,
      ...(outline.labels ? { labels: outline.labels } : {}),
      slug: outline.slug ?? slugify(outline.title),
      ...(outline.url ? { url: outline.url } : {}),
      theme,
      palette: options.palette ?? paletteFor(theme),
      ...(outline.duration ? { duration: outline.duration } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
    contenders: outline.contenders,
    sources,
    references: { title: referencesTitle, lines },
    slides: paced(slides, labels),
    minutes,
    length: {
      slides: labels.t('slideCount', { n: slides.length }),
      minutes: labels.minutes(minutes),
      ...(outline.duration ? { slot: labels.minutes(outline.duration) } : {}),
    },
    ...(outline.run?.setup ? { setup: outline.run.setup } : {}),
    ...(outline.run?.runners ? { runners: outline.run.runners } : {}),
  };
}

/** A planned slide before its place on the talk's clock is known. */
type Unpaced = OmitEach<DeckSlide, 'times'>;

/** The slides with their start, length and end on the talk's clock, one after the other. */
function paced(slides: Unpaced[], labels: Labels): DeckSlide[] {
  const starts = startTimes(slides);
  return slides.map((slide, i) => {
    const start = starts[i] ?? 0;
    return {
      ...slide,
      times: { start: clock(start), length: labels.minutes(slide.minutes), end: clock(start + slide.minutes) },
    };
  });
}

/**
 * What the speaker says over a slide, for its estimated time: an exercise's
 * solution is discussed too. The solution itself stays in the exercise's own
 * `solution` field, so that the speaker's outputs show it and the attendees' leave it out.
 */
function spokenText(slide: Slide): string {
  const notes = slide.notes ?? '';
  if (slide.kind !== 'exercise') return notes;
  return `${notes}${notes ? '\n\n' : ''}${slide.solution}`;
}

/** A split slide's title, measured as the talk writes its counter ("(2/2)", "（2/2）"). */
function counted(labels: Labels): Continued {
  return (title, count) => continuedTitle(labels, title, { index: count, count });
}

/** An author's private notes, when they wrote any. */
function privateNotesOf(written: { privateNotes?: string | undefined }): Pick<DeckSlide, 'privateNotes'> {
  const text = written.privateNotes?.trim();
  return text ? { privateNotes: text } : {};
}

type SlideBase = Pick<
  DeckSlide,
  | 'title'
  | 'notes'
  | 'privateNotes'
  | 'minutes'
  | 'timebox'
  | 'citations'
  | 'sourcesLine'
  | 'origin'
  | 'section'
  | 'exerciseNumber'
>;

/**
 * Part `index`'s share of a slide's minutes: whole quarter minutes, the first
 * parts taking the odd ones (and any rest below a quarter), so that the parts
 * add up to the slide's time exactly, as the run sheet shows them.
 */
function shareOf(minutes: number, count: number, index: number): number {
  const quarters = Math.floor(minutes * 4 + 1e-9);
  const share = (Math.floor(quarters / count) + (index < quarters % count ? 1 : 0)) / 4;
  return index === 0 ? share + (minutes - quarters / 4) : share;
}

/** The fitted sizes of a slide, when any differ from the theme's. */
function fitted(fit: DeckSlide['fit']): Pick<DeckSlide, 'fit'> {
  return fit && Object.keys(fit).length > 0 ? { fit } : {};
}

/**
 * The deck slides of a slide's parts: "(1/2)" counters, the notes' paragraphs
 * shared in order (what to say while each part is up), time shared.
 */
function continued(base: SlideBase, parts: Part<SlideContent | GeneratedSlide>[], labels: Labels): Unpaced[] {
  const notes = shareParagraphs(paragraphsOf(base.notes), parts.length).map((share) => share.join('\n\n'));
  // Time the author set is shared as set; an estimate gives every part on screen a quarter minute at least.
  const minutes = base.timebox ?? Math.max(base.minutes, parts.length * MIN_MINUTES);
  // Private notes, like an exercise's solution, go with the first part: the speaker reads them as the slide starts.
  const { privateNotes, ...shared } = base;
  return parts.map((part, index) => ({
    ...shared,
    ...(index === 0 && privateNotes ? { privateNotes } : {}),
    ...part.content,
    ...fitted(part.fit),
    ...(part.start ? { start: part.start } : {}),
    ...(part.shown ? { shown: part.shown } : {}),
    ...(part.dense ? { dense: true } : {}),
    ...(part.columns ? { columns: part.columns } : {}),
    ...(part.slots ? { slots: part.slots } : {}),
    ...(part.wide ? { wide: part.wide } : {}),
    ...(part.widths ? { widths: part.widths } : {}),
    ...(part.rowHeights ? { rowHeights: part.rowHeights } : {}),
    heading: base.title,
    ...(parts.length > 1
      ? {
          heading: continuedTitle(labels, base.title, { index: index + 1, count: parts.length }),
          notes: notes[index] ?? '',
          minutes: shareOf(minutes, parts.length, index),
          part: { index: index + 1, count: parts.length },
        }
      : {}),
  }));
}

/**
 * An authored slide's content with the words versus adds resolved: a
 * comparison's header and tie, the pros and cons labels, each decision
 * column's heading, an exercise's timebox ("10 min"; only a time the author
 * set: an estimate from the speaker's notes means nothing to the audience).
 */
function plannedContent(
  content: AuthoredContent,
  minutes: number | undefined,
  contenders: readonly Contender[],
  labels: Labels,
): FitInput {
  if (content.kind === 'comparison') {
    return { ...content, aspectLabel: labels.t('aspect'), tieLabel: capsLabel(labels, 'tie') };
  }
  if (content.kind === 'pros-cons') {
    return { ...content, prosLabel: capsLabel(labels, 'pros'), consLabel: capsLabel(labels, 'cons') };
  }
  if (content.kind === 'exercise') {
    return minutes === undefined ? content : { ...content, timeboxLabel: labels.minutes(minutes) };
  }
  if (content.kind !== 'decision') return content;
  const nameOf = (id: string) => contenders.find((c) => c.id === id)?.name ?? id;
  return {
    ...content,
    choices: content.choices.map((choice) => ({
      ...choice,
      label: choice.label ?? labels.t('choose', { name: nameOf(choice.contender) }),
    })),
  };
}

/** A source's line on the References slide, in the words every output shows. */
function referenceLine(source: NumberedSource, labels: Labels): ReferenceLine {
  const text = labels.sentences([source.title, source.publisher].filter((part): part is string => Boolean(part)));
  const address = source.url ? (source.address ?? source.url) : undefined;
  // "(accessed September 18, 2025)" is read as one, as the handout sets it: it never breaks.
  const accessed = source.accessed
    ? labels.aside(labels.t('accessed', { date: labels.date(source.accessed) })).replace(/ /g, '\u00a0')
    : undefined;
  return {
    number: source.number,
    text,
    ...(source.url ? { url: new URL(source.url).href, address } : {}),
    ...(accessed ? { accessed } : {}),
    gaps: { address: spaceBetween(text, address ?? ''), accessed: spaceBetween(address ?? text, accessed ?? '') },
  };
}

/** A source's line as the References slide shows it, each piece after its gap. */
function referenceText({ text, address, accessed, gaps }: ReferenceLine): string {
  return `${text}${address ? gaps.address + address : ''}${accessed ? gaps.accessed + accessed : ''}`;
}

/** The title slide's line per speaker, and its line of the event and the date. */
function byline(
  outline: Outline,
  dateText: string | undefined,
  labels: Labels,
): { speakers: string[]; occasion?: string } {
  // Typeset again as put together: a Latin contact or event beside Hebrew words keeps its signs (text/bidi.ts).
  const typeset = typesetterFor(labels.lang) ?? ((line: string) => line);
  const speakers = (outline.speakers ?? []).map((s) =>
    // A no-break space after the "·": it starts the contact's line rather than dangling at the end of the role's.
    typeset(
      [s.role ? labels.t('speaker', { name: s.name, role: s.role }) : s.name, s.contact]
        .filter(Boolean)
        .join(' ·\u00a0'),
    ),
  );
  const occasion = typeset([outline.event, dateText].filter(Boolean).join(' · '));
  return { speakers, ...(occasion ? { occasion } : {}) };
}

/**
 * The output files' base name from a title: "Keras vs TensorFlow!" →
 * "keras-vs-tensorflow", "C++ vs C#" → "cpp-vs-csharp". Letters of every
 * script stay ("数据库对比" too); Latin letters lose their accents. A name too
 * long for a file name with versus's suffixes (a long title in Chinese or
 * Cyrillic) is shortened and ends with a hash of the whole.
 */
export function slugify(title: string): string {
  const name = readableName(title) || 'talk';
  // "CON" or "Aux" as a title: a name Windows keeps for a device gets a word more.
  return fitName(isWindowsDeviceName(name) ? `${name}-talk` : name, MAX_SLUG_BYTES);
}
