/**
 * `versus build`: outline → markdown, HTML, slide PDF and handout PDF, with
 * one browser shared by every browser-backed format and atomic writes.
 */

import { readFile } from 'node:fs/promises';
import { type Diagnostic, failureOf, VersusError } from '../diagnostics/diagnostics.js';
import type { SharedBrowser } from '../export/browser.js';
import { findRasterizer } from '../export/find-rasterizer.js';
import { undrawnFindings } from '../export/font-coverage.js';
import type { HandoutOptions, OverPage } from '../export/handout.js';
import { type RenderedSlides, renderSlides } from '../export/marp.js';
import type { PrintJob } from '../export/pdf.js';
import { loadPdfLib } from '../export/reproducible.js';
import { sourceDate } from '../export/source-date.js';
import { diskFullError, Staging } from '../export/staging.js';
import { labelsFor } from '../i18n/labels.js';
import { fittedPicture } from '../images/fit.js';
import { lintRunLanguages } from '../lint/language-rules.js';
import type { SlideMeasure } from '../lint/measure.js';
import {
  type Finding,
  lintReferencesWithoutSlide,
  lintSectionsWithoutDividers,
  lintStarterIsSolution,
  overBudgetFinding,
  overflowFindings,
  overPageFindings,
  slotPosition,
} from '../lint/rules.js';
import { leftOutRunsAfter } from '../lint/run-rules.js';
import { lintTagTypos } from '../lint/tag-rules.js';
import type { LoadedOutline } from '../outline/load.js';
import { locate, type Where } from '../outline/origin.js';
import { audienceMarkdown, type Compiled, type CompileOptions, compileOutline, runSheet } from '../pipeline/compile.js';
import {
  DEFAULT_FORMATS,
  type Format,
  formatOfAnyOutput,
  formatOfOutput,
  needsBrowser,
  type PptxMode,
  picturePptx,
  takesImages,
} from '../pipeline/formats.js';
import { loadForSelection } from '../pipeline/load-selected.js';
import { clashError, inputsNamedAsOutputs, inputsOverwritten } from '../pipeline/output-clash.js';
import { hashInputs, lastBuilt, recordOf, sameNames, type UpToDate, upToDate } from '../pipeline/up-to-date.js';
import { planPresenter } from '../plan/presenter.js';
import { DEFAULTS } from '../shared/defaults.js';
import { sha256 } from '../shared/sha256.js';
import { CONTENT, IMAGE } from '../theme/geometry.js';
import { isDark } from '../theme/palette.js';
import { type ResolvedTheme, resolveTheme, themeFor } from '../theme/resolve.js';
import { DEFAULT_THEME } from '../theme/themes.js';

export interface BuildOptions extends Omit<CompileOptions, 'theme'>, HandoutOptions {
  outDir?: string;
  formats?: readonly Format[];
  /** Theme name or CSS file; overrides the outline's `theme`. */
  theme?: string;
  /** Milliseconds each browser step may take. */
  browserTimeout?: number;
  /** Called with one line per step, for progress output. */
  onProgress?: (message: string) => void;
  /** A browser shared with other builds; by default the build launches and closes its own. */
  browser?: SharedBrowser;
  /** Close `browser` as soon as this build's work in it is done, as with a browser of its own (a batch's last talk). */
  releaseBrowser?: boolean;
  /** Fail (and write nothing) when a slide overflows or the talk is over its slot, instead of warning. */
  strict?: boolean;
  /** Called with the talk's slug before anything is written; throws to stop the build (a batch's slug collision). */
  claimSlug?: (slug: string) => void;
  /** PowerPoint from the deck model (`native`, the default) or from slide screenshots (`images`). */
  pptx?: PptxMode;
  /** `buildMany`: build every talk, also those whose record says they are up to date. */
  force?: boolean;
  /** Slide images' pixels per slide pixel (`DEFAULTS.imageScale`: 2560×1440). */
  imageScale?: number;
}

export interface BuildResult {
  files: string[];
  compiled: Compiled;
  /** Slides whose content runs off the slide, measured in Chromium; absent when no format opened a browser. */
  overflows?: Finding[];
  /** The talk over its slot (`duration`), at the position of that duration; absent when it fits or has none. */
  overBudget?: Finding;
  /** What the outputs lose or break (a section's notes with no divider, a notebook exercise whose dependency is left out); absent when none. */
  warnings?: Finding[];
}

/**
 * @throws VersusError, after committing what its kind's row of `FAILURES` says:
 * nothing, or for `no-browser` the outputs made without one (md, html).
 */
export async function build(outlineFile: string, options: BuildOptions = {}): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {});
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  sourceDate(); // a SOURCE_DATE_EPOCH that is no date stops the build before anything is read

  // 1. Load, validate and compile: any problem here stops the build before a file is touched.
  const loaded = await loadForSelection(outlineFile, options);
  const theme = await themeFor(loaded.outline, { override: options.theme, baseDir: process.cwd() });
  const compiled = compileOutline(loaded, { ...options, theme: theme.name, palette: theme.palette });
  const { slug } = compiled.deck.meta;
  options.claimSlug?.(slug);
  const read = new Map([...loaded.inputs, ...(theme.read ?? [])]);
  const inputs = hashInputs(read, theme.files);
  const outDir = options.outDir ?? DEFAULTS.outDir;
  // An output named as a file the build reads (`file: <slug>.md` with `--out .`) would replace it:
  // refused now, before the browser starts, and again at the commit with the very files staged.
  const inputFiles = [...read.keys(), ...theme.files];
  const refuseClashes = (names: Iterable<string>) => {
    const clashes = inputsOverwritten(inputFiles, outDir, names);
    if (clashes.length) throw clashError(clashes);
  };
  // The last build's files of the formats this one makes, which it takes away when stale.
  const stale = (await lastBuilt(outlineFile, options)).filter((name) => {
    const format = formatOfAnyOutput(name);
    return format && formats.has(format);
  });
  const predicted = inputsNamedAsOutputs(inputFiles, outDir, {
    slug,
    formats,
    extra: [...compiled.assets.keys(), ...stale],
  });
  if (predicted.length) throw clashError(predicted);

  // 2. Stage every output next to its final place, then rename them all in.
  const staging = await Staging.open(outDir);
  let browser: SharedBrowser | undefined;
  try {
    // Chromium boots while this thread renders the slides with Marp; the HTML export
    // (marp-cli, in its worker) converts after that render so that printing, the
    // longest step, starts as early as it can.
    // Slide images are drawn from the slide PDF by mutool when it is installed, else screenshotted.
    const mutool = takesImages(formats, options.pptx) ? findRasterizer() : undefined;
    browser = await startBrowser(formats, options, mutool);
    const rendered = browser ? renderSlides(compiled.markdown, theme) : undefined;
    const onPaper =
      rendered && (formats.has('handout') || formats.has('script'))
        ? rendered.then((slides) => paperSlides(slides, theme, loaded, options))
        : undefined;
    const pictures = await stagePictures(compiled, staging, Math.max(2, options.imageScale ?? DEFAULTS.imageScale));
    await staging.write(`${slug}.md`, compiled.markdown, { output: formats.has('md') });
    if (formats.has('runsheet')) await staging.write(`${slug}.runsheet.md`, runSheet(compiled));
    if (formats.has('notebook')) {
      const { isScript, notebookFiles } = await import('../export/notebook.js');
      const notebooks = notebookFiles(compiled.deck);
      progress(notebooks.length ? `notebook ${notebooks.length} files` : 'notebook none: no exercise in this talk');
      for (const [name, content] of notebooks) await staging.write(name, content, { executable: isScript(content) });
    }
    const html = async () => {
      await rendered;
      // Link previews need an absolute address: beside the HTML at its public url, when it has one.
      const og = `${slug}.og.png`;
      const ogImage = formats.has('png')
        ? compiled.deck.meta.url
          ? new URL(og, compiled.deck.meta.url).href
          : og
        : undefined;
      const { exportHtml } = await import('../export/html.js');
      const labels = labelsFor(compiled.deck);
      const presenter = planPresenter(compiled.deck);
      const toHtml = async (markdownName: string, htmlName: string) => {
        progress(`html     ${htmlName}`);
        await exportHtml({
          markdownFile: staging.pathOf(markdownName),
          outputFile: staging.pathOf(htmlName),
          theme,
          images: pictures,
          ogImage,
          labels,
          presenter,
        });
        staging.add(htmlName);
      };
      // The HTML people are sent holds what the audience may see; the speaker's own, when the
      // talk has solutions or private notes, holds everything (see plan/presenter-notes.ts).
      const audience = audienceMarkdown(compiled);
      if (audience === compiled.markdown) return toHtml(`${slug}.md`, `${slug}.html`);
      await staging.write(AUDIENCE_MARKDOWN(slug), audience, { output: false });
      await toHtml(AUDIENCE_MARKDOWN(slug), `${slug}.html`);
      await toHtml(`${slug}.md`, `${slug}.presenter.html`);
    };
    // The native PowerPoint needs no browser: drawn on this thread while Chromium prints and
    // screenshots, once the render has let the browser work start.
    const pptx = async () => {
      await rendered;
      progress(`pptx     ${slug}.pptx`);
      const { exportNativePptx } = await import('../export/pptx/pptx.js');
      await staging.write(`${slug}.pptx`, await exportNativePptx(compiled.deck, pictures).catch(pptxError));
    };
    // Asked of fontconfig while the exports run.
    const undrawn = browser ? undrawnFindings(compiled.markdown, loaded) : Promise.resolve([]);
    const steps = await Promise.allSettled([
      formats.has('html') && html(),
      browser &&
        rendered &&
        exportWithBrowser({ browser, staging, compiled, rendered, onPaper, formats, options, mutool, progress }),
      formats.has('pptx') && !picturePptx(formats, options.pptx) && pptx(),
    ]);
    const failed = steps.find((step) => step.status === 'rejected');
    if (failed) throw failed.reason;
    const exported = steps[1].status === 'fulfilled' ? steps[1].value : undefined;
    const measures = exported?.measures;
    const at = (where: Where) => locate(loaded, where);
    // A build warns where `check` fails: an overflow is a warning here, unless --strict.
    const overflows = measures && overflowFindings(measures, compiled.deck, theme.name, at).map(asWarning);
    const overBudget = overBudgetFinding(compiled.deck, slotPosition(loaded.outline, compiled.deck, at), 'warning');
    // What the outputs lose or get wrong, which a build must not call a success: notes no output
    // shows, notebooks whose code runs without what it needs.
    const warnings = [
      ...lintSectionsWithoutDividers(loaded.outline, at),
      ...lintReferencesWithoutSlide(compiled.deck, loaded.outline, at),
      ...overPageFindings(exported?.overPages ?? [], compiled.deck, at),
      ...(formats.has('notebook') ? leftOutRunsAfter(compiled.deck, loaded.outline, at, 'warning') : []),
      ...(formats.has('notebook') ? lintRunLanguages(loaded.outline, at) : []),
      ...lintTagTypos(loaded.outline, at),
      ...lintStarterIsSolution(compiled.deck, at),
      ...(await undrawn),
    ];
    if (options.strict && (overflows?.length || overBudget || warnings.length)) {
      throw strictError(overflows ?? [], overBudget, warnings);
    }
    const verdict = {
      ...(overflows ? { overflows } : {}),
      ...(overBudget ? { overBudget } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
    // The record goes in with the outputs, and the last build's files this one replaces by nothing
    // go out: both read from the records committed last, under the lock (see commitAll).
    let recordFile = '';
    const committed = await staging.commit(async () => {
      const outputs = staging.outputs();
      const { stale, kept } = earlierOutputs(await lastBuilt(outlineFile, options), outputs, formats);
      const replaced = await replacedBuilds(outlineFile, options, slug, outputs, progress);
      const record = await recordOf(outlineFile, options, { inputs, outputs, kept, compiled, ...verdict });
      refuseClashes([...outputs.map(([name]) => name), record.name, ...stale, ...replaced]);
      recordFile = await staging.write(record.name, record.content);
      return [...stale, ...replaced];
    });
    return { files: committed.filter((file) => file !== recordFile), compiled, ...verdict };
  } catch (error) {
    // A full disk, or the output folder removed under the build, is told as such wherever it
    // stopped the build (a browser, marp-cli or mutool failing to write is its echo).
    const full = diskFullError(error, staging.outDir) ?? staging.removedError(error);
    if (full) throw full;
    // Without a browser the markdown and HTML are still worth having; any other failure leaves the earlier files.
    if (failureOf(error).commits === 'without-browser') {
      await staging.commit(async () => {
        refuseClashes(staging.outputs().map(([name]) => name));
        return [];
      });
    }
    throw error;
  } finally {
    await staging.discard();
    if (browser && !options.browser) await browser.close();
    else await browser?.releasePrepared();
  }
}

/**
 * The files earlier builds of this outline wrote, against this build's:
 * `stale`, those of the formats it makes that it does not write again (slide
 * images past the new last slide, a presenter HTML or exercise files the talk
 * no longer has), to take away; `kept`, those of formats it does not make
 * (`-f pdf` keeps the HTML), still the talk's. Images are in neither: other
 * talks in the folder may share them.
 */
function earlierOutputs(
  last: readonly string[],
  outputs: readonly (readonly [string, string])[],
  formats: ReadonlySet<Format>,
): { stale: string[]; kept: string[] } {
  const now = new Set(outputs.map(([name]) => name));
  // Files it kept may be of an earlier title still, named after the slug it had then.
  const earlier = last.flatMap((name) => {
    const format = formatOfAnyOutput(name);
    return format && !now.has(name) ? [{ name, format }] : [];
  });
  return {
    stale: earlier.filter((file) => formats.has(file.format)).map((file) => file.name),
    kept: earlier.filter((file) => !formats.has(file.format)).map((file) => file.name),
  };
}

/**
 * What a build of another outline or profile with this talk's slug left in the folder, which this
 * build replaces: its record and the files of its talk this one does not write (a 14th slide image
 * beside a 13-page deck, a presenter HTML with solutions beside a deck that has none). Told, since
 * that build's files are gone. Pictures in assets/ stay: other talks may show them.
 */
async function replacedBuilds(
  outlineFile: string,
  options: BuildOptions,
  slug: string,
  outputs: readonly (readonly [string, string])[],
  progress: (message: string) => void,
): Promise<string[]> {
  const now = new Set(outputs.map(([name]) => name));
  return (await sameNames(outlineFile, options, slug)).flatMap(({ record, outline, profile, outputs: theirs }) => {
    progress(
      `replaces ${outline}${profile ? ` (profile ${profile})` : ''}: its files have this talk's names (${slug}.*)`,
    );
    return [record, ...theirs.filter((name) => !now.has(name) && formatOfOutput(name, slug))];
  });
}

/** The slides as Chromium printed them, without document properties: a working file the slide images are drawn from. */
const PRINTED_SLIDES = (slug: string) => `.${slug}.printed.pdf`;

/** The markdown of the audience's HTML: a working file in the staging folder, beside the images it names. */
const AUDIENCE_MARKDOWN = (slug: string) => `${slug}.audience.md`;

/**
 * Starts Chromium, with a page ready for each PDF, when a format needs it; loads nothing otherwise.
 * With `mutool`, slide images need the slide PDF's page (and the link preview's), not pages of their own.
 */
async function startBrowser(
  formats: ReadonlySet<Format>,
  options: BuildOptions,
  mutool: string | undefined,
): Promise<SharedBrowser | undefined> {
  if (!needsBrowser(formats, options.pptx)) return undefined;
  const browser = options.browser ?? (await newBrowser(options));
  const printed: Format[] = ['pdf', 'handout', 'script'];
  const images = takesImages(formats, options.pptx);
  const prints =
    printed.filter((format) => formats.has(format)).length + (images && mutool && !formats.has('pdf') ? 1 : 0);
  // And the first page for slide images or the link preview, which starts beside the PDFs (see MAX_OPEN_PAGES).
  browser.prepare(prints + (images && (!mutool || formats.has('png')) ? 1 : 0));
  // Loaded while the browser boots, for the printed PDFs' document properties (slides printed only for their images need none).
  if (printed.some((format) => formats.has(format))) loadPdfLib().catch(() => {});
  return browser;
}

/**
 * The slides' pictures staged beside the markdown, where the PDFs and the slide images load
 * them: each larger than an image slide shows it (the content's width, the image's height) at
 * `scale` pixels a point as a copy that fits (images/fit.ts). Every output reads the staged
 * copy, made from the bytes the loader hashed for the record: a picture saved since the build
 * read it is told, never shown in some outputs and not in others.
 */
async function stagePictures(
  { assets, deck }: Compiled,
  staging: Staging,
  scale: number,
): Promise<Map<string, string>> {
  const box = { width: CONTENT.width * scale, height: IMAGE.maxHeight * scale };
  const hashed = new Map(
    deck.slides.flatMap((slide) =>
      slide.kind === 'image' && slide.asset ? [[slide.asset.name, slide.asset.sha256]] : [],
    ),
  );
  const shown = new Map<string, string>();
  for (const [name, file] of assets) {
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes || (hashed.has(name) && sha256(bytes) !== hashed.get(name))) {
      throw new VersusError('environment', `${file} changed while the build was reading it.`, {
        hint: 'Build again once it is saved.',
      });
    }
    await staging.write(name, (await fittedPicture(bytes, box)) ?? bytes);
    shown.set(name, staging.pathOf(name));
  }
  return shown;
}

/**
 * The slides the handout and the script print. Paper is white: a talk in a dark theme (the
 * built-in one, or a theme file of light text on a dark background) prints its slides in the
 * light built-in theme, compiled with its palette (the outlines of faint colors, the charts).
 * Every theme is planned with the built-in sizes, so each slide lays out as projected; a theme
 * file's pictures and fonts stay on the screen, where its background needs them.
 */
async function paperSlides(
  slides: RenderedSlides,
  theme: ResolvedTheme,
  loaded: LoadedOutline,
  options: BuildOptions,
): Promise<RenderedSlides> {
  if (!isDark(theme.palette)) return slides;
  const light = await resolveTheme(DEFAULT_THEME, process.cwd());
  const { markdown } = compileOutline(loaded, { ...options, theme: light.name, palette: light.palette });
  return renderSlides(markdown, light);
}

/** A browser, not yet launched; puppeteer-core loads only here, when a format needs it. */
async function newBrowser(options: BuildOptions): Promise<SharedBrowser> {
  const { SharedBrowser } = await import('../export/browser.js');
  return new SharedBrowser({ timeout: options.browserTimeout });
}

interface BrowserExport {
  browser: SharedBrowser;
  staging: Staging;
  compiled: Compiled;
  /** The deck rendered by Marp once, for every browser-backed format. */
  rendered: Promise<RenderedSlides>;
  /** The slides the handout and the script print (see `paperSlides`), when they are made. */
  onPaper: Promise<RenderedSlides> | undefined;
  formats: ReadonlySet<Format>;
  options: BuildOptions;
  /** Draws the slide images from the slide PDF; without it, Chromium screenshots them. */
  mutool: string | undefined;
  progress: (message: string) => void;
}

/**
 * Every browser-backed format, and the measure of every slide: on the slide PDF's page when there is one.
 * With `mutool`, the slide images are drawn from the slide PDF (printed for them when it is no output),
 * once the browser is closed when no other build needs it, else while the handout and the script print.
 */
async function exportWithBrowser({
  browser,
  staging,
  compiled,
  rendered,
  onPaper,
  formats,
  options,
  mutool,
  progress,
}: BrowserExport): Promise<{ measures: SlideMeasure[]; overPages: OverPage[] }> {
  const imagesTaken = takesImages(formats, options.pptx);
  const [
    { printSlides, finishedPdf },
    { exportHandout },
    { measurePage, measureSlides },
    { exportScript },
    { browserFailure },
    imageExport,
  ] = await Promise.all([
    import('../export/pdf.js'),
    import('../export/handout.js'),
    import('../export/measure.js'),
    import('../export/script.js'),
    import('../export/browser.js'),
    imagesTaken ? import('../export/images.js') : undefined,
  ]);
  /** What Chromium does for this build, each step as it starts (see `released` below). */
  const inBrowser: Promise<unknown>[] = [];
  const inChromium = <T>(work: Promise<T>): Promise<T> => {
    inBrowser.push(work);
    return work;
  };
  const { deck } = compiled;
  // mutool draws once the browser is closed, when it closes with this build: the pixels' buffers
  // and Chromium's processes together made the build's memory peak.
  const lastUse = !options.browser || options.releaseBrowser;
  if (lastUse) browser.keepNoPages();
  let closed = () => {};
  const browserClosed = lastUse ? new Promise<void>((resolve) => (closed = resolve)) : Promise.resolve();
  const date = sourceDate();
  const author = deck.meta.speakers.map((speaker) => speaker.name).join(', ');
  const job: PrintJob = {
    browser,
    workDir: staging.dir,
    properties: {
      ...(author ? { author } : {}),
      ...(deck.meta.subtitle ? { subject: deck.meta.subtitle } : {}),
      ...(date ? { date } : {}),
    },
  };
  // The steps below say what they print once Chromium runs: without one, no line claims a PDF.
  const started = browser.get();
  const [slides] = await Promise.all([rendered, started.catch(() => {})]);
  try {
    await started;
  } catch (error) {
    throw browserFailure(error, browser, 'exporting');
  }
  progress('browser  Chromium');
  const { slug, title, lang } = deck.meta;
  const pictures = picturePptx(formats, options.pptx);
  const scale = options.imageScale ?? DEFAULTS.imageScale;
  // The slides printed, for the slide PDF or for a PNG build's images to be drawn from; every slide is measured on their page.
  const slidesPrinted =
    (formats.has('pdf') || (imagesTaken && mutool)) &&
    inChromium(
      (async () => {
        if (formats.has('pdf')) progress(`pdf      ${slug}.pdf`);
        return printSlides(job, slides, { title, lang });
      })(),
    );
  // The slide PDF gets its document properties while mutool draws the images from Chromium's own file.
  const slidePdf =
    slidesPrinted &&
    formats.has('pdf') &&
    slidesPrinted.then(async (printed) => staging.write(`${slug}.pdf`, await finishedPdf(job, printed)));
  // Without the slide PDF, the slides are measured on the first slide-image page, which shows the deck anyway.
  const slideImages = async (): Promise<SlideMeasure[] | undefined> => {
    const { imageName, renderLinkPreview, forEachSlideImage } = imageExport as NonNullable<typeof imageExport>;
    progress(`images   ${deck.slides.length} slides${mutool ? ', drawn by mutool' : ''}`);
    // Each PNG is written as it is taken; only the PPTX needs them all at once.
    const images: Buffer[] = [];
    const onImage = async (i: number, image: Buffer) => {
      if (pictures) images[i] = image;
      if (formats.has('png')) await staging.write(imageName(slug, i), image);
    };
    const drawn = async ({ raw }: { raw: Uint8Array }) => {
      const pdfFile = await staging.write(PRINTED_SLIDES(slug), raw, { output: false });
      await browserClosed;
      const { rasterizeInWorker } = await import('../export/rasterize.js');
      const pages = slides.slides.length;
      await rasterizeInWorker({
        mutool: mutool as string,
        pdfFile,
        pages,
        scale,
        onImage,
        timeout: browser.timeout,
      });
      return undefined;
    };
    const [measures] = await Promise.all([
      mutool && slidesPrinted
        ? slidesPrinted.then(drawn)
        : inChromium(
            forEachSlideImage(job, slides, {
              lang,
              scale,
              onImage,
              ...(formats.has('pdf') ? {} : { inspect: measurePage }),
            }),
          ),
      formats.has('png') &&
        inChromium(renderLinkPreview(job, slides, lang)).then((image) => staging.write(`${slug}.og.png`, image)),
    ]);
    if (pictures) {
      progress(`pptx     ${slug}.pptx`);
      const { exportPicturePptx } = await import('../export/pptx/pptx.js');
      await staging.write(`${slug}.pptx`, await exportPicturePptx(deck, images));
    }
    return measures;
  };
  try {
    const steps = [
      slidesPrinted ? Promise.all([slidesPrinted, slidePdf]).then(([printed]) => printed.inspected) : undefined,
      !slidesPrinted && !imagesTaken && inChromium(measureSlides(browser, slides, { lang, workDir: staging.dir })),
      formats.has('handout') &&
        inChromium(
          (async () => {
            progress(`handout  ${slug}.handout.pdf`);
            return exportHandout(job, deck, (await onPaper) ?? slides, options);
          })(),
        ).then(async ({ pdf, overPages }) => {
          await staging.write(`${slug}.handout.pdf`, pdf);
          return overPages;
        }),
      formats.has('script') &&
        inChromium(
          (async () => {
            progress(`script   ${slug}.script.pdf`);
            return exportScript(job, deck, (await onPaper) ?? slides, options);
          })(),
        ).then((script) => staging.write(`${slug}.script.pdf`, script)),
      imagesTaken && slideImages(),
    ] as const;
    // Every step above has started, and slideImages hands its browser work on before its first wait.
    // A browser no other build needs then closes as soon as that work is done, and mutool draws after:
    // Chromium's processes (some 250 MB) and the pixels on their way to PNG made the build's memory peak.
    const released = Promise.allSettled(inBrowser)
      .then(() => (lastUse ? browser.close() : undefined))
      .catch(() => {}) // closed again, and any failure told, where the build ends
      .finally(closed);
    const [onPdf, alone, overPages, , onImages] = await Promise.all(steps);
    await released;
    return { measures: onPdf || alone || onImages || [], overPages: overPages || [] };
  } catch (error) {
    throw browserFailure(error, browser, 'exporting');
  }
}

function pptxError(error: Error): never {
  throw new VersusError('export', `The PowerPoint file could not be written: ${error.message.split('\n')[0]}`, {
    hint: 'Check the images the outline names (PNG, JPEG, GIF or SVG), or try --pptx images.',
    cause: error,
  });
}

const asWarning = (finding: Finding): Finding => ({ ...finding, severity: 'warning' });

/** `--strict`: overflowing slides and a talk over its slot fail the build (exit 1, as an invalid outline), and nothing is written. */
function strictError(overflows: Finding[], overBudget: Finding | undefined, warnings: Finding[]): VersusError {
  const count = overflows.length === 1 ? '1 slide overflows' : `${overflows.length} slides overflow`;
  const problems = [
    overflows.length > 0 && count,
    overBudget && 'the talk is over its slot',
    warnings.length > 0 && 'an output would lose or break content',
  ].filter(Boolean);
  const fixes = [
    overflows.length > 0 && 'shorten or split the slides above',
    overBudget && 'cut slides or minutes (or lengthen the slot)',
    warnings.length > 0 && 'do as their hints say',
  ].filter(Boolean);
  // Each finding is a diagnostic already; --strict makes it an error.
  const asError = ({ code, message, file, line, col }: Finding): Diagnostic => ({
    severity: 'error',
    code,
    message,
    file,
    line,
    col,
  });
  return new VersusError('lint', `${problems.join(' and ')} (--strict); nothing was written.`, {
    diagnostics: [...(overBudget ? [overBudget] : []), ...overflows, ...warnings].map(asError),
    hint: `${fixes.join(', ').replace(/^./, (c) => c.toUpperCase())}, or build without --strict to get the files with a warning.`,
  });
}

export interface BatchResult {
  file: string;
  result?: BuildResult;
  /** Set instead of `result` when the talk was not built: nothing it is made from changed since its last build. */
  upToDate?: UpToDate;
  error?: unknown;
  /** How long this talk took, in milliseconds. */
  ms: number;
}

/**
 * Builds several talks one after another with a single browser; one failure does not stop the others. Two talks that would
 * write the same file names into one folder are an error for the second,
 * which writes nothing. Talks that are up to date are not built (unless
 * `force`), and start no browser.
 */
export async function buildMany(outlineFiles: string[], options: BuildOptions = {}): Promise<BatchResult[]> {
  let own: SharedBrowser | undefined;
  const sharedBrowser = async () => {
    if (options.browser || !needsBrowser(options.formats ?? DEFAULT_FORMATS, options.pptx)) return options.browser;
    own ??= await newBrowser(options);
    return own;
  };
  const results: BatchResult[] = [];
  const slugs = new Map<string, string>();
  try {
    for (const file of outlineFiles) {
      const started = performance.now();
      const claimSlug = (slug: string) => {
        const other = slugs.get(slug);
        if (other !== undefined && other !== file) throw slugCollision(file, other, slug);
        slugs.set(slug, file);
      };
      try {
        const fresh = options.force ? undefined : await upToDate(file, options);
        if (fresh) {
          claimSlug(fresh.record.summary.slug);
          results.push({ file, upToDate: fresh, ms: performance.now() - started });
          continue;
        }
        results.push({
          file,
          result: await build(file, {
            ...options,
            browser: await sharedBrowser(),
            releaseBrowser: !options.browser && file === outlineFiles.at(-1),
            claimSlug,
          }),
          ms: performance.now() - started,
        });
      } catch (error) {
        results.push({ file, error, ms: performance.now() - started });
      }
    }
  } finally {
    await own?.close();
  }
  return results;
}

function slugCollision(file: string, other: string, slug: string): VersusError {
  return new VersusError(
    'invalid-outline',
    `${file} would write ${slug}.md and the rest over the files of ${other}, built just before it; nothing was written.`,
    { hint: 'Give one of them its own `slug:` (or a different title), or build them into different --out folders.' },
  );
}
