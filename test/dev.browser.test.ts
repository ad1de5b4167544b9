/** `versus dev`: the open page follows outline edits, and an invalid edit shows its error over the last good deck. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DevServer, startDev } from '../src/dev.js';
import { launchBrowser } from '../src/export/browser.js';
import { countOf, describeWithBrowser, isShown, textOf } from './helpers.js';

describeWithBrowser('versus dev', () => {
  let dir: string;
  let server: DevServer;
  let browser: Browser;
  const rebuilds: { ms: number; problems: string[] }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'versus-dev-'));
    await cp(path.join(import.meta.dirname, 'fixtures/golden'), dir, { recursive: true });
    server = await startDev(path.join(dir, 'every-kind.yaml'), { onRebuild: (event) => rebuilds.push(event) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the deck, follows a title change within a second, and keeps the last good deck on an invalid edit', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => textOf(page, 'section h1')).toBe('Tea vs Coffee');
    expect(await countOf(page, 'svg[data-marpit-svg]')).toBe(15);
    expect(
      await page.$eval(
        'img[alt="A simple cup drawn with two shapes"]',
        (img) => (img as HTMLImageElement).naturalWidth,
      ),
    ).toBeGreaterThan(0);

    const file = path.join(dir, 'every-kind.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('title: Tea vs Coffee', 'title: Tea vs Cocoa'));
    await expect.poll(() => textOf(page, 'section h1'), { timeout: 1000 }).toBe('Tea vs Cocoa');

    await writeFile(file, original.replace('title: Tea vs Coffee', 'titel: Tea vs Coffee'));
    await expect.poll(() => isShown(page, '#errors'), { timeout: 1000 }).toBe(true);
    expect(await textOf(page, '#errors pre')).toMatch(
      /every-kind\.yaml:\d+:1 error\[unknown-key\]: "titel" is not an outline field \(did you mean "title"\?\)/,
    );
    expect(await textOf(page, 'section h1')).toBe('Tea vs Cocoa');
    expect(rebuilds.at(-1)?.problems.length).toBeGreaterThan(0);

    await writeFile(file, original);
    await expect.poll(() => isShown(page, '#errors'), { timeout: 1000 }).toBe(false);
    expect(await textOf(page, 'section h1')).toBe('Tea vs Coffee');
  });

  it('answers malformed and traversing addresses and a deleted image, and keeps serving', async () => {
    const status = async (pathname: string) => (await fetch(new URL(pathname, server.url))).status;
    expect(await status('/%E0%A4%A')).toBe(400);
    expect(await status('/..%2F..%2Fetc%2Fpasswd')).toBe(404);
    expect(await status('/assets/%2e%2e/every-kind.yaml')).toBe(404);

    const html = await (await fetch(server.url)).text();
    const image = /src="([^"]*assets\/[^"]+)"/.exec(html)?.[1];
    expect(image).toBeDefined();
    expect(await status(`/${image}`)).toBe(200);
    await rm(path.join(dir, 'images', 'cup.svg'));
    expect(await status(`/${image}`)).toBe(404);
    expect(await status('/')).toBe(200);
  });
});
