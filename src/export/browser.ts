/**
 * Finds and launches the one Chromium a build shares between all its
 * browser-backed exports. Uses the system's browser; never downloads one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page, ProtocolError, TimeoutError } from 'puppeteer-core';
import { VersusError } from '../diagnostics/diagnostics.js';
import { SLIDE } from '../theme/geometry.js';
import { findBrowser, INSTALL_HINT } from './find-browser.js';
import {
  holdBrowserGroup,
  holdBrowserProfile,
  OWNER,
  PROFILE_OWNER,
  PROFILE_PREFIX,
  removeAbandonedProfiles,
} from './owner.js';

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
  // The profile is made here rather than by puppeteer, which removes its own only when the browser
  // closes: held from before Chromium starts, a signal takes it away too (owner.ts), and it goes
  // when Chromium exits, however it ends. Named with this process's pid and marked with its owner,
  // as a staging folder is, so that a later build removes it when this one was killed outright
  // (kill -9), which no handler sees.
  removeAbandonedProfiles(os.tmpdir());
  const profile = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  const letGoOfProfile = holdBrowserProfile(profile);
  writeFileSync(path.join(profile, PROFILE_OWNER), OWNER);
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      letGoOfProfile();
    } catch {
      // A child of Chromium still writing into it: the held profile goes when this process exits
      // (endBrowsersSync), else a later build removes it.
    }
  };
  let browser: Browser;
  try {
    // `shell` passes plain --headless: the headless shell needs it, and Chrome takes it as its new headless mode.
    browser = await puppeteer.launch({
      executablePath,
      userDataDir: profile,
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
    removeProfile();
    throw new VersusError(
      'no-browser',
      `The browser at ${executablePath} did not start: ${browserErrorMessage(error, timeout)}`,
      {
        hint: INSTALL_HINT,
        cause: error,
      },
    );
  }
  const chromium = browser.process();
  if (!chromium?.pid || chromium.exitCode !== null || chromium.signalCode !== null) removeProfile();
  else {
    const letGoOfGroup = holdBrowserGroup(chromium.pid);
    chromium.once('exit', () => {
      letGoOfGroup();
      removeProfile();
    });
  }
  return browser;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/** puppeteer's words for a protocol call that got no answer in time, naming a setting versus does not have. */
const PROTOCOL_TIMEOUT = /^(\S+) timed out\. Increase the 'protocolTimeout' setting\b/;

/** Whether `error` is Chromium not answering within the browser's timeout (a hung or frozen browser). */
export function timedOut(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof ProtocolError && PROTOCOL_TIMEOUT.test(error.message));
}

/** The first line of a browser error, a timeout told in versus's terms (`--browser-timeout`) rather than puppeteer's. */
export function browserErrorMessage(error: unknown, timeout: number): string {
  const line = firstLine(error);
  const seconds = `${timeout / 1000} s`;
  const call = PROTOCOL_TIMEOUT.exec(line)?.[1];
  if (call && error instanceof ProtocolError)
    return `Chromium did not answer ${call} within ${seconds} (--browser-timeout)`;
  if (error instanceof TimeoutError) return `${line.replace(/\.$/, '')} (--browser-timeout ${seconds})`;
  return line;
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
 * batch of talks share a single Chromium. Pages are used again: an export
 * done with one hands it back (`recycle`) for the next, since a new page
 * starts a renderer process of its own (some 60 ms of CPU, as much as
 * printing a small document on a page already open).
 */
export class SharedBrowser {
  private launching: Promise<Browser> | undefined;
  /** The browser once started, also when what followed its start failed: `close` ends it all the same. */
  private launched: Browser | undefined;
  /** Browsers ended for not answering (`failed`), until they have exited and their profiles are gone. */
  private ending: Promise<void>[] = [];
  private prepared: Promise<Page>[] = [];
  /** Pages handed back, emptied, for the next export. */
  private idle: Page[] = [];
  /** Whether pages handed back are kept for exports to come (see `keepNoPages`). */
  private keep = true;

  constructor(private readonly options: LaunchOptions = {}) {}

  /** Milliseconds each launch or page operation may take. */
  get timeout(): number {
    return this.options.timeout ?? DEFAULT_TIMEOUT;
  }

  get(): Promise<Browser> {
    this.launching ??= launchBrowser(this.options).then(async (browser) => {
      this.launched = browser;
      // The blank page Chromium opens at launch is the first page an export takes: a renderer less.
      for (const page of await browser.pages()) this.adopt(page);
      return browser;
    });
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
      const page = browser.then(() => this.idleOrNew());
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

  /**
   * A page with default settings, empty, at the slide's size: a prepared one while any are left,
   * else one handed back, else a new one; waits while `MAX_OPEN_PAGES` are open. Give it back
   * with `recycle` when done (or close it).
   */
  async newPage(): Promise<Page> {
    return this.prepared.shift() ?? this.idleOrNew();
  }

  private async idleOrNew(): Promise<Page> {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed()) return page;
    return this.openPage(async () => (await this.get()).newPage());
  }

  /** Runs `use` on a page (see `newPage`), then gives the page back, or closes it when `use` failed. */
  async withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.newPage();
    let result: T;
    try {
      result = await use(page);
    } catch (error) {
      // A browser that stopped answering is ended now: closing the page would wait out another timeout.
      this.failed(error);
      await page.close().catch(() => {});
      throw error;
    }
    await this.recycle(page);
    return result;
  }

  /**
   * Takes back a page an export is done with, for the next one: emptied, and set back to the
   * slide's viewport and the browser's timeout. A page that cannot be is closed.
   */
  async recycle(page: Page): Promise<void> {
    if (!this.keep && this.waiting.length === 0) {
      await page.close().catch(() => {});
      return;
    }
    try {
      await page.goto('about:blank');
      await page.setViewport(SLIDE_VIEWPORT);
      page.setDefaultTimeout(this.timeout);
    } catch {
      await page.close().catch(() => {});
      return;
    }
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  /**
   * Pages given back from now on are closed unless an export waits for one: the browser's last
   * build opened every page it needs, and an idle renderer would only add to its memory peak.
   */
  keepNoPages(): void {
    this.keep = false;
  }

  private openPages = 0;
  /** Who waits for a place: handed a page given back, or nothing when a page closed and left its place. */
  private waiting: ((page: Page | undefined) => void)[] = [];

  private async openPage(create: () => Promise<Page>): Promise<Page> {
    if (this.openPages < MAX_OPEN_PAGES) this.openPages++;
    else {
      const handed = await new Promise<Page | undefined>((resolve) => this.waiting.push(resolve));
      if (handed) return handed;
    }
    try {
      return this.track(await create());
    } catch (error) {
      this.release();
      throw error;
    }
  }

  /** Takes a page the browser opened itself (its first, blank one) as an open page to hand out. */
  private adopt(page: Page): void {
    this.openPages++;
    this.idle.push(this.track(page));
  }

  /** An open page at the browser's timeout, whose place frees when it closes. */
  private track(page: Page): Page {
    page.setDefaultTimeout(this.timeout);
    page.once('close', this.release);
    return page;
  }

  private readonly release = (): void => {
    const next = this.waiting.shift();
    if (next) next(undefined);
    else this.openPages--;
  };

  /** The first line of a failed browser step's error, a timeout told in terms of --browser-timeout. */
  messageOf(error: unknown): string {
    return browserErrorMessage(error, this.timeout);
  }

  /**
   * Told of a failed browser step: when Chromium did not answer in time (hung, frozen), it is
   * killed at once, so that the steps still waiting on it fail now rather than each after its own
   * timeout, and closing it does not wait for another. The next `get` starts a new one.
   */
  failed(error: unknown): void {
    if (!timedOut(error)) return;
    const browser = this.launched;
    this.launched = undefined;
    this.forget();
    if (browser) this.ending.push(kill(browser));
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.forget();
    await launching?.catch(() => undefined);
    const browser = this.launched;
    this.launched = undefined;
    // A browser that does not close (it stopped answering as it was told to) is killed.
    if (browser) await browser.close().catch(() => kill(browser));
    await Promise.all(this.ending.splice(0));
  }

  private forget(): void {
    this.launching = undefined;
    this.prepared = [];
    this.idle = [];
    this.keep = true;
    this.openPages = 0;
    this.waiting = [];
  }
}

/** Kills Chromium's whole process group (puppeteer starts it detached); resolves once it has exited and its profile is gone. */
async function kill(browser: Browser): Promise<void> {
  const chromium = browser.process();
  if (!chromium?.pid || chromium.exitCode !== null || chromium.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => chromium.once('exit', () => resolve()));
  try {
    process.kill(-chromium.pid, 'SIGKILL');
  } catch {
    chromium.kill('SIGKILL'); // No process groups (Windows).
  }
  // Not disconnected: puppeteer's pipe would then have no listener left for the read error
  // (ECONNRESET) a killed browser's pipe gives, and the process would crash on it.
  await exited;
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
    // Not when Chromium stopped answering: closing would wait out another timeout, and the browser is ended instead.
    if (!timedOut(error)) await page.close().catch(() => {});
    throw error;
  }
}

/**
 * A browser step's failure as a command tells it (exit 2), a timeout in terms of --browser-timeout;
 * a browser that stopped answering is ended at once, so that no other step waits out its own timeout.
 */
export function browserFailure(error: unknown, browser: SharedBrowser, doing: 'exporting' | 'measuring'): unknown {
  browser.failed(error);
  if (error instanceof VersusError) return error;
  return new VersusError('export', `The browser failed while ${doing}: ${browser.messageOf(error)}`, {
    hint: 'Try again; if it persists, raise --browser-timeout or check CHROME_PATH.',
    cause: error,
  });
}
