/**
 * What a `run.after` may name. A pane's: contenders with another pane on its
 * slide. An exercise's: other exercises that come before it in the talk, in
 * its language, whose solutions then run first in one process, as the
 * speaker's notebook runs top to bottom. Checked on the outline as overlays
 * leave it (profiles select slides, never move them). Pure.
 */
import { isProse, usualName } from '../shared/languages.js';
import { outlineCodeLanguage } from './code-language.js';
import type { OutlinePath } from './outline-path.js';
import type { SemanticProblem } from './positions.js';
import type { Outline, Slide } from './schema.js';
import { didYouMean } from './suggest.js';

type ExerciseSlide = Extract<Slide, { kind: 'exercise' }>;

/** An exercise with an id, its place in the talk and its language. */
interface Named {
  id: string;
  index: number;
  language: string | undefined;
  after: readonly string[];
}

export function checkRunOrder(outline: Outline, report: (problem: SemanticProblem) => void): void {
  const talkLanguage = outlineCodeLanguage(outline);
  const exercises = outline.sections
    .flatMap((s) => s.slides)
    .filter((slide): slide is ExerciseSlide => slide.kind === 'exercise');
  const named = new Map<string, Named>();
  exercises.forEach((slide, index) => {
    if (slide.id !== undefined && !named.has(slide.id))
      named.set(slide.id, {
        id: slide.id,
        index,
        language: slide.language ?? talkLanguage,
        after: slide.run === false ? [] : (slide.run?.after ?? []),
      });
  });
  let index = 0;
  outline.sections.forEach((section, i) => {
    section.slides.forEach((slide, j) => {
      const path: OutlinePath = ['sections', i, 'slides', j];
      if (slide.kind === 'code') checkPanes(slide.panes, path, report);
      if (slide.kind !== 'exercise') return;
      const self = { id: slide.id, index: index++, language: slide.language ?? talkLanguage };
      if (slide.run === false) return;
      slide.run?.after?.forEach((id, k) => {
        const problem = afterProblem(self, id, named);
        if (problem) report({ ...problem, path: [...path, 'run', 'after', k] });
      });
    });
  });
}

/** A pane's `after` names contenders with a pane on its slide (not itself). */
function checkPanes(
  panes: Extract<Slide, { kind: 'code' }>['panes'],
  path: OutlinePath,
  report: (problem: SemanticProblem) => void,
): void {
  panes.forEach((pane, p) => {
    const others = panes.filter((other) => other !== pane).map((other) => other.contender);
    const after = pane.run === false ? undefined : pane.run?.after;
    after?.forEach((contender, k) => {
      if (others.includes(contender)) return;
      report({
        code: 'unknown-contender',
        message: `no other pane of this slide belongs to "${contender}"${didYouMean(contender, others)}`,
        path: [...path, 'panes', p, 'run', 'after', k],
        hint: others.length
          ? `"after" names the contenders of panes on the same slide whose code runs first: ${others.join(', ')}.`
          : 'This slide has no other pane to run first: remove "after".',
      });
    });
  });
}

/** What is wrong with an exercise's `after: [id]`, if anything. */
function afterProblem(
  self: { id: string | undefined; index: number; language: string | undefined },
  id: string,
  named: ReadonlyMap<string, Named>,
): Omit<SemanticProblem, 'path'> | undefined {
  const other = named.get(id);
  const name = self.id === undefined ? 'this exercise' : `"${self.id}"`;
  if (!other || id === self.id) {
    const others = [...named.keys()].filter((key) => key !== self.id);
    const earlier = [...named.values()].filter((e) => e.index < self.index).map((e) => e.id);
    return {
      code: 'unknown-id',
      message:
        id === self.id
          ? `exercise "${id}" cannot run after itself`
          : `no exercise has the id "${id}"${didYouMean(id, others)}`,
      hint: earlier.length
        ? `"after" names earlier exercises, whose solutions run first: ${earlier.join(', ')}.`
        : 'Give the earlier exercise an "id:" and name it here.',
    };
  }
  if (other.index > self.index) {
    // A later exercise that runs after this one, itself or through others, makes a circle.
    const circle = self.id !== undefined && runsAfter(other, self.id, named);
    return {
      code: 'run-after-later',
      message: `exercise "${id}" comes after ${name} in the talk${circle ? `, and runs after ${name} itself` : ''}: its solution cannot run first, as the notebook runs the exercises top to bottom`,
      hint: circle
        ? `Take "${id}" out of this "after": it already runs after ${name}.`
        : `"after" names earlier exercises: move "${id}" above ${name} in the talk, or take it out of this "after".`,
    };
  }
  const [mine, theirs] = [self.language, other.language];
  if (mine && theirs && !isProse(mine) && !isProse(theirs) && usualName(mine) !== usualName(theirs)) {
    return {
      code: 'run-after-language',
      message: `exercise "${id}" is in ${theirs}, ${name} in ${mine}: they cannot run in one process`,
      hint: `"after" names earlier exercises in the same language, whose solutions run first: take "${id}" out of it, and define what ${name} needs in its own solution (or in run.setup.${usualName(mine)}).`,
    };
  }
  return undefined;
}

/** Whether an exercise runs after `id`, itself or through those it runs after. */
function runsAfter(exercise: Named, id: string, named: ReadonlyMap<string, Named>, seen = new Set<string>()): boolean {
  if (seen.has(exercise.id)) return false;
  seen.add(exercise.id);
  return exercise.after.some((next) => {
    const other = named.get(next);
    return next === id || (other !== undefined && runsAfter(other, id, named, seen));
  });
}
