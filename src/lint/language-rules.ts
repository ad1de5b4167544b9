/**
 * A code pane's or an exercise's `language` that neither highlight.js nor versus
 * knows: a typo ("typescrpt") shows the code without highlighting, names no exercise
 * file, and leaves the code out of `check --run`. One versus knows but highlight.js
 * has no grammar for (zig) is told once per talk: its code shows plain, and the rest works.
 */
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { closest } from '../shared/closest.js';
import { KNOWN_LANGUAGES, showsUnhighlighted, sourceFileOf } from '../shared/languages.js';
import type { Finding } from './finding.js';
import { slidesShown } from './shown.js';

export function lintLanguages(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const known = [...KNOWN_LANGUAGES];
  const findings: Finding[] = [];
  /** Each language shown without highlighting, lower case → its finding (at its first pane) and how many panes use it. */
  const unhighlighted = new Map<string, { index: number; panes: number; slide: string }>();
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    const named: [language: string | undefined, path: (string | number)[]][] =
      slide.kind === 'code'
        ? slide.panes.map((pane, p) => [pane.language, ['panes', p, 'language']])
        : slide.kind === 'exercise'
          ? [[slide.language, ['language']]]
          : [];
    for (const [language, path] of named) {
      if (language !== undefined && showsUnhighlighted(language)) {
        const seen = unhighlighted.get(language.toLowerCase());
        if (seen) seen.panes++;
        else {
          unhighlighted.set(language.toLowerCase(), {
            index: findings.length,
            panes: 1,
            slide: `slide ${number} "${slide.title}"`,
          });
          findings.push({
            severity: 'warning',
            code: 'unhighlighted-language',
            message: unhighlightedMessage(language, `slide ${number} "${slide.title}"`, 1),
            hint: `Leave it if plain code will do: exercise files are named .${sourceFileOf(language).ext}, and check --run runs it with a runner for ${language} (run.runners or --runner ${language}=…).`,
            ...at(within(origin, ...path)),
            slide: number,
          });
        }
        continue;
      }
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
  // One finding a language, which counts the other panes that show it.
  for (const [language, { index, panes, slide }] of unhighlighted) {
    const finding = findings[index] as Finding;
    findings[index] = { ...finding, message: unhighlightedMessage(language, slide, panes) };
  }
  return findings;
}

function unhighlightedMessage(language: string, slide: string, panes: number): string {
  const others = panes === 1 ? '' : panes === 2 ? ', as does 1 other pane' : `, as do ${panes - 1} other panes`;
  return `${slide} shows its ${language} code without highlighting${others}: highlight.js has no grammar for "${language}" (exercise files and check --run still work)`;
}
