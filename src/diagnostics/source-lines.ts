/**
 * Reads the lines code frames show: the CLI's one reader of outline text
 * after a command has failed. Only regular UTF-8 files of an outline's size
 * are read (a pipe or device named as an outline is never opened again).
 */
import { readFileSync, statSync } from 'node:fs';
import type { SourceLine } from './diagnostics.js';

/** The most a frame's file may hold: outlines are refused above 5 MB. */
const MAX_BYTES = 5 * 1024 * 1024;

/** A `SourceLine` that reads each file once; undefined for a file it cannot read as text. */
export function fileSourceLines(): SourceLine {
  const files = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!files.has(file)) files.set(file, readLines(file));
    return files.get(file)?.[line - 1];
  };
}

function readLines(file: string): string[] | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_BYTES) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)).replace(/^\uFEFF/, '');
    // Lines as the positions count them (yaml's LineCounter): a frame strips the "\r" of a CRLF file.
    return text.split('\n');
  } catch {
    return undefined;
  }
}
