/** Strict reading of the XML parts of an OOXML package, as a conforming XML 1.0 processor reads them. */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The problem a strict parser finds in a part's bytes (not UTF-8, or not well-formed XML 1.0), or undefined. */
export function xmlProblem(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8';
  }
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | undefined;
  parser.on('error', (error) => {
    problem ??= error.message;
  });
  parser.write(text).close();
  return problem;
}

/** Every XML part of a package (name → problem), with its problem; an empty object when all are well-formed. */
export async function malformedParts(pptx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(pptx);
  const problems: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const problem = xmlProblem((await zip.file(name)?.async('uint8array')) ?? new Uint8Array());
    if (problem) problems[name] = problem;
  }
  return problems;
}

/** XML character data as text: the five predefined entities decoded. */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
