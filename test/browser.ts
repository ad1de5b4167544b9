/**
 * One Chromium for every browser-backed test file a worker runs: test files share a worker's
 * modules (`isolate: false`), so the first file to ask launches it and the next ones reuse it,
 * instead of each file paying for a launch. It is launched as builds launch theirs
 * (`launchBrowser`); puppeteer ends it when the worker exits.
 *
 * Tests open pages of their own from `testBrowser()` and close them; builds take the
 * `SharedBrowser` itself (`browser: sharedBrowser()`), as a batch shares one.
 */
import type { Browser } from 'puppeteer-core';
import { SharedBrowser } from '../src/export/browser.js';

let shared: SharedBrowser | undefined;

/** The worker's shared browser, for builds (`build(file, { browser: sharedBrowser() })`). */
export function sharedBrowser(): SharedBrowser {
  shared ??= new SharedBrowser();
  return shared;
}

/** The worker's Chromium, launched on first use, for pages a test opens and closes itself. */
export function testBrowser(): Promise<Browser> {
  return sharedBrowser().get();
}
