/**
 * The invalid-input corpus: every bad outline makes `versus build` exit 1 with
 * exactly the expected diagnostics, and leaves the output folder as it was.
 *
 * A case is `test/fixtures/invalid/<case>.yaml` beside `<case>.expected`: the
 * diagnostic lines the CLI prints, without hints, file names relative to the
 * case's folder (rewrite them with `npx vitest run test/invalid-corpus.test.ts -u`,
 * then read the diff). A first line `# args: …` adds build options. Files
 * whose name starts with `_` are not cases but outlines that cases extend.
 * Inputs that cannot be committed (binary, huge, deeply nested) are generated
 * into a temp folder from GENERATED below. The cases are built in batches,
 * one CLI run per set of arguments, and each case reads its own lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { loadOutline } from '../src/outline/load.js';
import { parseOutlineText } from '../src/outline/parse.js';
import { ROOT, snapshotDir, versusInProcess as versus } from './run-cli.js';

const CORPUS = path.join(ROOT, 'test/fixtures/invalid');
/** A valid talk built once; its outputs are what every failed build must leave alone. */
const PREVIOUS = path.join(ROOT, 'test/fixtures/golden/every-kind.yaml');
const DIAGNOSTIC_LINE = /^(.+?:\d+:\d+|\S+\.ya?ml|--[a-z-]+ .*?) error\[[a-z-]+\]: /;
/** The first line of a code frame: the line's number and text. */
const FRAME_LINE = /^ +\d+ \| /;

const CASES = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
  .sort();

/** Rest of a valid outline, for generated cases that break only their first lines. */
const VALID_REST = `contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
      - { kind: bullets, title: What they are, bullets: [Tea is steeped leaves] }
`;

interface Generated {
  name: string;
  file: string;
  /** Contents of `file`, or a function that creates it; absent for a missing file. */
  contents?: string | Buffer | ((file: string) => Promise<void>);
  expected: string[];
  skip?: boolean;
}

const MB = 2 ** 20;
const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
const NESTING = 'error[yaml-syntax]: lists and mappings are nested more than 100 levels deep';

const GENERATED: Generated[] = [
  {
    name: 'Latin-1 text',
    file: 'latin1.yaml',
    contents: Buffer.concat([
      Buffer.from('title: Tea vs Coffee\nsubtitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]),
    expected: ['latin1.yaml:2:14 error[unreadable]: is not UTF-8 text: byte 0xe9 cannot be read'],
  },
  {
    name: 'binary content (a PNG)',
    file: 'picture.yaml',
    contents: Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'),
    expected: ['picture.yaml:1:1 error[unreadable]: is not UTF-8 text: byte 0x89 cannot be read'],
  },
  {
    name: 'NUL bytes in UTF-8 text',
    file: 'nul.yaml',
    contents: `title: Tea\0 vs Coffee\n${VALID_REST}`,
    expected: [
      'nul.yaml:1:8 error[invalid-value]: "title": contains a control character that cannot be shown on a slide; got "Tea\\u0000 vs Coffee"',
    ],
  },
  {
    // U+009B starts a terminal command (8-bit CSI): shown escaped, never sent to the terminal.
    name: 'a C1 control character in a title',
    file: 'csi.yaml',
    contents: `title: "Tea \\x9B31m vs Coffee"\n${VALID_REST}`,
    expected: [
      'csi.yaml:1:8 error[invalid-value]: "title": contains a control character that cannot be shown on a slide; got "Tea \\u009b31m vs Coffee"',
    ],
  },
  {
    name: 'a noncharacter written as it is in a title',
    file: 'nonchar.yaml',
    contents: `title: Tea \uffff vs Coffee\n${VALID_REST}`,
    expected: [
      'nonchar.yaml:1:8 error[invalid-value]: "title": contains a control character that cannot be shown on a slide; got "Tea \\uffff vs Coffee"',
    ],
  },
  {
    name: 'a missing outline file',
    file: 'missing.yaml',
    expected: ['missing.yaml error[not-found]: no such file'],
  },
  {
    name: 'a folder',
    file: 'folder.yaml',
    contents: (file) => mkdir(file),
    expected: ['folder.yaml error[unreadable]: "folder.yaml" is a folder, not an outline file'],
  },
  {
    name: 'an unreadable file',
    file: 'locked.yaml',
    contents: (file) => writeFile(file, `title: Tea vs Coffee\n${VALID_REST}`, { mode: 0o000 }),
    expected: ['locked.yaml error[unreadable]: "locked.yaml" cannot be read: permission denied'],
    // root reads it anyway
    skip: process.getuid?.() === 0,
  },
  {
    name: '10,000 nested flow lists',
    file: 'deep-flow.yaml',
    contents: `title: x\nsections: ${nested(10_000, '[', ']')}\n`,
    expected: [`deep-flow.yaml:2:110 ${NESTING}`],
  },
  {
    name: '10,000 nested block lists',
    file: 'deep-block.yaml',
    contents: `title: x\nsections:\n  ${'- '.repeat(10_000)}x\n`,
    expected: [`deep-block.yaml:3:201 ${NESTING}`],
  },
  {
    name: '1,000 nested mappings',
    file: 'deep-map.yaml',
    contents: `title: x\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n`,
    expected: [`deep-map.yaml:102:101 ${NESTING}`],
  },
  {
    name: 'a 20 MB file',
    file: 'huge.yaml',
    contents: Buffer.alloc(20 * MB, '# padding\n'),
    expected: ['huge.yaml error[unreadable]: "huge.yaml" is 20.0 MB; outlines are limited to 5 MB'],
  },
  {
    name: 'a file one byte over 5 MB',
    file: 'just-over.yaml',
    contents: Buffer.alloc(5 * MB + 1, '# padding\n'),
    expected: ['just-over.yaml error[unreadable]: "just-over.yaml" is 5.1 MB; outlines are limited to 5 MB'],
  },
];

/** The `file:line:col error[code]: message` lines of stderr, with `dir/` taken off absolute paths. */
function diagnosticLines(stderr: string, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => DIAGNOSTIC_LINE.test(line))
    .map((line) => (line.startsWith(dir + path.sep) ? line.slice(dir.length + 1) : line));
}

let scratch: string;
let previous: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'versus-invalid-'));
  previous = path.join(scratch, 'previous');
  const built = await versus(['build', PREVIOUS, '--out', previous, '--formats', 'md,html']);
  expect(built.code, built.stderr).toBe(0);
  await writeFile(path.join(previous, 'keep-me.txt'), 'not made by versus');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Builds `files` (in `cwd`) as one batch into a copy of the previous outputs, and
 * checks the failure contract for each: exit 1, nothing on stdout, each named as
 * failed with "nothing was written", the output folder byte for byte as it was,
 * no staging folder left beside it. Returns each file's diagnostic lines.
 */
async function buildFails(files: string[], args: string[], cwd: string): Promise<Map<string, string[]>> {
  const parent = await mkdtemp(path.join(scratch, 'run-'));
  const out = path.join(parent, 'out');
  await cp(previous, out, { recursive: true });
  const before = await snapshotDir(out);

  const run = await versus(['build', ...files, ...args, '--out', out], { cwd });

  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.match(/nothing was written/g)).toHaveLength(files.length);
  expect(run.stderr.match(/^hint: /gm)).toHaveLength(files.length);
  expect(await snapshotDir(out)).toEqual(before);
  expect(await readdir(parent)).toEqual(['out']);
  // A batch names each failed talk ("✗ file") before its problems; a single build does not.
  const lines = new Map<string, string[]>(files.length === 1 ? [[files[0] as string, []]] : []);
  let current = files.length === 1 ? files[0] : undefined;
  for (const line of run.stderr.split('\n')) {
    const failed = /^✗ (.+)$/.exec(line)?.[1];
    if (failed !== undefined) {
      current = failed;
      lines.set(current, []);
    } else if (current !== undefined) lines.get(current)?.push(...diagnosticLines(line, cwd));
  }
  expect([...lines.keys()]).toEqual(files);
  // Every problem comes with a hint after it and its source line (two lines, when the file can be read).
  const stderr = run.stderr.split('\n');
  const hintAfter = (i: number) => (FRAME_LINE.test(stderr[i + 1] ?? '') ? stderr[i + 3] : stderr[i + 1]);
  withoutHint.push(...stderr.filter((line, i) => DIAGNOSTIC_LINE.test(line) && !hintAfter(i)?.startsWith('  hint: ')));
  return lines;
}

const withoutHint: string[] = [];

/** The corpus's cases, built as one batch per set of `# args:` (one process instead of one per case). */
async function buildCorpus(): Promise<Map<string, string[]>> {
  const byArgs = new Map<string, string[]>();
  for (const name of CASES) {
    const args = /^# args: (.*)/.exec(readFileSync(path.join(CORPUS, name), 'utf8'))?.[1] ?? '';
    byArgs.set(args, [...(byArgs.get(args) ?? []), name]);
  }
  const runs = await Promise.all(
    [...byArgs].map(([args, names]) => buildFails(names, args ? args.split(' ') : [], CORPUS)),
  );
  return new Map(runs.flatMap((run) => [...run]));
}

/** The generated inputs, written into one folder and built as one batch. */
async function buildGenerated(): Promise<Map<string, string[]>> {
  const dir = await mkdtemp(path.join(scratch, 'input-'));
  const cases = GENERATED.filter((c) => !c.skip);
  for (const { file, contents } of cases) {
    const target = path.join(dir, file);
    if (typeof contents === 'function') await contents(target);
    else if (contents !== undefined) await writeFile(target, contents);
  }
  return buildFails(
    cases.map((c) => c.file),
    [],
    dir,
  );
}

let corpus: Promise<Map<string, string[]>>;
let generated: Promise<Map<string, string[]>>;

beforeAll(() => {
  // Started here, awaited by each case: the two batches run side by side.
  corpus = buildCorpus();
  generated = buildGenerated();
  // Failures surface in the cases that await them.
  corpus.catch(() => {});
  generated.catch(() => {});
});

describe.concurrent('invalid outlines in test/fixtures/invalid', () => {
  it('has an outline for every .expected file', () => {
    const orphans = readdirSync(CORPUS).filter(
      (name) => name.endsWith('.expected') && !CASES.includes(name.replace(/\.expected$/, '.yaml')),
    );
    expect(orphans).toEqual([]);
  });

  for (const name of CASES) {
    it(name, async ({ expect }) => {
      const lines = (await corpus).get(name) ?? [];
      expect(lines.length).toBeGreaterThan(0);
      await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
        path.join(CORPUS, name.replace(/\.yaml$/, '.expected')),
      );
    });
  }
});

describe('every problem in the corpus', () => {
  it('comes with a hint', async () => {
    await Promise.all([corpus, generated]);
    expect(withoutHint).toEqual([]);
  });
});

describe.concurrent('generated invalid inputs', () => {
  for (const { name, file, expected, skip } of GENERATED) {
    it.skipIf(skip)(name, async ({ expect }) => {
      expect((await generated).get(file)).toEqual(expected);
    });
  }
});

describe('several problems in one file', () => {
  it('are all reported in one run, sorted by position', async () => {
    const error = await loadOutline(path.join(CORPUS, 'many-problems.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersusError);
    const { diagnostics } = error as VersusError;
    expect(diagnostics.map((d) => d.code)).toEqual([
      'unknown-key',
      'wrong-type',
      'missing-field',
      'unknown-key',
      'wrong-type',
      'invalid-value',
      'missing-field',
    ]);
    const positions = diagnostics.map((d) => d.line * 1000 + d.col);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Zod finds the contenders' problems before the sections'; the report follows the file.
    expect(diagnostics.at(-1)?.path).toEqual(['contenders', 1, 'color']);
  });
});

describe('deep nesting', () => {
  it('is refused, even as 5 MB of brackets', () => {
    const depth = 2_500_000;
    const parsed = parseOutlineText(`title: x\nsections: ${nested(depth, '[', ']')}\n`, 'deep.yaml');
    expect(parsed.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} error[${d.code}]: ${d.message}`)).toEqual([
      `deep.yaml:2:110 ${NESTING}`,
    ]);
  });

  it('accepts 100 levels and refuses 101', () => {
    // The top-level mapping is the first level.
    const at = (levels: number) =>
      parseOutlineText(`title: x\nsections: ${nested(levels - 1, '[', ']').replace('[]', '[x]')}\n`, 'deep.yaml')
        .diagnostics.length;
    expect(at(100)).toBe(0);
    expect(at(101)).toBe(1);
  });
});
