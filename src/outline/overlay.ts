/**
 * Applies an overlay to the outline it extends: metadata and profiles
 * override, sources merge by id, then replace → remove (slides, sections,
 * sources) → add by id. Pure;
 * problems carry paths inside the overlay file.
 */

import type { OutlinePath } from './outline-path.js';
import { own } from './own.js';
import type { SemanticProblem } from './positions.js';
import type { Outline, Overlay, Section, Slide } from './schema.js';
import { allIds } from './semantics.js';
import { didYouMean, listed } from './suggest.js';

export interface Applied {
  outline: Outline;
  problems: SemanticProblem[];
}

/**
 * @example
 * applyOverlay(base, { extends: 'outline.yaml', remove: ['try-at-home'] }).outline
 */
export function applyOverlay(base: Outline, overlay: Overlay): Applied {
  const problems: SemanticProblem[] = [];
  const {
    extends: _e,
    $schema: _s,
    replace = [],
    remove = [],
    add = [],
    sources = [],
    profiles,
    ...metadata
  } = overlay;
  const defined = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
  let sections: Section[] = structuredClone(base.sections);

  let mergedSources = [...base.sources.filter((s) => !sources.some((o) => o.id === s.id)), ...sources];
  /** Ids "remove" took out of the talk: how, and the id on "remove" that did. */
  const removed = new Map<string, { how: string; by: string }>();
  const unknown: Unknown = (id, path, what = 'section or slide', otherKind) => {
    const gone = removed.get(id);
    if (gone) {
      problems.push({
        code: 'unknown-id',
        message: `"${id}" is no longer in the talk: ${gone.how}`,
        path,
        hint: `Name a ${what} that stays, or take "${gone.by}" off "remove".`,
      });
      return;
    }
    const known = allIds({ ...base, sections });
    if (what === 'section, slide or source') for (const source of mergedSources) known.add(source.id);
    const sectionIds = sections.map((s) => s.id);
    const slideIds = [...known].filter((each) => !sectionIds.includes(each));
    const kind = what === 'section' ? sectionIds : what === 'slide' ? slideIds : [...known];
    // The id of the other kind (a section where a slide belongs): said so, with how to write it.
    if (otherKind && known.has(id) && !kind.includes(id)) {
      problems.push({
        code: 'unknown-id',
        message: `"${id}" is the id of a ${what === 'slide' ? 'section' : 'slide'}, and ${otherKind.field} names a ${what}`,
        path,
        hint: otherKind.hint,
      });
      return;
    }
    const withoutId = what !== 'section' && sections.some((s) => s.slides.some((slide) => !slide.id));
    problems.push({
      code: 'unknown-id',
      // A near miss of the other kind is named too: the message for it then says what to write.
      message: `no ${what} has the id "${id}"${didYouMean(id, kind) || didYouMean(id, [...known])}`,
      path,
      hint: `Ids come from the outline this file extends (${listed(known)}).${
        withoutId ? ' A slide without an id cannot be named here: give it an "id" in that outline.' : ''
      }`,
    });
  };

  for (const [i, { id, slide, section }] of replace.entries()) {
    const path = ['replace', i];
    if ((slide === undefined) === (section === undefined)) {
      problems.push({
        code: 'invalid-value',
        message: 'a replacement needs exactly one of "slide" or "section"',
        path,
        hint: 'Give the new content under "slide:" for a slide id, or under "section:" for a section id.',
      });
    } else if (section) {
      const index = sections.findIndex((s) => s.id === id);
      if (index < 0) {
        unknown(id, [...path, 'id'], 'section', {
          field: 'a replacement with "section"',
          hint: `Write slide: instead of section: to replace the slide "${id}".`,
        });
      }
      // Without slides, a replacement retitles: the base section keeps its slides and whatever else it does not name.
      else {
        const base = sections[index] as Section;
        sections[index] = section.slides
          ? { ...section, id: section.id ?? id, slides: section.slides }
          : { ...base, ...section, id: section.id ?? id, slides: base.slides };
      }
    } else if (slide) {
      const found = findSlide(sections, id);
      if (!found) {
        unknown(id, [...path, 'id'], 'slide', {
          field: 'a replacement with "slide"',
          hint: `Write section: instead of slide: to replace the section "${id}".`,
        });
      } else found.section.slides[found.index] = { ...slide, id: slide.id ?? id };
    }
  }

  // An id names a section or a slide first, else a source (sources have ids of their own).
  for (const [i, id] of remove.entries()) {
    // Removed already, with its section: what "remove" asks is done.
    if (removed.has(id)) continue;
    const section = sections.find((s) => s.id === id);
    if (section) {
      removed.set(id, { how: `"remove" takes out the section "${id}"`, by: id });
      for (const each of section.slides) {
        if (each.id) removed.set(each.id, { how: `it is in the section "${id}", which "remove" takes out`, by: id });
      }
      sections = sections.filter((s) => s !== section);
      continue;
    }
    const slide = findSlide(sections, id);
    if (slide) {
      removed.set(id, { how: `"remove" takes out the slide "${id}"`, by: id });
      slide.section.slides.splice(slide.index, 1);
      continue;
    }
    const left = mergedSources.filter((s) => s.id !== id);
    if (left.length < mergedSources.length) mergedSources = left;
    else unknown(id, ['remove', i], 'section, slide or source');
  }

  for (const [i, step] of add.entries()) {
    const path = ['add', i];
    if (step.slides) addSlides(sections, step.slides, step, path, unknown, problems);
    if (step.sections) addSections(sections, step.sections, step, path, unknown, problems);
    if (!step.slides && !step.sections)
      problems.push({
        code: 'missing-field',
        message: 'an addition needs "slides" or "sections"',
        path,
        hint: 'List what to add under "slides:" (with after, before or into) or "sections:" (with after or before).',
      });
  }

  return {
    outline: {
      ...base,
      ...defined,
      sources: mergedSources,
      profiles: mergeProfiles(base.profiles, profiles, removedIds(base, sections), Object.keys(defined)),
      sections,
    },
    problems,
  };
}

/**
 * An overlay's profile changes only the fields it names ("duration: 40" keeps the
 * base profile's title and lists), and what the overlay removed leaves the skip lists.
 * A field the overlay sets for the whole talk (its `title`) replaces the base
 * profiles' own: the base's words for a version of the base talk would hide it.
 */
function mergeProfiles(
  base: Outline['profiles'],
  overlay: Outline['profiles'],
  removed: ReadonlySet<string>,
  setForTheTalk: readonly string[],
): Outline['profiles'] {
  const names = new Set([...Object.keys(base ?? {}), ...Object.keys(overlay ?? {})]);
  return Object.fromEntries(
    [...names].map((name) => {
      const ownToBase = Object.entries(own(base, name) ?? {}).filter(([field]) => !setForTheTalk.includes(field));
      const profile = { ...Object.fromEntries(ownToBase), ...own(overlay, name) };
      return [name, profile.skip ? { ...profile, skip: profile.skip.filter((id) => !removed.has(id)) } : profile];
    }),
  );
}

/** Ids of the base's sections and slides that are no longer there. */
function removedIds(base: Outline, sections: Section[]): Set<string> {
  const left = allIds({ ...base, sections });
  return new Set([...allIds(base)].filter((id) => !left.has(id)));
}

function findSlide(sections: Section[], id: string): { section: Section; index: number } | undefined {
  for (const section of sections) {
    const index = section.slides.findIndex((s) => s.id === id);
    if (index >= 0) return { section, index };
  }
  return undefined;
}

/**
 * Tells an id no section or slide has, or one of the other kind (`what` says which is wanted) with
 * `otherKind`: the field that named it and how to write it instead.
 */
type Unknown = (id: string, path: OutlinePath, what?: string, otherKind?: { field: string; hint: string }) => void;

/** Where an addition goes: after or before a slide or section, or into a section (slides only). */
interface Place {
  after?: string | undefined;
  before?: string | undefined;
  into?: string | undefined;
}

function addSlides(
  sections: Section[],
  slides: Slide[],
  step: Place,
  path: OutlinePath,
  unknown: Unknown,
  problems: SemanticProblem[],
): void {
  if ([step.after, step.before, step.into].filter((id) => id !== undefined).length !== 1) {
    problems.push({
      code: 'invalid-value',
      message: 'added slides need exactly one of "after" or "before" (a slide id) or "into" (a section id)',
      path,
      hint: 'Write "after: <slide id>" or "before: <slide id>" to place them beside a slide, or "into: <section id>" to end a section with them.',
    });
    return;
  }
  if (step.before !== undefined) {
    const found = findSlide(sections, step.before);
    if (found) found.section.slides.splice(found.index, 0, ...slides);
    else {
      const first = sections.find((s) => s.id === step.before)?.slides[0]?.id;
      unknown(step.before, [...path, 'before'], 'slide', {
        field: '"before" of added slides',
        hint: first
          ? `Write before: ${first}, its first slide, to start that section with them.`
          : 'Name a slide: the added slides go before it, in its section.',
      });
    }
    return;
  }
  if (step.into !== undefined) {
    const section = sections.find((s) => s.id === step.into);
    if (section) section.slides.push(...slides);
    else {
      unknown(step.into, [...path, 'into'], 'section', {
        field: '"into"',
        hint: `Write after: ${step.into} to place the slides after that slide.`,
      });
    }
    return;
  }
  const found = findSlide(sections, step.after ?? '');
  if (found) found.section.slides.splice(found.index + 1, 0, ...slides);
  else {
    const last = sections.find((s) => s.id === step.after)?.slides.at(-1)?.id;
    unknown(step.after ?? '', [...path, 'after'], 'slide', {
      field: '"after" of added slides',
      hint: `Write into: ${step.after} to end that section with them${last ? `, or after: ${last}, its last slide` : ''}.`,
    });
  }
}

/** Sections added after or before a section, or at the end of the talk. */
function addSections(
  sections: Section[],
  added: Section[],
  step: Place,
  path: OutlinePath,
  unknown: Unknown,
  problems: SemanticProblem[],
): void {
  if (step.into !== undefined)
    problems.push({
      code: 'invalid-value',
      message: 'sections cannot go "into" a section; use "after" or "before"',
      hint: 'Write "after: <section id>" or "before: <section id>" to place the new sections beside that section.',
      path: [...path, 'into'],
    });
  if (step.after !== undefined && step.before !== undefined) {
    problems.push({
      code: 'invalid-value',
      message: 'added sections need one of "after" or "before", not both',
      hint: 'Keep the one that names the section the new ones go beside.',
      path,
    });
    return;
  }
  const field = step.before === undefined ? 'after' : 'before';
  const id = step[field];
  if (id === undefined) {
    sections.push(...added);
    return;
  }
  const index = sections.findIndex((s) => s.id === id);
  if (index >= 0) {
    sections.splice(field === 'after' ? index + 1 : index, 0, ...added);
    return;
  }
  // Told only when the id names a slide: then a section holds it.
  const holder = findSlide(sections, id)?.section.id;
  unknown(id, [...path, field], 'section', {
    field: `"${field}" of added sections`,
    hint: `Write ${field}: ${holder}, the section that holds "${id}".`,
  });
}
