/**
 * An exercise whose `run.after` names an exercise the selection (a profile,
 * `--only`, `--skip`) leaves out: `check --run` still runs that solution first,
 * but the notebooks hold only the selected exercises, and the kept one's code
 * fails there without what the other sets up. Shared by `check` and `build`.
 */

import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import type { Finding } from './finding.js';

export function leftOutRunsAfter(
  deck: Deck,
  outline: Outline,
  at: (where: Where) => FilePosition,
  severity: Finding['severity'],
): Finding[] {
  const exerciseIds = (slides: readonly { kind: string; id?: string | undefined }[]) =>
    new Set(slides.flatMap((slide) => (slide.kind === 'exercise' && slide.id ? [slide.id] : [])));
  const kept = exerciseIds(deck.slides);
  const everyExercise = exerciseIds(outline.sections.flatMap((section) => section.slides));
  return deck.slides.flatMap((slide, i): Finding[] => {
    if (slide.kind !== 'exercise' || (slide.part?.index ?? 1) > 1 || slide.run === false) return [];
    return (slide.run?.after ?? []).flatMap((id, k): Finding[] =>
      kept.has(id) || !everyExercise.has(id)
        ? []
        : [
            {
              severity,
              code: 'left-out-run-after',
              message: `exercise "${slide.id ?? slide.title}" runs after exercise "${id}", which the deck leaves out (its profile, --only or --skip): in the notebooks its code would run without what "${id}" sets up`,
              hint: `Keep "${id}" in the deck, or make "${slide.id ?? slide.title}" set up what it needs itself and take "${id}" out of its "after".`,
              ...at(within(slide.origin, 'run', 'after', k)),
              slide: i + 1,
            },
          ],
    );
  });
}
