/**
 * The run sheet: one printable table of the talk's timing, slide by slide,
 * with the cumulative clock a speaker checks while presenting. Pure.
 */
import { labelsFor } from '../i18n/labels.js';
import type { Deck } from '../plan/deck.js';
import { escapeMarkdownText as md } from '../text/escape.js';

export function renderRunSheet(deck: Deck): string {
  const { meta } = deck;
  const labels = labelsFor(deck);
  const { slides, minutes, slot } = deck.length;
  // Every text is escaped on its own (labels are the outline's too), then set in markup.
  const summary =
    meta.duration === undefined || slot === undefined
      ? md(labels.t('runSheetTotal', { slides, minutes }))
      : `${md(labels.t('runSheetBudget', { slides, minutes, slot }))} — ${
          deck.minutes <= meta.duration
            ? md(labels.t('fits', { spare: labels.minutes(meta.duration - deck.minutes) }))
            : `**${md(labels.t('over', { over: labels.minutes(deck.minutes - meta.duration) }))}**`
        }`;
  const rows = deck.slides.map(
    ({ times, heading, section }, i) =>
      `| ${i + 1} | ${times.start} | ${md(heading)} | ${md(section ?? '')} | ${md(times.length)} | ${times.end} |`,
  );
  const columns = ['colStarts', 'colSlide', 'colSection', 'colMinutes', 'colEnds'] as const;
  return [
    `# ${md(labels.t('runSheet', { title: meta.title }))}`,
    '',
    [
      meta.profile && md(labels.t('profile', { name: meta.profile })),
      meta.event && md(meta.event),
      meta.dateText && md(meta.dateText),
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
