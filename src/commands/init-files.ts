/** Writes `versus init`'s starter outline and schema; refuses to overwrite an outline unless forced. */
import { access, writeFile } from 'node:fs/promises';
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
  try {
    await makeFolder(dir);
    await writeFile(outlineFile, starterOutline(contenders));
    await writeFile(schemaFile, `${JSON.stringify(outlineJsonSchema(), null, 2)}\n`);
  } catch (error) {
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
