/** Golden fixtures: each test/fixtures/golden/<case>.yaml renders to the committed <case>.md. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARP_OPTIONS } from '../src/export/marp.js';
import { Marp } from '../src/export/marp-engine.js';
import { labelsFor } from '../src/i18n/labels.js';
import { loadOutline } from '../src/outline/load.js';
import { compileOutline } from '../src/pipeline/compile.js';
import { presenterNotes } from '../src/plan/presenter-notes.js';

const dir = path.join(import.meta.dirname, 'fixtures/golden');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe.each(fixtures)('%s', (fixture) => {
  it('renders the expected markdown', async () => {
    const { markdown } = compileOutline(await loadOutline(path.join(dir, fixture)));
    await expect(markdown).toMatchFileSnapshot(path.join(dir, fixture.replace(/\.yaml$/, '.md')));
  });

  it('has one Marp slide per planned slide, each with its notes (and solution) as presenter notes, exactly', async () => {
    const { markdown, deck } = compileOutline(await loadOutline(path.join(dir, fixture)));
    const { comments } = new Marp({ ...MARP_OPTIONS, script: false }).render(markdown);
    expect(comments).toHaveLength(deck.slides.length);
    deck.slides.forEach((slide, i) => {
      expect(comments[i] ?? []).toEqual(presenterNotes(slide, labelsFor(deck)));
    });
  });

  it('renders the same bytes twice', async () => {
    const load = async () => compileOutline(await loadOutline(path.join(dir, fixture))).markdown;
    expect(await load()).toBe(await load());
  });
});
