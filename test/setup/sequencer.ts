/**
 * The order test files start in. Vitest runs the files that took longest last time first, so
 * that the workers finish together; with no record of a last run (a fresh clone) it starts the
 * largest files first. Then the browser-backed files start first here, largest first: they are
 * the suite's longest (a slow one starting last kept one worker busy for seconds after the other
 * had finished).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const lastRun = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(root, file.moduleId)}`);
    if (sorted.every(lastRun)) return sorted;
    const browser = (file: TestSpecification) => (file.moduleId.endsWith('.browser.test.ts') ? 0 : 1);
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => browser(a.file) - browser(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}
