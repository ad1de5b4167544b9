/**
 * The architecture as the imports in src/ show it (issue 30): no circle, no
 * import from a lower stage to a higher one, nothing but the orchestrator
 * calling the renderers, and no private fields of zod or yaml. Imports are read
 * with TypeScript's own scanner (`import type`, re-exports and `import()`
 * included); nothing is compiled, so the file takes milliseconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/**
 * The stages from the bottom up: a module may import from its own folder and
 * from folders of lower layers only, never from a higher layer or from another
 * folder of its own layer. A new folder must be given its place here.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Shared parts that know nothing of outlines or decks: small helpers every folder may use, then the rest.
  ['shared'],
  ['diagnostics', 'text', 'i18n'],
  // Pictures as data, then the themes, whose files may name pictures.
  ['images'],
  ['theme'],
  // The pure stages, in the order a build runs them.
  ['outline'],
  ['select'],
  ['plan'],
  ['lint', 'render'],
  // Files, the browser and processes.
  ['export', 'run'],
  // The build's orchestration, then the commands, then the entry points.
  ['pipeline'],
  ['commands'],
  // The command line's flag parsers, then main, which parses it.
  ['flags.ts'],
  ['main.ts'],
  ['cli.ts'],
];

/** The one module outside render/ that calls the renderers. */
const ORCHESTRATOR = 'pipeline/compile.ts';

/** Module (relative to src/, `/`-separated) → the src/ modules it imports. */
type Graph = Map<string, string[]>;

/** The folder under src/ a module sits in, or its own name for the entry points at the root. */
function folderOf(module: string): string {
  return module.split('/')[0] ?? module;
}

function readGraph(): { graph: Graph; missing: string[] } {
  const modules = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'));
  const graph: Graph = new Map();
  const missing: string[] = [];
  for (const module of modules) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(SRC, module), 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.posix.join(path.posix.dirname(module), name).replace(/\.js$/, '.ts'));
    for (const target of targets) if (!modules.includes(target) && !target.endsWith('.json')) missing.push(target);
    graph.set(module, [...new Set(targets.filter((target) => target.endsWith('.ts')))]);
  }
  return { graph, missing };
}

/** Every circle of imports, each as the path that leads back to its start (Tarjan's strongly connected components). */
function findCircles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, index.size);
    low.set(module, index.get(module) ?? 0);
    stack.push(module);
    for (const target of graph.get(module) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) visit(target);
      if (stack.includes(target)) low.set(module, Math.min(low.get(module) ?? 0, low.get(target) ?? 0));
    }
    if (low.get(module) !== index.get(module)) return;
    const component = stack.splice(stack.indexOf(module));
    if (component.length > 1 || graph.get(module)?.includes(module)) circles.push(component.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return circles;
}

/** Imports that go up the layers or sideways between folders of one layer, as `from → to`. */
function againstTheLayers(graph: Graph, layers: readonly (readonly string[])[]): string[] {
  const layerOf = (module: string) => layers.findIndex((layer) => layer.includes(folderOf(module)));
  return [...graph].flatMap(([module, targets]) =>
    targets
      .filter((target) => folderOf(target) !== folderOf(module) && layerOf(target) >= layerOf(module))
      .map((target) => `${module} → ${target}`),
  );
}

const { graph, missing } = readGraph();

describe('the import graph of src/', () => {
  it('reads every module and resolves every relative import', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('main.ts')).toContain('commands/build.ts');
    // A type-only import and an import() count like any other.
    expect(graph.get('outline/positions.ts')).toContain('outline/parse.ts');
    expect(graph.get('main.ts')).toContain('commands/check.ts');
    expect(missing).toEqual([]);
  });

  it('gives every folder of src/ its place in the layers', () => {
    const placed = new Set(LAYERS.flat());
    expect([...new Set([...graph.keys()].map(folderOf))].filter((folder) => !placed.has(folder))).toEqual([]);
  });

  it('has no circle', () => {
    expect(findCircles(graph)).toEqual([]);
  });

  it('imports only from lower stages (and within a folder)', () => {
    expect(againstTheLayers(graph, LAYERS)).toEqual([]);
  });

  it(`calls the renderers only from render/ itself and ${ORCHESTRATOR}`, () => {
    const importers = [...graph]
      .filter(([module, targets]) => folderOf(module) !== 'render' && targets.some((t) => folderOf(t) === 'render'))
      .map(([module]) => module);
    expect(importers).toEqual([ORCHESTRATOR]);
  });

  it("reads no private field of zod or yaml (`_zod`, a parser's `stack`)", () => {
    const privateUse = [...graph.keys()].filter((module) =>
      /\b_zod\b|\bparser\.stack\b/.test(readFileSync(path.join(SRC, module), 'utf8')),
    );
    expect(privateUse).toEqual([]);
  });
});

describe("the README's map of src/", () => {
  /** Every file the README's file table names: a row's first cell is a path, then names beside it (`finding.ts`, `catalogs/*.ts`). */
  function filesInTheMap(readme: string): string[] {
    const table = readme.slice(readme.indexOf('| file | role |'));
    return table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .slice(2)
      .flatMap((row) => {
        const [first, ...beside] = [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map(([, name]) => name ?? '');
        const folder = path.posix.dirname(first ?? '');
        return [first ?? '', ...beside.map((name) => path.posix.join(folder, name))];
      });
  }

  it('names every module in src/, and none that is gone', () => {
    const named = filesInTheMap(readFileSync(path.join(SRC, '..', 'README.md'), 'utf8'));
    const modules = [...graph.keys()].map((module) => `src/${module}`);
    // `*` stands for any file name in its folder.
    const inTheMap = (module: string) =>
      named.some((name) => {
        const [head = '', tail] = name.split('*');
        if (tail === undefined) return module === name;
        return module.startsWith(head) && module.endsWith(tail) && !module.slice(head.length).includes('/');
      });
    expect(modules.filter((module) => !inTheMap(module))).toEqual([]);
    expect(named.filter((name) => !name.includes('*') && !modules.includes(name) && !name.endsWith('.json'))).toEqual(
      [],
    );
  });
});

describe('the checks themselves', () => {
  it('find a circle, however long, and only the modules on it', () => {
    const graph: Graph = new Map([
      ['outline/a.ts', ['outline/b.ts']],
      ['outline/b.ts', ['outline/c.ts', 'shared/x.ts']],
      ['outline/c.ts', ['outline/a.ts']],
      ['shared/x.ts', []],
    ]);
    expect(findCircles(graph)).toEqual([['outline/a.ts', 'outline/b.ts', 'outline/c.ts']]);
    graph.set('outline/c.ts', []);
    expect(findCircles(graph)).toEqual([]);
  });

  it('find an import up the layers and one sideways within a layer, not one down', () => {
    const graph: Graph = new Map([
      ['images/svg.ts', ['export/pptx/xml.ts', 'text/escape.ts']],
      ['lint/rules.ts', ['render/slides.ts', 'plan/deck.ts']],
      ['main.ts', ['commands/build.ts']],
    ]);
    expect(againstTheLayers(graph, LAYERS)).toEqual([
      'images/svg.ts → export/pptx/xml.ts',
      'lint/rules.ts → render/slides.ts',
    ]);
  });
});
