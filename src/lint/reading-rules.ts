/**
 * What a slide shows that reads wrong at a glance: a timeline's events out of
 * date order, and two contenders whose colors look alike (their bars, headers
 * and badges tell them apart by color).
 */
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { colorDistance } from '../theme/contrast.js';
import type { Finding } from './finding.js';
import { slidesShown } from './shown.js';

/** Colors closer than this in CIELAB (ΔE 1976) read as one at a glance across a room. */
const ALIKE = 20;

export function lintReading(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const findings: Finding[] = [];
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    // Years before the common era count down: such a timeline is read as written.
    if (slide.kind !== 'timeline' || slide.events.some((event) => BEFORE_THE_ERA.test(event.when))) continue;
    let previous: { when: string; date: number } | undefined;
    slide.events.forEach((event, k) => {
      const date = yearOf(event.when);
      if (date === undefined) return;
      if (previous && date < previous.date) {
        findings.push({
          severity: 'warning',
          code: 'out-of-order',
          message: `slide ${number} "${slide.title}": "${event.when}" comes after "${previous.when}"; a timeline reads in date order`,
          hint: 'Put the events in date order, the earliest first.',
          ...at(within(origin, 'events', k, 'when')),
          slide: number,
        });
      }
      previous = { when: event.when, date };
    });
  }
  const contenders = outline.contenders;
  contenders.forEach((a, i) => {
    for (const [j, b] of contenders.entries()) {
      if (j <= i || colorDistance(a.color, b.color) >= ALIKE) continue;
      findings.push({
        severity: 'warning',
        code: 'colors-alike',
        message: `contenders "${a.name}" (${a.color}) and "${b.name}" (${b.color}) have colors that look alike: their bars, headings and badges are told apart by color`,
        hint: `Give ${b.name} a color of another hue or lightness.`,
        ...at(['contenders', j, 'color']),
      });
    }
  });
  return findings;
}

/** BC, BCE, v. Chr., av. J.-C., a.C., a negative year, 紀元前 / 公元前. */
const BEFORE_THE_ERA = /\bB\.?C\.?(E\.?)?\b|v\.\s?Chr|av\.\s?J\.?-?C|\ba\.\s?C\.?\b|(^|\s)-\d|紀元前|公元前/iu;

/**
 * A timeline's `when` as its year: the one four-digit year it names ("Nov 2023", "2026-11", 2020);
 * none for a span ("2016–2024", two years) or a decade ("2010s"), which could stand anywhere
 * between, nor for text without a year. Months are not compared: "2024-12" and "Dec 2024" may be
 * one event's and the next's, written two ways.
 */
function yearOf(when: string): number | undefined {
  const years = when.match(/(?<![\d-])\d{4}(?!\d|s\b)/gu) ?? [];
  return years.length === 1 ? Number(years[0]) : undefined;
}
