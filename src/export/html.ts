/**
 * HTML export through marp-cli's bespoke template (presenter view, notes,
 * timer, keyboard navigation). Needs no browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { marpCli } from '@marp-team/marp-cli';
import { VersusError } from '../diagnostics.js';
import { MARP_ENGINE, MARP_OPTIONS, type ResolvedTheme } from './marp.js';

/** `ogImage`: a path or URL for the Open Graph image, relative to the HTML. */
export async function exportHtml(
  markdownFile: string,
  outputFile: string,
  theme: ResolvedTheme,
  ogImage?: string,
): Promise<void> {
  const configFile = path.join(path.dirname(outputFile), '.marp-config.json');
  const config = {
    engine: MARP_ENGINE,
    options: MARP_OPTIONS,
    themeSet: theme.files,
    bespoke: { progress: true, transition: false },
  };
  await writeFile(configFile, JSON.stringify(config));
  const { result: status, log } = await capturingConsole(() =>
    marpCli([
      '--config-file',
      configFile,
      ...(ogImage ? ['--og-image', ogImage] : []),
      '--output',
      outputFile,
      '--',
      markdownFile,
    ]),
  );
  if (status !== 0) {
    throw new VersusError('export', `marp-cli could not write the HTML (exit status ${status}):\n${log.join('\n')}`);
  }
  await writeFile(outputFile, withAccessibleControls(await readFile(outputFile, 'utf8')));
}

/**
 * marp-cli logs every conversion to the console and has no quiet option; keep
 * its lines for the error message instead of interleaving them with ours.
 */
async function capturingConsole<T>(run: () => Promise<T>): Promise<{ result: T; log: string[] }> {
  const log: string[] = [];
  const { warn, log: info, error } = console;
  const collect = (...args: unknown[]) => log.push(args.map(String).join(' '));
  Object.assign(console, { warn: collect, log: collect, error: collect });
  try {
    return { result: await run(), log };
  } finally {
    Object.assign(console, { warn, log: info, error });
  }
}

/**
 * The bespoke template's on-screen controls sit outside every landmark, which
 * axe reports; naming them a navigation landmark fixes that for screen readers too.
 */
export function withAccessibleControls(html: string): string {
  return html.replace(
    '<div class="bespoke-marp-osc">',
    '<div class="bespoke-marp-osc" role="navigation" aria-label="Slide controls">',
  );
}
