/**
 * Skipping unchanged talks. Each build records what it was made from and what
 * it wrote in `<out>/.versus/<outline name>-<hash of its path and profile>.json`: the
 * content hash of every file it read (the outline chain, themes, images, code
 * files), a stamp of the options, formats, versus and the browser, and the
 * content hash of every output. A later build whose stamp and inputs match,
 * with every output still as written, has nothing to do.
 *
 * Cheap by design: node built-ins and zod (to check a record holds what a
 * build records) only, no outline parsing, no puppeteer, so that `versus
 * build` on an unchanged talk returns in a blink.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recoverOutputFolder } from '../export/commit.js';
import { findBrowser } from '../export/find-browser.js';
import { findRasterizer } from '../export/find-rasterizer.js';
import type { Finding } from '../lint/finding.js';
import { DEFAULTS } from '../shared/defaults.js';
import { fitName, MAX_NAME_BYTES } from '../shared/file-name.js';
import { withFolderResolved } from '../shared/inside.js';
import { PACKAGE_ROOT } from '../shared/package-root.js';
import { sha256 } from '../shared/sha256.js';
import { isThemeFile } from '../theme/themes.js';
import type { Compiled } from './compile.js';
import { DEFAULT_FORMATS, type Format, needsBrowser, type PptxMode, takesImages } from './formats.js';
import { parseRecord } from './record-schema.js';

/** What the CLI's summary line says about a talk, kept so an up-to-date build can say it again. */
export interface BuildSummary {
  title: string;
  slug: string;
  slides: number;
  minutes: number;
  duration?: number;
  profile?: string;
  /** Whether the deck shows images (the HTML then holds them inside). */
  images: boolean;
  /** Whether the deck has exercises, whose code a build never runs. */
  exercises?: boolean;
}

export interface BuildRecord {
  /** The file format of this record; a record of another format is ignored. */
  record: typeof RECORD_FORMAT;
  outline: string;
  /** Options, formats, versus and the browser, hashed together. */
  stamp: string;
  /** Absolute path of each file the build read → sha256 of its content. */
  inputs: Record<string, string>;
  /** Each file the build wrote, relative to the output folder → its content's sha256, and its size and time as written. */
  outputs: Record<string, WrittenFile>;
  /** Files an earlier build of this talk wrote, of formats this build did not make: still its, to take away once stale. */
  kept?: string[];
  summary: BuildSummary;
  /** Overflow warnings of that build; absent when no format opened a browser. */
  overflows?: Finding[];
  /** That build's warning that the talk is over its slot; absent when it fits or has none. */
  overBudget?: Finding;
  /** That build's other warnings (see BuildResult.warnings). */
  warnings?: Finding[];
}

export interface WrittenFile {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** An up-to-date talk: its record, and its outputs as paths inside the output folder. */
export interface UpToDate {
  record: BuildRecord;
  files: string[];
}

// Format 4 keys inputs by the names the outline gives them, with the hashes of the bytes read, and keeps earlier files (`kept`).
const RECORD_FORMAT = 4;
export const RECORD_DIR = '.versus';

/** Options that change where or how fast a build runs, not what it writes. */
const NOT_OUTPUT_SETTINGS = new Set([
  'outDir',
  'onProgress',
  'browser',
  'releaseBrowser',
  'claimSlug',
  'force',
  'browserTimeout',
]);

/**
 * A build's options as the record reads them: where it writes, what formats,
 * and every other option by name and value (see buildStamp).
 */
export interface RecordedOptions {
  outDir?: string;
  /** The profile named on the command line: each has a record of its own. */
  profile?: string | undefined;
  formats?: readonly Format[];
  pptx?: PptxMode | undefined;
}

/** The record of the last build of `outlineFile` into the output folder, when nothing it depends on changed since. */
export async function upToDate(outlineFile: string, options: RecordedOptions): Promise<UpToDate | undefined> {
  const outDir = outDirOf(options);
  // A commit a killed build left unfinished is finished first: its outputs are judged as it meant them.
  await recoverOutputFolder(outDir);
  const recordFile = path.join(outDir, recordName(outlineFile, options.profile));
  const record = await readRecord(recordFile);
  if (!record || record.stamp !== buildStamp(options) || !readsOutline(record, outlineFile)) return undefined;
  const outputs = Object.entries(record.outputs).map(([name, written]) => [path.join(outDir, name), written] as const);
  const inputs = await hashFiles(Object.keys(record.inputs));
  // The record moves into place after its outputs (staging.ts): an output changed since has a later ctime.
  const committedMs = statSync(recordFile, { throwIfNoEntry: false })?.ctimeMs ?? 0;
  const fresh =
    Object.entries(inputs).every(([file, hash]) => hash === record.inputs[file]) &&
    (await Promise.all(outputs.map(([file, written]) => isAsWritten(file, written, committedMs)))).every(Boolean);
  return fresh ? { record, files: outputs.map(([file]) => file) } : undefined;
}

/**
 * Whether a record is of this outline and names it among the files the build read, by either name
 * of a link to a folder above it: a record that does not describes no build of it.
 */
function readsOutline(record: BuildRecord, outlineFile: string): boolean {
  const outline = outlinePath(outlineFile);
  return record.outline === outline && Object.keys(record.inputs).some((input) => outlinePath(input) === outline);
}

/**
 * Whether an output is as the build wrote it: the same size and time (as make
 * and git judge) and untouched since the commit that wrote it (its inode's
 * change time, which no tool sets back, as `cp -p` and `touch -r` set the
 * modification time, is no later than the record's, `committedMs`), or else
 * the same content, so that outputs of many megabytes cost nothing to check
 * while a hand-edited one is always caught.
 */
async function isAsWritten(file: string, written: WrittenFile, committedMs: number): Promise<boolean> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || stat.size !== written.size) return false;
  if (stat.mtimeMs === written.mtimeMs && stat.ctimeMs <= committedMs) return true;
  return (await hashFiles([file]))[file] === written.sha256;
}

/**
 * The inputs a build record keeps: `read`, each file by the name the outline
 * gives it with the sha256 of the very bytes the build used (so a save during
 * the build, or a link pointed elsewhere, makes the next build run), and
 * `others` (versus's own themes) hashed now.
 */
export async function hashInputs(
  read: ReadonlyMap<string, string>,
  others: readonly string[],
): Promise<Record<string, string>> {
  const rest = others.map((file) => path.resolve(file)).filter((file) => !read.has(file));
  return { ...(await hashFiles(rest)), ...Object.fromEntries(read) };
}

export interface FinishedBuild {
  inputs: Promise<Record<string, string>>;
  /** Each output as staged: its name in the output folder → the staged file (renaming keeps size and time). */
  outputs: readonly (readonly [string, string])[];
  /** See BuildRecord.kept. */
  kept: string[];
  compiled: Compiled;
  overflows?: Finding[];
  overBudget?: Finding;
  warnings?: Finding[];
}

/**
 * The record of a build about to commit, and its name in the output folder:
 * it is staged and committed with the outputs, so that it always describes
 * the files beside it.
 */
export async function recordOf(
  outlineFile: string,
  options: RecordedOptions,
  build: FinishedBuild,
): Promise<{ name: string; content: string }> {
  const hashes = await hashFiles(build.outputs.map(([, file]) => file));
  const outputs = build.outputs.map(([name, file]) => {
    const { size, mtimeMs } = statSync(file);
    return [name, { sha256: hashes[file] as string, size, mtimeMs }] as const;
  });
  const record: BuildRecord = {
    record: RECORD_FORMAT,
    outline: outlinePath(outlineFile),
    stamp: buildStamp(options),
    inputs: await build.inputs,
    outputs: Object.fromEntries(outputs),
    ...(build.kept.length > 0 ? { kept: build.kept } : {}),
    summary: summarize(build.compiled),
    ...(build.overflows ? { overflows: build.overflows } : {}),
    ...(build.overBudget ? { overBudget: build.overBudget } : {}),
    ...(build.warnings ? { warnings: build.warnings } : {}),
  };
  return { name: recordName(outlineFile, options.profile), content: `${JSON.stringify(record, null, 2)}\n` };
}

/** What the last builds of `outlineFile` into the output folder wrote and kept, relative to the folder; none when it has no record. */
export async function lastBuilt(outlineFile: string, options: RecordedOptions): Promise<string[]> {
  const record = await readRecord(path.join(outDirOf(options), recordName(outlineFile, options.profile)));
  return record ? filesOf(record) : [];
}

export function summarize({ deck, assets }: Compiled): BuildSummary {
  const { title, slug, duration, profile } = deck.meta;
  return {
    title,
    slug,
    slides: deck.slides.length,
    minutes: deck.minutes,
    ...(duration !== undefined ? { duration } : {}),
    ...(profile !== undefined ? { profile } : {}),
    images: assets.size > 0,
    ...(deck.slides.some((slide) => slide.kind === 'exercise') ? { exercises: true } : {}),
  };
}

function outDirOf(options: RecordedOptions): string {
  return options.outDir ?? DEFAULTS.outDir;
}

/** The files a build's record holds as its talk's: those it wrote, and those of other formats it kept. */
function filesOf(record: BuildRecord): string[] {
  return [...Object.keys(record.outputs), ...(record.kept ?? [])];
}

/** Another build's files that have a talk's names: its record, whose outline and profile, and what it wrote. */
export interface SameNames {
  record: string;
  outline: string;
  profile?: string;
  outputs: string[];
}

/**
 * The builds in the output folder, of another outline or profile, whose files have the names of
 * this talk's (the same slug): building this talk replaces their files, so their records and the
 * files this build does not write go too, and building one of them again builds it.
 */
export async function sameNames(outlineFile: string, options: RecordedOptions, slug: string): Promise<SameNames[]> {
  const outDir = outDirOf(options);
  const own = recordName(outlineFile, options.profile);
  const names = await readdir(path.join(outDir, RECORD_DIR)).catch(() => [] as string[]);
  const found: SameNames[] = [];
  for (const name of names) {
    const record = path.join(RECORD_DIR, name);
    if (record === own) continue;
    const built = await readRecord(path.join(outDir, record));
    if (built?.summary.slug !== slug) continue;
    found.push({ record, outline: built.outline, profile: built.summary.profile, outputs: filesOf(built) });
  }
  return found;
}

/**
 * One record per outline file, profile named on the command line and output folder, named so a
 * reader can tell whose it is; relative to the folder. A profile's record is its own, so that
 * building the workshop into the folder of the meetup deck leaves that deck (its files are another
 * build's, not this one's stale ones) and a build of each is up to date in turn.
 */
function recordName(outlineFile: string, profile: string | undefined): string {
  const absolute = outlinePath(outlineFile);
  const id = `-${sha256(profile === undefined ? absolute : `${absolute}\0${profile}`).slice(0, 12)}.json`;
  // An outline named near the file system's limit gets a shortened name here: the hash keeps it the outline's own.
  const name = fitName(path.basename(absolute).replace(/\.ya?ml$/i, ''), MAX_NAME_BYTES - id.length);
  return path.join(RECORD_DIR, `${name}${id}`);
}

/**
 * The outline file as named, through a symbolic link to a folder above it the same talk. A link to
 * the file itself from another folder is a talk of its own: its pictures and code files are found
 * beside the link, as the loader finds them.
 */
function outlinePath(outlineFile: string): string {
  return withFolderResolved(outlineFile);
}

/** The record in `file`; undefined when there is none, or it is unreadable or does not hold what a build records: build. */
async function readRecord(file: string): Promise<BuildRecord | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  return parseRecord(data, RECORD_FORMAT) as BuildRecord | undefined;
}

/**
 * Everything besides the files read that decides the outputs' bytes: the
 * options (every one but those that change only where or how fast, so options
 * added later count without a change here), the formats, versus's version and
 * code, the browser and the fonts it finds for browser-backed formats, the rasterizer for images,
 * and SOURCE_DATE_EPOCH.
 */
export function buildStamp(options: RecordedOptions): string {
  const formats = [...new Set(options.formats ?? DEFAULT_FORMATS)].sort();
  const settings = Object.entries(options)
    .filter(([key, value]) => !NOT_OUTPUT_SETTINGS.has(key) && key !== 'formats' && isData(value))
    .map(([key, value]) => [key, key === 'theme' ? themeFile(value as string) : value])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  // The picture PowerPoint is Chromium's screenshots too; what it draws with, the fonts it finds.
  const inBrowser = needsBrowser(formats, options.pptx);
  // Images drawn by mutool differ from Chromium's screenshots by anti-aliasing: installing it rebuilds them.
  const images = takesImages(new Set(formats), options.pptx);
  return sha256(
    JSON.stringify({
      formats,
      settings,
      versus: versusIdentity(),
      browser: inBrowser ? browserIdentity() : null,
      fonts: inBrowser ? fontsIdentity() : null,
      rasterizer: images ? rasterizerIdentity() : null,
      sourceDate: process.env.SOURCE_DATE_EPOCH ?? null,
    }),
  );
}

/** A theme file given on the command line, as the build resolves it: against the folder the command runs in. */
function themeFile(theme: string): string {
  return isThemeFile(theme) ? path.resolve(theme) : theme;
}

function isData(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && (typeof value !== 'object' || isPlain(value));
}

function isPlain(value: object | null): boolean {
  return value === null || Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
}

let versusCache: string | undefined;

/**
 * versus's version and code (see `codeIdentity`) and the command's entry, so
 * that a new install, a rebuilt checkout or updated dependencies rebuild every talk once.
 */
function versusIdentity(): string {
  if (versusCache !== undefined) return versusCache;
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const here = fileURLToPath(import.meta.url);
  const entry = process.argv[1] ? fileIdentity(process.argv[1]) : '';
  versusCache = `${version}:${codeIdentity(path.dirname(here), PACKAGE_ROOT)}:${entry}`;
  return versusCache;
}

/**
 * The code in `codeDir` and the packages installed for `packageRoot`: the names of its scripts
 * (the bundler names each chunk by its content) with their sizes and times (tsc and the bundler
 * write every file each time), and npm's hidden lockfile, which every install that changes a
 * dependency (marp-core, highlight.js) rewrites, in the package's node_modules or, installed as
 * a dependency, in the one it is in.
 */
export function codeIdentity(codeDir: string, packageRoot: string): string {
  const scripts = readdirSync(codeDir)
    .filter((name) => /\.[cm]?[jt]s$/.test(name))
    .sort()
    .map((name) => fileIdentity(path.join(codeDir, name)));
  const installs = [
    path.join(packageRoot, 'node_modules', '.package-lock.json'),
    path.join(packageRoot, '..', '.package-lock.json'),
  ].filter((file) => existsSync(file));
  return sha256([...scripts, ...installs.map(fileIdentity)].join('|'));
}

/**
 * The browser as a file: its real path, size and time, without starting it.
 * A launcher script (Debian's /usr/bin/chromium-headless-shell) counts with
 * the programs it names, whose files change when the browser is updated.
 */
function browserIdentity(): string | null {
  const executable = findBrowser();
  if (!executable) return null;
  const named: string[] = [];
  const stat = statSync(executable, { throwIfNoEntry: false });
  if (stat && stat.size < 64 * 1024) {
    const text = readFileSync(executable, 'latin1');
    if (text.startsWith('#!')) {
      for (const [file] of text.matchAll(/\/[\w./+-]+/g))
        if (!file.startsWith('/bin/') && exists(file)) named.push(file);
    }
  }
  return [executable, ...named].map(fileIdentity).join('|');
}

/**
 * The fonts Chromium finds, without asking fontconfig (a process of its own): the settings that
 * point it elsewhere, and the times of the font folders and of fontconfig's caches, which
 * installing a font package (its `fc-cache` trigger) or a font in a folder of one's own changes.
 * Installing Noto CJK after a build showed empty boxes then builds the talk again.
 */
function fontsIdentity(): string {
  const home = os.homedir();
  const cache = process.env.XDG_CACHE_HOME ?? path.join(home, '.cache');
  const folders = [
    '/var/cache/fontconfig',
    path.join(cache, 'fontconfig'),
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local/share/fonts'),
    path.join(home, '.fonts'),
    '/Library/Fonts',
    path.join(home, 'Library/Fonts'),
  ];
  const settings = ['FONTCONFIG_FILE', 'FONTCONFIG_PATH', 'FONTCONFIG_SYSROOT'].map((name) => process.env[name] ?? '');
  const times = folders.map((folder) => statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return [...settings, ...times].join('|');
}

/** The rasterizer as a file, or "chromium": a new one rebuilds the images. */
function rasterizerIdentity(): string {
  const mutool = findRasterizer();
  return mutool ? fileIdentity(mutool) : 'chromium';
}

/** A program as a file: its real path, size and time, without starting it. */
function fileIdentity(file: string): string {
  try {
    const real = realpathSync(file);
    const stat = statSync(real);
    return `${real}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return `${file}:missing`;
  }
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Each file's sha256; "missing" for a file that cannot be read, and "not a file"
 * for a folder, a pipe or a device, which is never read (a FIFO would never end):
 * either way the talk is built again, and the loader says what is wrong.
 */
async function hashFiles(files: string[]): Promise<Record<string, string>> {
  const hashes = await Promise.all(
    files.map(async (file) => {
      try {
        if (!(await stat(file)).isFile()) return [file, 'not a file'] as const;
        return [file, sha256(await readFile(file))] as const;
      } catch {
        return [file, 'missing'] as const;
      }
    }),
  );
  return Object.fromEntries(hashes);
}
