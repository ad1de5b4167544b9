/**
 * highlight.js as Marp highlights code with it, each language's definition run
 * the first time a slide names it. marp-core registers all 192 of highlight.js's
 * languages on its first render, which runs every definition (70–117 ms of CPU,
 * on the way to the first printed page); a talk names one or two. The result is
 * the same: a name resolves as the full set resolves it (aliases from
 * highlight-aliases.json, written by scripts/highlight-aliases.js and kept in step with highlight.js by test/highlight.test.ts),
 * and a language comes with those it highlights parts of its code in
 * (`subLanguage`), or with every language when it leaves that to detection.
 */
import type { HighlightOptions, HighlightResult, HLJSApi, Language, LanguageFn } from 'highlight.js';
import hljs from 'highlight.js/lib/core';
import HIGHLIGHT_ALIASES from '../shared/highlight-aliases.json' with { type: 'json' };

/** The languages, in the order Marp registers them: what `recordLanguages` saw. */
export type Definitions = ReadonlyMap<string, LanguageFn>;

/**
 * The languages `register` would register on a new highlight.js instance (marp-core's
 * getter does that), recorded instead of run: the instance it is given only takes names.
 */
export function recordLanguages(register: () => unknown): Definitions {
  const definitions = new Map<string, LanguageFn>();
  const recorder = { registerLanguage: (name: string, definition: LanguageFn) => definitions.set(name, definition) };
  const { newInstance } = hljs;
  hljs.newInstance = () => recorder as unknown as HLJSApi;
  try {
    register();
  } finally {
    hljs.newInstance = newInstance;
  }
  return definitions;
}

/** What Marp asks of highlight.js (`getLanguage`, `highlight`), its languages registered as they are asked for. */
export class LazyHighlighter {
  private readonly hljs = hljs.newInstance();
  private readonly registered = new Set<string>();
  /** Every language, as marp-core registers them, once a language asks for detection among all. */
  private full: HLJSApi | undefined;

  constructor(private readonly definitions: Definitions) {}

  getLanguage(name: string): Language | undefined {
    const language = this.nameOf(name);
    if (language) this.register(language);
    const { full } = this;
    if (full) return full.getLanguage(name);
    return language ? this.hljs.getLanguage(language) : undefined;
  }

  highlight(code: string, options: HighlightOptions): HighlightResult {
    const language = this.nameOf(options.language);
    if (language) this.register(language);
    const { full } = this;
    if (full) return full.highlight(code, options);
    return this.hljs.highlight(code, { ...options, language: language ?? options.language });
  }

  /** A language's own name, from its name or an alias, as the full set resolves it. */
  private nameOf(name: string): string | undefined {
    const lower = (name || '').toLowerCase();
    if (this.definitions.has(lower)) return lower;
    const alias = (HIGHLIGHT_ALIASES as Record<string, string>)[lower];
    return alias && this.definitions.has(alias) ? alias : undefined;
  }

  private register(name: string): void {
    if (this.registered.has(name) || this.full) return;
    this.registered.add(name);
    this.hljs.registerLanguage(name, this.definitions.get(name) as LanguageFn);
    const language = this.hljs.getLanguage(name);
    const parts = language ? subLanguagesOf(language) : [];
    if (parts === 'all') {
      this.full = everyLanguage(this.definitions);
      return;
    }
    for (const part of parts) {
      const own = this.nameOf(part);
      if (own) this.register(own);
    }
  }
}

/** A highlight.js instance with every language registered, in order. */
export function everyLanguage(definitions: Definitions): HLJSApi {
  const all = hljs.newInstance();
  for (const [name, definition] of definitions) all.registerLanguage(name, definition);
  return all;
}

/**
 * The languages a language's modes highlight parts of its code in (`subLanguage`), or `all`
 * when one leaves it to detection among every language (an empty list: http's body).
 */
export function subLanguagesOf(language: object): string[] | 'all' {
  const found = new Set<string>();
  const seen = new Set<object>();
  let all = false;
  const visit = (value: unknown, key?: string) => {
    if (key === 'subLanguage') {
      if (typeof value === 'string') found.add(value);
      else if (Array.isArray(value)) {
        if (value.length === 0) all = true;
        for (const name of value) if (typeof name === 'string') found.add(name);
      }
      return;
    }
    if (typeof value !== 'object' || value === null || value instanceof RegExp || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) visit(item);
    else for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(language);
  return all ? 'all' : [...found];
}

/**
 * Each alias of the languages, lower-cased, and the language it names once all are
 * registered in order (a later language's alias wins, as in highlight.js).
 */
export function aliasesOf(definitions: Definitions): Record<string, string> {
  const all = everyLanguage(definitions);
  const aliases: Record<string, string> = {};
  for (const name of definitions.keys())
    for (const alias of all.getLanguage(name)?.aliases ?? []) aliases[alias.toLowerCase()] = name;
  return aliases;
}
