/**
 * The run sheet: one printable table of the talk's timing, slide by slide,
 * with the cumulative clock a speaker checks while presenting. Pure.
 */
import type { Deck } from '../plan/deck.js';
import { escapeTableCell as md } from './escape.js';
import { formatMinutes, slideTitle } from './slides.js';

/** 90.5 minutes → "1:30:30"; 4.25 → "4:15". */
export function clock(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function renderRunSheet(deck: Deck): string {
  const { meta } = deck;
  const budget = meta.duration === undefined ? '' : ` of a ${formatMinutes(meta.duration)} slot`;
  const verdict =
    meta.duration === undefined
      ? ''
      : deck.minutes <= meta.duration
        ? ` — fits, with ${formatMinutes(meta.duration - deck.minutes)} to spare`
        : ` — **over by ${formatMinutes(deck.minutes - meta.duration)}**`;
  let elapsed = 0;
  const rows = deck.slides.map((slide, i) => {
    const starts = clock(elapsed);
    elapsed += slide.minutes;
    return `| ${i + 1} | ${starts} | ${md(slideTitle(slide))} | ${md(slide.section ?? '')} | ${formatMinutes(slide.minutes)} | ${clock(elapsed)} |`;
  });
  return [
    `# Run sheet: ${md(meta.title)}`,
    '',
    [meta.profile && `Profile: ${md(meta.profile)}`, meta.event && md(meta.event), meta.date && md(meta.date)]
      .filter(Boolean)
      .join(' · '),
    '',
    `${deck.slides.length} slides, ${formatMinutes(deck.minutes)}${budget}${verdict}.`,
    '',
    '| # | starts | slide | section | minutes | ends |',
    '| ---: | ---: | --- | --- | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}
