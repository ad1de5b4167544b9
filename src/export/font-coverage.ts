/**
 * Characters no font on this machine draws. Chromium on Linux finds its fonts through
 * fontconfig, and a character none of them has is printed as an empty box: a Thai or Hindi talk
 * on a machine without Thai or Devanagari fonts built "✓" with every letter a box. Where there is
 * no fontconfig to ask (macOS, Windows: their systems carry fonts for every script), none is told.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Finding } from '../lint/finding.js';
import type { Sourced } from '../outline/origin.js';

/** What a reader sees as a glyph: not spaces, controls, format characters or marks (drawn with their letter). */
const DRAWN = /[^\p{Z}\p{C}\p{M}]/u;

/** Scripts a talk is likely written in, to name the characters in a message; others are named by code point. */
const SCRIPTS = [
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Tibetan',
  'Arabic',
  'Hebrew',
  'Syriac',
  'Thaana',
  'Armenian',
  'Georgian',
  'Ethiopic',
  'Cyrillic',
  'Greek',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The code point ranges fontconfig's fonts cover, merged and sorted; undefined without fontconfig. */
let coverage: Promise<[number, number][] | undefined> | undefined;

async function fontCoverage(): Promise<[number, number][] | undefined> {
  try {
    const { stdout } = await promisify(execFile)('fc-list', ['--format', '%{charset}\n'], {
      timeout: 10_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const ranges = [...stdout.matchAll(/([0-9a-f]+)(?:-([0-9a-f]+))?/gi)]
      .map(([, from = '0', to]): [number, number] => [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)])
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of ranges) {
      const last = merged.at(-1);
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged.length ? merged : undefined;
  } catch {
    return undefined;
  }
}

function covered(ranges: readonly [number, number][], code: number): boolean {
  let [low, high] = [0, ranges.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = ranges[middle] as [number, number];
    if (code < from) high = middle - 1;
    else if (code > to) low = middle + 1;
    else return true;
  }
  return false;
}

/** The characters of `text` beyond ASCII that no font here has, in the order they first appear. */
export async function undrawnCharacters(text: string): Promise<string[]> {
  const candidates = [...new Set(text)].filter((c) => (c.codePointAt(0) ?? 0) > 0x7e && DRAWN.test(c));
  if (candidates.length === 0) return [];
  coverage ??= fontCoverage();
  const ranges = await coverage;
  return ranges ? candidates.filter((c) => !covered(ranges, c.codePointAt(0) ?? 0)) : [];
}

/**
 * A warning per script whose characters no font here draws, at the first place an outline file
 * writes one: the PDFs, the pictures and the slides shown on this machine have empty boxes there.
 */
export async function undrawnFindings(text: string, sourced: Pick<Sourced, 'documents'>): Promise<Finding[]> {
  const undrawn = await undrawnCharacters(text);
  const byScript = new Map<string, string[]>();
  for (const c of undrawn) {
    const script = SCRIPTS.find(({ pattern }) => pattern.test(c))?.name ?? 'other';
    byScript.set(script, [...(byScript.get(script) ?? []), c]);
  }
  return [...byScript].map(([script, characters]): Finding => {
    const shown =
      characters
        .slice(0, 5)
        .map((c) => `"${c}"`)
        .join(', ') + (characters.length > 5 ? ', …' : '');
    const what = script === 'other' ? `the characters ${shown}` : `${script} characters (${shown})`;
    return {
      severity: 'warning',
      code: 'undrawn-characters',
      message: `no font on this machine draws ${what}: the PDFs and pictures built here show them as empty boxes`,
      hint: 'Install a font that has them (Debian: fonts-noto-core; fonts-noto-cjk for Chinese, Japanese and Korean), then build again.',
      ...firstWritten(sourced, characters[0] ?? ''),
    };
  });
}

/** Where an outline file first writes `character`: its file, line and column. */
function firstWritten({ documents }: Pick<Sourced, 'documents'>, character: string) {
  for (const [file, { source }] of documents) {
    const at = source.indexOf(character);
    if (at < 0) continue;
    const before = source.slice(0, at).split('\n');
    return { file, line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
  }
  const [file = ''] = documents.keys();
  return { file, line: 1, col: 1 };
}
