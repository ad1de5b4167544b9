import type { Diagnostic, LintCode, RunCode } from '../diagnostics/diagnostics.js';

/** The codes of the lint rules and of `check --run`. */
export type FindingCode = LintCode | RunCode;

/**
 * A finding of the lint rules: a diagnostic (an error or a warning) a speaker
 * can fix, at its place in the outline, printed like every other diagnostic.
 */
export interface Finding extends Diagnostic {
  code: FindingCode;
  /** 1-based slide number in the built deck, when the finding is about a slide. */
  slide?: number;
  /** For overflow: pixels past the slide's content box, downwards and to the right. */
  overflow?: { bottom: number; right: number };
  /** For a block of code that failed under `check --run`: the last lines it printed. */
  output?: string[];
}
