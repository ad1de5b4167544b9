/** Writes `versus init`'s starter outline and schema; refuses to overwrite an outline unless forced. */
import { access, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VersusError } from '../diagnostics/diagnostics.js';
import { outlineJsonSchema } from '../outline/schema.js';
import { folderProblem, makeFolder } from '../shared/make-folder.js';
import { parseContenders, type Starter, starterOutline } from './init.js';

export async function initOutline(dir: string, contenderList: string, { force = false } = {}): Promise<string[]> {
  const contenders = parseContenders(contenderList);
  if (contenders.length < 2) {
    throw new VersusError('usage', `--contenders needs two or more names, got ${contenders.length}.`, {
      hint: 'Example: --contenders "PyTorch,JAX,MXNet"',
    });
  }
  const outlineFile = path.join(dir, 'outline.yaml');
  const schemaFile = path.join(dir, 'outline.schema.json');
  const exists = await access(outlineFile).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    throw new VersusError('usage', `${outlineFile} already exists; nothing was written.`, {
      hint: 'Choose another folder, or pass --force to overwrite it.',
    });
  }
  const existed = await access(dir).then(
    () => true,
    () => false,
  );
  // Both files are written whole beside their places, then renamed into them, the outline last: a full
  // disk or a read-only folder leaves what was there before (and no folder that was not).
  const files: [file: string, text: string][] = [
    [schemaFile, `${JSON.stringify(outlineJsonSchema(), null, 2)}\n`],
    [outlineFile, starterOutline(contenders)],
  ];
  const partOf = (file: string) => path.join(dir, `.${path.basename(file)}.${process.pid}.part`);
  try {
    await makeFolder(dir);
    for (const [file, text] of files) await writeFile(partOf(file), text);
    for (const [file] of files) await rename(partOf(file), file);
  } catch (error) {
    await Promise.all(files.map(([file]) => rm(partOf(file), { force: true }).catch(() => {})));
    if (!existed) await rmdir(dir).catch(() => {});
    throw folderError(error, dir, contenders);
  }
  return [outlineFile, schemaFile];
}

/** A folder init cannot write to is the user's to change, not an internal error. */
function folderError(error: unknown, dir: string, contenders: readonly Starter[]): unknown {
  const problem = folderProblem(error);
  if (!problem) return error;
  const example = `talks/${contenders.map((c) => c.id).join('-vs-')} --contenders "${contenders.map((c) => c.name).join(',')}"`;
  return new VersusError('environment', `Cannot write the starter outline into ${dir}: ${problem}.`, {
    hint: `Name a folder for it (it is created when missing), e.g. versus init ${example}.`,
    cause: error,
  });
}
