/**
 * Atomic output: every file is written into a staging folder inside the
 * output folder, then renamed into place. A build that fails before
 * `commit` leaves the previous outputs exactly as they were.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VersusError } from '../diagnostics/diagnostics.js';
import { folderProblem, makeFolder } from '../shared/make-folder.js';
import { commitAll, recoverOutputFolder, STAGING_OWNER, STAGING_PREFIX } from './commit.js';
import { hold, OWNER, release } from './owner.js';

export class Staging {
  private readonly staged: string[] = [];
  /** Once discarded, an export still finishing writes nothing: its folder stays gone. */
  private discarded = false;

  private constructor(
    readonly outDir: string,
    readonly dir: string,
  ) {}

  static async open(outDir: string): Promise<Staging> {
    let dir: string | undefined;
    try {
      await makeFolder(outDir);
      await recoverOutputFolder(outDir);
      // Made and held in one step: an mkdtemp under way in libuv's thread pool when a signal's
      // handler gave back what this process held would make the folder after it, to be left behind.
      dir = mkdtempSync(path.join(outDir, `${STAGING_PREFIX}${process.pid}-`));
      hold(dir);
      // Marks the folder as this build's (one of its name made again by a tool writing into it has
      // none), and says whose it is to builds on other hosts (see owner.ts).
      writeFileSync(path.join(dir, STAGING_OWNER), OWNER);
      return new Staging(outDir, dir);
    } catch (error) {
      // A full disk takes the folder's marker (an empty file is left): the folder goes with it.
      if (dir) {
        rmSync(dir, { recursive: true, force: true });
        release(dir);
      }
      throw outputError(error, outDir);
    }
  }

  /** Path of `name` inside the staging folder (for tools that write files themselves). */
  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  /**
   * Writes `name`; with `output: false` it is a working file that is never moved into place. An
   * `executable` file (a script with a `#!` line) gets mode 0755, which the commit's rename keeps.
   */
  async write(name: string, content: string | Uint8Array, { output = true, executable = false } = {}): Promise<string> {
    const file = await this.place(name, async (file) => {
      await writeFile(file, content);
      // Set whole, not through the umask: `./01-check.sh` runs for whoever has the kit.
      if (executable) await chmod(file, 0o755);
    });
    return output ? this.add(name) : file;
  }

  /** Creates `name`'s folder and the file itself with `put`; a full disk or a locked folder becomes an environment error. */
  private async place(name: string, put: (file: string) => Promise<void>): Promise<string> {
    const file = this.pathOf(name);
    if (this.discarded) return file;
    // Never made again once gone: what it held is lost, and the build must say so (removedError).
    if (this.removed()) throw this.removedError(new Error(`${this.dir} is gone`));
    try {
      await makeFoldersIn(this.dir, path.dirname(name));
      await put(file);
    } catch (error) {
      throw this.removedError(error) ?? outputError(error, this.outDir);
    }
    return file;
  }

  /** Every output staged so far: its name in the output folder, and the staged file. */
  outputs(): [string, string][] {
    return this.staged.map((name) => [name, this.pathOf(name)]);
  }

  /** Marks a file a tool wrote at `pathOf(name)` as an output. */
  add(name: string): string {
    this.staged.push(name);
    return path.join(this.outDir, name);
  }

  /**
   * Moves every staged file into the output folder, and takes away the files `prepare` returns
   * (the previous build's that this one did not write), all at once: see commit.ts. `prepare` runs
   * under the folder's lock, when no other build commits into it, and may stage more (the build
   * record). Returns the new files' paths in the order of their names (staged as each export
   * finished, the slide images would interleave with the rest).
   */
  async commit(prepare: () => Promise<readonly string[]> = async () => []): Promise<string[]> {
    const files = await commitAll(this.outDir, async () => {
      const remove = await prepare();
      return { stagingDir: this.dir, names: this.staged.splice(0), remove };
    });
    return files.sort();
  }

  /**
   * When the staging folder is gone (the output folder removed, or emptied, while the build
   * wrote into it), what to tell instead of the error it caused; undefined otherwise.
   */
  removedError(error: unknown): VersusError | undefined {
    if (this.discarded || !this.removed()) return undefined;
    // `rm -rf dist; echo x > dist` while it builds: a file now stands where the folder was.
    if (statSync(this.outDir, { throwIfNoEntry: false })?.isFile()) {
      return new VersusError(
        'environment',
        `The output folder ${this.outDir} was replaced by a file while the build wrote into it.`,
        { hint: `Move the file ${this.outDir} away (a folder is needed there), and build again.`, cause: error },
      );
    }
    return new VersusError(
      'environment',
      `The output folder ${this.outDir} was removed while the build wrote into it.`,
      {
        hint: 'Build again.',
        cause: error,
      },
    );
  }

  private removed(): boolean {
    return !existsSync(path.join(this.dir, STAGING_OWNER));
  }

  async discard(): Promise<void> {
    this.discarded = true;
    // Retried: an export that failed may still be finishing a write into the folder (ENOTEMPTY).
    await rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }).catch(
      (error: NodeJS.ErrnoException) => {
        // The output folder replaced by a file: no folder is left inside it to take away.
        if (error.code !== 'ENOTDIR') throw error;
      },
    );
    release(this.dir);
  }
}

/**
 * Makes the folders of `relative` inside `dir`, one level at a time and never `dir` itself: a
 * write still under way when a stopped build's staging folder was removed must not make it again
 * (`mkdir -p` would), to be left behind once the process has exited.
 */
async function makeFoldersIn(dir: string, relative: string): Promise<void> {
  let folder = dir;
  for (const level of relative === '.' ? [] : relative.split(path.sep)) {
    folder = path.join(folder, level);
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * A build stopped by a full disk wherever it was writing (the HTML, a browser's PDF, the commit's
 * journal): the user's to fix, told as a staged write that fails for it is. Undefined for any other failure.
 */
export function diskFullError(error: unknown, outDir: string): VersusError | undefined {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    // A browser names the error in its message only.
    const named = cause instanceof Error && /\bENOSPC\b/.test(cause.message) ? 'ENOSPC' : undefined;
    const code = (cause as NodeJS.ErrnoException).code ?? named;
    const reason = folderProblem({ code });
    if (reason && (code === 'ENOSPC' || code === 'EDQUOT')) return cannotWrite(reason, outDir, error);
  }
  return undefined;
}

/** What to do about each reason a folder cannot be written (see make-folder.ts); the rest: choose another. */
const OUTPUT_HINTS: Record<string, string> = {
  'a file is in the way': 'Point --out at a folder; it is created when missing.',
  'the disk is full': 'Free some space and build again.',
  'the disk quota is used up': 'Free some space and build again.',
};

/** A folder the build cannot write to is the user's to fix, not an internal error. */
function outputError(error: unknown, outDir: string): unknown {
  const reason = folderProblem(error);
  return reason ? cannotWrite(reason, outDir, error) : error;
}

function cannotWrite(reason: string, outDir: string, cause: unknown): VersusError {
  return new VersusError('environment', `Cannot write to the output folder ${outDir}: ${reason}.`, {
    hint:
      OUTPUT_HINTS[reason] ??
      (reason.includes('symbolic link')
        ? 'Make the folder the link points to, or remove the link: --out makes a missing folder.'
        : 'Choose a folder you can write to with --out.'),
    cause,
  });
}
