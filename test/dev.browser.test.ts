/** `versus dev`: the open page follows outline edits, and an invalid edit shows its error over the last good deck. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DevServer, startDev } from '../src/dev.js';
import { findBrowser } from '../src/export/browser.js';
import { describeWithBrowser } from './helpers.js';

describeWithBrowser('versus dev', () => {
  let dir: string;
  let server: DevServer;
  let browser: Browser;
  const rebuilds: { ms: number; problems: string[] }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'versus-dev-'));
    await cp(path.join(import.meta.dirname, 'fixtures/golden'), dir, { recursive: true });
    server = await startDev(path.join(dir, 'every-kind.yaml'), { onRebuild: (event) => rebuilds.push(event) });
    browser = await chromium.launch({
      executablePath: findBrowser(),
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the deck, follows a title change within a second, and keeps the last good deck on an invalid edit', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('section h1').first().innerText()).toBe('Tea vs Coffee');
    expect(await page.locator('svg[data-marpit-svg]').count()).toBe(15);
    expect(
      await page
        .locator('img[alt="A simple cup drawn with two shapes"]')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);

    const file = path.join(dir, 'every-kind.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('title: Tea vs Coffee', 'title: Tea vs Cocoa'));
    await expect.poll(() => page.locator('section h1').first().innerText(), { timeout: 1000 }).toBe('Tea vs Cocoa');

    await writeFile(file, original.replace('title: Tea vs Coffee', 'titel: Tea vs Coffee'));
    await expect.poll(() => page.locator('#errors').isVisible(), { timeout: 1000 }).toBe(true);
    expect(await page.locator('#errors pre').innerText()).toMatch(
      /every-kind\.yaml:\d+:1 error\[unknown-key\]: "titel" is not an outline field \(did you mean "title"\?\)/,
    );
    expect(await page.locator('section h1').first().innerText()).toBe('Tea vs Cocoa');
    expect(rebuilds.at(-1)?.problems.length).toBeGreaterThan(0);

    await writeFile(file, original);
    await expect.poll(() => page.locator('#errors').isVisible(), { timeout: 1000 }).toBe(false);
    expect(await page.locator('section h1').first().innerText()).toBe('Tea vs Coffee');
  });
});
