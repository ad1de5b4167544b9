/**
 * The defaults of what a user may leave out, each defined once: the CLI
 * shows them in its help, and the build, the record and the exports use them.
 */
export const DEFAULTS = {
  /** The outline a command reads when none is named. */
  outline: 'outline.yaml',
  /** Where `build` writes. */
  outDir: 'dist',
  /** The handout's and the script's paper. */
  paper: 'a4',
  /** Slides per handout page, notes beside them. */
  handoutLayout: 3,
  /** Seconds one run of `check --run` may take. */
  runTimeout: 60,
  /** Slide images' pixels per slide pixel: 2560×1440 stays crisp on a projector and in PowerPoint (marp-cli's `--image-scale`). */
  imageScale: 2,
} as const;
