/**
 * Where MuPDF's `mutool` is, without starting it: the build's up-to-date check
 * names it (images drawn by it differ from Chromium's by anti-aliasing), and
 * must stay cheap.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** `VERSUS_RASTERIZER=chromium` takes the slide images with Chromium even where `mutool` is installed. */
export const RASTERIZER_ENV = 'VERSUS_RASTERIZER';

export const RASTERIZER_HINT =
  "Install MuPDF's tools (Debian/Ubuntu: `sudo apt-get install mupdf-tools`, or run `bash scripts/setup.sh`), or set VERSUS_RASTERIZER=chromium to take the images with Chromium.";

/**
 * The `mutool` executable that draws slide images from the slide PDF: the
 * first on `PATH`; none when `VERSUS_RASTERIZER=chromium` (or when none is
 * installed), and the build then screenshots the slides in Chromium.
 */
export function findRasterizer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[RASTERIZER_ENV] === 'chromium') return undefined;
  const name = process.platform === 'win32' ? 'mutool.exe' : 'mutool';
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
