/**
 * A code pane's or an exercise's `language` that neither highlight.js nor versus
 * knows: a typo ("typescrpt") shows the code without highlighting, names no exercise
 * file, and leaves the code out of `check --run`. One versus knows but highlight.js
 * has no grammar for (zig) is told once per talk: its code shows plain, and the rest works.
 */

import { outlineCodeLanguage, panesOf } from '../outline/code-language.js';
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { closest } from '../shared/closest.js';
import { isProse, KNOWN_LANGUAGES, showsUnhighlighted, sourceFileOf, usualName } from '../shared/languages.js';
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
  findings.push(...unnamedExerciseLanguages(deck, outline, at));
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

/**
 * Each language the outline's code is written in, by its usual name (`py` → `python`): its panes',
 * its exercises', and for an exercise without one the talk's (its first pane's), as `check --run`
 * and the notebooks take it. Every slide counts, whichever profile shows it.
 */
function languagesWritten(outline: Outline): Set<string> {
  const talk = outlineCodeLanguage(outline);
  const written = [
    ...panesOf(outline).map((pane) => pane.language),
    ...outline.sections.flatMap((section) =>
      section.slides.map((slide) => (slide.kind === 'exercise' ? (slide.language ?? talk) : undefined)),
    ),
  ];
  return new Set(written.flatMap((language) => (language && !isProse(language) ? [usualName(language)] : [])));
}

/** Whether `language` (a name under `run.setup`, `run.runners` or in `--runner`) is one no code of the talk is in, and the one it likely means. */
function unusedLanguage(outline: Outline): (language: string) => { meant: string; hint: string } | undefined {
  const written = languagesWritten(outline);
  const hint = written.size
    ? `Name the language as the panes and exercises do: ${[...written].join(', ')}.`
    : 'No pane or exercise of the talk names a language yet: give them one (language: python…).';
  return (language) => {
    if (written.has(usualName(language))) return undefined;
    const close = closest(language, [...written]);
    return { meant: close ? ` (did you mean "${close}"?)` : '', hint };
  };
}

/**
 * A language named under `run.setup` or `run.runners` that no code of the talk is in: a typo
 * ("pyhton") leaves the set-up code out of every run and of the speaker's notebook, and the
 * runner unused, without a word.
 */
export function lintRunLanguages(outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const unused = unusedLanguage(outline);
  const { setup = {}, runners = {} } = outline.run ?? {};
  const said = {
    setup: 'is set-up code for',
    runners: 'names a runner for',
  };
  const done = { setup: 'it runs before no block and starts no notebook', runners: 'it runs nothing' };
  return (['setup', 'runners'] as const).flatMap((field) =>
    Object.keys(field === 'setup' ? setup : runners).flatMap((language): Finding[] => {
      const found = unused(language);
      if (!found) return [];
      return [
        {
          severity: 'warning',
          code: 'unused-run-language',
          message: `run.${field}.${language} ${said[field]} "${language}", a language no code of the talk is in${found.meant}: ${done[field]}`,
          hint: found.hint,
          ...at(['run', field, language]),
        },
      ];
    }),
  );
}

/** `--runner <language>=…` for a language no code of the talk is in: an error, as `--only` naming no tag is. */
export function runnerFlagFindings(outline: Outline, languages: readonly string[]): Finding[] {
  const unused = unusedLanguage(outline);
  return languages.flatMap((language): Finding[] => {
    const found = unused(language);
    if (!found) return [];
    return [
      {
        severity: 'error',
        code: 'unused-run-language',
        message: `--runner ${language}=… names a runner for "${language}", a language no code of the talk is in${found.meant}`,
        hint: found.hint,
        file: '',
        line: 0,
        col: 0,
        flag: `--runner ${language}`,
      },
    ];
  });
}

/** A shell pane beside the code (`pip install …`) is not another language an exercise may be in. */
const SHELLS = new Set(['bash', 'zsh', 'powershell', 'console', 'shell-session']);

/**
 * An exercise without `language` in a talk whose panes are in more than one: it takes the talk's
 * (its first pane's), so a Go exercise becomes a Python cell of the notebook and `check --run`
 * runs it as Python.
 */
function unnamedExerciseLanguages(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const languages = new Set(panesOf(outline).flatMap((pane) => (pane.language ? [usualName(pane.language)] : [])));
  const talk = outlineCodeLanguage(outline);
  const programs = [...languages].filter((language) => !SHELLS.has(language));
  if (programs.length < 2 || !talk) return [];
  return slidesShown(deck, outline).flatMap(({ slide, origin, number }): Finding[] =>
    slide.kind === 'exercise' && slide.language === undefined
      ? [
          {
            severity: 'warning',
            code: 'exercise-language',
            message: `exercise "${slide.title}" names no language, so it is taken to be in ${talk}, the talk's first pane's, though the talk's code is in ${[...languages].join(', ')}: its notebook cell or file and check --run follow that`,
            hint: `Say which with language: (${[...languages].join(', ')}, or text for an answer in words).`,
            ...at(within(origin, 'title')),
            slide: number,
          },
        ]
      : [],
  );
}
