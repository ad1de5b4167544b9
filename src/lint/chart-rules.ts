/**
 * Lint rules of chart slides: what makes a chart mislead. "Higher is better"
 * on a metric named like a time, a cost or a size; groups whose labels name
 * different units (bars on one axis compare in one unit only); values that
 * span more than a hundredfold on a linear axis, where the small bars vanish.
 * A log scale with zero or a negative value is the schema's error.
 */
import { type Where, within } from '../outline/origin.js';
import type { FilePosition } from '../outline/positions.js';
import type { DeckSlide, PlannedChart } from '../plan/deck.js';
import { chartNumber } from '../plan/fit/chart-scale.js';
import type { Finding } from './finding.js';

type ChartSlide = Extract<DeckSlide, { kind: 'chart' }>;

/** Values spanning more than this factor on a linear axis: `scale: log` is suggested. */
const LOG_SPAN = 100;

/**
 * Words of metrics where less is better: times, costs and sizes, in the
 * languages versus has catalogs for. Latin-script words match whole (and, in
 * German, as the end of a compound: "Trainingszeit"); the others anywhere.
 */
const LOWER_IS_BETTER: Record<string, readonly string[]> = {
  en: [
    'time',
    'times',
    'duration',
    'latency',
    'delay',
    'runtime',
    'cost',
    'costs',
    'price',
    'size',
    'memory',
    'seconds',
    'minutes',
    'overhead',
    'footprint',
  ],
  de: ['zeit', 'dauer', 'latenz', 'verzögerung', 'kosten', 'preis', 'größe', 'speicher', 'sekunden'],
  fr: ['temps', 'durée', 'latence', 'délai', 'coût', 'coûts', 'prix', 'taille', 'mémoire', 'secondes'],
  es: ['tiempo', 'duración', 'latencia', 'retraso', 'coste', 'costo', 'precio', 'tamaño', 'memoria', 'segundos'],
  pt: ['tempo', 'duração', 'latência', 'atraso', 'custo', 'preço', 'tamanho', 'memória', 'segundos'],
};
const ANYWHERE = [
  '時間',
  '遅延',
  'レイテンシ',
  'コスト',
  '費用',
  '価格',
  'サイズ',
  'メモリ',
  '时间',
  '耗时',
  '延迟',
  '成本',
  '费用',
  '价格',
  '内存',
  '시간',
  '지연',
  '비용',
  '가격',
  '크기',
  '메모리',
  'زمن',
  'وقت',
  'مدة',
  'تأخير',
  'تكلفة',
  'سعر',
  'حجم',
  'ذاكرة',
];
/** Units of times, money and sizes. */
const LOWER_IS_BETTER_UNITS =
  /^(ms|µs|us|ns|s|sec|secs|seconds?|min|minutes?|h|hours?|days?|\$|€|£|¥|usd|eur|b|bytes?|kb|mb|gb|tb|kib|mib|gib|tib)$/iu;

const words = (list: readonly string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const WHOLE = new RegExp(`(?<!\\p{L})(${words(Object.values(LOWER_IS_BETTER).flat())})(?!\\p{L})`, 'iu');
const COMPOUND_END = new RegExp(`(${words(LOWER_IS_BETTER.de ?? [])})(?!\\p{L})`, 'iu');
const PARTS = new RegExp(words(ANYWHERE), 'u');

/** The word of `title` or `unit` that names a time, a cost or a size, if one does. */
export function lowerIsBetterWord(title: string, unit: string | undefined): string | undefined {
  const match = WHOLE.exec(title) ?? COMPOUND_END.exec(title) ?? PARTS.exec(title);
  if (match) return match[0];
  return unit && LOWER_IS_BETTER_UNITS.test(unit.trim()) ? unit.trim() : undefined;
}

/** A unit a group's label names at its end: "SAM (ms)", "Gemma [s]"; not "ResNet (GPU)" or "canada.json (numbers)". */
const LABEL_UNIT = /[([]\s*([^()[\]]{1,12}?)\s*[)\]]\s*$/u;

/**
 * What reads as a unit: one of time, size, money, share or rate (`tokens/s`), with an SI
 * prefix where it takes one; a word in parentheses is otherwise a name ("GPU", "numbers").
 */
const UNIT_LIKE =
  /^(?:%|‰|°[CF]|x|×|[kMGTPmµun]?(?:s|B|b|Hz|W|Wh|J|g|m|px)|Ki?B|Mi?B|Gi?B|Ti?B|ms|µs|us|ns|sec|secs|min|mins|h|hrs?|days?|\$|€|£|¥|USD|EUR|GBP|JPY|CNY|fps|ops|qps|rps|tps|\S+\/\S+)$/u;

/**
 * The findings about one chart: `parts` are its slides (one, or the parts a
 * long chart was split into), `number` the 1-based number of the first.
 */
export function lintChart(parts: ChartSlide[], number: number, at: (where: Where) => FilePosition): Finding[] {
  const [first] = parts;
  if (!first) return [];
  const findings: Finding[] = [];
  const name = `slide ${number} "${first.title}"`;
  const { title, unit, higherIsBetter } = first.metric;
  const word = higherIsBetter ? lowerIsBetterWord(title, unit) : undefined;
  if (word) {
    findings.push({
      severity: 'warning',
      code: 'chart-direction',
      message: `${name} says higher is better for "${title}${unit ? ` (${unit})` : ''}", which reads like a time, a cost or a size ("${word}"); write "higherIsBetter: false" if less is better, or it marks the worst value best`,
      ...at(within(first.origin, 'metric', 'higherIsBetter')),
      slide: number,
    });
  }
  const groups = parts.flatMap((part) => part.groups);
  const units = new Map<string, string>();
  for (const group of groups) {
    const named = group.label && LABEL_UNIT.exec(group.label)?.[1];
    if (named && UNIT_LIKE.test(named)) units.set(named.toLowerCase(), named);
  }
  if (unit && units.size > 0) units.set(unit.toLowerCase(), unit);
  if (units.size > 1) {
    findings.push({
      severity: 'warning',
      code: 'mixed-units',
      message: `${name} compares values in different units (${[...units.values()].map((u) => `"${u}"`).join(', ')}) on one axis: bars compare only in one unit; convert the values, or make a chart per unit`,
      ...at(within(first.origin, 'groups')),
      slide: number,
    });
  }
  const values = groups.flatMap((g) => g.values.filter((v): v is number => v !== null));
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (first.scale === 'linear' && values.length > 1 && low > 0 && high / low > LOG_SPAN) {
    const lang = 'en';
    findings.push({
      severity: 'warning',
      code: 'log-scale',
      message: `${name}'s values span ${chartNumber(low, lang)} to ${chartNumber(high, lang)} (${chartNumber(Math.round(high / low), lang)}×): the small ones hardly show as bars; add "scale: log"`,
      ...at(first.origin),
      slide: number,
    });
  }
  return findings;
}

/** The parts of the chart whose first part is `deck[i]`. */
export function chartParts(slides: readonly DeckSlide[], i: number): ChartSlide[] {
  const first = slides[i];
  if (first?.kind !== 'chart') return [];
  const count = first.part?.count ?? 1;
  return slides.slice(i, i + count).filter((s): s is ChartSlide & PlannedChart => s.kind === 'chart');
}
