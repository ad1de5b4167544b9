/** Outlines written into temporary folders, and positions of text inside them, for tests that read real files. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A temporary folder for this test file, removed after its tests; `write`
 * puts a file in it and returns its path.
 */
export function tempFolder(prefix: string) {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    /** A new empty folder. */
    async dir(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), `versus-${prefix}-`));
      made.push(dir);
      return dir;
    },
    /** Writes `text` as `name` into a new folder; returns the file's path. */
    async write(name: string, text: string): Promise<string> {
      const file = path.join(await this.dir(), name);
      await writeFile(file, text);
      return file;
    },
  };
}

/**
 * The 1-based line and column where `needle` first occurs in `text` (after
 * `after`, when given): what a finding about that spot should print.
 */
export function positionIn(text: string, needle: string, after?: string): { line: number; col: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  const offset = text.indexOf(needle, from < 0 ? 0 : from);
  if (from < 0 || offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}
