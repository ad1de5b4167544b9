/**
 * `versus init`: the two files it writes, a starter outline that validates,
 * lints clean and builds as written, and the refusal to overwrite without
 * --force; the exit codes through the built CLI.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutline } from '../src/commands/check.js';
import { initOutline } from '../src/commands/init-files.js';
import { loadOutline } from '../src/outline/load.js';
import { outlineJsonSchema } from '../src/outline/schema.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { ROOT, versusInProcess as versus } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('init');

// Each test works in a folder of its own, so they run at once.
describe('initOutline', { concurrent: true }, () => {
  it('writes outline.yaml and outline.schema.json, creating the folder, and nothing else', async () => {
    const dir = path.join(await temp.dir(), 'talks', 'pytorch-vs-jax');
    const files = await initOutline(dir, 'PyTorch, JAX');
    expect(files).toEqual([path.join(dir, 'outline.yaml'), path.join(dir, 'outline.schema.json')]);
    expect((await readdir(dir)).sort()).toEqual(['outline.schema.json', 'outline.yaml']);
  });

  it('writes the schema `versus schema` prints, and an outline that points editors at it', async () => {
    const dir = await temp.dir();
    await initOutline(dir, 'PyTorch,JAX');
    const schema = JSON.parse(await readFile(path.join(dir, 'outline.schema.json'), 'utf8'));
    expect(schema).toEqual(outlineJsonSchema());
    expect(schema).toEqual(JSON.parse(await readFile(path.join(ROOT, 'outline.schema.json'), 'utf8')));
    const outline = await readFile(path.join(dir, 'outline.yaml'), 'utf8');
    expect(outline.split('\n')[0]).toBe('# yaml-language-server: $schema=./outline.schema.json');
  });

  it('writes an outline that validates with every contender, and compiles for each of its profiles', async () => {
    const dir = await temp.dir();
    await initOutline(dir, ' PyTorch , JAX,, C# ');
    const loaded = await loadOutline(path.join(dir, 'outline.yaml'));
    const { outline } = loaded;
    expect(outline.title).toBe('PyTorch vs JAX vs C#');
    expect(outline.contenders.map((c) => c.name)).toEqual(['PyTorch', 'JAX', 'C#']);
    expect(new Set(outline.contenders.map((c) => c.id)).size).toBe(3);
    expect(new Set(outline.contenders.map((c) => c.color)).size).toBe(3);
    expect(Object.keys(outline.profiles ?? {}).sort()).toEqual(['meetup', 'workshop']);
    for (const profile of ['meetup', 'workshop']) {
      const { deck, markdown } = compileOutline(loaded, { profile });
      expect(deck.meta.profile).toBe(profile);
      expect(deck.slides.length).toBeGreaterThan(3);
      for (const name of ['PyTorch', 'JAX', 'C#']) expect(markdown).toContain(name);
    }
  });

  it('gives contenders with the same name their own ids', async () => {
    const dir = await temp.dir();
    await initOutline(dir, 'Tea,Tea');
    const { outline } = await loadOutline(path.join(dir, 'outline.yaml'));
    const ids = outline.contenders.map((c) => c.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('writes an outline that `check` passes, saying only that the starter is far shorter than its slot', async () => {
    // Five or six contenders split the pros and cons over two slides: each part still has notes.
    for (const contenders of ['PyTorch,JAX', 'Kafka,RabbitMQ,NATS,Pulsar,Redis Streams', 'A,B,C,D,E,F']) {
      const dir = await temp.dir();
      await initOutline(dir, contenders);
      const report = await checkOutline(path.join(dir, 'outline.yaml'), { measure: false });
      expect(
        report.findings.map((f) => `${f.severity} ${f.code}`),
        contenders,
      ).toEqual(['warning under-budget']);
      expect(report.findings[0]?.message).toMatch(
        /short of its 20 min slot; every content slide has notes short enough to say in 0\.25 min or none, so each counts that/,
      );
      expect(report).toMatchObject({ profile: 'meetup', fits: true, ok: true });
    }
  });

  it('refuses fewer than two contenders, writing nothing', async () => {
    const dir = path.join(await temp.dir(), 'solo');
    await expect(initOutline(dir, 'PyTorch')).rejects.toThrow('--contenders needs two or more names, got 1.');
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses to overwrite an outline without force, writing nothing, and overwrites it with force', async () => {
    const dir = await temp.dir();
    const outlineFile = path.join(dir, 'outline.yaml');
    await writeFile(outlineFile, '# my own talk\n');

    await expect(initOutline(dir, 'PyTorch,JAX')).rejects.toMatchObject({
      kind: 'usage',
      message: `${outlineFile} already exists; nothing was written.`,
      hint: expect.stringContaining('--force'),
    });
    expect(await readFile(outlineFile, 'utf8')).toBe('# my own talk\n');
    expect(await readdir(dir)).toEqual(['outline.yaml']);

    await initOutline(dir, 'PyTorch,JAX', { force: true });
    expect(await readFile(outlineFile, 'utf8')).toContain('title: "PyTorch vs JAX"');
    expect((await readdir(dir)).sort()).toEqual(['outline.schema.json', 'outline.yaml']);
  });

  it('writes both files or neither: a schema it cannot write leaves the outline that was there', async () => {
    const dir = await temp.dir();
    const outlineFile = path.join(dir, 'outline.yaml');
    await writeFile(outlineFile, '# my own talk\n');
    // A folder where the schema goes stops it, as a full disk would, after the outline is written.
    await mkdir(path.join(dir, 'outline.schema.json'));
    await expect(initOutline(dir, 'PyTorch,JAX', { force: true })).rejects.toThrow();
    expect(await readFile(outlineFile, 'utf8')).toBe('# my own talk\n');
    expect((await readdir(dir)).sort()).toEqual(['outline.schema.json', 'outline.yaml']);
  });
});

describe('versus init', { concurrent: true }, () => {
  it('exits 0 naming the files, and writes an outline that builds with --formats md', async () => {
    const cwd = await temp.dir();
    const run = await versus(['init', 'talk', '--contenders', 'PyTorch,JAX'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `wrote ${path.join('talk', 'outline.yaml')} and ${path.join('talk', 'outline.schema.json')}`,
    );

    const built = await versus(['build', 'talk/outline.yaml', '--formats', 'md', '--out', 'out'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    expect((await readdir(path.join(cwd, 'out'))).sort()).toEqual(['.versus', 'pytorch-vs-jax.md']);
    const markdown = await readFile(path.join(cwd, 'out', 'pytorch-vs-jax.md'), 'utf8');
    expect(markdown).toContain('PyTorch vs JAX');
  });

  it('exits 2 (usage) and keeps the outline when it exists, and overwrites it with --force', async () => {
    const cwd = await temp.dir();
    await writeFile(path.join(cwd, 'outline.yaml'), '# my own talk\n');

    const refused = await versus(['init', '--contenders', 'PyTorch,JAX'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('outline.yaml already exists; nothing was written.');
    expect(refused.stderr).toContain('--force');
    expect(await readFile(path.join(cwd, 'outline.yaml'), 'utf8')).toBe('# my own talk\n');
    expect(await readdir(cwd)).toEqual(['outline.yaml']);

    const forced = await versus(['init', '--contenders', 'PyTorch,JAX', '--force'], { cwd });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(path.join(cwd, 'outline.yaml'), 'utf8')).toContain('title: "PyTorch vs JAX"');
    const checked = await versus(['check', '--no-measure'], { cwd });
    expect(checked.code, checked.stderr).toBe(0);
  });

  it('exits 2 (usage) for fewer than two contenders, or none given', async () => {
    const cwd = await temp.dir();
    const one = await versus(['init', '--contenders', 'PyTorch'], { cwd });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--contenders needs two or more names, got 1.');
    const none = await versus(['init'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("required option '-c, --contenders <names>' not specified");
    expect(await readdir(cwd)).toEqual([]);
  });
});
