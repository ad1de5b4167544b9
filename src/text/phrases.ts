/**
 * Where Japanese text may break across lines on a slide: between its phrases
 * (BudouX, the segmenter behind Chromium's `word-break: auto-phrase`), so that
 * "フレームワーク" never ends one line and starts the next. The planner lays
 * the text out at these breaks, and the slides' markdown allows only these
 * (`word-break: keep-all`, with `<wbr>` between phrases), so the two agree.
 * Text without kana is left to break as it does: Chinese between any two characters.
 */
import { jaModel, Parser } from 'budoux';
import { Memo } from '../shared/memo.js';

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

let parser: Parser | undefined;
/** Phrases of texts already split: the planner asks for the same title many times. */
const split = new Memo<string[]>(1_000_000, (key) => key.length);

/**
 * `text`'s phrases when it is Japanese (holds kana), joined they give `text` back; undefined otherwise.
 *
 * @example japanesePhrases('どのフレームワークを選ぶべきか？') // ['どの', 'フレームワークを', '選ぶべきか？']
 */
export function japanesePhrases(text: string): string[] | undefined {
  if (!KANA.test(text)) return undefined;
  return split.get(text, () => {
    parser ??= new Parser(jaModel);
    return wholeCharacters(text, parser.parse(text)).flatMap(compoundWords);
  });
}

/** A phrase this long or longer is a compound a narrow line may have to break. */
const COMPOUND_MIN = 8;
/** Where a compound's words meet: katakana then kanji, or kanji then katakana, each word two characters or more. */
const WORD_SEAM = /(?<=\p{Script=Katakana}ー?)(?=\p{Script=Han}{2})|(?<=\p{Script=Han}{2})(?=\p{Script=Katakana}{2})/u;

/**
 * A long phrase split where its words meet (`フロントエンドフレームワーク` `選定` `ガイド`,
 * `実行時` `パフォーマンス`): BudouX keeps a compound as one phrase, and a line too narrow for it
 * would otherwise break between any two characters (`選定ガ` / `イド`). A line still breaks
 * there only when the whole phrase does not fit it.
 */
function compoundWords(phrase: string): string[] {
  if ([...phrase].length < COMPOUND_MIN) return [phrase];
  const words: string[] = [];
  let rest = phrase;
  for (let seam = rest.search(WORD_SEAM); seam > 0; seam = rest.search(WORD_SEAM)) {
    words.push(rest.slice(0, seam));
    rest = rest.slice(seam);
  }
  return [...words, rest];
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * `phrases` joined again where BudouX, which reads UTF-16 units, cut inside a character: a
 * character beyond the first plane (𐀀, most emoji), a letter and its combining marks, or an
 * emoji sequence. A `<wbr>` there would tear the character apart.
 */
function wholeCharacters(text: string, phrases: string[]): string[] {
  const starts = new Set([...graphemes.segment(text)].map((segment) => segment.index));
  const whole: string[] = [];
  let at = 0;
  for (const phrase of phrases) {
    if (whole.length > 0 && !starts.has(at)) whole[whole.length - 1] += phrase;
    else whole.push(phrase);
    at += phrase.length;
  }
  return whole;
}
