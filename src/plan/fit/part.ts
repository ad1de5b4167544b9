/** What the fitting strategies produce: the parts a slide becomes, each one slide. */
import type { SlideContent, SlideFit } from '../deck.js';

/** One slide of the parts a slide becomes, with the sizes chosen for it. */
export interface Part<C = SlideContent> {
  content: C;
  fit: SlideFit;
  start?: number;
  shown?: string[];
  dense?: boolean;
  /** A comparison's column widths in px, the aspect's first (see `contentWidths`). */
  widths?: number[];
  /** A comparison's row heights in px as measured, its header's first. */
  rowHeights?: number[];
  /** Columns side by side, for the kinds laid out in columns. */
  columns?: number;
  /** The cell of its row each column stands in, when some are left out (see `slotsOf`). */
  slots?: number[];
  /** Columns (by their place on the slide) that span their row: a code pane alone under the others. */
  wide?: number[];
}
