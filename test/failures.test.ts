/**
 * The table of failures (`FAILURES` in src/diagnostics/diagnostics.ts): each kind's exit
 * status and what a failed build commits, as the CLI and the build read them;
 * the usage kind for command-line mistakes; the one diagnostic format; and
 * `DEBUG=versus`, which prints the stack and the causes of any failure.
 */
import { cp, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/commands/build.js';
import {
  debugWanted,
  exitCodeOf,
  FAILURES,
  type FailureKind,
  failureOf,
  formatDiagnostic,
  VersusError,
} from '../src/diagnostics/diagnostics.js';
import type { SharedBrowser } from '../src/export/browser.js';
import type { Finding } from '../src/lint/finding.js';
import { ROOT, versus, versusInProcess } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/golden/every-kind.yaml');
const temp = tempFolder('failures');

describe('the table of failures', () => {
  it('gives each kind one exit status and one thing a failed build commits', () => {
    expect(FAILURES).toEqual({
      'invalid-outline': { exitCode: 1, commits: 'nothing' },
      lint: { exitCode: 1, commits: 'nothing' },
      usage: { exitCode: 2, commits: 'nothing' },
      export: { exitCode: 2, commits: 'nothing' },
      environment: { exitCode: 2, commits: 'nothing' },
      'no-browser': { exitCode: 2, commits: 'without-browser' },
      internal: { exitCode: 2, commits: 'nothing' },
    });
  });

  it('is what a VersusError of each kind, and any other error, is read by', () => {
    for (const kind of Object.keys(FAILURES) as FailureKind[]) {
      const error = new VersusError(kind, `failed: ${kind}`);
      expect(failureOf(error)).toBe(FAILURES[kind]);
      expect(exitCodeOf(error)).toBe(FAILURES[kind].exitCode);
    }
    expect(failureOf(new TypeError('a bug'))).toBe(FAILURES.internal);
    expect(exitCodeOf('a thrown string')).toBe(2);
  });
});

describe('what a failed build commits, by the kind of its failure', { concurrent: true }, () => {
  /** A browser whose every page fails with `error`, as a browser that cannot start does. */
  const failingBrowser = (error: Error) =>
    ({
      timeout: 1000,
      prepare: () => {},
      get: () => Promise.reject(error),
      newPage: () => Promise.reject(error),
      withPage: () => Promise.reject(error),
      releasePrepared: async () => {},
      failed: () => {},
      messageOf: (failure: Error) => failure.message,
      close: async () => {},
    }) as unknown as SharedBrowser;

  const cases: [FailureKind, string[]][] = [
    ['no-browser', ['tea-vs-coffee.md']],
    ['environment', []],
    ['export', []],
  ];
  for (const [kind, written] of cases) {
    it(`${kind}: ${written.length ? 'the markdown, which needs no browser' : 'nothing'}`, async () => {
      const out = path.join(await temp.dir(), 'out');
      const error = new VersusError(kind, `failed: ${kind}`);
      const building = build(FIXTURE, { outDir: out, formats: ['md', 'pdf'], browser: failingBrowser(error) });
      await expect(building).rejects.toBe(error);
      const files = await readdir(out).catch(() => []);
      expect(files.filter((file) => /\.(md|pdf)$/.test(file))).toEqual(written);
    });
  }
});

// In process (`main`): the exit status it returns and what it prints. DEBUG, which other packages
// read from the process's own environment, runs the real CLI below.
describe('usage errors exit 2; the outline and its own theme, 1', { concurrent: true }, () => {
  it('an unknown --theme is a usage error, and the same theme named by the outline makes it invalid, at its line', async () => {
    const dir = await temp.dir();
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'images'), { recursive: true });
    const source = await readFile(FIXTURE, 'utf8');
    await writeFile(path.join(dir, 'talk.yaml'), source);
    await writeFile(path.join(dir, 'themed.yaml'), source.replace('title: Tea vs Coffee', '$&\ntheme: versus-drak'));
    await writeFile(path.join(dir, 'dark.yaml'), source.replace('title: Tea vs Coffee', '$&\ntheme: dark'));
    const hint =
      'hint: The built-in themes are versus and versus-dark; a theme of your own is a path to its .css file.';

    const flag = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out', '--theme', 'versus-drak'], {
      cwd: dir,
    });
    expect(flag).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--theme versus-drak error[invalid-value]: unknown theme "versus-drak" (did you mean "versus-dark"?)\n' +
        `  ${hint}\n` +
        'error: The command line has 1 problem.\n' +
        'hint: Fix the flag above; `--help` lists each flag with the values it takes.\n',
    });
    const atLine = (file: string, theme: string) =>
      `${file}:3:8 error[invalid-value]: unknown theme "${theme}" (did you mean "versus-dark"?)\n` +
      `    3 | theme: ${theme}\n      |        ^\n  ${hint}\n`;
    const outline = await versusInProcess(['build', 'themed.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expect(outline).toMatchObject({ code: 1, stdout: '' });
    expect(outline.stderr.startsWith(atLine('themed.yaml', 'versus-drak')), outline.stderr).toBe(true);
    const checked = await versusInProcess(['check', 'dark.yaml', '--no-measure', '--json'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({
      ok: false,
      findings: [
        { code: 'invalid-value', line: 3, col: 8, message: 'unknown theme "dark" (did you mean "versus-dark"?)' },
      ],
    });
    expect(await readdir(dir)).not.toContain('out');
  });

  it("check names a theme file it cannot use, as build does, rather than counting the outline's 0 problems", async () => {
    const dir = await temp.dir();
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'images'), { recursive: true });
    const source = await readFile(FIXTURE, 'utf8');
    await writeFile(path.join(dir, 'talk.yaml'), source.replace('title: Tea vs Coffee', '$&\ntheme: plain.css'));
    await writeFile(path.join(dir, 'plain.css'), 'section { color: navy }\n');

    const checked = await versusInProcess(['check', 'talk.yaml', '--no-measure'], { cwd: dir });
    expect(checked).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: Theme file ${path.join(await realpath(dir), 'plain.css')} has no "/* @theme name */" comment.\nhint: Marp themes start with /* @theme my-theme */.\n`,
    });
  });

  it('a SOURCE_DATE_EPOCH that is no date is an error at the start (exit 2), and nothing is written', async () => {
    const dir = await temp.dir();
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'images'), { recursive: true });
    await writeFile(path.join(dir, 'talk.yaml'), await readFile(FIXTURE, 'utf8'));
    for (const value of ['abc', '-5', '1.5', '99999999999999']) {
      const run = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], {
        cwd: dir,
        env: { SOURCE_DATE_EPOCH: value },
      });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`error: SOURCE_DATE_EPOCH is "${value}", which is not a date`);
      expect(run.stderr).toContain('hint: Set it to seconds');
      expect(await readdir(dir)).not.toContain('out');
    }
    const { sourceDate } = await import('../src/export/source-date.js');
    expect(sourceDate({ SOURCE_DATE_EPOCH: '0' })).toEqual(new Date(0));
    expect(sourceDate({ SOURCE_DATE_EPOCH: '' })).toBeUndefined();
    expect(sourceDate({})).toBeUndefined();
    expect(() => sourceDate({ SOURCE_DATE_EPOCH: ' 12' })).toThrow(VersusError);
    // A library caller gets the same error from build itself, before anything is read.
    await expect(
      (async () => {
        vi.stubEnv('SOURCE_DATE_EPOCH', 'abc');
        try {
          return await build(path.join(dir, 'talk.yaml'), { formats: ['md'], outDir: path.join(dir, 'out') });
        } finally {
          vi.unstubAllEnvs();
        }
      })(),
    ).rejects.toMatchObject({ kind: 'environment' });
  });

  it("exits 2 for commander's mistakes (an unknown command or flag, a flag without its value), 0 for --help", async () => {
    const unknown = await versusInProcess(['publish']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: "error: unknown command 'publish'\n(run with --help for usage)\n",
    });
    const flag = await versusInProcess(['build', FIXTURE, '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("error: unknown option '--colour'");
    const value = await versusInProcess(['build', FIXTURE, '--out']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain("error: option '-o, --out <dir>' argument missing");
    expect(await versusInProcess(['init', '--help'])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('DEBUG=versus', { concurrent: true }, () => {
  it('prints the stack and the cause below the message, which stays as it is without it', async () => {
    const cwd = await temp.dir();
    await writeFile(path.join(cwd, 'taken'), 'a file, where the output folder would go\n');
    const args = ['build', FIXTURE, '-f', 'md', '--out', 'taken'];
    const plain = await versus(args, { cwd });
    expect(plain).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: Cannot write to the output folder taken: a file is in the way.\n' +
        'hint: Point --out at a folder; it is created when missing.\n',
    });

    for (const DEBUG of ['versus', 'versus*', 'puppeteer:*,versus']) {
      const debug = await versus(args, { cwd, env: { DEBUG } });
      expect(debug.code).toBe(2);
      expect(debug.stderr.startsWith(plain.stderr)).toBe(true);
      const chain = debug.stderr.slice(plain.stderr.length);
      expect(chain).toMatch(/^VersusError: Cannot write to the output folder taken: a file is in the way\.\n\s+at /);
      // The file system's own error, which the message words for the user.
      expect(chain).toMatch(/\ncaused by: Error: (ENOTDIR|EEXIST): [^\n]*taken/);
    }
    expect((await versus(args, { cwd, env: { DEBUG: 'puppeteer:*' } })).stderr).toBe(plain.stderr);
  });

  it('reads DEBUG as the debug package does', () => {
    for (const on of ['versus', 'versus*', '*', 'v*s', 'other, versus', 'other versus'])
      expect(debugWanted(on)).toBe(true);
    for (const off of [undefined, '', 'versus:*', 'versusx', 'puppeteer:*', '*,-versus', 'versus -versus']) {
      expect(debugWanted(off)).toBe(false);
    }
  });
});

describe('one diagnostic format, with its severity', () => {
  it('prints errors, warnings and lint findings alike, a flag in place of a position, the hint below', () => {
    const finding: Finding = {
      severity: 'warning',
      code: 'overflow',
      message: 'slide 9 "History" overflows 121px past the bottom (theme huge); shorten it or split it',
      file: 'outline.yaml',
      line: 63,
      col: 9,
      slide: 9,
      overflow: { bottom: 121, right: 0 },
    };
    expect(formatDiagnostic(finding)).toBe(
      'outline.yaml:63:9 warning[overflow]: slide 9 "History" overflows 121px past the bottom (theme huge); shorten it or split it',
    );
    expect(formatDiagnostic({ ...finding, severity: 'error' })).toMatch(/^outline\.yaml:63:9 error\[overflow\]: /);
    expect(
      formatDiagnostic({
        severity: 'error',
        code: 'unknown-id',
        message: 'no section or slide has the id "nosuch"',
        file: 'outline.yaml',
        line: 0,
        col: 0,
        flag: '--skip nosuch',
        hint: 'Use an id from the outline.',
      }),
    ).toBe(
      '--skip nosuch error[unknown-id]: no section or slide has the id "nosuch"\n  hint: Use an id from the outline.',
    );
  });
});
