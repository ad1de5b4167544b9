/** A right-to-left talk's native PPTX is the mirror image of the same talk left to right, but for its code. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { compileData, minimalOutline } from './helpers.js';

async function slidesOf(lang: string): Promise<{ slides: string[]; notes: string[] }> {
  const outline = minimalOutline();
  outline.lang = lang;
  // Arabic text, and some with Latin letters only, which reads left to right in a right-to-left talk.
  const table = outline.sections[0]?.slides[0];
  if (table?.kind === 'comparison') {
    table.title = 'وجها لوجه';
    table.rows = [{ aspect: 'السرعة', cells: { a: 'سريع', b: '2.1 ms (InnoDB, 16 KB pages)' }, verdict: 'a' }];
  }
  outline.sections[0]?.slides.push(
    {
      kind: 'bullets',
      id: 'list',
      title: 'List',
      bullets: ['واحد', 'اثنان', '3 replicas (sync, 2 zones)', 'تدعم C++ و Python 3.12 فقط.'],
    },
    {
      kind: 'code',
      id: 'code',
      title: 'Code',
      panes: [
        { contender: 'a', language: 'python', code: 'x = 1' },
        { contender: 'b', language: 'js', code: 'let x = 1;' },
      ],
    },
    { kind: 'exercise', title: 'Try', task: ['Run it'], notes: 'Walk around.', solution: 'y = 2' },
  );
  const { deck } = compileData(outline);
  const zip = await JSZip.loadAsync(await exportNativePptx(deck));
  const parts = (folder: string) =>
    Promise.all(deck.slides.map((_, i) => zip.file(`ppt/${folder}${i + 1}.xml`)?.async('string') ?? ''));
  return { slides: await parts('slides/slide'), notes: await parts('notesSlides/notesSlide') };
}

/** The left-to-right mark the planner puts at the ends of a Latin run of right-to-left text. */
const LRM = '\u200e';

/** The shapes' boxes; the shape tree's own (empty) group transform is no shape. */
const boxes = (xml: string) =>
  [
    ...xml
      .replace(/<p:grpSpPr>[\s\S]*?<\/p:grpSpPr>/, '')
      .matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g),
  ].map((m) => m.slice(1).map(Number));
const tableCells = (xml: string) =>
  [...xml.matchAll(/<a:tr [\s\S]*?<\/a:tr>/g)].map((row) =>
    [...(row[0].matchAll(/<a:tc[\s\S]*?<\/a:tc>/g) ?? [])].map((cell) =>
      [...cell[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    ),
  );
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => ({
    rtl: /<a:pPr[^>]*\brtl="1"/.test(p[1] ?? ''),
    text: [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
  }));

describe('a right-to-left native PPTX', async () => {
  const [{ slides: ltr, notes: ltrNotes }, { slides: rtl, notes: rtlNotes }] = await Promise.all([
    slidesOf('en'),
    slidesOf('ar'),
  ]);
  const WIDTH = 12192000;

  it('puts every shape at the mirror image of its left-to-right place', () => {
    expect(rtl).toHaveLength(ltr.length);
    ltr.forEach((xml, i) => {
      const mirrored = boxes(xml).map(([x = 0, y, cx = 0, cy]) => [WIDTH - x - cx, y, cx, cy]);
      expect(boxes(rtl[i] ?? ''), `slide ${i + 1}`).toEqual(mirrored);
    });
  });

  it('reads its tables from the right: each row in reverse order', () => {
    const table = ltr.findIndex((xml) => xml.includes('<a:tbl>'));
    const rows = tableCells(ltr[table] ?? '');
    expect(rows.length).toBeGreaterThan(1);
    // (Without the marks a Latin cell carries: see below.)
    const unmarked = tableCells(rtl[table] ?? '').map((cells) => cells.map((cell) => cell.replaceAll(LRM, '')));
    expect(unmarked).toEqual(rows.map((cells) => [...cells].reverse()));
  });

  it('sets its text right to left, and its code left to right', () => {
    const all = rtl.flatMap(paragraphs).filter((p) => p.text);
    const code = all.filter((p) => p.text === 'x = 1' || p.text === 'let x = 1;');
    expect(code).toHaveLength(2);
    expect(code.every((p) => !p.rtl)).toBe(true);
    for (const text of ['وجها لوجه', 'واحد', 'اثنان', 'سريع']) {
      expect(all.find((p) => p.text.startsWith(text))?.rtl, text).toBe(true);
    }
    expect(ltr.flatMap(paragraphs).some((p) => p.rtl)).toBe(false);
  });

  it('sets a text with Latin letters only left to right, a list item embedded so, its bullet on the right', () => {
    const all = rtl.flatMap(paragraphs);
    // Right to left, "2.1 ms (InnoDB, 16 KB pages)" showed as "ms (InnoDB, 16 KB 2.1" / "pages)".
    // Marked left to right at its ends too, for an application that sets it right to left all the same.
    expect(all.find((p) => p.text === `${LRM}2.1 ms (InnoDB, 16 KB pages)${LRM}`)?.rtl).toBe(false);
    expect(all.find((p) => p.text.includes('3 replicas'))).toEqual({
      rtl: true,
      text: `\u202a${LRM}3 replicas (sync, 2 zones)${LRM}\u202c`,
    });
    expect(ltr.flatMap(paragraphs).some((p) => p.text.includes('\u202a'))).toBe(false);
  });

  it('keeps the signs at the ends of a Latin run inside Arabic text with the run', () => {
    // Without its marks, "C++" showed as "++C" and the run's place moved.
    expect(rtl.flatMap(paragraphs).find((p) => p.text.includes('C++'))).toEqual({
      rtl: true,
      text: `تدعم ${LRM}C++${LRM} و ${LRM}Python 3.12${LRM} فقط.`,
    });
    expect(ltr.flatMap(paragraphs).find((p) => p.text.includes('C++'))?.text).toBe('تدعم C++ و Python 3.12 فقط.');
  });

  it('sets its notes right to left, and a solution in them left to right', () => {
    const notes = rtlNotes.flatMap(paragraphs).filter((p) => p.text);
    // A Latin note in a right-to-left paragraph, its period last (not ".Walk around").
    expect(notes.find((p) => p.text === `${LRM}Walk around.${LRM}`)?.rtl).toBe(true);
    expect(notes.find((p) => p.text === 'y = 2')?.rtl).toBe(false);
    expect(ltrNotes.flatMap(paragraphs).some((p) => p.rtl)).toBe(false);
  });
});
