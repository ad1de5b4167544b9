/**
 * Every part of the native PPTX is well-formed XML 1.0 whatever text the
 * outline holds: XML's specials in the document properties, and control
 * characters (which XML 1.0 cannot hold at all) in notes and code.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { compileData, minimalOutline } from './helpers.js';
import { decodeXml, malformedParts, xmlProblem } from './xml-parts.js';

/** A talk with XML's specials in its metadata and control characters in its notes and code. */
function hostileOutline() {
  const outline = minimalOutline();
  Object.assign(outline, {
    title: `Q&A: <Keras> "vs" 'TF'`,
    subtitle: 'A & B < C > D',
    event: 'R&D Day <Berlin>',
    speakers: [{ name: 'Ada <Admin> & "Co"' }],
    notes: 'Title notes with ESC \u001b and a bell \u0007 & <tags>',
  });
  const slides = outline.sections[0]?.slides ?? [];
  Object.assign(slides[0] ?? {}, {
    notes: 'Escape \u001b[31m red, NUL \u0000, U+FFFE \ufffe, U+FFFF \uffff, a whole pair \ud83d\ude80.',
    privateNotes: 'Private \u0001 note',
  });
  slides.push(
    {
      kind: 'code',
      id: 'code',
      title: 'Code with a form feed',
      panes: [
        { contender: 'a', language: 'python', code: 'import os\n\f\ndef f():\n    return "\u001b"\n' },
        { contender: 'b', code: 'page one\fpage two\u000b\u0008' },
      ],
    },
    {
      kind: 'exercise',
      id: 'ex',
      title: 'An exercise',
      task: ['Do it.'],
      solution: 'x = 1\f\ny = "\u0002"\n',
    },
  );
  return outline;
}

describe('native PPTX XML', () => {
  it('reads a part as malformed when it is (the check itself)', () => {
    const bytes = (xml: string) => new TextEncoder().encode(xml);
    expect(xmlProblem(bytes('<a>R&amp;D</a>'))).toBeUndefined();
    expect(xmlProblem(bytes('<a>R&D</a>'))).toBeDefined();
    expect(xmlProblem(bytes('<a>\u001b</a>'))).toBeDefined();
    expect(xmlProblem(bytes('<a>\ufffe</a>'))).toBeDefined();
    expect(xmlProblem(Uint8Array.from([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]))).toBe('not UTF-8');
  });

  it('is well-formed in every part, with XML specials and control characters in the outline', async () => {
    const { deck } = compileData(hostileOutline());
    expect(await malformedParts(await exportNativePptx(deck))).toEqual({});
  });

  it('keeps the metadata as written in the document properties', async () => {
    const { deck } = compileData(hostileOutline());
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const text = async (part: string, tag: string) => {
      const xml = (await zip.file(part)?.async('string')) ?? '';
      const inner = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
      return inner === undefined ? undefined : decodeXml(inner);
    };
    expect(await text('docProps/app.xml', 'Company')).toBe('R&D Day <Berlin>');
    expect(await text('docProps/core.xml', 'dc:title')).toBe(`Q&A: <Keras> "vs" 'TF'`);
    expect(await text('docProps/core.xml', 'dc:subject')).toBe('A & B < C > D');
    expect(await text('docProps/core.xml', 'dc:creator')).toBe('Ada <Admin> & "Co"');
  });
});
