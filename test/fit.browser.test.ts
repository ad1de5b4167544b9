/**
 * Slides that fit: the stress corpus (test/fixtures/fit/: 1–6 code panes, 2–6
 * contenders on every kind, long sequences and texts, 15 sections, CJK) and
 * the shipped talk, measured in Chromium; nothing is lost on the way; and a
 * slide that does overflow is reported by check and build. Measured in
 * versus: versus-dark changes only colors (theme.test.ts holds it to that), so
 * its slides are laid out the same.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkOutline } from '../src/commands/check.js';
import { loadOutline } from '../src/outline/load.js';
import type { Outline } from '../src/outline/schema.js';
import { type Compiled, compileOutline } from '../src/pipeline/compile.js';
import { selectOutline } from '../src/select/select.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { sharedBrowser } from './browser.js';
import { codeLinesOf, type MeasuredSlide, measureDecks, textsOf } from './fit-helpers.js';
import { describeWithBrowser } from './helpers.js';
import { ROOT, snapshotDir, versusInProcess as versus } from './run-cli.js';

const CORPUS = path.join(ROOT, 'test/fixtures/fit');

async function corpus(): Promise<{ name: string; outline: Outline; compiled: Compiled }[]> {
  const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.yaml')).sort();
  const talks = [];
  for (const file of files) {
    const loaded = await loadOutline(path.join(CORPUS, file));
    talks.push({ name: file, outline: loaded.outline, compiled: compileOutline(loaded) });
  }
  const shipped = await loadOutline(path.join(ROOT, 'outline.yaml'));
  for (const profile of ['meetup', 'workshop']) {
    const selected = selectOutline(shipped.outline, { profile });
    if (!selected.ok) throw new Error(`profile ${profile} does not select`);
    talks.push({
      name: `outline.yaml (${profile})`,
      outline: selected.outline,
      compiled: compileOutline(shipped, { profile }),
    });
  }
  return talks;
}

// The tests run at once: the measurements share one browser and open pages of their own, and the
// overflow test builds in a folder of its own.
describeWithBrowser('every slide fits', { concurrent: true }, () => {
  const browser = sharedBrowser();
  // The corpus is compiled and measured once: the fit and the split tests read the same measurements.
  let measurements: Promise<{ talks: Awaited<ReturnType<typeof corpus>>; slides: MeasuredSlide[][] }> | undefined;
  const measured = () => {
    measurements ??= (async () => {
      const talks = await corpus();
      const theme = await resolveTheme('versus', ROOT);
      return {
        talks,
        slides: await measureDecks(
          await browser.get(),
          talks.map((t) => t.compiled),
          theme,
        ),
      };
    })();
    return measurements;
  };

  it('measures 0 overflowing slides in the stress corpus and the shipped talk, and loses no text', async () => {
    const { talks, slides } = await measured();
    const overflowing = talks.flatMap(({ name, compiled }, t) =>
      (slides[t] ?? [])
        .map((m, i) => ({ ...m, slide: compiled.deck.slides[i] }))
        .filter((m) => m.bottom || m.right)
        .map((m) => `${name}: slide "${m.slide?.title}" ${m.bottom}px/${m.right}px`),
    );
    expect(overflowing).toEqual([]);

    for (const [t, { name, outline }] of talks.entries()) {
      const text = (slides[t] ?? []).map((m) => m.text.replace(/\s+/gu, ' ')).join(' ');
      const missing = textsOf(outline).filter((item) => !text.includes(item));
      expect(missing, name).toEqual([]);
      // The slides' text (what a person copies) has each line of code as written: a wrapped line's
      // break and marker are no text.
      expect(
        codeLinesOf(outline).filter((line) => !text.includes(line)),
        name,
      ).toEqual([]);
    }
  });

  it('splits only when needed: no two consecutive parts of a slide would fit on one', async () => {
    const { talks, slides } = await measured();
    const mergeable: string[] = [];
    for (const [t, { name, compiled }] of talks.entries()) {
      compiled.deck.slides.forEach((slide, i) => {
        const next = compiled.deck.slides[i + 1];
        const [a, b] = [slides[t]?.[i], slides[t]?.[i + 1]];
        // Parts that show different contenders side by side are not a split of one list. Two parts
        // filling less than 85% of one body would have fit on one (the planner keeps a small margin).
        const sameColumns = slide.kind !== 'comparison' || slide.shown?.join() === next?.shown?.join();
        if (
          slide.part &&
          next?.part?.index === slide.part.index + 1 &&
          a &&
          b &&
          sameColumns &&
          a.fill + b.fill < 0.85
        ) {
          mergeable.push(
            `${name}: "${slide.title}" ${slide.part.index}+${next.part.index}: ${a.fill.toFixed(2)}+${b.fill.toFixed(2)}`,
          );
        }
      });
    }
    expect(mergeable).toEqual([]);
  });

  it('reports a slide that does overflow (a theme with huge text): check with its position, build as a warning, --strict as exit 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-overflow-'));
    await cp(path.join(ROOT, 'test/fixtures/golden'), dir, { recursive: true });
    await writeFile(
      path.join(dir, 'huge.css'),
      "/* @theme huge */\n@import 'versus';\nsection li { font-size: 90px; }\n",
    );
    const source = await readFile(path.join(dir, 'every-kind.yaml'), 'utf8');
    const file = path.join(dir, 'huge.yaml');
    await writeFile(file, source.replace('title: Tea vs Coffee', 'title: Huge Tea\ntheme: huge.css'));
    const timelineLine = source.split('\n').findIndex((l) => l.includes('kind: timeline')) + 2;

    // One batch (one browser) builds the talk that fits and the one that does not. The slide
    // PDF is where a build measures: the other formats add nothing here. check writes nothing,
    // so it runs meanwhile.
    const both = ['build', 'every-kind.yaml', 'huge.yaml', '--out', 'out', '-f', 'md,pdf'];
    const [report, built] = await Promise.all([checkOutline(file, { browser }), versus(both, { cwd: dir })]);
    const first = report.findings.find((f) => f.code === 'overflow');
    expect(first).toMatchObject({ severity: 'error', line: timelineLine, slide: 9 });
    expect(first?.overflow?.bottom).toBeGreaterThan(20);
    expect(report.ok).toBe(false);

    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain(`huge.yaml:${timelineLine}:`);
    expect(built.stderr).toMatch(/warning\[overflow\]: slide 9 "History" overflows \d+px past the bottom/);
    expect(built.stdout).toMatch(/⚠ Huge Tea: 15 slides, .* \d+ slides overflow/);
    expect(built.stdout).toMatch(/✓ Tea vs Coffee: 15 slides/);

    const huge = async () =>
      Object.entries(await snapshotDir(path.join(dir, 'out'))).filter(([name]) => name.startsWith('huge-tea'));
    const before = await huge();
    expect(before.length).toBe(2);
    const strict = await versus([...both, '--strict'], { cwd: dir });
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toMatch(/error\[overflow\]: slide 9 "History"/);
    expect(strict.stderr).toContain('nothing was written');
    expect(strict.stderr).toContain('✗ huge.yaml');
    expect(strict.stdout).toMatch(/✓ Tea vs Coffee/);
    expect(await huge()).toEqual(before);

    const unmeasured = await versus(['build', 'every-kind.yaml', '--out', 'out', '-f', 'md,html'], { cwd: dir });
    // No browser measured the slides: no ✓, which would say every slide fits.
    expect(unmeasured.stdout).toMatch(/^○ Tea vs Coffee: .*\(fit not measured/m);
  });
});
