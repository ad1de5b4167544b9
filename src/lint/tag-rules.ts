/**
 * A section's or slide's tag a letter or two away from one a profile selects (`worskhop` for
 * `workshop`): a slide's tags replace its section's, so the profile whose `only` it misses leaves
 * the slide out, and an exercise vanishes from the kit without a word.
 */
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { closest } from '../shared/closest.js';
import type { Finding } from './finding.js';

export function lintTagTypos(outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const selectors = new Map<string, string[]>();
  for (const [profile, { only = [] }] of Object.entries(outline.profiles ?? {})) {
    for (const tag of only) selectors.set(tag, [...(selectors.get(tag) ?? []), profile]);
  }
  if (selectors.size === 0) return [];
  const tagged = outline.sections.flatMap((section, s) => [
    { tags: section.tags, where: section.origin ?? ['sections', s], what: `section "${section.title}"` },
    ...section.slides.map((slide, i) => ({
      tags: slide.tags,
      where: slide.origin ?? ['sections', s, 'slides', i],
      what: `slide "${slide.title ?? slide.id ?? i + 1}"`,
    })),
  ]);
  return tagged.flatMap(({ tags = [], where, what }) =>
    tags.flatMap((tag, k): Finding[] => {
      const meant = selectors.has(tag) ? undefined : closest(tag, [...selectors.keys()]);
      if (!meant) return [];
      const profiles = (selectors.get(meant) ?? []).join(', ');
      return [
        {
          severity: 'warning',
          code: 'unselected-tag',
          message: `${what} is tagged "${tag}", which no profile selects (did you mean "${meant}"?): the profiles that select "${meant}" (${profiles}) leave it out`,
          hint: `Write "${meant}", or name "${tag}" in a profile's only: if it is a tag of its own.`,
          ...at(within(where, 'tags', k)),
        },
      ];
    }),
  );
}
