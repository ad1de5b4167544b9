/** The outputs `versus build` can write; a module of its own so the CLI can parse options without loading the build. */
export const FORMATS = ['md', 'html', 'pdf', 'handout', 'runsheet', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'handout', 'runsheet'];
/** Formats printed or screenshotted by Chromium (and `pptx` in the `images` mode). */
export const BROWSER_FORMATS: readonly Format[] = ['pdf', 'handout', 'png'];
/** PowerPoint: native, editable objects (no browser), or one screenshot per slide. */
export const PPTX_MODES = ['native', 'images'] as const;
export type PptxMode = (typeof PPTX_MODES)[number];
