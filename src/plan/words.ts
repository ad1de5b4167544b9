/**
 * The words versus adds to a slide, each made once here as the slide shows it:
 * every output prints these strings, and the fitting measures them.
 */
import type { Labels, MessageKey } from '../i18n/labels.js';
import type { CapsLabel } from './deck.js';

/**
 * A label the themes show in capitals: its words, and the capitals, as Chromium
 * upper-cases text with CSS `text-transform: uppercase` in the page's language
 * ("eksiler" → "EKSİLER" in Turkish, accents dropped in Greek).
 *
 * @example
 * capsLabel(labelsForLang('de'), 'tie'); // { text: 'Gleichstand', shown: 'GLEICHSTAND' }
 */
export function capsLabel(labels: Labels, key: MessageKey): CapsLabel {
  const text = labels.t(key);
  return { text, shown: text.toLocaleUpperCase(supportedLocale(labels.lang)) };
}

/** The line at the foot of a slide that cites sources: "Sources: [1] [3]". */
export function sourcesLine(labels: Labels, citations: readonly number[]): string {
  return labels.t('sources', { refs: citations.map((n) => `[${n}]`).join(' ') });
}

/** A title with its continuation counter as the talk writes it, part `index` (1-based) of `count`: "History (1/2)", "歴史（1/2）". */
export function continuedTitle(
  labels: Labels,
  title: string,
  { index, count }: { index: number; count: number },
): string {
  return labels.t('continued', { title, index: String(index), count: String(count) });
}

/** A language tag `toLocaleUpperCase` accepts: an outline's tag is well formed but may name no locale ICU has. */
function supportedLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
