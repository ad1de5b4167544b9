/**
 * Every finding and error points at the file and line a person edits, through
 * profiles, overlays and splitting; flag errors name the flag; files that
 * outlines name are resolved against the file that names them.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkOutline, type Finding } from '../src/commands/check.js';
import { formatDiagnostic, type VersusError } from '../src/diagnostics/diagnostics.js';
import { overflowFindings } from '../src/lint/rules.js';
import { loadOutline } from '../src/outline/load.js';
import { locate } from '../src/outline/origin.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { loadForSelection } from '../src/pipeline/load-selected.js';
import type { Selection } from '../src/select/select.js';
import { themeFor } from '../src/theme/resolve.js';
import { CLI } from './run-cli.js';

/** A temporary project (marked by package.json) holding `files`. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-positions-'));
  await writeFile(path.join(dir, 'package.json'), '{}');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** The 1-based line of the first line of `text` that contains `marker`. */
function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`no line has ${marker}`);
  return index + 1;
}

const where = (f: Pick<Finding, 'file' | 'line'>) => `${path.basename(f.file)}:${f.line}`;

/** The diagnostics as printed, without hints, with the project folder taken off paths. */
async function errorsOf(dir: string, name: string, selection = {}): Promise<string[]> {
  const error = (await loadOutline(path.join(dir, name))
    .then((loaded) => compileOutline(loaded, selection))
    .then(
      () => undefined,
      (e: unknown) => e,
    )) as VersusError | undefined;
  return (error?.diagnostics ?? []).map((d) =>
    formatDiagnostic({ ...d, hint: undefined })
      .replaceAll(`${dir}${path.sep}`, '')
      .replaceAll(path.sep, '/'),
  );
}

const BASE = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
defaultProfile: short
profiles:
  short: { only: [short] }
sections:
  - id: basics
    title: The basics
    notes: Say hello.
    slides:
      - { kind: bullets, id: dropped, title: Long only, bullets: [Dropped by the profile], notes: x }
      - { kind: bullets, id: dropped-too, title: Also long, bullets: [Also dropped], notes: x }
      - { kind: bullets, id: kept, title: Kept, bullets: [No notes here], tags: [short] }
`;

describe('positions of findings', () => {
  it('a slide kept by the default profile is reported at its own line, not shifted by the dropped ones', async () => {
    const dir = await project({ 'outline.yaml': BASE });
    const report = await checkOutline(path.join(dir, 'outline.yaml'), { measure: false });
    const missing = report.findings.filter((f) => f.code === 'missing-notes' && f.message.includes('"Kept"'));
    expect(missing.map(where)).toEqual([`outline.yaml:${lineOf(BASE, 'id: kept')}`]);
  });

  it('under an overlay, base slides point into the base file and added slides into the overlay', async () => {
    const overlay = `extends: talk/outline.yaml
defaultProfile: all
profiles:
  all: {}
add:
  - after: kept
    slides:
      - { kind: bullets, id: added, title: Added, bullets: [Also without notes ]}
`;
    const dir = await project({ 'talk/outline.yaml': BASE, 'over.yaml': overlay });
    const report = await checkOutline(path.join(dir, 'over.yaml'), { measure: false });
    const missing = report.findings.filter((f) => f.code === 'missing-notes' && /"(Kept|Added)"/.test(f.message));
    expect(missing.map(where)).toEqual([
      `outline.yaml:${lineOf(BASE, 'id: kept')}`,
      `over.yaml:${lineOf(overlay, 'id: added')}`,
    ]);
    expect(missing[0]?.file).toBe(path.join(dir, 'talk/outline.yaml'));
  });

  it('the References slide points at the "references:" that writes it, not at sources an overlay adds', async () => {
    const base = BASE.replace(
      'sections:',
      'sources:\n  - { id: fao, title: FAO }\nreferences:\n  title: Quellen\nsections:',
    );
    const overlay =
      'extends: talk/outline.yaml\ndefaultProfile: all\nprofiles:\n  all: {}\nsources:\n  - { id: wiki, title: Wiki }\n';
    const dir = await project({ 'talk/outline.yaml': base, 'over.yaml': overlay });
    const report = await checkOutline(path.join(dir, 'over.yaml'), { measure: false });
    const missing = report.findings.filter((f) => f.code === 'missing-notes' && f.message.includes('"Quellen"'));
    expect(missing.map(where)).toEqual([`outline.yaml:${lineOf(base, 'title: Quellen')}`]);
    expect(missing[0]?.file).toBe(path.join(dir, 'talk/outline.yaml'));
  });

  it('the loaded model carries each part’s origin as a field: base parts in the base, what an overlay brings in the overlay', async () => {
    const overlay = `extends: talk/outline.yaml
sources:
  - { id: extra, title: Extra }
add:
  - after: kept
    slides:
      - { kind: bullets, id: added, title: Added, bullets: [One] }
`;
    const dir = await project({ 'talk/outline.yaml': BASE, 'over.yaml': overlay });
    const { outline } = await loadOutline(path.join(dir, 'over.yaml'));
    const base = path.join(dir, 'talk/outline.yaml');
    const [section] = outline.sections;
    expect(outline.contenders[1]?.origin).toEqual({ file: base, path: ['contenders', 1] });
    expect(outline.sources[0]?.origin).toEqual({ file: path.join(dir, 'over.yaml'), path: ['sources', 0] });
    expect(section?.origin).toEqual({ file: base, path: ['sections', 0] });
    expect(section?.slides.map((slide) => [slide.id, slide.origin])).toEqual([
      ['dropped', { file: base, path: ['sections', 0, 'slides', 0] }],
      ['dropped-too', { file: base, path: ['sections', 0, 'slides', 1] }],
      ['kept', { file: base, path: ['sections', 0, 'slides', 2] }],
      ['added', { file: path.join(dir, 'over.yaml'), path: ['add', 0, 'slides', 0] }],
    ]);
  });

  it('an overflow found on a split slide points at the slide the author wrote', async () => {
    const long = `${BASE}      - id: many\n        kind: bullets\n        title: Many\n        tags: [short]\n        bullets: [${Array.from({ length: 30 }, (_, i) => `"Point ${i}"`).join(', ')}]\n`;
    const dir = await project({ 'outline.yaml': long });
    const loaded = await loadOutline(path.join(dir, 'outline.yaml'));
    const { deck } = compileOutline(loaded);
    const parts = deck.slides.flatMap((slide, i) => (slide.title === 'Many' ? [i + 1] : []));
    expect(parts.length).toBeGreaterThan(1);
    const measured = parts.map((slide) => ({ slide, bottom: 12, right: 0 }));
    const findings = overflowFindings(measured, deck, 'versus', (at) => locate(loaded, at));
    expect(findings.map(where)).toEqual(parts.map(() => `outline.yaml:${lineOf(long, 'id: many')}`));
  });
});

describe('positions of errors', () => {
  it('an overlay’s duplicate id and unknown contender point at the overlay’s own lines, the first use into the base', async () => {
    const overlay = `extends: outline.yaml
add:
  - after: kept
    slides:
      - { kind: bullets, id: kept, title: Twice, bullets: [Same id ]}
      - kind: comparison
        title: Table
        rows:
          - { aspect: Taste, cells: { tea: a, coffee: b, cocoa: c } }
`;
    const dir = await project({ 'outline.yaml': BASE, 'over.yaml': overlay });
    expect(await errorsOf(dir, 'over.yaml')).toEqual([
      `over.yaml:${lineOf(overlay, 'id: kept')}:30 error[duplicate-id]: section or slide id "kept" is used twice (first at outline.yaml:${lineOf(BASE, 'id: kept')}:30)`,
      `over.yaml:${lineOf(overlay, 'cocoa')}:58 error[unknown-contender]: "cocoa" is not a contender`,
    ]);
  });

  it('a base-file problem that only an overlay causes points into the base and names the overlay', async () => {
    const overlay = 'extends: outline.yaml\nremove: [kept]\n';
    const base = BASE.replace('short: { only: [short] }', 'short: { only: [short], skip: [kept] }');
    const dir = await project({ 'outline.yaml': base, 'over.yaml': overlay });
    const line = lineOf(base, 'skip: [kept]');
    const col = (text: string) => (base.split('\n')[line - 1] ?? '').indexOf(text) + 1;
    // The removed slide leaves the skip list; the tag only it carried is gone, which the profile should know.
    expect(await errorsOf(dir, 'over.yaml')).toEqual([
      `outline.yaml:${line}:${col('short]')} error[unknown-tag]: after applying over.yaml, no section or slide is tagged "short"`,
    ]);
  });

  it('flag errors name the flag, not a line of the outline', async () => {
    const dir = await project({ 'outline.yaml': BASE });
    expect(await errorsOf(dir, 'outline.yaml', { skip: ['nosuch'], only: ['long'] })).toEqual([
      '--only long error[unknown-tag]: no section or slide is tagged "long"',
      '--skip nosuch error[unknown-id]: no section or slide has the id "nosuch"',
    ]);
  });
});

describe('flags beside an outline with problems', () => {
  /** What loading for a selection throws, as the CLI prints it. */
  const problemsOf = async (dir: string, name: string, selection: Selection) =>
    (
      (await loadForSelection(path.join(dir, name), selection).then(
        () => undefined,
        (e: unknown) => e,
      )) as VersusError | undefined
    )?.diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }).replaceAll(`${dir}${path.sep}`, '')) ?? [];

  it('are told in the same run as the outline’s own problems', async () => {
    const dir = await project({ 'outline.yaml': BASE.replace('title: Tea vs Coffee', 'titel: Tea vs Coffee') });
    const problems = await problemsOf(dir, 'outline.yaml', { profile: 'nosuch', skip: ['basics', 'nothing'] });
    expect(problems).toEqual([
      expect.stringMatching(/^--profile nosuch error\[unknown-profile\]: there is no profile "nosuch"/),
      '--skip nothing error[unknown-id]: no section or slide has the id "nothing"',
      expect.stringMatching(/^outline\.yaml:1:1 error\[unknown-key\]: "titel" is not an outline field/),
    ]);
  });

  it('are left for later in an overlay, whose ids are its base’s', async () => {
    const dir = await project({ 'outline.yaml': BASE, 'over.yaml': 'extends: outline.yaml\ntitel: x\n' });
    const problems = await problemsOf(dir, 'over.yaml', { skip: ['nothing'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^over\.yaml:2:1 error\[unknown-key\]/);
  });

  it('leave a named pipe unread, as the loader does (reading one never ends)', async () => {
    const dir = await project({});
    await promisify(execFile)('mkfifo', [path.join(dir, 'talk.yaml')]);
    // A process of its own: a read of the pipe would hold it, and only SIGKILL ends that.
    const run = await promisify(execFile)(process.execPath, [CLI, 'check', 'talk.yaml', '--profile', 'nosuch'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
      killSignal: 'SIGKILL',
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number | null; stderr: string }) => error,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('talk.yaml error[unreadable]: "talk.yaml" is a named pipe (FIFO), not a regular file');
  });
});

describe('files named by outlines', () => {
  it('a base outline’s theme is found next to the base, not next to the overlay', async () => {
    const dir = await project({
      'talk/outline.yaml': BASE.replace('title: Tea vs Coffee', 'title: Tea vs Coffee\ntheme: brand.css'),
      'talk/brand.css': "/* @theme brand */\n@import 'versus';\n",
      'over.yaml': 'extends: talk/outline.yaml\n',
    });
    const theme = await themeFor((await loadOutline(path.join(dir, 'over.yaml'))).outline, { baseDir: process.cwd() });
    expect(theme).toMatchObject({ name: 'brand' });
    expect(theme.files.at(-1)).toBe(path.join(dir, 'talk/brand.css'));
  });

  it('extends a base in a sibling folder of the project, but not through a link that leaves it', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'versus-outside-'));
    await writeFile(path.join(outside, 'secret.yaml'), BASE);
    await writeFile(path.join(outside, 'secret.css'), '/* @theme secret */\n');
    const dir = await project({ 'talks/base.yaml': BASE, 'edition/over.yaml': 'extends: ../talks/base.yaml\n' });
    await expect(loadOutline(path.join(dir, 'edition/over.yaml'))).resolves.toBeDefined();

    await symlink(path.join(outside, 'secret.yaml'), path.join(dir, 'talks/link.yaml'));
    await writeFile(path.join(dir, 'edition/linked.yaml'), 'extends: ../talks/link.yaml\n');
    expect(await errorsOf(dir, 'edition/linked.yaml')).toEqual([
      expect.stringMatching(
        /linked\.yaml:1:10 error\[bad-path\]: "\.\.\/talks\/link\.yaml" is a link that leads outside the project/,
      ),
    ]);

    await symlink(path.join(outside, 'secret.css'), path.join(dir, 'talks/theme.css'));
    await writeFile(path.join(dir, 'talks/themed.yaml'), BASE.replace('title: Tea', 'theme: theme.css\ntitle: Tea'));
    expect(await errorsOf(dir, 'talks/themed.yaml')).toEqual([
      expect.stringMatching(
        /themed\.yaml:1:8 error\[bad-path\]: "theme\.css" is a link that leads outside the project/,
      ),
    ]);
  });

  it('outside a project (no .git or package.json above), names the folder that would make the sibling base part of it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-no-project-'));
    await mkdir(path.join(dir, 'talks'));
    await mkdir(path.join(dir, 'edition'));
    await writeFile(path.join(dir, 'talks/base.yaml'), BASE);
    await writeFile(path.join(dir, 'edition/over.yaml'), 'extends: ../talks/base.yaml\n');
    const error = await loadOutline(path.join(dir, 'edition/over.yaml')).catch((e: unknown) => e);
    const [problem] = (error as VersusError).diagnostics;
    const edition = await realpath(path.join(dir, 'edition'));
    expect(problem?.message).toBe(`"../talks/base.yaml" is outside the project (${edition})`);
    expect(problem?.hint).toBe(
      `Extended outlines and themes must sit in the project (the nearest folder above the outline with a .git or package.json): move the file into ${edition}, or make ${path.dirname(edition)}, which holds both, the project ("git init" there, or a package.json).`,
    );
  });

  it('says plainly when a web address is given for a base outline', async () => {
    const dir = await project({ 'over.yaml': 'extends: https://example.org/outline.yaml\n' });
    expect(await errorsOf(dir, 'over.yaml')).toEqual([
      expect.stringMatching(
        /over\.yaml:1:10 error\[bad-path\]: "https:\/\/example\.org\/outline\.yaml" is a web address/,
      ),
    ]);
  });
});
