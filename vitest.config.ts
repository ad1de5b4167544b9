import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirst from './test/setup/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // compile.ts builds lib/ when src/ is newer; shared-builds.ts gives the run a folder for the builds
    // several files read (test/shared-builds.ts).
    globalSetup: ['test/setup/compile.ts', 'test/setup/shared-builds.ts'],
    // Vitest keeps a core free by default, which leaves one worker on a 2-core machine; the
    // browser-backed files spend much of their time waiting on Chromium, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // The built CLI and its bundle chunks run as Node runs them: passing megabytes of bundle
    // through Vite's transforms took seconds per test file that imports lib/. So does pptxgenjs:
    // Vite inlines a package whose ESM build is a `.js` file without `"type": "module"`, and
    // transforming its 0.5 MB took 1.5 s of a fresh clone's run.
    server: { deps: { external: [/\/lib\//, /\/node_modules\/pptxgenjs\//] } },
    // Test files share each worker's modules instead of loading src/ afresh for each file: a
    // third of the suite's time. What versus keeps at module level answers the same whoever filled it:
    // bounded memos of pure functions (shared/memo.ts: line counts, number formats, word segmenters,
    // labels; the font width tables, one per face) and its own identity (pipeline/up-to-date.ts).
    // No test mocks modules.
    isolate: false,
    // The tests allocate in bulk (decoded 2560×1440 images, PDFs, whole outputs): with V8's default
    // 16 MB young generation a worker spent an eighth of its CPU time in the garbage collector.
    // 64 MB takes about a tenth off the image tests' CPU time for some 100 MB more per worker.
    execArgv: ['--max-semi-space-size=64'],
    // Transformed test and src/ modules are kept on disk between runs (keyed by their content):
    // a run then spends no time transforming what has not changed.
    experimental: { fsModuleCache: true },
    // With no record of a last run (a fresh clone), the browser-backed files start first (test/setup/sequencer.ts).
    sequence: { sequencer: SlowFirst },
    // Browser-backed tests launch Chromium and print PDFs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
