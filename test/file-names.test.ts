/**
 * File names stay within the 255 bytes a file system allows, whatever the
 * title: a long slug is shortened with a hash of the whole, so that long
 * titles never collide, and `check` and `build` agree on what is valid.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../src/plan/plan.js';
import { outlineWithSlides } from './helpers.js';
import { versusInProcess as versus } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('names');

/** 96 Chinese characters: 192 of the title's 200 (CJK counts twice), 288 bytes in UTF-8. */
const CHINESE = '深度学习框架对比'.repeat(12);
/** 200 Cyrillic letters and spaces: at the title's limit, 380 bytes. */
const RUSSIAN = 'Сравнение фреймворков '.repeat(10).slice(0, 200).trim();
const LONG_ID = `exercise-${'x'.repeat(240)}`;

/** The outline with `head` (its title and slug) in place of the first line. */
function outline(head: string): string {
  return outlineWithSlides(`      - { kind: bullets, title: Points, bullets: [One], notes: Say it. }
      - kind: exercise
        id: ${LONG_ID}
        title: In Python
        language: python
        task: [Write it]
        solution: print(1)
      - kind: exercise
        id: ${LONG_ID}-js
        title: In JavaScript
        language: javascript
        task: [Write it]
        solution: console.log(1)
`).replace(/^title: A vs B$/m, head);
}

/** Every file and folder below `dir`, relative to it. */
async function namesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const bytes = (name: string) => Buffer.byteLength(name);

describe('file names of long titles', { concurrent: true }, () => {
  it.each([
    ['a 96-character Chinese title', CHINESE],
    ['a 200-character Russian title', RUSSIAN],
  ])('%s builds every output with names of at most 255 bytes, and check agrees', async (_, title) => {
    const file = await temp.write('talk.yaml', outline(`title: "${title}"`));
    const out = path.join(path.dirname(file), 'out');
    const check = await versus(['check', file, '--no-measure']);
    expect(check.stderr).not.toMatch(/error/);
    const run = await versus(['build', file, '--out', out, '-f', 'md,html,runsheet,notebook,pptx']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);

    const names = await namesBelow(out);
    const slug = slugify(title);
    for (const name of names) {
      for (const part of name.split(path.sep)) expect(bytes(part)).toBeLessThanOrEqual(255);
    }
    // Every output the build wrote, the exercise files too, by the one shortened slug.
    expect(names).toEqual(
      expect.arrayContaining(
        [
          '.md',
          '.html',
          '.presenter.html',
          '.runsheet.md',
          '.pptx',
          '.exercises.ipynb',
          '.solutions.ipynb',
          '.exercises',
          '.solutions',
        ].map((suffix) => `${slug}${suffix}`),
      ),
    );
    expect(names.filter((name) => name.startsWith(`${slug}.solutions${path.sep}`))).toHaveLength(1);
  });

  it('gives two long titles that differ only at their end names of their own', async () => {
    const dir = await temp.dir();
    const files = ['一', '二'].map((last) => path.join(dir, `${last}.yaml`));
    await writeFile(files[0] as string, outline(`title: "${CHINESE.slice(0, -1)}一"`));
    await writeFile(files[1] as string, outline(`title: "${CHINESE.slice(0, -1)}二"`));
    // A batch refuses two talks that would write the same names into one folder.
    const run = await versus(['build', ...files, '--out', path.join(dir, 'out'), '-f', 'md']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect((await namesBelow(path.join(dir, 'out'))).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('copies an image whose own name is near the limit under an asset name that fits', async () => {
    const dir = await temp.dir();
    const image = `${'a'.repeat(250)}.svg`;
    await writeFile(path.join(dir, image), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>');
    const talk = outline('title: Cups').replace(
      '      - { kind: bullets',
      `      - { kind: image, title: A cup, src: ${image}, alt: A cup }\n      - { kind: bullets`,
    );
    await writeFile(path.join(dir, 'talk.yaml'), talk);
    const run = await versus(['build', 'talk.yaml', '--out', 'out', '-f', 'md'], { cwd: dir });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const [asset, ...others] = await readdir(path.join(dir, 'out', 'assets'));
    expect(others).toEqual([]);
    expect(asset).toMatch(/^a+-[0-9a-f]{8}-[0-9a-f]{10}\.svg$/);
    expect(bytes(asset ?? '')).toBeLessThanOrEqual(255);
  });

  it('keeps the build record of an outline named near the limit, under a name that fits', async () => {
    const dir = await temp.dir();
    const name = `${'t'.repeat(245)}.yaml`;
    await writeFile(path.join(dir, name), outline('title: Long file'));
    const args = ['build', name, '--out', 'out', '-f', 'md'];
    const first = await versus(args, { cwd: dir });
    expect(first.stderr).not.toMatch(/error/);
    const [record, ...others] = await readdir(path.join(dir, 'out', '.versus'));
    expect(others).toEqual([]);
    expect(bytes(record ?? '')).toBeLessThanOrEqual(255);
    expect((await versus(args, { cwd: dir })).stdout).toContain('up to date');
  });

  it('refuses a slug Windows keeps as a device name, at its position, with one that works', async () => {
    const file = await temp.write('talk.yaml', outline('title: Nothing at all\nslug: nul'));
    const run = await versus(['build', file, '--out', 'out'], { cwd: path.dirname(file) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'talk.yaml:2:7 error[invalid-value]: "slug": is a name Windows keeps for a device: no file "nul.md" can be made or opened there; got "nul"',
    );
    expect(run.stderr).toContain('hint: Add a word to it, slug: nul-talk, or leave the slug out');
  });

  it('refuses a slug set too long for a file name, at its position, in check and build alike', async () => {
    const slug = 'a'.repeat(250);
    const file = await temp.write('talk.yaml', outline(`title: Long\nslug: ${slug}`));
    const message =
      'talk.yaml:2:7 error[invalid-value]: "slug": is 250 bytes long in UTF-8; file names allow 255, and versus adds up to 16 (".solutions.ipynb"): at most 239; got "aaaa';
    const check = await versus(['check', file, '--no-measure'], { cwd: path.dirname(file) });
    const build = await versus(['build', file, '--out', 'out'], { cwd: path.dirname(file) });
    for (const run of [check, build]) {
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain(message);
      expect(run.stdout + run.stderr).toContain('hint: Shorten it, or leave the slug out');
    }
  });
});

describe('slugify', () => {
  it('keeps a slug that fits as it is', () => {
    expect(slugify('Keras vs TensorFlow')).toBe('keras-vs-tensorflow');
    expect(slugify('数据库对比')).toBe('数据库对比');
  });

  it('shortens a long one at a character boundary, within 239 bytes, with a stable hash of the whole', () => {
    const slug = slugify(CHINESE);
    expect(bytes(slug)).toBeLessThanOrEqual(239);
    expect(slug).toMatch(/^(深度学习框架对比)+[深度学习框架对比]*-[0-9a-f]{8}$/u);
    expect(slugify(CHINESE)).toBe(slug);
    expect(slugify(`${CHINESE.slice(0, -1)}一`)).not.toBe(slug);
  });

  it('gives a title Windows keeps as a device name (CON, Aux, LPT1) a word more, and only those', () => {
    expect(['CON', 'Aux', 'nul!', 'LPT1', 'com9'].map(slugify)).toEqual([
      'con-talk',
      'aux-talk',
      'nul-talk',
      'lpt1-talk',
      'com9-talk',
    ]);
    expect(['Console', 'Con vs Pro', 'Null'].map(slugify)).toEqual(['console', 'con-vs-pro', 'null']);
  });

  it('never splits a letter from its marks', () => {
    // Devanagari: each syllable is a letter and a vowel sign, 6 bytes.
    const slug = slugify('कि'.repeat(100));
    expect(slug.replace(/-[0-9a-f]{8}$/, '')).toMatch(/^(कि)+$/u);
  });
});
