/**
 * Atomic outputs: what a failed build commits (only md and html, and only when
 * there is no browser), staging folders abandoned by killed builds, and a
 * target another program holds.
 */
import { execFileSync, spawn } from 'node:child_process';
import { pbkdf2 } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { access, cp, mkdir, mkdtemp, open, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { SharedBrowser } from '../src/export/browser.js';
import { releaseAllSync } from '../src/export/owner.js';
import { diskFullError, Staging } from '../src/export/staging.js';
import { ROOT, snapshotDir } from './run-cli.js';

async function fixture(): Promise<{ dir: string; file: string; out: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-staging-test-'));
  await cp(path.join(ROOT, 'test/fixtures/golden'), dir, { recursive: true });
  return { dir, file: path.join(dir, 'every-kind.yaml'), out: path.join(dir, 'out') };
}

/** A browser whose every page fails as a full disk would, after the markdown and HTML were staged. */
class DiskFullBrowser extends SharedBrowser {
  override prepare(): void {}
  override async newPage(): Promise<never> {
    throw new VersusError('environment', 'Cannot write to the output folder: the disk is full.');
  }
}

// Each test works in a fixture folder of its own, so they run at once.
describe('atomic outputs', { concurrent: true }, () => {
  it('leaves the earlier files as they were when an environment failure other than no browser stops a build', async () => {
    const { file, out } = await fixture();
    await build(file, { outDir: out, formats: ['md', 'html'] });
    const edited = (await readFile(file, 'utf8')).replace('title: Tea vs Coffee', 'title: Tea vs Cocoa');
    await writeFile(file, edited);
    const before = await snapshotDir(out);

    const failed = await build(file, {
      outDir: out,
      formats: ['md', 'html', 'pdf'],
      browser: new DiskFullBrowser(),
    })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(VersusError);
    expect(await snapshotDir(out)).toEqual(before);
    expect((await readdir(out)).filter((n) => n.startsWith('.versus-staging'))).toEqual([]);
  });

  it('names the files it committed in the order of their names, whatever order they were written in', async () => {
    const { out } = await fixture();
    const staging = await Staging.open(out);
    for (const name of ['talk.pdf', 'talk.002.png', 'talk.md', 'talk.001.png']) await staging.write(name, name);
    const files = await staging.commit();
    expect(files).toEqual(['talk.001.png', 'talk.002.png', 'talk.md', 'talk.pdf'].map((name) => path.join(out, name)));
  });

  it('removes staging folders whose build was killed, and keeps a live build’s, also one on another host', async () => {
    const { out } = await fixture();
    await mkdir(out, { recursive: true });
    // A process that has exited: its pid is free.
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    const folders = {
      abandoned: { name: `.versus-staging-${child.pid}-abc123` },
      live: { name: `.versus-staging-${running.pid}-def456` },
      oldStyle: { name: '.versus-staging-xyz789' },
      // A container's first process is pid 1 each time: a folder of this pid that this process did not make.
      samePid: { name: `.versus-staging-${process.pid}-ghi012` },
      // A build in a container writing into this folder, whose pid this host cannot see.
      otherHost: { name: '.versus-staging-1-jkl345', owner: '1@container/pid:[4026532000]' },
      otherHostGone: { name: '.versus-staging-1-mno678', owner: '1@container/pid:[4026532000]', touched: hourAgo },
    };
    for (const { name, owner, touched } of Object.values(folders) as {
      name: string;
      owner?: string;
      touched?: Date;
    }[]) {
      const folder = path.join(out, name);
      await mkdir(folder);
      await writeFile(path.join(folder, 'talk.pdf'), 'half');
      if (owner) await writeFile(path.join(folder, '.opened'), owner);
      if (touched) await utimes(folder, touched, touched);
    }
    try {
      const staging = await Staging.open(out);
      await staging.discard();
      expect((await readdir(out)).sort()).toEqual([folders.otherHost.name, folders.live.name].sort());
    } finally {
      running.kill();
    }
  });

  it.skipIf(process.getuid?.() !== 0)(
    'says which file it cannot replace and what to do, instead of an internal error',
    async () => {
      const { out } = await fixture();
      // A folder where the file should go stands in for a file another program holds open.
      await mkdir(path.join(out, 'talk.md', 'inside'), { recursive: true });
      const staging = await Staging.open(out);
      await staging.write('talk.md', '# talk');
      const error = await staging.commit().catch((e: unknown) => e);
      await staging.discard();
      expect(error).toBeInstanceOf(VersusError);
      expect((error as VersusError).kind).toBe('environment');
      expect((error as VersusError).message).toBe(
        `Cannot replace ${path.join(out, 'talk.md')}: a folder is in the way.`,
      );
    },
  );
});

describe('a build stopped by a full disk', () => {
  it('is told as a full disk wherever it was writing, a browser’s error among the causes too', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const fromBrowser = new VersusError('environment', 'The browser failed while exporting', { cause: enospc });
    for (const error of [enospc, fromBrowser, new Error('Protocol error: ENOSPC')]) {
      expect(diskFullError(error, '/out')).toMatchObject({
        kind: 'environment',
        message: 'Cannot write to the output folder /out: the disk is full.',
        hint: 'Free some space and build again.',
      });
    }
    expect(diskFullError(new Error('EACCES'), '/out')).toBeUndefined();
  });

  it('leaves no staging folder: an export that finishes after the build gave up writes nothing', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-discarded-'));
    const staging = await Staging.open(out);
    await staging.discard();
    await staging.write('late/talk.handout.pdf', 'printed too late');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('a completely full disk', () => {
  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)(
    'leaves no staging folder behind when even its marker cannot be written',
    async (context) => {
      const out = await mkdtemp(path.join(tmpdir(), 'versus-full-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', out], { stdio: 'ignore' });
      } catch {
        return context.skip('cannot mount a tmpfs here');
      }
      try {
        // Filled to the last block: a file as large as the disk, which is cut off there.
        await writeFile(path.join(out, 'filler'), Buffer.alloc(128 * 1024)).catch(() => {});
        const error = await Staging.open(out).catch((e: unknown) => e);
        expect(error).toMatchObject({
          kind: 'environment',
          message: `Cannot write to the output folder ${out}: the disk is full.`,
        });
        expect(await readdir(out)).toEqual(['filler']);
      } finally {
        execFileSync('umount', [out]);
        rmSync(out, { recursive: true, force: true });
      }
    },
  );
});

describe('an output folder removed while the build writes into it', () => {
  it('is told as such, not as an internal error, and the staging folder is never made again', async () => {
    const { file, out } = await fixture();
    let removed = false;
    const built = build(file, {
      outDir: out,
      formats: ['md', 'html', 'runsheet'],
      // The first step after staging opened: `rm -rf dist` in another terminal.
      onProgress: () => {
        if (!removed) rmSync(out, { recursive: true, force: true });
        removed = true;
      },
    });
    await expect(built).rejects.toThrow(`The output folder ${out} was removed while the build wrote into it.`);
    expect(removed).toBe(true);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('is told, naming the file, when a file took its place (rm -rf dist; echo x > dist): no internal error', async () => {
    const { file, out } = await fixture();
    let replaced = false;
    const built = build(file, {
      outDir: out,
      formats: ['md', 'html', 'runsheet'],
      onProgress: () => {
        if (!replaced) {
          rmSync(out, { recursive: true, force: true });
          writeFileSync(out, 'in the way\n');
        }
        replaced = true;
      },
    });
    await expect(built).rejects.toMatchObject({
      kind: 'environment',
      message: `The output folder ${out} was replaced by a file while the build wrote into it.`,
      hint: `Move the file ${out} away (a folder is needed there), and build again.`,
    });
    expect(replaced).toBe(true);
  });

  it('never makes the staging folder again for a write that was under way when it went', async () => {
    const { out } = await fixture();
    const staging = await Staging.open(out);
    // Every thread of libuv's pool busy first, so the write's folder is made only after the removal.
    const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    const busy = Array.from({ length: threads }, () => promisify(pbkdf2)('x', 'y', 200_000, 32, 'sha256'));
    const written = staging.write('talk.slides/1.png', 'late').catch((error: Error) => error.message);
    rmSync(staging.dir, { recursive: true, force: true });
    await Promise.all(busy);
    expect(await written).toContain('was removed while the build wrote into it');
    expect(await readdir(out)).toEqual([]);
  });

  it('is told when a tool wrote into a staging folder of the same name made again', async () => {
    const { out } = await fixture();
    const staging = await Staging.open(out);
    await staging.write('talk.md', 'x');
    expect(staging.removedError(new Error('any'))).toBeUndefined();
    rmSync(out, { recursive: true, force: true });
    await mkdir(staging.dir, { recursive: true });
    expect(staging.removedError(new Error('ENOENT'))?.message).toContain('was removed while the build wrote into it');
    await expect(staging.write('talk.html', 'y')).rejects.toThrow('was removed while the build wrote into it');
    await staging.discard();
  });
});

/**
 * Keeps one of libuv's threads busy until `free` is called: opening a FIFO for reading waits
 * for a writer. What is queued after it waits too, as an operation waits for a free thread.
 */
function holdThread(fifos: string, name: string): { free: () => void; freed: Promise<void> } {
  const fifo = path.join(fifos, name);
  execFileSync('mkfifo', [fifo]);
  const opened = open(fifo, 'r');
  return {
    free: () => closeSync(openSync(fifo, 'w')),
    // Closing takes a thread too.
    freed: opened.then((handle) => handle.close()),
  };
}

describe.skipIf(process.platform === 'win32')('a signal while the build opens its staging folder', () => {
  it('leaves no staging folder: none is being made in the thread pool when the handler gives back what the build holds', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'versus-signal-'));
    const fifos = await mkdtemp(path.join(tmpdir(), 'versus-fifos-'));
    const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    const busy = Array.from({ length: threads }, (_, n) => holdThread(fifos, `busy${n}`));
    const opening = Staging.open(out);
    // One thread freed looks at the output folder for `open`, then at it for the test, and waits again:
    // when the test's look is done, `open` has gone on as far as it can without the thread pool.
    const looked = access(out);
    const again = holdThread(fifos, 'again');
    busy[0]?.free();
    await looked;
    // What the SIGTERM handler does (cli.ts), before the process exits.
    releaseAllSync();
    for (const thread of [...busy.slice(1), again]) thread.free();
    await Promise.all([...busy, again].map((thread) => thread.freed));
    const staging = await opening;
    try {
      expect(await readdir(out)).toEqual([]);
    } finally {
      await staging.discard();
    }
  });
});
