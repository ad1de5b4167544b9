/**
 * Child process of the markdown-generation benchmark: parse → validate →
 * compile (select, plan, render) one outline file, once cold and once warm,
 * then the parse stage's data read (js-yaml) alone for reference.
 * Prints one JSON line. Run with --expose-gc.
 *
 * Peak memory is the kernel's high-water mark of this process's resident set
 * (getrusage ru_maxrss via process.resourceUsage().maxRSS), read right after
 * the cold run, so it covers Node itself, the modules, the YAML text and
 * everything the pipeline allocated. The baseline is the RSS just before.
 */
import { readFileSync } from 'node:fs';
import { parseOutlineText, readData } from '../lib/outline/parse.js';
import { validateOutline } from '../lib/outline/validate.js';
import { compileOutline } from '../lib/pipeline/compile.js';

const file = process.argv[2];
const source = readFileSync(file, 'utf8');

function pipeline() {
  const t0 = performance.now();
  const parsed = parseOutlineText(source, 'outline.yaml');
  const t1 = performance.now();
  const validated = validateOutline(parsed);
  const t2 = performance.now();
  if (!validated.ok) {
    throw new Error(`synthetic outline is invalid: ${JSON.stringify(validated.diagnostics.slice(0, 3))}`);
  }
  const loaded = {
    outline: validated.outline,
    file: 'outline.yaml',
    documents: new Map([['outline.yaml', parsed]]),
    assets: new Map(),
    files: [],
  };
  const compiled = compileOutline(loaded);
  const t3 = performance.now();
  return {
    parse: t1 - t0,
    validate: t2 - t1,
    compile: t3 - t2,
    total: t3 - t0,
    deckSlides: compiled.deck.slides.length,
    markdownBytes: Buffer.byteLength(compiled.markdown),
  };
}

globalThis.gc?.();
const baselineRss = process.memoryUsage().rss;
const cold = pipeline();
const peakRss = process.resourceUsage().maxRSS * 1024;
globalThis.gc?.();
const warm = pipeline();
// For reference: the parse stage's data read alone (js-yaml; warm, like the pass above).
globalThis.gc?.();
const t0 = performance.now();
readData(source);
const dataReadOnly = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ cold, warm, dataReadOnly, baselineRss, peakRss })}\n`);
