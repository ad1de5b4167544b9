/**
 * The run sheet: one printable table of the talk's timing, slide by slide,
 * with the cumulative clock a speaker checks while presenting. Pure.
 */
import { labelsFor } from '../i18n/labels.js';
import type { Deck } from '../plan/deck.js';
import { clock, startTimes } from '../plan/timing.js';
import { escapeMarkdownText as md } from '../text/escape.js';

export function renderRunSheet(deck: Deck): string {
  const { meta } = deck;
  const labels = labelsFor(deck);
  const total = {
    slides: labels.t('slideCount', { n: deck.slides.length }),
    minutes: labels.minutes(deck.minutes),
  };
  // Every text is escaped on its own (labels are the outline's too), then set in markup.
  const summary =
    meta.duration === undefined
      ? md(labels.t('runSheetTotal', total))
      : `${md(labels.t('runSheetBudget', { ...total, slot: labels.minutes(meta.duration) }))} — ${
          deck.minutes <= meta.duration
            ? md(labels.t('fits', { spare: labels.minutes(meta.duration - deck.minutes) }))
            : `**${md(labels.t('over', { over: labels.minutes(deck.minutes - meta.duration) }))}**`
        }`;
  const starts = startTimes(deck);
  const rows = deck.slides.map((slide, i) => {
    const start = starts[i] ?? 0;
    return `| ${i + 1} | ${clock(start)} | ${md(slide.heading)} | ${md(slide.section ?? '')} | ${md(labels.minutes(slide.minutes))} | ${clock(start + slide.minutes)} |`;
  });
  const columns = ['colStarts', 'colSlide', 'colSection', 'colMinutes', 'colEnds'] as const;
  return [
    `# ${md(labels.t('runSheet', { title: meta.title }))}`,
    '',
    [
      meta.profile && md(labels.t('profile', { name: meta.profile })),
      meta.event && md(meta.event),
      meta.date && md(labels.date(meta.date)),
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    `${summary}.`,
    '',
    `| # | ${columns.map((key) => md(labels.t(key))).join(' | ')} |`,
    '| ---: | ---: | --- | --- | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}
