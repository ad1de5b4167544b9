/**
 * What the browser measured of one built slide: how far its content runs past
 * the slide's content box. The lint rules read it as data (`overflowFindings`);
 * export/measure.ts fills it in a real browser.
 */
export interface SlideMeasure {
  /** 1-based slide number. */
  slide: number;
  /** Pixels the content runs past the bottom of the content box (0 when it fits). */
  bottom: number;
  /** Pixels the content runs past the right of the content box. */
  right: number;
}
