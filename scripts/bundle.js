/**
 * Bundles the CLI after tsc has compiled src/ into lib/: lib/cli.js becomes one
 * entry with shared chunks beside it. A build then reads about 80 JavaScript files
 * instead of 1,100, and takes about a sixth less time on Node 20 (README, Performance).
 * tsc's other files in lib/ stay for the benchmarks.
 *
 * marp-cli stays outside the bundle: it is a bundle itself and reads its templates
 * from its own folder. It converts with lib/export/marp-engine.js, a second entry
 * point, so that it shares the bundle's marp-core instead of loading another copy.
 * src/shared/package-root.ts finds the package's folder from any chunk.
 */
import { readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * Packages that dependencies load on every run but that versus never uses, replaced by
 * stand-ins whose error names what is missing if anything ever does use them.
 *
 * - MathJax and KaTeX: marp-core loads them (3 MB, half of its bundle) whether or not
 *   a deck has math, and versus turns math off (MARP_OPTIONS) so that `$` in outline
 *   text stays text. Saves a tenth of a second per build. Were math turned on, MathJax
 *   rendering would throw the stand-in's error; marp-core prints it for KaTeX and shows
 *   the formula's source.
 * - proxy-agent: puppeteer-core loads it (with a JavaScript engine for PAC files, an FTP
 *   client and more: 1.7 MB) for downloading browsers, and versus never downloads one.
 *   Saves 0.06 s per build.
 */
const standIns = {
  name: 'stand-ins',
  setup(bundler) {
    const error = (path, why) => JSON.stringify(`versus is bundled without ${path}: ${why}`);
    bundler.onResolve({ filter: /^(mathjax-full|katex)(\/|$)/ }, ({ path }) =>
      path === 'katex/package.json' ? undefined : { path, namespace: 'without-math' },
    );
    // Required by marp-core (CommonJS): fail on first use of anything in the module.
    bundler.onLoad({ filter: /.*/, namespace: 'without-math' }, ({ path }) => ({
      contents: `module.exports = new Proxy({}, {
        get(target, key) {
          if (key === '__esModule' || typeof key === 'symbol') return undefined;
          throw new Error(${error(path, 'math is off (MARP_OPTIONS.math is false).')});
        },
      });`,
      loader: 'js',
    }));
    bundler.onResolve({ filter: /^proxy-agent$/ }, ({ path }) => ({ path, namespace: 'without-downloads' }));
    // Imported by name by @puppeteer/browsers (ES module).
    bundler.onLoad({ filter: /.*/, namespace: 'without-downloads' }, ({ path }) => ({
      contents: `export class ProxyAgent {
        constructor() {
          throw new Error(${error(path, "versus uses the system's browser and never downloads one.")});
        }
      }`,
      loader: 'js',
    }));
  },
};

// Chunk names change with their content: remove the previous build's.
for (const file of await readdir('lib')) if (file.startsWith('chunk-')) await rm(`lib/${file}`);

await build({
  entryPoints: {
    cli: 'src/cli.ts',
    'export/marp-engine': 'src/export/marp-engine.ts',
    'export/rasterize-worker': 'src/export/rasterize-worker.ts',
  },
  outdir: 'lib',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'bundle',
  // A package's ES module build where it has one: code split into chunks gets no named
  // exports from a CommonJS module that it import()s (pdf-lib, loaded only when needed).
  mainFields: ['module', 'main'],
  // resvg and sharp load a native binary for the platform they run on (an SVG picture's PNG fallback in
  // the PPTX; pictures larger than they are shown).
  external: ['@marp-team/marp-cli', '@resvg/resvg-js', 'sharp'],
  // Bundled CommonJS packages require() Node's own modules, and an ES module has no require.
  banner: {
    js: "import { createRequire as __versusRequire } from 'node:module'; const require = __versusRequire(import.meta.url);",
  },
  plugins: [standIns],
  // Whitespace and syntax only: names stay, so stack traces still say which function; with the
  // maps beside the files (`node --enable-source-maps`), lines too. The package leaves the maps out.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
