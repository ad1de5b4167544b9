/** The CLI contract: commands, exit codes, error format, and outputs left intact on failure. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearFileName } from '../src/outline/suggest.js';
import { CLI, ROOT, snapshotDir, versus, versusInProcess } from './run-cli.js';
import { positionIn } from './temp-outlines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/golden/every-kind.yaml');

// Every test runs the CLI in a folder of its own (or writes nothing), so they run at once.

describe('versus schema', { concurrent: true }, () => {
  it('prints the JSON Schema committed as outline.schema.json', async () => {
    const { code, stdout } = await versusInProcess(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(await readFile(path.join(ROOT, 'outline.schema.json'), 'utf8')));
  });

  it('exits 0 without a stack trace when the reader has gone, as in `versus schema | head`', async () => {
    const child = spawn(process.execPath, [CLI, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Close the reading end before the CLI writes: its write then fails with EPIPE.
    child.stdout.destroy();
    const [code] = await once(child, 'exit');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('is what the shipped outline points editors at', async () => {
    const firstLine = (await readFile(path.join(ROOT, 'outline.yaml'), 'utf8')).split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./outline.schema.json');
  });
});

// Exit 1, file:line:col, a hint, and --out left untouched, for every kind of invalid outline:
// test/invalid-corpus.test.ts.
describe('invalid outlines', { concurrent: true }, () => {
  it('exits 1 for a missing outline file, named without a line it does not have', async () => {
    const run = await versusInProcess(['build', 'does-not-exist.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does-not-exist.yaml error[not-found]: no such file\n');
  });

  it('names the file beside a missing one that it likely misspells: the outline, its base, a picture', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-near-'));
    const outline = (await readFile(FIXTURE, 'utf8')).replace('src: images/cup.svg', 'src: images/cup.png');
    await writeFile(path.join(dir, 'base.yaml'), outline);
    await writeFile(path.join(dir, 'over.yaml'), 'extends: bsae.yaml\n');
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'images'), { recursive: true });
    const missing = await versusInProcess(['build', 'base.yml', '--formats', 'md'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('base.yml error[not-found]: no such file (did you mean "base.yaml"?)\n');
    const base = await versusInProcess(['build', 'over.yaml', '--formats', 'md'], { cwd: dir });
    expect(base.stderr).toContain(
      'over.yaml:1:10 error[not-found]: "bsae.yaml" does not exist (did you mean "base.yaml"?)',
    );
    const picture = await versusInProcess(['build', 'base.yaml', '--formats', 'md'], { cwd: dir });
    expect(picture.stderr).toMatch(
      /error\[not-found\]: "images\/cup\.png" does not exist \(did you mean "images\/cup\.svg"\?\)/,
    );
    // A misspelling, or the one file of its name with another extension; nothing for a name like none.
    expect(nearFileName('brew.pyy', ['brew.py', 'base.yaml'])).toBe('brew.py');
    expect(nearFileName('cup.png', ['cup.jpeg', 'mug.png'])).toBe('cup.jpeg');
    expect(nearFileName('chart.png', ['cup.jpeg', 'base.yaml'])).toBeUndefined();
  });

  it('exits 1 for an unknown profile, pointing at the profiles', async () => {
    const run = await versusInProcess([
      'build',
      FIXTURE,
      '--profile',
      'shrot',
      '--formats',
      'md',
      '--out',
      await mkdtemp(path.join(tmpdir(), 'versus-')),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[unknown-profile]: there is no profile "shrot" (did you mean "short"?)');
    // The outline is fine: the hint is about the flag, not its lines or `versus schema`.
    // Its summary is the outline's, not a usage error's ("The command line has 1 problem", exit 2).
    expect(run.stderr).toContain('error: 1 flag names what the outline does not have; nothing was written.\n');
    expect(run.stderr).toContain('hint: Give the flag above a name the outline has, as listed, and build again.\n');
    expect(run.stderr).not.toContain('versus schema');
  });
});

describe('versus build with several outlines', { concurrent: true }, () => {
  it('expands a glob pattern the shell passed through, in sorted order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-glob-'));
    const fixture = await readFile(FIXTURE, 'utf8');
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'talks/images'), { recursive: true });
    for (const name of ['beta', 'alpha']) {
      await writeFile(path.join(dir, `talks/${name}.yaml`), fixture.replace('title: Tea vs Coffee', `title: ${name}`));
    }
    const run = await versusInProcess(['build', 'talks/*.yaml', '--formats', 'md', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^○ \w+/gm)).toEqual(['○ alpha', '○ beta']);
    expect((await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.md'))).toEqual(['alpha.md', 'beta.md']);
  });

  it('reports a pattern that matches nothing as a missing file', async () => {
    const run = await versusInProcess(['build', 'no-such-folder/*.yaml', '--formats', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-folder/*.yaml error[not-found]: no such file\n');
  });

  /** A folder with the fixture's images and one outline per title. */
  async function talks(titles: string[]): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-batch-'));
    const fixture = await readFile(FIXTURE, 'utf8');
    await cp(path.join(ROOT, 'test/fixtures/golden/images'), path.join(dir, 'images'), { recursive: true });
    for (const [i, title] of titles.entries()) {
      await writeFile(path.join(dir, `talk-${i + 1}.yaml`), fixture.replace('title: Tea vs Coffee', `title: ${title}`));
    }
    return dir;
  }

  it('keeps letters of every script in slugs, and refuses a second talk that would overwrite the first', async () => {
    const dir = await talks(['数据库对比', 'Обзор баз данных', '数据库对比']);
    const run = await versusInProcess(
      ['build', 'talk-1.yaml', 'talk-2.yaml', 'talk-3.yaml', '-f', 'md', '--out', 'out'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^○ .*?:/gm)).toEqual(['○ 数据库对比:', '○ Обзор баз данных:']);
    expect(run.stderr).toContain('✗ talk-3.yaml');
    expect(run.stderr).toContain('talk-3.yaml would write 数据库对比.md and the rest over the files of talk-1.yaml');
    expect((await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.md')).sort()).toEqual(
      ['обзор-баз-данных.md', '数据库对比.md'].sort(),
    );
    expect(await readFile(path.join(dir, 'out/数据库对比.md'), 'utf8')).toContain("title: '数据库对比'");
  });

  it('builds the other talks when one is invalid, and lists files under any --out', async () => {
    const dir = await talks(['First talk', 'Second talk']);
    await writeFile(path.join(dir, 'broken.yaml'), 'title: [unclosed\n');
    const out = path.join(dir, 'assets', 'out');
    const run = await versusInProcess(
      ['build', 'talk-1.yaml', 'broken.yaml', 'talk-2.yaml', '-f', 'md,html', '--out', out],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ broken.yaml');
    expect(run.stdout.match(/^○ (First|Second) talk: .* — [\d.]+s$/gm)).toHaveLength(2);
    expect(run.stdout).toContain(`  ${path.join(out, 'second-talk.html')}`);
    expect(run.stdout).not.toContain(`${path.join(out, 'assets')}`);
  });
});

/** A talk of 5.75 minutes (one 5-minute slide; the title and the agenda take a quarter each) in a 1-minute slot. */
const OVER_SLOT = `title: Tea vs Coffee
duration: 1
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
      - kind: bullets
        title: What they are
        minutes: 5
        bullets: [Tea is steeped leaves, Coffee is brewed beans]
profiles:
  short: { duration: 2 }
  renamed: { title: Tea or Coffee }
`;

/** A folder holding `talk.yaml` with `text`. */
async function talkFolder(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-slot-'));
  await writeFile(path.join(dir, 'talk.yaml'), text);
  return dir;
}

/** `file:line:col` where `needle` (after `after`) is in OVER_SLOT. */
function at(needle: string, after?: string): string {
  const { line, col } = positionIn(OVER_SLOT, needle, after);
  return `talk.yaml:${line}:${col}`;
}

describe('the build verdict against the slot', { concurrent: true }, () => {
  it('says ⚠ with the minutes over, after a warning at the duration, for a talk over its slot', async () => {
    const dir = await talkFolder(OVER_SLOT);
    const run = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `${at('1', 'duration:')} warning[over-budget]: the talk takes about 5.5 min, over its 1 min budget by 4.5 min; slide 3 "What they are" alone is set to 5 min (its "minutes")\n`,
    );
    expect(run.stdout).toMatch(/^⚠ Tea vs Coffee: 3 slides, 5\.5 min of 1 min \(4\.5 min over\) \(fit not measured/);
    expect(await readdir(path.join(dir, 'out'))).toContain('tea-vs-coffee.md');
  });

  it('gives no ⚠ for a talk exactly as long as its slot', async () => {
    const dir = await talkFolder(OVER_SLOT.replace('duration: 1', 'duration: 5.5'));
    const run = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^○ Tea vs Coffee: 3 slides, 5\.5 min of 5\.5 min \(fit not measured/);
  });

  it("points at the profile's duration when the profile sets the slot, and at the outline's otherwise", async () => {
    const dir = await talkFolder(OVER_SLOT);
    const short = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'short', '-p', 'short'], {
      cwd: dir,
    });
    expect(short.stderr).toContain(`${at('2', 'short:')} warning[over-budget]:`);
    expect(short.stdout).toMatch(/^⚠ Tea vs Coffee: 3 slides, 5\.5 min of 2 min \(3\.5 min over\), profile short /);
    const renamed = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'renamed', '-p', 'renamed'], {
      cwd: dir,
    });
    expect(renamed.stderr).toContain(`${at('1', 'duration:')} warning[over-budget]:`);
    expect(renamed.stdout).toMatch(/^⚠ Tea or Coffee: .* \(4\.5 min over\), profile renamed /);
  });

  it('exits 1 with --strict for a talk over its slot, writing nothing', async () => {
    const dir = await talkFolder(OVER_SLOT);
    await mkdir(path.join(dir, 'out'));
    await writeFile(path.join(dir, 'out/tea-vs-coffee.md'), 'the previous build\n');
    const before = await snapshotDir(path.join(dir, 'out'));
    const run = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out', '--strict'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${at('1', 'duration:')} error[over-budget]: the talk takes about 5.5 min`);
    expect(run.stderr).toContain('error: the talk is over its slot (--strict); nothing was written.');
    expect(await snapshotDir(path.join(dir, 'out'))).toEqual(before);
  });
});

describe('environment problems', { concurrent: true }, () => {
  it('exits 2 with the folder and a hint, not a stack trace, when --out is a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-out-'));
    const file = path.join(dir, 'dist');
    await writeFile(file, 'not a folder');
    const run = await versusInProcess(['build', FIXTURE, '--formats', 'md', '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: Cannot write to the output folder ${file}: a file is in the way.\nhint: Point --out at a folder; it is created when missing.\n`,
    );
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });

  it('exits 2 naming the port when versus dev cannot listen on it', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const run = await versus(['dev', FIXTURE, '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `error: Port ${port} is already in use.\nhint: Pick another port with --port, or --port 0 for any free one.\n`,
      );
    } finally {
      busy.close();
    }
  });

  it('rejects a port that is not a number with a message, not a stack trace, as a usage error (exit 2)', async () => {
    for (const port of ['abc', '-1', '70000']) {
      const run = await versusInProcess(['dev', FIXTURE, '--port', port]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `option '--port <n>' argument '${port}' is invalid. expected a port number from 0 to 65535.`,
      );
      expect(run.stderr).not.toContain('    at ');
    }
  });
});

describe('without a browser', { concurrent: true }, () => {
  it('writes every format that needs no browser (-f all), then exits 2 naming CHROME_PATH', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'versus-nobrowser-')), 'dist');
    const env = { CHROME_PATH: '/nonexistent/chrome' };
    const run = await versus(['build', FIXTURE, '--out', out, '-f', 'all'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CHROME_PATH');
    expect(run.stderr).toMatch(/apt-get install chromium/);
    // Progress names what was made: no line claims a browser or a file that needs one.
    expect(run.stderr).toContain('› html');
    expect(run.stderr).not.toMatch(/› (browser|pdf|handout|script|images) /);
    const files = await readdir(out);
    for (const written of [
      'md',
      'html',
      'presenter.html',
      'runsheet.md',
      'pptx',
      'exercises.ipynb',
      'solutions.ipynb',
    ]) {
      expect(files).toContain(`tea-vs-coffee.${written}`);
    }
    expect(files.filter((f) => f.endsWith('.pdf') || f.endsWith('.png'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('.versus-staging'))).toEqual([]);
  });

  it('check exits 2 pointing at --no-measure, and lints without measuring when asked', async () => {
    const env = { CHROME_PATH: '/nonexistent/chrome' };
    const measured = await versus(['check', FIXTURE], { env });
    expect(measured.code).toBe(2);
    expect(measured.stderr).toContain('Or skip the overflow measurement with --no-measure.');
    const linted = await versus(['check', FIXTURE, '--no-measure'], { env });
    expect(linted.code).toBe(0);
    expect(linted.stdout).toMatch(/every-kind\.yaml: \d+ slides, .*: fits its slot; \d+ finding\(s\)\.\n$/);
    expect(linted.stdout).not.toContain('overflow');
  });
});

describe('help and version', { concurrent: true }, () => {
  it('prints the version', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect((await versusInProcess(['--version'])).stdout.trim()).toBe(version);
  });

  for (const command of ['build', 'check', 'schema']) {
    it(`has --help for ${command}`, async () => {
      const run = await versusInProcess([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: versus ${command}`);
    });
  }

  it('rejects an unknown format with the list of formats', async () => {
    const run = await versusInProcess(['build', FIXTURE, '--formats', 'md,docx']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('"docx" is not a format');
  });

  it("names a value outside a flag's set at its flag, with the value it likely means and the values there are", async () => {
    const errors = async (...flags: string[]) => {
      const run = await versusInProcess(['build', FIXTURE, ...flags]);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('versus schema');
      return run.stderr;
    };
    expect(await errors('-f', 'images,docx')).toBe(
      [
        '--formats images error[invalid-value]: "images" is not a format (did you mean "png"?)',
        '  hint: Choose from md, html, pdf, handout, runsheet, script, notebook, pptx, png, all.',
        '--formats docx error[invalid-value]: "docx" is not a format',
        '  hint: Choose from md, html, pdf, handout, runsheet, script, notebook, pptx, png, all.',
        'error: The command line has 2 problems.',
        'hint: Fix the flags above; `--help` lists each flag with the values it takes.',
        '',
      ].join('\n'),
    );
    expect(await errors('-f', 'md,pnj')).toContain('"pnj" is not a format (did you mean "png"?)');
    expect(await errors('-f', '')).toMatch(/^--formats error\[invalid-value\]: names no format\n/);
    expect(await errors('-f', ' , ')).toMatch(/^--formats , error\[invalid-value\]: names no format\n/);
    expect(await errors('--paper', 'leter')).toMatch(
      /^--paper leter error\[invalid-value\]: "leter" is not a value of --paper \(did you mean "letter"\?\)\n {2}hint: Choose from a4, letter\./,
    );
    expect(await errors('--handout-layout', '4')).toContain(
      '"4" is not a value of --handout-layout\n  hint: Choose from 1, 2, 3.',
    );
    expect(await errors('--pptx', 'image')).toContain('"image" is not a value of --pptx (did you mean "images"?)');
  });
});
