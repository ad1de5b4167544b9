/**
 * `versus check --json` through the built CLI: the report's shape on stdout,
 * and the exit codes of design.md (0 with warnings only, 1 for an invalid
 * outline or an overflowing slide, 2 without a browser). What else could
 * reach stdout is seen only in a process of its own: the budget and overflow
 * reports run in process (`main`), with the worker's browser; so does a theme file's contrast.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithBrowser } from './helpers.js';
import { versus, versusInProcess } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('check-cli');

/** Two warnings: a slide without notes (slide 4) and a source nobody cites; 6 slides of a quarter minute. */
const WARNINGS = `title: Tea vs Coffee
duration: 2
notes: Welcome everyone.
agenda: { notes: The route. }
references: { notes: Where to read more. }
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sources:
  - { id: guide, title: The Beverage Guide, url: https://example.org/guide }
  - { id: unread, title: A book nobody cites, url: https://example.org/unread }
sections:
  - id: basics
    title: The basics
    notes: Start here.
    slides:
      - kind: bullets
        title: What they are
        bullets: [Tea is steeped leaves]
        sources: [guide]
      - kind: quote
        title: Questions
        text: Questions?
        notes: Take questions.
`;

/** Runs `versus check <args>` in a folder holding `text` as talk.yaml. */
async function checkIn(text: string, args: string[], env: NodeJS.ProcessEnv = {}, run = versus) {
  const dir = await temp.dir();
  await writeFile(path.join(dir, 'talk.yaml'), text);
  return run(['check', 'talk.yaml', ...args], { cwd: dir, env });
}

// Each test checks in a folder of its own, so they run at once.
describe('versus check --json', { concurrent: true }, () => {
  it('prints the report as JSON only, with each finding positioned, and exits 0 when there are only warnings', async () => {
    const run = await checkIn(WARNINGS, ['--json', '--no-measure']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report).toEqual({
      file: 'talk.yaml',
      slides: 6,
      minutes: 1.5,
      budget: 2,
      fits: true,
      findings: [
        {
          severity: 'warning',
          code: 'missing-notes',
          message: 'slide 4 "What they are" has no speaker notes',
          hint: 'Add "notes:" to the slide: what you will say while it is up.',
          file: 'talk.yaml',
          ...positionIn(WARNINGS, 'kind: bullets'),
          slide: 4,
        },
        {
          severity: 'warning',
          code: 'unused-source',
          message: 'source "unread" is never cited',
          hint: 'Cite it as "sources: [unread]" on the slides it backs, or leave it out: delete it from "sources", or, in an overlay, write "remove: [unread]".',
          file: 'talk.yaml',
          ...positionIn(WARNINGS, '{ id: unread'),
        },
      ],
      ok: true,
    });
  });

  it('reports an outline over its budget in the JSON, still exiting 0', async () => {
    const run = await checkIn(
      WARNINGS.replace('duration: 2', 'duration: 1'),
      ['--json', '--no-measure'],
      {},
      versusInProcess,
    );
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ minutes: 1.5, budget: 1, fits: false, ok: true });
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('over-budget');
  });

  it('names the profiles that show slides it did not see, in the JSON and on its last line', async () => {
    const profiles = `${WARNINGS.replace('title: What they are', 'title: What they are\n        tags: [short]').replace(
      'title: Questions',
      'title: Questions\n        tags: [long]',
    )}profiles:
  short: { only: [short] }
  long: { only: [long] }
  both: { only: [short, long] }
defaultProfile: short
`;
    const check = async (args: string[]) => checkIn(profiles, ['--no-measure', ...args], {}, versusInProcess);
    // The default profile (short) leaves the Questions slide out, which "long" and "both" show.
    expect(JSON.parse((await check(['--json'])).stdout).unchecked).toEqual([
      { profile: 'long', slides: 1 },
      { profile: 'both', slides: 1 },
    ]);
    expect((await check([])).stdout.trimEnd().split('\n').at(-1)).toContain(
      '; profile long has 1 slide this check did not see (--profile long); profile both has 1 slide this check did not see (--profile both);',
    );
    // Checking the profile that shows every slide names none.
    expect(JSON.parse((await check(['--json', '--profile', 'both'])).stdout)).not.toHaveProperty('unchecked');
  });

  it('checks the deck --only and --skip select, as build does, and names an id the outline lacks', async () => {
    const talk = WARNINGS.replace('kind: quote', 'kind: quote\n        id: questions');
    const check = async (args: string[]) => checkIn(talk, ['--json', '--no-measure', ...args], {}, versusInProcess);
    expect(JSON.parse((await check([])).stdout)).toMatchObject({ slides: 6 });
    expect(JSON.parse((await check(['--skip', 'questions'])).stdout)).toMatchObject({ slides: 5, ok: true });
    const unknown = await check(['--skip', 'question']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--skip question error[unknown-id]: no section or slide has the id "question"');
    const untagged = await check(['--only', 'short']);
    expect(untagged.code).toBe(1);
    expect(untagged.stderr).toContain('--only short error[unknown-tag]');
  });

  it('exits 1 for an invalid outline, with the error and its position on stderr and in a report of its problems', async () => {
    const text = WARNINGS.replace('bullets: [Tea is steeped leaves]', 'bulets: [Tea is steeped leaves]');
    const run = await checkIn(text, ['--json', '--no-measure']);
    expect(run.code).toBe(1);
    const { line, col } = positionIn(text, 'bulets');
    expect(JSON.parse(run.stdout)).toEqual({
      file: 'talk.yaml',
      findings: [expect.objectContaining({ severity: 'error', code: 'unknown-key', file: 'talk.yaml', line, col })],
      ok: false,
    });
    expect(run.stderr).toContain(`talk.yaml:${line}:${col} error[unknown-key]: "bulets" is not a slide field`);
    // check writes nothing in any case: its last lines say so no more than "build again" does.
    expect(run.stderr).toContain('error: The outline has 1 problem.\nhint: Fix the lines above and check again.');
  });

  it("reports a theme file's text hard to read at the file's own line and column, still exiting 0", async () => {
    const dir = await temp.dir();
    await writeFile(
      path.join(dir, 'brand.css'),
      "/* @theme brand */\n@import 'versus';\nsection { background: #0b3d2e; }\n",
    );
    await writeFile(path.join(dir, 'talk.yaml'), WARNINGS);
    const run = await versusInProcess(['check', 'talk.yaml', '--theme', 'brand.css', '--json', '--no-measure'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    const inTheme = JSON.parse(run.stdout).findings.filter((f: { file: string }) => f.file.endsWith('brand.css'));
    expect(
      inTheme.map((f: { line: number; col: number; message: string }) => `${f.line}:${f.col} ${f.message}`),
    ).toEqual([
      '3:11 text: --fg #1b1f24 (not set by the theme) on --bg #0b3d2e is 1.36:1, and text needs 4.5:1',
      '3:11 captions, chart labels and slide numbers: --muted #4a5360 (not set by the theme) on --bg #0b3d2e is 1.57:1, and text needs 4.5:1',
      '3:11 verdict marks: --good #1a7f37 (not set by the theme) on --bg #0b3d2e is 2.40:1, and text needs 4.5:1',
      '3:11 links: section a { color } #0b5cad (not set by the theme) on --bg #0b3d2e is 1.83:1, and text needs 4.5:1',
    ]);
  });

  it('exits 2 without a browser, naming --no-measure, and prints a report of the failure, as a tool always reads JSON', async () => {
    const env = { CHROME_PATH: '/nonexistent/chrome' };
    const run = await checkIn(WARNINGS, ['--json'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--no-measure');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      file: 'talk.yaml',
      findings: [],
      ok: false,
      error: { kind: 'no-browser', exitCode: 2, hint: expect.stringContaining('--no-measure') },
    });
    expect(run.stderr).toContain(report.error.message);
  });
});

describeWithBrowser('versus check --json with a browser', () => {
  it('exits 1 with ok false and an overflow error at the slide when a slide overflows its theme', async () => {
    const dir = await temp.dir();
    await writeFile(
      path.join(dir, 'huge.css'),
      "/* @theme huge */\n@import 'versus';\nsection li { font-size: 90px; }\n",
    );
    const text = WARNINGS.replace(
      'bullets: [Tea is steeped leaves]',
      'bullets: [Tea is steeped leaves, Coffee is brewed beans, Both are drunk hot, Both are drunk cold]',
    );
    await writeFile(path.join(dir, 'talk.yaml'), text);
    const run = await versusInProcess(['check', 'talk.yaml', '--theme', 'huge.css', '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    const overflow = report.findings.find((f: { code: string }) => f.code === 'overflow');
    expect(overflow).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^slide 4 "What they are" overflows \d+px past the bottom.* \(theme huge\)/),
      file: 'talk.yaml',
      ...positionIn(text, 'kind: bullets'),
      slide: 4,
      overflow: { bottom: expect.any(Number), right: expect.any(Number) },
    });
    expect(overflow.overflow.bottom).toBeGreaterThan(0);
  });

  it('measures a picture as it shows, so that check and build find the same overflows', async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'img'));
    // A tall picture fills the room under the title; the theme's larger caption then runs past the bottom.
    await writeFile(
      path.join(dir, 'img', 'tall.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="900"><rect width="300" height="900" fill="#36c"/></svg>',
    );
    await writeFile(path.join(dir, 'big.css'), "/* @theme big */\n@import 'versus';\nsection { font-size: 46px; }\n");
    const text = WARNINGS.replace(
      '      - kind: quote',
      '      - kind: image\n        title: A tall picture\n        src: img/tall.svg\n        alt: A tall bar\n        caption: A caption of two lines at the theme’s size, under a picture as tall as the room\n        notes: Look.\n      - kind: quote',
    );
    await writeFile(path.join(dir, 'talk.yaml'), text);
    const checked = await versusInProcess(['check', 'talk.yaml', '--theme', 'big.css', '--json'], { cwd: dir });
    const built = await versusInProcess(['build', 'talk.yaml', '--theme', 'big.css', '-f', 'pdf'], { cwd: dir });
    const overflows = (findings: { code: string; slide?: number }[]) =>
      findings.filter((f) => f.code === 'overflow').map((f) => f.slide);
    const fromCheck = overflows(JSON.parse(checked.stdout).findings);
    expect(fromCheck).toContain(5);
    const fromBuild = [...built.stderr.matchAll(/warning\[overflow\]: slide (\d+)/g)].map((m) => Number(m[1]));
    expect(fromCheck).toEqual(fromBuild);
  });
});
