/**
 * Hyphenation for a word too wide for its box (a German compound in a table
 * of six contenders): it breaks where its language breaks words, with a hyphen,
 * instead of between any two letters. The breaks are soft hyphens (U+00AD) in
 * the planned text, so the slides break where the planner counted: Chromium
 * shows a hyphen at a soft hyphen it breaks at, and none elsewhere (the
 * PowerPoint gets the words whole: export/pptx/draw.ts). The patterns are
 * TeX's, from the `hyphen` package, loaded for the talk's language on first
 * use; a language it has none for breaks as before.
 */
import { createRequire } from 'node:module';
import { baseLanguage } from '../../i18n/catalogs.js';
import { Memo } from '../../shared/memo.js';

export const SOFT_HYPHEN = '\u00ad';

/** Text with soft hyphens where its words may break. */
export type Hyphenate = (text: string) => string;

interface Patterns {
  hyphenateSync(text: string, options: { hyphenChar: string }): string;
}

const require = createRequire(import.meta.url);
/** One hyphenator per language tag asked for (about 80 languages have patterns). */
const hyphenators = new Memo<Hyphenate | undefined>(128);

/** The hyphenation of `lang` (a BCP 47 tag: its own patterns, or its base language's), if there are patterns for it. */
export function hyphenatorFor(lang: string): Hyphenate | undefined {
  const tag = lang.toLowerCase();
  return hyphenators.get(tag, () => {
    for (const name of new Set([tag, baseLanguage(tag)])) {
      // A tag is letters, digits and dashes (the schema's check): never a path of its own.
      if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) continue;
      try {
        const patterns = require(`hyphen/${name}`) as Patterns;
        return (text) => patterns.hyphenateSync(text, { hyphenChar: SOFT_HYPHEN });
      } catch {
        // No patterns under this name.
      }
    }
    return undefined;
  });
}
