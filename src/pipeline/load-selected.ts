/**
 * Loading an outline for a command that selects from it (build, check, dev):
 * the outline's own problems, and with them those of the command line's
 * `--profile`, `--only` and `--skip`, in one run.
 */
import { invalidOutline, VersusError } from '../diagnostics/diagnostics.js';
import { type LoadedOutline, loadOutline, readOutlineSource } from '../outline/load.js';
import { parseOutlineText } from '../outline/parse.js';
import { fileLocator, toDiagnostics } from '../outline/positions.js';
import { isOverlay, outlineAsWritten } from '../outline/validate.js';
import { type Selection, selectionProblems } from '../select/select.js';

/**
 * The outline loaded for a build, a check or a preview. When it has problems, a `--profile`,
 * `--only` or `--skip` that names nothing in it as written is told in the same run (an overlay's
 * ids are its base's: its flags wait until it loads).
 */
export async function loadForSelection(file: string, selection: Selection): Promise<LoadedOutline> {
  try {
    return await loadOutline(file);
  } catch (error) {
    if (!(error instanceof VersusError) || error.kind !== 'invalid-outline') throw error;
    const flags = await flagProblems(file, selection);
    throw flags.length ? invalidOutline([...error.diagnostics, ...flags]) : error;
  }
}

async function flagProblems(file: string, selection: Selection) {
  if (!selection.profile && !selection.only?.length && !selection.skip?.length) return [];
  // Read as the loader reads it: a named pipe or a device, which it refused, is not read here either.
  const source = await readOutlineSource(file).catch(() => undefined);
  const parsed = source && parseOutlineText(source.text, file);
  const outline = parsed && !isOverlay(parsed) ? outlineAsWritten(parsed.data) : undefined;
  if (!parsed || !outline) return [];
  const problems = selectionProblems(outline, selection).filter((problem) => problem.flag !== undefined);
  return toDiagnostics(problems, fileLocator(parsed));
}
