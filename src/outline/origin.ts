/**
 * Where each part of a loaded outline was written. The loader stamps every
 * contender, source, section and slide with its origin: the file that holds
 * it and its path inside that file's data. Overlays, selection and planning
 * copy these objects and carry the stamp along untouched, so a finding about a
 * slide points at the line a person edits, whatever happened in between.
 *
 * The stamp is a plain own property (`origin`), so that `structuredClone` and
 * spreads keep it; it is not in the schema's types because no author writes it.
 */
import type { ParsedOutline } from './parse.js';
import { type FilePosition, fileLocator, type Locator, type OutlinePath, valueLinePosition } from './positions.js';
import type { Outline, Overlay, Section } from './schema.js';

export interface Origin {
  /** The outline file, as diagnostics name it. */
  file: string;
  /** Path of the stamped object inside that file's data. */
  path: OutlinePath;
}

/** An origin, or a path in the merged outline (for what the outline as a whole defines: title, agenda, profiles). */
export type Where = Origin | OutlinePath;

/** A loaded outline and every file it was merged from, the top file first. */
export interface Sourced {
  outline: Outline;
  documents: ReadonlyMap<string, ParsedOutline>;
}

export function originOf(value: unknown): Origin | undefined {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'origin')) return undefined;
  const origin = (value as { origin: unknown }).origin;
  const isOrigin =
    typeof origin === 'object' &&
    origin !== null &&
    typeof (origin as Origin).file === 'string' &&
    Array.isArray((origin as Origin).path);
  return isOrigin ? (origin as Origin) : undefined;
}

function stamp(value: object, file: string, path: OutlinePath): void {
  Object.assign(value, { origin: { file, path } satisfies Origin });
}

function stampSections(sections: Partial<Section>[] | undefined, file: string, at: OutlinePath): void {
  for (const [i, section] of (sections ?? []).entries()) {
    stamp(section, file, [...at, i]);
    for (const [j, slide] of (section.slides ?? []).entries()) stamp(slide, file, [...at, i, 'slides', j]);
  }
}

/** Stamps what a whole outline file defines. Mutates `outline`. */
export function stampOutline(outline: Outline, file: string): void {
  for (const [i, contender] of outline.contenders.entries()) stamp(contender, file, ['contenders', i]);
  for (const [i, source] of outline.sources.entries()) stamp(source, file, ['sources', i]);
  stampSections(outline.sections, file, ['sections']);
}

/** Stamps what an overlay brings: its sources, replacements and additions. Mutates `overlay`. */
export function stampOverlay(overlay: Overlay, file: string): void {
  for (const [i, source] of (overlay.sources ?? []).entries()) stamp(source, file, ['sources', i]);
  for (const [i, { slide, section }] of (overlay.replace ?? []).entries()) {
    if (slide) stamp(slide, file, ['replace', i, 'slide']);
    if (section) stampSections([section], file, ['replace', i, 'section']);
  }
  for (const [i, step] of (overlay.add ?? []).entries()) {
    for (const [j, slide] of (step.slides ?? []).entries()) stamp(slide, file, ['add', i, 'slides', j]);
    stampSections(step.sections, file, ['add', i, 'sections']);
  }
}

/**
 * Positions for paths in the merged outline. A path is followed through the
 * outline to the deepest stamped object on it, and continues inside that
 * object's file; a path no stamp covers (the title, a profile) is found in the
 * first file of the chain that writes it, the overlay before what it extends.
 */
export function outlineLocator({ outline, documents }: Sourced): Locator {
  const files = [...documents.values()];
  return (path, key) => {
    const stamped = deepestStamp(outline, path);
    if (stamped) {
      const parsed = documents.get(stamped.origin.file);
      if (parsed) return fileLocator(parsed)([...stamped.origin.path, ...path.slice(stamped.depth)], key);
    }
    const writer = files.find((parsed) => parsed.syntax().document.hasIn(path)) ?? files[0];
    if (!writer) return { file: '', line: 1, col: 1 };
    return fileLocator(writer)(path, key);
  };
}

/** The position of a deck slide's origin, or of any other `Where`. */
export function locate(sourced: Sourced, where: Where): FilePosition {
  if (Array.isArray(where)) return outlineLocator(sourced)(where);
  const parsed = sourced.documents.get(where.file);
  return parsed ? fileLocator(parsed)(where.path) : { file: where.file, line: 1, col: 1 };
}

/** The position of line `index` (0-based) of the text at `where`, when it can be told (see `valueLinePosition`). */
export function locateLine(sourced: Sourced, where: Where, index: number): FilePosition | undefined {
  if (Array.isArray(where)) return undefined;
  const parsed = sourced.documents.get(where.file);
  const position = parsed && valueLinePosition(parsed, where.path, index);
  return position && { file: where.file, ...position };
}

function deepestStamp(outline: Outline, path: OutlinePath): { origin: Origin; depth: number } | undefined {
  let found: { origin: Origin; depth: number } | undefined;
  let value: unknown = outline;
  for (let depth = 0; depth <= path.length; depth++) {
    const origin = depth > 0 ? originOf(value) : undefined;
    if (origin) found = { origin, depth };
    const step = path[depth];
    if (step === undefined || typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) break;
    value = (value as Record<string | number, unknown>)[step];
  }
  return found;
}
