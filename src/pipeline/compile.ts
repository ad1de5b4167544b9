/**
 * The pure part of a build, from a loaded outline to markdown:
 * select → plan → render. Shared by `build`, `check` and `dev`, and the one
 * module outside render/ that calls the renderers: the commands ask it for
 * every markdown they write.
 */
import { invalidOutline } from '../diagnostics/diagnostics.js';
import type { LoadedOutline } from '../outline/load.js';
import { outlineLocator } from '../outline/origin.js';
import { toDiagnostics } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { planDeck } from '../plan/plan.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderRunSheet } from '../render/runsheet.js';
import { type Selection, selectOutline } from '../select/select.js';
import type { Palette } from '../theme/palette.js';

export interface CompileOptions extends Selection {
  /** Theme name for the markdown's `theme:` directive. */
  theme?: string;
  /** The theme's colors (a theme file's own); by default the built-in theme's of that name. */
  palette?: Palette;
}

export interface Compiled {
  deck: Deck;
  /** The outline as selected for this deck (profile, tags, skips): its slides as written, in the deck's order. */
  outline: Outline;
  markdown: string;
  /** Images the deck shows: asset name (relative to the output folder) → file on disk. */
  assets: Map<string, string>;
}

/** @throws VersusError (kind `invalid-outline`) when the selection is invalid. */
export function compileOutline(loaded: LoadedOutline, options: CompileOptions = {}): Compiled {
  const selected = selectOutline(loaded.outline, options);
  if (!selected.ok) throw invalidOutline(toDiagnostics(selected.problems, outlineLocator(loaded)));
  const deck = planDeck(selected.outline, {
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.palette ? { palette: options.palette } : {}),
    ...(selected.profile ? { profile: selected.profile } : {}),
  });
  const shown = new Set(
    deck.slides.flatMap((slide) => (slide.kind === 'image' && slide.asset ? [slide.asset.name] : [])),
  );
  const assets = new Map([...loaded.assets].filter(([name]) => shown.has(name)));
  return { deck, outline: selected.outline, markdown: renderMarkdown(deck), assets };
}

/**
 * The slides' markdown with the notes the audience may see (no private notes or
 * solutions): the HTML people are sent. The same as `markdown` for most talks.
 */
export function audienceMarkdown(compiled: Compiled): string {
  return renderMarkdown(compiled.deck, 'audience');
}

/** The speaker's run sheet (`<slug>.runsheet.md`): each slide's time and the running total. */
export function runSheet(compiled: Compiled): string {
  return renderRunSheet(compiled.deck);
}
