/**
 * What a language's typography asks of running text, beyond its words. French
 * sets a no-break space before `:`, `;`, `!`, `?` and `»`, and after `«`, so
 * that no line starts with the sign or ends before the quote: an outline's
 * ordinary space there becomes a no-break one.
 */

/** The typesetting `lang` asks for, or none (the text as it is). */
export function typesetterFor(lang: string): ((text: string) => string) | undefined {
  return /^fr\b/i.test(lang) ? frenchSpacing : undefined;
}

/**
 * @example frenchSpacing('Kafka ou Pulsar ? « Les deux »') // 'Kafka ou Pulsar\u00a0? «\u00a0Les deux\u00a0»'
 */
function frenchSpacing(text: string): string {
  return text.replace(/ +(?=[:;!?»])/g, '\u00a0').replace(/« +/g, '«\u00a0');
}
