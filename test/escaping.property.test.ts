/**
 * Property tests for the escaping rules: whatever text an outline holds, the
 * deck keeps its structure, shows the text as written, and runs nothing.
 */
import fc from 'fast-check';
import { type HTMLElement, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MARP_OPTIONS } from '../src/export/marp.js';
import { Marp } from '../src/export/marp-engine.js';
import { labelsFor } from '../src/i18n/labels.js';
import { CONTROL_CHARS } from '../src/outline/schema.js';
import { displayLength } from '../src/outline/text-length.js';
import { presenterNotes } from '../src/plan/presenter-notes.js';
import { renderRunSheet } from '../src/render/runsheet.js';
import { escapeNotes, unescapeNotes } from '../src/text/escape.js';
import { binaryChar } from './arbitraries.js';
import { compileData, diagnose, minimalOutline } from './helpers.js';
import { renderCommonMark } from './markdown-renderer.js';

/** Thousands of cases under CI share two cores with the rest of the suite: minutes, not the default two. */
const LONG_RUN = process.env.CI ? 600_000 : 120_000;
/** Each case compiles and renders a deck: 30 locally keep `npm test` under a minute; CI runs 3000. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI ? 3000 : 30));

/** Strings that have broken markdown decks somewhere. */
const PAYLOADS = [
  '|',
  'a | b',
  '---',
  '***',
  '___',
  '<!-- hidden -->',
  '-->',
  '<!--',
  'paginate: true',
  '_class: lead',
  'backgroundColor: red',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  '`code`',
  '```',
  '$x^2$',
  '$$',
  '# heading',
  '> quote',
  '- item',
  '1. one',
  '2) two',
  '* star',
  '+ plus',
  '= equals',
  '[link](https://example.org)',
  '![img](x.png)',
  '**bold** _it_ ~~del~~',
  '&amp; &lt; &#x41;',
  '\\',
  'trailing\\',
  ':smile: :+1:',
  '😀 👩‍💻 🇯🇵',
  '日本語のテキスト',
  'עברית RTL טקסט',
  'العربية',
  'zero\u200bwidth\u200djoiner',
  'C# and F#',
  'https://example.org/a_b_c',
  '{{ template }}',
  '\u00a0nbsp\u00a0',
];

/** Any non-blank text an outline may hold, biased towards payloads. */
const text = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...PAYLOADS), { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: binaryChar, minLength: 1, maxLength: 20 }) },
  )
  .filter((s) => /\S/u.test(s) && !CONTROL_CHARS.test(s));

const notes = fc.oneof(
  text,
  fc.array(text, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
  fc.constantFrom('paginate: false\n_class: lead', '---\n\n--- \n-->', 'a: b\nfooter: owned', '{paginate: true}'),
);

/**
 * Marp's markdown pass alone (no theme CSS): it decides structure, text and
 * notes, and is 50× faster than a full render, which matters over thousands of cases.
 */
class MarkdownOnlyMarp extends Marp {
  renderSlides(markdown: string): { html: string; comments: string[][] } {
    const html = this.markdown.render(markdown);
    return { html, comments: this.lastComments ?? [] };
  }
}

const marp = new MarkdownOnlyMarp({ ...MARP_OPTIONS, script: false });

/** What a reader sees: entities decoded, whitespace collapsed as the browser does. */
function shown(element: HTMLElement | null | undefined): string {
  return (element?.text ?? '').replace(/\s+/gu, ' ').trim();
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Text as the slides show it: white space collapsed, a zero-width space a `<wbr>` (render/slides.ts). */
function onSlide(s: string): string {
  return collapse(s).replaceAll('\u200b', '');
}

/** The elements versus writes into a slide (`wbr`: between Japanese phrases, see text/phrases.ts); outline text adds none. */
const ALLOWED_TAGS = new Set(
  'section h1 h2 h3 p ul ol li table thead tbody tr th td mark strong em blockquote pre code span div img a br wbr header footer'.split(
    ' ',
  ),
);

const slideTexts = fc.record({
  title: text,
  lead: text,
  bullets: fc.array(text, { minLength: 1, maxLength: 5 }),
  rows: fc.array(fc.record({ aspect: text, a: text, b: text }), { minLength: 1, maxLength: 4 }),
  quote: text,
  by: text,
  statement: text,
  // A timeline's date holds at most 40 characters (the schema's limit for it).
  when: text.filter((s) => displayLength(s) <= 40),
  notes,
  code: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /\S/u.test(s) && !CONTROL_CHARS.test(s)),
});

describe('outline text cannot change the deck', () => {
  it("shows private-use characters (icon fonts' glyphs) as written, even those versus once used as marks", () => {
    const icons = 'build \ue000 \ue001 \ue002 \ue0a0 org.apache.commons.lang3.builder.ReflectionToStringBuilder';
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({
      kind: 'comparison',
      id: 'icons',
      title: 'Icons',
      rows: [{ aspect: '\ue002', cells: { a: icons, b: `RSALv2/SSPLv1/AGPLv3 \ue002` }, verdict: 'a' }],
    });
    const { deck, markdown } = compileData(outline);
    const root = parse(marp.renderSlides(markdown).html, { comment: false });
    const index = deck.slides.findIndex((slide) => slide.title === 'Icons');
    const cells = root.querySelectorAll('section')[index]?.querySelectorAll('tbody td').map(shown);
    expect(cells).toEqual(['\ue002', icons, 'RSALv2/SSPLv1/AGPLv3 \ue002']);
  });

  it('refuses the noncharacters versus marks text with (U+FDD0–U+FDEF), at their field', () => {
    const source = stringify({ ...minimalOutline(), title: 'A \ufdd0 B' });
    expect(diagnose(source)).toEqual([
      expect.stringMatching(/^outline\.yaml:1:8 error\[invalid-value\]: .*cannot be shown/),
    ]);
  });

  it('keeps slide count and table shape, shows every text as written, and adds no elements', {
    timeout: LONG_RUN,
  }, () => {
    fc.assert(
      fc.property(slideTexts, (t) => {
        const outline = minimalOutline();
        outline.sections = [
          {
            id: 'main',
            title: t.title,
            notes: t.notes,
            slides: [
              { kind: 'bullets', title: t.title, lead: t.lead, bullets: t.bullets, notes: t.notes },
              {
                kind: 'comparison',
                title: t.title,
                rows: t.rows.map((r) => ({ aspect: r.aspect, cells: { a: r.a, b: r.b }, verdict: 'b' })),
                notes: t.notes,
              },
              { kind: 'quote', title: t.title, text: t.quote, by: t.by },
              { kind: 'quote', title: t.title, text: t.statement },
              { kind: 'timeline', title: t.title, events: [{ when: t.when, text: t.quote, contender: 'a' }] },
              { kind: 'code', title: t.title, panes: [{ contender: 'a', code: t.code }] },
              { kind: 'exercise', title: t.title, task: t.bullets, notes: t.notes, solution: t.code },
            ],
          },
        ];
        const { deck, markdown } = compileData(outline);
        const { html, comments } = marp.renderSlides(markdown);
        const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
        const sections = root.querySelectorAll('section');

        // Structure: one section per planned slide, nothing run or injected.
        expect(sections).toHaveLength(deck.slides.length);
        for (const element of root.querySelectorAll('*')) {
          if (element.closest('section')) expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase());
          for (const attribute of Object.keys(element.attributes)) expect(attribute).not.toMatch(/^on/i);
        }
        expect(html).not.toMatch(/<script/i);

        deck.slides.forEach((slide, i) => {
          const section = sections[i];
          expect(shown(section?.querySelector('h1'))).toBe(
            onSlide(slide.part ? `${slide.title} (${slide.part.index}/${slide.part.count})` : slide.title),
          );
          // Notes (and an exercise's solution): shown exactly, never applied as directives.
          expect(comments[i] ?? []).toEqual(presenterNotes(slide, labelsFor(deck)));
          const kindClass = slide.kind === 'quote' && !slide.by ? 'statement' : slide.kind;
          expect(section?.getAttribute('class')?.split(' ')[0]).toBe(kindClass);

          if (slide.kind === 'bullets') {
            expect(section?.querySelectorAll('li').map(shown)).toEqual(slide.bullets.map(onSlide));
          }
          if (slide.kind === 'comparison') {
            const rows = section?.querySelectorAll('tbody tr') ?? [];
            expect(rows).toHaveLength(slide.rows.length);
            rows.forEach((row, r) => {
              const expected = slide.rows[r];
              expect(row.querySelectorAll('td').map(shown)).toEqual(
                [expected?.aspect, expected?.cells.a, expected?.cells.b].map((s) => onSlide(s ?? '')),
              );
              expect(row.querySelectorAll('mark')).toHaveLength(1);
            });
          }
          if (slide.kind === 'quote') {
            const expected = slide.by ? `${onSlide(slide.text)} — ${onSlide(slide.by)}` : onSlide(slide.text);
            expect(shown(section?.querySelector(slide.by ? 'blockquote' : 'p.statement'))).toBe(expected);
          }
          if (slide.kind === 'timeline') {
            expect(shown(section?.querySelector('li'))).toBe(`${onSlide(t.when)} Alpha ${onSlide(t.quote)}`);
          }
          if (slide.kind === 'code') {
            expect(section?.querySelector('pre code')?.text).toBe(`${t.code.replace(/\s+$/, '')}\n`);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

/** The only elements the run sheet makes: its heading, two lines and the table. */
const RUN_SHEET_TAGS = new Set('h1 p table thead tbody tr th td'.split(' '));

describe('outline text cannot change the run sheet', () => {
  it('shows every title, section, event and label as written in a Markdown renderer, and adds no element', {
    timeout: LONG_RUN,
  }, () => {
    fc.assert(
      fc.property(
        fc.record({ title: text, event: text, section: text, slide: text, label: text }),
        ({ title, event, section, slide, label }) => {
          const outline = {
            ...minimalOutline(),
            title,
            event,
            labels: { colSlide: label },
          };
          outline.sections = [
            {
              id: 'main',
              title: section,
              slides: [{ kind: 'bullets', title: slide, bullets: ['One'], notes: 'Say it.' }],
            },
          ];
          const { deck } = compileData(outline);
          const root = parse(renderCommonMark(renderRunSheet(deck)));

          for (const element of root.querySelectorAll('*')) {
            expect(RUN_SHEET_TAGS).toContain(element.tagName.toLowerCase());
          }
          expect(shown(root.querySelector('h1'))).toBe(collapse(`Run sheet: ${title}`));
          expect(shown(root.querySelector('p'))).toBe(collapse(event));
          expect(shown(root.querySelectorAll('th')[2])).toBe(collapse(label));
          const rows = root.querySelectorAll('tbody tr');
          expect(rows).toHaveLength(deck.slides.length);
          rows.forEach((row, i) => {
            const cells = row.querySelectorAll('td').map(shown);
            const planned = deck.slides[i];
            expect(cells).toHaveLength(6);
            expect(cells[2]).toBe(collapse(planned?.heading ?? ''));
            expect(cells[3]).toBe(collapse(planned?.section ?? ''));
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the notes guards', () => {
  /** Text with what a guard is made of: zero-width spaces, `--`, `>` and YAML-like line starts. */
  const tricky = fc
    .array(fc.constantFrom('\u200b', '-', '--', '>', '-->', ':', 'paginate: true', '  ', '\n', 'a', '"', '\t', '#'), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

  it('come off exactly as they went on, and leave no comment end and no directive-like line', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, notes), (text) => {
        const escaped = escapeNotes(text);
        expect(unescapeNotes(escaped)).toBe(text.replace(/\r\n?/g, '\n'));
        expect(escaped).not.toMatch(/-->/);
        expect(escaped).not.toMatch(/^_?[a-zA-Z]+[ \t]*:/m);
      }),
      { numRuns: 2000 },
    );
  });
});
