/**
 * Reads an outline file and the local files it includes, then parses and
 * validates it. The only file I/O of the outline stages.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, invalidOutline } from '../diagnostics.js';
import { type ParsedOutline, parseOutlineText } from './parse.js';
import { locateProblems, type SemanticProblem } from './positions.js';
import type { Outline } from './schema.js';
import { validateOutline } from './validate.js';

export interface LoadedOutline {
  outline: Outline;
  /** The outline file as the user named it (used in diagnostics). */
  file: string;
  /** Folder that local files resolve against; nothing outside it may be read. */
  baseDir: string;
  parsed: ParsedOutline;
}

/** Larger files are refused before parsing: no real outline comes close. */
const MAX_OUTLINE_BYTES = 5 * 1024 * 1024;

/** @throws VersusError (kind `invalid-outline`) with every problem found. */
export async function loadOutline(file: string): Promise<LoadedOutline> {
  const source = await readOutlineSource(file);
  const parsed = parseOutlineText(source, file);
  const validated = validateOutline(parsed);
  if (!validated.ok) throw invalidOutline(validated.diagnostics);

  const baseDir = path.dirname(path.resolve(file));
  const outline = structuredClone(validated.outline);
  const problems = await resolveLocalFiles(outline, baseDir);
  if (problems.length > 0) throw invalidOutline(locateProblems(parsed, problems));
  return { outline, file, baseDir, parsed };
}

async function readOutlineSource(file: string): Promise<string> {
  const fail = (code: Diagnostic['code'], message: string, hint: string) =>
    invalidOutline([{ code, message, file, line: 1, col: 1, path: [], hint }]);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fail('unreadable', 'is a folder, not an outline file', 'Name the .yaml file.');
    if (info.size > MAX_OUTLINE_BYTES) {
      throw fail(
        'unreadable',
        `is ${(info.size / 1e6).toFixed(1)} MB; outlines are limited to 5 MB`,
        'Split it with overlays, or move long text to files.',
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw fail('not-found', 'no such file', 'Check the path, or create one with `versus init`.');
    }
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw fail('unreadable', 'is not UTF-8 text', 'Save the outline as UTF-8.');
  }
}

/** Inlines code files and checks image files, all relative to the outline and inside its folder. */
async function resolveLocalFiles(outline: Outline, baseDir: string): Promise<SemanticProblem[]> {
  const problems: SemanticProblem[] = [];
  for (const [i, section] of outline.sections.entries()) {
    for (const [j, slide] of section.slides.entries()) {
      const at = ['sections', i, 'slides', j];
      if (slide.kind === 'image') {
        const problem = await checkLocalFile(baseDir, slide.src, [...at, 'src']);
        if (problem) problems.push(problem);
      }
      if (slide.kind === 'code') {
        for (const [p, pane] of slide.panes.entries()) {
          if (pane.file === undefined) continue;
          const problem = await checkLocalFile(baseDir, pane.file, [...at, 'panes', p, 'file']);
          if (problem) problems.push(problem);
          else pane.code = await readFile(path.resolve(baseDir, pane.file), 'utf8');
        }
      }
    }
  }
  return problems;
}

async function checkLocalFile(
  baseDir: string,
  file: string,
  at: (string | number)[],
): Promise<SemanticProblem | undefined> {
  const resolved = localPath(baseDir, file);
  if (resolved === undefined) {
    return {
      code: 'bad-path',
      message: `"${file}" is outside the outline's folder`,
      path: at,
      hint: "Local files must sit in the outline's folder or below it; copy the file there.",
    };
  }
  const info = await stat(resolved).catch(() => undefined);
  if (!info?.isFile()) {
    return { code: 'bad-path', message: `"${file}" does not exist`, path: at, hint: `Looked for ${resolved}.` };
  }
  return undefined;
}

/** The absolute path of `file` when it stays inside `baseDir`, else undefined. */
export function localPath(baseDir: string, file: string): string | undefined {
  if (path.isAbsolute(file) || /^[a-z][a-z0-9+.-]*:/i.test(file)) return undefined;
  const resolved = path.resolve(baseDir, file);
  const relative = path.relative(baseDir, resolved);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : resolved;
}
