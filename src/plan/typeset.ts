/**
 * The outline's running text typeset for its language before planning
 * (i18n/typeset.ts): French titles, bullets, cells and notes get their no-break
 * spaces, so that every output, measured and drawn from the plan, keeps
 * "2026 : Kafka" on one line. Code, ids, paths, addresses and dates stay as written.
 */
import { typesetterFor } from '../i18n/typeset.js';
import type { Outline } from '../outline/schema.js';

/** Fields whose text is not running text, or is typeset elsewhere (`labels`: by `Labels.t`). */
const AS_WRITTEN = new Set([
  'accessed',
  // An image's file as the loader found it: its content-addressed name and its bytes' hash.
  'asset',
  'code',
  'color',
  'contender',
  'date',
  'defaultProfile',
  'extends',
  'file',
  'id',
  'kind',
  'labels',
  'lang',
  'language',
  'only',
  'origin',
  'qr',
  'run',
  'scale',
  'skip',
  'slug',
  'solution',
  'sources',
  'src',
  'starter',
  'tags',
  'theme',
  'url',
  'verdict',
]);

/** `outline` with its running text typeset, or `outline` itself when its language asks for nothing. */
export function typesetOutline(outline: Outline): Outline {
  const typesetter = typesetterFor(outline.lang);
  if (!typesetter) return outline;
  const typeset = (value: unknown): unknown => {
    if (typeof value === 'string') return typesetter(value);
    if (Array.isArray(value)) return value.map(typeset);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, AS_WRITTEN.has(key) ? field : typeset(field)]),
    );
  };
  return typeset(outline) as Outline;
}
