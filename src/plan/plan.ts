/**
 * Plan stage: a selected Outline → the Deck model. Adds the generated slides
 * (title, agenda, dividers, references), numbers the sources, estimates
 * timing and splits what would overflow. Pure.
 */
import type { OutlinePath } from '../outline/positions.js';
import type { Outline, Slide } from '../outline/schema.js';
import type { Deck, DeckSlide, GeneratedSlide, NumberedSource, SlideContent } from './deck.js';
import {
  BULLETS_BUDGET,
  bulletHeight,
  columnHeight,
  DENSE_TABLE_FONT,
  paginate,
  referenceHeight,
  TABLE_BUDGET,
  tableRowHeight,
} from './split.js';
import { estimateMinutes } from './timing.js';

export interface PlanOptions {
  /** Overrides the outline's theme (`--theme`). */
  theme?: string;
  profile?: string;
}

export const DEFAULT_THEME = 'versus';

/**
 * @example
 * const deck = planDeck(outline);
 * deck.slides[0].kind; // 'title'
 */
export function planDeck(outline: Outline, options: PlanOptions = {}): Deck {
  const sources: NumberedSource[] = outline.sources.map((source, i) => ({ ...source, number: i + 1 }));
  const numberOf = new Map(sources.map((s) => [s.id, s.number]));
  const cite = (...lists: (string[] | undefined)[]) =>
    [...new Set(lists.flatMap((ids) => ids ?? []).map((id) => numberOf.get(id) ?? 0))]
      .filter(Boolean)
      .sort((a, b) => a - b);
  const minutesFor = (explicit: number | undefined, notes: string) =>
    estimateMinutes(explicit, notes, outline.wordsPerMinute);

  const slides: DeckSlide[] = [];
  const titleNotes = outline.notes ?? '';
  slides.push({
    kind: 'title',
    title: outline.title,
    ...(outline.subtitle ? { subtitle: outline.subtitle } : {}),
    byline: byline(outline),
    notes: titleNotes,
    minutes: minutesFor(undefined, titleNotes),
    citations: [],
    origin: ['title'],
  });

  if (outline.agenda !== false) {
    const agenda = outline.agenda ?? {};
    const notes = agenda.notes ?? '';
    slides.push({
      kind: 'agenda',
      title: agenda.title ?? 'Agenda',
      items: outline.sections.map((s) => ({ title: s.title, ...(s.summary ? { summary: s.summary } : {}) })),
      notes,
      minutes: minutesFor(agenda.minutes, notes),
      citations: [],
      origin: ['agenda'],
    });
  }

  for (const [i, section] of outline.sections.entries()) {
    const notes = section.notes ?? '';
    slides.push({
      kind: 'divider',
      title: section.title,
      ...(section.summary ? { summary: section.summary } : {}),
      section: section.title,
      notes,
      minutes: minutesFor(section.minutes, notes),
      citations: [],
      origin: ['sections', i],
    });
    for (const [j, slide] of section.slides.entries()) {
      const origin: OutlinePath = ['sections', i, 'slides', j];
      const base = {
        title: slide.title,
        notes: notesOf(slide),
        minutes: minutesFor(slide.minutes, notesOf(slide)),
        citations: cite(slide.sources, ...(slide.kind === 'comparison' ? slide.rows.map((r) => r.sources) : [])),
        origin,
        section: section.title,
      };
      slides.push(...splitSlide(slide, base));
    }
  }

  const references = outline.references ?? {};
  const referencesNotes = references.notes ?? '';
  const referencePages = paginate(sources, (s) => referenceHeight(referenceText(s)), BULLETS_BUDGET);
  slides.push(
    ...continued(
      {
        title: references.title ?? 'References',
        notes: referencesNotes,
        minutes: minutesFor(references.minutes, referencesNotes),
        citations: [],
        origin: ['sources'],
      },
      referencePages.length ? referencePages : [[]],
      (page) => ({ kind: 'references', sources: page }),
    ),
  );

  return {
    meta: {
      title: outline.title,
      ...(outline.subtitle ? { subtitle: outline.subtitle } : {}),
      speakers: outline.speakers ?? [],
      ...(outline.event ? { event: outline.event } : {}),
      ...(outline.date ? { date: outline.date } : {}),
      lang: outline.lang,
      slug: outline.slug ?? slugify(outline.title),
      theme: options.theme ?? outline.theme ?? DEFAULT_THEME,
      ...(outline.duration ? { duration: outline.duration } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
    contenders: outline.contenders,
    sources,
    slides,
    // Rounded so split slides (a third of a minute each) add up to what was planned.
    minutes: Math.round(slides.reduce((sum, slide) => sum + slide.minutes, 0) * 100) / 100,
  };
}

/** An exercise's solution is for the speaker: it goes to the notes, never on the slide. */
function notesOf(slide: Slide): string {
  const notes = slide.notes ?? '';
  if (slide.kind !== 'exercise') return notes;
  return `${notes}${notes ? '\n\n' : ''}Solution:\n${slide.solution}`;
}

type ColumnsPage = [{ side: 'pros' | 'cons'; lists: Record<string, string[]> }];

/** Splits every contender's list into the same number of chunks, the fewest for which each chunk fits. */
function splitColumns(
  side: 'pros' | 'cons',
  lists: Record<string, string[]>,
  height: (l: Record<string, string[]>) => number,
): ColumnsPage[] {
  const longest = Math.max(0, ...Object.values(lists).map((items) => items.length));
  for (let n = 1; n <= longest; n++) {
    const chunks = Array.from({ length: n }, (_, k) =>
      Object.fromEntries(
        Object.entries(lists).map(([id, items]) => {
          const size = Math.ceil(items.length / n);
          return [id, items.slice(k * size, (k + 1) * size)];
        }),
      ),
    );
    if (n === longest || chunks.every((chunk) => height(chunk) <= BULLETS_BUDGET)) {
      return chunks.map((chunk): ColumnsPage => [{ side, lists: chunk }]);
    }
  }
  return [];
}

type SlideBase = Pick<DeckSlide, 'title' | 'notes' | 'minutes' | 'citations' | 'origin' | 'section' | 'dense'>;

/** One slide, or its continuation slides when the content would overflow. */
function splitSlide(slide: Slide, base: SlideBase): DeckSlide[] {
  const { title: _t, notes: _n, minutes: _m, sources: _s, ...content } = slide;
  if (content.kind === 'comparison') {
    // A row too tall for a slide on its own gets the theme's smaller table text (check warns about it).
    const height = (row: (typeof content.rows)[number]) => tableRowHeight(row.aspect, Object.values(row.cells));
    const dense = content.rows.some((row) => height(row) > TABLE_BUDGET);
    const denseHeight = (row: (typeof content.rows)[number]) =>
      tableRowHeight(row.aspect, Object.values(row.cells), DENSE_TABLE_FONT);
    const pages = paginate(content.rows, dense ? denseHeight : height, TABLE_BUDGET);
    return continued({ ...base, ...(dense ? { dense } : {}) }, pages, (rows) => ({ ...content, rows }));
  }
  if (content.kind === 'bullets') {
    const budget = BULLETS_BUDGET - (content.lead ? bulletHeight(content.lead) : 0);
    const pages = paginate(content.bullets, bulletHeight, budget);
    return continued(base, pages, (bullets) => ({ ...content, bullets }));
  }
  if (content.kind === 'pros-cons') {
    const ids = [...new Set([...Object.keys(content.pros), ...Object.keys(content.cons)])];
    const tallest = (lists: Record<string, string[]>[]) =>
      Math.max(
        ...ids.map((id) =>
          columnHeight(
            lists.map((l) => l[id] ?? []),
            ids.length,
          ),
        ),
      );
    if (tallest([content.pros, content.cons]) > BULLETS_BUDGET) {
      // Too tall together: the pros, then the cons, each over as many slides as it needs.
      const pages = [
        ...splitColumns('pros', content.pros, (l) => tallest([l])),
        ...splitColumns('cons', content.cons, (l) => tallest([l])),
      ];
      return continued(base, pages, ([page]) => ({
        ...content,
        pros: page?.side === 'pros' ? page.lists : {},
        cons: page?.side === 'cons' ? page.lists : {},
      }));
    }
  }
  return [{ ...base, ...content }];
}

function continued<T>(base: SlideBase, pages: T[][], make: (items: T[]) => SlideContent | GeneratedSlide): DeckSlide[] {
  if (pages.length === 1) return [{ ...base, ...make(pages[0] ?? []) }];
  return pages.map((items, index) => ({
    ...base,
    ...make(items),
    // Notes stay with the first part; the time is shared between the parts.
    notes: index === 0 ? base.notes : '',
    minutes: base.minutes / pages.length,
    part: { index: index + 1, count: pages.length },
  }));
}

/** The text of a reference as the References slide shows it, for size estimates. */
function referenceText(source: NumberedSource): string {
  return [source.title, source.publisher, source.url, source.accessed && `(accessed ${source.accessed})`]
    .filter(Boolean)
    .join(' ');
}

function byline(outline: Outline): string[] {
  const speakers = (outline.speakers ?? []).map((s) => [s.name, s.role].filter(Boolean).join(', '));
  const occasion = [outline.event, outline.date].filter(Boolean).join(' · ');
  return [...speakers, ...(occasion ? [occasion] : [])];
}

/** "Keras vs TensorFlow!" → "keras-vs-tensorflow". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'talk';
}
