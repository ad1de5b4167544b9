/**
 * Text in XML: the PowerPoint package's parts and the SVG pictures versus
 * rewrites. Every part versus writes or repairs escapes its text with
 * `escapeXml`; text handed to pptxgenjs, which escapes
 * XML's specials but not the characters XML cannot hold, goes through
 * `xmlText` first (`xmlSafe` does it for a whole deck). The markdown, and so
 * the HTML made from it, goes through `xmlText` too: HTML refuses the same
 * characters (a parse error each), and a NUL byte makes tools read the
 * markdown as a binary file.
 *
 * @example
 * escapeXml('R&D Day <Berlin>\u001b') // 'R&amp;D Day &lt;Berlin&gt;'
 */

/**
 * Characters XML 1.0 cannot hold, even as character references: C0 controls
 * other than tab, line feed and carriage return; U+FFFE and U+FFFF; and
 * surrogates that are not half of a pair (no UTF-8 encodes them). And the
 * controls it discourages, which HTML refuses: DEL and the C1 controls.
 *
 * A form feed in code (a page break for printers and editors) is among them
 * and is dropped, not made a line break: the slides show it as nothing, and
 * the planner fitted the code without a line for it, so the PowerPoint
 * code keeps the slides' lines.
 *
 * And U+FEFF, a byte order mark inside the text: HTML's white space to markdown and Marp (a
 * space on the slide), nothing in PowerPoint. Dropped, every output shows the text alike, as the
 * zero-width no-break space it is.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 cannot hold. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` as XML character data or an attribute value (either quote): specials escaped, impossible characters removed. */
export function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A copy of plain data (the deck) with every string made `xmlText`. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlText(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, xmlSafe(v)])) as T;
  }
  return value;
}
