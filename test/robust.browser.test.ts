/**
 * Builds that can be trusted: reproducible bytes, atomic outputs that survive
 * interruption and concurrent builds, and browser failures that end cleanly.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { findBrowser } from '../src/export/find-browser.js';
import { PROFILE_OWNER, PROFILE_PREFIX } from '../src/export/owner.js';
import { testBrowser } from './browser.js';
import { countOf, describeWithBrowser } from './helpers.js';
import { versusInProcess } from './run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'lib/cli.js');

async function fixtureDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-robust-'));
  await cp(path.join(ROOT, 'test/fixtures/golden'), dir, { recursive: true });
  return dir;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
}

async function files(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== 'assets');
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))])));
}

function base64(files: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, bytes.toString('base64')]));
}

// Every test works in a folder of its own: they run at once, so that one waits on Chromium while another computes.
let reproducible: Promise<string> | undefined;

/** Two builds of one outline at once, into `a/` and `b/` of the folder returned; made once for the tests that read them. */
function buildTwice(): Promise<string> {
  reproducible ??= (async () => {
    const dir = await fixtureDir();
    const env = { SOURCE_DATE_EPOCH: '1763769600' };
    await Promise.all(
      ['a', 'b'].map((out) => run(['build', path.join(dir, 'every-kind.yaml'), '--out', path.join(dir, out)], env)),
    );
    return dir;
  })();
  return reproducible;
}

describeWithBrowser('reproducible, atomic, and clean on failure', { concurrent: true }, () => {
  it('gives byte-identical md, html and (with SOURCE_DATE_EPOCH) PDFs for the same inputs', async () => {
    const dir = await buildTwice();
    const [a, b] = [await files(path.join(dir, 'a')), await files(path.join(dir, 'b'))];
    expect(Object.keys(a).sort()).toEqual([
      'tea-vs-coffee.handout.pdf',
      'tea-vs-coffee.html',
      'tea-vs-coffee.md',
      'tea-vs-coffee.pdf',
      'tea-vs-coffee.presenter.html',
      'tea-vs-coffee.runsheet.md',
    ]);
    for (const name of Object.keys(a)) expect(a[name]?.equals(b[name] as Buffer), name).toBe(true);
    // Fixing the metadata keeps the PDF whole: pages and bookmarks are still there.
    const pdf = await getDocumentProxy(new Uint8Array(a['tea-vs-coffee.pdf'] as Buffer));
    expect(pdf.numPages).toBe(15);
    expect((await pdf.getOutline())?.length).toBeGreaterThan(5);
  });

  it('leaves the previous files intact when a build is stopped mid-export', async () => {
    const dir = await fixtureDir();
    const out = path.join(dir, 'out');
    // Outputs of an earlier build (a copy of the reproducible test's) that the stopped build must not touch.
    await cp(path.join(await buildTwice(), 'a'), out, { recursive: true });
    const before = await files(out);
    expect(Object.keys(before)).toContain('tea-vs-coffee.pdf');
    const outline = path.join(dir, 'every-kind.yaml');
    await writeFile(
      outline,
      (await readFile(outline, 'utf8')).replace('title: Tea vs Coffee', 'title: Tea vs Coffee, again'),
    );

    const child = spawn(process.execPath, [CLI, 'build', outline, '--out', out, '-f', 'md,pdf'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('pdf ')) resolve();
      });
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    // The same names and bytes; compared as base64, which takes milliseconds where vitest's deep
    // equality of Buffers goes byte by byte through every key (seconds for these megabytes).
    expect(base64(await files(out))).toEqual(base64(before));
    expect((await readdir(out)).filter((n) => n.startsWith('.versus-staging'))).toEqual([]);
  });

  it('leaves no Chromium profile in the temporary folder after SIGINT, SIGTERM or SIGHUP, also while Chromium starts', async () => {
    const dir = await fixtureDir();
    const outline = path.join(dir, 'every-kind.yaml');
    const profiles = async (temp: string) => (await readdir(temp)).filter((name) => name.startsWith(PROFILE_PREFIX));
    const stopped = async (signal: NodeJS.Signals, when: 'starting' | 'printing') => {
      // A temporary folder of its own (TMPDIR), where puppeteer makes Chromium's profile.
      const temp = await mkdtemp(path.join(tmpdir(), 'versus-profiles-'));
      const child = spawn(
        process.execPath,
        // The handout and script print after the slide PDF: Chromium is still at work when its line shows.
        [CLI, 'build', outline, '--out', path.join(dir, 'out'), '-f', 'md,pdf,handout,script', '--force'],
        {
          env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      let printing = false;
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('pdf ')) printing = true;
      });
      // Stopped as soon as the profile is there (Chromium starting), or once the PDF prints (--force: a build
      // that a late signal let commit would make the next one up to date, with no browser).
      for (let tries = 0; tries < 1500; tries++) {
        if (when === 'starting' ? (await profiles(temp)).length > 0 : printing) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(await profiles(temp), `${signal} ${when}`).toHaveLength(1);
      child.kill(signal);
      expect(await exited).not.toBe(0);
      return profiles(temp);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      expect(await stopped(signal, 'printing')).toEqual([]);
    expect(await stopped('SIGINT', 'starting')).toEqual([]);
  });

  it('removes the Chromium profile of a build killed outright (kill -9) at the next build', async () => {
    const dir = await fixtureDir();
    const temp = await mkdtemp(path.join(tmpdir(), 'versus-profiles-'));
    const env = { ...process.env, NO_COLOR: '1', TMPDIR: temp };
    const args = [
      'build',
      path.join(dir, 'every-kind.yaml'),
      '--out',
      path.join(dir, 'out'),
      '-f',
      'md,pdf',
      '--force',
    ];
    const child = spawn(process.execPath, [CLI, ...args], { env });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const profiles = async () => (await readdir(temp)).filter((name) => name.startsWith(PROFILE_PREFIX));
    // Killed once its profile is marked as its own (a profile killed before that is empty: profiles.test.ts).
    const marked = async () => {
      const [profile] = await profiles();
      return profile !== undefined && existsSync(path.join(temp, profile, PROFILE_OWNER));
    };
    for (let tries = 0; tries < 1500 && !(await marked()); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const [killed] = await profiles();
    expect(killed).toBeDefined();
    child.kill('SIGKILL');
    await exited;
    expect(await profiles()).toEqual([killed]);
    await run(args, { TMPDIR: temp });
    expect(await profiles()).toEqual([]);
  });

  it('never leaves a torn file when two builds write one folder at once', async () => {
    const dir = await fixtureDir();
    const out = path.join(dir, 'out');
    const source = await readFile(path.join(dir, 'every-kind.yaml'), 'utf8');
    await writeFile(
      path.join(dir, 'one.yaml'),
      source.replace('slides per page', '').replace('Welcome everyone.', 'Welcome, build one.'),
    );
    await writeFile(path.join(dir, 'two.yaml'), source.replace('Welcome everyone.', 'Welcome, build two.'));
    await Promise.all([
      run(['build', path.join(dir, 'one.yaml'), '--out', out, '-f', 'md,pdf,handout']),
      run(['build', path.join(dir, 'two.yaml'), '--out', out, '-f', 'md,pdf,handout']),
    ]);

    const result = await files(out);
    const markdown = result['tea-vs-coffee.md']?.toString() ?? '';
    expect(markdown.includes('build one') !== markdown.includes('build two')).toBe(true);
    for (const pdf of ['tea-vs-coffee.pdf', 'tea-vs-coffee.handout.pdf']) {
      const document = await getDocumentProxy(new Uint8Array(result[pdf] as Buffer));
      expect(document.numPages).toBeGreaterThan(0);
    }
  });

  it('exits 2 with what happened when the browser hangs, and leaves no browser process behind', async () => {
    const dir = await fixtureDir();
    const fake = path.join(dir, 'hanging-chrome');
    // A recognisable sleep: the "browser" process is this command line once the script execs it.
    await writeFile(fake, '#!/bin/sh\nexec sleep 241.25\n');
    await chmod(fake, 0o755);
    const started = Date.now();
    const error = (await run(
      ['build', path.join(dir, 'every-kind.yaml'), '--out', path.join(dir, 'out'), '--browser-timeout', '2'],
      { CHROME_PATH: fake },
    ).catch((e: unknown) => e)) as { code: number; stderr: string };
    // It gives up after --browser-timeout, not when the "browser" exits four minutes later:
    // a bound far from both, so that a slow machine does not make this flaky (a loaded
    // 2-core machine took over 30 s for this build beside the file's other builds).
    expect(Date.now() - started).toBeLessThan(90_000);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/did not start/);
    expect(error.stderr).toContain('CHROME_PATH');
    const { stdout } = await promisify(execFile)('ps', ['-eo', 'args']);
    expect(stdout.split('\n').filter((line) => line.includes(fake) || line.includes('sleep 241.25'))).toEqual([]);
    // The markdown and HTML were still written.
    expect((await readdir(path.join(dir, 'out'))).sort()).toContain('tea-vs-coffee.html');
  });
});

/**
 * A build whose Chromium stops answering at protocol call `hangAt` (as a frozen, SIGSTOPped one
 * does; see fixtures/browser/hanging-chromium.mjs), with --browser-timeout `seconds`, in a
 * temporary folder of its own: what it printed, its exit status, how long after the browser hung
 * it exited, and what it left in the temporary folder.
 */
async function buildWithBrowserHungAt(hangAt: string, seconds: number, command: 'build' | 'check' = 'build') {
  const dir = await fixtureDir();
  const temp = await mkdtemp(path.join(tmpdir(), 'versus-hung-'));
  const fake = path.join(dir, 'hanging-chrome');
  const proxy = path.join(ROOT, 'test/fixtures/browser/hanging-chromium.mjs');
  await writeFile(fake, `#!/bin/sh\nexec '${process.execPath}' '${proxy}' "$@"\n`);
  await chmod(fake, 0o755);
  const hungFile = path.join(dir, 'hung');
  const env = {
    CHROME_PATH: fake,
    VERSUS_REAL_CHROME: findBrowser(),
    VERSUS_HANG_AT: hangAt,
    VERSUS_HUNG_FILE: hungFile,
    TMPDIR: temp,
  };
  const outline = path.join(dir, 'every-kind.yaml');
  const args =
    command === 'build' ? ['build', outline, '--out', path.join(dir, 'out'), '-f', 'md,pdf'] : ['check', outline];
  const error = (await run([...args, '--browser-timeout', String(seconds)], env).catch((e: unknown) => e)) as {
    code: number;
    stderr: string;
  };
  const exited = Date.now();
  const hungAt = Number(await readFile(hungFile, 'utf8'));
  const left = (await readdir(temp)).filter((name) => !name.startsWith('org.chromium.'));
  return { code: error.code, stderr: error.stderr, afterHang: exited - hungAt, left };
}

describeWithBrowser('a browser that stops answering', { concurrent: true }, () => {
  it('ends the build with exit 2 and the browser error, and removes the profile, when Chromium hangs as it starts', async () => {
    // The launch's blank page is the first an export takes: its viewport is set as the build asks for its pages.
    const { code, stderr, left } = await buildWithBrowserHungAt('Emulation.setDeviceMetricsOverride', 5);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toContain(
      'error: The browser failed while exporting: Chromium did not answer Emulation.setDeviceMetricsOverride within 5 s (--browser-timeout)',
    );
    expect(code).toBe(2);
    expect(left).toEqual([]);
  });

  it('ends check with exit 2 and the browser error when Chromium hangs as it measures', async () => {
    const { code, stderr, left } = await buildWithBrowserHungAt('Emulation.setDeviceMetricsOverride', 5, 'check');
    expect(stderr).not.toContain('internal error');
    expect(stderr).toMatch(
      /error: The browser failed while (exporting|measuring): Chromium did not answer [\w.]+ within 5 s \(--browser-timeout\)/,
    );
    expect(code).toBe(2);
    expect(left).toEqual([]);
  });

  it('gives up one --browser-timeout after Chromium hangs mid-print, in versus terms', async () => {
    const { code, stderr, afterHang, left } = await buildWithBrowserHungAt('Page.printToPDF', 5);
    expect(stderr).toContain('Chromium did not answer Page.printToPDF within 5 s (--browser-timeout)');
    expect(stderr).not.toContain('protocolTimeout');
    expect(code).toBe(2);
    // One timeout and the time to end Chromium; each step still waiting on it (closing its page,
    // closing the browser) took another timeout before.
    expect(afterHang).toBeGreaterThanOrEqual(5_000);
    expect(afterHang).toBeLessThan(9_000);
    expect(left).toEqual([]);
  });
});

describeWithBrowser('outline text never runs', { concurrent: true }, () => {
  it('shows script and HTML payloads as text in the exported HTML, and none of them runs', async () => {
    const dir = await fixtureDir();
    const payloads = [
      '<script>window.__pwned = "script"</script>',
      '<img src=x onerror="window.__pwned = \'img\'">',
      '<svg onload="window.__pwned = \'svg\'"></svg>',
      '<iframe src="javascript:window.top.__pwned=\'iframe\'"></iframe>',
      '[click](javascript:window.__pwned="link")',
    ];
    const source = (await readFile(path.join(dir, 'every-kind.yaml'), 'utf8'))
      .replace('bullets: [Tea is steeped leaves, Coffee is brewed beans]', `bullets: ${JSON.stringify(payloads)}`)
      .replace('notes: Keep this short.', `notes: ${JSON.stringify(payloads.join('\n'))}`);
    await writeFile(path.join(dir, 'payload.yaml'), source);
    const out = path.join(dir, 'out');
    expect(
      (await versusInProcess(['build', path.join(dir, 'payload.yaml'), '--out', out, '--formats', 'html'])).code,
    ).toBe(0);

    const page = await (await testBrowser()).newPage();
    try {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`file://${path.join(out, 'tea-vs-coffee.html')}#4`);
      const items = await page.$$eval('section.bullets li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
      expect(items).toEqual(payloads);
      await page.click('section.bullets li');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(
        await countOf(page, 'section.bullets script, section.bullets img, section.bullets iframe, section.bullets a'),
      ).toBe(0);
    } finally {
      await page.close();
    }
  });
});
