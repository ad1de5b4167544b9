/**
 * The native PowerPoint export, opened the way users open it: LibreOffice
 * Impress converts it to PDF (every title, table cell and bullet must be
 * there as text, one page per slide), and the package itself is read with
 * JSZip (native tables, notes, titles, properties, no dangling parts).
 */

import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { labelsFor } from '../src/i18n/labels.js';
import { own } from '../src/outline/own.js';
import type { Deck, DeckSlide } from '../src/plan/deck.js';
import { presenterNotes } from '../src/plan/presenter-notes.js';
import { readableTextOn } from '../src/theme/contrast.js';
import { compileData, compileText, exerciseWithSolution, minimalOutline } from './helpers.js';
import { tempFolder } from './temp-outlines.js';
import { decodeXml } from './xml-parts.js';

const run = promisify(execFile);
const REPO = path.join(import.meta.dirname, '..');
/** Every slide kind, five contenders, long code, many bullets, multi-line and long notes: the dark theme. */
const VARIED = path.join(import.meta.dirname, 'fixtures/pptx/varied.yaml');
const temp = tempFolder('pptx');

/**
 * LibreOffice, to open the files as users do. The round trip takes most of this file's time, so
 * it runs in CI (where a missing soffice fails it) and when VERSUS_FULL_TESTS=1 asks for it.
 */
const describeWithOffice = process.env.CI || process.env.VERSUS_FULL_TESTS === '1' ? describe : describe.skip;

interface Built {
  deck: Deck;
  file: string;
  zip: JSZip;
}

async function buildPptx(outline: string): Promise<Built> {
  const outDir = await temp.dir();
  const { compiled, files } = await build(outline, { outDir, formats: ['pptx'] });
  const file = files.find((f) => f.endsWith('.pptx')) as string;
  return { deck: compiled.deck, file, zip: await JSZip.loadAsync(await readFile(file)) };
}

let varied: Built;
let talk: Built;

beforeAll(async () => {
  [varied, talk] = await Promise.all([buildPptx(VARIED), buildPptx(path.join(REPO, 'outline.yaml'))]);
});

const xmlOf = async (zip: JSZip, name: string) => (await zip.file(name)?.async('string')) ?? '';
/** The text of each paragraph in an XML fragment. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
  );

/** A solution indented by 4 and 8 spaces and by a tab, which the notes page keeps as four spaces. */
const SOLUTION = ['def weigh(inputs):', '    for x in inputs:', '        yield x * 2', '\treturn None'];
const SOLUTION_SHOWN = [...SOLUTION.slice(0, -1), '    return None'];
/** Notes far longer than the printed notes page has room for. */
const LONG_NOTES = 'Walk through the table, row by row, and ask which verdict surprised them. '.repeat(30).trim();

/** A talk with long notes on its first slide and an exercise whose solution is indented code. */
async function notesTalk(): Promise<Built> {
  const outline = minimalOutline();
  const slides = outline.sections[0]?.slides ?? [];
  Object.assign(slides[0] ?? {}, { notes: LONG_NOTES });
  slides.push(exerciseWithSolution(SOLUTION));
  const { deck } = compileData(outline);
  const pptx = await exportNativePptx(deck);
  const file = path.join(await temp.dir(), 'notes.pptx');
  await writeFile(file, pptx);
  return { deck, file, zip: await JSZip.loadAsync(pptx) };
}

/** The notes placeholder of a slide's notes page, as XML. */
const notesBodyOf = async (zip: JSZip, index: number) =>
  /<p:ph type="body"[\s\S]*?<\/p:txBody>/.exec(await xmlOf(zip, `ppt/notesSlides/notesSlide${index + 1}.xml`))?.[0] ??
  '';

/** What a slide shows as text: its title, and every cell, bullet and item. */
function shownTexts(slide: DeckSlide, deck: Deck): string[] {
  const name = (id: string) => deck.contenders.find((c) => c.id === id)?.name ?? id;
  const texts = [slide.heading];
  switch (slide.kind) {
    case 'agenda':
      return [...texts, ...slide.items.map((item) => item.title)];
    case 'bullets':
      return [...texts, ...(slide.lead ? [slide.lead] : []), ...slide.bullets];
    case 'comparison': {
      const shown = slide.shown ?? deck.contenders.map((c) => c.id);
      return [
        ...texts,
        ...shown.map(name),
        ...slide.rows.flatMap((row) => [row.aspect, ...shown.map((id) => own(row.cells, id) ?? '')]),
      ];
    }
    case 'pros-cons':
      return [...texts, ...Object.values(slide.pros).flat(), ...Object.values(slide.cons).flat()];
    case 'decision':
      return [...texts, ...slide.choices.flatMap((choice) => choice.when)];
    case 'timeline':
      return [...texts, ...slide.events.flatMap((event) => [event.when, event.text])];
    case 'exercise':
      return [...texts, ...slide.task];
    default:
      return texts;
  }
}

describe.each([
  ['the varied outline (dark)', () => varied],
  ['the shipped talk', () => talk],
])('native PPTX of %s', (_, built) => {
  it('has one slide per deck slide, each titled by its title placeholder', async () => {
    const { deck, zip } = built();
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(deck.slides.length);
    for (const [i, slide] of deck.slides.entries()) {
      const xml = await xmlOf(zip, `ppt/slides/slide${i + 1}.xml`);
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
      expect(paragraphs(title).join(' ')).toBe(slide.heading);
    }
  });

  it('draws tables as native tables, text as text, and only image slides with pictures (and the QR code)', async () => {
    const { deck, zip } = built();
    for (const [i, slide] of deck.slides.entries()) {
      const xml = await xmlOf(zip, `ppt/slides/slide${i + 1}.xml`);
      const pictures = [...xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((m) => m[0]);
      const qr = pictures.filter((pic) => pic.includes(`descr="QR code: ${slide.qr?.text}"`));
      expect(qr, `slide ${i + 1} (${slide.kind})`).toHaveLength(slide.qr ? 1 : 0);
      expect(pictures.length > qr.length, `slide ${i + 1} (${slide.kind})`).toBe(slide.kind === 'image');
      const tables = [...xml.matchAll(/<a:tbl>[\s\S]*?<\/a:tbl>/g)].map((m) => m[0]);
      if (slide.kind !== 'comparison') {
        expect(tables).toHaveLength(0);
        continue;
      }
      const shown = slide.shown ?? deck.contenders.map((c) => c.id);
      const [table = ''] = tables;
      expect(table.match(/<a:tr /g)).toHaveLength(slide.rows.length + 1);
      expect(table.match(/<a:gridCol /g)).toHaveLength(shown.length + 1);
      // Header cells in the contenders' colors, with the readable text color on them.
      const header = /<a:tr [\s\S]*?<\/a:tr>/.exec(table)?.[0] ?? '';
      for (const id of shown) {
        const color = deck.contenders.find((c) => c.id === id)?.color ?? '';
        const cell =
          [...header.matchAll(/<a:tc>[\s\S]*?<\/a:tc>/g)].find(
            (m) => paragraphs(m[0])[0] === deck.contenders.find((c) => c.id === id)?.name,
          )?.[0] ?? '';
        expect(cell).toContain(`<a:srgbClr val="${color.slice(1).toUpperCase()}"/></a:solidFill>  </a:tcPr>`);
        expect(cell).toContain(`<a:srgbClr val="${readableTextOn(color).slice(1).toUpperCase()}"/>`);
      }
      // Every cell's text in its cell; the row's winner marked with a check mark.
      expect(paragraphs(table)).toEqual(
        expect.arrayContaining(
          slide.rows.flatMap((row) =>
            shown.map((id) => `${own(row.cells, id) ?? ''}${row.verdict === id ? '\u00a0✓' : ''}`),
          ),
        ),
      );
    }
  });

  it('puts the notes as paragraphs, equal to the deck’s notes, in shapes inside the notes page', async () => {
    const { deck, zip } = built();
    const presentation = await xmlOf(zip, 'ppt/presentation.xml');
    const [, cx = '0', cy = '0'] = /<p:notesSz cx="(\d+)" cy="(\d+)"\/>/.exec(presentation) ?? [];
    const inside = (xml: string, where: string) => {
      for (const [, x, y, w, h] of xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        expect(Number(x) + Number(w), where).toBeLessThanOrEqual(Number(cx));
        expect(Number(y) + Number(h), where).toBeLessThanOrEqual(Number(cy));
      }
    };
    inside(await xmlOf(zip, 'ppt/notesMasters/notesMaster1.xml'), 'notes master');
    for (const [i, slide] of deck.slides.entries()) {
      const xml = await xmlOf(zip, `ppt/notesSlides/notesSlide${i + 1}.xml`);
      inside(xml, `notes of slide ${i + 1}`);
      const body = /<p:ph type="body"[\s\S]*?<\/p:txBody>/.exec(xml)?.[0] ?? '';
      const expected = presenterNotes(slide, labelsFor(deck))
        .join('\n\n')
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n');
      expect(paragraphs(body).join('\n'), `notes of slide ${i + 1}`).toBe(expected);
    }
  });

  it('is a valid package: no dangling content types or relationships, one paragraph-properties element per paragraph', async () => {
    const { zip } = built();
    const types = await xmlOf(zip, '[Content_Types].xml');
    for (const media of Object.keys(zip.files).filter((f) => /^ppt\/media\/[^/]+$/.test(f))) {
      expect(types).toContain(`<Default Extension="${path.extname(media).slice(1)}"`);
    }
    for (const [, part] of types.matchAll(/<Override PartName="\/([^"]+)"/g))
      expect(zip.file(part as string), part).not.toBeNull();
    for (const rels of Object.keys(zip.files).filter((f) => f.endsWith('.rels'))) {
      const base = path.posix.dirname(path.posix.dirname(rels));
      for (const [rel] of (await xmlOf(zip, rels)).matchAll(/<Relationship [^>]*\/>/g)) {
        if (rel.includes('TargetMode="External"')) continue;
        const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
        const part = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
        expect(zip.file(part), `${rels} → ${target}`).not.toBeNull();
      }
    }
    for (const name of Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))) {
      const xml = await xmlOf(zip, name);
      for (const [, body] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const pPrs = [...(body ?? '').matchAll(/<a:pPr\b/g)].map((m) => m.index);
        expect(pPrs.every((at) => at === 0) && pPrs.length <= 1, name).toBe(true);
      }
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it('carries the document properties and clickable source links', async () => {
    const { deck, zip } = built();
    const core = await xmlOf(zip, 'docProps/core.xml');
    expect(decodeXml(/<dc:title>([^<]*)</.exec(core)?.[1] ?? '')).toBe(deck.meta.title);
    expect(decodeXml(/<dc:creator>([^<]*)</.exec(core)?.[1] ?? '')).toBe(
      deck.meta.speakers.map((s) => s.name).join(', '),
    );
    expect(decodeXml(/<dc:subject>([^<]*)</.exec(core)?.[1] ?? '')).toBe(deck.meta.subtitle);
    const references = deck.slides.findIndex((slide) => slide.kind === 'references');
    const slide = deck.slides[references];
    if (slide?.kind !== 'references') throw new Error('no references slide');
    const rels = await xmlOf(zip, `ppt/slides/_rels/slide${references + 1}.xml.rels`);
    for (const source of slide.sources.filter((s) => s.url)) {
      expect(rels).toContain(`Target="${new URL(source.url as string).href}" TargetMode="External"`);
    }
  });
});

/** The lines the PowerPoint draws each decision heading holding `word` on, as it breaks them. */
async function decisionHeadings(deck: Deck, word: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(await exportNativePptx(deck));
  const n = deck.slides.findIndex((slide) => slide.kind === 'decision') + 1;
  const xml = await xmlOf(zip, `ppt/slides/slide${n}.xml`);
  return [...xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)]
    .map(([p]) => p)
    .filter((p) => p.includes(word))
    .map((p) =>
      p
        .split('<a:br/>')
        .map((line) => [...line.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join('')),
    );
}

/** The small outline with a chart, whose PowerPoint holds a data sheet: a package inside the file. */
function withChart(): ReturnType<typeof minimalOutline> {
  const outline = minimalOutline();
  outline.sections[0]?.slides.push({
    kind: 'chart',
    title: 'Speed',
    metric: { title: 'Time', unit: 's', higherIsBetter: false },
    values: { a: 1, b: 2 },
  });
  return outline;
}
describe('native PPTX details', () => {
  it('breaks a title, subtitle and summary where the slides balance them, so PowerPoint leaves no word alone on a last line', async () => {
    const outline = minimalOutline();
    outline.title = 'A vs B vs C vs D vs E vs F: hands-on';
    outline.subtitle = 'Size, speed, schemas and evolution of six message formats, all measured in 2026';
    (outline.sections[0] as { summary?: string }).summary =
      'Where each of the six formats came from, what it is built for, and what it costs today';
    const { deck } = compileData(outline);
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    /** The lines of each paragraph that starts with `start` on slide `n`. */
    const linesOf = async (n: number, start: string) => {
      const xml = await xmlOf(zip, `ppt/slides/slide${n}.xml`);
      const paragraph = [...xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)]
        .map(([p]) => p)
        .find((p) => decodeXml(/<a:t>([^<]*)<\/a:t>/.exec(p)?.[1] ?? '').startsWith(start));
      return (paragraph ?? '')
        .split('<a:br/>')
        .map((line) => [...line.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''));
    };
    expect(await linesOf(1, 'A vs B')).toEqual(['A vs B vs C vs D vs', 'E vs F: hands-on']);
    expect(await linesOf(1, 'Size')).toEqual([
      'Size, speed, schemas and evolution of six',
      'message formats, all measured in 2026',
    ]);
    const divider = deck.slides.findIndex((slide) => slide.kind === 'divider') + 1;
    expect(await linesOf(divider, 'Where')).toEqual([
      'Where each of the six formats came from,',
      'what it is built for, and what it costs today',
    ]);
  });

  it("sets a divider's bar under its title's planned lines, as the slides do, measured line by line", async () => {
    // Its two lines run together ("característicasfundamentais") measured three: the bar sat a line low.
    const outline = { ...minimalOutline(), lang: 'pt' };
    Object.assign(outline.sections[0] ?? {}, {
      title: 'Introdução às características fundamentais e à interoperabilidade',
      summary: 'Contexto',
    });
    const { deck } = compileData(outline);
    const n = deck.slides.findIndex((slide) => slide.kind === 'divider');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const xml = await xmlOf(zip, `ppt/slides/slide${n + 1}.xml`);
    const boxes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([shape]) => {
      const [y = 0, h = 0] =
        /<a:off x="-?\d+" y="(-?\d+)"\/><a:ext cx="\d+" cy="(\d+)"/.exec(shape)?.slice(1).map(Number) ?? [];
      return { y, h, lines: shape.split('<a:br/>').length, text: paragraphs(shape).join('') };
    });
    const title = boxes.find((box) => box.text.startsWith('Introdução'));
    const bar = boxes.find((box) => box.text === '' && box.y > (title?.y ?? 0));
    const summary = boxes.find((box) => box.text === 'Contexto');
    expect(title?.lines).toBe(2);
    const px = 9525;
    // Two lines of 60 px at 1.15, then the bar 14 px below them, and the summary 28 px under the bar.
    expect(((bar?.y ?? 0) - (title?.y ?? 0)) / px).toBeCloseTo(2 * 60 * 1.15 + 14, 1);
    expect(((summary?.y ?? 0) - (bar?.y ?? 0)) / px).toBeCloseTo(6 + 28, 1);
    // The block in the middle of the slide's padded area (48 px above, 64 below), as the slides centre it.
    const block = 2 * 60 * 1.15 + 14 + 6 + 28 + 32 * 1.35;
    expect((title?.y ?? 0) / px).toBeCloseTo(48 + (720 - 48 - 64 - block) / 2, 1);
  });

  it('centres a divider without a summary as the slides do: its title and bar alone, no margin under them', async () => {
    const outline = minimalOutline();
    const { deck } = compileData(outline);
    const n = deck.slides.findIndex((slide) => slide.kind === 'divider');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const xml = await xmlOf(zip, `ppt/slides/slide${n + 1}.xml`);
    const title = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
      .map(([shape]) => shape)
      .find((shape) => paragraphs(shape).includes('Main'));
    const y = Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(title ?? '')?.[1]) / 9525;
    // One line of 60 px at 1.15 and the bar (14 px below, 6 px high), in the middle of the padded area (48 px above, 64 below).
    expect(y).toBeCloseTo(48 + (720 - 48 - 64 - (60 * 1.15 + 14 + 6)) / 2, 1);
  });

  it('breaks a decision\'s headings where the slides balance them: never a lone "if…"', async () => {
    const outline = minimalOutline();
    outline.contenders.push({ id: 'c', name: 'Apache Kafka', color: '#231f20' });
    outline.sections[0]?.slides.splice(0, 1, {
      kind: 'decision',
      title: 'Which one?',
      choices: ['a', 'b', 'c'].map((contender) => ({ contender, when: ['You need it'] })),
    } as never);
    const [lines] = await decisionHeadings(compileData(outline).deck, 'Apache');
    expect(lines).toEqual(['Choose Apache', 'Kafka\u00a0if…']);
  });

  it('keeps a decision heading\'s last word with the one before it: never a lone "wenn…"', async () => {
    const outline = { ...minimalOutline(), lang: 'de' };
    outline.contenders = ['PostgreSQL', 'MySQL', 'SQLite', 'DuckDB'].map((name, i) => ({
      id: name.toLowerCase(),
      name,
      color: ['#1f6feb', '#8250df', '#1a7f37', '#9a6700'][i] as string,
    }));
    outline.sections[0]?.slides.splice(0, 1, {
      kind: 'decision',
      title: 'Welche nehmen?',
      choices: outline.contenders.map(({ id }) => ({ contender: id, when: ['Ihr braucht es'] })),
    } as never);
    const lines = await decisionHeadings(compileData(outline).deck, 'wählen');
    expect(lines).toHaveLength(4);
    for (const heading of lines) expect(heading.at(-1)).not.toBe('wenn…');
  });

  it('draws every heading of a decision as tall as the planner made them, so the lists under them start on one line', async () => {
    // A long name breaks its heading in two lines, as the others: run together ("CosmosDB"), they measured three.
    const outline = { ...minimalOutline(), lang: 'pt' };
    outline.contenders = [
      { id: 'aurora', name: 'Amazon Aurora PostgreSQL', color: '#ff9900' },
      { id: 'spanner', name: 'Google Cloud Spanner', color: '#4285f4' },
      { id: 'cosmos', name: 'Azure Cosmos DB for PostgreSQL', color: '#0078d4' },
    ];
    outline.sections[0]?.slides.splice(0, 1, {
      kind: 'decision',
      title: 'Qual escolher?',
      choices: [
        { contender: 'aurora', when: ['Você já vive no ecossistema AWS', 'Precisa de extensões PostgreSQL'] },
        { contender: 'spanner', when: ['Precisa de consistência global externamente verificável'] },
        { contender: 'cosmos', when: ['Quer distribuir PostgreSQL com Citus'] },
      ],
      otherwise: 'Na dúvida, comece pelo que sua equipe já opera.',
    } as never);
    const { deck } = compileData(outline);
    const n = deck.slides.findIndex((slide) => slide.kind === 'decision');
    const slide = deck.slides[n];
    if (slide?.kind !== 'decision') throw new Error('no decision slide');
    expect(slide.fit?.headings).toBe(2);
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const xml = await xmlOf(zip, `ppt/slides/slide${n + 1}.xml`);
    /** Each text shape's box (EMU) and its paragraphs' lines. */
    const shapes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([shape]) => {
      const [x = 0, y = 0, w = 0, h = 0] =
        /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(shape)?.slice(1).map(Number) ?? [];
      const lines = shape.split('<a:br/>').length;
      return { x, y, w, h, lines, text: paragraphs(shape).join(' ') };
    });
    const headings = shapes.filter((shape) => shape.text.includes('se…'));
    expect(headings).toHaveLength(3);
    for (const heading of headings) expect(heading.lines).toBe(2);
    expect(new Set(headings.map((heading) => heading.h)).size).toBe(1);
    expect(new Set(headings.map((heading) => heading.y)).size).toBe(1);
    const lists = slide.choices.map((choice) => shapes.find((shape) => shape.text.startsWith(choice.when[0] ?? '-')));
    expect(lists.every((list) => list !== undefined)).toBe(true);
    expect(new Set(lists.map((list) => list?.y)).size).toBe(1);
    // The lists start under the headings, by the gap the slides leave.
    expect(lists[0]?.y).toBeGreaterThan((headings[0]?.y ?? 0) + (headings[0]?.h ?? 0) - 12_700 * 8);
  });

  it('breaks a statement where the slide balances it: never a lone last word', async () => {
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({ kind: 'quote', title: 'Break', text: 'Ten minutes. Coffee is at the back.' });
    const { deck } = compileData(outline);
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const xml = await xmlOf(zip, `ppt/slides/slide${deck.slides.findIndex((s) => s.title === 'Break') + 1}.xml`);
    const statement = [...xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map(([p]) => p).find((p) => p.includes('Coffee'));
    expect((statement ?? '').split('<a:br/>').map((line) => line.replace(/<[^>]+>/g, ''))).toEqual([
      'Ten minutes. Coffee',
      'is at the back.',
    ]);
  });

  it('gives words the slides hyphenate to PowerPoint whole: it breaks them itself', async () => {
    const fixture = await readFile(path.join(REPO, 'test/fixtures/fit/german-compounds.yaml'), 'utf8');
    const { deck } = compileText(fixture);
    const planned = JSON.stringify(deck.slides);
    expect(planned).toContain('\u00ad');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const slides = await Promise.all(deck.slides.map((_, i) => xmlOf(zip, `ppt/slides/slide${i + 1}.xml`)));
    expect(slides.join('')).not.toContain('\u00ad');
    expect(slides.join('')).toContain('Hochverfügbarkeitskonfiguration');
    expect(slides.join('')).toContain('Schreibdurchsatzoptimierung');
  });

  it('uses the dark theme’s colors, the highlighter’s token colors, and the picture’s alt text', async () => {
    const { deck, zip } = varied;
    expect(await xmlOf(zip, 'ppt/slides/slide1.xml')).toContain('<a:srgbClr val="14171C"/>');
    const code = deck.slides.findIndex((slide) => slide.kind === 'code');
    const xml = await xmlOf(zip, `ppt/slides/slide${code + 1}.xml`);
    expect(xml).toMatch(
      /<a:srgbClr val="FF7B72"\/><\/a:solidFill><a:latin typeface="Consolas"[^>]*\/>(?:<[^>]*>)*?<\/a:rPr><a:t>import<\/a:t>/,
    );
    const image = deck.slides.findIndex((slide) => slide.kind === 'image');
    const picture = await xmlOf(zip, `ppt/slides/slide${image + 1}.xml`);
    expect(picture).toContain('descr="A cup drawn with two shapes"');
    // The SVG's fallback, which LibreOffice shows, is a real PNG.
    const png = Object.keys(zip.files).find((f) => /^ppt\/media\/.*\.png$/.test(f)) as string;
    const data = await zip.file(png)?.async('nodebuffer');
    expect(data?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('turns a photo stored sideways as browsers do, and embeds it as stored so that no viewer turns it twice', async () => {
    const dir = await temp.dir();
    // 80×40 pixels, its EXIF orientation 6: shown upright, it is 40 wide and 80 tall.
    await writeFile(
      path.join(dir, 'photo.jpg'),
      await readFile(path.join(import.meta.dirname, 'fixtures/pptx/sideways.jpg')),
    );
    const outline = minimalOutline();
    outline.sections[0]?.slides.push({ kind: 'image', title: 'A photo', src: 'photo.jpg', alt: 'A photo' } as never);
    await writeFile(path.join(dir, 'talk.yaml'), stringify(outline));
    const { deck, zip } = await buildPptx(path.join(dir, 'talk.yaml'));
    const slide = deck.slides.findIndex((s) => s.kind === 'image');
    const xml = await xmlOf(zip, `ppt/slides/slide${slide + 1}.xml`);
    const picture = /<p:pic>[\s\S]*?<\/p:pic>/.exec(xml)?.[0] ?? '';
    expect(picture).toMatch(/<a:xfrm rot="5400000">/);
    // The frame keeps the stored proportions (2:1); turned, the picture is 1:2 and centred on the slide.
    const [cx = 0, cy = 0] = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(picture)?.slice(1).map(Number) ?? [];
    expect(cx / cy).toBeCloseTo(2, 1);
    const x = Number(/<a:off x="(-?\d+)"/.exec(picture)?.[1]);
    expect((x + cx / 2) / 12_192_000).toBeCloseTo(0.5, 2);
    const jpeg = Object.keys(zip.files).find((f) => /^ppt\/media\/.*\.jpe?g$/.test(f)) as string;
    expect(imageSize((await zip.file(jpeg)?.async('nodebuffer')) as Buffer).orientation).toBe(1);
  });

  it('uses the colors a theme file of your own sets', async () => {
    const dir = await temp.dir();
    await writeFile(
      path.join(dir, 'brand.css'),
      "/* @theme brand */\n@import 'versus-dark';\nsection { --bg: #0b3d2e; --fg: #f5f5dc; --surface: #14503c; }\n",
    );
    const outline = { ...minimalOutline(), theme: 'brand.css' };
    await writeFile(path.join(dir, 'talk.yaml'), JSON.stringify(outline));
    const { zip } = await buildPptx(path.join(dir, 'talk.yaml'));
    const title = await xmlOf(zip, 'ppt/slides/slide1.xml');
    expect(title).toContain('<a:srgbClr val="0B3D2E"/>');
    expect(title).toContain('<a:srgbClr val="F5F5DC"/>');
    expect(title).not.toContain('<a:srgbClr val="14171C"/>');
  });

  it('marks each table’s header row, and gives byte-identical files with SOURCE_DATE_EPOCH, in any time zone', async () => {
    const { deck, zip } = varied;
    const table = deck.slides.findIndex((slide) => slide.kind === 'comparison');
    expect(await xmlOf(zip, `ppt/slides/slide${table + 1}.xml`)).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764547200');
    try {
      const [first, second] = [await exportNativePptx(deck), await exportNativePptx(deck)];
      expect(first.equals(second)).toBe(true);
      // Node reads TZ again when it changes: a zip entry's date is a local time.
      vi.stubEnv('TZ', 'Asia/Tokyo');
      expect((await exportNativePptx(deck)).equals(first)).toBe(true);
      const core = await xmlOf(await JSZip.loadAsync(first), 'docProps/core.xml');
      expect(core).toContain('>2025-12-01T00:00:00Z</dcterms:modified>');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("dates a chart's data sheet, a package inside the file, and its properties with SOURCE_DATE_EPOCH too", async () => {
    const outline = withChart();
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764547200');
    try {
      const zip = await JSZip.loadAsync(await exportNativePptx(compileData(outline).deck));
      const sheets = zip.file(/^ppt\/embeddings\/.*\.xlsx$/);
      expect(sheets).toHaveLength(1);
      const inner = await JSZip.loadAsync(await (sheets[0] as JSZip.JSZipObject).async('nodebuffer'));
      const dates = new Set(Object.values(inner.files).map((file) => file.date.getTime()));
      expect([...dates]).toEqual([1764547200 * 1000]);
      const core = await xmlOf(inner, 'docProps/core.xml');
      expect(core.match(/<dcterms:(created|modified)[^>]*>[^<]*/g)).toEqual([
        expect.stringMatching(/>2025-12-01T00:00:00Z$/),
        expect.stringMatching(/>2025-12-01T00:00:00Z$/),
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('writes the file with SOURCE_DATE_EPOCH=0 or 1 (CI, Nix): zip entries dated 1980, the earliest a zip holds, its properties 1970', async () => {
    const outline = withChart();
    try {
      for (const value of ['0', '1']) {
        vi.stubEnv('SOURCE_DATE_EPOCH', value);
        const zip = await JSZip.loadAsync(await exportNativePptx(compileData(outline).deck));
        const sheet = zip.file(/^ppt\/embeddings\/.*\.xlsx$/)[0] as JSZip.JSZipObject;
        const inner = await JSZip.loadAsync(await sheet.async('nodebuffer'));
        for (const files of [zip.files, inner.files]) {
          const dates = new Set(Object.values(files).map((file) => file.date.getTime()));
          expect([...dates]).toEqual([Date.UTC(1980, 0, 1)]);
        }
        expect(await xmlOf(zip, 'docProps/core.xml')).toContain('>1970-01-01T00:00:0');
      }
    } finally {
      vi.unstubAllEnvs();
    }
    const { zipDate } = await import('../src/export/pptx/package.js');
    expect(zipDate(new Date(Date.UTC(2150, 0, 1))).toISOString()).toBe('2099-12-31T23:59:58.000Z');
  });

  it('splits the varied outline as the slides do: continuation parts for long lists and code', () => {
    const { deck } = varied;
    expect(deck.slides.filter((s) => s.kind === 'bullets').length).toBeGreaterThan(1);
    expect(deck.slides.filter((s) => s.kind === 'code').length).toBeGreaterThan(1);
  });
});

/** A text item of a PDF page: its text, where it starts, its size and width in pt, and its font family. */
interface PdfText {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
  family: string;
}

/** Each page's text items that show something. */
async function pdfTexts(file: string): Promise<PdfText[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: PdfText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items, styles } = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      items.flatMap((item) =>
        'str' in item && item.str.trim()
          ? [
              {
                str: item.str,
                x: item.transform[4],
                y: item.transform[5],
                size: item.transform[3],
                width: item.width,
                family: styles[item.fontName]?.fontFamily ?? '',
              },
            ]
          : [],
      ),
    );
  }
  return pages;
}

/** A page's text with all whitespace removed (LibreOffice breaks lines where it lays them out). */
const joined = (items: PdfText[]) =>
  items
    .map((item) => item.str)
    .join('')
    .replace(/\s+/g, '');

/** The font sizes (pt) a slide's part and the chart parts set. */
async function sizesSet(zip: JSZip, slide: number): Promise<Set<number>> {
  const parts = [
    `ppt/slides/slide${slide}.xml`,
    ...Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)),
  ];
  const xml = (await Promise.all(parts.map((part) => xmlOf(zip, part)))).join('');
  return new Set([...xml.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]) / 100));
}

describeWithOffice('native PPTX opened in LibreOffice Impress', () => {
  const converted = new Map<Built, PdfText[][]>();

  beforeAll(async () => {
    const outDir = await temp.dir();
    // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
    const profile = `-env:UserInstallation=file://${await temp.dir()}`;
    await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, varied.file, talk.file], {
      timeout: 110_000,
    });
    for (const built of [varied, talk]) {
      converted.set(built, await pdfTexts(path.join(outDir, path.basename(built.file).replace(/\.pptx$/, '.pdf'))));
    }
  });

  it.each([
    ['the varied outline (dark)', () => varied],
    ['the shipped talk', () => talk],
  ])('%s: one page per slide, with every title, table cell and bullet as text', (_, built) => {
    const { deck } = built();
    const pages = converted.get(built()) ?? [];
    expect(pages).toHaveLength(deck.slides.length);
    for (const [i, slide] of deck.slides.entries()) {
      for (const text of shownTexts(slide, deck)) {
        expect(joined(pages[i] ?? []), `slide ${i + 1}: "${text}"`).toContain(text.replace(/\s+/g, ''));
      }
    }
  });

  it.each([
    ['the varied outline (dark)', () => varied],
    ['the shipped talk', () => talk],
  ])('%s: draws every text at a size the file sets, no box shrinking its text to fit', async (_, built) => {
    const { zip } = built();
    const shrunk: string[] = [];
    for (const [i, items] of (converted.get(built()) ?? []).entries()) {
      const sizes = [...(await sizesSet(zip, i + 1))];
      for (const item of items) {
        // LibreOffice sets a size to a tenth of a point (11.25 pt as 11.3), then writes it in its own units.
        if (!sizes.some((size) => Math.abs(Math.round(size * 10) / 10 - item.size) < 0.02)) {
          shrunk.push(`slide ${i + 1}: "${item.str}" at ${item.size.toFixed(2)} pt`);
        }
      }
    }
    expect(shrunk).toEqual([]);
  });
});

describe('native PPTX notes', () => {
  it('sets every slide’s notes at 12 pt, the solution in the monospace font with its indentation as written', async () => {
    const notes = await notesTalk();
    for (const { deck, zip } of [varied, talk, notes]) {
      for (const i of deck.slides.keys()) {
        const sizes = [...(await notesBodyOf(zip, i)).matchAll(/\bsz="(\d+)"/g)].map((m) => m[1]);
        expect(
          sizes.filter((size) => size !== '1200'),
          `notes of slide ${i + 1}`,
        ).toEqual([]);
      }
    }
    const exercise = notes.deck.slides.findIndex((s) => s.kind === 'exercise');
    const body = await notesBodyOf(notes.zip, exercise);
    const mono = (xml: string) =>
      [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].filter(([, p]) => p?.includes('<a:latin typeface="Consolas"/>'));
    // Only the solution's lines are code: the notes and the "Solution:" label are not.
    expect(mono(body).flatMap(([p]) => paragraphs(p))).toEqual(SOLUTION_SHOWN);
    expect(paragraphs(body).filter((p) => p.trim())).toEqual([
      'Give them ten minutes.',
      'Solution:',
      ...SOLUTION_SHOWN,
    ]);
    // Not shrunk to fit the printed page: LibreOffice would shrink such text.
    expect(body).not.toContain('<a:normAutofit');
  });
});

describeWithOffice('native PPTX notes pages in LibreOffice Impress', () => {
  let notes: Built;
  let pages: PdfText[][];

  beforeAll(async () => {
    notes = await notesTalk();
    const outDir = await temp.dir();
    const profile = `-env:UserInstallation=file://${await temp.dir()}`;
    const filter = `pdf:impress_pdf_Export:${JSON.stringify({
      ExportNotesPages: { type: 'boolean', value: 'true' },
      ExportOnlyNotesPages: { type: 'boolean', value: 'true' },
    })}`;
    await run('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', outDir, notes.file], {
      timeout: 110_000,
    });
    pages = await pdfTexts(path.join(outDir, 'notes.pdf'));
  });

  it('shows every notes page’s text at 12 pt, long notes too', () => {
    expect(pages).toHaveLength(notes.deck.slides.length);
    // The notes are below the slide's picture, which takes the page's top half (720 pt high).
    const belowPicture = pages.map((items) => items.filter((item) => item.y < 720 / 2));
    const long = notes.deck.slides.findIndex((s) => s.notes === LONG_NOTES);
    expect(belowPicture[long]?.map((item) => item.str).join(' ')).toContain('Walk through the table, row by row');
    for (const items of belowPicture) {
      for (const item of items) expect(Math.round(item.size), item.str).toBe(12);
    }
  });

  it('keeps the solution’s indentation, in a monospace font', () => {
    const exercise = notes.deck.slides.findIndex((s) => s.kind === 'exercise');
    const items = pages[exercise] ?? [];
    const line = (text: string) => {
      const item = items.find((i) => i.str === text.trim());
      if (!item) throw new Error(`"${text.trim()}" is not on the notes page: ${items.map((i) => i.str).join(' | ')}`);
      return item;
    };
    const first = line(SOLUTION_SHOWN[0] ?? '');
    const advance = first.width / first.str.length;
    // LibreOffice draws each line from its first visible character, where its leading spaces end.
    const columns = SOLUTION_SHOWN.map((text) => Math.round(((line(text).x - first.x) / advance) * 10) / 10);
    expect(columns).toEqual([0, 4, 8, 4]);
    for (const text of SOLUTION_SHOWN) expect(line(text).family).toBe('monospace');
    expect(line('Give them ten minutes.').family).not.toBe('monospace');
  });
});

describe('native PPTX columns', () => {
  it('keeps a continued column in its place when the column beside it has ended, as the slides do', async () => {
    const outline = minimalOutline();
    const many = Array.from({ length: 24 }, (_, i) => `Advantage ${i + 1}`);
    outline.sections = [
      {
        id: 'main',
        title: 'Main',
        slides: [{ kind: 'pros-cons', id: 'pc', title: 'P', pros: { a: ['Short'], b: many }, cons: {} }],
      },
    ];
    const { deck } = compileData(outline);
    const continued = deck.slides.findIndex((s) => s.kind === 'pros-cons' && s.part?.index === 2);
    expect(deck.slides[continued]).toMatchObject({ columns: 2, slots: [1] });
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const shapes = [...(await xmlOf(zip, `ppt/slides/slide${continued + 1}.xml`)).matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)];
    const heading = shapes.map(([shape]) => shape).find((shape) => paragraphs(shape).includes('Beta')) ?? '';
    const [, slideWidth] = /<p:sldSz cx="(\d+)"/.exec(await xmlOf(zip, 'ppt/presentation.xml')) ?? [];
    expect(Number(/<a:off x="(\d+)"/.exec(heading)?.[1])).toBeGreaterThan(Number(slideWidth) / 2);
  });
});
