/**
 * A chart's value axis: its range (from every group's values, so that the
 * parts of a split chart share one axis), round ticks, where a value falls
 * on it, and numbers written as the talk's language writes them. Pure.
 */
import { LATIN_DIGITS } from '../../i18n/labels.js';
import { Memo } from '../../shared/memo.js';

export interface Scale {
  log: boolean;
  /** The axis's range, low to high. */
  lo: number;
  hi: number;
  /** Where bars start: zero, or the end of the range nearest to it (the low end of a log axis). */
  origin: number;
  ticks: number[];
}

/** The axis for `values` (missing ones left out), within the author's `min` and `max` when set. */
export function chartScale(values: readonly number[], options: { min?: number; max?: number; log: boolean }): Scale {
  return options.log ? logScale(values, options) : linearScale(values, options);
}

function linearScale(values: readonly number[], { min, max }: { min?: number; max?: number }): Scale {
  let lo = min ?? Math.min(0, ...values);
  let hi = max ?? Math.max(0, ...values);
  if (hi <= lo) {
    // All zero, or an author's bound beyond every value: a range of one around them.
    if (max === undefined) hi = lo + (Math.abs(lo) || 1);
    else lo = hi - (Math.abs(hi) || 1);
  }
  // At least a step far below any measured value: a range of subnormal numbers has no round ticks of its own.
  const step = niceStep(Math.max((hi - lo) / 5, 1e-300));
  if (min === undefined) lo = Math.floor(lo / step) * step;
  if (max === undefined) hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(roundTo(k * step));
  return { log: false, lo, hi, origin: Math.min(hi, Math.max(lo, 0)), ticks };
}

function logScale(values: readonly number[], { min, max }: { min?: number; max?: number }): Scale {
  const positive = values.filter((v) => v > 0);
  const low = positive.length ? Math.min(...positive) : 1;
  const high = positive.length ? Math.max(...positive) : 10;
  // Decades from 1e-300: below, powers of ten round to zero (a subnormal value sits at the axis's start).
  const lo = min ?? 10 ** Math.max(-300, Math.floor(Math.log10(low)));
  let hi = max ?? 10 ** Math.ceil(Math.log10(high));
  if (hi <= lo) hi = lo * 10;
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  // At most about six ticks: every decade, or every second or third one.
  const every = Math.max(1, Math.ceil((last - first + 1) / 6));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += every) ticks.push(Number(`1e${e}`));
  return { log: true, lo, hi, origin: lo, ticks };
}

/** A round step near `raw`: 1, 2 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** `value` without the floating-point dust of adding steps (0.30000000000000004 → 0.3); `+ 0` makes -0 zero. */
function roundTo(value: number): number {
  return Number(value.toPrecision(12)) + 0;
}

/** Where `value` falls on the axis, from 0 (its low end) to 1 (its high end); clamped to the axis. */
export function position(scale: Scale, value: number): number {
  const t = scale.log
    ? (Math.log10(Math.max(value, Number.MIN_VALUE)) - Math.log10(scale.lo)) /
      (Math.log10(scale.hi) - Math.log10(scale.lo))
    : // Halves first: the difference of two values near ±1e15 stays exact, and of any two finite ones finite.
      (value / 2 - scale.lo / 2) / (scale.hi / 2 - scale.lo / 2);
  return Math.min(1, Math.max(0, t));
}

/** Number formats by language and kind: made once each, at most 64 kept. */
const formats = new Memo<Intl.NumberFormat>(64);

function format(lang: string, kind: 'plain' | 'small' | 'compact' | 'scientific'): Intl.NumberFormat {
  return formats.get(`${lang} ${kind}`, () => {
    const options: Intl.NumberFormatOptions = {
      plain: { maximumFractionDigits: 2 },
      small: { maximumSignificantDigits: 3 },
      compact: { notation: 'compact', maximumSignificantDigits: 3 },
      scientific: { notation: 'scientific', maximumSignificantDigits: 3 },
    }[kind] as Intl.NumberFormatOptions;
    return new Intl.NumberFormat(supported(lang), { ...options, numberingSystem: LATIN_DIGITS });
  });
}

function supported(lang: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** How a chart writes its numbers: `scientific` throughout when one of them needs it. */
export type ChartNotation = 'usual' | 'scientific';

const extreme = (value: number) => value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-3);

/**
 * The notation of a chart's values and ticks: scientific for all of them when any is beyond what
 * compact notation writes (a thousand trillion and more, below a thousandth), so that one axis
 * never mixes "100B" with "1E15".
 */
export function chartNotation(numbers: readonly number[]): ChartNotation {
  return numbers.some(extreme) ? 'scientific' : 'usual';
}

/**
 * The decimals every one of `numbers` is written with, as a designer sets a chart's column of
 * figures ("2.0" beside "1.4", never "2"): `decimals` when each has at most that many, else none
 * added (0.002 beside 12 is each written as it is, never "0.00").
 */
export function fixedDecimals(numbers: readonly number[], decimals: number): number {
  return numbers.every((value) => Number(value.toFixed(decimals)) === value) ? decimals : 0;
}

/**
 * An axis's ticks as a chart writes them, each with the ticks' `decimals` (see fixedDecimals):
 * from a thousand up compact when the axis reaches a million, so that one axis reads "800K",
 * "1M" and never "800,000" under "1M".
 */
export function tickLabels(ticks: readonly number[], lang: string, notation: ChartNotation, decimals = 0): string[] {
  const compact = notation === 'usual' && ticks.some((tick) => Math.abs(tick) >= 1e6);
  return ticks.map((tick) =>
    compact && Math.abs(tick) >= 1e3
      ? format(lang, 'compact').format(tick)
      : chartNumber(tick, lang, notation, decimals),
  );
}

/**
 * A value as a chart writes it, in the talk's language: two decimals at most,
 * three significant digits below one, millions and above compact ("1.2M",
 * "400T"), or scientific notation ("4E15") when the chart's `notation` is.
 * With `decimals` (the chart's fixedDecimals), every value below a million has
 * that many: the slide's and the PowerPoint's labels are this one text.
 */
export function chartNumber(value: number, lang: string, notation = chartNotation([value]), decimals = 0): string {
  const size = Math.abs(value);
  const fixed = decimals > 0 && notation === 'usual' && size < 1e6;
  if (fixed) return fixedFormat(lang, decimals).format(value);
  if (size === 0) return format(lang, 'plain').format(0);
  if (notation === 'scientific') return format(lang, 'scientific').format(value);
  if (size >= 1e6) return format(lang, 'compact').format(value);
  if (size < 1) return format(lang, 'small').format(value);
  return format(lang, 'plain').format(value);
}

/** Numbers with exactly `decimals` decimals, in `lang`. */
function fixedFormat(lang: string, decimals: number): Intl.NumberFormat {
  return formats.get(`${lang} fixed ${decimals}`, () => {
    const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    return new Intl.NumberFormat(supported(lang), { ...digits, numberingSystem: LATIN_DIGITS });
  });
}
