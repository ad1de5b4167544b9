import path from 'node:path';

/** Whether `file` is `folder` or below it ("..notes.py" is a name, not a step up). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
