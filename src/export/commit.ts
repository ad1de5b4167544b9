/**
 * Moving a build's staged outputs into the output folder all at once: every
 * new file, its build record, and the removal of files the previous build
 * wrote and this one does not. Either all of it happens or none of it:
 *
 * - everything that could stop the moves (a folder in the way, a file where a
 *   folder should be, a folder that cannot be written) is checked first;
 * - the moves are synchronous, so no signal handler runs between two of them;
 * - a move that fails puts back every file moved before it (the previous
 *   outputs were kept as hard links in the staging folder);
 * - a journal in the staging folder lists the moves, so that when the process
 *   is killed outright (SIGKILL, a power cut) the next build finishes them;
 * - one commit at a time per output folder (a lock file), so that two builds
 *   at once never leave one's record beside the other's files.
 */
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { VersusError } from '../diagnostics/diagnostics.js';
import { folderProblem } from '../shared/make-folder.js';
import { hold, inUse, OWNER, release } from './owner.js';

export interface CommitPlan {
  /** The staging folder, holding each new file under its name. */
  stagingDir: string;
  /** Files to move in, relative to both folders. */
  names: readonly string[];
  /** Files of the previous build to take away, relative to the output folder. */
  remove: readonly string[];
  /** Called before each move (0, 1, …): fault tests fail or kill the commit there. */
  beforeMove?: (step: number) => void;
}

/** The journal's name in a staging folder: present from the first move to the last. */
export const JOURNAL = '.commit.json';
/** Where the files a commit replaces or removes wait, inside the staging folder, until it has succeeded. */
const PREVIOUS = '.previous';
/** The lock file of an output folder: present while one build commits into it. */
export const LOCK = '.versus-commit.lock';

/** The start of a staging folder's name, which goes on with its build's pid. */
export const STAGING_PREFIX = '.versus-staging-';
/** The file in a staging folder that names its build (owner.ts): `pid@host`, empty as versus wrote it before. */
export const STAGING_OWNER = '.opened';
/** A staging folder made on another host (a container) is taken for abandoned once untouched for this long. */
const FOREIGN_STAGING_MS = 60 * 60_000;

/**
 * Commits into `outDir` the plan `makePlan` returns, both under the folder's lock; returns the new
 * files' paths. What a plan removes and records depends on what the last build committed, so it is
 * made under the lock too: made before, a build overlapping another would miss the files that one
 * committed meanwhile. A commit that a build killed outright left unfinished is finished first:
 * finished later, it would put that build's files over these newer ones.
 */
export async function commitAll(outDir: string, makePlan: () => CommitPlan | Promise<CommitPlan>): Promise<string[]> {
  await lock(outDir);
  try {
    finishAbandonedCommits(outDir);
    return commitSync(outDir, await makePlan());
  } finally {
    unlock(outDir);
  }
}

/**
 * Finishes, under the output folder's lock, the commits that builds killed outright left
 * unfinished, and removes their staging folders: before a build judges its outputs up to
 * date (a commit killed while it took old files away left them there) and before it stages its own.
 */
export async function recoverOutputFolder(outDir: string): Promise<void> {
  if (abandonedStagingDirs(outDir).length === 0) return;
  await lock(outDir);
  try {
    finishAbandonedCommits(outDir);
  } finally {
    unlock(outDir);
  }
}

/**
 * Staging folders in `outDir` a build left unfinished: those whose build is gone (owner.ts), and
 * those holding a journal. A build writes its journal only under the lock and takes it away before
 * letting go, so a journal found under the lock is a killed build's, even when its pid now names
 * another process (found without the lock, it may be a commit under way, which taking the lock
 * waits for). A live build's folder without a journal stays.
 */
function abandonedStagingDirs(outDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (!entry.startsWith(STAGING_PREFIX)) return [];
    const dir = path.join(outDir, entry);
    if (existsSync(path.join(dir, JOURNAL))) return [dir];
    const owner = readOwner(path.join(dir, STAGING_OWNER)) || entry.slice(STAGING_PREFIX.length).split('-')[0] || '';
    const touchedMs = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return inUse(owner, { path: dir, touchedMs, foreignFor: FOREIGN_STAGING_MS }) ? [] : [dir];
  });
}

/**
 * Finishes each abandoned commit (the caller holds the lock): every staged file still in its
 * staging folder goes into place and the files it was to remove go, as its journal lists them
 * (its staged files were complete before the journal was written); then the folder goes.
 */
function finishAbandonedCommits(outDir: string): void {
  for (const stagingDir of abandonedStagingDirs(outDir)) {
    const written = readJournal(path.join(stagingDir, JOURNAL));
    if (written) {
      for (const name of written.names) {
        const staged = path.join(stagingDir, name);
        if (!existsSync(staged)) continue;
        mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
        renameSync(staged, path.join(outDir, name));
      }
      for (const name of written.remove) rmSync(path.join(outDir, name), { force: true });
      removeEmptiedFolders(outDir, written.remove);
    }
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

function commitSync(outDir: string, { stagingDir, names, remove, beforeMove }: CommitPlan): string[] {
  const gone = remove.filter((name) => !names.includes(name) && existsSync(path.join(outDir, name)));
  // The folders the checks make for new files (`.versus`, `<slug>.exercises`), taken away again on a failure.
  const made: string[] = [];
  try {
    for (const name of names) {
      const folder = checkTarget(outDir, name);
      if (folder) made.push(folder);
    }
  } catch (error) {
    removeEmptyFolders(made);
    throw error;
  }
  const journal = path.join(stagingDir, JOURNAL);
  // Written whole or not at all (a rename), so that a power cut never leaves half a journal.
  writeFileSync(`${journal}.part`, JSON.stringify({ names, remove: gone }));
  renameSync(`${journal}.part`, journal);
  const undo: (() => void)[] = [];
  let current = outDir;
  try {
    for (const [step, name] of names.entries()) {
      current = path.join(outDir, name);
      beforeMove?.(step);
      undo.push(keepPrevious(stagingDir, outDir, name));
      renameWithRetrySync(path.join(stagingDir, name), current);
    }
    for (const [step, name] of gone.entries()) {
      current = path.join(outDir, name);
      beforeMove?.(names.length + step);
      const previous = path.join(stagingDir, PREVIOUS, name);
      mkdirSync(path.dirname(previous), { recursive: true });
      renameSync(current, previous);
      undo.push(() => renameSync(previous, current));
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Put back what can be; the first error is the one to report.
      }
    }
    removeEmptyFolders(made);
    throw commitError(error, current, outDir);
  } finally {
    rmSync(journal, { force: true });
  }
  removeEmptiedFolders(outDir, gone);
  return names.map((name) => path.join(outDir, name));
}

/** The folders inside `outDir` that taking `removed` away left empty (an exercise's files, all stale), innermost first. */
function removeEmptiedFolders(outDir: string, removed: readonly string[]): void {
  for (const name of removed) {
    for (let folder = path.dirname(name); folder !== '.'; folder = path.dirname(folder)) {
      try {
        rmdirSync(path.join(outDir, folder));
      } catch {
        break; // Not empty (or gone already): the folders above it are not either.
      }
    }
  }
}

/** Takes away each of `folders` and the folders in it, where a failed commit left them empty. */
function removeEmptyFolders(folders: readonly string[]): void {
  for (const folder of folders) {
    try {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) removeEmptyFolders([path.join(folder, entry.name)]);
      }
      rmdirSync(folder);
    } catch {
      // Not empty, or gone already: left as it is.
    }
  }
}

/**
 * Keeps the file `name` replaces as a hard link in the staging folder, and
 * returns how to put it back (or, when there was none, to take the new one away).
 */
function keepPrevious(stagingDir: string, outDir: string, name: string): () => void {
  const target = path.join(outDir, name);
  if (!existsSync(target)) return () => rmSync(target, { force: true });
  const previous = path.join(stagingDir, PREVIOUS, name);
  mkdirSync(path.dirname(previous), { recursive: true });
  try {
    linkSync(target, previous);
  } catch {
    copyFileSync(target, previous);
  }
  return () => renameSync(previous, target);
}

/**
 * Throws, before anything moves, what would stop `name` from being moved into place; returns the
 * outermost folder it made for it, if any.
 */
function checkTarget(outDir: string, name: string): string | undefined {
  const target = path.join(outDir, name);
  try {
    const made = mkdirSync(path.dirname(target), { recursive: true });
    accessSync(path.dirname(target), constants.W_OK);
    if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
    }
    return made;
  } catch (error) {
    const blocker = fileInTheWay(outDir, path.dirname(target));
    if (blocker) {
      throw new VersusError('environment', `Cannot write ${target}: ${blocker} is a file, where a folder is needed.`, {
        hint: `Move or rename ${blocker} (a folder of that name is needed there) and build again.`,
        cause: error,
      });
    }
    throw commitError(error, target);
  }
}

/** The file, not a folder, on the way from `outDir` down to `folder` (`dist/.versus` a file); undefined when there is none. */
function fileInTheWay(outDir: string, folder: string): string | undefined {
  for (const current of levelsDown(outDir, folder)) {
    const info = statSync(current, { throwIfNoEntry: false });
    if (!info) return undefined;
    if (!info.isDirectory()) return current;
  }
  return undefined;
}

/**
 * What a journal says to move and remove; undefined when there is none, or none a build
 * finished writing (one written before journals were renamed into place): no move began then.
 */
function readJournal(file: string): { names: string[]; remove: string[] } | undefined {
  try {
    const journal = JSON.parse(readFileSync(file, 'utf8')) as { names?: unknown; remove?: unknown };
    const names = Array.isArray(journal.names) ? journal.names.filter((name) => typeof name === 'string') : [];
    const remove = Array.isArray(journal.remove) ? journal.remove.filter((name) => typeof name === 'string') : [];
    return { names, remove };
  } catch {
    return undefined;
  }
}

/** How long a lock file may stay empty: its build writes its pid the moment it creates it. */
const EMPTY_LOCK_MS = 2_000;

/** How long a build waits for another build's commit into the same folder (they take milliseconds). */
const LOCK_WAIT_MS = 30_000;
/** A lock taken on another host (a container), whose build this one cannot see, is stale after this long. */
const FOREIGN_LOCK_MS = LOCK_WAIT_MS / 2;

async function lock(outDir: string): Promise<void> {
  const file = path.join(outDir, LOCK);
  const started = Date.now();
  for (;;) {
    if (tryLock(file)) return;
    const holder = readOwner(file);
    // A lock whose build is gone (killed outright) is stale; so is one left empty, once it is old
    // (its build died between creating it and writing its owner).
    const touchedMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    const stale = holder
      ? !inUse(holder, { path: file, touchedMs, foreignFor: FOREIGN_LOCK_MS })
      : Date.now() - touchedMs > EMPTY_LOCK_MS;
    if (stale) removeStaleLock(file, holder);
    else if (Date.now() - started > LOCK_WAIT_MS) {
      throw new VersusError(
        'environment',
        `Another build has been committing into ${outDir} for ${LOCK_WAIT_MS / 1000} s.`,
        { hint: `If no build is running, delete ${file} and build again.` },
      );
    } else await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Takes the lock when no build holds it; a lock file it could not write whole (a full disk) is taken away again. */
function tryLock(file: string): boolean {
  let handle: number;
  try {
    handle = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw commitError(error, file);
  }
  try {
    writeFileSync(handle, OWNER);
  } catch (error) {
    closeSync(handle);
    rmSync(file, { force: true });
    throw commitError(error, file);
  }
  closeSync(handle);
  hold(file);
  return true;
}

/**
 * Takes away a stale lock that held `holder`. Two builds waiting on it may both find it stale: the
 * first takes it away and locks anew, so the second would take away a live lock. Moved aside
 * first (a rename that only one of them can make), it is put back when it holds another build's pid.
 */
export function removeStaleLock(file: string, holder: string): void {
  const aside = `${file}.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Another build took it away first.
  }
  if (readOwner(aside) === holder) rmSync(aside, { force: true });
  else renameSync(aside, file);
}

/** The owner a lock file or a staging folder's marker names; '' when it is gone or not yet written. */
function readOwner(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function unlock(outDir: string): void {
  const file = path.join(outDir, LOCK);
  rmSync(file, { force: true });
  release(file);
}

/** Codes of a file that another program holds open for a moment (Windows, antivirus, an indexer). */
const BUSY = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_TRIES = 10;

/** `rename`, tried again for about a second while the target is busy, as write-file-atomic does; without yielding to signal handlers. */
function renameWithRetrySync(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      if (!BUSY.has((error as NodeJS.ErrnoException).code ?? '') || attempt >= RENAME_TRIES) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
    }
  }
}

/** What to do about each reason a file cannot be replaced (the reasons are make-folder.ts's). */
const HINTS: Record<string, string> = {
  'a file is in the way': 'Move or rename that file (a folder of that name is needed there) and build again.',
  'a folder is in the way': 'Move or rename that folder and build again.',
  'the disk is full': 'Free some space and build again.',
};

/** A file that cannot be replaced is the user's to free, not an internal error. */
export function commitError(error: unknown, target: string, outDir?: string): unknown {
  if (error instanceof VersusError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EXDEV' && outDir) return crossDeviceError(error, target, outDir);
  if (BUSY.has(code)) {
    return new VersusError(
      'environment',
      `Cannot replace ${target}: another program holds it open, or it is read-only (${code}).`,
      {
        hint: 'Close it (a PDF viewer on Windows locks the file it shows), or make it writable, and build again.',
        cause: error,
      },
    );
  }
  const reason = code === 'ENOTEMPTY' ? 'a folder is in the way' : folderProblem(error);
  if (reason) {
    const hint = HINTS[reason] ?? 'Choose a folder you can write to with --out.';
    return new VersusError('environment', `Cannot replace ${target}: ${reason}.`, { hint, cause: error });
  }
  // Any other refusal of the file system (EIO, ETXTBSY…) is the machine's, not a bug: named with the file.
  if (/^E[A-Z0-9]+$/.test(code)) {
    return new VersusError(
      'environment',
      `Cannot replace ${target}: ${SYSTEM_ERRORS[code] ?? 'the file system refused it'} (${code}).`,
      {
        hint: 'The previous files are as they were. Check the disk (and what holds the file), and build again.',
        cause: error,
      },
    );
  }
  return error;
}

/** The file system's other refusals, in the user's words. */
const SYSTEM_ERRORS: Record<string, string> = {
  EIO: 'the disk or its connection failed',
  ETXTBSY: 'the file is a program that is running',
  EBADF: 'the file system lost track of the file',
  ESTALE: 'the network file system lost track of the file',
  ELOOP: 'a symbolic link on the way leads in a circle',
  EMLINK: 'the folder holds too many entries',
  EFBIG: 'the file is too large for the file system',
};

/**
 * A file whose folder in the output folder is on another file system: a rename, which moves it
 * into place all at once, cannot cross file systems. Names the symbolic link that leads there
 * (`<slug>.solutions` linked to a folder elsewhere), or else the folder (a mount point).
 */
function crossDeviceError(error: unknown, target: string, outDir: string): VersusError {
  const link = linkInOutput(outDir, path.dirname(target));
  let where = `${path.dirname(target)} is on another file system (a mount point)`;
  if (link) {
    let to = '';
    try {
      to = ` (${realpathSync(link)})`;
    } catch {
      // A link that leads nowhere now: named all the same.
    }
    where = `${link} is a symbolic link to a folder on another file system${to}`;
  }
  return new VersusError(
    'environment',
    `Cannot replace ${target}: ${where}, where no file can be moved into place all at once from ${outDir}.`,
    {
      hint: link
        ? 'Replace the link with a folder, or point --out at a folder on that file system, and build again.'
        : 'Point --out at a folder on one file system, and build again.',
      cause: error,
    },
  );
}

/** The outermost symbolic link on the way from `outDir` down to `folder`, inside `outDir`; undefined when there is none. */
function linkInOutput(outDir: string, folder: string): string | undefined {
  for (const current of levelsDown(outDir, folder)) {
    if (lstatSync(current, { throwIfNoEntry: false })?.isSymbolicLink()) return current;
  }
  return undefined;
}

/** Each path from `outDir`'s child down to `folder`, in order; none when `folder` is not inside `outDir`. */
function* levelsDown(outDir: string, folder: string): Generator<string> {
  const relative = path.relative(outDir, folder);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return;
  let current = outDir;
  for (const level of relative.split(path.sep)) {
    current = path.join(current, level);
    yield current;
  }
}
