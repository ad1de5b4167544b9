/**
 * A problem with a command-line flag's value (`--formats docx`, `--theme versus-drak`): told at
 * the flag, in the one diagnostic format, as a usage error (exit 2). The flag parsers and the
 * theme resolver, which learns only when it looks that a `--theme` names nothing, tell it alike.
 */
import { type Diagnostic, VersusError } from './diagnostics.js';

/** An invalid value of `flag` (the flag and its value, as `--formats docx`). */
export function flagProblem(flag: string, message: string, hint: string): Diagnostic {
  return { severity: 'error', code: 'invalid-value', message, file: '', line: 0, col: 0, flag, hint };
}

/** The usage error that carries these problems out of the command. */
export function flagError(diagnostics: Diagnostic[]): VersusError {
  const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
  return new VersusError('usage', `The command line has ${count}.`, {
    diagnostics,
    hint: `Fix the ${diagnostics.length === 1 ? 'flag' : 'flags'} above; \`--help\` lists each flag with the values it takes.`,
  });
}
