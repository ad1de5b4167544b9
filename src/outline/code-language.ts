/**
 * The language an outline's code is in by default: an exercise without a
 * `language` is in the language of the talk's first code pane that names one.
 * Pure; read by the run-order checks, `check --run` and the lint rules alike.
 */
import type { CodePane, Outline } from './schema.js';

/** Every code pane an outline writes, whichever profile shows its slide, in the outline's order. */
export function panesOf(outline: Outline): CodePane[] {
  return outline.sections.flatMap((section) =>
    section.slides.flatMap((slide) => (slide.kind === 'code' ? slide.panes : [])),
  );
}

/**
 * The language of an outline's code panes, the first one named: an exercise's language by
 * default, as `check --run` and the lint rules take it (`codeLanguageOf` for a planned deck).
 */
export function outlineCodeLanguage(outline: Outline): string | undefined {
  return panesOf(outline).find((pane) => pane.language)?.language;
}
