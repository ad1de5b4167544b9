/**
 * A page's clock, stopped and moved by the test: `Date` (all that marp-cli's
 * timer and the presenter view's pacing read) is replaced before the page's
 * scripts run, so what the page shows depends on the time the test set, not on
 * how long the browser took.
 */
import type { Page } from 'puppeteer-core';

/** 6 December 2026, 14:05:09 UTC: a time of day whose format tells languages apart. */
export const CLOCK_START = Date.UTC(2026, 11, 6, 14, 5, 9);

/** Stops the page's clock at `CLOCK_START` (in UTC) for every document it loads from now on. */
export async function stopClock(page: Page): Promise<void> {
  await page.emulateTimezone('UTC');
  await page.evaluateOnNewDocument((start: number) => {
    const RealDate = Date;
    const state = globalThis as unknown as { __versusClock: number };
    state.__versusClock = 0;
    class StoppedDate extends RealDate {
      constructor(...args: []) {
        if (args.length) super(...args);
        else super(start + state.__versusClock);
      }
      static override now(): number {
        return start + state.__versusClock;
      }
    }
    globalThis.Date = StoppedDate as DateConstructor;
  }, CLOCK_START);
}

/** Moves the page's clock on by `seconds`. */
export async function advanceClock(page: Page, seconds: number): Promise<void> {
  await page.evaluate((ms: number) => {
    (globalThis as unknown as { __versusClock: number }).__versusClock += ms;
  }, seconds * 1000);
}
