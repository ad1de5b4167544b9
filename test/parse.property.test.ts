/**
 * The parse stage reads data with js-yaml and positions with `yaml`: the two
 * must agree on every document the fast path accepts, or a build could see
 * other data than the messages describe.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseOutlineText, readData } from '../src/outline/parse.js';
import { positionOf } from '../src/outline/positions.js';
import { binaryChar } from './arbitraries.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI ? 3000 : 500));

/** Text that YAML treats specially somewhere: indicators, look-alike numbers and booleans, escapes. */
const TRICKY = fc.constantFrom(
  '',
  ' ',
  'null',
  '~',
  'true',
  'no',
  'yes',
  '0o17',
  '0x1F',
  '1_000',
  '1e3',
  '.inf',
  '-.5',
  '012',
  '2026-11-22',
  '- item',
  'a: b',
  '#not a comment',
  'text # comment?',
  '"quoted"',
  "it's",
  '|',
  '>',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '---',
  '...',
  '[a, b]',
  '{a: b}',
  'tab\there',
  'line\nbreak',
  'trailing \n',
  '\u00e9\u00e8 \u4e2d\u6587 \ud83d\ude80',
  '\u0085\u2028\u2029',
);

const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: binaryChar }), TRICKY);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(text, fc.constantFrom('title', 'notes', 'id')), tie('node'), { maxKeys: 4 }),
})).map;

/** Documents written by hand rather than by a serializer: every scalar and collection style. */
const HANDWRITTEN = [
  'title: Keras vs TensorFlow\r\nsubtitle: "CRLF line ends"\r\n',
  '\ufefftitle: a byte order mark\n',
  'notes: |\n  literal\n    indented\n\n  kept\n',
  'notes: >-\n  folded\n  lines\n\n  paragraph\n',
  'notes: |+\n  keep\n\n',
  "a: \"escapes \\t \\u00e9 \\x41 \\\\ \\\"\"\nb: 'single ''quoted'''\n",
  'list: [a, "b, c", {d: e}, [f]]\nmap: {x: 1, y: [2, 3]}\n',
  '# comment\n---\ntitle: x # trailing comment\n...\n',
  'plain: multi\n  line\n  plain scalar\n',
  '? complex key\n: value\n',
  'a:\n- 1\n- - 2\n  - 3\n- k: v\n  l: w\n',
  '%YAML 1.2\n---\ntitle: directive\n',
  'nums: [0, -0, 0.0, 1e-7, +1, 0o7, 0x_1, 1__0]\n',
];

describe('parse: js-yaml reads the same data as yaml', () => {
  it('for hand-written documents in every style', () => {
    for (const source of HANDWRITTEN) {
      const fast = readData(source);
      expect(fast.ok, source).toBe(true);
      if (fast.ok) expect(fast.data, source).toEqual(parse(source, { uniqueKeys: true }));
    }
  });

  it('for any data written out in any of yaml’s styles', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        value,
        fc.record({
          defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
          collectionStyle: fc.constantFrom('any', 'block', 'flow'),
          lineWidth: fc.constantFrom(0, 20, 80),
        } as const),
        (data, style) => {
          const source = stringify(data, style);
          const fast = readData(source);
          if (!fast.ok) return;
          accepted++;
          expect(fast.data).toEqual(parse(source, { uniqueKeys: true }));
        },
      ),
      { numRuns: RUNS },
    );
    // The property says something only if the fast path takes most documents.
    expect(accepted).toBeGreaterThan(RUNS * 0.9);
  });

  it('points at the right line even when the fast path read the data', () => {
    const parsed = parseOutlineText('title: x\nsections:\n  - id: one\n    title: One\n', 'outline.yaml');
    expect(positionOf(parsed, ['sections', 0, 'title'])).toEqual({ line: 4, col: 12 });
    expect(positionOf(parsed, ['sections', 0], 'id')).toEqual({ line: 3, col: 5 });
  });
});
