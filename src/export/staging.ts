/**
 * Atomic output: every file is written into a staging folder inside the
 * output folder, then renamed into place. A build that fails before
 * `commit` leaves the previous outputs exactly as they were.
 */
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VersusError } from '../diagnostics.js';

export class Staging {
  private readonly staged: string[] = [];

  private constructor(
    readonly outDir: string,
    readonly dir: string,
  ) {}

  static async open(outDir: string): Promise<Staging> {
    try {
      await mkdir(outDir, { recursive: true });
      await removeAbandoned(outDir);
      const dir = await mkdtemp(path.join(outDir, `${STAGING_PREFIX}${process.pid}-`));
      liveStagingDirs.add(dir);
      return new Staging(outDir, dir);
    } catch (error) {
      throw outputError(error, outDir);
    }
  }

  /** Path of `name` inside the staging folder (for tools that write files themselves). */
  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes `name`; with `output: false` it is a working file that is never moved into place. */
  async write(name: string, content: string | Uint8Array, { output = true } = {}): Promise<string> {
    const file = await this.place(name, (file) => writeFile(file, content));
    return output ? this.add(name) : file;
  }

  async copy(from: string, name: string): Promise<string> {
    await this.place(name, (file) => copyFile(from, file));
    return this.add(name);
  }

  /** Creates `name`'s folder and the file itself with `put`; a full disk or a locked folder becomes an environment error. */
  private async place(name: string, put: (file: string) => Promise<void>): Promise<string> {
    const file = this.pathOf(name);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await put(file);
    } catch (error) {
      throw outputError(error, this.outDir);
    }
    return file;
  }

  /** Marks a file a tool wrote at `pathOf(name)` as an output. */
  add(name: string): string {
    this.staged.push(name);
    return path.join(this.outDir, name);
  }

  /** Renames every staged file into the output folder; returns their final paths. */
  async commit(): Promise<string[]> {
    const moved: string[] = [];
    for (const name of this.staged.splice(0)) {
      const target = path.join(this.outDir, name);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await renameWithRetry(this.pathOf(name), target);
      } catch (error) {
        throw commitError(error, target);
      }
      moved.push(target);
    }
    return moved;
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    liveStagingDirs.delete(this.dir);
  }
}

const FILE_IN_THE_WAY = {
  reason: 'a file is in the way',
  hint: 'Point --out at a folder; it is created when missing.',
};
const PERMISSION_DENIED = { reason: 'permission denied', hint: 'Choose a folder you can write to with --out.' };
const OUTPUT_PROBLEMS: Record<string, { reason: string; hint: string }> = {
  EEXIST: FILE_IN_THE_WAY,
  ENOTDIR: FILE_IN_THE_WAY,
  EACCES: PERMISSION_DENIED,
  EPERM: PERMISSION_DENIED,
  EROFS: { reason: 'the file system is read-only', hint: 'Choose a writable folder with --out.' },
  ENOSPC: { reason: 'the disk is full', hint: 'Free some space and build again.' },
};

/** A folder the build cannot write to is the user's to fix, not an internal error. */
function outputError(error: unknown, outDir: string): unknown {
  const problem = OUTPUT_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
  if (!problem) return error;
  return new VersusError(
    'environment',
    `Cannot write to the output folder ${outDir}: ${problem.reason}.`,
    [],
    problem.hint,
  );
}

const STAGING_PREFIX = '.versus-staging-';

/**
 * Removes staging folders that a build killed outright (SIGKILL, a power cut)
 * left behind: those whose process is gone. A live build's folder stays.
 */
async function removeAbandoned(outDir: string): Promise<void> {
  for (const entry of await readdir(outDir)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(/^\.versus-staging-(\d+)-/.exec(entry)?.[1]);
    if (pid && isAlive(pid)) continue;
    await rm(path.join(outDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Codes of a file that another program holds open for a moment (Windows, antivirus, an indexer). */
const BUSY = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_TRIES = 10;

/** `rename`, tried again for about a second while the target is busy, as write-file-atomic does. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (error) {
      if (!BUSY.has((error as NodeJS.ErrnoException).code ?? '') || attempt >= RENAME_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** A file that cannot be replaced is the user's to free, not an internal error. */
function commitError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const problem = BUSY.has(code)
    ? {
        reason: `another program holds it open, or it is read-only (${code})`,
        hint: 'Close it (a PDF viewer on Windows locks the file it shows), or make it writable, and build again.',
      }
    : COMMIT_PROBLEMS[code];
  return problem
    ? new VersusError('environment', `Cannot replace ${target}: ${problem.reason}.`, [], problem.hint)
    : error;
}

const COMMIT_PROBLEMS: Record<string, { reason: string; hint: string }> = {
  ...OUTPUT_PROBLEMS,
  EISDIR: { reason: 'a folder is in the way', hint: 'Move or rename that folder and build again.' },
  ENOTEMPTY: { reason: 'a folder is in the way', hint: 'Move or rename that folder and build again.' },
};

/** Staging folders not yet discarded, so an interrupted process can clean up. */
const liveStagingDirs = new Set<string>();

/**
 * For signal handlers: removes every staging folder synchronously, so no
 * pending write can recreate one before the process exits.
 */
export function discardAllStagingSync(): void {
  for (const dir of liveStagingDirs) rmSync(dir, { recursive: true, force: true });
  liveStagingDirs.clear();
}
