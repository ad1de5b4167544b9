/**
 * What a language's typography asks of running text, beyond its words. French
 * sets a no-break space before `:`, `;`, `!`, `?` and `»`, and after `«`, so
 * that no line starts with the sign or ends before the quote: an outline's
 * ordinary space there becomes a no-break one. A right-to-left language's text keeps its
 * Latin runs as written, the signs at their ends with them (`ltrMarked`: "3-D Secure 2",
 * "Interchange++").
 */
import { ltrMarked } from './bidi.js';
import { directionOf } from './catalogs.js';

/** The typesetting `lang` asks for, or none (the text as it is). */
export function typesetterFor(lang: string): ((text: string) => string) | undefined {
  if (/^fr\b/i.test(lang)) return frenchSpacing;
  return directionOf(lang) === 'rtl' ? ltrMarked : undefined;
}

/**
 * @example frenchSpacing('Kafka ou Pulsar ? « Les deux »') // 'Kafka ou Pulsar\u00a0? «\u00a0Les deux\u00a0»'
 */
function frenchSpacing(text: string): string {
  return text.replace(/ +(?=[:;!?»])/g, '\u00a0').replace(/« +/g, '«\u00a0');
}
