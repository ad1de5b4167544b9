/**
 * A folder for the builds several test files read (test/shared-builds.ts), one per `vitest run`,
 * given to the workers as `inject('sharedBuilds')` and removed after the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedBuilds: string;
  }
}

export default async function sharedBuilds(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-shared-builds-'));
  project.provide('sharedBuilds', dir);
  return () => rm(dir, { recursive: true, force: true });
}
