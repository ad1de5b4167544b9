/**
 * The text a printed PDF gives back when it is copied, searched or read aloud.
 * CJK fonts draw an ideograph and the Kangxi radical of the same shape (一
 * U+4E00 and ⼀ U+2F00) with one glyph, and Chromium's font subsets map such a
 * glyph back to either: "一亿行" copied out of a handout read "⼀亿⾏", a search
 * for it found nothing, and code copied from the script changed. A glyph
 * mapped to a radical is mapped to its ideograph instead: an outline's text
 * has the ideographs, and a radical written on purpose prints the same.
 */
import type { PDFDocument } from 'pdf-lib';

/** Kangxi Radicals and CJK Radicals Supplement. */
const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;

/**
 * The ideograph of each CJK Radicals Supplement character that has one (Unicode's
 * EquivalentUnifiedIdeograph.txt, U+2E81–U+2EF3, radical:ideograph in hex); a Kangxi
 * radical's is its NFKC form.
 */
const SUPPLEMENT = new Map(
  [
    '2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E87:20628 2E88:5200 2E89:5202 2E8A:535C',
    '2E8B:353E 2E8C:5C0F 2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E91:21BC2 2E92:5DF3 2E93:5E7A 2E94:5F51',
    '2E95:5F50 2E96:5FC4 2E97:5FC3 2E98:624C 2E99:6535 2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD',
    '2EA0:6C11 2EA1:6C35 2EA2:6C3A 2EA3:706C 2EA4:722B 2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B',
    '2EAA:24D14 2EAB:76EE 2EAC:793A 2EAD:793B 2EAE:25AD7 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 2EB3:34C1',
    '2EB4:5197 2EB5:2626B 2EB6:7F8A 2EB7:2634C 2EB8:2634B 2EB9:8002 2EBA:8080 2EBB:807F 2EBC:8089 2EBD:26951',
    '2EBE:8279 2EBF:8279 2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 2EC6:89D2 2EC7:278B2',
    '2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC:8FB6 2ECD:8FB6 2ECE:8FB6 2ECF:9091 2ED0:9485 2ED1:9577',
    '2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED7:96E8 2ED8:9752 2ED9:97E6 2EDA:9875 2EDB:98CE',
    '2EDC:98DE 2EDD:98DF 2EDE:2967F 2EDF:98E0 2EE0:9963 2EE1:29810 2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C',
    '2EE6:9E1F 2EE7:5364 2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC',
    '2EF0:9F99 2EF1:9F9C 2EF2:4E80 2EF3:9F9F',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => pair.split(':').map((hex) => String.fromCodePoint(Number.parseInt(hex, 16))) as [string, string]),
);

/** Text with each radical as its ideograph. */
export function ideographsOf(text: string): string {
  return text.replace(RADICAL, (radical) => SUPPLEMENT.get(radical) ?? radical.normalize('NFKC'));
}

/** Rewrites every font's ToUnicode map that gives a glyph a radical, in place. */
export function ideographsForRadicals(
  document: PDFDocument,
  { PDFDict, PDFName, PDFRawStream, PDFRef, decodePDFRawStream }: typeof import('pdf-lib'),
): void {
  const { context } = document;
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    const fixed = withIdeographs(cmap);
    if (fixed !== cmap) context.assign(ref, context.flateStream(fixed));
  }
}

/**
 * A ToUnicode CMap with each destination that holds a radical mapped to its ideograph: its
 * mappings (`bfchar` entries and `bfrange` runs) written out again as `bfchar` entries, a hundred
 * a block as the format allows; the CMap unchanged when it maps no glyph to a radical.
 */
export function withIdeographs(cmap: string): string {
  const first = cmap.search(/\d+\s+begin(?:bfchar|bfrange)/);
  const end = cmap.lastIndexOf('endcmap');
  if (first < 0 || end < 0) return cmap;
  const mappings: [source: string, text: string][] = [];
  const body = cmap.slice(first, end);
  for (const [, block = ''] of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, source = '', target = ''] of block.matchAll(/<([\da-f]+)>\s*<([\da-f]+)>/gi)) {
      mappings.push([source, textOf(target)]);
    }
  }
  for (const [, block = ''] of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low = '', high = '', target = ''] of block.matchAll(
      /<([\da-f]+)>\s*<([\da-f]+)>\s*(<[\da-f]+>|\[[^\]]*\])/gi,
    )) {
      const [from, to] = [Number.parseInt(low, 16), Number.parseInt(high, 16)];
      const targets = target.startsWith('[')
        ? [...target.matchAll(/<([\da-f]+)>/gi)].map((m) => textOf(m[1] ?? ''))
        : [];
      const start = target.startsWith('<') ? textOf(target.slice(1, -1)) : '';
      for (let code = from; code <= to; code++) {
        const source = code.toString(16).toUpperCase().padStart(low.length, '0');
        // A run's destinations count up from its first in its last UTF-16 unit.
        const text = targets[code - from] ?? nextInLastUnit(start, code - from);
        mappings.push([source, text]);
      }
    }
  }
  if (!mappings.some(([, text]) => ideographsOf(text) !== text)) return cmap;
  const blocks: string[] = [];
  for (let i = 0; i < mappings.length; i += 100) {
    const entries = mappings.slice(i, i + 100).map(([source, text]) => `<${source}> <${hexOf(ideographsOf(text))}>`);
    blocks.push(`${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar\n`);
  }
  return `${cmap.slice(0, first)}${blocks.join('')}${cmap.slice(end)}`;
}

/** A destination's text: UTF-16BE in hex. */
function textOf(hex: string): string {
  const units = hex.match(/.{4}/g) ?? [];
  return String.fromCharCode(...units.map((unit) => Number.parseInt(unit, 16)));
}

/** Text as a destination: its UTF-16 units in hex. */
function hexOf(text: string): string {
  return Array.from({ length: text.length }, (_, i) =>
    text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0'),
  ).join('');
}

/** The text `by` after `text` in its last UTF-16 unit. */
function nextInLastUnit(text: string, by: number): string {
  if (!text) return text;
  return text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + by);
}
