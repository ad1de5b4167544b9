/**
 * Finds and launches the one Chromium a build shares between all its
 * browser-backed exports. Uses the system's browser; never downloads one.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { VersusError } from '../diagnostics/diagnostics.js';
import { SLIDE } from '../theme/geometry.js';
import { findBrowser, INSTALL_HINT } from './find-browser.js';

export { findBrowser, INSTALL_HINT };

export interface LaunchOptions {
  /** Milliseconds a launch or page operation may take (default 60 s). */
  timeout?: number;
}

const DEFAULT_TIMEOUT = 60_000;

/** Flags that keep a headless browser quiet on a machine without network access, and small. */
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
  '--font-render-hinting=none',
  // The network service in the browser process, not in a utility process of its own (about 14–26 MB PSS).
  '--enable-features=NetworkServiceInProcess2',
];

/** Pages open at the size of one slide, which the overflow measurement relies on. */
export const SLIDE_VIEWPORT = { width: SLIDE.width, height: SLIDE.height };

/** @throws VersusError (kind `no-browser`) when no browser is found or it does not start. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    const which = process.env.CHROME_PATH
      ? `CHROME_PATH (${process.env.CHROME_PATH}) does not exist`
      : 'No Chrome or Chromium was found';
    throw new VersusError('no-browser', `${which}; PDF and other browser-backed exports need one.`, {
      hint: INSTALL_HINT,
    });
  }
  // Chromium's sandbox cannot start as root (containers, CI).
  const args = [...QUIET_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  try {
    // `shell` passes plain --headless: the headless shell needs it, and Chrome takes it as its new headless mode.
    return await puppeteer.launch({
      executablePath,
      args,
      headless: 'shell',
      pipe: true,
      defaultViewport: SLIDE_VIEWPORT,
      // Over a pipe, launching is itself protocol calls: `timeout` alone would not bound a hung browser.
      timeout,
      protocolTimeout: timeout,
      // The CLI handles signals itself (it discards staged files first); on exit puppeteer still kills Chromium.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new VersusError('no-browser', `The browser at ${executablePath} did not start: ${firstLine(error)}`, {
      hint: INSTALL_HINT,
      cause: error,
    });
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/**
 * Pages a shared browser keeps open at once. Each page has a renderer process
 * of its own (40–80 MB), and more pages than cores mostly wait for the CPU;
 * one more is worth it when it takes slide images, which wait on Chromium's
 * GPU process instead: the first image page starts beside the PDF and the
 * handout, and the others take their places. A page must not wait for a
 * second one while it is open.
 */
const MAX_OPEN_PAGES = Math.max(2, os.availableParallelism()) + 1;

/**
 * One browser for many exports: launched on first use, closed once. Lets a
 * batch of talks share a single Chromium.
 */
export class SharedBrowser {
  private launching: Promise<Browser> | undefined;
  private prepared: Promise<Page>[] = [];

  constructor(private readonly options: LaunchOptions = {}) {}

  /** Milliseconds each launch or page operation may take. */
  get timeout(): number {
    return this.options.timeout ?? DEFAULT_TIMEOUT;
  }

  get(): Promise<Browser> {
    this.launching ??= launchBrowser(this.options);
    return this.launching;
  }

  /**
   * Launches the browser and opens `count` pages in the background, so that
   * exports find them ready instead of waiting for Chromium after their own work.
   */
  prepare(count: number): void {
    const browser = this.get();
    browser.catch(() => {}); // whoever asks for the browser or a page sees the failure
    for (let i = 0; i < count; i++) {
      const page = this.openPage(() => browser.then((b) => b.newPage()));
      page.catch(() => {});
      this.prepared.push(page);
    }
  }

  /**
   * Closes the prepared pages no export took (a build that failed before its
   * exports started), so that they give their places back to the next build.
   */
  async releasePrepared(): Promise<void> {
    const left = this.prepared.splice(0);
    await Promise.all(left.map((page) => page.then((p) => p.close()).catch(() => {})));
  }

  /** A new page with default settings: a prepared one while any are left; waits while `MAX_OPEN_PAGES` are open. */
  async newPage(): Promise<Page> {
    return this.prepared.shift() ?? (await this.openPage(async () => (await this.get()).newPage()));
  }

  private openPages = 0;
  private waiting: (() => void)[] = [];

  private async openPage(create: () => Promise<Page>): Promise<Page> {
    if (this.openPages < MAX_OPEN_PAGES) this.openPages++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the closing page hands its place over
    try {
      const page = await create();
      page.once('close', this.release);
      return page;
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private readonly release = (): void => {
    const next = this.waiting.shift();
    if (next) next();
    else this.openPages--;
  };

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    this.prepared = [];
    this.openPages = 0;
    this.waiting = [];
    if (launching) await (await launching.catch(() => undefined))?.close();
  }
}

/** An HTML document to open, the file it is written to first, and how long the page may take to answer. */
export interface PageDocument {
  file: string;
  html: string;
  /** Milliseconds (default: puppeteer's). */
  timeout?: number;
}

/**
 * Writes `html` to `file` and opens it in `page`, ready once its fonts are:
 * pages load from a file so relative asset paths resolve. Closes the page if
 * that fails; otherwise closing it is the caller's job.
 */
export async function openDocument(page: Page, { file, html, timeout }: PageDocument): Promise<Page> {
  try {
    await writeFile(file, html);
    if (timeout) page.setDefaultTimeout(timeout);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}
