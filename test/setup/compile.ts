/**
 * CLI tests run the built `lib/cli.js` (compiled, then bundled): build it when
 * it is older than what it is built from, so that it matches `src/`.
 */
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INPUTS = ['src', 'scripts/bundle.js', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

export default function compile(): void {
  const built = modified(path.join(ROOT, 'lib/cli.js'));
  const newest = Math.max(...INPUTS.map((input) => newestIn(path.join(ROOT, input))));
  if (built > newest) return;
  execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });
}

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(file: string): number {
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(file).map((name) => newestIn(path.join(file, name))));
}
