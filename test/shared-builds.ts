/**
 * Builds that several test files read, made once per test run: the workshop kit's talks,
 * whose every output the audience test reads and whose printed pages the print-pages test
 * reads. The first worker to ask builds a talk into the run's folder (test/setup/shared-builds.ts);
 * a worker that asks meanwhile waits for that build instead of making its own, and a file
 * that asks again in the same worker gets the same promise.
 */
import { watch } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { build } from '../src/commands/build.js';
import { loadOutline } from '../src/outline/load.js';
import { type Compiled, compileOutline } from '../src/pipeline/compile.js';
import type { Format } from '../src/pipeline/formats.js';
import { themeFor } from '../src/theme/resolve.js';
import { sharedBrowser } from './browser.js';
import { ROOT } from './run-cli.js';

/** Every format but the slide images (captures of what the slide PDF prints). */
export const KIT_FORMATS: Format[] = ['md', 'html', 'pdf', 'handout', 'script', 'notebook', 'pptx', 'runsheet'];

export interface SharedTalk {
  /** The folder the build wrote; tests only read it. */
  outDir: string;
  /** The talk as the build compiled it. */
  compiled: Compiled;
}

const inThisWorker = new Map<string, Promise<SharedTalk>>();

/** The talk built once in every format of `KIT_FORMATS` (with `profile`), for every test file that asks. */
export function sharedBuild(file: string, profile?: string): Promise<SharedTalk> {
  const key = `${path.relative(ROOT, file).replace(/[^\w.-]+/g, '_')}${profile ? `.${profile}` : ''}`;
  let talk = inThisWorker.get(key);
  if (!talk) {
    talk = buildOnce(key, file, profile);
    inThisWorker.set(key, talk);
  }
  return talk;
}

async function buildOnce(key: string, file: string, profile: string | undefined): Promise<SharedTalk> {
  const dir = path.join(inject('sharedBuilds'), key);
  const outDir = path.join(dir, 'out');
  const done = path.join(dir, 'done');
  const mine = await mkdir(dir).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
  if (mine) {
    let status = 'built';
    try {
      const options = { outDir, formats: KIT_FORMATS, ...(profile ? { profile } : {}) };
      const { compiled } = await build(file, { ...options, browser: sharedBrowser() });
      return { outDir, compiled };
    } catch (error) {
      status = `failed: ${(error as Error).message}`;
      throw error;
    } finally {
      // Renamed into place whole: a waiting worker never reads half of it.
      await writeFile(`${done}.tmp`, status);
      await rename(`${done}.tmp`, done);
    }
  }
  const status = await contentOnceWritten(done);
  if (status !== 'built') throw new Error(`${file} was not built in the worker that built it: ${status}`);
  // Compiled as the build compiles it: the same outline, theme and profile give the same deck.
  const loaded = await loadOutline(file);
  const theme = await themeFor(loaded.outline, { baseDir: process.cwd() });
  return { outDir, compiled: compileOutline(loaded, { ...(profile ? { profile } : {}), theme: theme.name }) };
}

/** A file's text once it exists: watched from before the first look, so that its arrival is never missed. */
function contentOnceWritten(file: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(path.dirname(file), () => look());
    const look = () =>
      readFile(file, 'utf8').then(
        (text) => {
          watcher.close();
          resolve(text);
        },
        () => {},
      );
    look();
  });
}
