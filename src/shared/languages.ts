/**
 * What versus knows of each programming language's source files: the
 * extension and how a comment is written. The exercise files of the notebook
 * export and the files `check --run` runs are named from it.
 */

/** How a language's source file comments its header: a marker per line, or a block around it; none in Markdown. */
export type Comment = { line: string } | { open: string; close: string };

export interface SourceFile {
  ext: string;
  comment?: Comment;
}

const slashes = (ext: string): SourceFile => ({ ext, comment: { line: '//' } });
const hashes = (ext: string): SourceFile => ({ ext, comment: { line: '#' } });
const dashes = (ext: string): SourceFile => ({ ext, comment: { line: '--' } });
const markup = (ext: string): SourceFile => ({ ext, comment: { open: '<!--', close: '-->' } });

/**
 * Languages versus writes exercise files for (names as highlight.js and fenced code know them).
 * Any other language gets a Markdown file: its steps, then its code in a fence.
 */
const SOURCE_FILES: Record<string, SourceFile> = {
  javascript: slashes('js'),
  js: slashes('js'),
  jsx: slashes('jsx'),
  mjs: slashes('mjs'),
  typescript: slashes('ts'),
  ts: slashes('ts'),
  tsx: slashes('tsx'),
  java: slashes('java'),
  kotlin: slashes('kt'),
  scala: slashes('scala'),
  go: slashes('go'),
  rust: slashes('rs'),
  c: slashes('c'),
  cpp: slashes('cpp'),
  'c++': slashes('cpp'),
  csharp: slashes('cs'),
  'c#': slashes('cs'),
  fsharp: slashes('fs'),
  dart: slashes('dart'),
  swift: slashes('swift'),
  php: slashes('php'),
  zig: slashes('zig'),
  python: hashes('py'),
  py: hashes('py'),
  r: hashes('r'),
  ruby: hashes('rb'),
  julia: hashes('jl'),
  elixir: hashes('ex'),
  bash: hashes('sh'),
  sh: hashes('sh'),
  shell: hashes('sh'),
  zsh: hashes('zsh'),
  powershell: hashes('ps1'),
  perl: hashes('pl'),
  yaml: hashes('yaml'),
  yml: hashes('yaml'),
  toml: hashes('toml'),
  dockerfile: hashes('Dockerfile'),
  makefile: hashes('mk'),
  sql: dashes('sql'),
  haskell: dashes('hs'),
  lua: dashes('lua'),
  html: markup('html'),
  xml: markup('xml'),
  vue: markup('vue'),
  svelte: markup('svelte'),
  css: { ext: 'css', comment: { open: '/*', close: '*/' } },
  scss: slashes('scss'),
};

/** Language names that say an exercise is answered in words: nothing to run, shown as text. */
const PROSE = new Set(['text', 'txt', 'plaintext', 'plain', 'prose']);

/** Whether `language` (an exercise's) means a written answer rather than code. */
export function isProse(language: string | undefined): boolean {
  return PROSE.has(language?.toLowerCase() ?? '');
}

/** The file an exercise in `language` is written to: its extension and comments, or Markdown. */
export function sourceFileOf(language: string | undefined): SourceFile {
  return SOURCE_FILES[language?.toLowerCase() ?? ''] ?? { ext: 'md' };
}
