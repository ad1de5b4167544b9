/**
 * Making a folder and the missing folders above it, one level at a time.
 * Node's `mkdir(dir, { recursive: true })` loops forever where the file system
 * answers ENOENT for a new entry under a parent that exists (/proc), and says
 * ENOENT for a new folder on a read-only mount; level by level, every failure
 * comes with its own cause, which `folderProblem` words for the user.
 */
import { mkdir, readlink, stat } from 'node:fs/promises';
import path from 'node:path';

/** @throws the failing `mkdir`'s error, or ENOTDIR when a file is where a folder should be. */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let folder = path.resolve(dir);
  for (;;) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info && !info.isDirectory()) throw notAFolder(folder);
    if (info || path.dirname(folder) === folder) break;
    missing.unshift(folder);
    folder = path.dirname(folder);
  }
  for (const level of missing) {
    await mkdir(level).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      // There, yet no folder stat could follow to: a link to nowhere.
      const target = await readlink(level).catch(() => undefined);
      if (target !== undefined && !(await stat(level).catch(() => undefined))) throw danglingLink(level, target);
      // Made by another process meanwhile (two builds into one new folder): as good.
      if (!(await stat(level)).isDirectory()) throw error;
    });
  }
}

/** A symbolic link whose target does not exist, where a folder is to be made. */
const DANGLING_LINK = 'EDANGLINGLINK';

function danglingLink(link: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${link} is a symbolic link to ${target}, which does not exist`), {
    code: DANGLING_LINK,
    path: link,
    target,
  });
}

function notAFolder(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${file}'`), {
    code: 'ENOTDIR',
    syscall: 'mkdir',
    path: file,
  });
}

const FILE_IN_THE_WAY = 'a file is in the way';
const PERMISSION_DENIED = 'permission denied';

const FOLDER_PROBLEMS: Partial<Record<string, string>> = {
  EEXIST: FILE_IN_THE_WAY,
  ENOTDIR: FILE_IN_THE_WAY,
  EISDIR: 'a folder is in the way',
  EACCES: PERMISSION_DENIED,
  EPERM: PERMISSION_DENIED,
  EROFS: 'the file system is read-only',
  // mkdir of one level whose parent exists: the file system takes no new entries there.
  ENOENT: 'no folder can be made there (a virtual or read-only file system)',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the path, or a name in it, is too long',
};

/**
 * Why a folder or a file in it could not be written, in the user's words, for
 * the errors that are theirs to fix; undefined for anything else (a bug).
 */
export function folderProblem(error: unknown): string | undefined {
  const { code, target } = (error ?? {}) as NodeJS.ErrnoException & { target?: string };
  if (code === DANGLING_LINK) return `it is a symbolic link to ${target}, which does not exist`;
  return FOLDER_PROBLEMS[code ?? ''];
}
