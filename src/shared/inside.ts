import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `file` is `folder` or below it ("..notes.py" is a name, not a step up). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * `file` as a rename acts on it: its folder through its symbolic links (when it exists), its own
 * name as it is (a rename replaces a link, not what it points to).
 */
export function withFolderResolved(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}
