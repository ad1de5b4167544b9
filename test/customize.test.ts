/** Customizing a talk: overlays, profiles and filters, and `versus init`. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseContenders, starterOutline } from '../src/commands/init.js';
import type { VersusError } from '../src/diagnostics/diagnostics.js';
import { loadOutline } from '../src/outline/load.js';
import type { Outline } from '../src/outline/schema.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { type Selection, selectOutline } from '../src/select/select.js';
import { compileData, minimalOutline } from './helpers.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-overlay-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

function base(): string {
  const outline = minimalOutline();
  outline.sections.push({
    id: 'extra',
    title: 'Extra',
    slides: [
      { kind: 'bullets', id: 'one', title: 'One', bullets: ['x'] },
      { kind: 'bullets', id: 'two', title: 'Two', bullets: ['y'], tags: ['deep'] },
    ],
  });
  return stringify(outline);
}

const titles = async (file: string) => {
  const { outline } = await loadOutline(file);
  return outline.sections.map((s) => `${s.id}: ${s.slides.map((slide) => slide.id ?? slide.title).join(', ')}`);
};

async function failure(file: string): Promise<string[]> {
  const error = (await loadOutline(file).catch((e: unknown) => e)) as VersusError;
  return error.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.code}: ${d.message}`);
}

describe('overlays', () => {
  it('replaces, removes and adds slides and sections by id, and overrides metadata', async () => {
    const dir = await folder({
      'base.yaml': base(),
      'over.yaml': `extends: base.yaml
title: Workshop edition
replace:
  - id: one
    slide: { kind: quote, title: Replaced, text: Hi }
remove: [two]
add:
  - after: table
    slides: [{ kind: bullets, id: added, title: Added, bullets: [z] }]
  - into: extra
    slides: [{ kind: bullets, id: last, title: Last, bullets: [w] }]
  - after: main
    sections: [{ id: middle, title: Middle, slides: [{ kind: bullets, id: mid, title: Mid, bullets: [m] }] }]
`,
    });
    const file = path.join(dir, 'over.yaml');
    expect(await titles(file)).toEqual(['main: table, added', 'middle: mid', 'extra: one, last']);
    const { outline } = await loadOutline(file);
    expect(outline.title).toBe('Workshop edition');
    expect(outline.sections[2]?.slides[0]).toMatchObject({ kind: 'quote', title: 'Replaced' });
  });

  it('adds slides before a slide (a warm-up that opens a section) and sections before a section', async () => {
    const dir = await folder({
      'base.yaml': base(),
      'over.yaml': `extends: base.yaml
add:
  - before: one
    slides: [{ kind: bullets, id: warm-up, title: Warm-up, bullets: [w] }]
  - before: extra
    sections: [{ id: intro, title: Intro, slides: [{ kind: bullets, id: hello, title: Hello, bullets: [h] }] }]
`,
      'wrong.yaml': `extends: base.yaml
add:
  - before: extra
    slides: [{ kind: bullets, title: Warm-up, bullets: [w] }]
  - before: one
    sections: [{ id: intro, title: Intro, slides: [{ kind: bullets, title: Hello, bullets: [h] }] }]
  - { after: main, before: extra, sections: [{ id: both, title: Both, slides: [{ kind: bullets, title: B, bullets: [b] }] }] }
  - { after: table, before: one, slides: [{ kind: bullets, title: Two places, bullets: [t] }] }
  - { before: extr, slides: [{ kind: bullets, title: Typo, bullets: [t] }] }
`,
    });
    expect(await titles(path.join(dir, 'over.yaml'))).toEqual([
      'main: table',
      'intro: hello',
      'extra: warm-up, one, two',
    ]);
    const error = (await loadOutline(path.join(dir, 'wrong.yaml')).catch((e: unknown) => e)) as VersusError;
    expect(error.diagnostics.map((d) => [`${d.line}:${d.col}`, d.message, d.hint])).toEqual([
      [
        '3:13',
        '"extra" is the id of a section, and "before" of added slides names a slide',
        'Write before: one, its first slide, to start that section with them.',
      ],
      [
        '5:13',
        '"one" is the id of a slide, and "before" of added sections names a section',
        'Write before: extra, the section that holds "one".',
      ],
      [
        '7:5',
        'added sections need one of "after" or "before", not both',
        'Keep the one that names the section the new ones go beside.',
      ],
      [
        '8:5',
        'added slides need exactly one of "after" or "before" (a slide id) or "into" (a section id)',
        'Write "after: <slide id>" or "before: <slide id>" to place them beside a slide, or "into: <section id>" to end a section with them.',
      ],
      // A near miss of a section's id, where a slide's belongs: named, and fixed it says what to write.
      ['9:15', 'no slide has the id "extr" (did you mean "extra"?)', expect.stringContaining('Ids come from')],
    ]);
  });

  it('says an id it cannot place beside was taken out by its own "remove", and takes a slide out twice as once', async () => {
    const dir = await folder({
      'base.yaml': base(),
      'gone.yaml': `extends: base.yaml
remove: [extra, two, table]
add:
  - after: two
    slides: [{ kind: bullets, title: After two, bullets: [a] }]
  - after: table
    slides: [{ kind: bullets, title: After the table, bullets: [b] }]
  - before: extra
    sections: [{ id: late, title: Late, slides: [{ kind: bullets, title: L, bullets: [l] }] }]
`,
      'twice.yaml': 'extends: base.yaml\nremove: [extra, one]\n',
    });
    const error = (await loadOutline(path.join(dir, 'gone.yaml')).catch((e: unknown) => e)) as VersusError;
    expect(error.diagnostics.map((d) => [`${d.line}:${d.col}`, d.message, d.hint])).toEqual([
      [
        '4:12',
        '"two" is no longer in the talk: it is in the section "extra", which "remove" takes out',
        'Name a slide that stays, or take "extra" off "remove".',
      ],
      [
        '6:12',
        '"table" is no longer in the talk: "remove" takes out the slide "table"',
        'Name a slide that stays, or take "table" off "remove".',
      ],
      [
        '8:13',
        '"extra" is no longer in the talk: "remove" takes out the section "extra"',
        'Name a section that stays, or take "extra" off "remove".',
      ],
    ]);
    expect(await titles(path.join(dir, 'twice.yaml'))).toEqual(['main: table']);
  });

  it('chains: an overlay of an overlay applies both, in order', async () => {
    const dir = await folder({
      'base.yaml': base(),
      'mid.yaml': 'extends: base.yaml\nremove: [two]\n',
      'top.yaml': 'extends: mid.yaml\nevent: Top\nremove: [one]\n',
    });
    expect(await titles(path.join(dir, 'top.yaml'))).toEqual(['main: table', 'extra: ']);
    expect((await loadOutline(path.join(dir, 'top.yaml'))).outline.event).toBe('Top');
  });

  it('reports a cycle at the extends line of the file that closes it', async () => {
    const dir = await folder({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': '# b\nextends: a.yaml\n' });
    expect(await failure(path.join(dir, 'a.yaml'))).toEqual([
      'b.yaml:2:10 overlay-cycle: extending "a.yaml" makes a cycle: a.yaml → b.yaml → a.yaml',
    ]);
  });

  it('reports unknown ids in the overlay, with positions, all at once', async () => {
    const dir = await folder({
      'base.yaml': base(),
      'over.yaml':
        'extends: base.yaml\nremove: [tow]\nadd:\n  - after: nope\n    slides: [{ kind: bullets, title: X, bullets: [x] }]\n',
    });
    expect(await failure(path.join(dir, 'over.yaml'))).toEqual([
      'over.yaml:2:10 unknown-id: no section, slide or source has the id "tow" (did you mean "two"?)',
      'over.yaml:4:12 unknown-id: no slide has the id "nope"',
    ]);
  });

  it('leaves out a source by id, once no slide cites it, and tells a slide that still does', async () => {
    const dir = await folder({
      'base.yaml': base(),
      // "table", the one slide citing s1, goes first: s1 is then unused, as check would say.
      'over.yaml': 'extends: base.yaml\nremove: [table, s1]\n',
      'cited.yaml': 'extends: base.yaml\nremove: [s1]\n',
    });
    const { outline } = await loadOutline(path.join(dir, 'over.yaml'));
    expect(outline.sources).toEqual([]);
    expect(await titles(path.join(dir, 'over.yaml'))).not.toContainEqual(expect.stringContaining('table'));
    const [told] = await failure(path.join(dir, 'cited.yaml'));
    expect(told).toMatch(/^base\.yaml:\d+:\d+ unknown-source: after applying .*cited\.yaml, .*"s1"/);
  });

  it('reports a missing base file at the extends line, also one named outside the project', async () => {
    const dir = await folder({
      'over.yaml': 'title: X\nextends: gone.yaml\n',
      'far.yaml': 'extends: ../nosuch/base.yaml\n',
    });
    expect(await failure(path.join(dir, 'over.yaml'))).toEqual([
      'over.yaml:2:10 not-found: "gone.yaml" does not exist',
    ]);
    expect(await failure(path.join(dir, 'far.yaml'))).toEqual([
      'far.yaml:1:10 not-found: "../nosuch/base.yaml" does not exist',
    ]);
  });

  it('tells a whole outline with an extends line by its extends alone, or its outline fields as an overlay’s', async () => {
    const whole = (extended: string) => `extends: ${extended}\n${base()}`;
    const dir = await folder({
      'base.yaml': base(),
      'gone.yaml': whole('basee.yaml'),
      'copy.yaml': whole('base.yaml'),
    });
    // Without its base, the stray extends and the whole outline below it cannot be told apart: one problem.
    expect(await failure(path.join(dir, 'gone.yaml'))).toEqual([
      'gone.yaml:1:10 not-found: "basee.yaml" does not exist (did you mean "base.yaml"?)',
    ]);
    const told = await failure(path.join(dir, 'copy.yaml'));
    expect(told).toContainEqual(
      expect.stringMatching(
        /^copy\.yaml:\d+:1 unknown-key: "contenders" is not an overlay field: a file with "extends" takes its contenders from the outline it extends$/,
      ),
    );
    expect(told.join('\n')).not.toContain('profiles');
  });

  it('builds the shipped example overlay', async () => {
    const loaded = await loadOutline(path.join(import.meta.dirname, '../examples/workshop.yaml'));
    const { deck, markdown } = compileOutline(loaded);
    expect(deck.meta.profile).toBe('workshop');
    expect(markdown).toContain('Capstone: pick a stack for your team');
    expect(markdown).toContain('What will you try on Monday?');
    expect(deck.slides.some((s) => 'id' in s && s.id === 'benchmarks')).toBe(false);
  });
});

describe('profiles and filters', () => {
  const outline = () => {
    const o = minimalOutline();
    o.sections[0]?.slides.push(
      { kind: 'bullets', id: 'deep-dive', title: 'Deep', bullets: ['x'], tags: ['workshop'] },
      { kind: 'bullets', id: 'plain', title: 'Plain', bullets: ['y'] },
    );
    o.profiles = {
      meetup: { duration: 20, skip: ['plain', 'deep-dive'], title: 'Short' },
      workshop: { only: ['workshop'] },
    };
    return o;
  };
  const ids = (selection: Parameters<typeof selectOutline>[1]) => {
    const selected = selectOutline(outline(), selection);
    if (!selected.ok) throw new Error(selected.problems[0]?.message);
    return {
      ids: selected.outline.sections.flatMap((s) => s.slides.map((slide) => slide.id)),
      outline: selected.outline,
    };
  };

  it('applies a profile: its skip list and its metadata', () => {
    const { ids: kept, outline: selected } = ids({ profile: 'meetup' });
    expect(kept).toEqual(['table']);
    expect(selected.title).toBe('Short');
    expect(selected.duration).toBe(20);
  });

  it('lists only the sources the kept slides cite, and keeps those no slide cites', () => {
    const o = outline();
    o.sources = [
      { id: 'kept', title: 'Cited on a kept slide', url: 'https://example.com/kept' },
      { id: 'dropped', title: 'Cited on a skipped slide only', url: 'https://example.com/dropped' },
      { id: 'listed', title: 'Cited nowhere', url: 'https://example.com/listed' },
    ];
    const [table, deep] = o.sections[0]?.slides ?? [];
    if (table) table.sources = ['kept'];
    if (deep) deep.sources = ['dropped', 'kept'];
    const sourcesOf = (selection: Parameters<typeof selectOutline>[1]) =>
      compileData(o, selection).deck.sources.map((s) => `${s.number} ${s.id}`);
    expect(sourcesOf({ profile: 'meetup' })).toEqual(['1 kept', '2 listed']);
    expect(sourcesOf({ profile: 'workshop' })).toEqual(['1 kept', '2 dropped', '3 listed']);
  });

  it('skips by id from the command line, and rejects unknown profiles, tags and ids', () => {
    expect(ids({ skip: ['deep-dive'] }).ids).toEqual(['table', 'plain']);
    const bad = selectOutline(outline(), { profile: 'meetp', skip: ['nope'] });
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.flag}: ${p.message}`)).toEqual([
      '--profile meetp: there is no profile "meetp" (did you mean "meetup"?)',
      '--skip nope: no section or slide has the id "nope"',
    ]);
  });
});

// One test per sentence of the README's "Selecting slides", named after it.
describe('README, "Selecting slides"', () => {
  const outline = (extra: Partial<Outline> = {}): Outline => {
    const o = minimalOutline();
    o.sections[0]?.slides.push(
      { kind: 'bullets', id: 'deep-dive', title: 'Deep', bullets: ['x'], tags: ['workshop'] },
      { kind: 'bullets', id: 'plain', title: 'Plain', bullets: ['y'] },
    );
    o.sections.push({
      id: 'extras',
      title: 'Extras',
      tags: ['workshop'],
      slides: [
        { kind: 'bullets', id: 'inherits', title: 'Inherits', bullets: ['z'] },
        { kind: 'bullets', id: 'own-tags', title: 'Own tags', bullets: ['w'], tags: ['meetup'] },
      ],
    });
    o.profiles = {
      meetup: { title: 'Short', duration: 20, only: ['meetup'], skip: ['plain'] },
      open: { duration: 90 },
    };
    return { ...o, ...extra };
  };
  const kept = (selection: Selection, o: Outline = outline()) => {
    const selected = selectOutline(o, selection);
    if (!selected.ok) throw new Error(selected.problems[0]?.message);
    return selected.outline.sections.flatMap((s) => s.slides.map((slide) => slide.id));
  };

  it("A slide's tags are its own, or its section's when it has none", () => {
    expect(kept({ only: ['workshop'] })).toEqual(['table', 'deep-dive', 'plain', 'inherits']);
    expect(kept({ only: ['meetup'] })).toEqual(['table', 'plain', 'own-tags']);
  });

  it('Untagged slides are always in', () => {
    for (const only of [['meetup'], ['workshop'], ['meetup', 'workshop']]) {
      expect(kept({ only })).toEqual(expect.arrayContaining(['table', 'plain']));
    }
  });

  it("When tags are selected (by the profile's `only` or `--only`), a tagged slide is kept only when one of its tags is selected", () => {
    expect(kept({ profile: 'meetup' })).toEqual(['table', 'own-tags']);
    expect(kept({ only: ['meetup'] })).toEqual(['table', 'plain', 'own-tags']);
    expect(kept({ only: ['meetup', 'workshop'] })).toEqual(['table', 'deep-dive', 'plain', 'inherits', 'own-tags']);
  });

  it('When none are (a profile without `only`, and no `--only`), nothing is filtered by tag: tagged slides are kept like untagged ones', () => {
    const every = ['table', 'deep-dive', 'plain', 'inherits', 'own-tags'];
    expect(kept({ profile: 'open' })).toEqual(every);
    expect(kept({})).toEqual(every);
  });

  it('`skip` / `--skip` leave out sections or slides by id', () => {
    expect(kept({ skip: ['extras', 'plain'] })).toEqual(['table', 'deep-dive']);
    expect(kept({ profile: 'open' }, outline({ profiles: { open: { skip: ['deep-dive', 'extras'] } } }))).toEqual([
      'table',
      'plain',
    ]);
  });

  it("The outline's `defaultProfile` applies unless `--profile` names another, and `--only` and `--skip` add to the lists of the profile in use", () => {
    const withDefault = outline({ defaultProfile: 'meetup' });
    expect(kept({}, withDefault)).toEqual(['table', 'own-tags']);
    expect(kept({ only: ['workshop'] }, withDefault)).toEqual(['table', 'deep-dive', 'inherits', 'own-tags']);
    expect(kept({ skip: ['table'] }, withDefault)).toEqual(['own-tags']);
    expect(kept({ profile: 'meetup', only: ['workshop'] }, withDefault)).toEqual([
      'table',
      'deep-dive',
      'inherits',
      'own-tags',
    ]);
    expect(kept({ profile: 'meetup', skip: ['table'] }, withDefault)).toEqual(['own-tags']);
  });

  it("An overlay's profile changes only the fields it names (`meetup: { duration: 40 }` keeps the base profile's title and lists; a list it names replaces the base's), and a slide the overlay removes leaves the base's skip lists with it", async () => {
    const base = outline();
    base.profiles = {
      meetup: { title: 'Short', duration: 20, only: ['meetup'], skip: ['plain', 'deep-dive'] },
      workshop: { title: 'Long', duration: 90, only: ['workshop'], skip: ['plain'] },
    };
    const dir = await folder({
      'base.yaml': stringify(base),
      'over.yaml': `extends: base.yaml
remove: [plain]
profiles:
  meetup: { duration: 40 }
  workshop: { only: [meetup] }
`,
    });
    const { outline: merged } = await loadOutline(path.join(dir, 'over.yaml'));
    expect(merged.profiles).toEqual({
      meetup: { title: 'Short', duration: 40, only: ['meetup'], skip: ['deep-dive'] },
      workshop: { title: 'Long', duration: 90, only: ['meetup'], skip: [] },
    });
    expect(kept({ profile: 'workshop' }, merged)).toEqual(['table', 'own-tags']);
  });

  it("An overlay's own title or duration for the talk takes the place of the base profiles' (its profiles may set them again)", async () => {
    const base = outline();
    base.profiles = {
      meetup: { title: 'Short', duration: 20, only: ['meetup'] },
      workshop: { title: 'Long', duration: 90, only: ['workshop'] },
    };
    const dir = await folder({
      'base.yaml': stringify(base),
      'over.yaml':
        'extends: base.yaml\ntitle: In-house edition\nduration: 45\nprofiles:\n  workshop: { title: In-house workshop }\n',
    });
    const { outline: merged } = await loadOutline(path.join(dir, 'over.yaml'));
    expect(merged.profiles).toEqual({
      meetup: { only: ['meetup'] },
      workshop: { title: 'In-house workshop', only: ['workshop'] },
    });
    const titled = (profile: string) => selectOutline(merged, { profile });
    expect(titled('meetup')).toMatchObject({ ok: true, outline: { title: 'In-house edition', duration: 45 } });
    expect(titled('workshop')).toMatchObject({ ok: true, outline: { title: 'In-house workshop', duration: 45 } });
  });
});

describe('versus init', () => {
  it('writes a valid starter whose tables have one column per contender', async () => {
    const contenders = parseContenders('PyTorch, JAX, MXNet');
    expect(contenders.map((c) => c.id)).toEqual(['pytorch', 'jax', 'mxnet']);
    const dir = await folder({ 'outline.yaml': starterOutline(contenders) });
    const loaded = await loadOutline(path.join(dir, 'outline.yaml'));
    const { markdown } = compileOutline(loaded);
    expect(markdown).toContain('| <span class="sr-only">Aspect</span> | PyTorch | JAX | MXNet |');
    expect((await readFile(path.join(dir, 'outline.yaml'), 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./outline.schema.json',
    );
  });

  it('gives ids that read as the names are said, and distinct ones to clashing names', () => {
    expect(parseContenders('C++, C#, F#, Notepad++').map((c) => c.id)).toEqual([
      'cpp',
      'csharp',
      'fsharp',
      'notepadpp',
    ]);
    expect(parseContenders('Go, go, GO').map((c) => c.id)).toEqual(['go', 'go-2', 'go-3']);
  });

  it('keeps the letters of every script in ids and the slug, and the starter builds', async () => {
    const contenders = parseContenders('数据库, Поиск, بحث');
    expect(contenders.map((c) => c.id)).toEqual(['数据库', 'поиск', 'بحث']);
    const dir = await folder({ 'outline.yaml': starterOutline(contenders) });
    const { deck } = compileOutline(await loadOutline(path.join(dir, 'outline.yaml')));
    expect(deck.meta.slug).toBe('数据库-vs-поиск-vs-بحث');
  });

  it('names a C++/C#/F# talk cpp-vs-csharp-vs-fsharp, and closes without saying "Questions" twice', async () => {
    const dir = await folder({ 'outline.yaml': starterOutline(parseContenders('C++,C#,F#')) });
    const { deck } = compileOutline(await loadOutline(path.join(dir, 'outline.yaml')));
    expect(deck.meta.slug).toBe('cpp-vs-csharp-vs-fsharp');
    const closing = deck.slides.findLast((slide) => slide.kind === 'quote');
    expect(closing && 'text' in closing && [closing.title, closing.text]).toEqual(['Over to you', 'Questions?']);
  });
});
