/** The outline's slides a deck shows, for rules that read a slide as written (its lists, its panes' fields). */
import type { Where } from '../outline/origin.js';
import type { Outline, Slide } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';

/** Each slide of `outline` that `deck` shows, with where it was written and the number of its first part. */
export function slidesShown(deck: Deck, outline: Outline): { slide: Slide; origin: Where; number: number }[] {
  const numbers = new Map<string, number>();
  deck.slides.forEach((slide, i) => {
    const key = JSON.stringify(slide.origin);
    if (!numbers.has(key)) numbers.set(key, i + 1);
  });
  return outline.sections.flatMap((section) =>
    section.slides.flatMap((slide) => {
      const number = slide.origin && numbers.get(JSON.stringify(slide.origin));
      return slide.origin && number !== undefined ? [{ slide, origin: slide.origin as Where, number }] : [];
    }),
  );
}
