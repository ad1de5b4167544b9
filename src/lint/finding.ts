/** A finding of the lint rules: a problem a speaker can fix, at its place in the outline. */
export type FindingCode =
  | 'missing-notes'
  | 'missing-source'
  | 'unused-source'
  | 'over-budget'
  | 'under-budget'
  | 'overflow'
  | 'small-text'
  | 'contrast';

export interface Finding {
  severity: 'error' | 'warning';
  code: FindingCode;
  message: string;
  file: string;
  line: number;
  col: number;
  /** 1-based slide number in the built deck, when the finding is about a slide. */
  slide?: number;
  /** For overflow: pixels past the slide's content box, downwards and to the right. */
  overflow?: { bottom: number; right: number };
}
