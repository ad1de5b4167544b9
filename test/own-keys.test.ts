/**
 * Keys the user writes (contender ids, profile names) are looked up as the
 * outline's own: "constructor" and the like never find what objects inherit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { compileData, diagnose, minimalOutline } from './helpers.js';

/** Names every JavaScript object inherits, and one that no object has. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'plain'];

function outlineWith(id: string) {
  const outline = minimalOutline();
  outline.contenders[1] = { id, name: `Named ${id}`, color: '#1f6feb' };
  outline.sections = [
    {
      id: 'main',
      title: 'Main',
      slides: [
        {
          kind: 'comparison',
          title: 'Table',
          rows: [{ aspect: 'Speed', cells: { a: 'Fast', [id]: 'Slow' }, verdict: id }],
        },
        // The second contender has pros but no cons: its cons are looked up and must be absent.
        { kind: 'pros-cons', title: 'Pros', pros: { a: ['Small'], [id]: ['Big'] }, cons: { a: ['Slow'] } },
        { kind: 'decision', title: 'Pick', choices: [{ contender: id, when: ['Always'] }] },
      ] as never,
    },
  ];
  outline.profiles = { [id]: { duration: 10 } } as never;
  return outline;
}

describe('user-written keys', () => {
  it('builds a talk whose contender and profile are named "constructor"', () => {
    const { markdown } = compileData(outlineWith('constructor'), { profile: 'constructor' });
    expect(markdown).toContain('Named constructor');
    expect(markdown).toContain('- Big');
    // The missing cons list stays missing instead of becoming Object's constructor.
    expect(markdown).not.toContain('function Object');
  });

  it('reports a missing cell for "constructor" instead of finding an inherited one', () => {
    const outline = outlineWith('constructor');
    const table = outline.sections[0]?.slides[0] as unknown as { rows: { aspect: string; cells: object }[] };
    table.rows = [{ aspect: 'Speed', cells: { a: 'Fast' } }];
    expect(diagnose(stringify(outline))).toEqual([
      expect.stringMatching(/error\[missing-cell\]: row "Speed" has no cell for contender "constructor"/),
    ]);
  });

  it('reports an unknown default profile named like an inherited property', () => {
    const outline = { ...minimalOutline(), defaultProfile: 'constructor' };
    expect(diagnose(stringify(outline))).toEqual([expect.stringMatching(/error\[unknown-profile\]/)]);
  });

  it('either validates or reports an outline problem for any inherited name used as an id, never crashing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INHERITED), (id) => {
        try {
          compileData(outlineWith(id), { profile: id });
        } catch (error) {
          expect(error).toBeInstanceOf(VersusError);
          expect((error as VersusError).kind).toBe('invalid-outline');
        }
      }),
    );
  });
});
