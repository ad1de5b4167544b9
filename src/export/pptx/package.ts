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
import JSZip from 'jszip';
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
}

export async function finishPackage(pptx: Buffer, { notes, lang, properties, date }: PackageOptions): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  await dropDanglingParts(zip);
  await writeProperties(zip, properties);
  await edit(zip, 'ppt/presentation.xml', (xml) =>
    xml.replace(/<p:notesSz [^>]*\/>/, `<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`),
  );
  for (const [i, slideNotes] of notes.entries()) {
    await edit(zip, `ppt/slides/slide${i + 1}.xml`, (xml) =>
      renumberShapes(oneParagraphProperties(xml)).replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1" bandRow="1"/>'),
    );
    await edit(zip, `ppt/notesSlides/notesSlide${i + 1}.xml`, (xml) => {
      const { spPr, txBody } = notesBodyXml(slideNotes, lang);
      // The notes placeholder is the shape whose placeholder type is "body".
      return xml.replace(
        /(<p:nvPr><p:ph type="body"[^>]*\/><\/p:nvPr><\/p:nvSpPr>)<p:spPr\/><p:txBody>[\s\S]*?<\/p:txBody>/,
        (_, head: string) => `${head}${spPr}${txBody}`,
      );
    });
  }
  for (const chart of zip.file(/^ppt\/charts\/chart\d+\.xml$/)) await edit(zip, chart.name, outlinedPoints);
  await drawSvgFallbacks(zip);
  if (date) await stamp(zip, date);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: PPTX_MIME });
}

/** The document properties as XML text, each in the element pptxgenjs wrote for it. */
async function writeProperties(zip: JSZip, properties: DocumentProperties): Promise<void> {
  const set = (xml: string, tag: string, value: string) =>
    xml.replace(
      new RegExp(`(<${tag}>)[\\s\\S]*?(</${tag}>)`),
      (_, open: string, close: string) => `${open}${escapeXml(value)}${close}`,
    );
  await edit(zip, 'docProps/core.xml', (xml) =>
    [
      ['dc:title', properties.title],
      ['dc:subject', properties.subject],
      ['dc:creator', properties.author],
      ['cp:lastModifiedBy', properties.author],
    ].reduce((changed, [tag = '', value = '']) => set(changed, tag, value), xml),
  );
  await edit(zip, 'docProps/app.xml', (xml) => set(xml, 'Company', properties.company));
}

const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

async function edit(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(name);
  if (file) zip.file(name, change(await file.async('string')));
}

/** Content-type overrides and internal relationships whose part is not in the package go; every picture has a content type. */
async function dropDanglingParts(zip: JSZip): Promise<void> {
  await edit(zip, '[Content_Types].xml', (xml) => {
    const kept = xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
      zip.file(part) ? override : '',
    );
    // Pictures in formats pptxgenjs has no content type for (WebP, AVIF) get theirs.
    const missing = new Set(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('ppt/media/'))
        .map((name) => path.extname(name).slice(1).toLowerCase())
        .filter((ext) => ext && !kept.includes(`<Default Extension="${ext}"`)),
    );
    const defaults = [...missing]
      .map((ext) => `<Default Extension="${escapeXml(ext)}" ContentType="image/${escapeXml(ext)}"/>`)
      .join('');
    return kept.replace(/(<Types[^>]*>)/, `$1${defaults}`);
  });
  for (const rels of Object.keys(zip.files).filter((name) => name.endsWith('.rels'))) {
    // _rels/x.xml.rels describes x.xml: targets are relative to x.xml's folder.
    const base = path.dirname(path.dirname(rels));
    await edit(zip, rels, (xml) =>
      xml.replace(/<Relationship [^>]*\/>/g, (rel) => {
        if (/TargetMode="External"/.test(rel)) return rel;
        const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
        const part = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base, target));
        return zip.file(part) ? rel : '';
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
async function drawSvgFallbacks(zip: JSZip): Promise<void> {
  const shown = await shownWidths(zip);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n))) {
    const data = await zip.file(name)?.async('nodebuffer');
    if (!data || data.subarray(0, 8).equals(PNG_SIGNATURE)) continue;
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
    zip.file(name, drawn.render().asPng());
  }
}

/**
 * How wide each picture of the slides is shown, in px of the slide, by its part's name (the
 * widest of its uses): a picture's `<a:ext cx>`, its `<a:blip>` named by the slide's relationships.
 */
async function shownWidths(zip: JSZip): Promise<Map<string, number>> {
  const widths = new Map<string, number>();
  for (const slide of zip.file(/^ppt\/slides\/slide\d+\.xml$/)) {
    const rels = (await zip.file(slide.name.replace(/([^/]+)$/, '_rels/$1.rels'))?.async('string')) ?? '';
    const media = new Map(
      [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="\.\.\/media\/([^"]+)"/g)].map(([, id, file]) => [id, file]),
    );
    for (const [pic] of (await slide.async('string')).matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)) {
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
 * Every date in the package, the document's and the zip entries', set to `date`; and in a
 * chart's data sheet, a package of its own that pptxgenjs dates when it makes it.
 */
async function stamp(zip: JSZip, date: Date): Promise<void> {
  const w3c = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  await edit(zip, 'docProps/core.xml', (xml) =>
    xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, (_, open: string) => `${open}${w3c}`),
  );
  for (const sheet of zip.file(/^ppt\/embeddings\/.*\.xlsx$/)) {
    const inner = await JSZip.loadAsync(await sheet.async('nodebuffer'));
    await stamp(inner, date);
    zip.file(sheet.name, await inner.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }
  // Folder entries too: theirs would be the time of the build.
  for (const file of Object.values(zip.files)) file.date = date;
}
