/**
 * An output that is one of the build's own inputs: a code pane's `file:
 * tea-vs-coffee.md` built with `--out .` would have the deck replace the
 * file it shows, and the next build show the deck as code. Refused before
 * any file in the output folder changes.
 */
import path from 'node:path';
import { VersusError } from '../diagnostics/diagnostics.js';
import { withFolderResolved } from '../shared/inside.js';
import { type Format, formatOfOutput } from './formats.js';

/** An input a build would write over (or take away as stale), and the output name that would. */
export interface Clash {
  input: string;
  output: string;
}

/**
 * The inputs (absolute paths, as the record keeps them) that the outputs `names`, relative to
 * `outDir`, would replace or remove. Compared as the paths a rename would act on: the folder
 * resolved through its links, the last name as it is (a rename replaces a link, not what it points to).
 */
export function inputsOverwritten(inputs: Iterable<string>, outDir: string, names: Iterable<string>): Clash[] {
  const read = new Map<string, string>();
  for (const input of inputs) read.set(withFolderResolved(input), input);
  const clashes: Clash[] = [];
  for (const name of new Set(names)) {
    const input = read.get(withFolderResolved(path.join(outDir, name)));
    if (input !== undefined) clashes.push({ input, output: path.join(outDir, name) });
  }
  return clashes;
}

/**
 * The names, relative to `outDir`, of the inputs that a build of the talk `slug` in `formats`
 * would write: checked once the talk compiles, before a browser starts. The commit checks
 * again with the very files staged (see `inputsOverwritten`).
 */
export function inputsNamedAsOutputs(
  inputs: Iterable<string>,
  outDir: string,
  { slug, formats, extra = [] }: { slug: string; formats: ReadonlySet<Format>; extra?: Iterable<string> },
): Clash[] {
  const folder = withFolderResolved(outDir);
  const candidates = [...inputs].flatMap((input) => {
    const relative = path.relative(folder, withFolderResolved(input));
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return [];
    const format = formatOfOutput(relative, slug);
    // An exercise folder holds the files of the exercises the talk has: which, the commit checks.
    return format && formats.has(format) && !/^[^/\\]*\.(exercises|solutions)[/\\]/.test(relative) ? [relative] : [];
  });
  return inputsOverwritten(inputs, outDir, [...candidates, ...extra]);
}

/** The error for `clashes`: each input and the output that would replace it, and how to part them. */
export function clashError(clashes: readonly Clash[]): VersusError {
  const lines = clashes.map(
    ({ input, output }) => `the output ${output} would replace ${input}, which the outline reads`,
  );
  const message = `${lines.join('; ')}; nothing was written.`;
  return new VersusError(
    'invalid-outline',
    message.replace(/^./, (c) => c.toUpperCase()),
    {
      hint: 'Build into another folder with --out (dist/, the default), or rename the file the outline reads (and its name in the outline).',
    },
  );
}
