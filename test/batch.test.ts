/**
 * Batch builds (`versus build a.yaml b.yaml …`, or a quoted glob): one bad
 * outline does not stop the others, its errors are printed with their
 * positions, and the exit code reports the failure.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMany } from '../src/commands/build.js';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { versusInProcess as versus } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('batch');

const talk = (title: string) => `title: ${title}
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
      - kind: bullets
        title: What they are
        bullets: [Tea is steeped leaves, Coffee is brewed beans]
`;

/** Valid YAML with two problems at known places: a duration that is not a number, and a misspelled key. */
const BAD = talk('Broken talk')
  .replace('contenders:', 'duration: ten\ncontenders:')
  .replace('        title: What they are\n', '        title: What they are\n        laed: Two drinks\n');

/** A folder holding `files`; returns its path. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await temp.dir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** The `file:line:col error[code]` beginnings of the diagnostic lines in `stderr`. */
function diagnosticsIn(stderr: string): string[] {
  return [...stderr.matchAll(/^(\S+:\d+:\d+ error\[[a-z-]+\])/gm)].map((m) => m[1] as string);
}

// Each test builds in a folder of its own, so they run at once.
describe('versus build with a bad outline among good ones', { concurrent: true }, () => {
  it('builds the others, prints the bad one’s errors at their positions, and exits 1', async () => {
    const dir = await folder({ 'first.yaml': talk('First talk'), 'bad.yaml': BAD, 'second.yaml': talk('Second talk') });
    const run = await versus(['build', 'first.yaml', 'bad.yaml', 'second.yaml', '--formats', 'md', '--out', 'out'], {
      cwd: dir,
    });

    expect(run.code).toBe(1);
    expect(run.stdout.match(/^○ [^:]+/gm)).toEqual(['○ First talk', '○ Second talk']);
    expect(run.stderr).toContain('✗ bad.yaml\n');
    const wrongType = positionIn(BAD, 'ten', 'duration:');
    const unknownKey = positionIn(BAD, 'laed');
    expect(diagnosticsIn(run.stderr)).toEqual([
      `bad.yaml:${wrongType.line}:${wrongType.col} error[wrong-type]`,
      `bad.yaml:${unknownKey.line}:${unknownKey.col} error[unknown-key]`,
    ]);
    expect(run.stderr).toContain(
      `bad.yaml:${unknownKey.line}:${unknownKey.col} error[unknown-key]: "laed" is not a slide field (did you mean "lead"?)`,
    );
    expect(run.stderr).toContain('nothing was written');
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.versus', 'first-talk.md', 'second-talk.md']);
    expect(await readFile(path.join(dir, 'out/second-talk.md'), 'utf8')).toContain("title: 'Second talk'");
  });

  it('does the same for a quoted glob whose first match is bad', async () => {
    const dir = await folder({
      'talks/a-bad.yaml': BAD,
      'talks/b-first.yaml': talk('First talk'),
      'talks/c-second.yaml': talk('Second talk'),
    });
    const run = await versus(['build', 'talks/*.yaml', '--formats', 'md', '--out', 'out'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stdout.match(/^○ [^:]+/gm)).toEqual(['○ First talk', '○ Second talk']);
    const { line, col } = positionIn(BAD, 'laed');
    expect(run.stderr).toContain(`${path.join('talks', 'a-bad.yaml')}:${line}:${col} error[unknown-key]`);
    expect(run.stderr).toContain(`✗ ${path.join('talks', 'a-bad.yaml')}`);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.versus', 'first-talk.md', 'second-talk.md']);
  });

  it('exits 0 when every outline builds', async () => {
    const dir = await folder({ 'first.yaml': talk('First talk'), 'second.yaml': talk('Second talk') });
    const run = await versus(['build', 'first.yaml', 'second.yaml', '--formats', 'md', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.match(/^○ [^:]+/gm)).toEqual(['○ First talk', '○ Second talk']);
  });
});

/** A talk over its one-minute slot: its one slide takes two minutes. */
const OVER = talk('Long talk')
  .replace('contenders:', 'duration: 1\ncontenders:')
  .replace('        title: What they are\n', '        title: What they are\n        minutes: 2\n');

describe('versus build gives each talk of a batch its own verdict', { concurrent: true }, () => {
  it('says ⚠ with the warning for the talk over its slot and no verdict (fit not measured) for the others, built or up to date', async () => {
    const dir = await folder({
      'first.yaml': talk('First talk'),
      'long.yaml': OVER,
      'second.yaml': talk('Second talk'),
    });
    const args = ['build', 'first.yaml', 'long.yaml', 'second.yaml', '--formats', 'md', '--out', 'out'];
    const marks = (stdout: string) => stdout.match(/^[○⚠] [^:]+/gm);
    const expected = ['○ First talk', '⚠ Long talk', '○ Second talk'];
    const { line, col } = positionIn(OVER, '1', 'duration:');
    const warning = `long.yaml:${line}:${col} warning[over-budget]: the talk takes about`;

    const built = await versus(args, { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(marks(built.stdout)).toEqual(expected);
    expect(built.stdout).toMatch(/^⚠ Long talk: .* of 1 min \([\d.]+ min over\)/m);
    expect(built.stderr).toContain(warning);

    // Every talk up to date: the command answers from the records alone.
    const fresh = await versus(args, { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(marks(fresh.stdout)).toEqual(expected);
    expect(fresh.stdout).toMatch(/^⚠ Long talk: up to date \(--force rebuilds\), .* \([\d.]+ min over\)/m);
    expect(fresh.stderr).toContain(warning);

    // One talk changed: it is built, and the batch replays the others' records.
    await writeFile(path.join(dir, 'first.yaml'), `${talk('First talk')}# edited\n`);
    const mixed = await versus(args, { cwd: dir });
    expect(mixed.code).toBe(0);
    expect(marks(mixed.stdout)).toEqual(expected);
    expect(mixed.stdout).toMatch(/^⚠ Long talk: up to date \(--force rebuilds\), .* \([\d.]+ min over\)/m);
    expect(mixed.stdout).not.toMatch(/^○ First talk: up to date/m);
    expect(mixed.stderr).toContain(warning);
  });

  it('with --strict, fails the talk over its slot, writing nothing for it, builds the others and exits 1', async () => {
    const dir = await folder({
      'first.yaml': talk('First talk'),
      'long.yaml': OVER,
      'second.yaml': talk('Second talk'),
    });
    const run = await versus(
      ['build', 'first.yaml', 'long.yaml', 'second.yaml', '--formats', 'md', '--out', 'out', '--strict'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^[○⚠] [^:]+/gm)).toEqual(['○ First talk', '○ Second talk']);
    expect(run.stderr).toContain('✗ long.yaml\n');
    const { line, col } = positionIn(OVER, '1', 'duration:');
    expect(run.stderr).toContain(`long.yaml:${line}:${col} error[over-budget]`);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.versus', 'first-talk.md', 'second-talk.md']);
  });
});

describe('buildMany', () => {
  it('returns a result per outline, in order: files for the good ones, the positioned error for the bad one', async () => {
    const dir = await folder({ 'bad.yaml': BAD, 'good.yaml': talk('Good talk') });
    const outDir = path.join(dir, 'out');
    const results = await buildMany([path.join(dir, 'bad.yaml'), path.join(dir, 'good.yaml')], {
      outDir,
      formats: ['md', 'runsheet'],
    });

    expect(results.map((r) => r.file)).toEqual([path.join(dir, 'bad.yaml'), path.join(dir, 'good.yaml')]);
    const [bad, good] = results;
    expect(bad?.result).toBeUndefined();
    expect(bad?.error).toBeInstanceOf(VersusError);
    const error = bad?.error as VersusError;
    expect(error.kind).toBe('invalid-outline');
    expect(error.diagnostics.map(({ code, file, line, col }) => ({ code, file, line, col }))).toEqual([
      { code: 'wrong-type', file: path.join(dir, 'bad.yaml'), ...positionIn(BAD, 'ten', 'duration:') },
      { code: 'unknown-key', file: path.join(dir, 'bad.yaml'), ...positionIn(BAD, 'laed') },
    ]);

    expect(good?.error).toBeUndefined();
    expect(good?.result?.files.sort()).toEqual([
      path.join(outDir, 'good-talk.md'),
      path.join(outDir, 'good-talk.runsheet.md'),
    ]);
    expect((await readdir(outDir)).sort()).toEqual(['.versus', 'good-talk.md', 'good-talk.runsheet.md']);
  });

  it('gives each talk its own time: together they take no longer than the batch', async () => {
    const dir = await folder({ 'one.yaml': talk('One'), 'two.yaml': talk('Two'), 'three.yaml': talk('Three') });
    const started = performance.now();
    const results = await buildMany(
      ['one.yaml', 'two.yaml', 'three.yaml'].map((name) => path.join(dir, name)),
      { outDir: path.join(dir, 'out'), formats: ['md'] },
    );
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.ms > 0)).toBe(true);
    // Running totals would add up to more than the batch took.
    expect(results.reduce((sum, r) => sum + r.ms, 0)).toBeLessThanOrEqual(elapsed);
  });
});
