/**
 * `versus dev`: the open page follows every file a build reads, shows errors
 * over the last good deck (or until there is one), builds one at a time and
 * ends on the newest save, and survives files and folders deleted under it.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { type DevOptions, type DevServer, startDev } from '../src/commands/dev.js';
import { testBrowser } from './browser.js';
import { countOf, describeWithBrowser, isShown, textOf } from './helpers.js';
import { CLI } from './run-cli.js';

const GOLDEN = path.join(import.meta.dirname, 'fixtures/golden');
/** Changes show as soon as a build is done; this only bounds how long a failing test waits. */
const EVENTUALLY = { timeout: 10_000 };
const TITLE = 'title: Tea vs Coffee';

describeWithBrowser('versus dev', () => {
  let browser: Browser;
  const dirs: string[] = [];

  beforeAll(async () => {
    browser = await testBrowser();
  });

  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  /** The golden outline and its images, copied into `sub` of a fresh folder. */
  async function goldenCopy(sub = '.') {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-dev-'));
    dirs.push(dir);
    await cp(GOLDEN, path.join(dir, sub), { recursive: true });
    const file = path.join(dir, sub, 'every-kind.yaml');
    return { dir, file, original: await readFile(file, 'utf8') };
  }

  /** Starts `versus dev` for this test, recording each rebuild with the time it ended. */
  async function preview(file: string, options: DevOptions = {}) {
    const rebuilds: { ms: number; problems: string[]; end: number }[] = [];
    const server = await startDev(file, {
      ...options,
      onRebuild: (event) => rebuilds.push({ ...event, end: performance.now() }),
    });
    onTestFinished(() => server.close());
    return { server, rebuilds };
  }

  async function open(server: DevServer): Promise<Page> {
    const page = await browser.newPage();
    onTestFinished(() => page.close());
    await page.goto(server.url);
    return page;
  }

  const imageWidth = (page: Page) =>
    page.$eval('img[alt="A simple cup drawn with two shapes"]', (img) => (img as HTMLImageElement).naturalWidth);

  it('shows the deck, follows a title change, and keeps the last good deck on an invalid edit', async () => {
    const { file, original } = await goldenCopy();
    const { server, rebuilds } = await preview(file);
    const page = await open(server);
    await expect.poll(() => textOf(page, 'section h1')).toBe('Tea vs Coffee');
    expect(await countOf(page, 'svg[data-marpit-svg]')).toBe(15);
    expect(await imageWidth(page)).toBeGreaterThan(0);

    // In the talk's language, as the exports are (CJK glyphs and line breaking follow it), also once it changes.
    expect(await page.$eval('#deck', (deck) => (deck as HTMLElement).lang)).toBe('en');
    await writeFile(file, original.replace(TITLE, 'title: Tea vs Cocoa\nlang: ja'));
    await expect.poll(() => textOf(page, 'section h1'), EVENTUALLY).toBe('Tea vs Cocoa');
    expect(await page.$eval('#deck', (deck) => (deck as HTMLElement).lang)).toBe('ja');
    // And in its direction: a right-to-left talk's deck reads so.
    const dir = () => page.$eval('#deck', (deck) => (deck as HTMLElement).dir);
    expect(await dir()).toBe('ltr');
    await writeFile(file, original.replace(TITLE, 'title: Tea vs Cocoa\nlang: he'));
    await expect.poll(dir, EVENTUALLY).toBe('rtl');

    await writeFile(file, original.replace(TITLE, 'titel: Tea vs Coffee'));
    await expect.poll(() => isShown(page, '#errors'), EVENTUALLY).toBe(true);
    expect(await textOf(page, '#errors strong')).toBe(
      'The outline or its theme has problems; showing the last good deck.',
    );
    expect(await textOf(page, '#errors pre')).toMatch(
      /every-kind\.yaml:\d+:1 error\[unknown-key\]: "titel" is not an outline field \(did you mean "title"\?\)/,
    );
    // Under the message, the line as saved now and a caret under the key, as the CLI prints them.
    expect(await textOf(page, '#errors pre')).toMatch(/\n +\d+ \| titel: Tea vs Coffee\n +\| \^/);
    expect(await textOf(page, 'section h1')).toBe('Tea vs Cocoa');
    expect(rebuilds.at(-1)?.problems.length).toBeGreaterThan(0);

    await writeFile(file, original);
    await expect.poll(() => isShown(page, '#errors'), EVENTUALLY).toBe(false);
    expect(await textOf(page, 'section h1')).toBe('Tea vs Coffee');
  });

  it('starts on an invalid outline, shows its errors, and shows the deck once it is fixed', async () => {
    const { file, original } = await goldenCopy();
    await writeFile(file, original.replace(TITLE, 'titel: Tea vs Coffee'));
    const { server } = await preview(file);
    expect(server.problems).toContainEqual(
      expect.stringMatching(/every-kind\.yaml:\d+:1 error\[unknown-key\]: "titel" is not an outline field/),
    );

    const page = await open(server);
    expect(await isShown(page, '#errors')).toBe(true);
    expect(await textOf(page, '#errors strong')).toBe(
      'The outline or its theme has problems; the deck shows as soon as they are fixed.',
    );
    expect(await textOf(page, '#errors pre')).toContain('"titel" is not an outline field');
    expect(await countOf(page, 'svg[data-marpit-svg]')).toBe(0);

    await writeFile(file, original);
    await expect.poll(() => countOf(page, 'svg[data-marpit-svg]'), EVENTUALLY).toBe(15);
    expect(await isShown(page, '#errors')).toBe(false);
    expect(await textOf(page, 'section h1')).toBe('Tea vs Coffee');
    expect(server.problems).toEqual([]);
  });

  it('builds one deck at a time and ends on the newest of rapid saves', async () => {
    const { file, original } = await goldenCopy();
    const { server, rebuilds } = await preview(file);
    const page = await open(server);
    const text = (title: string, extra = '') =>
      original.replace(TITLE, `title: ${title}`).replace('sections:\n', `sections:\n${extra}`);
    const save = (title: string) => writeFile(file, text(title));

    // A slow build (twelve hundred slides, some 0.6 s) is under way while four more saves arrive. Its save
    // is renamed into place, so that no build reads it half-written, and the next comes once the
    // watcher has surely seen it (its build does not end before the saves are all in).
    const slides = Array.from({ length: 1200 }, (_, i) => `      - { kind: bullets, title: Extra ${i}, bullets: [x] }`);
    await writeFile(
      `${file}.tmp`,
      text('Take 1', `  - id: extra\n    title: Extra\n    slides:\n${slides.join('\n')}\n`),
    );
    await rename(`${file}.tmp`, file);
    await sleep(250);
    for (const take of [2, 3, 4, 5]) {
      await save(`Take ${take}`);
      await sleep(30);
    }

    await expect.poll(() => textOf(page, 'section h1'), EVENTUALLY).toBe('Take 5');
    expect(await (await fetch(server.url)).text()).toContain('Take 5');
    // Closing waits for a build still under way: after it, every rebuild has been recorded.
    await server.close();
    // The slow build, then builds of what the saves left; never two at once, and the last is the newest.
    expect(rebuilds.length).toBeGreaterThanOrEqual(2);
    // A build may catch a save half-written and show its errors for a moment; the last one is whole.
    expect(rebuilds.at(-1)?.problems).toEqual([]);
    // The slow build came before the last (the first rebuild may have caught the big save half-written).
    expect(Math.max(...rebuilds.slice(0, -1).map((r) => r.ms))).toBeGreaterThan(rebuilds.at(-1)?.ms ?? 0);
    expect(rebuilds.some((r, i) => i > 0 && r.end - r.ms < (rebuilds[i - 1]?.end ?? 0))).toBe(false);
    expect(await textOf(page, 'section h1')).toBe('Take 5');
    expect(await countOf(page, 'svg[data-marpit-svg]')).toBe(15);
  });

  it('survives the outline and the images folder deleted and created again, and saves by rename', async () => {
    const { dir, file, original } = await goldenCopy();
    const { server } = await preview(file);
    const page = await open(server);

    await rm(file);
    await expect.poll(() => textOf(page, '#errors pre'), EVENTUALLY).toMatch(/every-kind\.yaml error\[not-found\]/);
    await writeFile(file, original.replace(TITLE, 'title: Tea vs Cocoa'));
    await expect.poll(() => textOf(page, 'section h1'), EVENTUALLY).toBe('Tea vs Cocoa');
    expect(await isShown(page, '#errors')).toBe(false);

    // Editors that save atomically write a new file and rename it over the old one.
    await writeFile(`${file}.tmp`, original.replace(TITLE, 'title: Tea vs Chai'));
    await rename(`${file}.tmp`, file);
    await expect.poll(() => textOf(page, 'section h1'), EVENTUALLY).toBe('Tea vs Chai');

    await rm(path.join(dir, 'images'), { recursive: true });
    await expect.poll(() => textOf(page, '#errors pre'), EVENTUALLY).toContain('"images/cup.svg" does not exist');
    await cp(path.join(GOLDEN, 'images'), path.join(dir, 'images'), { recursive: true });
    await expect.poll(() => isShown(page, '#errors'), EVENTUALLY).toBe(false);
    await page.reload();
    expect(await imageWidth(page)).toBeGreaterThan(0);

    await writeFile(file, original);
    await expect.poll(() => textOf(page, 'section h1'), EVENTUALLY).toBe('Tea vs Coffee');

    // A file the outline names before it exists, in a folder made later too: the deck follows once it is there.
    await writeFile(file, original.replace('images/cup.svg', 'figures/new/cup.svg'));
    await expect.poll(() => textOf(page, '#errors pre'), EVENTUALLY).toContain('"figures/new/cup.svg" does not exist');
    await cp(path.join(GOLDEN, 'images'), path.join(dir, 'figures', 'new'), { recursive: true });
    await expect.poll(() => isShown(page, '#errors'), EVENTUALLY).toBe(false);
  });

  it('serves the images of an overlay and follows the outline it extends, its theme, code and image files', async () => {
    const { dir, file: base, original } = await goldenCopy('base');
    await mkdir(path.join(dir, 'talk'));
    // Marks the project that an outline may extend files anywhere in.
    await writeFile(path.join(dir, 'package.json'), '{}\n');
    const theme = path.join(dir, 'talk', 'my.css');
    const themed = (color: string) => `/* @theme mine */\n@import 'versus';\nsection { background: ${color}; }\n`;
    await writeFile(theme, themed('rgb(250, 240, 200)'));
    const overlay = path.join(dir, 'talk', 'overlay.yaml');
    await writeFile(path.join(dir, 'talk', 'tea.py'), 'steep(minutes=3)\n');
    await writeFile(
      overlay,
      `extends: ../base/every-kind.yaml
title: Tea vs Coffee, our way
theme: my.css
add:
  - into: basics
    slides:
      - { kind: code, title: Brew, panes: [{ contender: tea, file: tea.py }, { contender: coffee, code: brew() }] }
`,
    );

    const { server } = await preview(overlay);
    const page = await open(server);
    const background = () => page.$eval('section', (s) => getComputedStyle(s).backgroundColor);
    expect(await textOf(page, 'section h1')).toBe('Tea vs Coffee, our way');
    expect(await background()).toBe('rgb(250, 240, 200)');
    expect(await imageWidth(page)).toBeGreaterThan(0);
    const imageSource = () =>
      page.$eval('img[alt="A simple cup drawn with two shapes"]', (img) => img.getAttribute('src'));
    const image = await imageSource();
    expect((await fetch(new URL(image ?? '', server.url))).status).toBe(200);

    await writeFile(base, original.replace('title: What they are', 'title: What they were'));
    await expect.poll(() => textOf(page, '#deck'), EVENTUALLY).toContain('What they were');

    await writeFile(theme, themed('rgb(20, 30, 40)'));
    await expect.poll(background, EVENTUALLY).toBe('rgb(20, 30, 40)');

    // A picture the theme names is watched too: it is carried inside the CSS.
    const paper = (color: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="${color}"/></svg>`;
    await writeFile(path.join(dir, 'talk', 'paper.svg'), paper('#fffdf5'));
    await writeFile(theme, themed('url(paper.svg)'));
    const picture = () => page.$eval('section', (s) => getComputedStyle(s).backgroundImage);
    await expect.poll(picture, EVENTUALLY).toContain('data:image/svg+xml');
    const first = await picture();
    await writeFile(path.join(dir, 'talk', 'paper.svg'), paper('#f5fffd'));
    await expect.poll(picture, EVENTUALLY).not.toBe(first);

    expect(await textOf(page, '#deck')).toContain('steep(minutes=3)');
    await writeFile(path.join(dir, 'talk', 'tea.py'), 'steep(minutes=4)\n');
    await expect.poll(() => textOf(page, '#deck'), EVENTUALLY).toContain('steep(minutes=4)');

    // An image's name carries a hash of its content: a changed image is a new address.
    const cup = path.join(dir, 'base', 'images', 'cup.svg');
    await writeFile(cup, (await readFile(cup, 'utf8')).replace('viewBox="0 0 200 120"', 'viewBox="0 0 400 120"'));
    await expect.poll(imageSource, EVENTUALLY).not.toBe(image);
    await expect.poll(() => imageWidth(page), EVENTUALLY).toBeGreaterThan(0);
    expect((await fetch(new URL((await imageSource()) ?? '', server.url))).status).toBe(200);
  });

  it('answers malformed and traversing addresses and a deleted image, and keeps serving', async () => {
    const { dir, file } = await goldenCopy();
    const { server } = await preview(file);
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

  it('the CLI prints the problems of an invalid outline and keeps serving', async () => {
    const { file, original } = await goldenCopy();
    await writeFile(file, original.replace(TITLE, 'titel: Tea vs Coffee'));
    const child = spawn(process.execPath, [CLI, 'dev', file, '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    onTestFinished(() => {
      child.kill();
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output.stderr += chunk;
    });
    await expect.poll(() => output.stdout, EVENTUALLY).toMatch(/previewing .* at http:\S+/);
    const url = /http:\S+/.exec(output.stdout)?.[0] ?? '';
    await expect.poll(() => output.stderr, EVENTUALLY).toContain('the deck shows as soon as they are fixed');
    expect(output.stderr).toMatch(/every-kind\.yaml:\d+:1 error\[unknown-key\]: "titel"/);
    expect(output.stderr).toMatch(/\n +\d+ \| titel: Tea vs Coffee\n +\| \^/);
    expect(await (await fetch(url)).text()).toContain('&quot;titel&quot; is not an outline field');
    expect(child.exitCode).toBe(null);
  });
});
