/**
 * Writes src/export/highlight-aliases.json: each alias of highlight.js's languages, as
 * marp-core registers them, and the language it names once all are registered. The lazy
 * highlighter (src/export/highlight.ts) resolves a name by it without running every
 * language's definition.
 *
 *   npm run build && node scripts/highlight-aliases.js
 *
 * Run it again when highlight.js or marp-core changes: test/highlight.test.ts fails until then.
 */
import { writeFile } from 'node:fs/promises';
import { Marp } from '@marp-team/marp-core';
import { aliasesOf, recordLanguages } from '../lib/export/highlight.js';

const definitions = recordLanguages(() => new Marp().highlightjs);
const file = new URL('../src/export/highlight-aliases.json', import.meta.url);
await writeFile(file, `${JSON.stringify(aliasesOf(definitions), null, 2)}\n`);
