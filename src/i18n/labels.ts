/**
 * Words versus adds to a talk, in the talk's language. The planner measures
 * them and the renderers and exporters print them, so all read them from here:
 * `labelsFor(deck).t('agenda')`.
 */
import { Memo } from '../shared/memo.js';
import { type Catalog, MESSAGE_KEYS, type Message, type MessageKey } from './catalog.js';
import { catalogFor, directionOf } from './catalogs.js';
import { typesetterFor } from './typeset.js';

export type { MessageKey } from './catalog.js';
export { MESSAGE_KEYS };

/** An outline's own wording for some keys (`labels:`), over the catalog's. */
export type LabelOverrides = Partial<Record<MessageKey, Message>>;

export interface Labels {
  lang: string;
  dir: 'ltr' | 'rtl';
  /**
   * A message with its placeholders filled; a number `n` picks the plural form.
   *
   * @example
   * labelsFor({ meta: { lang: 'de' } }).t('slideCount', { n: 2 }); // "2 Folien"
   */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A duration: 2.5 → "2.5 min", "2,5 Min.". */
  minutes(minutes: number): string;
  /** A number as the language writes it. */
  number(value: number): string;
  /** A `YYYY-MM-DD` or `YYYY-MM` date as the language writes it; any other text as it is. */
  date(text: string): string;
  /** Phrases as sentences, each ending in the language's full stop unless it ends in punctuation: "Title. Publisher." */
  sentences(phrases: readonly string[]): string;
  /** Text in the language's parentheses: "(accessed …)", "（访问于 …）". */
  aside(text: string): string;
}

/** Chinese and Japanese set their full stop and parentheses full width, with no space after a full stop. */
const FULL_WIDTH_PUNCTUATION = /^(zh|ja)(-|$)/i;

/** The labels of a planned deck: its language, with the outline's overrides. */
export function labelsFor(deck: { meta: { lang: string; labels?: LabelOverrides } }): Labels {
  return labelsForLang(deck.meta.lang, deck.meta.labels);
}

/**
 * Labels by language and the outline's own wording: made once each, at most 32
 * kept, so that a `dev` session whose author keeps rewording keeps no old ones.
 */
const made = new Memo<Labels>(32);

export function labelsForLang(lang: string, overrides: LabelOverrides = {}): Labels {
  return made.get(`${lang} ${JSON.stringify(overrides)}`, () =>
    createLabels(lang, { ...catalogFor(lang), ...definedOnly(overrides) }),
  );
}

/** The digits every number a talk writes is in (see createLabels). */
export const LATIN_DIGITS = 'latn';

function definedOnly(overrides: LabelOverrides): Partial<Catalog> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

function createLabels(lang: string, catalog: Catalog): Labels {
  const locale = supported(lang);
  const plurals = new Intl.PluralRules(locale);
  // Western digits in every language, as the slide numbers, list numbers, citations and clock times are:
  // ar-SA or fa would otherwise write their own digits beside those.
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, numberingSystem: LATIN_DIGITS });
  const date = { year: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem: LATIN_DIGITS } as const;
  const days = new Intl.DateTimeFormat(locale, { ...date, day: 'numeric' });
  const months = new Intl.DateTimeFormat(locale, date);
  // The catalog's words and what fills them in, with the spaces the language's typography asks for.
  const typeset = typesetterFor(lang) ?? ((text: string) => text);
  const t: Labels['t'] = (key, params = {}) => {
    const message = catalog[key];
    const template = typeof message === 'string' ? message : pluralOf(message, params.n, plurals);
    return typeset(
      template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      }),
    );
  };
  const fullWidth = FULL_WIDTH_PUNCTUATION.test(lang);
  const stop = fullWidth ? '。' : '.';
  return {
    lang,
    dir: directionOf(lang),
    t,
    sentences: (phrases) =>
      phrases
        .map((phrase) => phrase.trim())
        .map((phrase) => (/[.!?…。！？]$/u.test(phrase) ? phrase : `${phrase}${stop}`))
        .join(fullWidth ? '' : ' '),
    aside: (text) => (fullWidth ? `（${text}）` : `(${text})`),
    // A length is read as one: "60" never ends a line above its "min".
    minutes: (minutes) => t('minutes', { n: Math.round(minutes * 100) / 100 }).replace(/ /g, '\u00a0'),
    number: (value) => numbers.format(value),
    date: (text) => {
      const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
      if (!match) return text;
      const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part ? Number(part) : undefined));
      const when = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
      if (Number.isNaN(when.getTime())) return text;
      // A date is read as one: it never breaks across lines ("September 18," over "2025)").
      return (day === undefined ? months : days).format(when).replace(/ /g, '\u00a0');
    },
  };
}

function pluralOf(message: Exclude<Message, string>, n: unknown, rules: Intl.PluralRules): string {
  if (typeof n !== 'number') return message.other;
  // An exact 0, 1 or 2 may have its own words ("one slide"); otherwise the language's category.
  return message[rules.select(n)] ?? message.other;
}

/** A tag Intl understands, or English: an outline's tag is well formed but may name no locale ICU has. */
function supported(lang: string): string {
  try {
    return Intl.PluralRules.supportedLocalesOf([lang])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Minutes as versus's own messages write them, in English: 2.5 → "2.5 min". */
export function formatMinutes(minutes: number): string {
  // A terminal wraps as it likes, and people search its output for "25 min".
  return labelsForLang('en')
    .minutes(minutes)
    .replace(/\u00a0/g, ' ');
}
