/**
 * Writes src/shared/highlight-aliases.json: each alias of highlight.js's languages, as
 * marp-core registers them, and the language it names once all are registered; and
 * src/shared/highlight-languages.json, the languages' own names. The lazy highlighter
 * (src/export/highlight.ts) resolves a name by them without running every language's
 * definition, and `check` tells a language no slide can highlight.
 *
 *   npm run build && node scripts/highlight-aliases.js
 *
 * Run it again when highlight.js or marp-core changes: test/highlight.test.ts fails until then.
 */
import { writeFile } from 'node:fs/promises';
import { Marp } from '@marp-team/marp-core';
import { aliasesOf, recordLanguages } from '../lib/export/highlight.js';

const definitions = recordLanguages(() => new Marp().highlightjs);
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
await writeFile(new URL('../src/shared/highlight-aliases.json', import.meta.url), json(aliasesOf(definitions)));
await writeFile(new URL('../src/shared/highlight-languages.json', import.meta.url), json([...definitions.keys()]));
