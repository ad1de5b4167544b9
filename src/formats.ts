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
