/**
 * The installed package's own folder (where package.json and themes/ are).
 * This module sits one level below it both as compiled by tsc (lib/package-root.js)
 * and inside the CLI bundle (lib/cli.js and its chunks), so one relative URL serves both.
 */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
