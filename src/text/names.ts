/**
 * Names made from text, as ids and file names allow: lowercase letters and digits of every
 * script, dashes between words, symbols people say aloud spelt out.
 */

/** An id from a name, as ids allow: "Café Crème" → "cafe-creme", "C#" → "csharp", "数据库" stays. */
export function idFrom(name: string): string {
  return readableName(name) || 'contender';
}

/** Lowercase letters and digits of every script, dashes between words, symbols spelt out. */
export function readableName(text: string): string {
  return (
    text
      // Names people say aloud: C++ is "cpp", C# and F# are "csharp" and "fsharp".
      .replace(/(?<=[\p{L}+])\+/gu, 'p')
      .replace(/(?<=\p{L})#/gu, 'sharp')
      .normalize('NFKD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}
