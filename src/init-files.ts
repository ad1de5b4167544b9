/** Writes `versus init`'s starter outline and schema; refuses to overwrite an outline unless forced. */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VersusError } from './diagnostics.js';
import { parseContenders, starterOutline } from './init.js';
import { outlineJsonSchema } from './outline/schema.js';

export async function initOutline(dir: string, contenderList: string, { force = false } = {}): Promise<string[]> {
  const contenders = parseContenders(contenderList);
  if (contenders.length < 2) {
    throw new VersusError(
      'invalid-outline',
      `--contenders needs two or more names, got ${contenders.length}.`,
      [],
      'Example: --contenders "PyTorch,JAX,MXNet"',
    );
  }
  const outlineFile = path.join(dir, 'outline.yaml');
  const schemaFile = path.join(dir, 'outline.schema.json');
  const exists = await access(outlineFile).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    throw new VersusError(
      'invalid-outline',
      `${outlineFile} already exists; nothing was written.`,
      [],
      'Choose another folder, or pass --force to overwrite it.',
    );
  }
  await mkdir(dir, { recursive: true });
  await writeFile(outlineFile, starterOutline(contenders));
  await writeFile(schemaFile, `${JSON.stringify(outlineJsonSchema(), null, 2)}\n`);
  return [outlineFile, schemaFile];
}
