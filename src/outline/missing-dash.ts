/**
 * Recognises a list item written without its "- ": a slide's keys under the
 * slide above, lined up with its keys. YAML reads them into that slide, and
 * says only that "kind", "id", "title"… are each written twice; the schema
 * then faults the mixed slide ("bullets" is not a comparison's field). A
 * second `kind` in one slide is the sign: a new slide starts there; in an item
 * without a kind (a section), its first key written again, and the next too.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type Pair, visit } from 'yaml';
import type { OutlinePath } from './outline-path.js';
import { thingAt } from './things.js';

/** The key every slide starts with, and no slide writes twice. */
const STARTING_KEY = 'kind';

export interface MissingDash {
  /** Offset of the item's first key: where the "- " belongs. */
  offset: number;
  /** Offset past the mapping the item's keys were read into: its "written twice" errors are echoes. */
  end: number;
  /** The mapping the item's keys were read into: its schema problems are echoes too. */
  path: OutlinePath;
  message: string;
  hint: string;
}

/** Each list item that lost its "- " and was read into the item above it. */
export function findMissingDashes(document: Document.Parsed, source: string): MissingDash[] {
  const found: MissingDash[] = [];
  visit(document, {
    Map(_, map, ancestors) {
      const parent = ancestors.at(-1);
      if (map.flow || !isSeq(parent)) return;
      const keys = map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
      const { key, second } = secondStart(keys);
      if (key === undefined) return;
      const offset = keyOffset(map.items[firstOfRun(keys, second)]);
      const path = dataPath([...ancestors.slice(1), map]);
      const end = map.range?.[1] ?? source.length;
      found.push({ offset, end, path, ...told(source, { thing: thingAt(path), key }, map.range?.[0] ?? 0, offset) });
    },
  });
  return found;
}

/**
 * Where a second item starts among `keys`: at a second "kind", or, for items without one (sections),
 * at the item's first key written again with a key after it written twice too (one key written
 * twice alone is just that).
 */
function secondStart(keys: readonly (string | undefined)[]): { key?: string; second: number } {
  const again = (key: string | undefined) => (key === undefined ? -1 : keys.indexOf(key, keys.indexOf(key) + 1));
  const kind = again(STARTING_KEY);
  if (kind >= 0) return { key: STARTING_KEY, second: kind };
  const first = again(keys[0]);
  const next = keys[first + 1];
  if (first < 0 || next === undefined || keys.indexOf(next) > first) return { second: -1 };
  return { key: keys[0], second: first };
}

function keyOffset(pair: Pair | undefined): number {
  return isScalar(pair?.key) ? (pair.key.range?.[0] ?? 0) : 0;
}

/** The first of the keys written twice that run up to `at`: the new item's first key. */
function firstOfRun(keys: readonly (string | undefined)[], at: number): number {
  const writtenBefore = (i: number) => keys[i] !== undefined && keys.indexOf(keys[i]) < i;
  let first = at;
  while (first > 0 && writtenBefore(first - 1)) first--;
  return first;
}

/** The message and hint, with the "- " placed where the item above has its own. */
function told(
  source: string,
  { thing, key }: { thing: string; key: string | undefined },
  aboveOffset: number,
  offset: number,
): { message: string; hint: string } {
  const lineOf = (at: number) => source.slice(0, at).split('\n').length;
  const lineStart = (at: number) => source.lastIndexOf('\n', at - 1) + 1;
  const dashCol = source.lastIndexOf('-', aboveOffset) - lineStart(aboveOffset) + 1;
  const keyCol = offset - lineStart(offset) + 1;
  const text = (source.slice(offset).split('\n')[0] ?? '').trimEnd();
  const fixed = `${' '.repeat(dashCol - 1)}- ${' '.repeat(Math.max(0, keyCol - dashCol - 2))}${text}`;
  return {
    message: `a new ${thing} starts here, but without "- " before it, its keys are read into the ${thing} above ("${key}" is written twice)`,
    hint: `Start it with "- " at column ${dashCol}, as the ${thing} on line ${lineOf(aboveOffset)} does: ${fixed.trimStart()}`,
  };
}

/** The outline path of the last node of `chain` (the nodes from the document's root down to it). */
function dataPath(chain: readonly unknown[]): OutlinePath {
  const path: OutlinePath = [];
  chain.forEach((node, i) => {
    const parent = chain[i - 1];
    if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    else if (isSeq(parent)) path.push(parent.items.indexOf(node as never));
  });
  return path;
}

/**
 * The ids written in the mappings at `paths`, each read from two items whose second lost its
 * "- ": the data keeps one of them, yet a reference to either names an item the author wrote.
 */
export function idsReadTogether(document: Document.Parsed, paths: readonly OutlinePath[]): Set<string> {
  const ids = new Set<string>();
  for (const path of paths) {
    const node = document.getIn(path, true);
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'id' && isScalar(pair.value)) ids.add(String(pair.value.value));
    }
  }
  return ids;
}
