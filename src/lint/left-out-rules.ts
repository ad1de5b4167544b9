/**
 * What an outline asks for that the deck shows nowhere, with nothing said: a
 * contender that a pros-and-cons slide has no word on (its column is left
 * out) or only pros for while others have both (or only cons), a section without slides (it has no divider and no line on the
 * agenda), a chart without a single value to draw.
 */

import { type Where, within } from '../outline/origin.js';
import { own } from '../outline/own.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import type { Finding } from './finding.js';
import { slidesShown } from './shown.js';

export function lintLeftOut(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const findings: Finding[] = [];
  outline.sections.forEach((section, i) => {
    if (section.slides.length > 0) return;
    findings.push({
      severity: 'warning',
      code: 'left-out',
      message: `section "${section.title}" has no slides: it shows nowhere, neither as a divider nor on the agenda`,
      hint: 'Add its slides, or take the section out until it has some.',
      ...at(within(section.origin ?? ['sections', i], 'slides')),
    });
  });
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    if (slide.kind === 'pros-cons') {
      const silent = deck.contenders.filter((c) => !own(slide.pros, c.id)?.length && !own(slide.cons, c.id)?.length);
      for (const contender of silent) {
        findings.push({
          severity: 'warning',
          code: 'left-out',
          message: `slide ${number} "${slide.title}" has no pros or cons for ${contender.name}: its column is left out`,
          hint: `Add pros: { ${contender.id}: [ … ] } or cons for it, or say in the notes why it has none.`,
          ...at(origin),
          slide: number,
        });
      }
      // One side missing where others have both: a column that reads as "no cons at all".
      const has = (side: 'pros' | 'cons', id: string) => (own(slide[side], id)?.length ?? 0) > 0;
      const someHaveBoth = deck.contenders.some((c) => has('pros', c.id) && has('cons', c.id));
      for (const [side, other] of someHaveBoth
        ? ([
            ['cons', 'pros'],
            ['pros', 'cons'],
          ] as const)
        : []) {
        for (const contender of deck.contenders.filter((c) => !has(side, c.id) && has(other, c.id))) {
          findings.push({
            severity: 'warning',
            code: 'left-out',
            message: `slide ${number} "${slide.title}" lists ${other} and no ${side} for ${contender.name}, where others have both: its column shows no ${side} at all`,
            hint: `Add ${side}: { ${contender.id}: [ … ] }, or say in the notes why it has none.`,
            ...at(within(origin, side)),
            slide: number,
          });
        }
      }
    }
    if (slide.kind === 'chart') {
      const tables = slide.groups?.map((group) => group.values) ?? [slide.values ?? {}];
      const drawn = tables.some((values) => Object.values(values).some((value) => value !== null && value !== 0));
      if (!drawn) {
        findings.push({
          severity: 'warning',
          code: 'left-out',
          message: `slide ${number} "${slide.title}" has no value to draw: every bar is zero or "n/a"`,
          hint: 'Write the measured numbers under values:, or make it another kind of slide.',
          ...at(within(origin, slide.groups ? 'groups' : 'values')),
          slide: number,
        });
      }
    }
  }
  return findings;
}
