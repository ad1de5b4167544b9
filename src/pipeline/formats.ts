/** The outputs `versus build` can write; a module of its own so the CLI can parse options without loading the build. */
export const FORMATS = ['md', 'html', 'pdf', 'handout', 'runsheet', 'script', 'notebook', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];
/**
 * What a build writes without `--formats`. The speaker's script and the notebooks
 * are on request: they are for workshops, and the script is a third print.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'handout', 'runsheet'];
/** Formats printed or screenshotted by Chromium (and `pptx` in the `images` mode). */
export const BROWSER_FORMATS: readonly Format[] = ['pdf', 'handout', 'script', 'png'];
/** PowerPoint: native, editable objects (no browser), or one screenshot per slide. */
export const PPTX_MODES = ['native', 'images'] as const;
export type PptxMode = (typeof PPTX_MODES)[number];

/** The PowerPoint made of slide screenshots, which the browser takes. */
export function picturePptx(formats: ReadonlySet<Format>, pptx?: PptxMode): boolean {
  return formats.has('pptx') && pptx === 'images';
}

/** Slide images are taken: for the PNGs or the picture PowerPoint. */
export function takesImages(formats: ReadonlySet<Format>, pptx?: PptxMode): boolean {
  return formats.has('png') || picturePptx(formats, pptx);
}

/** Whether these formats open a browser: to print, to take slide images, or for the picture PowerPoint. */
export function needsBrowser(formats: Iterable<Format>, pptx?: PptxMode): boolean {
  const wanted = new Set(formats);
  return BROWSER_FORMATS.some((format) => wanted.has(format)) || picturePptx(wanted, pptx);
}

/** Each format's files, after the talk's slug; images and records belong to none. */
const OUTPUTS_OF: readonly [RegExp, Format][] = [
  [/^\.md$/, 'md'],
  [/^(\.presenter)?\.html$/, 'html'],
  [/^\.pdf$/, 'pdf'],
  [/^\.handout\.pdf$/, 'handout'],
  [/^\.script\.pdf$/, 'script'],
  [/^\.runsheet\.md$/, 'runsheet'],
  [/^\.pptx$/, 'pptx'],
  [/^\.(\d+|og)\.png$/, 'png'],
  [/^\.(exercises|solutions)(\.ipynb|\/.+)$/, 'notebook'],
];

/**
 * The format an output file of the talk `slug` belongs to: `<slug>.handout.pdf`
 * → handout, `<slug>.007.png` → png; undefined for the talk's images.
 */
export function formatOfOutput(name: string, slug: string): Format | undefined {
  if (!name.startsWith(slug)) return undefined;
  const rest = name.slice(slug.length).replaceAll('\\', '/');
  return OUTPUTS_OF.find(([pattern]) => pattern.test(rest))?.[1];
}

/**
 * The format of an output file of any talk, whatever its slug (slugs hold no dot): a file an
 * earlier build of an outline wrote under the title it had then.
 */
export function formatOfAnyOutput(name: string): Format | undefined {
  const dot = name.indexOf('.');
  return dot > 0 ? formatOfOutput(name, name.slice(0, dot)) : undefined;
}

/** The speaker's files, after the talk's slug: they hold, or may hold, every solution and private note. */
const SPEAKER_OUTPUT = /^(\.md|\.runsheet\.md|\.presenter\.html|\.script\.pdf|\.pptx|\.solutions(\.ipynb|\/.+))$/;

/**
 * Whether an output file of the talk `slug` is the speaker's; the others (the HTML, the slide
 * PDF, the handout, the slide images, the exercises notebook and files) are the audience's, safe to send.
 */
export function isSpeakerOutput(name: string, slug: string): boolean {
  return name.startsWith(slug) && SPEAKER_OUTPUT.test(name.slice(slug.length).replaceAll('\\', '/'));
}
