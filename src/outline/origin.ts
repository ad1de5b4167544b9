/**
 * Where each part of a loaded outline was written. The loader stamps every
 * contender, source, section and slide with its origin: the file that holds
 * it and its path inside that file's data. Overlays, selection and planning
 * copy these objects and carry the stamp along untouched, so a finding about a
 * slide points at the line a person edits, whatever happened in between.
 *
 * The stamp is the model's typed `origin` field (see schema.ts), a plain
 * property that `structuredClone` and spreads keep; no author writes it.
 */

import type { OutlinePath } from './outline-path.js';
import type { ParsedOutline } from './parse.js';
import { type FilePosition, fileLocator, type Locator, valueLinePosition, writtenIn } from './positions.js';
import type { Origin, Outline, Overlay, Section } from './schema.js';

/** An origin, or a path in the merged outline (for what the outline as a whole defines: title, agenda, profiles). */
export type Where = Origin | OutlinePath;

/** A field inside what `where` places: `within(slide.origin, 'metric', 'unit')`. */
export function within(where: Where, ...keys: (string | number)[]): Where {
  return Array.isArray(where) ? [...where, ...keys] : { ...where, path: [...where.path, ...keys] };
}

/** A loaded outline and every file it was merged from, the top file first. */
export interface Sourced {
  outline: Outline;
  documents: ReadonlyMap<string, ParsedOutline>;
}

function stamp(value: { origin?: Origin }, file: string, path: OutlinePath): void {
  value.origin = { file, path };
}

function stampSections(
  sections: Pick<Partial<Section>, 'origin' | 'slides'>[] | undefined,
  file: string,
  at: OutlinePath,
): void {
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

/** Whether the text at `where` is written in quotes; false for a path in the merged outline. */
export function writtenQuoted(sourced: Sourced, where: Where): boolean {
  if (Array.isArray(where)) return false;
  const parsed = sourced.documents.get(where.file);
  return parsed !== undefined && writtenIn(parsed).isQuoted(where.path);
}

/** The position of line `index` (0-based) of the text at `where`, when it can be told (see `valueLinePosition`). */
export function locateLine(sourced: Sourced, where: Where, index: number): FilePosition | undefined {
  if (Array.isArray(where)) return undefined;
  const parsed = sourced.documents.get(where.file);
  const position = parsed && valueLinePosition(parsed, where.path, index);
  return position && { file: where.file, ...position };
}

/** The origin of the deepest stamped object on `path` (a contender, source, section or slide), and its depth. */
function deepestStamp(outline: Outline, path: OutlinePath): { origin: Origin; depth: number } | undefined {
  const [top, i, inner, j] = path;
  if (typeof i !== 'number') return undefined;
  const found = (origin: Origin | undefined, depth: number) => (origin ? { origin, depth } : undefined);
  if (top === 'contenders') return found(outline.contenders[i]?.origin, 2);
  if (top === 'sources') return found(outline.sources[i]?.origin, 2);
  if (top !== 'sections') return undefined;
  const section = outline.sections[i];
  const slide = inner === 'slides' && typeof j === 'number' ? section?.slides[j] : undefined;
  return found(slide?.origin, 4) ?? found(section?.origin, 2);
}
