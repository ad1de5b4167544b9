/**
 * Paths into the outline's data (`['sections', 0, 'slides', 2, 'title']`) and
 * reading plain data along them. Below the parser and the positions, which
 * both speak of paths.
 */
export type OutlinePath = (string | number)[];

/** The value at `path` in plain data, or undefined where the path leaves it. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function samePath(a: OutlinePath, b: OutlinePath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}
