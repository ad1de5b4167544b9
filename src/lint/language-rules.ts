/**
 * A code pane's or an exercise's `language` that neither highlight.js nor versus
 * knows: a typo ("typescrpt") shows the code without highlighting, names no exercise
 * file, and leaves the code out of `check --run`.
 */
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { closest } from '../shared/closest.js';
import { KNOWN_LANGUAGES } from '../shared/languages.js';
import type { Finding } from './finding.js';
import { slidesShown } from './shown.js';

export function lintLanguages(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const known = [...KNOWN_LANGUAGES];
  const findings: Finding[] = [];
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    const named: [language: string | undefined, path: (string | number)[]][] =
      slide.kind === 'code'
        ? slide.panes.map((pane, p) => [pane.language, ['panes', p, 'language']])
        : slide.kind === 'exercise'
          ? [[slide.language, ['language']]]
          : [];
    for (const [language, path] of named) {
      if (language === undefined || KNOWN_LANGUAGES.has(language.toLowerCase())) continue;
      const meant = closest(language, known);
      findings.push({
        severity: 'warning',
        code: 'unknown-language',
        message: `"${language}" is not a language versus knows${meant ? ` (did you mean "${meant}"?)` : ''}: slide ${number} "${slide.title}" shows its code without highlighting, and check --run runs it only with a runner named for it`,
        hint: 'Name the language as highlight.js does (python, javascript or js, typescript or ts, bash…), or text for plain text.',
        ...at(within(origin, ...path)),
        slide: number,
      });
    }
  }
  return findings;
}
