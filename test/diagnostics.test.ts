/** Invalid outlines: every problem reported at once, with its exact file:line:col and code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticFormatter, formatDiagnostic, invalidOutline } from '../src/diagnostics/diagnostics.js';
import { parseOutlineText } from '../src/outline/parse.js';
import { validateOutline } from '../src/outline/validate.js';
import { diagnose } from './helpers.js';

const HEAD = `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
  - { id: b, name: Beta, color: "#ff6f00" }
sources:
  - { id: s1, title: One }
`;

/** HEAD and one section, whose slides follow. */
const ONE_SECTION = `${HEAD}sections:
  - id: main
    title: Main
    slides:
`;

describe('YAML errors', () => {
  it('reports a syntax error at its position', () => {
    expect(diagnose(`${HEAD}sections: [\n  - x\n`)).toMatchInlineSnapshot(`
      [
        "outline.yaml:7:11 error[yaml-syntax]: this [ is never closed",
        "outline.yaml:8:3 error[yaml-syntax]: Block collections are not allowed within flow collections",
      ]
    `);
  });

  it('explains an unquoted ": " in a text, and shows the line quoted', () => {
    const parsed = parseOutlineText(
      `title: Tea vs Coffee: the rematch\n${HEAD.split('\n').slice(1).join('\n')}`,
      'outline.yaml',
    );
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      'outline.yaml:1:8 error[yaml-syntax]: this text contains ": ", which YAML reads as the start of another key\n' +
        '  hint: Put the text in quotes: title: "Tea vs Coffee: the rematch"',
    ]);
  });

  it('tells a slide indented to the wrong level once, at its line, also after a blank line', () => {
    const slides = `sections:
  - id: main
    title: Main
    slides:
      - kind: bullets
        title: One
        bullets: [A]

    - kind: bullets
      title: Two
      bullets: [B]
`;
    expect(diagnose(`${HEAD}${slides}`)).toEqual([
      'outline.yaml:15:5 error[yaml-syntax]: this slide starts at column 5, but the slides of this section start at column 7',
    ]);
  });

  it("names a list's items by the list's name: the bullets, the items of task", () => {
    const slide = (key: string) => `sections:
  - id: main
    title: Main
    slides:
      - kind: exercise
        title: Try
        solution: x
        ${key}:
        - One
          - Two
          - "Three: x"
`;
    expect(diagnose(`${HEAD}${slide('task')}`)[0]).toContain('but the items of "task" in this slide start at column 9');
    expect(
      diagnose(`${HEAD}${slide('bullets').replace('exercise', 'bullets').replace('solution: x', 'id: list')}`)[0],
    ).toContain('but the bullets of this slide start at column 9');
  });

  it('explains an unquoted ": " in a text inside { … }, and shows the text quoted', () => {
    const events = `sections:
  - id: main
    title: Main
    slides:
      - kind: timeline
        title: History
        events:
          - { when: 1991, text: Python 1: the first release, contender: a }
`;
    const parsed = parseOutlineText(`${HEAD}${events}`, 'outline.yaml');
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([
      'outline.yaml:14:33 error[yaml-syntax]: this text contains ": ", which YAML reads as the start of another key inside { … }\n' +
        '  hint: Put the text in quotes: text: "Python 1: the first release"',
    ]);
  });

  it('names a full-width colon after a key, or a full-width space in the indentation, once, at its line', () => {
    const slide = (line: string) => `sections:
  - id: main
    title: Main
    slides:
      - kind: bullets
${line}
        bullets: [优点：快, 缺点：贵]
`;
    expect(printed(`${HEAD}${slide('        title： 优点与缺点')}`)).toEqual([
      'outline.yaml:12:9 error[yaml-syntax]: "title" is followed by a full-width colon "：", which YAML does not read as the colon after a key\n' +
        '  hint: Write an ASCII colon and a space: title: 优点与缺点',
    ]);
    expect(printed(`${HEAD}${slide('\u3000\u3000\u3000\u3000title: 优点与缺点')}`)).toEqual([
      'outline.yaml:12:1 error[yaml-syntax]: this line is indented with a full-width space (U+3000), which YAML does not read as indentation\n' +
        '  hint: Indent with ASCII spaces only: replace the full-width ones at the start of the line.',
    ]);
    // A text with "：" in it is text: the outline is valid.
    expect(printed(`${HEAD}${slide('        title: 优点与缺点')}`)).toEqual([]);
  });

  it('names a key with no space after its colon at the colon, at the top, in a list item and anywhere inside { … }', () => {
    const slide = (first: string, second: string) => `sections:
  - id: main
    title: Main
    slides:
${first}
${second}
        bullets: [Tea:calm, Coffee:strong]
`;
    const tail = HEAD.split('\n').slice(1).join('\n');
    expect(printed(`title:A vs B\n${tail}${slide('      - kind: bullets', '        title: One')}`)).toEqual([
      'outline.yaml:1:6 error[yaml-syntax]: "title:A vs B" has no space after the colon, so YAML reads the line as text, not as the key "title"\n' +
        '  hint: Put a space after the colon: title: A vs B',
    ]);
    // Two in one file, one of them a list item's first key: each told once, nothing else.
    expect(printed(`${HEAD}${slide('      - kind:bullets', '        title:One')}`)).toEqual([
      'outline.yaml:11:13 error[yaml-syntax]: "kind:bullets" has no space after the colon, so YAML reads the line as text, not as the key "kind"\n' +
        '  hint: Put a space after the colon: kind: bullets',
      'outline.yaml:12:14 error[yaml-syntax]: "title:One" has no space after the colon, so YAML reads the line as text, not as the key "title"\n' +
        '  hint: Put a space after the colon: title: One',
    ]);
    expect(printed(HEAD.replace('{ id: a,', '{ id:a,') + slide('      - kind: bullets', '        title: One'))).toEqual(
      [
        'outline.yaml:3:7 error[unknown-key]: "id:a" has no space after the colon, so YAML reads it as one key, not as the key "id"\n' +
          '  hint: Put a space after the colon: id: a',
      ],
    );
    // A later key of { … }: its comma is no cut in the text before it, and its mapping misses nothing else.
    expect(
      printed(
        HEAD.replace('name: Beta, color', 'name:"Beta", color') + slide('      - kind: bullets', '        title: One'),
      ),
    ).toEqual([
      'outline.yaml:4:14 error[unknown-key]: "name:"Beta"" has no space after the colon, so YAML reads it as one key, not as the key "name"\n' +
        '  hint: Put a space after the colon: name: "Beta"',
    ]);
    const row = `${ONE_SECTION}      - kind: comparison
        title: One
        rows:
          - { aspect: Taste, cells: { a: "Bitter, dark", b:"Sweet" } }
`;
    expect(printed(row)).toEqual([
      'outline.yaml:14:58 error[unknown-key]: "b:"Sweet"" has no space after the colon, so YAML reads it as one key, not as the key "b"\n' +
        '  hint: Put a space after the colon: b: "Sweet"',
    ]);
    // Text with a colon in it (`Tea:calm`) is text: the outline is valid.
    expect(printed(`${HEAD}${slide('      - kind: bullets', '        title: One')}`)).toEqual([]);
    expect(printed(row.replace('b:"Sweet"', 'b: "Sweet"'))).toEqual([]);
  });

  it('reports tab indentation and duplicate keys', () => {
    expect(diagnose('title: A\ntitle: B\nsections:\n\t- x\n')).toMatchInlineSnapshot(`
      [
        "outline.yaml:2:1 error[yaml-syntax]: "title" is written twice in this mapping",
        "outline.yaml:4:1 error[yaml-syntax]: Tabs are not allowed as indentation",
      ]
    `);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(diagnose('')).toMatchInlineSnapshot(`
      [
        "outline.yaml:1:1 error[wrong-type]: the outline is empty",
      ]
    `);
    expect(diagnose('- just\n- a list\n')).toMatchInlineSnapshot(`
      [
        "outline.yaml:1:1 error[wrong-type]: the outline must be a mapping of fields",
      ]
    `);
  });

  it('stops alias bombs instead of expanding them', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const parsed = parseOutlineText(lines.join('\n'), 'outline.yaml');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(validateOutline(parsed).ok).toBe(false);
  });
});

/** A slide with "bulets" for "bullets": the README's error example. */
const MISSPELT_KEY = `${ONE_SECTION}      - kind: bullets
        title: Hi
        bulets: [x]
`;

/** The README's error example: a misspelt key above a slide indented to its section's level. */
const README_EXAMPLE = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
      - kind: bullets
        title: What they are
        bulets: [Tea is steeped leaves, Coffee is brewed beans]
    - kind: quote
      title: Motto
      text: Drink what you like.
`;

/** The problems of an outline as the CLI prints them, hints included. */
function printed(source: string): string[] {
  const validated = validateOutline(parseOutlineText(source, 'outline.yaml'));
  return validated.ok ? [] : validated.diagnostics.map(formatDiagnostic);
}

describe('schema errors', () => {
  it('names an unknown key at the key itself, with a suggestion', () => {
    const source = MISSPELT_KEY;
    expect(diagnose(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:13:9 error[unknown-key]: "bulets" is not a slide field (did you mean "bullets"?)",
      ]
    `);
  });

  it('names a YAML merge key, which copies nothing, instead of the fields it was to copy', () => {
    const slides = `      - &base { kind: bullets, id: b1, title: Why, bullets: [One] }
      - { <<: *base, id: b2 }
`;
    expect(diagnose(`${ONE_SECTION}${slides}`)).toEqual([
      'outline.yaml:12:11 error[unknown-key]: "<<" (a YAML merge key) is not read: this slide gets none of the fields it names',
    ]);
    // In a mapping of fixed fields too, where "<<" is an unknown key and the fields it names are missing.
    const merged = ONE_SECTION.replace('  - { id: b, name: Beta, color: "#ff6f00" }', '  - { <<: *first, id: b }');
    expect(diagnose(`${merged.replace('  - { id: a,', '  - &first { id: a,')}${slides}`)).toEqual([
      'outline.yaml:4:7 error[unknown-key]: "<<" (a YAML merge key) is not read: this contender gets none of the fields it names',
      'outline.yaml:12:11 error[unknown-key]: "<<" (a YAML merge key) is not read: this slide gets none of the fields it names',
    ]);
  });

  it('suggests the field a key means when written in another naming style or as a word people use for it', () => {
    const source = `${ONE_SECTION}      - kind: bullets
        title: Hi
        bullets: [x]
        speaker_notes: Say hi.
        private-notes: Smile.
        time: 2
      - kind: comparison
        title: Table
        rows:
          - aspect: Speed
            cells: { a: Fast, b: Slow }
            winner: a
`;
    expect(diagnose(source).map((line) => line.replace(/^outline\.yaml:\d+:\d+ /, ''))).toEqual([
      'error[unknown-key]: "speaker_notes" is not a slide field (did you mean "notes"?)',
      'error[unknown-key]: "private-notes" is not a slide field (did you mean "privateNotes"?)',
      'error[unknown-key]: "time" is not a slide field (did you mean "minutes"?)',
      'error[unknown-key]: "winner" is not a table row field (did you mean "verdict"?)',
    ]);
  });

  it('says that a comma inside { … } split a cell, at the key it made, and how to quote it', () => {
    const source = `${ONE_SECTION}      - kind: comparison
        title: Table
        rows:
          - aspect: Scaling
            cells: { a: replica set, sharded cluster, b: read replicas }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:15:38 error[wrong-type]: the a cell of row "Scaling" was cut at a comma: inside { … } a comma ends an entry, so "sharded cluster" became a key without a value\n  hint: Quote text that holds a comma: a: "replica set, sharded cluster"',
    ]);
    // The hint quotes the text as written: a comma with no space after it (a number) stays so.
    const numbers = source.replace('replica set, sharded cluster', 'about 10,000 GET requests,  then more');
    expect(printed(numbers)[0]).toContain(
      'hint: Quote text that holds a comma: a: "about 10,000 GET requests,  then more"',
    );
  });

  it('prints the README’s error example, word for word, code frames included', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../README.md'), 'utf8');
    const example = /\*\*Errors\*\*[^`]*```\n([\s\S]*?)```/.exec(readme)?.[1];
    const validated = validateOutline(parseOutlineText(README_EXAMPLE, 'outline.yaml'));
    const lines = README_EXAMPLE.split('\n');
    const format = diagnosticFormatter(undefined, { sourceLine: (_file, line) => lines[line - 1] });
    // As cli.ts reports an invalid outline: each problem, then the error and its hint.
    const error = invalidOutline(validated.ok ? [] : validated.diagnostics);
    expect([...error.diagnostics.map(format), `error: ${error.message}`, `hint: ${error.hint}\n`].join('\n')).toBe(
      example,
    );
  });

  it('reports a wrong type, a missing field and an unknown slide kind together', () => {
    const source = `${ONE_SECTION}      - kind: bullets
        title: 42
        bullets: yes please
      - kind: tabel
        title: T
      - kind: quote
        text: Hello
`;
    expect(diagnose(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:12:16 error[wrong-type]: "title" must be text, not the number 42",
        "outline.yaml:13:18 error[wrong-type]: "bullets" must be a list, not "yes please"",
        "outline.yaml:14:15 error[invalid-value]: "tabel" is not a slide kind",
        "outline.yaml:16:9 error[missing-field]: slide is missing "title"",
      ]
    `);
  });

  /** An outline of one timeline whose one event is written as `event`, and the slides after it. */
  const timeline = (event: string, after = '') => `${ONE_SECTION}      - kind: timeline
        title: History
        events:
          - ${event}
${after}`;

  it('names what a timeline date may be: text, or a year written as a number', () => {
    const source = timeline('{ when: 2015.5, text: Keras released }');
    expect(printed(source)).toEqual([
      'outline.yaml:14:21 error[wrong-type]: "when" must be text or a year such as 2020, not the number 2015.5\n  hint: Write text, or a year such as 2020.',
    ]);
  });

  it('takes a required field written under another name for a rename, and reports it once', () => {
    const source = timeline(
      '{ date: "2015", text: Keras released }',
      `      - kind: bullets
        heading: Hi
        bullets: [x]
      - kind: bullets
        heading: Hi
        colour: red
        bullets: [x]
`,
    );
    // The last slide has two unknown keys beside its missing title: which one was meant is not guessed.
    expect(printed(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:14:15 error[unknown-key]: "date" is not a timeline event field (did you mean "when"?)
        hint: Rename it to "when": a timeline event needs one. Allowed here: when, text, contender.",
        "outline.yaml:16:9 error[unknown-key]: "heading" is not a slide field (did you mean "title"?)
        hint: Rename it to "title": a slide needs one. Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, lead, bullets.",
        "outline.yaml:18:9 error[missing-field]: slide is missing "title"
        hint: Add title: …",
        "outline.yaml:19:9 error[unknown-key]: "heading" is not a slide field
        hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, lead, bullets.",
        "outline.yaml:20:9 error[unknown-key]: "colour" is not a slide field
        hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, lead, bullets.",
      ]
    `);
  });

  it('says a field of a missing mapping belongs in it, for one or all of them written beside it', () => {
    const source = `${ONE_SECTION}      - kind: chart
        title: Speed
        unit: ms
        values: { a: 1, b: 2 }
      - kind: chart
        title: Size
        unit: MB
        higherIsBetter: false
        values: { a: 1, b: 2 }
`;
    expect(printed(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:13:9 error[unknown-key]: "unit" is not a slide field: it belongs in "metric"
        hint: Write it inside "metric", which a slide needs: metric: { title, unit, higherIsBetter }.",
        "outline.yaml:17:9 error[unknown-key]: "unit" is not a slide field: it belongs in "metric"
        hint: Write it inside "metric", which a slide needs: metric: { title, unit, higherIsBetter }.",
        "outline.yaml:18:9 error[unknown-key]: "higherIsBetter" is not a slide field: it belongs in "metric"
        hint: Write it inside "metric", which a slide needs: metric: { title, unit, higherIsBetter }.",
      ]
    `);
  });

  it("says a slide's field written at the outline's or a section's level is a slide's, not that the labels take it", () => {
    const source = `${HEAD}solution: print(1)
sections:
  - id: main
    title: Main
    bullets: [One, Two]
    slides:
      - { kind: bullets, title: A, bullets: [One] }
`;
    expect(printed(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:7:1 error[unknown-key]: "solution" is not an outline field: it is a field of an exercise slide
        hint: Move it under the slide it is for, in a section's "slides" (- kind: exercise, then solution: … at the slide's indentation).",
        "outline.yaml:11:5 error[unknown-key]: "bullets" is not a section field: it is a field of a bullets slide
        hint: Move it under the slide it is for, in the section's "slides" (- kind: bullets, then bullets: … at the slide's indentation).",
      ]
    `);
  });

  it("says an exercise's solution is written in the outline, when it names a file", () => {
    const source = `${ONE_SECTION}      - { kind: exercise, title: Try, task: [Run it], solution: { file: solution.py } }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:11:65 error[wrong-type]: "solution" must be text, not a mapping\n' +
        '  hint: An exercise\'s solution is written in the outline: "solution: |" and the code indented below it (only a code pane reads a file).',
    ]);
  });

  it('says a full-width comma does not separate the items of [ … ]', () => {
    const source = `${HEAD.replace('  - { id: s1, title: One }', '  - { id: s1, title: One }\n  - { id: s2, title: Two }')}sections:
  - id: main
    title: Main
    slides:
      - { kind: bullets, title: A, bullets: [一], sources: [s1，s2] }
`;
    expect(printed(source)).toEqual([
      expect.stringContaining(
        'hint: A full-width comma does not separate items in [ … ]: write ASCII commas, [s1, s2].',
      ),
    ]);
  });

  it('tells a text where a list of mappings belongs once, with the list of mappings to write', () => {
    const source = `title: A vs B\nspeakers: Ada Example\n${HEAD.split('\n').slice(1).join('\n')}sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n`;
    expect(printed(source)).toEqual([
      'outline.yaml:2:11 error[wrong-type]: "speakers" must be a list, not "Ada Example"\n' +
        '  hint: Write it as a list, each speaker a mapping of its fields: speakers: [{ name: Ada Example }]',
    ]);
  });

  it('tells text cut at a comma where a list belongs once, as that list, quoting text that holds a " in single quotes', () => {
    const source = `${ONE_SECTION}      - kind: decision
        title: Choose
        choices:
          - { contender: a, when: [You want speed] }
          - { contender: b, when: לקוחות בעיקר בארה"ב, או באירופה }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:15:35 error[wrong-type]: "when" must be a list, not "לקוחות בעיקר בארה\\"ב, או באירופה"\n' +
        '  hint: Write it as a list; in brackets, each comma starts a new item: when: [לקוחות בעיקר בארה"ב, או באירופה] (or one "- " line per item). For one item, quote it: when: [\'לקוחות בעיקר בארה"ב, או באירופה\']',
    ]);
    // A cut where text belongs keeps its own message, its hint quoted the same way.
    expect(printed(source.replace('when: [You want speed]', 'label: Pay "as you go", or not, when: [x]'))).toEqual([
      expect.stringContaining('hint: Quote text that holds a comma: label: \'Pay "as you go", or not\''),
      expect.stringContaining('"when" must be a list'),
    ]);
  });

  it('says a dash starts a list item only with a space after it', () => {
    const source = `${ONE_SECTION}      - kind: bullets
        title: Steps
        bullets:
          -Install it
          -Run it
`;
    expect(printed(source)).toEqual([
      'outline.yaml:14:11 error[wrong-type]: "bullets" must be a list, not "-Install it -Run it"\n' +
        '  hint: A "-" starts a list item only with a space after it: write "- " at the start of each item (- Install it).',
    ]);
  });

  it('shows hex digits YAML read as a number as a color, with its #', () => {
    const source = HEAD.replace('color: "#d00000"', 'color: 006400');
    expect(
      printed(`${source}sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n`),
    ).toEqual([
      'outline.yaml:3:34 error[wrong-type]: "color" must be text, not 006400, which YAML reads as the number 6400\n' +
        '  hint: Write it with a # before it, in quotes: color: "#006400"',
    ]);
  });

  it('names the value meant for a word that is none of a field’s values, for yes and for a title in skip', () => {
    const source = `${ONE_SECTION}      - kind: chart
        title: Cups
        metric: { title: Cups, higherIsBetter: yes }
        values: { a: 1, b: 2 }
        scale: logarithmic
      - { kind: bullets, id: history, title: History, bullets: [x] }
profiles:
  talk: { skip: [History] }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:13:48 error[wrong-type]: "higherIsBetter" must be true or false, not "yes"\n' +
        '  hint: Write true or false; versus reads YAML 1.2, where "yes" is text: higherIsBetter: true',
      'outline.yaml:15:16 error[invalid-value]: "scale": "logarithmic" is not one of "linear", "log" (did you mean "log"?)\n' +
        '  hint: Write scale: log.',
      'outline.yaml:18:18 error[invalid-value]: "skip[0]": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "History"\n' +
        '  hint: "History" is a title: skip names a section or slide by its id, here skip: [history].',
    ]);
  });

  it('tells a date in digits written another way, or with a time, and leaves a date in words as text', () => {
    const body = 'sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n';
    const dated = (date: string) => printed(`${HEAD}date: ${date}\n${body}`);
    expect(dated('22/11/2026')).toEqual([
      `outline.yaml:7:7 error[invalid-value]: "date": "22/11/2026" is a date written another way than YYYY-MM-DD: the slides would show it as written, not as a date in the talk's language\n` +
        '  hint: Write it as YYYY-MM-DD: "2026-11-22"',
    ]);
    expect(dated('2026-11-22T10:00')).toEqual([
      `outline.yaml:7:7 error[invalid-value]: "date": "2026-11-22T10:00" is a date written with a time: the slides would show it as written, not as a date in the talk's language\n` +
        '  hint: Write it as YYYY-MM-DD: "2026-11-22"',
    ]);
    expect([...dated('Autumn 2026'), ...dated('2026-11-22'), ...dated('2026-12')]).toEqual([]);
  });

  it('rejects a bad color and a bad id with the rule in the message', () => {
    const source = `title: A vs B
contenders:
  - { id: A, name: Alpha, color: red }
  - { id: b, name: Beta, color: "#ff6f00" }
sections: []
`;
    expect(diagnose(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:3:11 error[invalid-value]: "id": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "A"",
        "outline.yaml:3:34 error[invalid-value]: "color": a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"; got "red"",
        "outline.yaml:5:11 error[invalid-value]: "sections" needs at least one item",
      ]
    `);
  });

  it('hints at the value, not at a # read as a comment, for a color written as a word', () => {
    const source = `${HEAD.replace('color: "#d00000"', 'color: brownish')}sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n`;
    expect(printed(source)).toEqual([
      'outline.yaml:3:34 error[invalid-value]: "color": a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"; got "brownish"\n' +
        '  hint: Write # and 6 hex digits in quotes instead of "brownish", e.g. color: "#1f6feb".',
    ]);
  });

  it('shows the mapping a list was meant as, a locale tag with its hyphen, and counts one character as one', () => {
    const body = 'sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n';
    const table = `${HEAD}sections:\n  - id: main\n    title: Main\n    slides:\n      - kind: comparison\n        title: T\n        rows:\n          - [Speed, Fast, Slow]\n`;
    expect([
      ...printed(`${HEAD}${body}profiles: [meetup, long]\n`),
      ...printed(table),
      ...printed(`${HEAD}lang: pt_BR\n${body}`),
      ...printed(`${HEAD.replace('name: Alpha', `name: ${'A'.repeat(41)}`)}${body}`),
    ]).toEqual([
      'outline.yaml:8:11 error[wrong-type]: "profiles" must be a mapping, not a list\n' +
        '  hint: Write it as a mapping, each name followed by its fields: profiles: { meetup: { … }, long: { … } }',
      'outline.yaml:14:13 error[wrong-type]: table row 1 must be a mapping, not a list\n' +
        '  hint: Write a table row as a mapping: { aspect: Speed, cells: { a: Fast, b: Slow } }',
      'outline.yaml:7:7 error[invalid-value]: "lang": a BCP 47 tag such as "en"; got "pt_BR"\n' +
        '  hint: Write it with a hyphen: lang: pt-BR',
      `outline.yaml:3:20 error[invalid-value]: "name" is 41 characters long; at most 40 fit here on a slide (CJK characters count twice)\n` +
        '  hint: Cut 1 character or more, and say the detail in the notes instead.',
    ]);
  });

  it("names an item by its title or place, not its zero-based path, and hints with the author's own values", () => {
    const slides = (slide: string) => `${HEAD}sections:\n  - id: main\n    title: Main\n    slides:\n${slide}`;
    expect([
      ...printed(
        slides(
          '      - { kind: chart, title: Caffeine per cup, metric: { title: Caffeine, unit: mg, higherIsBetter: false } }\n',
        ),
      ),
      ...printed(
        slides('      - { kind: bullets, title: B, bullets: [x] }\n')
          .replace('id: a,', 'id: green tea,')
          .replace('id: b,', 'id: Beta_Two,'),
      ),
      ...printed(
        slides(
          '      - kind: comparison\n        title: T\n        rows:\n          - aspect: Speed\n            cells:\n              - a: Fast\n              - b: Slow\n',
        ),
      ),
    ]).toEqual([
      'outline.yaml:11:9 error[invalid-value]: slide "Caffeine per cup": a chart needs its numbers: "values" (one bar per contender) or "groups" (several bars each)\n' +
        '  hint: Add values: { <contender id>: <number>, … }, or groups: [{ label: …, values: { … } }, …].',
      'outline.yaml:3:11 error[invalid-value]: "id": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "green tea"\n' +
        '  hint: Write it in lowercase with dashes between words: id: green-tea, and name it so where the outline uses it.',
      'outline.yaml:4:11 error[invalid-value]: "id": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "Beta_Two"\n' +
        '  hint: Write it in lowercase with dashes between words: id: beta-two, and name it so where the outline uses it.',
      'outline.yaml:15:13 error[wrong-type]: "cells" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
        '  hint: Write the entries as one mapping, without the "- ": cells: { a: Fast, b: Slow }',
    ]);
  });

  it('tells "agenda: true" how to ask for an agenda: an empty mapping', () => {
    const body = 'sections: [{ id: main, title: Main, slides: [{ kind: bullets, title: B, bullets: [x] }] }]\n';
    expect(printed(`${HEAD}agenda: true\n${body}`)).toEqual([
      'outline.yaml:7:9 error[wrong-type]: "agenda" must be a mapping (title, notes, privateNotes, minutes) or false, not boolean true\n' +
        '  hint: For an agenda with its defaults, even in a talk of one section, write an empty mapping: agenda: {}; set title, notes, privateNotes, minutes in it to change them, or write false for none.',
    ]);
  });

  it('hints at one contender or a tie for a verdict written as a list, not at paragraphs of text', () => {
    const row = (verdict: string) =>
      `${HEAD}sections:\n  - id: main\n    title: Main\n    slides:\n      - kind: comparison\n        title: T\n        rows:\n          - { aspect: Speed, cells: { a: Fast, b: Slow }, verdict: ${verdict} }\n`;
    expect([...printed(row('[a, b]')), ...printed(row('[a]'))]).toEqual([
      'outline.yaml:14:68 error[wrong-type]: "verdict" must be text, not a list\n' +
        '  hint: A verdict names one winning contender by its id, verdict: a, or a tie between them: verdict: tie',
      'outline.yaml:14:68 error[wrong-type]: "verdict" must be text, not a list\n' +
        '  hint: A verdict names one winning contender by its id, without brackets: verdict: a',
    ]);
  });
});

describe('reference errors', () => {
  it('finds too few contenders, missing and unknown cells, unknown sources and duplicate ids', () => {
    const source = `title: Solo
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
sources:
  - { id: s1, title: One }
sections:
  - id: main
    title: Main
    slides:
      - kind: comparison
        id: main
        title: Table
        sources: [s2]
        rows:
          - aspect: Speed
            cells: { a: Fast, c: Slow }
            verdict: z
`;
    expect(diagnose(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:3:3 error[too-few-contenders]: a comparison needs at least two contenders, found 1, but the slides also name "c"",
        "outline.yaml:11:13 error[duplicate-id]: section or slide id "main" is used twice (first at outline.yaml:7:9)",
        "outline.yaml:13:19 error[unknown-source]: source "s2" is not listed under "sources"",
        "outline.yaml:17:22 error[unknown-contender]: "z" is not a contender",
      ]
    `);
  });

  it('tells a contender left out once, at "contenders", with the id the slides name, not at each reference', () => {
    const source = `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
sections:
  - id: main
    title: Main
    slides:
      - kind: comparison
        title: Table
        rows:
          - { aspect: Speed, cells: { a: Fast, b: Slow }, verdict: b }
          - { aspect: Size, cells: { a: Big, b: Small } }
      - kind: decision
        title: Choose
        choices: [{ contender: b, when: [You want small] }]
`;
    const parsed = parseOutlineText(source, 'outline.yaml');
    const result = validateOutline(parsed);
    expect(result.ok ? [] : result.diagnostics.map(formatDiagnostic)).toEqual([
      'outline.yaml:3:3 error[too-few-contenders]: a comparison needs at least two contenders, found 1, but the slides also name "b"\n' +
        '  hint: Add "b" under "contenders" with an id, a name and a color: - { id: b, name: …, color: "#…" }',
    ]);
  });

  it('tells a contender id copied from the one above once, not at each reference to the id it lost', () => {
    const source = `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
  - { id: a, name: Beta, color: "#ff6f00" }
sections:
  - id: main
    title: Main
    slides:
      - kind: comparison
        title: Table
        rows:
          - { aspect: Speed, cells: { a: Fast, b: Slow }, verdict: b }
          - { aspect: Size, cells: { a: Big, c: Small } }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:4:11 error[duplicate-id]: contender id "a" is used twice (first at outline.yaml:3:11)\n' +
        '  hint: Ids must be unique: the outline names "b", which no contender has; write id: b here if this one is it.',
      'outline.yaml:13:46 error[unknown-contender]: "c" is not a contender\n  hint: Contenders are: a.',
    ]);
  });

  it('tells a contender id changed while the slides still name the old one once, at the id', () => {
    const source = `title: A vs B
contenders:
  - { id: a, name: Alpha, color: "#d00000" }
  - { id: 큐드런트, name: Qdrant, color: "#ff6f00" }
sections:
  - id: main
    title: Main
    slides:
      - kind: comparison
        title: Table
        rows:
          - { aspect: Speed, cells: { a: Fast, qdrant: Slow }, verdict: qdrant }
          - { aspect: Size, cells: { a: Big, qdrant: Small } }
      - { kind: decision, title: Pick, choices: [{ contender: qdrant, when: [Scale] }, { contender: a, when: [Cost] }] }
`;
    expect(printed(source)).toEqual([
      'outline.yaml:4:11 error[unknown-contender]: no slide names contender "큐드런트", while the slides name "qdrant" 4 times, which is no contender\'s id: was the id changed?\n' +
        '  hint: Give it back its id (id: qdrant), or write "큐드런트" for each "qdrant" in the slides.',
    ]);
    // Named once, it is a slip told at its place, not a changed id.
    const once = printed(
      source.replace(/qdrant: Small|contender: qdrant|verdict: qdrant/g, (m) => m.replace('qdrant', '큐드런트')),
    );
    expect(once).toContainEqual(
      expect.stringMatching(/^outline\.yaml:12:48 error\[unknown-contender\]: "qdrant" is not a contender/),
    );
    expect(once.join('\n')).not.toContain('was the id changed');
  });

  it('checks profiles: default profile, tags and ids', () => {
    const source = `${ONE_SECTION}      - { kind: bullets, title: Hi, bullets: [x], tags: [core] }
profiles:
  talk: { only: [cor], skip: [mian] }
defaultProfile: tlak
`;
    expect(diagnose(source)).toMatchInlineSnapshot(`
      [
        "outline.yaml:13:18 error[unknown-tag]: no section or slide is tagged "cor" (did you mean "core"?)",
        "outline.yaml:13:31 error[unknown-id]: no section or slide has the id "mian" (did you mean "main"?)",
        "outline.yaml:14:17 error[unknown-profile]: default profile "tlak" is not defined (did you mean "talk"?)",
      ]
    `);
  });
});
