/**
 * Repairs and completes the package pptxgenjs 4.0.1 writes, so that PowerPoint
 * opens it without offering a repair:
 * - it declares one slide master per slide in [Content_Types].xml and writes
 *   only the first: overrides and relationships to missing parts are dropped;
 * - it gives a table the id of another shape: shape ids are renumbered per slide;
 * - its notes page is as wide as the slide is high, narrower than the notes
 *   master's text box: the page becomes PowerPoint's portrait default;
 * - it writes notes as one run with raw line breaks: they become paragraphs,
 *   all at 12 pt, an exercise's solution in the monospace font (./notes.ts);
 * - it repeats paragraph properties before every run of a paragraph, which the
 *   schema allows only first: the repeats go;
 * - in Node it cannot draw an SVG picture's PNG fallback (what LibreOffice and
 *   PowerPoint before 2016 show) and stores the SVG there: resvg draws it,
 *   from a copy that names nothing outside the SVG, at a bounded size;
 * - it writes a chart's data labels in one number format for all its points:
 *   each point gets its own label, the text the slide writes (./chart.ts);
 * - it draws a bar chart of one series with a color per bar as data points
 *   whose shape properties leave out the series' outline (`dataBorder`): each
 *   point gets the outline back;
 * - it writes the company into docProps/app.xml unescaped (an event "R&D Day"
 *   made the file unreadable), and no document property removes what XML
 *   cannot hold: versus writes the properties itself (./xml.ts).
 * Tables get their first row marked as the header row, for screen readers and
 * PowerPoint's accessibility checker. With a `date` (SOURCE_DATE_EPOCH), every
 * date in the package is that date, so the same deck gives the same bytes.
 */
import path from 'node:path/posix';
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { safeSvg } from '../../images/svg.js';
import { escapeXml } from '../../text/xml.js';
import { NOTES_PAGE, notesBodyXml, type SlideNotes } from './notes.js';

/** The document properties PowerPoint shows under File › Info. */
export interface DocumentProperties {
  title: string;
  subject: string;
  author: string;
  company: string;
}

export interface PackageOptions {
  /** Each slide's notes, in order. */
  notes: readonly SlideNotes[];
  lang: string;
  properties: DocumentProperties;
  /** Every date in the package (SOURCE_DATE_EPOCH), for the same bytes from the same deck. */
  date?: Date | undefined;
  /** By slide index, the data labels of its chart's series, each point's (`c:dLbl`s, ./chart.ts). */
  chartLabels?: ReadonlyMap<number, readonly string[]>;
}

export async function finishPackage(
  pptx: Buffer,
  { notes, lang, properties, date, chartLabels = new Map() }: PackageOptions,
): Promise<Buffer> {
  const parts = partsOf(pptx);
  dropDanglingParts(parts);
  writeProperties(parts, properties);
  edit(parts, 'ppt/presentation.xml', (xml) =>
    xml.replace(/<p:notesSz [^>]*\/>/, `<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`),
  );
  for (const [i, slideNotes] of notes.entries()) {
    edit(parts, `ppt/slides/slide${i + 1}.xml`, (xml) =>
      renumberShapes(oneParagraphProperties(xml)).replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1" bandRow="1"/>'),
    );
    edit(parts, `ppt/notesSlides/notesSlide${i + 1}.xml`, (xml) => {
      const { spPr, txBody } = notesBodyXml(slideNotes, lang);
      // The notes placeholder is the shape whose placeholder type is "body".
      return xml.replace(
        /(<p:nvPr><p:ph type="body"[^>]*\/><\/p:nvPr><\/p:nvSpPr>)<p:spPr\/><p:txBody>[\s\S]*?<\/p:txBody>/,
        (_, head: string) => `${head}${spPr}${txBody}`,
      );
    });
  }
  for (const chart of named(parts, /^ppt\/charts\/chart\d+\.xml$/)) edit(parts, chart, outlinedPoints);
  for (const [i, labels] of chartLabels) {
    const chart = chartOf(parts, `ppt/slides/slide${i + 1}.xml`);
    if (chart) edit(parts, chart, (xml) => labelledPoints(xml, labels));
  }
  await drawSvgFallbacks(parts);
  if (date) stamp(parts, date);
  return Buffer.from(packed(parts, date));
}

/**
 * A package's parts by name, in the order they were written; folder entries left out, as a
 * package needs none. The package is taken apart and put together with fflate: pptxgenjs writes
 * it stored, and compressing its parts took JSZip two to three times as long.
 */
type Parts = Map<string, Uint8Array>;

function partsOf(zip: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')));
}

/** The parts compressed into a package, each dated `date` (the time of the build without one). */
function packed(parts: Parts, date: Date | undefined): Uint8Array {
  // A zip entry's date is a local time without a zone; fflate writes the local fields of its
  // `mtime`, so the same date gives the same bytes in any time zone when those are its UTC fields.
  const zipped = date && zipDate(date);
  const mtime =
    zipped &&
    new Date(
      zipped.getUTCFullYear(),
      zipped.getUTCMonth(),
      zipped.getUTCDate(),
      zipped.getUTCHours(),
      zipped.getUTCMinutes(),
      zipped.getUTCSeconds(),
    );
  const entries: Zippable = {};
  for (const [name, data] of parts) entries[name] = [data, { level: 6, ...(mtime ? { mtime } : {}) }];
  return zipSync(entries);
}

/** The dates a zip entry can hold: MS-DOS's, 1980 to 2107, which zip tools keep to 2099. */
const ZIP_DATES = { earliest: Date.UTC(1980, 0, 1), latest: Date.UTC(2099, 11, 31, 23, 59, 58) };

/**
 * `date` within the zip entries' range: SOURCE_DATE_EPOCH=0 or 1, common in CI and Nix, is
 * 1970, which fflate refuses ("date not in range 1980-2099"), as reproducible zip tools clamp
 * it. The document properties inside keep the real date.
 */
export function zipDate(date: Date): Date {
  return new Date(Math.min(Math.max(date.getTime(), ZIP_DATES.earliest), ZIP_DATES.latest));
}

/** The names of the parts that match `pattern`. */
function named(parts: Parts, pattern: RegExp): string[] {
  return [...parts.keys()].filter((name) => pattern.test(name));
}

/** The document properties as XML text, each in the element pptxgenjs wrote for it. */
function writeProperties(parts: Parts, properties: DocumentProperties): void {
  const set = (xml: string, tag: string, value: string) =>
    xml.replace(
      new RegExp(`(<${tag}>)[\\s\\S]*?(</${tag}>)`),
      (_, open: string, close: string) => `${open}${escapeXml(value)}${close}`,
    );
  edit(parts, 'docProps/core.xml', (xml) =>
    [
      ['dc:title', properties.title],
      ['dc:subject', properties.subject],
      ['dc:creator', properties.author],
      ['cp:lastModifiedBy', properties.author],
    ].reduce((changed, [tag = '', value = '']) => set(changed, tag, value), xml),
  );
  edit(parts, 'docProps/app.xml', (xml) => set(xml, 'Company', properties.company));
}

function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  const part = parts.get(name);
  if (part) parts.set(name, strToU8(change(strFromU8(part))));
}

/** Content-type overrides and internal relationships whose part is not in the package go; every picture has a content type. */
function dropDanglingParts(parts: Parts): void {
  edit(parts, '[Content_Types].xml', (xml) => {
    const kept = xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
      parts.has(part) ? override : '',
    );
    // Pictures in formats pptxgenjs has no content type for (WebP, AVIF) get theirs.
    const missing = new Set(
      named(parts, /^ppt\/media\//)
        .map((name) => path.extname(name).slice(1).toLowerCase())
        .filter((ext) => ext && !kept.includes(`<Default Extension="${ext}"`)),
    );
    const defaults = [...missing]
      .map((ext) => `<Default Extension="${escapeXml(ext)}" ContentType="image/${escapeXml(ext)}"/>`)
      .join('');
    return kept.replace(/(<Types[^>]*>)/, `$1${defaults}`);
  });
  for (const rels of named(parts, /\.rels$/)) {
    // _rels/x.xml.rels describes x.xml: targets are relative to x.xml's folder.
    const base = path.dirname(path.dirname(rels));
    edit(parts, rels, (xml) =>
      xml.replace(/<Relationship [^>]*\/>/g, (rel) => {
        if (/TargetMode="External"/.test(rel)) return rel;
        const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
        const part = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base, target));
        return parts.has(part) ? rel : '';
      }),
    );
  }
}

/** Each data point of a series drawn with the series' outline, when it has one and the point none. */
function outlinedPoints(xml: string): string {
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) => {
    const own = /<c:spPr>[\s\S]*?<\/c:spPr>/.exec(series)?.[0] ?? '';
    const line = /<a:ln\b[\s\S]*?<\/a:ln>/.exec(own)?.[0];
    if (!line) return series;
    return series.replace(/<c:dPt>[\s\S]*?<\/c:dPt>/g, (point) =>
      point.includes('<a:ln') ? point : point.replace('</a:solidFill>', `</a:solidFill>${line}`),
    );
  });
}

/** The chart part a slide shows, by its relationships. */
function chartOf(parts: Parts, slide: string): string | undefined {
  const rels = strFromU8(parts.get(slide.replace(/([^/]+)$/, '_rels/$1.rels')) ?? new Uint8Array());
  const target = /Target="\/?(?:\.\.\/)?(?:ppt\/)?(charts\/chart\d+\.xml)"/.exec(rels)?.[1];
  return target && parts.has(`ppt/${target}`) ? `ppt/${target}` : undefined;
}

/** Each series' points get their own data labels (`labels`, by series), first in its `c:dLbls` as the schema orders them. */
function labelledPoints(xml: string, labels: readonly string[]): string {
  let s = 0;
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) => {
    const own = labels[s++] ?? '';
    return series.replace('<c:dLbls>', `<c:dLbls>${own}`);
  });
}

/** Every shape of a slide gets its own id, in document order (pptxgenjs repeats some). */
function renumberShapes(xml: string): string {
  let id = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

/** Keeps a paragraph's properties only where the schema allows them: first, once. */
function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, body: string) => {
    let first = true;
    const kept = body.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr, offset: number) => {
      const keep = first && offset === 0;
      first = false;
      return keep ? pPr : '';
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/** Width in px of an SVG's PNG fallback at most: a picture is at most 1152 px wide on the slide. */
const FALLBACK_WIDTH = 1600;
/** A fallback's pixels per px of the slide it is shown on (a 200 px QR code: 400 px). */
const FALLBACK_SCALE = 2;
/** EMU (the package's unit) in a px of the slide: 914,400 an inch, 96 px an inch. */
const EMU_PER_PX = 9525;
/** The fallback's long side at most: a tall picture is drawn this high, its width scaled to fit. */
const FALLBACK_LONG_SIDE = 4096;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * PNG parts that hold an SVG (pptxgenjs's fallbacks) get the SVG drawn as a
 * PNG: from its safe copy, which names no file outside itself (resvg would
 * read any), twice as wide as the slide shows it (at most 1600 px), at most
 * 4096 px on its long side.
 */
async function drawSvgFallbacks(parts: Parts): Promise<void> {
  const shown = shownWidths(parts);
  for (const name of named(parts, /^ppt\/media\/.*\.png$/)) {
    const data = Buffer.from(parts.get(name) ?? []);
    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) continue;
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = safeSvg(data.toString('utf8'));
    // The SVG's own size, read without fonts, which it does not depend on.
    const { width, height } = new Resvg(svg, { font: { loadSystemFonts: false } });
    // A picture no slide shows (a layout's) is drawn as wide as any.
    const onSlide = shown.get(name);
    const wide = onSlide ? Math.min(FALLBACK_WIDTH, Math.ceil(FALLBACK_SCALE * onSlide)) : FALLBACK_WIDTH;
    const tall = (height * wide) / width > FALLBACK_LONG_SIDE;
    const fitTo = tall
      ? ({ mode: 'height', value: FALLBACK_LONG_SIDE } as const)
      : ({ mode: 'width', value: wide } as const);
    const short = tall ? (width * FALLBACK_LONG_SIDE) / height : (height * wide) / width;
    if (!(short >= 1)) throw new Error(`an SVG picture of ${width}×${height} is too thin to draw`);
    const drawn = new Resvg(svg, {
      fitTo,
      // Reading the system's fonts takes a while: only for an SVG with text.
      font: { loadSystemFonts: svg.includes('<text'), defaultFontFamily: 'Liberation Sans' },
    });
    parts.set(name, drawn.render().asPng());
  }
}

/**
 * How wide each picture of the slides is shown, in px of the slide, by its part's name (the
 * widest of its uses): a picture's `<a:ext cx>`, its `<a:blip>` named by the slide's relationships.
 */
function shownWidths(parts: Parts): Map<string, number> {
  const widths = new Map<string, number>();
  const text = (name: string) => strFromU8(parts.get(name) ?? new Uint8Array());
  for (const slide of named(parts, /^ppt\/slides\/slide\d+\.xml$/)) {
    const rels = text(slide.replace(/([^/]+)$/, '_rels/$1.rels'));
    const media = new Map(
      [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="\.\.\/media\/([^"]+)"/g)].map(([, id, file]) => [id, file]),
    );
    for (const [pic] of text(slide).matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)) {
      const file = media.get(/<a:blip r:embed="(rId\d+)"/.exec(pic)?.[1] ?? '');
      const cx = Number(/<a:ext cx="(\d+)"/.exec(pic)?.[1]);
      if (!file || !cx) continue;
      const name = `ppt/media/${file}`;
      widths.set(name, Math.max(widths.get(name) ?? 0, cx / EMU_PER_PX));
    }
  }
  return widths;
}

/**
 * Every date in the package, the document's (the zip entries' are written with it, `packed`); and
 * in a chart's data sheet, a package of its own that pptxgenjs dates when it makes it.
 */
function stamp(parts: Parts, date: Date): void {
  const w3c = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit(parts, 'docProps/core.xml', (xml) =>
    xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, (_, open: string) => `${open}${w3c}`),
  );
  for (const sheet of named(parts, /^ppt\/embeddings\/.*\.xlsx$/)) {
    const inner = partsOf(parts.get(sheet) ?? new Uint8Array());
    stamp(inner, date);
    parts.set(sheet, packed(inner, date));
  }
}
