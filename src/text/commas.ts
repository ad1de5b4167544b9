/**
 * Commas YAML does not read as separators inside `[ … ]`: the full-width (，) and
 * ideographic (、) ones a Chinese or Japanese input method types, and the Arabic (،).
 */

/** The pieces of a text between such commas: one piece when it holds none. */
export function piecesAtOtherCommas(text: string): string[] {
  return text.split(/\s*[，、،]\s*/u);
}
