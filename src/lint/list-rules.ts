/**
 * Lists whose items the commas inside `[ … ]` made otherwise than meant. In
 * `task: [Which one would you pick, and why?]` the comma ends the first item,
 * and "and why?" becomes a step of its own. Valid YAML, so only a reading of
 * the words can tell: an item written on the line of the one before it that
 * starts with a word joining it to that one ("and", "und", "et"…), after an
 * item that ends without a full stop; or items that a parenthesis opened on one
 * and closed on another holds together (`[Many kinds (green, black) to try]`).
 * And in `task: [打开文件，运行程序]` a full-width (or Arabic) comma separates
 * nothing: the list is one item. An item written in quotes is meant as written.
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

export function lintListCommas(
  deck: Deck,
  outline: Outline,
  at: (where: Where) => FilePosition,
  quoted: (where: Where) => boolean,
): Finding[] {
  const joining = JOINING_WORDS[baseLanguage(deck.meta.lang)];
  const startsJoined = joining && new RegExp(`^(${joining.join('|')})\\s`, 'u');
  const findings: Finding[] = [];
  for (const { slide, origin, number } of slidesShown(deck, outline)) {
    for (const [path, items] of textLists(slide)) {
      // An item in quotes is written whole on purpose: no comma cut it, and its own commas are meant.
      const list: List = {
        items,
        path,
        position: (...rest) => at(within(origin, ...path, ...rest)),
        quoted: (i) => quoted(within(origin, ...path, i)),
      };
      const inParentheses = cutParentheses(list);
      const found = [
        ...inParentheses.findings,
        ...(startsJoined ? joinedItems(list, startsJoined, inParentheses.cut) : []),
        ...fullWidthComma(list),
      ];
      findings.push(...found.map((finding) => ({ ...finding, slide: number })));
    }
  }
  return findings;
}

/** A list of text as written: its items, its path in the slide, and where and how each item is written. */
interface List {
  items: readonly string[];
  path: (string | number)[];
  /** Where the list, or one of its items, is written. */
  position: (...item: (string | number)[]) => FilePosition;
  quoted: (item: number) => boolean;
}
type ListFinding = Omit<Finding, 'slide'>;

/**
 * Items cut inside parentheses: in `pros: [Many kinds (green, black, oolong) to try]` the
 * commas end items, and the slide shows "Many kinds (green", "black" and "oolong) to try". An
 * item that opens a parenthesis, and the items on its line up to the one that closes it.
 */
function cutParentheses({ items, path, position, quoted }: List): { findings: ListFinding[]; cut: Set<number> } {
  const field = `${path.at(-1)}`;
  const depth = (item: string) =>
    [...item.replace(EMOTICONS, '')].reduce((open, c) => open + (OPENING.has(c) ? 1 : CLOSING.has(c) ? -1 : 0), 0);
  const findings: ListFinding[] = [];
  const cut = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    let open = depth(items[i] as string);
    if (open <= 0 || quoted(i)) continue;
    const line = position(i).line;
    let last = i;
    while (open > 0 && last + 1 < items.length && !quoted(last + 1) && position(last + 1).line === line) {
      last++;
      open += depth(items[last] as string);
    }
    if (open > 0 || last === i) continue;
    const pieces = items.slice(i, last + 1);
    for (let j = i + 1; j <= last; j++) cut.add(j);
    findings.push({
      severity: 'warning',
      code: 'comma-in-list',
      message: `${field}[${i}] "${items[i]}" opens a parenthesis that ${field}[${last}] "${items[last]}" closes: inside [ … ] a comma ends an item, so the slide shows them as ${pieces.length} items`,
      ...position(i),
      hint: `Quote an item that holds a comma: "${pieces.join(', ')}"`,
    });
    i = last;
  }
  return { findings, cut };
}

/** Faces made of a parenthesis (`:)`, `;-(`), which open or close nothing. */
const EMOTICONS = /[:;=]-?[()]/g;
const OPENING = new Set(['(', '（']);
const CLOSING = new Set([')', '）']);

/**
 * A list written in brackets whose one item holds a comma YAML does not read as one:
 * `task: [打开文件，运行程序]` typed with a Chinese input method on is one step, not two.
 */
function fullWidthComma({ items, path, position, quoted }: List): ListFinding[] {
  const [item] = items;
  const parts = item === undefined ? [] : piecesAtOtherCommas(item);
  if (items.length !== 1 || parts.length < 2 || quoted(0)) return [];
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
  { items, path, position, quoted }: List,
  startsJoined: RegExp,
  toldAlready: ReadonlySet<number>,
): ListFinding[] {
  const field = `${path.at(-1)}`;
  return items.flatMap((item, i): ListFinding[] => {
    const before = items[i - 1];
    if (before === undefined || !startsJoined.test(item) || /[.!?:;…]$/u.test(before.trimEnd())) return [];
    if (toldAlready.has(i) || quoted(i) || quoted(i - 1)) return [];
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
