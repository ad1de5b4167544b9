/**
 * The pure part of a build, from a loaded outline to markdown:
 * select → plan → render. Shared by `build`, `check` and `dev`.
 */
import path from 'node:path';
import { invalidOutline } from './diagnostics.js';
import type { LoadedOutline } from './outline/load.js';
import { locateProblems } from './outline/positions.js';
import type { Deck } from './plan/deck.js';
import { planDeck } from './plan/plan.js';
import { renderMarkdown } from './render/markdown.js';
import { type Selection, selectOutline } from './select/select.js';

export interface CompileOptions extends Selection {
  /** Theme name for the markdown's `theme:` directive. */
  theme?: string;
}

export interface Compiled {
  deck: Deck;
  markdown: string;
  /** Outline image path → path inside the output folder. */
  assets: Map<string, string>;
}

/** Images are copied next to the deck under `assets/`, keeping their relative path. */
export function assetName(src: string): string {
  return path.posix.join('assets', path.posix.normalize(src.replaceAll('\\', '/')));
}

/** @throws VersusError (kind `invalid-outline`) when the selection is invalid. */
export function compileOutline(loaded: LoadedOutline, options: CompileOptions = {}): Compiled {
  const selected = selectOutline(loaded.outline, options);
  if (!selected.ok) throw invalidOutline(locateProblems(loaded.parsed, selected.problems));
  const deck = planDeck(selected.outline, {
    ...(options.theme ? { theme: options.theme } : {}),
    ...(selected.profile ? { profile: selected.profile } : {}),
  });
  const assets = new Map<string, string>();
  const markdown = renderMarkdown(deck, {
    assetPath: (src) => {
      const name = assetName(src);
      assets.set(src, name);
      return encodeURI(name);
    },
  });
  return { deck, markdown, assets };
}
