/**
 * Latin runs in right-to-left text kept as written. In a Hebrew or Arabic line, the
 * digits, punctuation and symbols at the end of a Latin phrase take the line's direction
 * and land on its other side: "3-D Secure 2 ו-PCI DSS Level 1" shows "D Secure 2-3",
 * "Interchange++ שקוף" shows "++Interchange". A left-to-right mark (U+200E) at each end of such
 * a run ties its edges to it. The mark is planned into the text once, so every output draws it:
 * the slides, the handout, the presenter view and the PowerPoint (which LibreOffice and
 * PowerPoint read, as Chromium does). It is invisible, has no width, and copies as nothing a
 * reader sees.
 */

/** A character of a right-to-left script: letters, and the signs that read with them (Hebrew's maqaf). */
export const RIGHT_TO_LEFT_CHAR =
  /[\u0640\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thaana}\p{Script=Syriac}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** The left-to-right mark. */
export const LRM = '\u200e';

const RTL = new RegExp(RIGHT_TO_LEFT_CHAR.source, 'u');
const LTR_LETTER = /\p{L}/u;
/** A letter of a left-to-right script. */
const LATIN_LETTER = new RegExp(`(?!${RTL.source})\\p{L}`, 'u');
/** What a Latin run's ends give up to the sentence around it: its quotes and its sentence's punctuation. */
const LEADING_LOOSE = /^[\s"'“„‘‚«‹\u200e\u200f]+/u;
const TRAILING_LOOSE = /[\s"'”’»›.,;:!?…\u060c\u061b\u061f\u06d4\u200e\u200f]+$/u;
/** What a whole text's run leaves out at its ends: white space and the marks already there. */
const LOOSE_END = /[\s\u200e\u200f]/u;
const OPENING = '([{';
const CLOSING = ')]}';
/** A number read with the Latin word before it ("Level 1", "Node.js 20"). */
const NUMBER_WORD = /^\p{Nd}[^\p{L}]*$/u;
/** A version constraint, which reads left to right on its own (">=3.11", "^4.2", "~1.4", "!=2.0"). */
const CONSTRAINT_WORD = /^[\u200e\u200f]*(?:[<>]=?|[=!]=|[~^])\p{Nd}[\p{Nd}.*x-]*[\u200e\u200f]*$/u;
/** A number read with the Latin word after it ("180 req/s", "(200 ms"). */
const LEADING_NUMBER_WORD = /^[\u200e\u200f([{"'“„«]*\p{Nd}[^\p{L}]*$/u;

type Kind = 'rtl' | 'ltr' | 'neutral';

function kindOf(char: string): Kind {
  if (RTL.test(char)) return 'rtl';
  return LTR_LETTER.test(char) ? 'ltr' : 'neutral';
}

/**
 * `text` with a left-to-right mark at each end of every Latin run whose first or last
 * character is not a letter (a run that starts and ends with letters needs none). A run is
 * Latin words and what joins them: numbers and signs between them or written onto them
 * (`3-D Secure 2`, `Interchange++`, `C#`, `Node.js 20`), never a bracket whose pair stands
 * outside it, nor the quotes or the sentence's punctuation at its ends. A text with Latin
 * letters and no right-to-left one reads left to right as a whole (`textDirection`), its
 * punctuation too ("Pay in 4 (USD)."), wherever an output sets it: a slide sets it so, but a
 * handout's line or a page's footer reads it in the talk's direction.
 *
 * @example ltrMarked('3-D Secure 2 ו-PCI') // '\u200e3-D Secure 2\u200e ו-PCI'
 */
export function ltrMarked(text: string): string {
  if (!LATIN_LETTER.test(text) && !text.split(/\s+/u).some((word) => CONSTRAINT_WORD.test(word))) return text;
  const chars = [...text];
  if (!RTL.test(text)) {
    const start = chars.findIndex((char) => !LOOSE_END.test(char));
    const end = chars.findLastIndex((char) => !LOOSE_END.test(char)) + 1;
    return marked(chars, [[start, end]]);
  }
  const pairs = pairsOf(chars);
  const runs = latinRuns(chars).flatMap((run) => splitAtLoneBrackets(run, chars, pairs));
  return marked(
    chars,
    runs.map((run) => trimmed(chars, run)).filter((run) => run !== undefined),
  );
}

/** `chars` with a mark at each end of each run that starts or ends with something other than a letter. */
function marked(chars: string[], runs: [number, number][]): string {
  let result = '';
  let at = 0;
  for (const [start, end] of runs) {
    const first = chars[start] ?? '';
    const last = chars[end - 1] ?? '';
    if (LTR_LETTER.test(first) && LTR_LETTER.test(last)) continue;
    result += chars.slice(at, start).join('');
    result += chars[start - 1] === LRM ? '' : LRM;
    result += chars.slice(start, end).join('');
    result += chars[end] === LRM ? '' : LRM;
    at = end;
  }
  return result + chars.slice(at).join('');
}

/**
 * Where the Latin runs are, as [start, end) in `chars`: a word's Latin part (the signs
 * between it and a right-to-left letter of the same word stay with that letter: `ו-PCI`),
 * joined to the next over spaces and words without letters; a number word after the last.
 */
function latinRuns(chars: string[]): [number, number][] {
  const runs: [number, number][] = [];
  let open: [number, number] | undefined;
  let i = 0;
  while (i < chars.length) {
    if (/\s/u.test(chars[i] ?? '')) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && !/\s/u.test(chars[end] ?? '')) end++;
    const kinds = chars.slice(i, end).map(kindOf);
    if (!kinds.includes('ltr')) {
      // A word without letters joins the run only if a Latin word follows (checked when it does),
      // or if it is a number ending the run.
      const word = chars.slice(i, end).join('');
      if (kinds.includes('rtl')) {
        if (open) runs.push(open);
        open = undefined;
      } else if (!open && CONSTRAINT_WORD.test(word)) {
        runs.push([i, end]);
      } else if (!open && LEADING_NUMBER_WORD.test(word)) {
        const next = nextWord(chars, end);
        if (next?.kinds.includes('ltr') && !next.kinds.includes('rtl')) open = [i, end];
      } else if (open && NUMBER_WORD.test(word)) {
        const next = nextWord(chars, end);
        if (!next || next.kinds.includes('rtl') || !next.kinds.includes('ltr')) {
          runs.push([open[0], end]);
          open = undefined;
        }
      }
      i = end;
      continue;
    }
    // The word's Latin parts, between its right-to-left letters.
    let from = 0;
    while (from < kinds.length) {
      while (from < kinds.length && kinds[from] === 'rtl') from++;
      if (from >= kinds.length) break;
      let to = from;
      while (to < kinds.length && kinds[to] !== 'rtl') to++;
      const part = kinds.slice(from, to);
      if (part.includes('ltr')) {
        const afterRtl = from > 0;
        const beforeRtl = to < kinds.length;
        const start = i + (afterRtl ? from + part.indexOf('ltr') : from);
        const stop = i + (beforeRtl ? from + part.lastIndexOf('ltr') + 1 : to);
        if (open && !afterRtl) open = [open[0], stop];
        else {
          if (open) runs.push(open);
          open = [start, stop];
        }
        if (beforeRtl) {
          runs.push(open);
          open = undefined;
        }
      } else if (open) {
        runs.push(open);
        open = undefined;
      }
      from = to;
    }
    i = end;
  }
  if (open) runs.push(open);
  return runs;
}

function nextWord(chars: string[], from: number): { kinds: Kind[] } | undefined {
  let i = from;
  while (i < chars.length && /\s/u.test(chars[i] ?? '')) i++;
  if (i >= chars.length) return undefined;
  let end = i;
  while (end < chars.length && !/\s/u.test(chars[end] ?? '')) end++;
  return { kinds: chars.slice(i, end).map(kindOf) };
}

/** Each bracket's partner in `chars` (the bidi algorithm's pairs: the nearest opening one of its kind). */
function pairsOf(chars: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  chars.forEach((char, i) => {
    if (OPENING.includes(char)) stack.push(i);
    const kind = CLOSING.indexOf(char);
    if (kind < 0) return;
    const opener = stack.findLastIndex((j) => chars[j] === OPENING[kind]);
    if (opener < 0) return;
    const j = stack[opener] as number;
    pairs.set(i, j).set(j, i);
    stack.length = opener;
  });
  return pairs;
}

/** The run in pieces at each bracket whose partner is outside it: the bracket reads with the text around. */
function splitAtLoneBrackets([start, end]: [number, number], chars: string[], pairs: Map<number, number>) {
  const pieces: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!OPENING.includes(chars[i] ?? '') && !CLOSING.includes(chars[i] ?? '')) continue;
    const partner = pairs.get(i);
    if (partner !== undefined && partner >= start && partner < end) continue;
    pieces.push([from, i]);
    from = i + 1;
  }
  pieces.push([from, end]);
  return pieces;
}

/** The run without the quotes, spaces and punctuation at its ends; none if no Latin letter is left. */
function trimmed(chars: string[], [start, end]: [number, number]): [number, number] | undefined {
  const text = chars.slice(start, end).join('');
  const lead = [...(text.match(LEADING_LOOSE)?.[0] ?? '')].length;
  const rest = chars.slice(start + lead, end).join('');
  const trail = [...(rest.match(TRAILING_LOOSE)?.[0] ?? '')].length;
  const run: [number, number] = [start + lead, end - trail];
  const kept = chars.slice(...run);
  return kept.some((char) => kindOf(char) === 'ltr') || CONSTRAINT_WORD.test(kept.join('')) ? run : undefined;
}
