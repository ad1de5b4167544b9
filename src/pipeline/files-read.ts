/**
 * Every file a build of an outline reads, besides versus itself: the outline
 * and the chain it extends, the theme files (and what they name), images and code files. `dev`
 * watches them; `build` records their content to skip unchanged talks.
 */
import path from 'node:path';
import type { LoadedOutline } from '../outline/load.js';
import type { ResolvedTheme } from '../theme/resolve.js';

export function filesRead(loaded: LoadedOutline, theme: ResolvedTheme): string[] {
  // By the names the outline gives them and where their links lead: either may change.
  return [
    ...new Set([
      ...loaded.files,
      ...theme.files,
      // And the pictures and fonts a theme file names.
      ...(theme.read?.keys() ?? []),
      ...loaded.inputs.keys(),
      ...loaded.assets.values(),
      ...codeFiles(loaded),
    ]),
  ];
}

/** The code panes' files, each relative to the outline file that names it (the slide's origin). */
function codeFiles(loaded: LoadedOutline): string[] {
  return loaded.outline.sections.flatMap((section) =>
    section.slides.flatMap((slide) => {
      if (slide.kind !== 'code') return [];
      const namedIn = path.dirname(slide.origin?.file ?? loaded.file);
      return slide.panes.flatMap((pane) => (pane.file === undefined ? [] : [path.resolve(namedIn, pane.file)]));
    }),
  );
}
