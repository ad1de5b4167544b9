/**
 * The theme module (src/theme/) mirrors the built-in themes' CSS: its sizes,
 * font stacks and palettes are read by the planner and the PowerPoint, the
 * CSS by the browser. A change on one side only fails here, in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { themeFindings } from '../src/lint/theme-rules.js';
import { FONT_STACKS } from '../src/theme/fonts.js';
import {
  AGENDA,
  BODY,
  CODE,
  COLUMN,
  DIVIDER,
  FOOTER,
  H1,
  IMAGE,
  LABEL,
  LEAD_LEFT,
  LIST_INDENT,
  PAD,
  QR_CODE,
  QUOTE,
  REFERENCES,
  STATEMENT,
  TABLE,
  TIMELINE,
  TITLE_BAR,
  TITLE_SLIDE,
} from '../src/theme/geometry.js';
import { isDark, paletteFor, themeColors } from '../src/theme/palette.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { inlineThemeFiles } from '../src/theme/theme-files.js';
import { THEMES_DIR } from '../src/theme/themes.js';
import { outlineWithSlides } from './helpers.js';
import { snapshotDir, versusInProcess } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const css = (name: string) => readFileSync(path.join(THEMES_DIR, `${name}.css`), 'utf8');

/** The declarations of every rule whose selector list is exactly `selector`, later ones winning. */
function declarations(source: string, selector: string): Record<string, string> {
  const found: Record<string, string> = {};
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, selectors = '', body = ''] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    // Text between the previous block and the selectors (an @import) ends with a `;`.
    if (selectors.split(';').at(-1)?.trim().replace(/\s+/g, ' ') !== selector) continue;
    for (const declaration of body.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) found[declaration.slice(0, colon).trim()] = declaration.slice(colon + 1).trim();
    }
  }
  return found;
}

describe('theme/geometry.ts has the sizes of themes/versus.css', () => {
  const light = css('versus');
  const rule = (selector: string) => declarations(light, selector);

  it.each([
    ['section', { padding: `${PAD.top}px ${PAD.side}px ${PAD.bottom}px`, 'font-size': `${BODY.size}px` }],
    ['section', { 'line-height': `${BODY.line}`, '--mark-edge': `${TABLE.markEdge}px` }],
    ['section p, section li', { margin: `0 0 ${BODY.gap}px` }],
    ['section ul, section ol', { 'padding-inline-start': `${LIST_INDENT}em` }],
    ['section h1', { 'font-size': `${H1.size}px`, 'line-height': `${H1.line}`, margin: `0 0 ${H1.margin}px` }],
    [
      'section h1::after',
      { width: `${TITLE_BAR.width}px`, height: `${TITLE_BAR.height}px`, 'margin-top': `${TITLE_BAR.gap}px` },
    ],
    ['section.title', { 'padding-inline-start': `${LEAD_LEFT}px` }],
    ['section.title h1', { 'font-size': `${TITLE_SLIDE.size}px`, 'margin-bottom': `${TITLE_SLIDE.margin}px` }],
    [
      'section.title h1::after',
      {
        width: `${TITLE_SLIDE.bar.width}px`,
        height: `${TITLE_SLIDE.bar.height}px`,
        'margin-top': `${TITLE_SLIDE.bar.gap}px`,
      },
    ],
    ['section.title p', { 'font-size': `${TITLE_SLIDE.byline}px`, margin: `0 0 ${TITLE_SLIDE.bylineGap}px` }],
    ['section.title .speakers', { 'column-gap': `${TITLE_SLIDE.speakersGap}px` }],
    ['section .column pre + p', { 'font-size': `${CODE.caption}px` }],
    ['section h2', { 'font-size': `${TITLE_SLIDE.subtitle}px`, margin: `0 0 ${TITLE_SLIDE.subtitleGap}px` }],
    ['section.divider', { 'padding-inline-start': `${LEAD_LEFT}px` }],
    ['section.divider h1', { 'font-size': `${DIVIDER.size}px` }],
    ['section.divider p', { 'font-size': `${DIVIDER.summary}px` }],
    ['section.agenda ol', { 'font-size': `${AGENDA.size}px` }],
    ['section.agenda li', { 'margin-bottom': `${AGENDA.gap}px` }],
    ['section.references ol', { 'font-size': `${REFERENCES.size}px` }],
    ['section.references li', { 'margin-bottom': `${REFERENCES.gap}px` }],
    ['section table', { 'font-size': `${TABLE.size}px`, 'line-height': `${TABLE.line}` }],
    ['section.dense table', { 'font-size': `${TABLE.dense}px` }],
    ['section.dense table th, section.dense table td', { padding: `${TABLE.padY / 2}px ${TABLE.densePadX / 2}px` }],
    [
      'section table th, section table td',
      { padding: `${TABLE.padY / 2}px ${TABLE.padX / 2}px`, 'border-bottom': `${TABLE.border}px solid var(--rule)` },
    ],
    ['section table th:first-child', { width: `${TABLE.aspectShare * 100}%` }],
    ['section table .tie', { 'font-size': `${TABLE.tie}em` }],
    [
      'section pre',
      {
        'font-size': `${CODE.size}px`,
        'line-height': `${CODE.line}`,
        padding: `${CODE.padY / 2}px ${CODE.padX / 2}px`,
        margin: `0 0 ${CODE.gap}px`,
        'border-radius': `${CODE.radius}px`,
      },
    ],
    ['section .columns', { gap: `${COLUMN.gap}px` }],
    ['section .cols-4', { gap: `${COLUMN.narrowGap}px` }],
    ['section .columns + p', { 'margin-top': `${COLUMN.closingGap}px` }],
    [
      'section .column h2',
      {
        'font-size': `${BODY.size}px`,
        padding: `${COLUMN.headingPad / 2}px ${COLUMN.headingPadX}px`,
        'border-radius': `${COLUMN.headingRadius}px`,
        margin: `0 0 ${COLUMN.headingGap}px`,
      },
    ],
    ['section .column li', { 'margin-bottom': `${COLUMN.trailing}px` }],
    ['section .column p strong', { 'font-size': `${LABEL.size}px`, 'letter-spacing': `${LABEL.spacing}em` }],
    ['section .column p', { 'margin-bottom': `${LABEL.gap}px` }],
    ['section.timeline ul', { 'border-inline-start': `${TIMELINE.rule}px solid var(--rule)` }],
    [
      'section.timeline li',
      {
        'padding-inline-start': `calc(${TIMELINE.indent}px + ${TIMELINE.date}em)`,
        'margin-bottom': `${TIMELINE.gap}px`,
      },
    ],
    [
      'section.timeline li strong',
      {
        'min-width': `${TIMELINE.date}em`,
        'margin-inline-start': `-${TIMELINE.date}em`,
        'padding-inline-end': `${TIMELINE.dateGap}em`,
      },
    ],
    [
      '.badge',
      {
        'font-size': `${TIMELINE.badge.size}px`,
        'line-height': `${TIMELINE.badge.line}`,
        padding: `0 ${TIMELINE.badge.padX}px`,
        'border-radius': `${TIMELINE.badge.radius}px`,
      },
    ],
    [
      'section.quote blockquote',
      {
        'font-size': `${QUOTE.size}px`,
        'border-inline-start': `${QUOTE.bar}px solid var(--c1)`,
        'padding-inline-start': `${QUOTE.indent}px`,
        'align-self': 'center',
      },
    ],
    // The room under the title, where the quote stands in the middle, starts QUOTE.top below the title's own margin.
    ['section.quote h1', { 'margin-bottom': `${H1.margin + QUOTE.top}px` }],
    ['section.quote blockquote p:last-child', { 'font-size': `${BODY.size}px` }],
    ['section.statement h1', { 'font-size': `${STATEMENT.title}px` }],
    // Balanced as the PowerPoint breaks it (pptx/kinds.ts): the planner's line count holds either way.
    [
      'section.statement p.statement',
      { 'font-size': `${STATEMENT.size}px`, 'line-height': `${STATEMENT.line}`, 'text-wrap': 'balance' },
    ],
    ['section.image img', { 'max-height': `${IMAGE.maxHeight}px`, margin: '0 auto' }],
    ['section.image > p', { margin: `${IMAGE.captionGap}px 0 0` }],
    [
      'section.qr.title > :is(h1, h2, p), section.qr > ol',
      { 'margin-inline-end': `${QR_CODE.column + QR_CODE.gap}px` },
    ],
    [
      'section.qr figure.qr',
      {
        'inset-inline-end': `${PAD.side}px`,
        bottom: `${PAD.bottom}px`,
        width: `${QR_CODE.column}px`,
        gap: `${QR_CODE.captionGap}px`,
      },
    ],
    [
      'section.qr figure.qr figcaption',
      { 'font-size': `${QR_CODE.caption}px`, 'line-height': `${QR_CODE.captionLine}` },
    ],
    ['section.qr figure.qr svg', { width: `${QR_CODE.size}px`, height: `${QR_CODE.size}px` }],
    ['section footer', { 'font-size': `${FOOTER.size}px`, left: `${PAD.side}px`, bottom: `${FOOTER.bottom}px` }],
    [
      'section::after',
      { 'font-size': `${FOOTER.size}px`, right: `${FOOTER.numberRight}px`, bottom: `${FOOTER.bottom}px` },
    ],
  ])('%s', (selector, expected) => {
    expect(rule(selector)).toMatchObject(expected);
  });
});

it('theme/fonts.ts names the stacks themes/versus.css uses', () => {
  const light = css('versus');
  expect(declarations(light, 'section')['font-family']).toBe(FONT_STACKS.sans.family);
  expect(declarations(light, 'section pre')['font-family']).toBe(FONT_STACKS.mono.family);
});

it('versus-dark changes only colors: every slide has the layout of versus (the fit and axe tests measure versus alone)', () => {
  const text = css('versus-dark').replace(/\/\*[\s\S]*?\*\//g, '');
  const declared = [...text.matchAll(/\{([^{}]*)\}/g)].flatMap(([, body = '']) =>
    body
      .split(';')
      .map((declaration) => declaration.trim())
      .filter(Boolean),
  );
  expect(declared.length).toBeGreaterThan(10);
  const colors = /^(?:--[\w-]+|color|color-scheme|background(?:-color)?):\s*(?:#[\da-f]{3,8}|dark|light)$/i;
  expect(declared.filter((declaration) => !colors.test(declaration))).toEqual([]);
});

describe.each(['versus', 'versus-dark'])('theme/palette.ts has the colors of %s.css', (theme) => {
  const palette = paletteFor(theme);
  const sources = theme === 'versus' ? [css('versus')] : [css('versus'), css('versus-dark')];
  const last = (selector: string, property: string) =>
    sources
      .map((source) => declarations(source, selector)[property])
      .filter(Boolean)
      .at(-1);

  it.each([
    ['--bg', palette.bg],
    ['--fg', palette.fg],
    ['--muted', palette.muted],
    ['--surface', palette.surface],
    ['--rule', palette.rule],
    ['--code-bg', palette.codeBg],
    ['--divider-bg', palette.dividerBg],
    ['--divider-fg', palette.dividerFg],
    ['--divider-muted', palette.dividerMuted],
    ['--good', palette.good],
  ])('%s', (property, color) => {
    expect(last('section', property)).toBe(color);
  });

  it('links', () => {
    expect(last('section a', 'color')).toBe(palette.link);
  });
});

describe('a theme file of your own', () => {
  it('has the colors its section rules set, over those of the built-in theme it imports', () => {
    const { palette, declared } = themeColors(
      [
        '/* @theme brand */',
        "@import 'versus-dark';",
        'section {',
        '  --bg: #0B3D2E;',
        '  --surface: #124;',
        '  --muted: rgb(1 2 3);',
        '  --rule: #aabbcc !important;',
        '}',
        'section a { color: #ffd166; }',
        'section h1 { --fg: #ff0000; }',
      ].join('\n'),
    );
    const dark = paletteFor('versus-dark');
    expect(palette).toEqual({ ...dark, bg: '#0b3d2e', surface: '#112244', rule: '#aabbcc', link: '#ffd166' });
    expect(declared).toEqual({
      bg: { line: 4, col: 3 },
      surface: { line: 5, col: 3 },
      rule: { line: 7, col: 3 },
      link: { line: 9, col: 13 },
    });
  });

  it("takes a section's background and color for --bg and --fg where the theme sets no variable for them", () => {
    const plain = themeColors("@import 'versus';\nsection { background: #0b3d2e; color: #f5f5dc; }");
    expect(plain.palette).toEqual({ ...paletteFor('versus'), bg: '#0b3d2e', fg: '#f5f5dc' });
    const both = themeColors('section { background: #000000; --bg: #0b3d2e; }');
    expect(both.palette.bg).toBe('#0b3d2e');
  });

  it('is told where its text is hard to read, and the built-in themes are not', async () => {
    const file = path.join(THEMES_DIR, 'versus.css');
    for (const name of ['versus', 'versus-dark']) {
      const builtIn = await resolveTheme(name, THEMES_DIR);
      const declaredAll = Object.fromEntries(Object.keys(builtIn.palette).map((field) => [field, { line: 1, col: 1 }]));
      expect(themeFindings({ ...builtIn, source: { file, declared: declaredAll } }), name).toEqual([]);
    }
    const css = "/* @theme brand */\n@import 'versus';\nsection { background: #0b3d2e; color: #f5f5dc; }\n";
    const { palette, declared } = themeColors(css);
    const findings = themeFindings({ name: 'brand', files: [], palette, source: { file: 'brand.css', declared } });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.message}\n  ${f.hint}`)).toEqual([
      'brand.css:3:11 captions, chart labels and slide numbers: --muted #4a5360 (not set by the theme) on --bg #0b3d2e is 1.57:1, and text needs 4.5:1\n  Set --muted in the theme to a color that goes with --bg.',
      "brand.css:3:32 the table rows' stripes: --fg #f5f5dc on --surface #f2f4f7 (not set by the theme) is 1.00:1, and text needs 4.5:1\n  Set --surface in the theme to a color that goes with --fg.",
      'brand.css:3:11 verdict marks: --good #1a7f37 (not set by the theme) on --bg #0b3d2e is 2.40:1, and text needs 4.5:1\n  Set --good in the theme to a color that goes with --bg.',
      'brand.css:3:32 code: --fg #f5f5dc on --code-bg #f6f8fa (not set by the theme) is 1.04:1, and text needs 4.5:1\n  Set --code-bg in the theme to a color that goes with --fg.',
      'brand.css:3:11 links: section a { color } #0b5cad (not set by the theme) on --bg #0b3d2e is 1.83:1, and text needs 4.5:1\n  Set section a { color } in the theme to a color that goes with --bg.',
    ]);
  });
});

describe('a dark theme, whose handout and script print the slides in the light theme', () => {
  const colorsOf = (...lines: string[]) => themeColors(['/* @theme mine */', ...lines].join('\n')).palette;
  it.each([
    ['versus', paletteFor('versus'), false],
    ['versus-dark', paletteFor('versus-dark'), true],
    ['a theme on versus-dark', colorsOf("@import 'versus-dark';"), true],
    [
      'a theme on versus-dark made light',
      colorsOf("@import 'versus-dark';", 'section { --bg: #fffdf5; --fg: #222; }'),
      false,
    ],
    [
      'a theme on versus made dark',
      colorsOf("@import 'versus';", 'section { background: #0b3d2e; color: #f5f5dc; }'),
      true,
    ],
  ])('%s: dark %s', (_, palette, dark) => {
    expect(isDark(palette)).toBe(dark);
  });
});

describe('the files a theme file names in url()', () => {
  const temp = tempFolder('theme-files');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );

  it('are carried inside the CSS as data: URLs, pictures and fonts alike, by what they hold', async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'brand'));
    await writeFile(path.join(dir, 'brand/logo.png'), png);
    await writeFile(path.join(dir, 'brand/face.woff2'), Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]));
    const css = [
      '/* @theme brand: url(nowhere.png) in a comment is no file */',
      "@import 'versus';",
      "@font-face { font-family: Brand; src: url('brand/face.woff2') format('woff2'); }",
      'section { background: url( "brand/logo.png" ) no-repeat, url(https://example.org/x.png); }',
      'section::after { content: url(data:image/gif;base64,R0lGOD); filter: url(#soft); }',
    ].join('\n');
    const file = path.join(dir, 'brand.css');
    const { css: inlined, read, problems } = await inlineThemeFiles(css, file);
    expect(problems).toEqual([]);
    expect([...read.keys()]).toEqual([path.join(dir, 'brand/face.woff2'), path.join(dir, 'brand/logo.png')]);
    expect(inlined).toContain(
      `url("data:font/woff2;base64,${Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]).toString('base64')}") format('woff2')`,
    );
    expect(inlined).toContain(
      `background: url("data:image/png;base64,${png.toString('base64')}") no-repeat, url(https://example.org/x.png);`,
    );
    // What names no file stays as written: the comment, the web address, the data: URL and the fragment.
    for (const kept of ['url(nowhere.png)', 'url(data:image/gif;base64,R0lGOD)', 'url(#soft)'])
      expect(inlined).toContain(kept);
  });

  it('include a stylesheet the theme @imports by its file, its own files with it, and leave a theme imported by name', async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'parts/pictures'), { recursive: true });
    await writeFile(path.join(dir, 'parts/pictures/logo.png'), png);
    await writeFile(path.join(dir, 'parts/base.css'), 'section { background: url(pictures/logo.png); }\n');
    await writeFile(path.join(dir, 'print.css'), 'section { color: black; }\n');
    await writeFile(path.join(dir, 'parts/more.css'), 'section { border: 0; }\n');
    await writeFile(path.join(dir, 'parts/last.css'), 'section { margin: 0; }\n');
    // Every way of naming a file: ./ in quotes, in url("…"), in a bare url(…), and a path in quotes.
    const css = [
      '/* @theme brand */',
      "@import 'versus';",
      "@import './parts/base.css';",
      '@import url("print.css") print;',
      '@import url(parts/more.css);',
      '@import "parts/last.css";',
      'section { --fg: #111; }',
    ].join('\n');
    const { css: inlined, read, problems } = await inlineThemeFiles(css, path.join(dir, 'brand.css'));
    expect(problems).toEqual([]);
    expect([...read.keys()].sort()).toEqual(
      ['parts/base.css', 'parts/last.css', 'parts/more.css', 'parts/pictures/logo.png', 'print.css'].map((name) =>
        path.join(dir, name),
      ),
    );
    expect(inlined).not.toMatch(/@import (url\(|"parts)/);
    expect(inlined).toContain("@import 'versus';");
    expect(inlined).not.toContain('base.css');
    expect(inlined).toContain(`section { background: url("data:image/png;base64,${png.toString('base64')}"); }`);
    expect(inlined).toMatch(/@media print\s*\{\s*section \{ color: black; \}\s*\}/);
  });

  it('reach the HTML whatever folder it is written to: --out relative to where versus runs, as dist/ is', async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'base.css'), 'section { background: #ff00ff; }\n');
    await writeFile(path.join(dir, 'brand.css'), "/* @theme brand */\n@import 'versus';\n@import './base.css';\n");
    await writeFile(
      path.join(dir, 'talk.yaml'),
      outlineWithSlides('      - { kind: bullets, title: Why, bullets: [One] }\n'),
    );
    const run = await versusInProcess(['build', 'talk.yaml', '-f', 'html', '--theme', 'brand.css', '--out', 'dist'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'dist/a-vs-b.html'), 'utf8');
    expect(html).toContain('#ff00ff');
    expect(html).toContain('@theme versus');
  });

  it('name an imported stylesheet that is missing, outside the folder, or imports its importer', async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'themes'));
    await writeFile(path.join(dir, 'elsewhere.css'), '');
    await writeFile(path.join(dir, 'themes/a.css'), "@import './brand.css';\n");
    const css = "@import './gone.css';\n@import '../elsewhere.css';\n@import './a.css';\n";
    const file = path.join(dir, 'themes/brand.css');
    await writeFile(file, css);
    const { problems } = await inlineThemeFiles(css, file);
    expect(problems.map((p) => `${path.basename(p.file)} ${p.line}:${p.col} ${p.message}`)).toEqual([
      'brand.css 1:1 @import "./gone.css" names a file that does not exist',
      `brand.css 2:1 @import "../elsewhere.css" leads outside ${path.join(dir, 'themes')}, the folder of brand.css, to ${path.join(dir, 'elsewhere.css')}`,
      'a.css 1:1 @import "./brand.css" imports a stylesheet that imports this one',
    ]);
  });

  it("are named at their line when missing, outside the theme's folder, or neither picture nor font", async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'themes'));
    await writeFile(path.join(dir, 'themes/notes.txt'), 'not a picture');
    await writeFile(path.join(dir, 'outside.png'), png);
    const file = path.join(dir, 'themes/brand.css');
    const css =
      "section {\n  background: url(gone.png);\n  border-image: url('../outside.png');\n  cursor: url(notes.txt);\n}\n";
    const { problems } = await inlineThemeFiles(css, file);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.code} ${p.message}`)).toEqual([
      '2:15 not-found url("gone.png") names a file that does not exist',
      `3:17 bad-path url("../outside.png") leads outside ${path.join(dir, 'themes')}, the folder of brand.css, to ${path.join(dir, 'outside.png')}`,
      '4:11 invalid-value url("notes.txt") is neither a picture a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG) nor a font (WOFF2, WOFF, TrueType, OpenType)',
    ]);
  });
});

describe('a theme file with a mistake in it', () => {
  const temp = tempFolder('theme-mistakes');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  const told = (problems: { file: string; line: number; col: number; code: string; message: string }[]) =>
    problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.code} ${p.message}`);

  it('is told at the line of its CSS syntax error, in the stylesheet that has it: exit 1, the outputs left as they were', async () => {
    const dir = await realpath(await temp.dir());
    await mkdir(path.join(dir, 'th'));
    const brand = path.join(dir, 'th/brand.css');
    await writeFile(brand, "/* @theme brand */\n@import 'versus';\nsection { color: #111; }\n");
    await writeFile(
      path.join(dir, 'talk.yaml'),
      `theme: th/brand.css\n${outlineWithSlides('      - { kind: bullets, title: Why, bullets: [One] }\n')}`,
    );
    const built = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const before = await snapshotDir(path.join(dir, 'out'));

    await writeFile(brand, "/* @theme brand */\n@import 'versus';\nsection { color: red;\n");
    const unclosed =
      `${brand}:3:1 error[css-syntax]: this block has no closing }\n` +
      '    3 | section { color: red;\n      | ^\n' +
      '  hint: Close it with } after its last declaration.\n' +
      `error: Theme file ${brand} has 1 problem.\n` +
      "hint: Fix the theme's lines above, as their hints say.\n";
    for (const command of ['build', 'check']) {
      const args = command === 'build' ? ['-f', 'md', '--out', 'out'] : ['--no-measure'];
      const run = await versusInProcess([command, 'talk.yaml', ...args], { cwd: dir });
      expect(run, command).toEqual({ code: 1, stdout: '', stderr: unclosed });
    }

    // In a stylesheet it imports: told there, at its own line.
    await writeFile(brand, "/* @theme brand */\n@import 'versus';\n@import './base.css';\n");
    await writeFile(path.join(dir, 'th/base.css'), 'section { color: red }\n}\n');
    const stray = await versusInProcess(['build', 'talk.yaml', '-f', 'md', '--out', 'out'], { cwd: dir });
    expect(stray).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${path.join(dir, 'th/base.css')}:2:1 error[css-syntax]: this } closes no block\n` +
        '    2 | }\n      | ^\n' +
        '  hint: Remove it, or add the selector and { of the block it should close.\n' +
        `error: Theme file ${brand} has 1 problem.\n` +
        "hint: Fix the theme's lines above, as their hints say.\n",
    });
    expect(await snapshotDir(path.join(dir, 'out'))).toEqual(before);
  });

  it('names an unclosed string or comment and an unknown word at their place', async () => {
    const dir = await temp.dir();
    const file = path.join(dir, 'brand.css');
    const problems = await Promise.all(
      [
        'section { background: url("logo.png\\"); }\n',
        '/* @theme brand */\nsection { color: red; }\n/* the end\n',
        'section {\n  color red;\n}\n',
      ].map(async (css) => (await inlineThemeFiles(css, file)).problems),
    );
    expect(problems.map(told)).toEqual([
      ['brand.css:1:27 css-syntax this string has no closing quote'],
      ['brand.css:3:1 css-syntax this comment has no closing */'],
      ['brand.css:2:3 css-syntax unknown word "color"'],
    ]);
  });

  it('names a theme an @import names that no one knows, and the theme or stylesheet it likely means', async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'base.css'), 'section { color: #111; }\n');
    const css = [
      '/* @theme brand */',
      "@import 'versus-darkk';",
      "@import 'dark';",
      "@import 'base';",
      "@import 'corporate';",
      "@import 'versus';",
      "@import 'gaia';",
      '@import "https://fonts.example.org/brand.css";',
      "@import 'versus-dark.css';",
    ].join('\n');
    const { problems } = await inlineThemeFiles(css, path.join(dir, 'brand.css'));
    expect(told(problems)).toEqual([
      'brand.css:2:1 invalid-value unknown theme "versus-darkk" in @import (did you mean "versus-dark"?)',
      'brand.css:3:1 invalid-value unknown theme "dark" in @import (did you mean "versus-dark"?)',
      'brand.css:4:1 invalid-value unknown theme "base" in @import (did you mean "./base.css"?)',
      'brand.css:5:1 invalid-value unknown theme "corporate" in @import',
      'brand.css:9:1 not-found @import "versus-dark.css" names a file that does not exist',
    ]);
    expect(problems[0]?.hint).toBe(
      "A theme is imported by its name (versus, versus-dark, default, gaia, uncover); a stylesheet of your own by its path, as in @import './base.css';",
    );
    expect(problems[4]?.hint).toBe("Import the theme by its name: @import 'versus-dark';");
  });

  it('tells a missing file an imported stylesheet names once, at its own line, and an outside one by its folder', async () => {
    const dir = await temp.dir();
    await mkdir(path.join(dir, 'th/sub'), { recursive: true });
    await writeFile(path.join(dir, 'th/top.png'), png);
    await writeFile(
      path.join(dir, 'th/sub/base.css'),
      'section { color: #111; }\nsection::before { background-image: url("missing.png"); }\nh1 { background: url(../top.png); }\n',
    );
    const css = "/* @theme brand */\n@import 'versus';\n@import './sub/base.css';\n";
    const { problems } = await inlineThemeFiles(css, path.join(dir, 'th/brand.css'));
    expect(problems.map((p) => [told([p])[0], p.hint])).toEqual([
      [
        'base.css:2:37 not-found url("missing.png") names a file that does not exist',
        `Looked for ${path.join(dir, 'th/sub/missing.png')}.`,
      ],
      [
        `base.css:3:18 bad-path url("../top.png") leads outside ${path.join(dir, 'th/sub')}, the folder of base.css, to ${path.join(dir, 'th/top.png')}`,
        `Files a stylesheet names must sit in its own folder or below it; copy the file into ${path.join(dir, 'th/sub')}.`,
      ],
    ]);
  });

  it("refuses what is no stylesheet at an @import, and a damaged picture in a url(), as an outline's images are", async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'logo.png'), png);
    await writeFile(path.join(dir, 'cut.png'), png.subarray(0, 40));
    await writeFile(path.join(dir, 'open.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect');
    await writeFile(path.join(dir, 'latin1.css'), Buffer.from('section::after { content: "caf\xe9"; }\n', 'latin1'));
    const css = [
      '/* @theme brand */',
      "@import './logo.png';",
      "@import './latin1.css';",
      'section { background: url(cut.png), url(open.svg); }',
    ].join('\n');
    const { problems } = await inlineThemeFiles(css, path.join(dir, 'brand.css'));
    expect(told(problems)).toEqual([
      'brand.css:2:1 invalid-value @import "./logo.png" names a PNG picture, not a stylesheet',
      'brand.css:3:1 unreadable @import "./latin1.css" names a file that is not UTF-8 text: byte 0xe9 at line 1, column 31 cannot be read',
      'brand.css:4:23 invalid-value url("cut.png") is a truncated PNG: it ends before its last chunk',
      'brand.css:4:37 invalid-value url("open.svg") is not well-formed SVG: unclosed tag: svg (line 1, column 69)',
    ]);
  });

  it('refuses a theme file that is not UTF-8 text, at its first byte that is not, as a code file is refused', async () => {
    const dir = await temp.dir();
    const file = path.join(dir, 'brand.css');
    await writeFile(file, Buffer.from('/* @theme brand */\nsection::after { content: "caf\xe9"; }\n', 'latin1'));
    const error = await resolveTheme(file, dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VersusError);
    expect(error).toMatchObject({ kind: 'invalid-outline', message: `Theme file ${file} has 1 problem.` });
    expect(told((error as VersusError).diagnostics)).toEqual([
      'brand.css:2:31 unreadable "brand.css" is not UTF-8 text: byte 0xe9 cannot be read',
    ]);
  });

  it('refuses a theme file named as a built-in theme, at its name: it would stand in for that theme, or import itself', async () => {
    const dir = await temp.dir();
    for (const [name, css] of [
      ['versus', "/* @theme versus */\n@import 'versus';\n"],
      ['versus-dark', '\n/*\n * @theme   versus-dark\n */\nsection { color: #eee; }\n'],
      ['gaia', '/* @theme gaia */\n'],
    ]) {
      const file = path.join(dir, `${name}.css`);
      await writeFile(file, css as string);
      const error = await resolveTheme(file, dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(VersusError);
      expect(error).toMatchObject({ kind: 'invalid-outline' });
      const at = name === 'versus-dark' ? '3:13' : '1:11';
      expect(told((error as VersusError).diagnostics)).toEqual([
        `${name}.css:${at} invalid-value "${name}" is the name of a built-in theme: a theme of your own needs one of its own`,
      ]);
    }
    await writeFile(path.join(dir, 'mine.css'), "/* @theme versus-brand */\n@import 'versus';\n");
    expect((await resolveTheme(path.join(dir, 'mine.css'), dir)).name).toBe('versus-brand');
  });
});
