/**
 * Code that fits its pane: lines too long for the pane wrap with a visible
 * marker, and long code splits between statements, preferably at blank lines.
 */
import { CODE } from '../../theme/geometry.js';
import { codeHeight, mono } from './blocks.js';
import type { Sized } from './paginate.js';
import { type Font, textWidth } from './text.js';

/** Starts a line that continues the one above it. */
export const CONTINUATION = '↪ ';

/**
 * One line of code wrapped to `width` px at `size` px: at a space or after
 * punctuation where one is near the end, between any two characters otherwise.
 * Continuation lines keep the line's indentation and start with the marker; a
 * row ends with the whitespace between it and the next (it is shown at no width).
 */
export function wrapCodeLine(line: string, width: number, size: number): string[] {
  const font = mono(size);
  if (textWidth(line, font) <= width) return [line];
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const lead = `${textWidth(indent, font) > width / 2 ? '' : indent}${CONTINUATION}`;
  const lines: string[] = [];
  let rest = line;
  let addresses = webAddressMask(line);
  let prefix = '';
  while (rest) {
    const room = width - textWidth(prefix, font);
    const cut = strayless(rest, breakIndex(rest, room, font, addresses), { room, width, lead, font, addresses });
    const next = rest.slice(cut).replace(/^\s+/u, '');
    // The row keeps the whitespace the wrap takes away, which the slides keep in what a person copies.
    lines.push(prefix + rest.slice(0, rest.length - next.length));
    addresses = addresses.slice(rest.length - next.length);
    rest = next;
    prefix = lead;
  }
  return lines;
}

/** A last row of this many characters or fewer ("↪ 1") reads as a stray. */
const STRAY = 3;

/**
 * `cut`, or an earlier break between tokens when the row after `cut` would be the line's last and
 * a stray: the row then gives the last one its last token ("x =" over "↪ 1" becomes "x" over
 * "↪ = 1"), as long as the row keeps half its length and the last row fits.
 */
function strayless(
  text: string,
  cut: number,
  {
    room,
    width,
    lead,
    font,
    addresses,
  }: { room: number; width: number; lead: string; font: Font; addresses: boolean[] },
): number {
  const last = text.slice(cut).trim();
  if (!last || last.length > STRAY || textWidth(lead + last, font) > width) return cut;
  const row = text.slice(0, cut).trimEnd();
  const earlier = breakIndex(row, Math.min(room, textWidth(row, font)) - textWidth('0', font) / 2, font, addresses);
  const fits = textWidth(lead + text.slice(earlier).trim(), font) <= width;
  return breakQuality(text, earlier, addresses) === 2 && earlier * 2 >= cut && fits ? earlier : cut;
}

/** A row may end after a space, a comma or semicolon, or an operator: between two tokens. */
const SOFT_BREAKS = ' ,;=+';
/** Characters that make one operator with the punctuation before them (`=>`, `==`, `+=`, `..`): no break between. */
const OPERATOR_PARTS = '=<>!&|*/+-%.:';
/** A comment's marker alone at the end of a row ("x  #" over "↪ the words"): it goes with the words. */
const LONE_MARKER = /\s(?:#+|\/\/|--)\s*$/;

/**
 * How well a row ends before `text[at]`: 2 between tokens (after a space, a comma, an operator),
 * 1 inside an expression (after an opening bracket that does not close at once, before a method's
 * dot: `Mutex::new(` over `↪ HashMap::new()`, `read(path)` over `↪ .unwrap()`), 0 inside a token.
 */
function breakQuality(text: string, at: number, addresses: boolean[]): number {
  const [before = '', after = ''] = [text[at - 1], text[at]];
  if (addresses[at - 1] && addresses[at]) return addressBreakQuality(before, after);
  if (SOFT_BREAKS.includes(before) && (before === ' ' || !OPERATOR_PARTS.includes(after))) return 2;
  if ('([{'.includes(before) && !')]}'.includes(after)) return 1;
  return after === '.' && /[\w)\]}]/u.test(before) ? 1 : 0;
}

/** A web address written in code: a string's, a comment's or a command's. */
const WEB_ADDRESS = /[a-z][\w+.-]*:\/\/[^\s"'`<>()[\]{}]+/giu;

/** Which of the line's UTF-16 units belong to a web address. */
function webAddressMask(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(false);
  for (const { index, 0: address } of line.matchAll(WEB_ADDRESS)) mask.fill(true, index, index + address.length);
  return mask;
}

/**
 * Inside a web address a row ends after a path's slash or at its query (`…/v2/` over
 * `↪ forecasts?city=…`), never inside the host name, whose dots are not a method's.
 */
function addressBreakQuality(before: string, after: string): number {
  if (before === '/' && after !== '/') return 1;
  return '?&#'.includes(before) ? 1 : 0;
}

/**
 * Where `text` breaks to fit `room` px: in the last third of the row, after the last space, comma or
 * operator (never inside an operator, nor after a comment's marker), else inside an expression;
 * else at the last of either further back, as an editor's soft wrap does; inside a token only
 * where the row holds no break at all.
 */
function breakIndex(text: string, room: number, font: Font, addresses: boolean[]): number {
  let fit = 0;
  if (/^[\x20-\x7e]*$/.test(text)) {
    // Printable ASCII: every character has the monospace font's one advance.
    fit = Math.min(text.length, Math.floor(room / textWidth('0', font)));
  } else {
    let used = 0;
    for (const char of text) {
      used += textWidth(char, font);
      if (used > room) break;
      fit += char.length;
    }
  }
  if (fit === 0) return (text.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  if (fit >= text.length) return fit;
  // The last break of each quality, after the row's indentation.
  const start = (/^\s*/.exec(text)?.[0].length ?? 0) + 1;
  const last = [0, 0, 0];
  for (let at = fit; at >= start && !last[2]; at--) {
    const quality = breakQuality(text, at, addresses);
    if (quality && !last[quality]) last[quality] = at;
  }
  const near = Math.ceil((fit * 2) / 3);
  const [, inside = 0, between = 0] = last;
  let cut = between >= near ? between : inside >= near ? inside : Math.max(between, inside);
  const marker = cut > 0 ? LONE_MARKER.exec(text.slice(0, cut)) : null;
  if (marker) cut = marker.index + 1;
  return cut >= start ? cut : fit;
}

/** A source line as the pane shows it: its wrapped parts, which stay on one page. */
export interface CodeUnit {
  lines: string[];
  /** The source line it shows (0-based), and whether it starts it (a line too long for a page splits). */
  line: number;
  first: boolean;
}

/** A line that starts by closing a bracket: it ends what the lines before it opened. */
const CLOSES = /^\s*[)\]}]/;
const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
const isBlank = (unit: CodeUnit | undefined) => (unit?.lines.join('') ?? '').trim() === '';

/**
 * The units a page may start or end between: each source line with its
 * wrapped parts, or a part on its own for a line too long for a whole page.
 */
export function codeUnits(displayed: string[][], lineHeight: number, budget: number): CodeUnit[] {
  return displayed.flatMap((parts, line) =>
    parts.length * lineHeight <= budget
      ? [{ lines: parts, line, first: true }]
      : parts.map((part, i) => ({ lines: [part], line, first: i === 0 })),
  );
}

/**
 * How badly a page break before unit `index` reads: free after a blank line,
 * cheap between top-level statements, dear inside a block, dearer before a
 * line that only closes what came before it (a lone `}`, `) {`), dearest
 * inside a wrapped line. In px², weighed against the evenness of the pages.
 */
export function codeBreakCost(units: readonly CodeUnit[], budget: number): (index: number) => number {
  const scale = budget * budget;
  const costs = units.map((unit, index) => {
    const before = units[index - 1];
    if (!before) return 0;
    if (CLOSES.test(unit.lines[0] ?? '')) return 0.5 * scale;
    if (isBlank(before)) return 0;
    if (unit.lines[0]?.trimStart().startsWith(CONTINUATION.trim())) return scale;
    const indent = indentOf(unit.lines[0] ?? '');
    if (indent === 0) return 0.02 * scale;
    return indent <= indentOf(before.lines[0] ?? '') ? 0.06 * scale : 0.2 * scale;
  });
  return (index) => costs[index] ?? 0;
}

/** Whether unit `index` is a blank line, which a page leaves out at its start or end (see `pageCode`). */
export function blankUnit(units: readonly CodeUnit[]): (index: number) => boolean {
  return (index) => isBlank(units[index]);
}

/** Sizes of code units for pagination (the pane's padding is in its overhead). */
export function unitSizes(units: CodeUnit[], size: number): Sized[] {
  return units.map((unit) => [codeHeight(unit.lines.length, size) - CODE.padY, 0]);
}

/** The code a page shows: its units' lines, without blank lines at either end. */
export function pageCode(units: CodeUnit[]): string {
  return units
    .flatMap((u) => u.lines)
    .join('\n')
    .replace(/^\s*\n/u, '')
    .replace(/\s+$/u, '');
}
