/**
 * Output file names within what file systems allow: 255 bytes a name (ext4,
 * btrfs, ZFS and APFS count UTF-8 bytes), whatever the script of the title
 * they come from. A Chinese title of 96 characters is 288 bytes.
 */
import { sha256 } from './sha256.js';

export const MAX_NAME_BYTES = 255;

/**
 * The longest suffix versus adds to a slug; `.presenter.html`, `.handout.pdf`,
 * `.exercises` and `.NNNN.png` are shorter.
 */
export const LONGEST_SUFFIX = '.solutions.ipynb';

/** The most bytes a slug may have, so that every output's name fits. */
export const MAX_SLUG_BYTES = MAX_NAME_BYTES - LONGEST_SUFFIX.length;

/** Hex digits of the hash a shortened name ends with: different long names differ there. */
const HASH_LENGTH = 8;

/**
 * Names Windows keeps for devices, with any extension ("con.md", "nul.html"): no file can be
 * made under them there, nor opened from a copy made elsewhere.
 */
export function isWindowsDeviceName(name: string): boolean {
  return /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(name);
}

export function byteLength(name: string): number {
  return new TextEncoder().encode(name).length;
}

/**
 * `name` when it has at most `maxBytes` bytes in UTF-8; else as much of its
 * start as fits whole characters (a letter keeps its marks), a dash and a
 * short hash of the whole name, so that two long names that start alike still
 * get names of their own, and the same name always the same one.
 *
 * @example fitName('a'.repeat(300), 20) // 'aaaaaaaaaaa-9835fa6b'
 */
export function fitName(name: string, maxBytes: number): string {
  if (byteLength(name) <= maxBytes) return name;
  const hash = sha256(name).slice(0, HASH_LENGTH);
  const room = maxBytes - HASH_LENGTH - 1;
  let kept = '';
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(name)) {
    bytes += byteLength(segment);
    if (bytes > room) break;
    kept += segment;
  }
  kept = kept.replace(/-+$/, '');
  return kept ? `${kept}-${hash}` : hash;
}
