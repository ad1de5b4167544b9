/**
 * What versus knows of each programming language's source files: its name,
 * the extension and how a comment is written. The exercise files of the notebook
 * export and the files `check --run` runs are named from it.
 */
import HIGHLIGHT_ALIASES from './highlight-aliases.json' with { type: 'json' };
import HIGHLIGHT_LANGUAGES from './highlight-languages.json' with { type: 'json' };

/** How a language's source file comments its header: a marker per line, or a block around it; none in Markdown. */
export type Comment = { line: string } | { open: string; close: string };

export interface SourceFile {
  /** The language's name as people write it: "SQL", "C#" (absent for the Markdown of any other language). */
  name?: string;
  ext: string;
  comment?: Comment;
}

const slashes = (ext: string, name: string): SourceFile => ({ name, ext, comment: { line: '//' } });
const hashes = (ext: string, name: string): SourceFile => ({ name, ext, comment: { line: '#' } });
const dashes = (ext: string, name: string): SourceFile => ({ name, ext, comment: { line: '--' } });
const markup = (ext: string, name: string): SourceFile => ({ name, ext, comment: { open: '<!--', close: '-->' } });

/**
 * Languages versus writes exercise files for (names as highlight.js and fenced code know them).
 * Any other language gets a Markdown file: its steps, then its code in a fence.
 */
const SOURCE_FILES: Record<string, SourceFile> = {
  javascript: slashes('js', 'JavaScript'),
  js: slashes('js', 'JavaScript'),
  jsx: slashes('jsx', 'JSX'),
  mjs: slashes('mjs', 'JavaScript'),
  typescript: slashes('ts', 'TypeScript'),
  ts: slashes('ts', 'TypeScript'),
  tsx: slashes('tsx', 'TSX'),
  java: slashes('java', 'Java'),
  kotlin: slashes('kt', 'Kotlin'),
  scala: slashes('scala', 'Scala'),
  go: slashes('go', 'Go'),
  rust: slashes('rs', 'Rust'),
  c: slashes('c', 'C'),
  cpp: slashes('cpp', 'C++'),
  'c++': slashes('cpp', 'C++'),
  csharp: slashes('cs', 'C#'),
  'c#': slashes('cs', 'C#'),
  fsharp: slashes('fs', 'F#'),
  dart: slashes('dart', 'Dart'),
  swift: slashes('swift', 'Swift'),
  php: slashes('php', 'PHP'),
  zig: slashes('zig', 'Zig'),
  python: hashes('py', 'Python'),
  py: hashes('py', 'Python'),
  r: hashes('r', 'R'),
  ruby: hashes('rb', 'Ruby'),
  julia: hashes('jl', 'Julia'),
  elixir: hashes('ex', 'Elixir'),
  bash: hashes('sh', 'Bash'),
  sh: hashes('sh', 'Shell'),
  shell: hashes('sh', 'Shell'),
  zsh: hashes('zsh', 'Zsh'),
  powershell: hashes('ps1', 'PowerShell'),
  perl: hashes('pl', 'Perl'),
  yaml: hashes('yaml', 'YAML'),
  yml: hashes('yaml', 'YAML'),
  toml: hashes('toml', 'TOML'),
  dockerfile: hashes('Dockerfile', 'Dockerfile'),
  makefile: hashes('mk', 'Makefile'),
  sql: dashes('sql', 'SQL'),
  haskell: dashes('hs', 'Haskell'),
  lua: dashes('lua', 'Lua'),
  html: markup('html', 'HTML'),
  xml: markup('xml', 'XML'),
  vue: markup('vue', 'Vue'),
  svelte: markup('svelte', 'Svelte'),
  css: { name: 'CSS', ext: 'css', comment: { open: '/*', close: '*/' } },
  scss: slashes('scss', 'SCSS'),
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

/** Other names people give a language that runs, and the name its runner and set-up code go under. */
const ALIASES: Record<string, string> = {
  py: 'python',
  python3: 'python',
  js: 'javascript',
  mjs: 'javascript',
  node: 'javascript',
  sh: 'bash',
  shell: 'bash',
};

/** The keys a language's settings may be under: its name as written (lowercase), then its usual name (`sh` → `bash`). */
export function settingKeys(language: string): string[] {
  return [...new Set([language.toLowerCase(), usualName(language)])];
}

/** A language's usual name: `py` → `python`, `sh` → `bash`; any other lowercase. */
export function usualName(language: string): string {
  const name = language.toLowerCase();
  return Object.hasOwn(ALIASES, name) ? (ALIASES[name] as string) : name;
}

/**
 * The code `check --run` runs before each block of `language` (`run.setup` in the outline), and
 * the key it is under: the language as written, in lowercase, or any other name of it
 * (`js` for `javascript`).
 */
export function setupFor(
  setup: Readonly<Record<string, string>> | undefined,
  language: string,
): { key: string; code: string } | undefined {
  if (!setup) return undefined;
  const key =
    [language, ...settingKeys(language)].find((name) => Object.hasOwn(setup, name)) ??
    Object.keys(setup).find((name) => usualName(name) === usualName(language));
  return key === undefined ? undefined : { key, code: setup[key] as string };
}

/** A language as people write its name ("sql" → "SQL"); one versus does not know starts with a capital ("elm" → "Elm"). */
export function languageName(language: string): string {
  return sourceFileOf(language).name ?? `${language.charAt(0).toUpperCase()}${language.slice(1)}`;
}

/** highlight.js's names and aliases, lower case: the languages a slide shows highlighted. */
const HIGHLIGHTED: ReadonlySet<string> = new Set([...HIGHLIGHT_LANGUAGES, ...Object.keys(HIGHLIGHT_ALIASES)]);

/**
 * Whether code in `language` shows without highlighting though versus knows it: one it
 * writes exercise files for and highlight.js has no grammar for (zig, vue, svelte).
 */
export function showsUnhighlighted(language: string): boolean {
  const name = language.toLowerCase();
  return name in SOURCE_FILES && !HIGHLIGHTED.has(name);
}

/**
 * Every language name versus knows, lower case: highlight.js's names and aliases (the
 * slides'), those it writes exercise files for, and the words for prose.
 */
export const KNOWN_LANGUAGES: ReadonlySet<string> = new Set([...HIGHLIGHTED, ...Object.keys(SOURCE_FILES), ...PROSE]);
