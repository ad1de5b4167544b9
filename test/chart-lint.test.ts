/**
 * The lint rules of chart slides through `versus check` (no browser): a chart
 * without a source, "higher is better" on a time or a cost (in several
 * languages), groups in different units, values spanning more than 100× on a
 * linear axis; each at its position, and a sound chart with none of them.
 */
import { describe, expect, it } from 'vitest';
import { type CheckReport, checkOutline } from '../src/commands/check.js';
import { lowerIsBetterWord } from '../src/lint/chart-rules.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('chart-lint');

const talk = (chart: string) => `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#1f6feb" }
  - { id: b, name: Beta, color: "#8250df" }
sources:
  - { id: bench, title: A benchmark, url: "https://example.org/bench" }
sections:
  - id: s
    title: Numbers
    notes: Numbers.
    slides:
      - kind: chart
        title: The chart
        notes: Say what it shows.
${chart}`;

const SOUND = `        sources: [bench]
        metric: { title: Training step time, unit: ms, higherIsBetter: false }
        groups:
          - { label: SAM, values: { a: 268, b: 1300 } }
          - { label: Gemma, values: { a: 175, b: null } }
`;

async function check(text: string): Promise<{ file: string; report: CheckReport }> {
  const file = await temp.write('talk.yaml', text);
  return { file, report: await checkOutline(file, { measure: false }) };
}

const chartFindings = (report: CheckReport) => report.findings.filter((f) => f.slide === 3);

describe('chart lint rules', () => {
  it('find nothing in a sound chart', async () => {
    const { report } = await check(talk(SOUND));
    expect(chartFindings(report)).toEqual([]);
  });

  it('warn about a chart without a source, at the slide', async () => {
    const text = talk(SOUND.replace('        sources: [bench]\n', ''));
    const { file, report } = await check(text);
    expect(chartFindings(report)).toContainEqual({
      severity: 'warning',
      code: 'missing-source',
      message: 'slide 3 "The chart" (chart) cites no source',
      file,
      ...positionIn(text, 'kind: chart'),
      slide: 3,
    });
  });

  it('warn about "higher is better" on a time, at the claim', async () => {
    const text = talk(SOUND.replace('higherIsBetter: false', 'higherIsBetter: true'));
    const { file, report } = await check(text);
    expect(chartFindings(report)).toEqual([
      {
        severity: 'warning',
        code: 'chart-direction',
        message:
          'slide 3 "The chart" says higher is better for "Training step time (ms)", which reads like a time, a cost or a size ("time"); write "higherIsBetter: false" if less is better, or it marks the worst value best',
        file,
        ...positionIn(text, 'true'),
        slide: 3,
      },
    ]);
  });

  it('read times, costs and sizes in the catalogs’ languages, and leave scores alone', () => {
    expect(lowerIsBetterWord('Trainingszeit pro Epoche', undefined)).toBe('zeit');
    expect(lowerIsBetterWord('Coût par requête', undefined)).toBe('Coût');
    expect(lowerIsBetterWord('Latencia media', undefined)).toBe('Latencia');
    expect(lowerIsBetterWord('Tamanho do modelo', undefined)).toBe('Tamanho');
    expect(lowerIsBetterWord('学習時間', undefined)).toBe('時間');
    expect(lowerIsBetterWord('推理延迟', undefined)).toBe('延迟');
    expect(lowerIsBetterWord('메모리 사용량', undefined)).toBe('메모리');
    expect(lowerIsBetterWord('زمن خطوة التدريب', undefined)).toBe('زمن');
    expect(lowerIsBetterWord('Throughput', 'MB')).toBe('MB');
    expect(lowerIsBetterWord('Accuracy', '%')).toBeUndefined();
    expect(lowerIsBetterWord('Samples per second', undefined)).toBeUndefined();
    expect(lowerIsBetterWord('Timeliness score', undefined)).toBeUndefined();
  });

  it('warn about groups whose labels name different units', async () => {
    const text = talk(SOUND.replace('label: SAM,', 'label: SAM (s),').replace('label: Gemma,', 'label: Gemma (ms),'));
    const { file, report } = await check(text);
    expect(chartFindings(report)).toEqual([
      {
        severity: 'warning',
        code: 'mixed-units',
        message:
          'slide 3 "The chart" compares values in different units ("s", "ms") on one axis: bars compare only in one unit; convert the values, or make a chart per unit',
        file,
        ...positionIn(text, '- { label: SAM'),
        slide: 3,
      },
    ]);
  });

  it('take a name in parentheses for no unit: hardware, a file kind', async () => {
    const text = talk(
      SOUND.replace('label: SAM,', 'label: SAM (GPU),').replace('label: Gemma,', 'label: Gemma (numbers),'),
    );
    expect(chartFindings((await check(text)).report)).toEqual([]);
    const rates = talk(
      SOUND.replace('label: SAM,', 'label: SAM (tokens/s),').replace('label: Gemma,', 'label: Gemma (MB),'),
    );
    expect(chartFindings((await check(rates)).report).map((f) => f.code)).toEqual(['mixed-units']);
  });

  it('suggest a log scale for values spanning more than 100×, and not once it is set', async () => {
    const text = talk(SOUND.replace('b: 1300', 'b: 130000'));
    const { file, report } = await check(text);
    expect(chartFindings(report)).toEqual([
      {
        severity: 'warning',
        code: 'log-scale',
        message:
          'slide 3 "The chart"\'s values span 175 to 130,000 (743×): the small ones hardly show as bars; add "scale: log"',
        file,
        ...positionIn(text, 'kind: chart'),
        slide: 3,
      },
    ]);
    const log = await check(
      talk(SOUND.replace('b: 1300', 'b: 130000').replace('        groups:', '        scale: log\n        groups:')),
    );
    expect(chartFindings(log.report)).toEqual([]);
  });
});
