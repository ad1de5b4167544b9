/**
 * A date written another way than YYYY-MM-DD (`1 Nov 2026`, `Nov 1, 2026`,
 * `01.11.2026`, `2026/11/01`), read back as YYYY-MM-DD for a hint. Only what
 * reads one way: `01/11/2026` is the 1st of November or the 11th of January,
 * and gets no answer.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * @example
 * asIsoDate('1 Nov 2026') // '2026-11-01'
 * asIsoDate('03/04/2026') // undefined: March or April
 */
export function asIsoDate(written: string): string | undefined {
  const text = written.trim();
  const named = /^(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})$/u.exec(text);
  if (named) return iso(named[3], monthNamed(named[2]), named[1]);
  const monthFirst = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(text);
  if (monthFirst) return iso(monthFirst[3], monthNamed(monthFirst[1]), monthFirst[2]);
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst) return iso(yearFirst[1], Number(yearFirst[2]), yearFirst[3]);
  const yearLast = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (!yearLast) return undefined;
  const [, first = '', separator, second = '', year] = yearLast;
  // Day first, as a dot says and as a day over 12 shows; the other way round when only that reads as a date.
  if (separator === '.' || Number(first) > 12 || first === second) return iso(year, Number(second), first);
  return Number(second) > 12 ? iso(year, Number(first), second) : undefined;
}

function monthNamed(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

function iso(year: string | undefined, month: number, day: string | number | undefined): string | undefined {
  const d = Number(day);
  if (!year || month < 1 || month > 12 || !(d >= 1 && d <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
