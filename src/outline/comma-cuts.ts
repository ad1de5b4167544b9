/**
 * Text cut at its commas inside `{ … }`: in `{ mongo: replica set, sharded cluster, postgres: … }`
 * the comma ends mongo's entry, and "sharded cluster" becomes a key without a value. Read from
 * the entries as written, not from the data: a piece that two cells share ("iOS") is a key written
 * twice, which the data holds once.
 */
import { isScalar, type YAMLMap } from 'yaml';

export interface CommaCut {
  /** The key whose text was cut. */
  key: string;
  /** Its text, up to the first comma. */
  text: string;
  /** What followed each of its commas, each read as a key without a value. */
  pieces: string[];
  /** Where each piece starts in the source. */
  offsets: number[];
  /** The pieces written earlier in the mapping as well (its data holds the first one). */
  repeated: string[];
  /** The whole text as written, its commas and spaces as they are: "10,000 requests" stays whole. */
  written: string;
}

/** A key and its value with no space after the colon: `name:"Coffee"`, which `{ … }` reads as one key. */
export const KEY_RUN_INTO_VALUE = /^([A-Za-z_][\w-]*):(\S.*)$/s;

/** The cuts in a mapping written as `{ … }` (none in a block mapping, whose commas are text). */
export function commaCuts(map: YAMLMap, source: string): CommaCut[] {
  if (!map.flow) return [];
  const cuts: CommaCut[] = [];
  const seen = new Set<string>();
  let open: (CommaCut & { start: number }) | undefined;
  for (const { key, value } of map.items) {
    const name = isScalar(key) && key.value !== null ? String(key.value) : undefined;
    const offset = isScalar(key) ? key.range?.[0] : undefined;
    // A piece has no colon, so no value at all; `key:` with nothing after it (or only a comment) is a key,
    // and so is `name:"Coffee"`, a key run into its value (told as that: issues.ts).
    if (open && value === null && name !== undefined && offset !== undefined && !KEY_RUN_INTO_VALUE.test(name)) {
      open.pieces.push(name);
      open.offsets.push(offset);
      open.written = source.slice(open.start, isScalar(key) ? key.range?.[1] : offset);
      if (seen.has(name)) open.repeated.push(name);
      seen.add(name);
      continue;
    }
    if (open?.pieces.length) cuts.push(open);
    const start = isScalar(value) ? value.range?.[0] : undefined;
    open =
      name !== undefined && isScalar(value) && typeof value.value === 'string' && start !== undefined
        ? { key: name, text: value.value, pieces: [], offsets: [], repeated: [], written: value.value, start }
        : undefined;
    if (name !== undefined) seen.add(name);
  }
  if (open?.pieces.length) cuts.push(open);
  return cuts;
}

/** Whether every entry of `map` with the key that starts at `offset` is a piece of a cut. */
export function onlyCutPieces(map: YAMLMap, offset: number, source: string): boolean {
  const pair = map.items.find(({ key }) => isScalar(key) && key.range?.[0] === offset);
  if (!pair || !isScalar(pair.key)) return false;
  const name = String(pair.key.value);
  const pieces = commaCuts(map, source).flatMap((cut) => cut.offsets);
  return map.items
    .filter(({ key }) => isScalar(key) && String(key.value) === name)
    .every(({ key }) => isScalar(key) && pieces.includes(key.range?.[0] ?? -1));
}
