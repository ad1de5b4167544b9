/**
 * All or nothing: a build's outputs, its record and the removal of its stale
 * files become visible together or not at all — under a failure at each step
 * of the commit, a SIGTERM at each step, a SIGKILL at each step (the next
 * build finishes the commit), a folder or file in the way, and for stale files.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { commitAll, LOCK, removeStaleLock } from '../src/export/commit.js';
import { OWNER } from '../src/export/owner.js';
import { Staging } from '../src/export/staging.js';
import { ROOT, snapshotDir, versusInProcess } from './run-cli.js';

const OLD = { 'talk.md': 'old md', 'talk.html': 'old html', 'assets/cup.svg': 'old cup', 'talk.003.png': 'old png' };
const NEW = {
  'talk.md': 'new md',
  'talk.html': 'new html',
  'assets/cup.svg': 'new cup',
  '.versus/talk.json': 'record',
};
/** The moves of a commit of NEW that also removes the stale `talk.003.png`. */
const STEPS = Object.keys(NEW).length + 1;

async function folderWithOldOutputs(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
  for (const [name, text] of Object.entries(OLD)) {
    await mkdir(path.dirname(path.join(out, name)), { recursive: true });
    await writeFile(path.join(out, name), text);
  }
  return out;
}

async function staged(out: string): Promise<Staging> {
  const staging = await Staging.open(out);
  for (const [name, text] of Object.entries(NEW)) await staging.write(name, text);
  return staging;
}

/** The output folder's files and texts, without staging folders. */
async function outputs(out: string): Promise<Record<string, string>> {
  const snapshot = await snapshotDir(out);
  return Object.fromEntries(
    Object.entries(snapshot)
      .filter(([name]) => !name.startsWith('.versus-staging-'))
      .map(([name, bytes]) => [name, Buffer.from(bytes, 'base64').toString('utf8')]),
  );
}

const allNew = {
  'talk.md': 'new md',
  'talk.html': 'new html',
  'assets/cup.svg': 'new cup',
  '.versus/talk.json': 'record',
};

describe('a commit', { concurrent: true }, () => {
  it('moves every new file in and the stale one out, or on a failure at any step leaves every old file', async () => {
    for (let step = 0; step < STEPS; step++) {
      const out = await folderWithOldOutputs();
      const staging = await staged(out);
      const failing = commitAll(out, () => ({
        stagingDir: staging.dir,
        names: staging.outputs().map(([name]) => name),
        remove: ['talk.003.png'],
        beforeMove: (at) => {
          if (at === step) throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        },
      }));
      // An I/O error is the machine's, named with the file it stopped at: no internal error, no stack.
      await expect(failing, `step ${step}`).rejects.toMatchObject({
        kind: 'environment',
        message: expect.stringMatching(/^Cannot replace .+: the disk or its connection failed \(EIO\)\.$/),
      });
      await staging.discard();
      expect(await outputs(out), `step ${step}`).toEqual(OLD);
    }
    const out = await folderWithOldOutputs();
    const staging = await staged(out);
    await staging.commit(async () => ['talk.003.png']);
    await staging.discard();
    expect(await outputs(out)).toEqual(allNew);
  });

  it('names the file and why for any refusal of the file system (ETXTBSY, an unknown code), and leaves a bug a bug', async () => {
    const fail = async (error: Error) => {
      const out = await folderWithOldOutputs();
      const staging = await staged(out);
      const failing = commitAll(out, () => ({
        stagingDir: staging.dir,
        names: staging.outputs().map(([name]) => name),
        remove: [],
        beforeMove: (at) => {
          if (at === 1) throw error;
        },
      })).catch((thrown: unknown) => thrown);
      const thrown = await failing;
      await staging.discard();
      expect(await outputs(out)).toEqual(OLD);
      return { thrown };
    };
    const busy = await fail(Object.assign(new Error('ETXTBSY: text file is busy'), { code: 'ETXTBSY' }));
    expect(busy.thrown).toBeInstanceOf(VersusError);
    expect((busy.thrown as VersusError).message).toMatch(
      /^Cannot replace \/.+\/talk\.html: the file is a program that is running \(ETXTBSY\)\.$/,
    );
    const odd = await fail(Object.assign(new Error('ENOTSUP'), { code: 'ENOTSUP' }));
    expect((odd.thrown as VersusError).message).toContain(': the file system refused it (ENOTSUP).');
    const bug = await fail(new TypeError('x is undefined'));
    expect(bug.thrown).toBeInstanceOf(TypeError);
  });

  it('names the file in the way of a folder (assets/ a file), not the file it would hold', async () => {
    const out = await folderWithOldOutputs();
    await rm(path.join(out, 'assets'), { recursive: true });
    await writeFile(path.join(out, 'assets'), 'in the way');
    const staging = await staged(out);
    const error = await staging.commit().catch((e: unknown) => e);
    await staging.discard();
    expect(error).toMatchObject({
      kind: 'environment',
      message: `Cannot write ${path.join(out, 'assets/cup.svg')}: ${path.join(out, 'assets')} is a file, where a folder is needed.`,
    });
  });

  /** Runs a commit in a process of its own that signals itself before move `step`, as `versus build` handles signals. */
  async function commitKilledAt(out: string, step: number, signal: 'SIGTERM' | 'SIGKILL'): Promise<number | null> {
    const staging = pathToFileURL(path.join(ROOT, 'lib/export/staging.js')).href;
    const commit = pathToFileURL(path.join(ROOT, 'lib/export/commit.js')).href;
    const owner = pathToFileURL(path.join(ROOT, 'lib/export/owner.js')).href;
    const script = `
      const { Staging } = await import(${JSON.stringify(staging)});
      const { commitAll } = await import(${JSON.stringify(commit)});
      const { releaseAllSync } = await import(${JSON.stringify(owner)});
      process.on('SIGTERM', () => { releaseAllSync(); process.exit(143); });
      const staging = await Staging.open(${JSON.stringify(out)});
      for (const [name, text] of Object.entries(${JSON.stringify(NEW)})) await staging.write(name, text);
      await commitAll(${JSON.stringify(out)}, () => ({
        stagingDir: staging.dir, names: staging.outputs().map(([n]) => n),
        remove: ['talk.003.png'],
        beforeMove: (at) => { if (at === ${step}) process.kill(process.pid, ${JSON.stringify(signal)}); },
      }));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const [code, killedBy] = (await once(child, 'exit')) as [number | null, string | null];
    return code ?? (killedBy === 'SIGKILL' ? 137 : null);
  }

  it('finishes before a SIGTERM at any step takes effect: every new file, nothing old', async () => {
    for (let step = 0; step < STEPS; step++) {
      const out = await folderWithOldOutputs();
      expect(await commitKilledAt(out, step, 'SIGTERM')).toBe(143);
      expect(await outputs(out), `step ${step}`).toEqual(allNew);
      expect((await readdir(out)).filter((name) => name.startsWith('.versus-'))).toEqual([]);
    }
  });

  it('killed by SIGKILL, is finished before a later commit, never over it', async () => {
    const out = await folderWithOldOutputs();
    // A build that staged the newest files before another one was killed during its commit …
    const newest = await Staging.open(out);
    for (const name of Object.keys(NEW)) await newest.write(name, `newest ${name}`);
    expect(await commitKilledAt(out, 2, 'SIGKILL')).toBe(137);
    // … commits them, and a build after it (opening its staging) finds nothing left to finish.
    await newest.commit(async () => ['talk.003.png']);
    await newest.discard();
    await (await Staging.open(out)).discard();
    expect(await outputs(out)).toEqual(Object.fromEntries(Object.keys(NEW).map((name) => [name, `newest ${name}`])));
    expect((await readdir(out)).filter((name) => name.startsWith('.versus-'))).toEqual([]);
  });

  it('takes away the folders its removals leave empty, and no other', async () => {
    const out = await folderWithOldOutputs();
    for (const name of ['talk.exercises/01-a/start.py', 'talk.solutions/01-a.py', 'talk.solutions/02-b.py']) {
      await mkdir(path.dirname(path.join(out, name)), { recursive: true });
      await writeFile(path.join(out, name), 'x');
    }
    const staging = await staged(out);
    await staging.commit(async () => ['talk.exercises/01-a/start.py', 'talk.solutions/01-a.py']);
    await staging.discard();
    expect(Object.keys(await outputs(out)).filter((name) => name.startsWith('talk.'))).toEqual([
      'talk.003.png',
      'talk.html',
      'talk.md',
      'talk.solutions/02-b.py',
    ]);
    expect(await readdir(out)).not.toContain('talk.exercises');
  });

  it('is planned under the lock, after the commit that held it has landed', async () => {
    const out = await folderWithOldOutputs();
    const first = await staged(out);
    const second = await Staging.open(out);
    await second.write('talk.md', 'second md');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: string[] = [];
    const firstCommit = first.commit(async () => {
      await held;
      return ['talk.003.png'];
    });
    // What a build takes away and records depends on the files the build before it committed.
    const secondCommit = second.commit(async () => {
      seen.push(await readFile(path.join(out, 'talk.html'), 'utf8'));
      return [];
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
    release();
    await Promise.all([firstCommit, secondCommit]);
    await Promise.all([first.discard(), second.discard()]);
    expect(seen).toEqual(['new html']);
    expect(await outputs(out)).toEqual({ ...allNew, 'talk.md': 'second md' });
  });

  it('is finished by the next build when SIGKILL stops it at any step', async () => {
    for (let step = 0; step < STEPS; step++) {
      const out = await folderWithOldOutputs();
      expect(await commitKilledAt(out, step, 'SIGKILL')).toBe(137);
      // The next build into the folder opens its staging, which finishes the abandoned commit first.
      await (await Staging.open(out)).discard();
      expect(await outputs(out), `step ${step}`).toEqual(allNew);
    }
  });
});

describe('what a power cut leaves', { concurrent: true }, () => {
  it('is cleared by the next build: a journal cut short (no move began) and a lock left empty', async () => {
    const out = await folderWithOldOutputs();
    const old = await outputs(out);
    // A build of a process long gone, cut off while it wrote its journal and its lock.
    const abandoned = path.join(out, '.versus-staging-999999-abcdef');
    await mkdir(abandoned);
    await writeFile(path.join(abandoned, 'talk.md'), 'half-written');
    await writeFile(path.join(abandoned, '.commit.json'), '{"names":["talk.md"');
    const lock = path.join(out, '.versus-commit.lock');
    await writeFile(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);

    const staging = await staged(out);
    await commitAll(out, () => ({ stagingDir: staging.dir, names: staging.outputs().map(([n]) => n), remove: [] }));
    await staging.discard();
    expect(await outputs(out)).toEqual({ ...old, ...NEW });
    expect((await readdir(out)).filter((name) => name.startsWith('.versus-'))).toEqual([]);
  });
});

describe('a killed build whose pid names another process now', { concurrent: true }, () => {
  it('has its commit finished all the same: a journal found under the lock is never a live build', async () => {
    const out = await folderWithOldOutputs();
    // pid 1 is always alive: a program that took the killed build's pid.
    const abandoned = path.join(out, '.versus-staging-1-abcdef');
    await mkdir(abandoned);
    await writeFile(path.join(abandoned, 'talk.md'), 'killed md');
    await writeFile(
      path.join(abandoned, '.commit.json'),
      JSON.stringify({ names: ['talk.md'], remove: ['talk.003.png'] }),
    );
    await (await Staging.open(out)).discard();
    const { 'talk.003.png': _, ...kept } = OLD;
    expect(await outputs(out)).toEqual({ ...kept, 'talk.md': 'killed md' });
    expect((await readdir(out)).filter((name) => name.startsWith('.versus-'))).toEqual([]);
  });

  it('leaves its stale lock to one waiting build: the other puts back the lock taken since', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
    const lock = path.join(out, LOCK);
    // Both found the lock of a killed build; the first took it away and locked anew …
    await writeFile(lock, String(process.pid));
    // … then the second takes away what it found stale.
    removeStaleLock(lock, '999999999');
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    expect(await readdir(out)).toEqual([LOCK]);
    await writeFile(lock, '999999999');
    removeStaleLock(lock, '999999999');
    expect(await readdir(out)).toEqual([]);
  });
});

/** A folder on another file system than the temporary folder's (tmpfs), or undefined. */
const ELSEWHERE = ['/dev/shm'].find(
  (dir) => (statSync(dir, { throwIfNoEntry: false })?.dev ?? statSync(tmpdir()).dev) !== statSync(tmpdir()).dev,
);

describe.skipIf(!ELSEWHERE)('a commit into a folder on another file system', () => {
  it('says which link leads there and what to do, instead of an internal error, and leaves every old file', async () => {
    const out = await folderWithOldOutputs();
    const elsewhere = await mkdtemp(path.join(ELSEWHERE ?? '', 'versus-elsewhere-'));
    try {
      // `<slug>.solutions` linked to a folder on a RAM disk: no rename reaches it.
      await symlink(elsewhere, path.join(out, 'talk.solutions'));
      const staging = await staged(out);
      await staging.write('talk.solutions/01-ex.js', 'let x = 2;');
      const error = await staging.commit().catch((e: unknown) => e);
      await staging.discard();
      expect(error).toBeInstanceOf(VersusError);
      expect(error).toMatchObject({
        kind: 'environment',
        message: `Cannot replace ${path.join(out, 'talk.solutions', '01-ex.js')}: ${path.join(out, 'talk.solutions')} is a symbolic link to a folder on another file system (${elsewhere}), where no file can be moved into place all at once from ${out}.`,
        hint: 'Replace the link with a folder, or point --out at a folder on that file system, and build again.',
      });
      expect(await outputs(out)).toEqual(OLD);
      expect((await readdir(out)).sort()).toEqual(['assets', 'talk.003.png', 'talk.html', 'talk.md', 'talk.solutions']);
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a lock whose pid this process cannot judge', { concurrent: true }, () => {
  const commitInto = async (out: string) => {
    const staging = await staged(out);
    await commitAll(out, () => ({ stagingDir: staging.dir, names: staging.outputs().map(([n]) => n), remove: [] }));
    await staging.discard();
  };

  it('is stale when it names this pid but this process does not hold it: a container whose builds all run as pid 1', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
    await writeFile(path.join(out, LOCK), String(process.pid));
    await commitInto(out);
    expect(await outputs(out)).toEqual(NEW);
    expect(await readdir(out)).not.toContain(LOCK);
  });

  it('is waited for while fresh when another host took it (a container writing into a mounted folder), and taken once old', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
    const lock = path.join(out, LOCK);
    // pid 999999999 is dead here, and could be alive in the container.
    await writeFile(lock, '999999999@container/pid:[4026532000]');
    let committed = false;
    const commit = commitInto(out).then(() => {
      committed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(committed).toBe(false);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    await commit;
    expect(await outputs(out)).toEqual(NEW);
    expect(await readdir(out)).not.toContain(LOCK);
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'is stale when its pid names a live process that started after it was written: a killed build’s pid taken by another program',
    async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
      const lock = path.join(out, LOCK);
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
      try {
        await writeFile(lock, `${other.pid}@${OWNER.slice(OWNER.indexOf('@') + 1)}`);
        // Written by a build before the other program started: waited for while its pid was that build's.
        const longAgo = new Date(Date.now() - 60_000);
        await utimes(lock, longAgo, longAgo);
        const started = Date.now();
        await commitInto(out);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(await outputs(out)).toEqual(NEW);
        expect(await readdir(out)).not.toContain(LOCK);
      } finally {
        other.kill();
      }
    },
  );

  it('is waited for while its pid names a live process that started before it was written', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
    const lock = path.join(out, LOCK);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    await once(other, 'spawn');
    await writeFile(lock, `${other.pid}@${OWNER.slice(OWNER.indexOf('@') + 1)}`);
    let committed = false;
    const commit = commitInto(out).then(() => {
      committed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(committed).toBe(false);
    other.kill();
    await commit;
    expect(await outputs(out)).toEqual(NEW);
  });

  it('is given back, with the staging folder, when a signal stops the build before its moves', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-commit-'));
    const staging = pathToFileURL(path.join(ROOT, 'lib/export/staging.js')).href;
    const owner = pathToFileURL(path.join(ROOT, 'lib/export/owner.js')).href;
    const script = `
      const { Staging } = await import(${JSON.stringify(staging)});
      const { releaseAllSync } = await import(${JSON.stringify(owner)});
      process.on('SIGTERM', () => { releaseAllSync(); process.exit(143); });
      const staging = await Staging.open(${JSON.stringify(out)});
      await staging.write('talk.md', 'new');
      // The plan is made under the lock: the signal comes while it is held, before any move.
      await staging.commit(async () => { process.kill(process.pid, 'SIGTERM'); await new Promise((r) => setTimeout(r, 5000)); return []; });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    const [code] = await once(child, 'exit');
    expect(code).toBe(143);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('versus build, all or nothing', { concurrent: true }, () => {
  async function project(outline: string): Promise<{ dir: string; talk: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-all-or-nothing-'));
    await writeFile(path.join(dir, 'talk.yaml'), outline);
    return { dir, talk: path.join(dir, 'talk.yaml') };
  }
  const outline = (extra = '') => `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6d4c41" }
sections:
  - id: main
    title: Main
    slides:
      - kind: bullets
        title: Why
        notes: Say why.
        bullets: [Warmth]${extra}
`;
  const build = (dir: string, formats = 'md,html,runsheet') =>
    versusInProcess(['build', 'talk.yaml', '--out', 'out', '-f', formats], { cwd: dir });

  it('writes nothing, and says what is in the way, when a folder stands where an output goes', async () => {
    const { dir, talk } = await project(outline());
    expect((await build(dir)).code).toBe(0);
    await rm(path.join(dir, 'out/tea-vs-coffee.runsheet.md'));
    await mkdir(path.join(dir, 'out/tea-vs-coffee.runsheet.md'));
    const before = await snapshotDir(path.join(dir, 'out'));
    await writeFile(talk, outline('\n        privateNotes: New.'));
    const run = await build(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`tea-vs-coffee.runsheet.md: a folder is in the way.`);
    expect(await snapshotDir(path.join(dir, 'out'))).toEqual(before);
  });

  it('refuses an output that would replace a file the outline reads, before writing anything (exit 1)', async () => {
    const { dir, talk } = await project(
      `${outline()}      - kind: code
        title: My notes
        panes:
          - { contender: tea, language: markdown, file: tea-vs-coffee.md }
          - { contender: coffee, language: markdown, code: "# Coffee" }
`,
    );
    await writeFile(path.join(dir, 'tea-vs-coffee.md'), '# My notes file\n');
    const before = await snapshotDir(dir);
    const run = await versusInProcess(['build', 'talk.yaml', '--out', '.', '-f', 'md,html'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `error: The output tea-vs-coffee.md would replace ${path.join(dir, 'tea-vs-coffee.md')}, which the outline reads; nothing was written.`,
    );
    expect(run.stderr).toContain('--out');
    expect(await snapshotDir(dir)).toEqual(before);
    expect(existsSync(path.join(dir, '.versus'))).toBe(false);
    // Into another folder, the same talk builds.
    await writeFile(talk, await readFile(talk, 'utf8'));
    expect((await versusInProcess(['build', 'talk.yaml', '--out', 'out', '-f', 'md,html'], { cwd: dir })).code).toBe(0);
  });

  it('refuses, at the commit, an exercise file that would replace a code file the outline reads', async () => {
    const { dir } = await project(
      `${outline()}      - kind: code
        title: Hello
        panes:
          - { contender: tea, language: javascript, file: tea-vs-coffee.exercises/01-greet.js }
          - { contender: coffee, language: javascript, code: "hi()" }
      - kind: exercise
        id: greet
        title: Greet
        language: javascript
        task: [Print hello]
        starter: "// TODO"
        solution: console.log("hello");
        notes: Go.
`,
    );
    await mkdir(path.join(dir, 'tea-vs-coffee.exercises'));
    await writeFile(path.join(dir, 'tea-vs-coffee.exercises/01-greet.js'), 'mine();\n');
    const before = await snapshotDir(dir);
    const run = await versusInProcess(['build', 'talk.yaml', '--out', '.', '-f', 'md,notebook'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `error: The output tea-vs-coffee.exercises/01-greet.js would replace ${path.join(dir, 'tea-vs-coffee.exercises/01-greet.js')}, which the outline reads; nothing was written.`,
    );
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('names, as the commit checks it, an output whose folder is a link to where an input is', async () => {
    const { inputsOverwritten } = await import('../src/pipeline/output-clash.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-clash-'));
    await mkdir(path.join(dir, 'src'));
    await symlink(path.join(dir, 'src'), path.join(dir, 'out'));
    const input = path.join(dir, 'src/talk.md');
    expect(inputsOverwritten([input], path.join(dir, 'out'), ['talk.md', 'talk.html'])).toEqual([
      { input, output: path.join(dir, 'out/talk.md') },
    ]);
    expect(inputsOverwritten([input], path.join(dir, 'src/sub'), ['talk.md'])).toEqual([]);
  });

  it('writes nothing, and says so, when a file stands where the build record goes', async () => {
    const { dir, talk } = await project(outline());
    expect((await build(dir)).code).toBe(0);
    await rm(path.join(dir, 'out/.versus'), { recursive: true });
    await writeFile(path.join(dir, 'out/.versus'), 'in the way');
    const before = await snapshotDir(path.join(dir, 'out'));
    await writeFile(talk, outline('\n        privateNotes: New.'));
    const run = await build(dir);
    expect(run.code).toBe(2);
    // Named as the file that is in the way, not as the record that does not exist.
    expect(run.stderr).toMatch(
      /error: Cannot write out\/\.versus\/talk-\w+\.json: out\/\.versus is a file, where a folder is needed\./,
    );
    expect(run.stderr).toContain('hint: Move or rename out/.versus (a folder of that name is needed there)');
    expect(run.stderr).not.toContain('internal error');
    expect(await snapshotDir(path.join(dir, 'out'))).toEqual(before);
  });

  it('finishes a commit killed while it took old files away before saying "up to date"', async () => {
    const { dir } = await project(outline());
    expect((await build(dir)).code).toBe(0);
    // What a build killed among its removals leaves: its journal, and a file it was taking away.
    const abandoned = path.join(dir, 'out/.versus-staging-999999-abcdef');
    await mkdir(abandoned);
    await writeFile(
      path.join(abandoned, '.commit.json'),
      JSON.stringify({ names: [], remove: ['tea-vs-coffee.003.png'] }),
    );
    await writeFile(path.join(dir, 'out/tea-vs-coffee.003.png'), 'a slide the new deck no longer has');
    const run = await build(dir);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain('up to date');
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual([
      '.versus',
      'tea-vs-coffee.html',
      'tea-vs-coffee.md',
      'tea-vs-coffee.runsheet.md',
    ]);
  });

  it('replaces, and says so, the files of another profile that have the same names, leaving none of them', async () => {
    const { dir } = await project(
      `${outline('\n        tags: [meetup]')}      - { kind: bullets, title: Hands-on, bullets: [Try it], notes: Go., privateNotes: The answer is 42., tags: [workshop] }
profiles:
  meetup: { only: [meetup] }
  workshop: {}
defaultProfile: meetup
`,
    );
    const workshop = await versusInProcess(
      ['build', 'talk.yaml', '--out', 'out', '-f', 'md,html,runsheet', '--profile', 'workshop'],
      { cwd: dir },
    );
    expect(workshop.code).toBe(0);
    const files = async () => (await readdir(path.join(dir, 'out'))).filter((name) => !name.startsWith('.'));
    expect(await files()).toContain('tea-vs-coffee.presenter.html');
    // The meetup deck has the same title, so the same file names: the workshop's solutions do not stay beside it.
    const meetup = await build(dir);
    expect(meetup.code).toBe(0);
    expect(meetup.stderr).toContain(`replaces ${path.join(dir, 'talk.yaml')} (profile workshop)`);
    expect((await files()).sort()).toEqual(['tea-vs-coffee.html', 'tea-vs-coffee.md', 'tea-vs-coffee.runsheet.md']);
    expect(await readdir(path.join(dir, 'out/.versus'))).toHaveLength(1);
  });

  it("takes away the last build's files this one no longer writes, of the formats it builds", async () => {
    const { dir, talk } = await project(outline('\n        privateNotes: Only for me.'));
    const first = await build(dir);
    expect(first.code).toBe(0);
    // The summary marks the speaker's files, so that what goes to the audience is plain to see.
    expect(first.stdout.split('\n').filter((line) => line.endsWith('(speaker: not for the audience)'))).toEqual(
      ['md', 'presenter.html', 'runsheet.md'].map(
        (kind) => `  ${path.join('out', `tea-vs-coffee.${kind}`)}  (speaker: not for the audience)`,
      ),
    );
    const files = async () => (await readdir(path.join(dir, 'out'))).filter((name) => !name.startsWith('.'));
    expect(await files()).toContain('tea-vs-coffee.presenter.html');
    // Without private notes or solutions there is nothing for a presenter HTML to add.
    await writeFile(talk, outline());
    expect((await build(dir, 'md')).code).toBe(0);
    expect(await files()).toContain('tea-vs-coffee.presenter.html');
    expect((await build(dir)).code).toBe(0);
    expect((await files()).sort()).toEqual(['tea-vs-coffee.html', 'tea-vs-coffee.md', 'tea-vs-coffee.runsheet.md']);
    expect(await readFile(path.join(dir, 'out/tea-vs-coffee.md'), 'utf8')).not.toContain('Only for me');
  });

  it('takes away the files of its earlier title once it builds their formats, whatever it built in between', async () => {
    const { dir, talk } = await project(outline('\n        privateNotes: Only for me.'));
    expect((await build(dir)).code).toBe(0);
    await writeFile(talk, outline('\n        privateNotes: Only for me.').replace('Tea vs Coffee', 'Tea or Coffee'));
    expect((await build(dir, 'md')).code).toBe(0);
    expect((await build(dir)).code).toBe(0);
    const files = (await readdir(path.join(dir, 'out'))).filter((name) => !name.startsWith('.'));
    expect(files.sort()).toEqual(
      ['html', 'md', 'presenter.html', 'runsheet.md'].map((kind) => `tea-or-coffee.${kind}`),
    );
  });
});
