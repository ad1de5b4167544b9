/**
 * Web addresses in text: where they are (one pattern for every output), the
 * short form a slide or a handout shows of a long one, which links the full
 * address, and where a shown address may break across lines.
 */
import { escapeHtml } from './escape.js';
import { SLASH_BREAK } from './marks.js';

/**
 * A bare http(s) address in running text: up to white space or a character no
 * address holds here (`<`, `>`, `"`, `\`, `|`: a table cell's separator; a direction mark), less
 * the punctuation that ends the sentence around it.
 */
export const WEB_ADDRESS = /https?:\/\/[^\s<>"\\|\u200e\u200f]+[^\s<>"\\|.,;:!?)\]}'’”\u200e\u200f]/g;

/** Addresses up to this many characters are shown whole: they fit one line of the References slide. */
export const SHOWN_ADDRESS_MAX = 60;

/**
 * The address as a reader sees it, without `https://` (any other scheme is
 * shown): whole when short, else its host and the ends of its path, with `…`
 * for what is left out ("example.org/search/…/compare?…").
 *
 * @example shortAddress('https://example.org/a') // 'example.org/a'
 */
export function shortAddress(href: string, max = SHOWN_ADDRESS_MAX): string {
  const url = new URL(href);
  const scheme = url.protocol === 'https:' ? '' : `${url.protocol}//`;
  const bare = url.pathname === '/' && !url.search && !url.hash;
  const whole = bare ? `${scheme}${url.host}` : `${scheme}${href.slice(href.indexOf('//') + 2)}`;
  if (whole.length <= max) return whole;
  const segments = url.pathname.split('/').filter(Boolean);
  const more = url.search || url.hash ? '?…' : '';
  const first = segments[0] ?? '';
  const last = segments.length > 1 ? (segments.at(-1) ?? '') : '';
  const middle = segments.length > 2 ? '/…' : '';
  const host = `${scheme}${url.host}`;
  const candidates = [
    `${host}/${first}${middle}${last ? `/${last}` : ''}${more}`,
    `${host}${segments.length > 1 ? '/…' : ''}/${last || first}${more}`,
  ];
  const fitting = candidates.find((shown) => shown.length <= max);
  if (fitting) return fitting;
  // A host or a segment too long by itself: its beginning and its end.
  const shown = candidates.at(-1) ?? host;
  const half = Math.floor((max - 1) / 2);
  return `${shown.slice(0, half)}…${shown.slice(shown.length - (max - 1 - half))}`;
}

/**
 * The parts of an address a line may break between, as a reader expects an
 * address to break: after a slash (not between the two of `https://`) and
 * before `?`, `#` and `&`; never before the `?…` that ends a shortened address
 * (`shortAddress`), which would stand alone on a line.
 *
 * @example addressParts('https://example.org/a?b') // ['https://example.org/', 'a', '?b']
 * @example addressParts('example.org/…/section-10?…') // ['example.org/', '…/', 'section-10?…']
 */
export function addressParts(address: string): string[] {
  return address.split(/(?<=(?<!\/)\/)(?!\/)|(?=[?#&])(?!\?…$)/);
}

/**
 * Where a line may break an address too wide for its box, in the text the planner passes on: a
 * zero-width space, which every output breaks at; the slides make it a `<wbr>` (Chromium lays a
 * zero-width space out a little wider than nothing), and a link made of the text leaves it out.
 * See `addressPieces`.
 */
export const ADDRESS_BREAK = '\u200b';

/**
 * The pieces an address breaks into where it is too wide for a line (`fits` says what fits): its
 * parts (`addressParts`), and a part too wide broken as typesetters break an address: after `//`,
 * before a dot, a hyphen, a tilde or an underscore (`https://slides` over `.example-conference.org/`),
 * so that no line ends in a hyphen a reader takes for a word's. A piece still too wide is left whole.
 *
 * @example addressPieces('https://example.org/a?b', (piece) => piece.length < 10)
 * // ['https://', 'example', '.org/', 'a', '?b']
 */
export function addressPieces(address: string, fits: (piece: string) => boolean): string[] {
  return addressParts(address).flatMap((part) => (fits(part) ? [part] : part.split(/(?<=\/\/)|(?=[.~_-])/)));
}

/**
 * An address as HTML that breaks between its parts (`addressParts`).
 * Never after a hyphen: a line ending in one reads as a word broken at the
 * margin, and PDF viewers drop such a hyphen when the text is copied. A part
 * still too long for the line breaks wherever the CSS lets it
 * (`overflow-wrap: anywhere`).
 *
 * @example addressHtml('example.org/talks/sql-engines')
 * // 'example.org/<wbr>talks/<wbr>sql<span style="white-space:nowrap">-e</span>ngines'
 */
export function addressHtml(address: string): string {
  return addressParts(address)
    .map((part) => hyphensJoined(part, escapeHtml, unbroken))
    .join('<wbr>');
}

/**
 * A word a reader copies as written: a web or mail address, a handle, a path, a time range
 * (a colon inside it; a colon ending a word is punctuation). The slides never break one after a
 * hyphen, and the planner counts lines so (plan/fit/text.ts).
 */
export const ADDRESS_LIKE = /[/@\\]|:(?=\S)|www\./u;

/**
 * `text` escaped by `escaped`, each address-like word's hyphens kept with the character after
 * them by `joined` (see `hyphensJoined`), and a short word with a slash Chromium would break
 * after kept whole by it (`оп/с`); the white space between words as it is.
 *
 * @example addressWordsJoined('mail ana-lu@example.org', escapeHtml, unbroken)
 * // 'mail ana<span style="white-space:nowrap">-l</span>u@example.org'
 */
export function addressWordsJoined(
  text: string,
  escaped: (text: string) => string,
  joined: (html: string) => string,
): string {
  const words = text.split(/(\s+)/u);
  const hyphened = (word: string) => word.includes('-') && ADDRESS_LIKE.test(word);
  if (!words.some((word) => hyphened(word) || slashKept(word))) return escaped(text);
  return words
    .map((word, i) => {
      if (i % 2 === 1) return word;
      if (slashKept(word)) return joined(escaped(word));
      return hyphened(word) ? hyphensJoined(word, escaped, joined) : escaped(word);
    })
    .join('');
}

/**
 * A short word whose slash stands beside a letter outside ASCII (`оп/с`, `км/ч`): Chromium breaks
 * after such a slash by itself (it keeps only ASCII ones), where the planner keeps a word shorter than
 * `SLASH_BREAK_MIN` whole; so the slides keep it whole too (`addressWordsJoined`).
 */
function slashKept(word: string): boolean {
  const bare = word.replace(/[\u200e\u200f]/gu, '');
  return [...bare].length < SLASH_BREAK_MIN && /[^\0-\x7f]\/|\/[^\0-\x7f]/u.test(bare);
}

/**
 * A word this long or longer may break after a slash inside it (`RSALv2/SSPLv1/AGPLv3`, a path):
 * Chromium never breaks there by itself, and one such word would set its table column's width.
 * A shorter one (`and/or`, `TCP/IP`, `I/O`) stays whole, and so does a web address.
 */
export const SLASH_BREAK_MIN = 14;

/**
 * `text` with `mark` after each slash a long word may break after (see `SLASH_BREAK_MIN`): one
 * between two characters other than a slash, so never inside `://` or `//`; and before each dot
 * of a long dotted identifier (`org.apache.commons` over `.lang3.builder`, see `DOTTED_IDENTIFIER`),
 * where typesetters break a name a reader copies, with no hyphen. The planner counts the same
 * breaks (plan/fit/text.ts); the slides put a `<wbr>` there.
 *
 * @example slashBreaks('RSALv2/SSPLv1/AGPLv3 and/or', '|') // 'RSALv2/|SSPLv1/|AGPLv3 and/or'
 * @example slashBreaks('org.apache.commons.Lang', '|') // 'org|.apache|.commons|.Lang'
 */
export function slashBreaks(text: string, mark = SLASH_BREAK): string {
  return text.replace(/\S+/gu, (word) => {
    if ([...word].length < SLASH_BREAK_MIN || WEB_ADDRESS_WORD.test(word)) return word;
    if (isDottedIdentifier(word)) return word.replace(/(?<=[\w$])\.(?=[\p{L}_$])/gu, `${mark}.`);
    return word.replace(/(?<=[^/])\/(?=[^/\u200e\u200f])/gu, `/${mark}`);
  });
}

/**
 * A name of three or more parts joined by dots, each starting with a letter: a package, a class, a
 * configuration key (`org.apache.commons.lang3.builder.ReflectionToStringBuilder`,
 * `spring.datasource.hikari.maximumPoolSize`). A host name (its last part a lower-case name of two to
 * six letters, `docs.example.org`) is none: it moves to the next line whole, as an address does.
 */
const DOTTED_IDENTIFIER = /^[\p{L}_$][\w$]*(?:\.[\p{L}_$][\w$]*){2,}$/u;

/** Whether `word`, less the punctuation around it, is a dotted identifier (`DOTTED_IDENTIFIER`). */
export function isDottedIdentifier(word: string): boolean {
  const bare = word.replace(/^[^\w$]+|[^\w$]+$/gu, '');
  return DOTTED_IDENTIFIER.test(bare) && !/\.[a-z]{2,6}$/u.test(bare);
}

/**
 * A word that is a web address, with a scheme or as a host and a path (`github.com/org/repo`): it
 * moves to the next line whole, as a reader looks for it, and breaks only where it is wider than a line.
 * A host ends in a name of letters (`.com`, `.рф`): `BSL-1.1/Apache-2.0/RCL` is no address, and breaks after its slashes.
 */
const WEB_ADDRESS_WORD = /^\W*(?:[a-z][\w+.-]*:\/\/|www\.|[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}\/)/iu;

/** HTML kept on one line. */
export function unbroken(html: string): string {
  return `<span style="white-space:nowrap">${html}</span>`;
}

/**
 * `text` escaped by `escaped`, each run of hyphens, and each `?`, kept with the character after it
 * by `joined` (given it escaped): a line of an address never ends with a hyphen, nor after the `?`
 * of its query, where Chromium would break by itself (an address breaks before it, `addressParts`).
 */
export function hyphensJoined(
  text: string,
  escaped: (text: string) => string,
  joined: (html: string) => string,
): string {
  let result = '';
  let at = 0;
  for (const match of text.matchAll(/(?:-+|\?)[^-&?]?/gu)) {
    result += escaped(text.slice(at, match.index)) + joined(escaped(match[0]));
    at = match.index + match[0].length;
  }
  return result + escaped(text.slice(at));
}
