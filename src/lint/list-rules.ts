/**
 * Lists whose items the commas inside `[ … ]` made otherwise than meant. In
 * `task: [Which one would you pick, and why?]` the comma ends the first item,
 * and "and why?" becomes a step of its own. Valid YAML, so only a reading of
 * the words can tell: an item written on the line of the one before it that
 * starts with a word joining it to that one ("and", "und", "et"…), after an
 * item that ends without a full stop. And in `task: [打开文件，运行程序]` a
 * full-width (or Arabic) comma separates nothing: the list is one item.
 */
import { baseLanguage } from '../i18n/catalogs.js';
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { Outline, Slide } from '../outline/schema.js';
import type { Deck } from '../plan/deck.js';
import { piecesAtOtherCommas } from '../text/commas.js';
import type { Finding } from './finding.js';
import { slidesShown } from './shown.js';

/** Words that begin the second half of a sentence, by language; a language not listed is not read. */
const JOINING_WORDS: Record<string, readonly string[]> = {
  en: ['and', 'or', 'but', 'so', 'then', 'because', 'which', 'while', 'nor', 'yet', 'not'],
  de: ['und', 'oder', 'aber', 'sondern', 'denn', 'weil', 'dann', 'also'],
  fr: ['et', 'ou', 'mais', 'donc', 'puis', 'car', 'sinon', 'pas'],
  es: ['y', 'e', 'o', 'u', 'pero', 'sino', 'porque', 'luego', 'no'],
  pt: ['e', 'ou', 'mas', 'porém', 'porque', 'então', 'não'],
};

/** The lists of a slide whose items are text, each with where it is written. */
function textLists(slide: Slide): [path: (string | number)[], items: readonly string[]][] {
  switch (slide.kind) {
    case 'bullets':
      return [[['bullets'], slide.bullets]];
    case 'exercise':
      return [[['task'], slide.task]];
    case 'decision':
      return slide.choices.map((choice, i) => [['choices', i, 'when'], choice.when]);
    case 'pros-cons':
      return (['pros', 'cons'] as const).flatMap((side) =>
        Object.entries(slide[side]).map(([id, items]): [(string | number)[], readonly string[]] => [[side, id], items]),
      );
    default:
      return [];
  }
}

export function lintListCommas(deck: Deck, outline: Outline, at: (where: Where) => FilePosition): Finding[] {
  const joining = JOINING_WORDS[baseLanguage(deck.meta.lang)];
  const startsJoined = joining && new RegExp(`^(${joining.join('|')})\\s`, 'u');
  const findings: Finding[] = [];
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    for (const [path, items] of textLists(slide)) {
      const position: Position = (...rest) => at(within(origin, ...path, ...rest));
      const found = [
        ...(startsJoined ? joinedItems(items, path, position, startsJoined) : []),
        ...fullWidthComma(items, path, position),
      ];
      findings.push(...found.map((finding) => ({ ...finding, slide: number })));
    }
  }
  return findings;
}

/** Where the list, or one of its items, is written. */
type Position = (...item: (string | number)[]) => FilePosition;
type ListFinding = Omit<Finding, 'slide'>;

/**
 * A list written in brackets whose one item holds a comma YAML does not read as one:
 * `task: [打开文件，运行程序]` typed with a Chinese input method on is one step, not two.
 */
function fullWidthComma(items: readonly string[], path: (string | number)[], position: Position): ListFinding[] {
  const [item] = items;
  const parts = item === undefined ? [] : piecesAtOtherCommas(item);
  if (items.length !== 1 || parts.length < 2) return [];
  const [list, here] = [position(), position(0)];
  // Written in brackets: the item right after "[" on the list's line ("- " puts it two columns on).
  if (here.line !== list.line || here.col !== list.col + 1) return [];
  return [
    {
      severity: 'warning',
      code: 'comma-in-list',
      message: `${path.join('.')} is one item, "${item}": inside [ … ] only an ASCII comma separates items`,
      ...here,
      hint: `Write ASCII commas between the items: [${parts.join(', ')}]`,
    },
  ];
}

/** Items a comma cut from the one before them (see the top of this file). */
function joinedItems(
  items: readonly string[],
  path: (string | number)[],
  position: Position,
  startsJoined: RegExp,
): ListFinding[] {
  const field = `${path.at(-1)}`;
  return items.flatMap((item, i): ListFinding[] => {
    const before = items[i - 1];
    if (before === undefined || !startsJoined.test(item) || /[.!?:;…]$/u.test(before.trimEnd())) return [];
    const here = position(i);
    if (here.line !== position(i - 1).line) return [];
    return [
      {
        severity: 'warning',
        code: 'comma-in-list',
        message: `${field}[${i}] "${item}" reads as the end of ${field}[${i - 1}] "${before}": inside [ … ] a comma ends an item, so the slide shows them as two`,
        ...here,
        hint: `Quote an item that holds a comma: "${before}, ${item}"`,
      },
    ];
  });
}
