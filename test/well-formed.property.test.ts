/**
 * Property test: whatever text an outline's fields hold (XML's and JSON's
 * specials, control characters, U+FFFE: anything YAML can carry and the
 * outline accepts; half a surrogate pair is refused, see mistakes.test.ts),
 * the native PPTX is well-formed XML 1.0 in every part, as a strict
 * parser reads it, the markdown holds no character XML and HTML refuse, and each notebook is JSON whose code cells hold the code
 * as written. The outline is made as data, written with the `yaml` package
 * and compiled in-process.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { notebookFiles } from '../src/export/notebook.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { CONTROL_CHARS } from '../src/outline/schema.js';
import { displayLength } from '../src/outline/text-length.js';
import { BREAKING_SPACES } from '../src/text/escape.js';
import { xmlText } from '../src/text/xml.js';
import { binaryChar } from './arbitraries.js';
import { compileData } from './helpers.js';
import { malformedParts } from './xml-parts.js';

/** Thousands of cases under CI share two cores with the rest of the suite: minutes, not the default two. */
const LONG_RUN = process.env.CI ? 600_000 : 120_000;

/** A run builds a PPTX and two notebooks (about 70 ms): 30 locally keep `npm test` under a minute; CI runs 1000. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI ? 1000 : 30));

/** Text that has broken XML or JSON writers, and characters XML 1.0 cannot hold. */
const SPECIALS = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  '&#1;',
  ']]>',
  '<!--',
  '</a:t>',
  '<?xml',
  'R&D Day <Berlin>',
  '\\',
  '\\u0000',
  '\u001b[31m',
  '\f',
  '\u0000',
  '\u0007',
  '\u000b',
  '\u007f',
  '\r',
  '\r\n',
  '\t',
  '\n',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\udfff\ud800',
  '\u0085',
  '\u2028',
  '\u00a0',
  '\u202f',
  '\ufeff',
  '😀',
  'عربي',
  '日本',
];

/** One UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any text: specials mixed with arbitrary characters, arbitrary code units, or arbitrary code points. */
const anyText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: binaryChar, maxLength: 6 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, minLength: 1, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: binaryChar, minLength: 1, maxLength: 24 }) },
);

const CONTROLS = new RegExp(CONTROL_CHARS.source, 'g');
/** Half of a surrogate pair, on its own (with the u flag, a whole pair is one character). */
const HALVES = /[\ud800-\udfff]/gu;

/** Text a slide shows, as the schema accepts it: no control characters but tab and newline, not blank, within `max`. */
const slideText = (max: number) =>
  anyText.map((s) => {
    const text = s.replace(CONTROLS, '').replace(HALVES, '');
    // Shortened a character at a time: a pair goes whole, never leaving half of it.
    const characters = [...(/\S/u.test(text) ? text : `x${text}`)];
    while (displayLength(characters.join('')) > max) characters.pop();
    const kept = characters.join('');
    return /\S/u.test(kept) ? kept : 'x';
  });

/** Code, notes and solutions: anything whole, but not empty where the schema says so. */
const whole = anyText.map((s) => s.replace(HALVES, ''));
const code = whole.map((s) => s || 'x');

const fields = fc.record({
  title: slideText(200),
  subtitle: slideText(300),
  speaker: slideText(120),
  role: slideText(120),
  contact: slideText(120),
  event: slideText(120),
  date: slideText(40),
  names: fc.tuple(slideText(40), slideText(40)),
  source: slideText(300),
  publisher: slideText(120),
  section: slideText(200),
  summary: slideText(300),
  slideTitle: slideText(200),
  lead: slideText(300),
  items: fc.array(slideText(400), { minLength: 1, maxLength: 3 }),
  cells: fc.tuple(slideText(120), slideText(400), slideText(400)),
  label: slideText(120),
  when: slideText(40),
  quote: slideText(300),
  by: slideText(120),
  caption: slideText(300),
  notes: whole,
  privateNotes: whole,
  code: fc.tuple(code, code),
  starter: code,
  solution: code,
});

type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

/** An outline with every text field filled from `f`, every slide kind, and a Python exercise (so, notebooks). */
function outlineOf(f: Fields) {
  const common = { notes: f.notes, privateNotes: f.privateNotes };
  return {
    title: f.title,
    subtitle: f.subtitle,
    speakers: [{ name: f.speaker, role: f.role, contact: f.contact }],
    event: f.event,
    date: f.date,
    slug: 'talk',
    notes: f.notes,
    labels: { pros: f.label, cons: f.label },
    agenda: { notes: f.notes },
    references: { title: f.slideTitle, notes: f.notes },
    contenders: [
      { id: 'a', name: f.names[0], color: '#d00000' },
      { id: 'b', name: f.names[1], color: '#1060c0' },
    ],
    sources: [{ id: 's', title: f.source, publisher: f.publisher, url: 'https://example.org/a?b=1&c=2' }],
    sections: [
      {
        id: 'main',
        title: f.section,
        summary: f.summary,
        ...common,
        slides: [
          { kind: 'bullets', title: f.slideTitle, lead: f.lead, bullets: f.items, sources: ['s'], ...common },
          {
            kind: 'comparison',
            title: f.slideTitle,
            rows: [{ aspect: f.cells[0], cells: { a: f.cells[1], b: f.cells[2] }, verdict: 'a' }],
            ...common,
          },
          { kind: 'pros-cons', title: f.slideTitle, pros: { a: f.items, b: f.items }, cons: { a: f.items }, ...common },
          {
            kind: 'code',
            title: f.slideTitle,
            panes: [
              { contender: 'a', language: 'python', code: f.code[0], caption: f.caption },
              { contender: 'b', code: f.code[1] },
            ],
            ...common,
          },
          { kind: 'timeline', title: f.slideTitle, events: [{ when: f.when, text: f.items[0], contender: 'a' }] },
          {
            kind: 'decision',
            title: f.slideTitle,
            choices: [{ contender: 'a', label: f.label, when: f.items }],
            otherwise: f.lead,
          },
          { kind: 'quote', title: f.slideTitle, text: f.quote, by: f.by, ...common },
          { kind: 'quote', title: f.slideTitle, text: f.quote },
          { kind: 'image', title: f.slideTitle, src: 'missing.png', alt: f.quote, caption: f.caption },
          {
            kind: 'exercise',
            title: f.slideTitle,
            task: f.items,
            language: 'python',
            starter: f.starter,
            solution: f.solution,
            ...common,
          },
        ],
      },
    ],
  };
}

/** A notebook cell's code as notebook.ts stores it: line endings as "\n", trailing blank space dropped. */
const asCell = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');

/** Markdown text as a reader sees it: backslash escapes read (CommonMark: before ASCII punctuation). */
const readMarkdown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** Text as a markdown cell holds it: a run of breaking spaces as one, the no-break spaces as written. */
const collapse = (text: string) => text.replace(BREAKING_SPACES, ' ').trim();

/** A document property's text, entities read back. */
async function property(zip: JSZip, part: string, tag: string): Promise<string | undefined> {
  const xml = (await zip.file(part)?.async('string')) ?? '';
  return new RegExp(`<${tag}>([^<]*)</${tag}>`)
    .exec(xml)?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('every output is well-formed, whatever the outline’s text', () => {
  it('writes every PPTX part as well-formed XML 1.0, the markdown without a control character, and every notebook as JSON with the code as written', {
    timeout: LONG_RUN,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const { deck, markdown } = compileData(outlineOf(f));
        // The markdown (and so the HTML made from it) holds no character HTML and XML refuse.
        expect(markdown).toBe(xmlText(markdown));

        const pptx = await exportNativePptx(deck);
        expect(await malformedParts(pptx)).toEqual({});
        const zip = await JSZip.loadAsync(pptx);
        expect(await property(zip, 'docProps/app.xml', 'Company')).toBe(xmlText(f.event));
        expect(await property(zip, 'docProps/core.xml', 'dc:title')).toBe(xmlText(f.title));

        const notebooks = new Map(notebookFiles(deck));
        for (const [kind, expected] of [
          ['exercises', f.starter],
          ['solutions', f.solution],
        ] as const) {
          const text = notebooks.get(`talk.${kind}.ipynb`);
          expect(text, kind).toBeDefined();
          const notebook = JSON.parse(text ?? '') as { cells: { cell_type: string; id: string; source: string[] }[] };
          const cells = notebook.cells.filter((cell) => cell.cell_type === 'code');
          expect(cells.map((cell) => cell.source.join(''))).toEqual([asCell(expected)]);
          const cell = (id: string) => readMarkdown(notebook.cells.find((c) => c.id === id)?.source.join('') ?? '');
          for (const [i, step] of f.items.entries())
            expect(cell('exercise-1-task')).toContain(`${i + 1}. ${collapse(step)}`);
          if (kind === 'solutions') expect(cell('exercise-1-private')).toContain(collapse(f.privateNotes));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
