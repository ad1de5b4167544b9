/**
 * Atomic output: every file is written into a staging folder inside the
 * output folder, then renamed into place. A build that fails before
 * `commit` leaves the previous outputs exactly as they were.
 */
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class Staging {
  private readonly staged: string[] = [];

  private constructor(
    readonly outDir: string,
    readonly dir: string,
  ) {}

  static async open(outDir: string): Promise<Staging> {
    await mkdir(outDir, { recursive: true });
    const dir = await mkdtemp(path.join(outDir, '.versus-staging-'));
    liveStagingDirs.add(dir);
    return new Staging(outDir, dir);
  }

  /** Path of `name` inside the staging folder (for tools that write files themselves). */
  pathOf(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes `name`; with `output: false` it is a working file that is never moved into place. */
  async write(name: string, content: string | Uint8Array, { output = true } = {}): Promise<string> {
    const file = this.pathOf(name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return output ? this.add(name) : file;
  }

  async copy(from: string, name: string): Promise<string> {
    const file = this.pathOf(name);
    await mkdir(path.dirname(file), { recursive: true });
    await copyFile(from, file);
    return this.add(name);
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
      await mkdir(path.dirname(target), { recursive: true });
      await rename(this.pathOf(name), target);
      moved.push(target);
    }
    return moved;
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    liveStagingDirs.delete(this.dir);
  }
}

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
