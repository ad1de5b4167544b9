/**
 * SOURCE_DATE_EPOCH (https://reproducible-builds.org): the one date a build
 * stamps into its PDFs and PowerPoint, so the same inputs give byte-identical
 * files. Read at the start of a build, up to date or not: a module of its own
 * so that the check loads nothing else.
 */
import { VersusError } from '../diagnostics/diagnostics.js';

/** The last second a PDF's four-digit year can hold: 9999-12-31T23:59:59Z. */
const LATEST_SOURCE_DATE = 253_402_300_799;

/**
 * The build date from SOURCE_DATE_EPOCH (whole seconds since 1970, as reproducible-builds.org
 * defines it), or undefined when it is not set (or empty).
 * @throws VersusError (environment) for any other value (`abc`, `-5`, `1.5`, past the year
 * 9999): ignored, it would give dated files that differ from build to build, and an impossible
 * date would fail an export with a message about something else.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  const seconds = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds <= LATEST_SOURCE_DATE)) {
    throw new VersusError(
      'environment',
      `SOURCE_DATE_EPOCH is "${value}", which is not a date: it must be whole seconds since 1970-01-01 UTC, from 0 to ${LATEST_SOURCE_DATE} (the end of the year 9999).`,
      { hint: "Set it to seconds (`git log -1 --format=%ct` gives the last commit's), or unset it." },
    );
  }
  return new Date(seconds * 1000);
}
