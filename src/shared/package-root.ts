/**
 * The installed package's own folder (where package.json and themes/ are): the
 * nearest folder above this module that holds a package.json. This module sits
 * at different depths as source (src/shared/), as compiled by tsc
 * (lib/shared/package-root.js) and inside the CLI bundle (a chunk in lib/), and
 * neither src/ nor lib/ holds a package.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let folder = here; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return `${folder}${path.sep}`;
    if (path.dirname(folder) === folder) throw new Error(`versus: no package.json above ${here}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
