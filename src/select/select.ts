/**
 * Select stage: the outline for one profile and command-line filters. Pure.
 *
 * A slide's tags are its own, or its section's when it has none. An untagged
 * slide is always kept; a tagged one, when tags are selected (the profile's
 * `only`, `--only`), only when one of its tags is. A profile without `only`
 * selects no tag, and then no slide is left out for its tags.
 */
import { own } from '../outline/own.js';
import type { SemanticProblem } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { allIds, allTags } from '../outline/semantics.js';
import { didYouMean, listed } from '../outline/suggest.js';

export interface Selection {
  /** Profile name; the outline's `defaultProfile` when absent (`only` and `skip` add to it). */
  profile?: string;
  /** Tags to keep, added to the profile's `only`. */
  only?: string[];
  /** Section or slide ids to leave out, added to the profile's `skip`. */
  skip?: string[];
}

export type Selected = { ok: true; outline: Outline; profile?: string } | { ok: false; problems: SemanticProblem[] };

export function selectOutline(outline: Outline, selection: Selection = {}): Selected {
  const problems = selectionProblems(outline, selection);
  if (problems.length > 0) return { ok: false, problems };
  const profileName = chosenProfile(outline, selection);
  const profile = profileName === undefined ? undefined : own(outline.profiles, profileName);

  const only = new Set([...(profile?.only ?? []), ...(selection.only ?? [])]);
  const skip = new Set([...(profile?.skip ?? []), ...(selection.skip ?? [])]);
  const keep = (ownTags: string[] | undefined) =>
    only.size === 0 || !ownTags?.length || ownTags.some((t) => only.has(t));

  const sections = outline.sections
    .filter((section) => !skip.has(section.id))
    .map((section) => ({
      ...section,
      slides: section.slides.filter((slide) => !(slide.id && skip.has(slide.id)) && keep(slide.tags ?? section.tags)),
    }))
    .filter((section) => section.slides.length > 0);

  if (sections.length === 0) {
    return {
      ok: false,
      problems: [
        {
          code: 'empty-deck',
          message: 'the selection leaves no slides',
          path: profileName ? ['profiles', profileName] : [],
          hint: 'Loosen --only/--skip or the profile.',
        },
      ],
    };
  }
  // Sources only the dropped slides cite are theirs: the References slide lists what this talk cites.
  const citedBefore = citedSources(outline.sections);
  const citedNow = citedSources(sections);
  const sources = outline.sources.filter((source) => citedNow.has(source.id) || !citedBefore.has(source.id));
  const { only: _only, skip: _skip, ...metadata } = profile ?? {};
  return {
    ok: true,
    outline: { ...outline, ...metadata, sections, sources },
    ...(profileName ? { profile: profileName } : {}),
  };
}

/**
 * The profile a selection chooses: its own, or the outline's default. `--only` and `--skip` add
 * to the profile's lists, the default's too: `--skip demo` is the usual deck without the demo,
 * never the whole outline with the drafts no profile shows.
 */
function chosenProfile(outline: Outline, selection: Selection): string | undefined {
  return selection.profile ?? outline.defaultProfile;
}

/**
 * What in a selection names nothing in the outline: a profile, a tag, an id. Also for an
 * outline as written when it has problems of its own (pipeline/load-selected.ts), so that a wrong
 * flag is told in the same run.
 */
export function selectionProblems(outline: Outline, selection: Selection): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const profileName = chosenProfile(outline, selection);
  const profile = profileName === undefined ? undefined : own(outline.profiles, profileName);
  if (profileName !== undefined && profile === undefined) {
    const names = Object.keys(outline.profiles ?? {});
    problems.push({
      code: 'unknown-profile',
      message: `there is no profile "${profileName}"${didYouMean(profileName, names)}`,
      ...(selection.profile === undefined
        ? { path: ['defaultProfile'] }
        : { path: [], flag: `--profile ${selection.profile}` }),
      hint: names.length ? `Profiles are: ${listed(names)}.` : 'This outline defines no profiles.',
    });
  }
  const tags = allTags(outline);
  const ids = allIds(outline);
  for (const tag of selection.only ?? []) {
    if (!tags.has(tag)) {
      problems.push({
        code: 'unknown-tag',
        message: `no section or slide is tagged "${tag}"${didYouMean(tag, [...tags])}`,
        path: [],
        flag: `--only ${tag}`,
        hint: tags.size ? `Tags in this outline: ${listed(tags)}.` : 'This outline tags no section or slide.',
      });
    }
  }
  for (const id of selection.skip ?? []) {
    if (!ids.has(id)) {
      problems.push({
        code: 'unknown-id',
        message: `no section or slide has the id "${id}"${didYouMean(id, [...ids])}`,
        path: [],
        flag: `--skip ${id}`,
        hint: `Ids in this outline: ${listed(ids)}.`,
      });
    }
  }
  return problems;
}

/** Ids of the sources the slides cite, their comparison rows included. */
function citedSources(sections: Outline['sections']): Set<string> {
  return new Set(
    sections.flatMap((section) =>
      section.slides.flatMap((slide) => [
        ...(slide.sources ?? []),
        ...(slide.kind === 'comparison' ? slide.rows.flatMap((row) => row.sources ?? []) : []),
      ]),
    ),
  );
}
