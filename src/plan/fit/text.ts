/**
 * Text layout with the themes' real font metrics: how wide a string is and
 * where the browser will wrap it. Line breaking follows what Chromium does
 * with `overflow-wrap: break-word`: at spaces and after dashes, between Chinese
 * and Japanese characters (Korean keeps its words whole), and inside a word only
 * when the word alone is wider than the line.
 */

import { isWide } from '../../outline/text-length.js';
import { Memo } from '../../shared/memo.js';
import {
  ADDRESS_BREAK,
  ADDRESS_LIKE,
  addressPieces,
  addressWordsJoined,
  isDottedIdentifier,
  slashBreaks,
} from '../../text/address.js';
import { BREAKING_SPACES, JOINING_SPACES } from '../../text/escape.js';
import { ADDRESS_HYPHEN, HIDDEN_GLUE, SLASH_BREAK } from '../../text/marks.js';
import { japanesePhrases } from '../../text/phrases.js';
import type { Face } from '../../theme/fonts.js';
import { FONT_WIDTHS, type FontWidths } from './font-widths.js';
import { hyphenatorFor, SOFT_HYPHEN } from './hyphenate.js';

export interface Font {
  face: Face;
  /** Font size in px. */
  size: number;
}

/** Scripts the table does not cover are laid out at least this wide (thousandths of an em). */
const UNKNOWN_MIN = 700;
/** Share of the line a word broken between characters may fill. */
const BROKEN_WORD_MARGIN = 0.97;

const EMOJI = /\p{Extended_Pictographic}/u;
const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ZERO_WIDTH = /\p{M}|\u00ad|\u200b|\u200d|\ufe0f/u;

/** Width of a character the table does not list, by its class, in thousandths of an em. */
function classWidth(char: string, classes: FontWidths['classes']): number {
  if (ZERO_WIDTH.test(char)) return 0;
  if (EMOJI.test(char)) return classes.emoji;
  if (HANGUL.test(char)) return classes.hangul;
  if (KANA.test(char)) return classes.kana;
  if (isWide(char)) return classes.wide;
  return Math.max(classes.other, UNKNOWN_MIN);
}

/**
 * Every width of a face, by code point: the measured ones up front, the others
 * filled in by class on first use. A typed array, because layout asks millions of times.
 * A memo of immutable data, kept for the process: one table per face (three), 512 KB each.
 */
const tables = new Map<Face, Float64Array>();
const BMP = 0x10000;

function table(face: Face): Float64Array {
  let widths = tables.get(face);
  if (!widths) {
    widths = new Float64Array(BMP).fill(Number.NaN);
    for (const { first, widths: run } of FONT_WIDTHS[face].ranges) widths.set(run, first);
    tables.set(face, widths);
  }
  return widths;
}

/** Width of `text` in px, on one line. */
export function textWidth(text: string, font: Font): number {
  const widths = table(font.face);
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let width = widths[code] as number;
    if (code >= 0xd800 && code <= 0xdbff) {
      // A character outside the first plane (most emoji, rare CJK): measured by class each time.
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      width = classWidth(char, FONT_WIDTHS[font.face].classes);
      i++;
    } else if (Number.isNaN(width)) {
      width = classWidth(text[i] ?? '', FONT_WIDTHS[font.face].classes);
      widths[code] = width;
    }
    sum += width;
  }
  return (sum * font.size) / 1000;
}

/**
 * The pieces a line may break between: words with their trailing space, dashes
 * and soft hyphens ending a piece, and each Chinese character on its own. Japanese
 * breaks between its phrases (text/phrases.ts), and Korean between its words, at
 * spaces, as Korean is typeset (`word-break: keep-all` in the themes): neither
 * splits a word across lines.
 */
function pieces(text: string): string[] {
  const phrases = japanesePhrases(text);
  return phrases ? phrases.flatMap((phrase) => splitAt(phrase, SPACES_AND_DASHES)) : splitAt(text, CJK_TOO);
}

/**
 * Words and the dashes ending them (and a long word's slashes: SLASH_BREAK, U+FDD0; an address's
 * breaks: ADDRESS_BREAK, U+200B), with their trailing space.
 */
const SPACES_AND_DASHES = /[^\s\-‐–—\u00ad\ufdd0\u200b]*[-‐–—\u00ad\ufdd0\u200b]*\s*/gu;
/** The same, and each Chinese or Japanese character on its own. */
const CJK_TOO =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef][\s]*|[^\s\-‐–—\u00ad\ufdd0\u200b\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]*[-‐–—\u00ad\ufdd0\u200b]*\s*/gu;

/**
 * `text` split into the pieces `pattern` matches; a space that joins words (no-break, narrow
 * no-break, figure) splits nothing, nor does a hyphen inside an address, which the slides keep
 * with the character after it (text/address.ts).
 */
function splitAt(text: string, pattern: RegExp): string[] {
  const glue: string[] = [];
  const hidden = text.replace(JOINING_SPACES, (space) => {
    glue.push(space);
    return HIDDEN_GLUE;
  });
  // The hyphens the slides keep with the character after them (text/address.ts), kept here too.
  const joined = addressWordsJoined(
    hidden,
    (same) => same,
    (run) => run.replaceAll('-', ADDRESS_HYPHEN),
  );
  let next = 0;
  return (
    slashBreaks(joined)
      .match(pattern)
      ?.filter(Boolean)
      .map((piece) =>
        piece
          .replaceAll(HIDDEN_GLUE, () => glue[next++] ?? ' ')
          .replaceAll(ADDRESS_HYPHEN, '-')
          .replaceAll(SLASH_BREAK, ''),
      ) ?? []
  );
}

/** The fewest characters a word broken between any two keeps on its last line. */
const MIN_TAIL = 3;

/**
 * The lines `text` wraps to in a box `width` px wide, its white space collapsed
 * as in HTML, its first line starting `indent` px in.
 */
export function wrapLines(text: string, font: Font, width: number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  // The first line may start after something inline, e.g. a timeline's date.
  let used = indent;
  const flush = () => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const piece of pieces(text.replace(BREAKING_SPACES, ' ').trim())) {
    const visible = piece.replace(/\s+$/u, '');
    // A piece ending at a soft hyphen shows a hyphen when the line breaks after it.
    const w = textWidth(visible, font) + (visible.endsWith(SOFT_HYPHEN) ? textWidth('-', font) : 0);
    if (used > 0 && used + w > width) flush();
    if (w <= width) {
      line += piece;
      used += textWidth(piece, font);
      continue;
    }
    // A word wider than the line breaks between any two characters; Chromium shapes such runs a
    // little wider than the sum of their characters (ligatures, kerning across scripts), hence the margin.
    const chars = [...piece];
    // Its last line keeps three characters at least: never a lone "ん。" or "イド" under the rest.
    const tail = Math.max(0, chars.length - MIN_TAIL);
    chars.forEach((char, i) => {
      const cw = textWidth(char, font);
      const full = used + cw > width * BROKEN_WORD_MARGIN;
      const last = i === tail && used + textWidth(chars.slice(i).join('').trimEnd(), font) > width * BROKEN_WORD_MARGIN;
      if (used > 0 && (full || last) && /\S/u.test(char)) flush();
      line += char;
      used += cw;
    });
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/\s+$/u, ''));
}

/**
 * `text` wrapped in as many lines as in a box `width` px wide, each as long as the others allow:
 * at the narrowest width that still takes that many lines, as CSS's `text-wrap: balance` does.
 *
 * @example
 * balancedLines('A vs B vs C vs D vs E vs F: hands-on', bold(68), LEAD_CONTENT.width); // ['A vs B vs C vs D vs', 'E vs F: hands-on']
 */
export function balancedLines(text: string, font: Font, width: number): string[] {
  const greedy = wrapLines(text, font, width);
  const takes = (w: number) => wrapLines(text, font, w).length === greedy.length;
  // No narrower than the longest word, which would break inside it.
  let [narrow, wide] = [Math.max(longestWord(text, font), width / greedy.length), width];
  if (greedy.length < 2 || narrow >= wide) return greedy;
  if (takes(narrow)) return wrapLines(text, font, narrow);
  while (wide - narrow > 1) {
    const middle = (narrow + wide) / 2;
    if (takes(middle)) wide = middle;
    else narrow = middle;
  }
  return wrapLines(text, font, wide);
}

/**
 * `text` with its words wider than `width` hyphenated as `lang` hyphenates them (see hyphenate.ts):
 * each breaks where its language breaks words instead of between any two letters. Words that fit are
 * left whole; an address or an identifier too wide is never hyphenated, a reader copies it: it breaks
 * between its pieces (`addressPieces`, marked by ADDRESS_BREAK), not at any letter (`configuration.htm|l`).
 */
export function hyphenateOverWide(text: string, font: Font, width: number, lang: string): string {
  return text.replace(/\S+/gu, (word) => {
    if (textWidth(word, font) <= width) return word;
    // An identifier (`innodb_flush_log_at_trx_commit`, `org.apache.commons`) breaks as an address does,
    // before its underscores and dots.
    if (ADDRESS_LIKE.test(word) || word.includes('_') || isDottedIdentifier(word)) {
      return addressPieces(word, (piece) => textWidth(piece, font) <= width).join(ADDRESS_BREAK);
    }
    // The patterns load only once a word needs them.
    const hyphenate = hyphenatorFor(lang);
    return hyphenate ? word.replace(/[\p{L}\p{M}]+/gu, (letters) => hyphenate(letters)) : word;
  });
}

/**
 * The lines of `text` in a box `width` wide for an output that draws each line itself (a chart's
 * labels in SVG), of even length: a word too wide for the box hyphenated, the hyphen written where
 * a line breaks.
 */
export function drawnLines(text: string, font: Font, width: number, lang: string): string[] {
  return balancedLines(hyphenateOverWide(text, font, width, lang), font, width).map((line) =>
    (line.endsWith(SOFT_HYPHEN) ? `${line.slice(0, -1)}-` : line).replaceAll(SOFT_HYPHEN, ''),
  );
}

/** Width of the widest piece of `text` a line cannot break inside (a word, or a CJK character). */
export function longestWord(text: string, font: Font): number {
  return Math.max(
    0,
    ...pieces(text.replace(BREAKING_SPACES, ' ').trim()).map((piece) => textWidth(piece.trimEnd(), font)),
  );
}

/**
 * Layouts the planner tries over and over (each part count, each column count)
 * are counted once. A plan of the shipped talk asks for about 400 counts, some
 * 35 000 characters of keys; the memo holds at most 2 million characters of
 * keys (about 4 MB), however much a `dev` session or a batch plans.
 */
const counted = new Memo<number>(2_000_000, (key) => key.length);

/** How many lines `text` takes in a box `width` px wide, its first line starting `indent` px in. */
export function lineCount(text: string, font: Font, width: number, indent = 0): number {
  return counted.get(
    `${font.face} ${font.size} ${width} ${indent} ${text}`,
    () => wrapLines(text, font, width, indent).length,
  );
}
