/**
 * Reads an outline file and the local files it includes, then parses and
 * validates it. The only file I/O of the outline stages.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, type DiagnosticCode, invalidOutline, VersusError } from '../diagnostics/diagnostics.js';
import {
  IMAGE_TYPES,
  type ImageType,
  imageProblem,
  imageType,
  MAX_IMAGE_BYTES,
  rasterPixels,
} from '../images/check.js';
import { fitName, MAX_NAME_BYTES } from '../shared/file-name.js';
import { isInside } from '../shared/inside.js';
import { sha256 } from '../shared/sha256.js';
import { utf8Text } from '../text/utf8.js';
import { didYouMeanTheme, isBuiltInTheme, isThemeFile, THEMES_HINT } from '../theme/themes.js';
import { outlineLocator, type Sourced, stampOutline, stampOverlay } from './origin.js';
import type { OutlinePath } from './outline-path.js';
import { applyOverlay } from './overlay.js';
import { own } from './own.js';
import { type ParsedOutline, parseOutlineText, partialData } from './parse.js';
import { locateProblems, related, type SemanticProblem, toDiagnostics } from './positions.js';
import { isOutlineOnlyField, type Outline, type Overlay, type Section, type Slide } from './schema.js';
import { checkSemantics } from './semantics.js';
import { nearFileName } from './suggest.js';
import { isOverlay, outlineAsWritten, validateOutline, validateOverlay } from './validate.js';

export interface LoadedOutline extends Sourced {
  outline: Outline;
  /** The outline file as the user named it (used in diagnostics). */
  file: string;
  /** Every outline file read, by the name diagnostics give it: this one first, then the chain it extends. */
  documents: Map<string, ParsedOutline>;
  /** Images the slides reference: asset name (as written in the markdown) → file on disk. */
  assets: Map<string, string>;
  /** Every outline file read, as absolute paths (for watching). */
  files: string[];
  /**
   * Every file read (outlines, code files, images), by its absolute path as the
   * outline names it (links not followed) → the sha256 of the very bytes read:
   * what the build record keeps, so that a save during a build, or a link
   * pointed elsewhere, is never taken for the file the build used.
   */
  inputs: Map<string, string>;
}

/** Larger files are refused before parsing: no real outline comes close. */
const MAX_OUTLINE_BYTES = 5 * 1024 * 1024;

/**
 * Loads an outline, or an overlay and the chain of outlines it extends.
 * @throws VersusError (kind `invalid-outline`) with every problem found.
 */
export async function loadOutline(file: string): Promise<LoadedOutline> {
  return loadChain(file, [], await projectOf(file));
}

/**
 * The folder `extends:` and theme files must stay in: the nearest folder above
 * the outline that holds `.git` or `package.json`, else the outline's own folder.
 */
async function projectOf(file: string): Promise<string> {
  const start = await realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const marked = await Promise.all(
      ['.git', 'package.json'].map((name) => stat(path.join(dir, name)).catch(() => null)),
    );
    if (marked.some(Boolean)) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

async function loadChain(file: string, chain: string[], project: string): Promise<LoadedOutline> {
  const source = await readOutlineSource(file);
  const parsed = parseOutlineText(source.text, file);
  const baseDir = path.dirname(path.resolve(file));
  const where = { baseDir, scopes: { files: folderScope(baseDir), project: projectScope(project) } };
  /** The outline file's hash first, then the files it names, as they were read. */
  const inputsWith = (read: Map<string, string>) => new Map([[path.resolve(file), source.sha256], ...read]);
  if (!isOverlay(parsed)) {
    const validated = validateOutline(parsed);
    if (!validated.ok) {
      const paths = await imagePathsAsWritten(parsed, validated.diagnostics, where);
      throw invalidOutline([...validated.diagnostics, ...paths]);
    }
    const outline = structuredClone(validated.outline);
    stampOutline(outline, file);
    const { problems, assets, inputs } = await resolveFiles(parsed, outline, outlineSlides(outline), where);
    if (problems.length > 0) throw invalidOutline(problems);
    const files = [path.resolve(file)];
    return { outline, file, documents: new Map([[file, parsed]]), assets, files, inputs: inputsWith(inputs) };
  }

  const seen = [...chain, await realpath(path.resolve(file))];
  const validated = validateOverlay(parsed);
  if (!validated.ok) {
    // The outlines it extends are read all the same, and its steps tried on the data as written:
    // their problems belong in this run too.
    const written = (parsed.data ?? partialData(parsed)) as { extends?: unknown };
    if (typeof written.extends !== 'string') throw invalidOutline(validated.diagnostics);
    const { base, problems } = await readBase(parsed, written.extends, seen, project);
    const steps = base ? stepsAsWritten(parsed, base, validated.diagnostics) : [];
    const ownProblems = unreadableBase(parsed, problems)
      ? withoutOutlineFields(validated.diagnostics)
      : validated.diagnostics;
    throw invalidOutline([...ownProblems, ...problems, ...steps]);
  }
  const overlay = structuredClone(validated.outline);
  stampOverlay(overlay, file);
  const resolved = await resolveFiles(parsed, overlay, overlaySlides(overlay), where);
  const { base, problems } = await readBase(parsed, overlay.extends, seen, project);
  if (!base) throw invalidOutline([...resolved.problems, ...problems]);
  const { applied, problems: steps } = applyChecked(parsed, overlay, base);
  if (resolved.problems.length + steps.length > 0) throw invalidOutline([...resolved.problems, ...steps]);
  const documents = new Map([[file, parsed], ...base.documents]);
  return {
    outline: applied,
    file,
    documents,
    assets: new Map([...base.assets, ...resolved.assets]),
    files: [path.resolve(file), ...base.files],
    inputs: new Map([...base.inputs, ...inputsWith(resolved.inputs)]),
  };
}

/** Whether the overlay's `extends:` itself is a problem: a file missing, outside the project, a cycle. */
function unreadableBase(parsed: ParsedOutline, problems: readonly Diagnostic[]): boolean {
  return problems.some((d) => d.file === parsed.file && d.path?.length === 1 && d.path[0] === 'extends');
}

/**
 * An overlay's problems without those of an outline's own fields (`contenders:`, `sections:`):
 * when its `extends:` leads nowhere, the file may be a whole outline with a stray `extends:`
 * line, and which of the two is the mistake cannot be told without the base.
 */
function withoutOutlineFields(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(
    (d) => !(d.code === 'unknown-key' && d.path?.length === 1 && isOutlineOnlyField(String(d.path[0]))),
  );
}

/** The outline an overlay extends, on its real path; or why it cannot be read (missing, outside the project, a cycle). */
async function findExtended(
  parsed: ParsedOutline,
  extendsValue: string,
  seen: string[],
  project: string,
): Promise<{ file: string } | { problems: Diagnostic[] }> {
  const found = await findLocalFile(
    path.dirname(path.resolve(parsed.file)),
    extendsValue,
    ['extends'],
    projectScope(project),
  );
  if ('problem' in found) return { problems: locateProblems(parsed, [found.problem]) };
  if (!seen.includes(found.file)) return found;
  const cycle = [...seen, found.file].map((f) => path.basename(f)).join(' → ');
  return {
    problems: locateProblems(parsed, [
      {
        code: 'overlay-cycle',
        message: `extending "${extendsValue}" makes a cycle: ${cycle}`,
        path: ['extends'],
        hint: 'An overlay must extend an outline that does not, through its own "extends", come back to it.',
      },
    ]),
  };
}

/** The outline chain an overlay extends, or every problem found in it (and in its "extends" itself). */
async function readBase(
  parsed: ParsedOutline,
  extendsValue: string,
  seen: string[],
  project: string,
): Promise<{ base?: LoadedOutline; problems: Diagnostic[] }> {
  const extended = await findExtended(parsed, extendsValue, seen, project);
  if ('problems' in extended) return extended;
  try {
    // Named relative to this file's name, so diagnostics read "outline.yaml", not an absolute path.
    return { base: await loadChain(path.join(path.dirname(parsed.file), extendsValue), seen, project), problems: [] };
  } catch (error) {
    if (isInvalidOutline(error)) return { problems: error.diagnostics };
    throw error;
  }
}

/**
 * The overlay applied, with the problems of its steps and those of the
 * outline it makes (a profile skipping an id that is not there).
 */
function applyChecked(
  parsed: ParsedOutline,
  overlay: Overlay,
  base: LoadedOutline,
): { applied: Outline; problems: Diagnostic[] } {
  const applied = applyOverlay(base.outline, overlay);
  const documents = new Map([[parsed.file, parsed], ...base.documents]);
  const locator = outlineLocator({ outline: applied.outline, documents });
  // A step that failed leaves out what it adds: a profile skipping it is no news.
  const brought = applied.problems.length > 0 ? idsBrought(overlay) : new Set<string>();
  const afterward = toDiagnostics(
    checkSemantics(applied.outline)
      .filter((problem) => !skipsBrought(applied.outline, problem, brought))
      .map((problem) => withRemovedHint(applied.outline, overlay, problem)),
    locator,
  ).map((d) => (d.file === parsed.file ? d : { ...d, message: `after applying ${parsed.file}, ${d.message}` }));
  return { applied: applied.outline, problems: [...locateProblems(parsed, applied.problems), ...afterward] };
}

/**
 * An invalid overlay's steps tried on its data as written, for the problems
 * the schema does not find (an id that is not there); nothing about a value
 * the schema reported, nothing when its shape cannot be walked.
 */
function stepsAsWritten(parsed: ParsedOutline, base: LoadedOutline, reported: readonly Diagnostic[]): Diagnostic[] {
  if (parsed.data === undefined) return [];
  const paths = reported.flatMap(({ path = [] }) => (path.length > 0 ? [path] : []));
  try {
    const overlay = structuredClone(parsed.data) as Overlay;
    // Stamped, so that what its steps bring is reported in this file, where the schema's problems are.
    stampOverlay(overlay, parsed.file);
    const { problems } = applyChecked(parsed, overlay, base);
    // Paths of the merged outline and of the file differ: a problem at a reported position is one too.
    const at = new Set(reported.map((d) => `${d.file}:${d.line}:${d.col}`));
    return problems.filter(
      (d) =>
        !at.has(`${d.file}:${d.line}:${d.col}`) &&
        (d.file !== parsed.file || !paths.some((path) => related(path, d.path ?? []))),
    );
  } catch {
    return [];
  }
}

function isInvalidOutline(error: unknown): error is VersusError {
  return error instanceof VersusError && error.kind === 'invalid-outline';
}

/** Ids of the sections and slides an overlay adds or puts in place of others. */
function idsBrought(overlay: Overlay): Set<string> {
  const sections = [
    ...(overlay.replace ?? []).flatMap((r) => (r.section ? [r.section] : [])),
    ...(overlay.add ?? []).flatMap((a) => a.sections ?? []),
  ];
  const slides = [
    ...(overlay.replace ?? []).flatMap((r) => [...(r.slide ? [r.slide] : []), ...(r.section?.slides ?? [])]),
    ...(overlay.add ?? []).flatMap((a) => [...(a.slides ?? []), ...(a.sections ?? []).flatMap((s) => s.slides)]),
  ];
  return new Set([...sections, ...slides].flatMap((x) => (x.id ? [x.id] : [])));
}

/**
 * An exercise's `run.after` naming one the overlay's `remove` takes out: the base's line cannot
 * change from the overlay, so the way out is to `replace` the exercise that runs after it.
 */
function withRemovedHint(outline: Outline, overlay: Overlay, problem: SemanticProblem): SemanticProblem {
  const [sections, i, slides, j, run, after, k] = problem.path;
  if (problem.code !== 'unknown-id' || sections !== 'sections' || slides !== 'slides' || run !== 'run') return problem;
  if (after !== 'after' || typeof i !== 'number' || typeof j !== 'number' || typeof k !== 'number') return problem;
  const slide = outline.sections[i]?.slides[j];
  const removed = slide?.kind === 'exercise' && slide.run ? slide.run.after?.[k] : undefined;
  if (removed === undefined || !overlay.remove?.includes(removed)) return problem;
  const name = slide?.id === undefined ? 'the exercise that names it' : `"${slide.id}"`;
  return {
    ...problem,
    hint: `The overlay's remove takes out "${removed}", which ${name} runs after: in the overlay, replace ${name} (replace: - { id: …, slide: { … } }) with a copy whose run.after leaves "${removed}" out and sets up what it needs itself, or remove it too, or keep "${removed}".`,
  };
}

/** True for a profile's skip of an id in `brought`. */
function skipsBrought(outline: Outline, problem: SemanticProblem, brought: ReadonlySet<string>): boolean {
  const [profiles, name, skip, k] = problem.path;
  if (profiles !== 'profiles' || skip !== 'skip' || typeof name !== 'string' || typeof k !== 'number') return false;
  const id = own(outline.profiles, name)?.skip?.[k];
  return id !== undefined && brought.has(id);
}

type SlideAt = { slide: Slide; path: OutlinePath };

/**
 * With the outline invalid, its image slides' paths checked all the same, on the data as written:
 * a file outside the folder or missing is its own mistake, told in the same run as a missing
 * `alt`, not only once that is fixed. Not after a syntax error, nor where a problem is told already.
 */
async function imagePathsAsWritten(
  parsed: ParsedOutline,
  reported: readonly Diagnostic[],
  { baseDir, scopes }: { baseDir: string; scopes: { files: Scope } },
): Promise<Diagnostic[]> {
  const outline = parsed.guessedFrom === undefined ? outlineAsWritten(parsed.data) : undefined;
  const problems: SemanticProblem[] = [];
  for (const { slide, path: at } of outline ? outlineSlides(outline) : []) {
    const src: unknown = slide.kind === 'image' ? slide.src : undefined;
    if (typeof src !== 'string' || reported.some((d) => related(d.path ?? [], [...at, 'src']) && d.path?.length))
      continue;
    const found = await findLocalFile(baseDir, src, [...at, 'src'], scopes.files);
    if ('problem' in found) problems.push(found.problem);
  }
  return locateProblems(parsed, problems);
}

function outlineSlides(outline: Outline): SlideAt[] {
  return outline.sections.flatMap((section, i) =>
    section.slides.map((slide, j) => ({ slide, path: ['sections', i, 'slides', j] })),
  );
}

function overlaySlides(overlay: Overlay): SlideAt[] {
  const inSections = (sections: Section[] | undefined, at: OutlinePath) =>
    (sections ?? []).flatMap((section, i) =>
      section.slides.map((slide, j) => ({ slide, path: [...at, i, 'slides', j] })),
    );
  return [
    ...(overlay.replace ?? []).flatMap((r, i) => [
      ...(r.slide ? [{ slide: r.slide, path: ['replace', i, 'slide'] }] : []),
      ...(r.section?.slides ?? []).map((slide, j) => ({ slide, path: ['replace', i, 'section', 'slides', j] })),
    ]),
    ...(overlay.add ?? []).flatMap((a, i) => [
      ...(a.slides ?? []).map((slide, j) => ({ slide, path: ['add', i, 'slides', j] })),
      ...inSections(a.sections, ['add', i, 'sections']),
    ]),
  ];
}

/** An outline file's text, and the sha256 of the bytes read: a folder, a device or a file too large is refused unread. */
export async function readOutlineSource(file: string): Promise<{ text: string; sha256: string }> {
  // A problem with the file as a whole has no line: it is told at the file's name alone.
  const fail = (code: Diagnostic['code'], message: string, hint: string) =>
    invalidOutline([{ severity: 'error', code, message, file, line: 0, col: 0, path: [], hint }]);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    // Each message names the file, as those about a code file or an image do.
    const named = JSON.stringify(file);
    if (info.isDirectory())
      throw fail('unreadable', `${named} is a folder, not an outline file`, 'Name the .yaml file.');
    // A device or pipe (/dev/zero, a FIFO) could be read forever.
    if (!info.isFile()) throw fail('unreadable', `${named} is ${notAFileKind(info)}`, 'Name the .yaml file.');
    if (info.size > MAX_OUTLINE_BYTES) {
      throw fail(
        'unreadable',
        // Rounded up, so a file just over the limit does not read "5.0 MB".
        `${named} is ${(Math.ceil((info.size / 2 ** 20) * 10) / 10).toFixed(1)} MB; outlines are limited to ${MAX_OUTLINE_BYTES / 2 ** 20} MB`,
        'Split it with overlays, or move long text to files.',
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') {
      const near = await nearFile(path.resolve(file), file);
      throw fail(
        'not-found',
        `no such file${near === undefined ? '' : ` (did you mean "${near}"?)`}`,
        'Check the path, or create one with `versus init`.',
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw fail(
        'unreadable',
        `${JSON.stringify(file)} cannot be read: permission denied`,
        "Check the file's permissions.",
      );
    }
    throw error;
  }
  const text = utf8Text(bytes);
  if (typeof text === 'string') return { text: text.replace(/^\uFEFF/, ''), sha256: sha256(bytes) };
  const { line, col, byte } = text;
  throw invalidOutline([
    {
      severity: 'error',
      code: 'unreadable',
      message: `is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} cannot be read`,
      file,
      line,
      col,
      path: [],
      hint: 'Save the outline as UTF-8 (binary files, such as images, cannot be outlines).',
    },
  ]);
}

/**
 * Inlines code files, gives each image slide its `asset` (a content-addressed
 * name, `assets/<name>-<hash>.<ext>`, and what the file holds; `src` stays as
 * written), and makes a theme file's path absolute: each relative to the file
 * that names it. Mutates the stamped slides and `data`, the loader's own copy.
 * Returns the problems found (a missing file, one outside its folder, not an
 * image), the images by asset name, and every file read with its hash.
 */
async function resolveFiles(
  parsed: ParsedOutline,
  data: { theme?: string | undefined },
  slides: SlideAt[],
  { baseDir, scopes }: { baseDir: string; scopes: { files: Scope; project: Scope } },
): Promise<{ problems: Diagnostic[]; assets: Map<string, string>; inputs: Map<string, string> }> {
  const problems: SemanticProblem[] = [];
  const assets = new Map<string, string>();
  const inputs = new Map<string, string>();
  if (data.theme !== undefined && isThemeFile(data.theme)) {
    const found = await findLocalFile(baseDir, data.theme, ['theme'], scopes.project);
    if ('problem' in found) problems.push(found.problem);
    // By the name the outline gives it: a link pointed at another theme is read anew.
    else data.theme = found.named;
  } else if (data.theme !== undefined && !isBuiltInTheme(data.theme)) {
    const message = `unknown theme "${data.theme}"${didYouMeanTheme(data.theme)}`;
    problems.push({ code: 'invalid-value', message, path: ['theme'], hint: THEMES_HINT });
  }
  for (const { slide, path: at } of slides) {
    if (slide.kind === 'image') {
      const found = await findLocalFile(baseDir, slide.src, [...at, 'src'], scopes.files);
      if ('problem' in found) problems.push(found.problem);
      else {
        const image = await readImage(found.file, slide.src);
        if ('problem' in image) problems.push({ ...image.problem, path: [...at, 'src'] });
        else {
          const hash = sha256(image.bytes);
          inputs.set(found.named, hash);
          const name = assetName(found.file, hash, image.type);
          assets.set(name, found.file);
          const pixels = rasterPixels(image.bytes, image.type);
          slide.asset = {
            name,
            sha256: hash,
            type: image.type,
            size: image.bytes.length,
            ...(pixels ? { pixels } : {}),
          };
        }
      }
    }
    if (slide.kind === 'code') {
      for (const [p, pane] of slide.panes.entries()) {
        if (pane.file === undefined) continue;
        const found = await findLocalFile(baseDir, pane.file, [...at, 'panes', p, 'file'], scopes.files);
        if ('problem' in found) problems.push(found.problem);
        else {
          const bytes = await readFile(found.file);
          inputs.set(found.named, sha256(bytes));
          const code = codeText(bytes, pane.file);
          if (typeof code === 'string') pane.code = code;
          else problems.push({ ...code, path: [...at, 'panes', p, 'file'] });
        }
      }
    }
  }
  return { problems: locateProblems(parsed, problems), assets, inputs };
}

/**
 * A code file's text as the slides show it and people copy it: UTF-8 without a byte order
 * mark (which would be an invisible character in the copied code), lines ending in "\n"
 * whatever the editor that saved it wrote ("\r\n", "\r").
 */
function codeText(bytes: Buffer, name: string): string | Omit<SemanticProblem, 'path'> {
  const text = utf8Text(bytes);
  if (typeof text === 'string') return text.replace(/\r\n?/g, '\n');
  const { line, col, byte } = text;
  return {
    code: 'unreadable',
    message: `"${name}" is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} at line ${line}, column ${col} cannot be read`,
    hint: 'Save the code file as UTF-8 (an editor\'s "Save with encoding" or "Reopen with encoding" does it).',
  };
}

/**
 * An image file's bytes and type, when it is an image browsers show (by its
 * content, whatever its name says), whole, and of a size that can be shown.
 */
async function readImage(
  file: string,
  src: string,
): Promise<{ bytes: Buffer; type: ImageType } | { problem: Omit<SemanticProblem, 'path'> }> {
  const refuse = (message: string, hint: string) => ({ problem: { code: 'invalid-value' as const, message, hint } });
  const { size } = await stat(file);
  if (size > MAX_IMAGE_BYTES) {
    return refuse(
      `"${src}" is ${(size / 2 ** 20).toFixed(1)} MB; images are limited to ${MAX_IMAGE_BYTES / 2 ** 20} MB`,
      'Export the picture smaller (a slide is 1280×720 px).',
    );
  }
  const bytes = await readFile(file);
  const type = imageType(bytes);
  if (!type) {
    return refuse(
      `"${src}" is not an image a browser shows (PNG, JPEG, GIF, WebP, AVIF or SVG)`,
      'Export the picture in one of these formats and name that file.',
    );
  }
  const problem = imageProblem(bytes, type);
  if (problem) return refuse(`"${src}" ${problem}`, 'Export the picture again, or name another file.');
  return { bytes, type };
}

/** `assets/<name>-<hash>.<type>`: the name's letters, digits, dots and dashes, and the extension of what the file holds. */
function assetName(file: string, sha: string, type: ImageType): string {
  const hash = sha.slice(0, 10);
  const { ext } = IMAGE_TYPES[type];
  // A name near the limit would not fit with the hash and extension added.
  const name = fitName(path.parse(file).name.replace(/[^\w.-]+/g, '-'), MAX_NAME_BYTES - hash.length - 1 - ext.length);
  return `assets/${name}-${hash}${ext}`;
}

/** The folder a kind of file must stay in, once links are followed. */
interface Scope {
  dir: string;
  /** How messages name it. */
  name: string;
  /** What to do about a file outside it, at `target`. */
  hint: (target: string) => string;
}

/** Images and code files: the folder of the outline that names them, or below. */
function folderScope(dir: string): Scope {
  return {
    dir,
    name: "the outline's folder",
    hint: () => "Images and code files must sit in the outline's folder or below it; copy the file there.",
  };
}

/** Extended outlines and themes: anywhere in the project, so a base outline may sit in a sibling folder. */
function projectScope(dir: string): Scope {
  return {
    dir,
    name: `the project (${dir})`,
    hint: (target) => {
      const rule =
        'Extended outlines and themes must sit in the project (the nearest folder above the outline with a .git or package.json)';
      // The folder that holds both, unless that is the file system's root.
      const both = commonFolder(dir, target);
      return path.dirname(both) === both
        ? `${rule}; move the file into ${dir}.`
        : `${rule}: move the file into ${dir}, or make ${both}, which holds both, the project ("git init" there, or a package.json).`;
    },
  };
}

/** The deepest folder that holds both `dir` and `file`. */
function commonFolder(dir: string, file: string): string {
  let common = dir;
  while (!isInside(common, file)) common = path.dirname(common);
  return common;
}

/**
 * A file an outline names, checked on its real path: it must exist and, once
 * links are followed, stay inside `scope`.
 */
async function findLocalFile(
  baseDir: string,
  file: string,
  at: OutlinePath,
  scope: Scope,
): Promise<{ file: string; named: string } | { problem: SemanticProblem }> {
  const problem = (message: string, hint: string, code: DiagnosticCode = 'bad-path', missing?: string) => ({
    problem: { code, message, path: at, hint, ...(missing ? { missing } : {}) },
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !path.win32.isAbsolute(file)) {
    return problem(
      `"${file}" is a web address; only local files can be used here`,
      `Download it into the outline's folder and name it by its path.`,
    );
  }
  if (path.isAbsolute(file)) {
    return problem(`"${file}" is an absolute path`, 'Name the file relative to the outline that names it.');
  }
  const resolved = path.resolve(baseDir, file);
  // A file that is not there is told so first: moving it into the project would not help.
  const real = await realpath(resolved).catch(() => undefined);
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || !info) {
    const near = await nearFile(resolved, file);
    const meant = near === undefined ? '' : ` (did you mean "${near}"?)`;
    return problem(`"${file}" does not exist${meant}`, `Looked for ${resolved}.`, 'not-found', resolved);
  }
  if (!isInside(scope.dir, resolved)) return problem(`"${file}" is outside ${scope.name}`, scope.hint(resolved));
  if (!isInside(await realpath(scope.dir), real)) {
    return problem(`"${file}" is a link that leads outside ${scope.name}, to ${real}`, scope.hint(real));
  }
  // Reading a named pipe or a device would wait forever or never end.
  if (!info.isFile()) {
    return problem(
      `"${file}" is ${notAFileKind(info)}`,
      'Name a regular file; versus reads no pipes, devices or folders.',
      'unreadable',
    );
  }
  return { file: real, named: resolved };
}

/** A file beside the missing `resolved` whose name it likely misspells, named as `written` names its folder. */
async function nearFile(resolved: string, written: string): Promise<string | undefined> {
  const entries = await readdir(path.dirname(resolved), { withFileTypes: true }).catch(() => []);
  const near = nearFileName(
    path.basename(resolved),
    entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name),
  );
  if (near === undefined) return undefined;
  const folder = written.slice(0, written.length - path.basename(written).length);
  return `${folder}${near}`;
}

function notAFileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder, not a file';
  if (info.isFIFO()) return 'a named pipe (FIFO), not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a regular file';
  return 'a socket, not a regular file';
}
