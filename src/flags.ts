/**
 * Parsers for the flags that take one of a closed set of values (`--formats`,
 * `--paper`, `--handout-layout`, `--pptx`). A value outside the set is a usage
 * error told at its flag, as `--skip nosuch` is, with the value it likely means
 * and the values there are.
 */
import type { Diagnostic } from './diagnostics/diagnostics.js';
import { flagError, flagProblem } from './diagnostics/flag-problem.js';
import { keyInOtherWords } from './outline/suggest.js';
import { FORMATS, type Format } from './pipeline/formats.js';
import { closest } from './shared/closest.js';

/** Words people write for a format (compared without case, `_` or `-`). */
const FORMAT_SYNONYMS: Record<string, Format> = {
  image: 'png',
  images: 'png',
  pictures: 'png',
  markdown: 'md',
  slides: 'pdf',
  powerpoint: 'pptx',
  ipynb: 'notebook',
  notebooks: 'notebook',
  jupyter: 'notebook',
};

/** `-f md,html` as formats, or every one for `all`. */
export function parseFormats(value: string): Format[] {
  const formats = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (formats.includes('all')) return [...FORMATS];
  const choices = [...FORMATS, 'all'];
  // `-f ''` built nothing, and its record then said the talk was up to date.
  if (formats.length === 0) {
    throw flagError([choiceProblem(`--formats ${value.trim()}`.trimEnd(), 'names no format', choices)]);
  }
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) {
    const meant = (format: string) => keyInOtherWords(format, FORMATS, FORMAT_SYNONYMS) ?? closest(format, choices);
    throw flagError(
      unknown.map((format) =>
        choiceProblem(`--formats ${format}`, `"${format}" is not a format${suggestion(meant(format))}`, choices),
      ),
    );
  }
  return formats as Format[];
}

/** A parser for a flag that takes one of `choices` (keep `Option.choices` too, for `--help`). */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    const message = `"${value}" is not a value of ${flag}${suggestion(closest(value, choices))}`;
    throw flagError([choiceProblem(`${flag} ${value}`, message, choices)]);
  };
}

function suggestion(meant: string | undefined): string {
  return meant ? ` (did you mean "${meant}"?)` : '';
}

function choiceProblem(flag: string, message: string, choices: readonly string[]): Diagnostic {
  return flagProblem(flag, message, `Choose from ${choices.join(', ')}.`);
}
