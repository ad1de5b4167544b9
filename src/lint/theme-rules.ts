/**
 * The lint rule of a theme file of the user's: its text legible on the
 * backgrounds it sits on. A theme that sets only some of versus's colors (a
 * dark `--bg` with the light theme's table stripes) leaves text on them that
 * no one reads; the built-in themes are checked by their own tests.
 */
import { contrastRatio } from '../theme/contrast.js';
import { type PaletteColor, themeSetting } from '../theme/palette.js';
import type { ResolvedTheme } from '../theme/resolve.js';
import type { Finding } from './finding.js';

/** WCAG AA for text. */
const TEXT_CONTRAST = 4.5;

/** Text, what it stands on, and what the two are on a slide (the built-in themes are held to them too: test/contrast.test.ts). */
export const TEXT_PAIRS: readonly [PaletteColor, PaletteColor, string][] = [
  ['fg', 'bg', 'text'],
  ['muted', 'bg', 'captions, chart labels and slide numbers'],
  ['fg', 'surface', "the table rows' stripes"],
  ['muted', 'surface', "muted text on the table rows' stripes"],
  ['good', 'bg', 'verdict marks'],
  ['good', 'surface', "verdict marks on the table rows' stripes"],
  ['fg', 'codeBg', 'code'],
  ['link', 'bg', 'links'],
  ['dividerFg', 'dividerBg', 'section dividers'],
  ['dividerMuted', 'dividerBg', "section dividers' summaries"],
];

export function themeFindings(theme: ResolvedTheme): Finding[] {
  const { source, palette } = theme;
  if (!source) return [];
  return TEXT_PAIRS.flatMap(([text, ground, what]) => {
    const ratio = contrastRatio(palette[text], palette[ground]);
    const set = (field: PaletteColor) => source.declared[field];
    // Reported where the theme set one of the two: the other is the one it left as it was.
    const at = set(text) ?? set(ground);
    if (ratio >= TEXT_CONTRAST || !at) return [];
    const name = (field: PaletteColor) =>
      `${themeSetting(field)} ${palette[field]}${set(field) ? '' : ' (not set by the theme)'}`;
    const unset = [text, ground].find((field) => !set(field));
    return [
      {
        severity: 'warning',
        code: 'contrast',
        message: `${what}: ${name(text)} on ${name(ground)} is ${ratio.toFixed(2)}:1, and text needs ${TEXT_CONTRAST}:1`,
        file: source.file,
        ...at,
        hint: unset
          ? `Set ${themeSetting(unset)} in the theme to a color that goes with ${themeSetting(unset === text ? ground : text)}.`
          : `Change ${themeSetting(text)} or ${themeSetting(ground)}.`,
      },
    ];
  });
}
