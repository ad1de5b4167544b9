/**
 * Per-deck CSS: the contenders' colors as custom properties and the rules that
 * tie table columns and layout columns to them. Built only from validated hex
 * colors and indexes, never from free text.
 */
import { directionOf } from '../i18n/catalogs.js';
import type { Contender } from '../outline/schema.js';
import type { Deck, DeckSlide, SlideFit } from '../plan/deck.js';
import { edgeOn, readableTextOn } from '../theme/contrast.js';
import { BODY, HEADING_LINE, quoteAuthorSize, TABLE, tablePadX } from '../theme/geometry.js';
import type { Palette } from '../theme/palette.js';

export function contenderStyle(contenders: readonly Contender[], palette: Palette): string {
  const background = palette.bg;
  const rules = contenders.flatMap((contender, i) => {
    const n = i + 1;
    const column = n + 1; // the first table column holds the aspect
    // A color with under 3:1 against the slide gets the theme's outline (in its text color) wherever it fills a shape.
    const edge = edgeOn(contender.color, background, 'var(--fg)') ?? 'transparent';
    return [
      `section { --c${n}: ${contender.color}; --c${n}-text: ${readableTextOn(contender.color)}; --c${n}-edge: ${edge}; }`,
      `section table th:nth-child(${column}) { background: var(--c${n}); color: var(--c${n}-text); box-shadow: inset 0 0 0 var(--edge-width) var(--c${n}-edge); }`,
      `section table td:nth-child(${column}):has(> mark) { box-shadow: inset var(--mark-edge, ${TABLE.markEdge}px) 0 0 var(--c${n}), inset var(--mark-outline, ${TABLE.markEdge + 2}px) 0 0 var(--c${n}-edge); }`,
      `section .c${n} { --accent: var(--c${n}); --accent-text: var(--c${n}-text); --accent-edge: var(--c${n}-edge); }`,
    ];
  });
  // Every title's bar shows every contender, outlined in the text color when one of them is faint on
  // the slide: the page's background, or a divider's.
  const faintOn = (color: string) => contenders.some((c) => edgeOn(c.color, color, 'x'));
  const edges = [
    ...(faintOn(background) ? ['section { --bar-edge: var(--fg); }'] : []),
    ...(faintOn(palette.dividerBg) ? ['section.divider { --bar-edge: var(--divider-fg); }'] : []),
  ];
  return [...rules, ...edges, ...titleBars(contenders)].join('\n');
}

/** The bar under every title: one segment per contender when there are more than the theme's two. */
function titleBars(contenders: readonly Contender[]): string[] {
  if (contenders.length <= 2) return [];
  const share = 100 / contenders.length;
  const stops = contenders
    .map((_, i) => `var(--c${i + 1}) ${(i * share).toFixed(2)}% ${((i + 1) * share).toFixed(2)}%`)
    .join(', ');
  return [
    `section h1::after { background: linear-gradient(90deg, ${stops}); }`,
    `section[dir='rtl'] h1::after { background: linear-gradient(270deg, ${stops}); }`,
  ];
}

/**
 * A right-to-left talk's direction, for every Marp renderer: versus's own
 * exports also mark each slide `dir="rtl"` (see marp-engine.ts), which the
 * themes mirror by; editors' previews get the direction from here.
 */
export function directionStyle(lang: string): string {
  return directionOf(lang) === 'rtl' ? 'section { direction: rtl; }' : '';
}

/** CSS for each size the planner chose, keyed by a class on the slide (Marp allows no inline styles). */
const FIT_RULES: Record<keyof SlideFit, (px: number) => string> = {
  title: (px) => `section.fit-title-${px} h1 { font-size: ${px}px; }`,
  subtitle: (px) => `section.fit-subtitle-${px} h2 { font-size: ${px}px; }`,
  byline: (px) => `section.fit-byline-${px} p { font-size: ${px}px; }`,
  speakers: (n) => `section.fit-speakers-${n} .speakers { grid-template-columns: repeat(${n}, minmax(0, 1fr)); }`,
  code: (px) => `section.fit-code-${px} pre { font-size: ${px}px; }`,
  text: (px) =>
    `section.fit-text-${px} blockquote > p:first-child, section.fit-text-${px} p.statement { font-size: ${px}px; }` +
    (quoteAuthorSize(px) < BODY.size
      ? `\nsection.fit-text-${px} blockquote > p:last-child:not(:first-child) { font-size: ${quoteAuthorSize(px)}px; }`
      : ''),
  image: (px) => `section.fit-image-${px} img { max-height: ${px}px; }`,
  gap: (px) => `section.fit-gap-${px} li { margin-bottom: ${px}px; }`,
  headings: (lines) =>
    `section.fit-headings-${lines} .column h2 { box-sizing: content-box; min-height: ${lines * HEADING_LINE}em; }`,
};

/** The classes that give a slide its fitted sizes, and the first contender a table part shows. */
export function fitClasses(slide: DeckSlide, contenders: readonly Contender[]): string[] {
  const sizes = Object.entries(slide.fit ?? {}).map(([key, px]) => `fit-${key}-${px}`);
  const widths = slide.widths ? [widthsClass(slide.widths)] : [];
  const first = firstShown(slide, contenders);
  return first > 1 ? [...sizes, ...widths, `from-${first}`] : [...sizes, ...widths];
}

/** The class that gives a table its planned column widths. */
const widthsClass = (widths: readonly number[]) => `widths-${widths.join('-')}`;

/** A table's column widths as the planner chose them (each cell's padding comes on top of its CSS width). */
function widthRules(widths: readonly number[], size: number): string[] {
  return widths.map(
    (px, i) =>
      `section.${widthsClass(widths)} table th:nth-child(${i + 1}) { width: ${Math.max(0, px - tablePadX(size))}px; }`,
  );
}

/** 1-based number of the first contender a slide shows (a table part may start further on). */
function firstShown(slide: DeckSlide, contenders: readonly Contender[]): number {
  return slide.shown ? contenders.findIndex((c) => c.id === slide.shown?.[0]) + 1 : 1;
}

/** Rules for the fitted sizes and table widths the deck uses, and the colors of table parts that start at a later contender. */
export function fitStyle(deck: Deck): string {
  const rules = new Set<string>();
  for (const slide of deck.slides) {
    for (const [key, px] of Object.entries(slide.fit ?? {})) rules.add(FIT_RULES[key as keyof SlideFit](px));
    const size = slide.dense ? TABLE.dense : TABLE.size;
    for (const rule of slide.widths ? widthRules(slide.widths, size) : []) rules.add(rule);
    const first = firstShown(slide, deck.contenders);
    for (let i = 0; first > 1 && i < (slide.shown?.length ?? 0); i++) {
      const n = first + i;
      rules.add(
        `section.from-${first} table th:nth-child(${i + 2}) { background: var(--c${n}); color: var(--c${n}-text); box-shadow: inset 0 0 0 var(--edge-width) var(--c${n}-edge); }`,
      );
      rules.add(
        `section.from-${first} table td:nth-child(${i + 2}):has(> mark) { box-shadow: inset var(--mark-edge, ${TABLE.markEdge}px) 0 0 var(--c${n}); }`,
      );
    }
  }
  return [...rules].sort().join('\n');
}
