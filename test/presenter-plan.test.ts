/**
 * The planned deck's QR code and presenter-view plan, without a browser: the
 * slides that carry the code and where, and each slide's start and length as
 * the run sheet prints them, with the outline's `labels:` over the catalog.
 */
import { describe, expect, it } from 'vitest';
import { planPresenter } from '../src/plan/presenter.js';
import { renderRunSheet } from '../src/render/runsheet.js';
import { QR_CODE, SLIDE } from '../src/theme/geometry.js';
import { compileData, minimalOutline } from './helpers.js';

const URL = 'https://talks.example.org/a-vs-b/';

describe('the presenter view’s plan', () => {
  it('gives each slide its start and length as the run sheet prints them, and the slot', () => {
    const outline = { ...minimalOutline(), duration: 10 };
    const { deck } = compileData(outline);
    const plan = planPresenter(deck);
    expect(plan.slides).toHaveLength(deck.slides.length);
    expect(plan.slot).toBe(600);
    const rows = renderRunSheet(deck)
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(plan.slides.map((s) => [s.startText, s.lengthText])).toEqual(rows.map((cells) => [cells[2], cells[5]]));
    const last = plan.slides.at(-1);
    expect((last?.start ?? 0) + (last?.length ?? 0)).toBe(Math.round(deck.minutes * 60));
  });

  it('words its controls in the talk’s language, with the outline’s labels over the catalog', () => {
    const outline = { ...minimalOutline(), lang: 'de', labels: { paceBehind: '{time} zu spät' } };
    const { words, lang, dir } = planPresenter(compileData(outline).deck);
    expect([lang, dir]).toEqual(['de', 'ltr']);
    expect(words.controlPrevious).toBe('Vorige Folie');
    expect(words.paceBehind).toBe('{time} zu spät');
    expect(planPresenter(compileData({ ...minimalOutline(), lang: 'fa' }).deck).dir).toBe('rtl');
  });
});

describe('the QR code in the planned deck', () => {
  it('is on the title and the closing slide only, at least 15 % of the slide’s height, of `qr:` over `url:`', () => {
    const slides = compileData({ ...minimalOutline(), url: URL }).deck.slides;
    expect(slides.map((s) => s.qr?.text)).toEqual(
      slides.map((_, i) => (i === 0 || i === slides.length - 1 ? URL : undefined)),
    );
    expect(slides[0]?.qr?.code.size).toBeGreaterThanOrEqual(0.15 * SLIDE.height);
    const feedback = 'https://forms.example.org/f';
    expect(compileData({ ...minimalOutline(), url: URL, qr: feedback }).deck.slides[0]?.qr?.text).toBe(feedback);
    expect(compileData({ ...minimalOutline(), url: URL, qr: false }).deck.slides.some((s) => s.qr)).toBe(false);
    expect(compileData(minimalOutline()).deck.slides.some((s) => s.qr)).toBe(false);
  });

  it('stands in its column, the address above the code, inside the slide', () => {
    const qr = compileData({ ...minimalOutline(), url: URL }).deck.slides[0]?.qr;
    if (!qr) throw new Error('no QR code');
    expect(qr.code.x + qr.code.size).toBeLessThanOrEqual(SLIDE.width);
    expect(qr.code.y + qr.code.size).toBeLessThanOrEqual(SLIDE.height);
    expect(qr.caption.y + qr.caption.height).toBeLessThanOrEqual(qr.code.y);
    expect(qr.caption.x).toBe(SLIDE.width - (SLIDE.width - qr.code.x - qr.code.size) - QR_CODE.column);
  });
});
