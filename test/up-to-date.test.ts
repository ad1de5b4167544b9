/**
 * Unchanged talks are not rebuilt: every input (the outline, an outline it
 * extends, a code file, an image, a theme and a picture it names, an option) and every output (deleted
 * or edited by hand) is noticed; an up-to-date build touches no file and starts
 * no browser; `--force` and a batch with one changed talk build what they should.
 */

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BuildOptions, buildMany } from '../src/commands/build.js';
import { findBrowser } from '../src/export/browser.js';
import { loadOutline } from '../src/outline/load.js';
import type { Format } from '../src/pipeline/formats.js';
import { buildStamp, codeIdentity, hashInputs } from '../src/pipeline/up-to-date.js';
import { describeWithBrowser } from './helpers.js';
import { decodePng } from './pixels.js';
import { snapshotDir, versus, versusInProcess } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('up-to-date');

const BASE = `title: Tea vs Coffee
theme: ./brand.css
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
      - id: what
        kind: bullets
        title: What they are
        bullets: [Tea is steeped leaves, Coffee is brewed beans]
      - id: brew
        kind: code
        title: Brewing
        panes:
          - { contender: tea, language: python, file: code/tea.py }
          - { contender: coffee, language: python, code: "brew()" }
      - id: cup
        kind: image
        title: A cup
        src: images/cup.svg
        alt: A cup
`;

const TALK = `extends: base.yaml
title: Tea vs Coffee, the short version
slug: tea-short
`;

const svg = (color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="${color}"/></svg>\n`;

/** A project whose talk reads one file of each kind: an outline it extends, a code file, an image, a theme. */
async function project(): Promise<string> {
  const dir = await temp.dir();
  const files = {
    'base.yaml': BASE,
    'talk.yaml': TALK,
    'second.yaml': BASE.replace('title: Tea vs Coffee', 'title: Second\nslug: second'),
    'brand.css':
      "/* @theme brand */\n@import 'default';\nh1 { color: #123456; }\nsection { background: url(paper.svg); }\n",
    'paper.svg': svg('#fffdf5'),
    'code/tea.py': 'steep(minutes=3)\n',
    'images/cup.svg': svg('#fff'),
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const NO_BROWSER: Format[] = ['md', 'runsheet'];

/** Builds `talk.yaml` as the CLI would; says whether it was built or up to date. */
async function buildTalk(dir: string, options: BuildOptions = {}): Promise<'built' | 'up to date'> {
  const [talk] = await buildMany([path.join(dir, 'talk.yaml')], { outDir: path.join(dir, 'out'), ...options });
  if (talk?.error) throw talk.error;
  return talk?.upToDate ? 'up to date' : 'built';
}

/** Every file below `dir` with its bytes and modification time. */
async function filesWithTimes(dir: string): Promise<Record<string, string>> {
  const bytes = await snapshotDir(dir);
  const stamped = await Promise.all(
    Object.entries(bytes).map(async ([name, content]) => {
      const { mtimeMs } = await stat(path.join(dir, name));
      return [name, `${mtimeMs} ${content}`] as const;
    }),
  );
  return Object.fromEntries(stamped);
}

/** An output's text changed, one letter for another, and its modification time set back as it was, to the nanosecond. */
async function sameSizeAndTime(dir: string): Promise<void> {
  const file = path.join(dir, 'out/tea-short.md');
  const copy = path.join(dir, 'tea-short.md.orig');
  await promisify(execFile)('cp', ['-p', file, copy]);
  await writeFile(file, (await readFile(file, 'utf8')).replace('Tea', 'Tay'));
  await promisify(execFile)('touch', ['-r', copy, file]);
  expect((await stat(file, { bigint: true })).mtimeNs).toBe((await stat(copy, { bigint: true })).mtimeNs);
}

// The three groups work in folders of their own and run at once; the tests inside a group build on
// each other's state, so each group runs its tests in order.
describe('versus build skips a talk when nothing it is made from changed', { concurrent: true }, () => {
  let dir: string;
  const options = { formats: NO_BROWSER };

  beforeAll(async () => {
    dir = await project();
    expect(await buildTalk(dir, options)).toBe('built');
  });

  it.sequential('is up to date when built again, and touches no file', async () => {
    const before = await filesWithTimes(dir);
    expect(await buildTalk(dir, options)).toBe('up to date');
    expect(await filesWithTimes(dir)).toEqual(before);
  });

  const changes: [string, (dir: string) => Promise<unknown>][] = [
    ['the outline', (d) => writeFile(path.join(d, 'talk.yaml'), TALK.replace('short version', 'brief version'))],
    ['the outline it extends', (d) => writeFile(path.join(d, 'base.yaml'), BASE.replace('steeped', 'infused'))],
    ['a code file', (d) => writeFile(path.join(d, 'code/tea.py'), 'steep(minutes=4)\n')],
    ['an image', (d) => writeFile(path.join(d, 'images/cup.svg'), svg('#eee'))],
    ['a picture the theme names', (d) => writeFile(path.join(d, 'paper.svg'), svg('#f5fffd'))],
    ['the theme', (d) => writeFile(path.join(d, 'brand.css'), "/* @theme brand */\n@import 'default';\n")],
    ['an output, deleted', (d) => rm(path.join(d, 'out/tea-short.runsheet.md'))],
    ['an output, edited by hand', (d) => writeFile(path.join(d, 'out/tea-short.md'), '# mine\n')],
    ['an output, edited by hand to its size and given back its time (as cp -p and touch -r do)', sameSizeAndTime],
  ];
  for (const [what, change] of changes) {
    it.sequential(`rebuilds when ${what} changes, and is up to date after that`, async () => {
      await change(dir);
      expect(await buildTalk(dir, options)).toBe('built');
      expect(await buildTalk(dir, options)).toBe('up to date');
    });
  }

  it.sequential('rebuilds when an option or the formats change, also an option it has never heard of', async () => {
    expect(await buildTalk(dir, { ...options, paper: 'letter' })).toBe('built');
    expect(await buildTalk(dir, { ...options, paper: 'letter' })).toBe('up to date');
    expect(await buildTalk(dir, { formats: ['md'], paper: 'letter' })).toBe('built');
    const future = { formats: ['md'], paper: 'letter', pptxMode: 'native' } as BuildOptions;
    expect(await buildTalk(dir, future)).toBe('built');
    expect(await buildTalk(dir, future)).toBe('up to date');
  });

  it.sequential('rebuilds with force, writing the same bytes', async () => {
    await buildTalk(dir, options);
    // The record notes each output's time as written, which a new build changes.
    const outputs = async () =>
      Object.entries(await snapshotDir(path.join(dir, 'out'))).filter(([name]) => !name.startsWith('.versus'));
    const before = await outputs();
    expect(await buildTalk(dir, { ...options, force: true })).toBe('built');
    expect(await outputs()).toEqual(before);
    expect(before.length).toBeGreaterThan(1);
  });

  it.sequential('builds only the changed talk of a batch', async () => {
    const outDir = path.join(dir, 'batch');
    const talks = ['talk.yaml', 'second.yaml'].map((name) => path.join(dir, name));
    const built = async () =>
      (await buildMany(talks, { outDir, formats: NO_BROWSER })).map((t) => (t.error ? 'failed' : !!t.result));
    expect(await built()).toEqual([true, true]);
    await writeFile(path.join(dir, 'second.yaml'), `${await readFile(path.join(dir, 'second.yaml'), 'utf8')}\n# ok\n`);
    expect(await built()).toEqual([false, true]);
    expect(await built()).toEqual([false, false]);
  });
});

describe('the record never says "up to date" over outputs that do not match the inputs', { concurrent: true }, () => {
  const options = { formats: NO_BROWSER };

  it('records the bytes the build read, not the files as they are once it ends (a save during a build)', async () => {
    const dir = await project();
    const loaded = await loadOutline(path.join(dir, 'talk.yaml'));
    const read = { talk: TALK, base: BASE, code: 'steep(minutes=3)\n', image: svg('#fff') };
    // Saved while the build runs: after the loader read them, before the record is written.
    await writeFile(path.join(dir, 'talk.yaml'), TALK.replace('short version', 'saved version'));
    await writeFile(path.join(dir, 'base.yaml'), BASE.replace('steeped', 'infused'));
    await writeFile(path.join(dir, 'code/tea.py'), 'steep(minutes=9)\n');
    await writeFile(path.join(dir, 'images/cup.svg'), svg('#000'));
    const inputs = await hashInputs(loaded.inputs, []);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(inputs).toEqual({
      [path.join(dir, 'talk.yaml')]: sha(read.talk),
      [path.join(dir, 'base.yaml')]: sha(read.base),
      [path.join(dir, 'code/tea.py')]: sha(read.code),
      [path.join(dir, 'images/cup.svg')]: sha(read.image),
    });
  });

  it('rebuilds when a linked image or theme is pointed at another file', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'images/red.svg'), svg('#f00'));
    await writeFile(path.join(dir, 'images/blue.svg'), svg('#00f'));
    await rm(path.join(dir, 'images/cup.svg'));
    await symlink('red.svg', path.join(dir, 'images/cup.svg'));
    await writeFile(path.join(dir, 'plain.css'), "/* @theme brand */\n@import 'default';\n");
    await rename(path.join(dir, 'brand.css'), path.join(dir, 'own.css'));
    await symlink('own.css', path.join(dir, 'brand.css'));
    expect(await buildTalk(dir, options)).toBe('built');
    expect(await buildTalk(dir, options)).toBe('up to date');
    await rm(path.join(dir, 'images/cup.svg'));
    await symlink('blue.svg', path.join(dir, 'images/cup.svg'));
    expect(await buildTalk(dir, options)).toBe('built');
    expect(await buildTalk(dir, options)).toBe('up to date');
    await rm(path.join(dir, 'brand.css'));
    await symlink('plain.css', path.join(dir, 'brand.css'));
    expect(await buildTalk(dir, options)).toBe('built');
  });

  it('rebuilds when the same relative --theme is given from another folder, where it names another file', async () => {
    const dir = await project();
    for (const [folder, color] of Object.entries({ a: '#111111', b: '#222222' })) {
      await mkdir(path.join(dir, folder));
      await writeFile(
        path.join(dir, folder, 'mine.css'),
        `/* @theme mine */\n@import 'default';\nh1 { color: ${color}; }\n`,
      );
    }
    const buildFrom = (folder: string) =>
      versusInProcess(['build', '../talk.yaml', '--out', '../out', '-f', 'md,runsheet', '--theme', 'mine.css'], {
        cwd: path.join(dir, folder),
      });
    expect((await buildFrom('a')).stdout).not.toContain('up to date');
    expect((await buildFrom('a')).stdout).toContain('up to date');
    expect((await buildFrom('b')).stdout).not.toContain('up to date');
    expect((await buildFrom('b')).stdout).toContain('up to date');
  });

  it('rebuilds, and never hangs, when a code file became a pipe or a link to /dev/zero; the build then says what is wrong', async () => {
    for (const replace of [
      (file: string) => promisify(execFile)('mkfifo', [file]),
      (file: string) => symlink('/dev/zero', file),
    ]) {
      const dir = await project();
      expect(await buildTalk(dir, options)).toBe('built');
      await rm(path.join(dir, 'code/tea.py'));
      await replace(path.join(dir, 'code/tea.py'));
      const run = await versus(['build', 'talk.yaml', '--out', 'out', '-f', 'md,runsheet'], {
        cwd: dir,
        timeout: 20_000,
      });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).not.toContain('up to date');
    }
  });

  it('keeps a record that describes the files beside it when two builds commit into one folder at once', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'other.css'), "/* @theme other */\n@import 'default';\n");
    const runs = await Promise.all(
      ['brand.css', 'other.css'].map((theme) =>
        versus(['build', 'talk.yaml', '--out', 'out', '-f', 'md,runsheet', '--theme', theme], { cwd: dir }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const [recordFile] = await readdir(path.join(dir, 'out/.versus'));
    const record = JSON.parse(await readFile(path.join(dir, 'out/.versus', recordFile as string), 'utf8')) as {
      outputs: Record<string, { sha256: string }>;
    };
    for (const [name, { sha256 }] of Object.entries(record.outputs)) {
      const bytes = await readFile(path.join(dir, 'out', name));
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(sha256);
    }
  });
});

describe('an outline named through a symbolic link', () => {
  it('is the same talk: up to date by either name, replacing nothing', async () => {
    const dir = await project();
    const out = path.join(dir, 'out');
    const through = path.join(await temp.dir(), 'linked');
    await symlink(dir, through);
    const build = (file: string) => buildMany([file], { outDir: out, formats: NO_BROWSER });
    const [first] = await build(path.join(dir, 'talk.yaml'));
    expect(first?.upToDate).toBeUndefined();
    const [linked] = await build(path.join(through, 'talk.yaml'));
    expect(linked?.error).toBeUndefined();
    expect(linked?.upToDate).toBeDefined();
    expect((await readdir(path.join(out, '.versus'))).length).toBe(1);
  });

  it('from another folder is a talk of its own there, its code and pictures found beside the link', async () => {
    const dir = await project();
    const out = path.join(dir, 'out');
    const other = await project();
    await writeFile(path.join(other, 'code/tea.py'), 'steep(minutes=5)\n');
    await rm(path.join(other, 'talk.yaml'));
    await symlink(path.join(dir, 'talk.yaml'), path.join(other, 'talk.yaml'));
    const build = (file: string) => buildMany([file], { outDir: out, formats: NO_BROWSER });
    await build(path.join(dir, 'talk.yaml'));
    const [linked] = await build(path.join(other, 'talk.yaml'));
    expect(linked?.error).toBeUndefined();
    expect(linked?.upToDate).toBeUndefined();
    const markdown = (await readdir(out)).find((name) => name.endsWith('.md') && !name.includes('runsheet'));
    expect(await readFile(path.join(out, markdown ?? ''), 'utf8')).toContain('steep(minutes=5)');
    // And back: the first folder's talk is built again, not taken for up to date.
    const [again] = await build(path.join(dir, 'talk.yaml'));
    expect(again?.upToDate).toBeUndefined();
    expect(await readFile(path.join(out, markdown ?? ''), 'utf8')).toContain('steep(minutes=3)');
  });
});

describe('what a build is made with, as its stamp names it', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('names the browser for the picture PowerPoint, which Chromium draws, as for the PDF', () => {
    const stamps = (browser: string) => {
      vi.stubEnv('CHROME_PATH', browser);
      return [['pptx'], ['pdf'], ['md']].map((formats) => buildStamp({ formats: formats as Format[], pptx: 'images' }));
    };
    const [pictures, pdf, md] = stamps(process.execPath);
    const [picturesElsewhere, pdfElsewhere, mdElsewhere] = stamps('/bin/sh');
    expect(picturesElsewhere).not.toBe(pictures);
    expect(pdfElsewhere).not.toBe(pdf);
    expect(mdElsewhere).toBe(md);
  });

  it("names the fonts Chromium finds: fontconfig's settings", () => {
    const stamp = (formats: Format[]) => buildStamp({ formats });
    const [pdf, md] = [stamp(['pdf']), stamp(['md'])];
    vi.stubEnv('FONTCONFIG_FILE', '/etc/fonts/other.conf');
    expect(stamp(['pdf'])).not.toBe(pdf);
    expect(stamp(['md'])).toBe(md);
  });
});

describe("versus's own code, as a record names it", () => {
  it('changes with a script of the code, a new chunk, and a dependency installed, in the package or around it', async () => {
    const root = await temp.dir();
    const lib = path.join(root, 'pkg', 'lib');
    await mkdir(path.join(root, 'pkg', 'node_modules'), { recursive: true });
    await mkdir(lib);
    await writeFile(path.join(lib, 'chunk-AAAA.js'), 'export {}');
    const identity = () => codeIdentity(lib, path.join(root, 'pkg'));
    const seen = [identity()];
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(lib, 'chunk-AAAA.js'), later, later);
    seen.push(identity());
    await writeFile(path.join(lib, 'chunk-BBBB.js'), 'export {}');
    seen.push(identity());
    // npm's hidden lockfile, in the package's node_modules, then in the folder it is installed in.
    await writeFile(path.join(root, 'pkg', 'node_modules', '.package-lock.json'), '{}');
    seen.push(identity());
    await writeFile(path.join(root, '.package-lock.json'), '{}');
    seen.push(identity());
    expect(new Set(seen).size).toBe(seen.length);
    expect(identity()).toBe(seen.at(-1));
  });
});

describe('versus build on the command line', { concurrent: true }, () => {
  it.sequential('says "up to date" with the last summary, and --force rebuilds', async () => {
    const dir = await project();
    const args = ['build', 'talk.yaml', '--formats', 'md,runsheet', '--out', 'out'];
    const first = await versusInProcess(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^○ Tea vs Coffee, the short version: 5 slides/);
    const again = await versusInProcess(args, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^○ Tea vs Coffee, the short version: up to date \(--force rebuilds\), 5 slides/);
    const forced = await versusInProcess([...args, '--force'], { cwd: dir });
    expect(forced.stdout).not.toContain('up to date');
    expect(forced.stdout).toContain(path.join('out', 'tea-short.md'));
  });
});

describe('a damaged build record is no record: the talk is built again', { concurrent: true }, () => {
  const args = ['build', 'talk.yaml', '--formats', 'md,runsheet', '--out', 'out'];
  type Record = { [key: string]: unknown; outputs: { [name: string]: unknown } };
  const damages: [string, (record: Record) => void][] = [
    ['no input at all', (r) => (r.inputs = {})],
    ['inputs as a list', (r) => (r.inputs = [])],
    ['inputs without the outline', (r) => (r.inputs = { '/elsewhere/other.yaml': 'a'.repeat(64) })],
    ['inputs null', (r) => (r.inputs = null)],
    ['outputs null', (r) => (r.outputs = null as never)],
    ['an output null', (r) => (r.outputs['tea-short.md'] = null)],
    ['an output hash not a hash', (r) => (r.outputs['tea-short.md'] = { sha256: 5, size: 1, mtimeMs: 1 })],
    ['an output out of the folder', (r) => (r.outputs['../../talk.yaml'] = r.outputs['tea-short.md'])],
    ['summary null', (r) => (r.summary = null)],
    ['overflows null', (r) => (r.overflows = null)],
    ['an overflow null', (r) => (r.overflows = [null])],
  ];
  for (const [what, damage] of damages) {
    it(`${what}: no crash, built again, also once the outline is edited, and with --force`, async () => {
      const dir = await project();
      expect((await versusInProcess(args, { cwd: dir })).code).toBe(0);
      const records = path.join(dir, 'out/.versus');
      const [name] = await readdir(records);
      const file = path.join(records, name as string);
      const record = JSON.parse(await readFile(file, 'utf8')) as Record;
      damage(record);
      const damaged = () => writeFile(file, JSON.stringify(record));
      // As it is: no crash, and built again (a record that describes no build is none).
      await damaged();
      const again = await versusInProcess(args, { cwd: dir });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toContain('internal error');
      expect(again.stdout).not.toContain('up to date');
      // The outline edited: built again, never "up to date" over the old deck; and --force, which reads the record for stale files.
      await writeFile(path.join(dir, 'talk.yaml'), TALK.replace('short version', 'edited version'));
      for (const extra of [[], ['--force']]) {
        await damaged();
        const run = await versusInProcess([...args, ...extra], { cwd: dir });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toContain('internal error');
        expect(run.stdout).not.toContain('up to date');
        expect(await readFile(path.join(dir, 'out/tea-short.md'), 'utf8')).toContain('edited version');
      }
    });
  }
});

describe('two profiles built into one folder', { concurrent: true }, () => {
  it.sequential("keep each other's files, and each is up to date in turn", async () => {
    const dir = await project();
    const profiles =
      'profiles:\n  meetup: { duration: 20 }\n  workshop: { duration: 90, title: "Tea vs Coffee, hands-on" }\n';
    await writeFile(path.join(dir, 'talk.yaml'), `extends: base.yaml\n${profiles}defaultProfile: meetup\n`);
    const build = (profile: string) =>
      versusInProcess(['build', 'talk.yaml', '-f', 'md,runsheet', '--out', 'out', '--profile', profile], { cwd: dir });
    expect((await build('meetup')).code).toBe(0);
    expect((await build('workshop')).code).toBe(0);
    const files = (await readdir(path.join(dir, 'out'))).filter((name) => name.endsWith('.md')).sort();
    // Each profile's file names come from its own title.
    expect(files).toEqual([
      'tea-vs-coffee-hands-on.md',
      'tea-vs-coffee-hands-on.runsheet.md',
      'tea-vs-coffee.md',
      'tea-vs-coffee.runsheet.md',
    ]);
    expect((await build('meetup')).stdout).toContain('up to date');
    expect((await build('workshop')).stdout).toContain('up to date');
  });
});

describe('versus build replays the verdict of an up-to-date talk', { concurrent: true }, () => {
  it.sequential('says ⚠ again, with the minutes over and the warning at the duration, and exits 0 as before', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'talk.yaml'), `${TALK}duration: 1\n`);
    const args = ['build', 'talk.yaml', '--formats', 'md,runsheet', '--out', 'out'];
    const first = await versusInProcess(args, { cwd: dir });
    const warning =
      /^talk\.yaml:4:11 warning\[over-budget\]: the talk takes about [\d.]+ min, over its 1 min budget by [\d.]+ min\n$/;
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(warning);
    expect(first.stdout).toMatch(
      /^⚠ Tea vs Coffee, the short version: 5 slides, [\d.]+ min of 1 min \([\d.]+ min over\)/,
    );
    const again = await versusInProcess(args, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(first.stderr);
    expect(again.stdout).toMatch(
      /^⚠ Tea vs Coffee, the short version: up to date \(--force rebuilds\), 5 slides, [\d.]+ min of 1 min \([\d.]+ min over\)/,
    );
    expect(again.stdout.split(' — ')[0]).toBe(
      first.stdout.split(' — ')[0]?.replace(': 5 slides', ': up to date (--force rebuilds), 5 slides'),
    );
  });

  it.sequential('exits 1 again with --strict, writing nothing, however often it is run', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'talk.yaml'), `${TALK}duration: 1\n`);
    const args = ['build', 'talk.yaml', '--formats', 'md,runsheet', '--out', 'out'];
    expect((await versusInProcess(args, { cwd: dir })).code).toBe(0);
    const before = await snapshotDir(path.join(dir, 'out'));
    for (let run = 0; run < 2; run++) {
      const strict = await versusInProcess([...args, '--strict'], { cwd: dir });
      expect(strict.code).toBe(1);
      expect(strict.stdout).not.toContain('up to date');
      expect(strict.stderr).toContain('talk.yaml:4:11 error[over-budget]');
    }
    expect(await snapshotDir(path.join(dir, 'out'))).toEqual(before);
  });
});

describeWithBrowser('versus build with browser formats', { concurrent: true }, () => {
  let dir: string;
  let out: string;
  const starts = () => readFile(path.join(dir, 'starts.log'), 'utf8').then((log) => log.trim().split('\n').length);
  const build = () => versus(['build', 'talk.yaml', '--formats', 'md,pdf,png', '--out', 'out'], { cwd: dir, env });
  const env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    dir = await project();
    out = path.join(dir, 'out');
    // A launcher that notes each start; the build finds it through CHROME_PATH, as it would a user's browser.
    const launcher = path.join(dir, 'chrome.sh');
    const browser = findBrowser() as string;
    await writeFile(launcher, `#!/bin/sh\necho started >> "${path.join(dir, 'starts.log')}"\nexec "${browser}" "$@"\n`);
    await chmod(launcher, 0o755);
    env.CHROME_PATH = launcher;
    expect((await build()).code).toBe(0);
  });

  it.sequential('writes one 2560×1440 PNG per slide, each the slide the PDF shows on its page', async () => {
    const names = (await readdir(out)).filter((name) => /^tea-short\.\d{3}\.png$/.test(name)).sort();
    expect(names).toEqual([1, 2, 3, 4, 5].map((n) => `tea-short.00${n}.png`));
    const pages = await pagesOf(path.join(out, 'tea-short.pdf'));
    expect(pages).toHaveLength(names.length);
    for (const [i, name] of names.entries()) {
      const image = await decodePng(path.join(out, name));
      expect([image.width, image.height]).toEqual([2560, 1440]);
      // Chromium and poppler smooth text differently, so the pixels differ a little: the nearest page must be its own.
      const differences = pages.map((page) => difference(image, page));
      expect(differences.indexOf(Math.min(...differences)), name).toBe(i);
      expect(differences[i], name).toBeLessThan(0.01);
    }
  });

  it.sequential('starts no browser when up to date, and leaves every file as it was', async () => {
    const before = await filesWithTimes(out);
    const again = await build();
    expect(again.stdout).toContain('up to date');
    expect(again.stderr).not.toContain('Chromium');
    expect(await filesWithTimes(out)).toEqual(before);
    expect(await starts()).toBe(1);
  });
});

/** An image's pixels, four bytes (RGBA) each, as pngjs gives them. */
interface Raster {
  width: number;
  height: number;
  data: Buffer;
}

/**
 * The PDF's pages rasterized by poppler at the images' size, as RGBA. Poppler writes them as
 * PPM (the same pixels as its PNG, without compressing and decompressing 2560×1440 images).
 */
async function pagesOf(pdf: string): Promise<Raster[]> {
  const prefix = path.join(path.dirname(pdf), 'page');
  await promisify(execFile)('pdftoppm', ['-scale-to-x', '2560', '-scale-to-y', '1440', pdf, prefix]);
  const files = (await readdir(path.dirname(pdf))).filter((name) => /^page-\d+\.ppm$/.test(name)).sort();
  return Promise.all(files.map(async (name) => fromPpm(await readFile(path.join(path.dirname(pdf), name)))));
}

/** A binary PPM (P6, 8 bits a channel) as RGBA, opaque. */
function fromPpm(ppm: Buffer): Raster {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const data = Buffer.alloc(width * height * 4, 255);
  for (let from = 0, to = 0; to < data.length; from += 3, to += 4) {
    data[to] = rgb[from] as number;
    data[to + 1] = rgb[from + 1] as number;
    data[to + 2] = rgb[from + 2] as number;
  }
  return { width, height, data };
}

/** Mean difference of two images of one size, from 0 (the same) to 1, over a spread-out sample of their bytes. */
function difference(a: Raster, b: Raster): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.data.length; i += 11, count++) sum += Math.abs((a.data[i] as number) - (b.data[i] as number));
  return sum / count / 255;
}
