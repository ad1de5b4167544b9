/**
 * Situations a user can fix are told as such, through the real CLI: the
 * documented `error:` line and hint, or a diagnostic at its position, with the
 * documented exit code, and never an `internal error` with a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, type Run, snapshotDir, versus, versusInProcess } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('situations');

function expectUserError(run: Run, code: 1 | 2, ...lines: string[]): void {
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const line of lines) expect(run.stderr).toContain(line);
  expect(run.code).toBe(code);
}

describe('versus init where it cannot write', { concurrent: true }, () => {
  it('names a file given as its folder, writing nothing', async () => {
    const cwd = await temp.dir();
    await writeFile(path.join(cwd, 'some-file.txt'), 'notes\n');
    const run = await versusInProcess(['init', 'some-file.txt', '--contenders', 'A,B'], { cwd });
    expectUserError(
      run,
      2,
      'error: Cannot write the starter outline into some-file.txt: a file is in the way.\n',
      'hint: Name a folder for it (it is created when missing), e.g. versus init talks/a-vs-b --contenders "A,B".',
    );
    expect(await readdir(cwd)).toEqual(['some-file.txt']);
  });

  it('names a file further up the folder', async () => {
    const cwd = await temp.dir();
    await writeFile(path.join(cwd, 'some-file.txt'), 'notes\n');
    const run = await versusInProcess(['init', 'some-file.txt/talk', '--contenders', 'A,B'], { cwd });
    expectUserError(run, 2, 'error: Cannot write the starter outline into some-file.txt/talk: a file is in the way.');
  });

  it.runIf(process.platform === 'linux')(
    'says so, without hanging, where the file system makes no folders (/proc)',
    async () => {
      const run = await versus(['init', '/proc/versus-test/talk', '--contenders', 'A,B'], { timeout: 15_000 });
      expectUserError(
        run,
        2,
        'error: Cannot write the starter outline into /proc/versus-test/talk: no folder can be made there (a virtual or read-only file system).',
      );
    },
  );
});

describe('files named by an outline that are not regular files', { concurrent: true }, () => {
  const talk = (image: string, code: string) => `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: main
    title: Main
    slides:
      - { kind: image, title: A cup, src: ${image}, alt: A cup }
      - kind: code
        title: Brewing
        panes:
          - { contender: tea, file: ${code} }
          - { contender: coffee, code: brew() }
`;

  it('are named for what they are, at their positions, exit 1', async () => {
    const dir = await temp.dir();
    execFileSync('mkfifo', [path.join(dir, 'fifo.py')]);
    await mkdir(path.join(dir, 'pictures'));
    const text = talk('pictures', 'fifo.py');
    await writeFile(path.join(dir, 'talk.yaml'), text);
    const image = positionIn(text, 'pictures');
    const code = positionIn(text, 'fifo.py');
    const run = await versus(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expectUserError(
      run,
      1,
      `talk.yaml:${image.line}:${image.col} error[unreadable]: "pictures" is a folder, not a file`,
      `talk.yaml:${code.line}:${code.col} error[unreadable]: "fifo.py" is a named pipe (FIFO), not a regular file`,
      'hint: Name a regular file; versus reads no pipes, devices or folders.',
    );
    expect(run.stderr).not.toContain('does not exist');
    expect(await readdir(dir)).not.toContain('out');
    // check agrees.
    const check = await versus(['check', 'talk.yaml', '--no-measure'], { cwd: dir });
    expectUserError(check, 1, '"fifo.py" is a named pipe (FIFO), not a regular file');
  });

  it('refuses a pipe given as the theme on the command line, without reading it (a usage error)', async () => {
    const dir = await temp.dir();
    execFileSync('mkfifo', [path.join(dir, 'theme.css')]);
    await writeFile(path.join(dir, 'cup.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>');
    await writeFile(path.join(dir, 'talk.yaml'), talk('cup.svg', 'cup.svg').replace(/ {6}- kind: code[\s\S]*$/, ''));
    const run = await versus(['build', 'talk.yaml', '-f', 'md', '--out', 'out', '--theme', 'theme.css'], {
      cwd: dir,
      timeout: 10_000,
    });
    expectUserError(
      run,
      2,
      `error: Theme file ${path.join(dir, 'theme.css')} is not a regular file (a folder, a pipe or a device).`,
    );
  });

  it.runIf(process.getuid?.() === 0)('names a device as one', async () => {
    const dir = await temp.dir();
    execFileSync('mknod', [path.join(dir, 'null.py'), 'c', '1', '3']);
    await writeFile(path.join(dir, 'cup.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>');
    await writeFile(path.join(dir, 'talk.yaml'), talk('cup.svg', 'null.py'));
    const run = await versus(['check', 'talk.yaml', '--no-measure'], { cwd: dir });
    expectUserError(run, 1, 'error[unreadable]: "null.py" is a device, not a regular file');
  });
});

/** A read-only bind mount of a new folder, where this process may make one (root with CAP_SYS_ADMIN). */
async function readOnlyMount(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = path.join(await temp.dir(), 'read-only');
  await mkdir(dir);
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

// Node's recursive mkdir loops forever under /proc and says ENOENT on a read-only mount;
// Staging.open makes the output folder with makeFolder (src/shared/make-folder.ts), which does not.
describe('versus build into an output folder it cannot make', { concurrent: true }, () => {
  const golden = path.join(ROOT, 'test/fixtures/golden');

  it('says so, without hanging, under /proc', async (context) => {
    if (process.platform !== 'linux') return context.skip('needs /proc');
    const args = ['build', path.join(golden, 'every-kind.yaml'), '-f', 'md', '--out', '/proc/versus-test'];
    const run = await versus(args, { timeout: 10_000 });
    expectUserError(
      run,
      2,
      'error: Cannot write to the output folder /proc/versus-test: no folder can be made there (a virtual or read-only file system).',
    );
  });

  it('names a link to nowhere given as the output folder, and where it points', async () => {
    const dir = await temp.dir();
    await cp(golden, dir, { recursive: true });
    const nowhere = path.join(dir, 'nowhere');
    await symlink(nowhere, path.join(dir, 'out'));
    const run = await versusInProcess(['build', 'every-kind.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expectUserError(
      run,
      2,
      `error: Cannot write to the output folder out: it is a symbolic link to ${nowhere}, which does not exist.`,
      'hint: Make the folder the link points to, or remove the link: --out makes a missing folder.',
    );
  });

  it('says the file system is read-only for a new folder on a read-only mount', async (context) => {
    const mounted = await readOnlyMount();
    if (!mounted) return context.skip('needs root and mount');
    try {
      const dir = await temp.dir();
      await cp(golden, dir, { recursive: true });
      const out = path.join(mounted, 'dist');
      const run = await versus(['build', 'every-kind.yaml', '-f', 'md', '--out', out], { cwd: dir, timeout: 10_000 });
      expectUserError(run, 2, `error: Cannot write to the output folder ${out}: the file system is read-only.`);
    } finally {
      execFileSync('umount', [mounted]);
    }
  });
});

/** A new tmpfs of `size` (e.g. "1m"), where this process may mount one (root with CAP_SYS_ADMIN). */
function smallDisk(size: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'versus-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

describe('versus build on a disk that fills up', () => {
  it('says the disk is full when the HTML does not fit, and leaves the previous files as they were', async (context) => {
    const disk = smallDisk('2m');
    if (!disk) return context.skip('needs root and mount');
    try {
      const dir = await temp.dir();
      await cp(path.join(ROOT, 'test/fixtures/golden'), dir, { recursive: true });
      const out = path.join(disk, 'out');
      const args = ['build', 'every-kind.yaml', '-f', 'md,html', '--out', out];
      expect((await versus(args, { cwd: dir })).code).toBe(0);
      const before = await snapshotDir(out);
      // Leave room for the staged markdown, not for the HTML.
      const free = Number(execFileSync('df', ['--output=avail', '-B1', disk], { encoding: 'utf8' }).split('\n')[1]);
      await writeFile(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, free - 64 * 1024)));
      await writeFile(
        path.join(dir, 'every-kind.yaml'),
        `${await readFile(path.join(dir, 'every-kind.yaml'), 'utf8')}\n# edited\n`,
      );
      const run = await versus(args, { cwd: dir, timeout: 60_000 });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error: Cannot write .*: the disk is full\.\nhint: Free some space and build again\./);
      expect(run.stderr).not.toMatch(/internal error|marp-cli could not/);
      expect(await snapshotDir(out)).toEqual(before);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
