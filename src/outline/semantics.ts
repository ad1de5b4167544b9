/**
 * Checks the schema cannot express: references between ids (contenders,
 * sources, profiles, tags) and their uniqueness.
 */

import { closest } from '../shared/closest.js';
import { readableName } from '../text/names.js';
import type { OutlinePath } from './outline-path.js';
import { own } from './own.js';
import type { SemanticProblem } from './positions.js';
import { checkRunOrder } from './run-order.js';
import type { Outline, Slide } from './schema.js';
import { didYouMean, listed } from './suggest.js';

export function checkSemantics(outline: Outline): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const report = (problem: SemanticProblem) => problems.push(problem);
  // Each id once: a duplicate is told at its entry, not again in every list of valid ids.
  const contenderIds = [...new Set(outline.contenders.map((c) => c.id))];
  const sourceIds = new Set(outline.sources.map((s) => s.id));

  checkUnique(
    outline.sources.map((s, i) => ({ id: s.id, path: ['sources', i, 'id'] })),
    'source',
    report,
  );
  checkUnique(
    outline.sections.flatMap((section, i) => [
      { id: section.id, path: ['sections', i, 'id'] },
      ...section.slides.flatMap((slide, j) =>
        slide.id ? [{ id: slide.id, path: ['sections', i, 'slides', j, 'id'] }] : [],
      ),
    ]),
    'section or slide',
    report,
  );

  const checkSources = (ids: string[] | undefined, path: OutlinePath) =>
    ids?.forEach((id, k) => {
      if (!sourceIds.has(id)) {
        report({
          code: 'unknown-source',
          message: `source "${id}" is not listed under "sources"${didYouMean(id, [...sourceIds])}`,
          path: [...path, k],
          hint: sourceIds.size
            ? `Sources are: ${listed(sourceIds)}. Add it to "sources" with a title and url, or fix the id.`
            : 'Add it to "sources" with a title and url, or fix the id.',
        });
      }
    });
  // A contender whose id was changed while the slides still name the old one: told once, at its id,
  // and the slides checked against the old id (no news at each of them, nor a missing cell per row).
  const renamed = renamedContender(outline, contenderIds);
  if (renamed) report(renamed.problem);
  const namedIds = renamed ? contenderIds.map((id) => (id === renamed.to ? renamed.from : id)) : contenderIds;
  const unknownContenders: { id: string; problem: SemanticProblem }[] = [];
  const checkContender = (id: string, path: OutlinePath, key?: string, verdict = false) => {
    if (!namedIds.includes(id)) {
      // A verdict may also be "tie" ("Tie", "tei"): the word it most likely means may be that one.
      const meant = verdict ? [...contenderIds, 'tie'] : contenderIds;
      unknownContenders.push({
        id,
        problem: {
          code: 'unknown-contender',
          message: `"${id}" is not a contender${didYouMean(id, meant)}`,
          path,
          ...(key ? { key } : {}),
          hint: `${verdict ? 'A verdict names the winning contender, or "tie". ' : ''}Contenders are: ${listed(contenderIds)}.`,
        },
      });
    }
  };

  outline.sections.forEach((section, i) => {
    section.slides.forEach((slide, j) => {
      const path: OutlinePath = ['sections', i, 'slides', j];
      checkSources(slide.sources, [...path, 'sources']);
      checkSlideContenders(slide, path, namedIds, checkContender, checkSources, report);
    });
  });
  // A contender whose id was copied from the one above still stands for the id it lost: its references are no news.
  const lost = lostIds(
    outline.contenders,
    unknownContenders.map(({ id }) => id),
  );
  const lostTo = new Set(lost.values());
  const missing =
    outline.contenders.length < 2 ? missingContenders(unknownContenders, contenderIds) : new Set<string>();
  if (outline.contenders.length < 2) report(tooFewContenders(outline.contenders.length, missing));
  for (const { id, problem } of unknownContenders) if (!lostTo.has(id) && !missing.has(id)) report(problem);
  checkUnique(
    outline.contenders.map((c, i) => ({ id: c.id, path: ['contenders', i, 'id'], lost: lost.get(i) })),
    'contender',
    report,
  );

  checkRunOrder(outline, report);
  checkProfiles(outline, report);
  return problems;
}

/**
 * A contender whose id was changed (`id: qdrant` made `id: 큐드런트`) while the slides still name the
 * old one: the one contender no slide names, and the one id no contender has that the slides name
 * twice or more. A single slip is told at its place (with "did you mean").
 */
function renamedContender(
  outline: Outline,
  contenderIds: string[],
): { from: string; to: string; problem: SemanticProblem } | undefined {
  if (contenderIds.length < 2 || contenderIds.length !== outline.contenders.length) return undefined;
  const named: string[] = [];
  const ignore = () => {};
  for (const section of outline.sections) {
    for (const slide of section.slides) {
      checkSlideContenders(slide, [], contenderIds, (id) => named.push(id), ignore, ignore);
    }
  }
  const unnamed = contenderIds.filter((id) => !named.includes(id));
  const unknown = [...new Set(named.filter((id) => !contenderIds.includes(id)))];
  const [to, from] = [unnamed[0], unknown[0]];
  if (unnamed.length !== 1 || unknown.length !== 1 || to === undefined || from === undefined) return undefined;
  const times = named.filter((id) => id === from).length;
  if (times < 2) return undefined;
  return {
    from,
    to,
    problem: {
      code: 'unknown-contender',
      message: `no slide names contender "${to}", while the slides name "${from}" ${times} times, which is no contender's id: was the id changed?`,
      path: ['contenders', contenderIds.indexOf(to), 'id'],
      hint: `Give it back its id (id: ${from}), or write "${to}" for each "${from}" in the slides.`,
    },
  };
}

/**
 * With one contender, the ids the slides name that stand for a contender left out (deleted, or not
 * written yet): those that key a mapping by contender (a row's cells, pros), or the one id named
 * if it is the only one; not a misspelling of the one there. Told once, in the hint of the
 * contender to add, not at each reference; a verdict's "z" is still its own mistake.
 */
function missingContenders(unknown: { id: string; problem: SemanticProblem }[], contenderIds: string[]): Set<string> {
  const candidates = unknown.filter(({ id }) => closest(id, contenderIds) === undefined);
  const ids = new Set(candidates.map(({ id }) => id));
  return ids.size === 1
    ? ids
    : new Set(candidates.flatMap(({ id, problem }) => (problem.key === undefined ? [] : [id])));
}

function tooFewContenders(found: number, named: ReadonlySet<string>): SemanticProblem {
  const [first] = named;
  return {
    code: 'too-few-contenders',
    message: `a comparison needs at least two contenders, found ${found}${named.size > 0 ? `, but the slides also name ${listed([...named].map((id) => `"${id}"`))}` : ''}`,
    path: ['contenders'],
    hint:
      named.size === 1
        ? `Add "${first}" under "contenders" with an id, a name and a color: - { id: ${first}, name: …, color: "#…" }`
        : named.size > 1
          ? 'Add the contenders the slides name under "contenders", each with an id, a name and a color.'
          : 'Add another entry under "contenders" with an id, a name and a color.',
  };
}

function checkSlideContenders(
  slide: Slide,
  path: OutlinePath,
  contenderIds: string[],
  checkContender: (id: string, path: OutlinePath, key?: string, verdict?: boolean) => void,
  checkSources: (ids: string[] | undefined, path: OutlinePath) => void,
  report: (problem: SemanticProblem) => void,
): void {
  switch (slide.kind) {
    case 'comparison':
      slide.rows.forEach((row, r) => {
        const rowPath = [...path, 'rows', r];
        const keys = Object.keys(row.cells);
        for (const key of keys) checkContender(key, [...rowPath, 'cells'], key);
        // A cell under a misspelt id ("polar") is told once, as the misspelling, not also as a missing cell.
        const misspelt = new Set(
          keys.filter((key) => !contenderIds.includes(key)).map((key) => closest(key, contenderIds)),
        );
        for (const id of contenderIds) {
          if (own(row.cells, id) === undefined && !misspelt.has(id)) {
            report({
              code: 'missing-cell',
              message: `row "${row.aspect}" has no cell for contender "${id}"`,
              path: [...rowPath, 'cells'],
              hint: `Every row needs one cell per contender: ${contenderIds.join(', ')}. Write "—" for "not applicable".`,
            });
          }
        }
        if (row.verdict !== undefined && row.verdict !== 'tie') {
          checkContender(row.verdict, [...rowPath, 'verdict'], undefined, true);
        }
        checkSources(row.sources, [...rowPath, 'sources']);
      });
      break;
    case 'pros-cons':
      for (const side of ['pros', 'cons'] as const) {
        for (const key of Object.keys(slide[side])) checkContender(key, [...path, side], key);
      }
      break;
    case 'code':
      for (const [p, pane] of slide.panes.entries()) checkContender(pane.contender, [...path, 'panes', p, 'contender']);
      break;
    case 'timeline':
      slide.events.forEach((event, e) => {
        if (event.contender) checkContender(event.contender, [...path, 'events', e, 'contender']);
      });
      break;
    case 'decision':
      for (const [c, choice] of slide.choices.entries()) {
        checkContender(choice.contender, [...path, 'choices', c, 'contender']);
      }
      break;
    case 'chart':
      if (slide.values) for (const key of Object.keys(slide.values)) checkContender(key, [...path, 'values'], key);
      slide.groups?.forEach((group, g) => {
        for (const key of Object.keys(group.values)) checkContender(key, [...path, 'groups', g, 'values'], key);
      });
      break;
    default:
      break;
  }
}

function checkProfiles(outline: Outline, report: (problem: SemanticProblem) => void): void {
  const profiles = outline.profiles ?? {};
  const profileNames = Object.keys(profiles);
  if (outline.defaultProfile && own(profiles, outline.defaultProfile) === undefined) {
    report({
      code: 'unknown-profile',
      message: `default profile "${outline.defaultProfile}" is not defined${didYouMean(outline.defaultProfile, profileNames)}`,
      path: ['defaultProfile'],
      hint: profileNames.length ? `Profiles are: ${listed(profileNames)}.` : 'Define it under "profiles".',
    });
  }
  const tags = allTags(outline);
  const ids = allIds(outline);
  for (const [name, profile] of Object.entries(profiles)) {
    profile.only?.forEach((tag, k) => {
      if (!tags.has(tag)) {
        report({
          code: 'unknown-tag',
          message: `no section or slide is tagged "${tag}"${didYouMean(tag, [...tags])}`,
          path: ['profiles', name, 'only', k],
          hint: tags.size
            ? `Tags in this outline: ${listed(tags)}.`
            : 'Tag sections or slides with "tags: [...]" first.',
        });
      }
    });
    profile.skip?.forEach((id, k) => {
      if (!ids.has(id)) {
        report({
          code: 'unknown-id',
          message: `no section or slide has the id "${id}"${didYouMean(id, [...ids])}`,
          path: ['profiles', name, 'skip', k],
          hint: `Ids in this outline: ${listed(ids)}. Every section has an id; give a slide one with "id:" to skip it.`,
        });
      }
    });
  }
}

export function allTags(outline: Outline): Set<string> {
  return new Set(
    outline.sections.flatMap((s) => [...(s.tags ?? []), ...s.slides.flatMap((slide) => slide.tags ?? [])]),
  );
}

export function allIds(outline: Outline): Set<string> {
  return new Set(outline.sections.flatMap((s) => [s.id, ...s.slides.flatMap((slide) => (slide.id ? [slide.id] : []))]));
}

/**
 * The ids that contenders lost to a duplicate (`id: tea` copied for Coffee), by the duplicate's
 * index: an id the outline refers to but no contender has, the one its name spells if any, else
 * the one referred to most.
 */
function lostIds(contenders: readonly { id: string; name: string }[], unknown: readonly string[]): Map<number, string> {
  const times = (id: string) => unknown.filter((other) => other === id).length;
  let unclaimed = [...new Set(unknown)].sort((a, b) => times(b) - times(a));
  const seen = new Set<string>();
  const lost = new Map<number, string>();
  contenders.forEach(({ id, name }, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return;
    }
    const spelt = readableName(name);
    const claimed = unclaimed.includes(spelt) ? spelt : unclaimed[0];
    if (claimed === undefined) return;
    lost.set(i, claimed);
    unclaimed = unclaimed.filter((other) => other !== claimed);
  });
  return lost;
}

function checkUnique(
  entries: { id: string; path: OutlinePath; lost?: string | undefined }[],
  what: string,
  report: (problem: SemanticProblem) => void,
): void {
  const seen = new Map<string, OutlinePath>();
  for (const { id, path, lost } of entries) {
    const first = seen.get(id);
    if (first) {
      report({
        code: 'duplicate-id',
        message: `${what} id "${id}" is used twice`,
        path,
        firstAt: first,
        hint: lost
          ? `Ids must be unique: the outline names "${lost}", which no contender has; write id: ${lost} here if this one is it.`
          : 'Ids must be unique: rename one of them.',
      });
    } else {
      seen.set(id, path);
    }
  }
}
