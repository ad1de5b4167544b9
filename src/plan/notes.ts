/** Speaker notes of a slide split into continuation slides: what to say while each part is up. */

/** A slide's notes as paragraphs, separated by a blank line, as the handout prints them. */
export function paragraphsOf(notes: string): string[] {
  return notes
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/**
 * Shares paragraphs across `count` parts in order, each part taking a run of
 * whole paragraphs whose length comes as close as the paragraphs allow to an
 * even share of the text. No part is left empty while there are at least as
 * many paragraphs as parts; with fewer, the first parts take one each.
 *
 * @example
 * shareParagraphs(['a', 'b', 'c'], 2); // [['a', 'b'], ['c']]
 */
export function shareParagraphs(paragraphs: readonly string[], count: number): string[][] {
  const shares: string[][] = Array.from({ length: count }, () => []);
  const total = paragraphs.reduce((sum, p) => sum + p.length, 0);
  let part = 0;
  let before = 0;
  for (const [i, paragraph] of paragraphs.entries()) {
    const left = paragraphs.length - i;
    const partsAfter = count - 1 - part;
    // Move on when this part has its share (measured at the paragraph's middle) or when every later part needs one.
    const hasShare = before + paragraph.length / 2 > (total * (part + 1)) / count;
    if ((shares[part] as string[]).length > 0 && partsAfter > 0 && (hasShare || left <= partsAfter)) part++;
    (shares[part] as string[]).push(paragraph);
    before += paragraph.length;
  }
  return shares;
}
