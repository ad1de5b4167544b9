/** The shipped catalogs, and the one a BCP 47 tag reads from. */
import { RIGHT_TO_LEFT_CHAR } from './bidi.js';
import type { Catalog } from './catalog.js';
import { ar } from './catalogs/ar.js';
import { de } from './catalogs/de.js';
import { en } from './catalogs/en.js';
import { es } from './catalogs/es.js';
import { fr } from './catalogs/fr.js';
import { he } from './catalogs/he.js';
import { ja } from './catalogs/ja.js';
import { ko } from './catalogs/ko.js';
import { pt } from './catalogs/pt.js';
import { zh } from './catalogs/zh.js';

export const CATALOGS: Readonly<Record<string, Catalog>> = { en, de, fr, es, pt, ja, zh, ko, ar, he };

/**
 * The catalog for a language tag: the tag, then its language alone
 * (`pt-BR` → `pt`, `zh-Hans-CN` → `zh`), else English.
 *
 * @example
 * catalogFor('de-AT') === CATALOGS.de; // true
 */
export function catalogFor(lang: string): Catalog {
  const language = baseLanguage(lang);
  return CATALOGS[lang.toLowerCase()] ?? CATALOGS[language] ?? en;
}

/** The language part of a tag ("pt" of "pt-BR"), lower-cased, even for a tag Intl cannot read. */
export function baseLanguage(lang: string): string {
  try {
    return new Intl.Locale(lang).language;
  } catch {
    return lang.split('-')[0]?.toLowerCase() ?? lang;
  }
}

/** Languages written right to left (the language part of a tag decides, unless its script says otherwise). */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** The direction of a language tag's script: `rtl` for Arabic, Hebrew, Persian, Urdu… */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  try {
    const { language, script } = new Intl.Locale(lang);
    if (script) return RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The direction one text of a talk reads in: the talk's, but left to right for a text of a
 * right-to-left talk that has letters and none of them right to left. Set in the talk's direction,
 * "2.1 ms (InnoDB, 16 KB pages)" would show as "ms (InnoDB, 16 KB 2.1" (the number taken as part
 * of the right-to-left line); a text with one Arabic or Hebrew word stays right to left, as its
 * language reads it ("MySQL 8.4 مع دعم UTF-8").
 *
 * @example textDirection('2.1 ms (InnoDB)', 'rtl') // 'ltr'
 */
export function textDirection(text: string, talk: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  return talk === 'rtl' && /\p{L}/u.test(text) && !RIGHT_TO_LEFT_CHAR.test(text) ? 'ltr' : talk;
}
