/**
 * The lint rules of `versus check`, one by one, on small outlines written to
 * temporary files: each finding's code, severity, message, slide and exact
 * file:line:col, and a clean outline that has none of them. Overflow needs a
 * browser and is covered by fit.browser.test.ts and check-cli.test.ts.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CheckOptions,
  type CheckReport,
  checkOutline,
  type Finding,
  formatCheckReport,
} from '../src/commands/check.js';
import { readsAsWords } from '../src/lint/rules.js';
import { versusInProcess } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('lint');

/** A talk with notes everywhere, every claim cited, every source used, readable colors and time to spare. */
const CLEAN = `title: Tea vs Coffee
duration: 3
notes: Welcome everyone.
agenda: { notes: The route in one sentence. }
references: { notes: Where to read more. }
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sources:
  - id: guide
    title: The Beverage Guide
    url: https://example.org/guide
sections:
  - id: basics
    title: The basics
    notes: Start with what they are.
    slides:
      - kind: bullets
        title: What they are
        bullets: [Tea is steeped leaves, Coffee is brewed beans]
        sources: [guide]
        notes: Keep this short.
      - kind: comparison
        title: Head to head
        notes: Walk through the rows.
        rows:
          - aspect: Caffeine
            cells: { tea: Less, coffee: More }
            sources: [guide]
      - kind: timeline
        title: History
        sources: [guide]
        notes: Some dates are legends.
        events:
          - { when: "2737 BC", text: Legend of the first cup }
      - kind: pros-cons
        title: Pros and cons
        notes: Balance matters.
        pros: { tea: [Gentle], coffee: [Strong] }
        cons: { tea: [Weak], coffee: [Jitters] }
      - kind: quote
        title: Questions
        text: Questions?
        notes: Take questions.
`;

/** Title, agenda, one divider, five slides, references; a quarter minute each (short notes). */
const CLEAN_SLIDES = 9;
const CLEAN_MINUTES = 2.25;

/** `text` with each [from, to] replacement made, failing when `from` is not there (so a variant never silently equals CLEAN). */
function edit(text: string, ...replacements: [string, string][]): string {
  return replacements.reduce((result, [from, to]) => {
    if (!result.includes(from)) throw new Error(`"${from}" is not in the outline`);
    return result.replace(from, to);
  }, text);
}

async function check(text: string, options: CheckOptions = {}): Promise<{ file: string; report: CheckReport }> {
  const file = await temp.write('talk.yaml', text);
  return { file, report: await checkOutline(file, { ...options, measure: false }) };
}

/** Findings in file order, so that tests do not depend on the order rules run in. */
function byPosition(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

describe('a clean outline', () => {
  it('has no findings, fits its budget, and is ok', async () => {
    const { file, report } = await check(CLEAN);
    expect(report).toEqual({
      file,
      slides: CLEAN_SLIDES,
      minutes: CLEAN_MINUTES,
      budget: 3,
      fits: true,
      findings: [],
      ok: true,
    });
  });
});

describe('missing-notes', () => {
  it('reports an authored slide without notes at the slide, with its number and title', async () => {
    const text = edit(CLEAN, ['        notes: Keep this short.\n', '']);
    const { file, report } = await check(text);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'missing-notes',
        message: 'slide 4 "What they are" has no speaker notes',
        hint: 'Add "notes:" to the slide: what you will say while it is up.',
        file,
        ...positionIn(text, 'kind: bullets'),
        slide: 4,
      },
    ]);
    expect(report.ok).toBe(true);
  });

  it('reports the generated slides without notes: title slide, agenda, divider and references', async () => {
    const text = edit(
      CLEAN,
      ['notes: Welcome everyone.\n', ''],
      // A talk of one section has an agenda only when the outline asks for one.
      ['agenda: { notes: The route in one sentence. }\n', 'agenda: { title: Today }\n'],
      ['references: { notes: Where to read more. }\n', ''],
      ['    notes: Start with what they are.\n', ''],
    );
    const { file, report } = await check(text);
    expect(byPosition(report.findings)).toEqual([
      {
        severity: 'warning',
        code: 'missing-notes',
        message: 'slide 1 "Tea vs Coffee" has no speaker notes',
        hint: 'Write the title slide\'s notes as "notes:" at the top of the outline.',
        file,
        ...positionIn(text, 'Tea vs Coffee'),
        slide: 1,
      },
      {
        severity: 'warning',
        code: 'missing-notes',
        message: 'slide 2 "Today" has no speaker notes',
        hint: 'Write them as "agenda: { notes: … }", or leave the agenda out with "agenda: false".',
        file,
        ...positionIn(text, '{ title: Today }'),
        slide: 2,
      },
      {
        severity: 'warning',
        code: 'missing-notes',
        message: `slide ${CLEAN_SLIDES} "References" has no speaker notes`,
        hint: 'Write them as "references: { notes: … }".',
        file,
        ...positionIn(text, '- id: guide'),
        slide: CLEAN_SLIDES,
      },
      {
        severity: 'warning',
        code: 'missing-notes',
        message: 'slide 3 "The basics" has no speaker notes',
        hint: 'Write them as the section\'s "notes:", or leave the dividers out with "dividers: false".',
        file,
        ...positionIn(text, 'id: basics'),
        slide: 3,
      },
    ]);
  });

  it('reports a slide split into continuation slides once, as its first part', async () => {
    const bullets = Array.from(
      { length: 30 },
      (_, i) => `          - Bullet ${i + 1} is long enough to take a whole line of the slide, or nearly`,
    ).join('\n');
    const text = edit(
      CLEAN,
      ['        bullets: [Tea is steeped leaves, Coffee is brewed beans]\n', `        bullets:\n${bullets}\n`],
      ['        notes: Keep this short.\n', ''],
    );
    const { file, report } = await check(text);
    expect(report.slides).toBeGreaterThan(CLEAN_SLIDES);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'missing-notes',
        message: expect.stringMatching(/^slide 4 "What they are \(1\/\d\)" has no speaker notes$/),
        hint: 'Add "notes:" to the slide: what you will say while it is up.',
        file,
        ...positionIn(text, 'kind: bullets'),
        slide: 4,
      },
    ]);
  });
  it('reports the continuation slides left without notes when the notes have fewer paragraphs than parts, once', async () => {
    const bullets = Array.from(
      { length: 30 },
      (_, i) => `          - Bullet ${i + 1} is long enough to take a whole line of the slide, or nearly`,
    ).join('\n');
    const withBullets = edit(CLEAN, [
      '        bullets: [Tea is steeped leaves, Coffee is brewed beans]\n',
      `        bullets:\n${bullets}\n`,
    ]);
    const { report: oneParagraph } = await check(withBullets);
    const parts = oneParagraph.slides - CLEAN_SLIDES + 1;
    expect(parts).toBeGreaterThan(1);
    expect(parts).toBeGreaterThan(2);
    expect(oneParagraph.findings.map((f) => [f.code, f.slide, f.message])).toEqual([
      [
        'missing-notes',
        5,
        `slides 5–${3 + parts} of "What they are": ${parts - 1} of its parts have no speaker notes, as its notes have fewer paragraphs than parts; add one, after a blank line, for what to say on each`,
      ],
    ]);
    // With a paragraph for all but the last part, the last one is told by itself.
    const allButOne = Array.from({ length: parts - 1 }, (_, i) => `Part ${i + 1}.`).join('\n\n');
    const lastWithout = edit(withBullets, [
      '        notes: Keep this short.\n',
      `        notes: "${allButOne.replaceAll('\n', '\\n')}"\n`,
    ]);
    expect((await check(lastWithout)).report.findings.map((f) => f.message)).toEqual([
      `slide ${3 + parts} "What they are (${parts}/${parts})" has no speaker notes: the slide's notes have fewer paragraphs than parts; add one, after a blank line, for what to say here`,
    ]);
    const paragraphs = Array.from({ length: parts }, (_, i) => `Part ${i + 1}.`).join('\n\n');
    const enough = edit(withBullets, [
      '        notes: Keep this short.\n',
      `        notes: "${paragraphs.replaceAll('\n', '\\n')}"\n`,
    ]);
    expect((await check(enough)).report.findings).toEqual([]);
  });
});

describe('missing-source', () => {
  it('reports bullets, comparison and timeline slides that cite nothing, and not other kinds', async () => {
    const text = edit(
      CLEAN,
      ['        sources: [guide]\n        notes: Keep this short.', '        notes: Keep this short.'],
      ['            sources: [guide]\n', ''],
      ['        sources: [guide]\n        notes: Some dates are legends.', '        notes: Some dates are legends.'],
      // The source stays in use, cited by the quote.
      ['        text: Questions?\n', '        text: Questions?\n        sources: [guide]\n'],
    );
    const { file, report } = await check(text);
    const finding = (slide: number, title: string, kind: string, at: string) => ({
      severity: 'warning',
      code: 'missing-source',
      message: `slide ${slide} "${title}" (${kind}) cites no source`,
      file,
      ...positionIn(text, at),
      slide,
    });
    expect(byPosition(report.findings)).toEqual([
      finding(4, 'What they are', 'bullets', 'kind: bullets'),
      finding(5, 'Head to head', 'comparison', 'kind: comparison'),
      finding(6, 'History', 'timeline', 'kind: timeline'),
    ]);
  });

  it("leaves the talk's closing list of takeaways alone, the speaker's advice, but not the same list before the end", async () => {
    const takeaways = `      - kind: bullets
        title: Takeaways
        notes: Sum up.
        bullets: [Taste both, Measure your own cups]
`;
    const quote =
      '      - kind: quote\n        title: Questions\n        text: Questions?\n        notes: Take questions.\n';
    const last = await check(`${CLEAN}${takeaways}`);
    expect(last.report.findings.filter((f) => f.code === 'missing-source')).toEqual([]);
    const before = await check(edit(CLEAN, [quote, `${takeaways}${quote}`]));
    expect(before.report.findings.filter((f) => f.code === 'missing-source').map((f) => f.message)).toEqual([
      'slide 8 "Takeaways" (bullets) cites no source',
    ]);
  });

  it('counts a source cited by a table row as cited by the slide', async () => {
    const text = edit(CLEAN, [
      '        sources: [guide]\n        notes: Keep this short.',
      '        notes: Keep this short.',
    ]);
    const { report } = await check(text);
    expect(report.findings.map((f) => `${f.code} ${f.slide}`)).toEqual(['missing-source 4']);
  });
});

describe('solution-in-words', () => {
  const workshop = (exercise: string) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: code
        title: Brewing
        notes: Read it out.
        panes: [{ contender: tea, language: python, code: "steep(3)" }]
${exercise}      - kind: quote
`,
    ]);
  const discussion = `      - kind: exercise
        title: Your cup
        notes: Two minutes.
        task: [Say which one you drink, and why]
        solution: There is no right answer here, only reasons worth hearing.
`;

  it("reports a solution in words that the talk's code language would take as code, at the solution", async () => {
    const text = workshop(discussion);
    const { report } = await check(text);
    const found = report.findings.filter((f) => f.code === 'solution-in-words');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      message:
        'the solution of "Exercise 1: Your cup" reads as words, yet it is taken as python code (the language of the talk\'s code panes): the kit shows it as code, and check --run runs it',
      hint: 'Write language: text on the exercise for an answer in words.',
      ...positionIn(text, 'There is no right answer'),
    });
  });

  it("counts words as the talk's language splits them: Japanese writes no spaces", () => {
    expect(readsAsWords('正解は一つではありません。デプロイ先から考えましょう。', 'ja')).toBe(true);
    expect(readsAsWords('There is no right answer here, only reasons.', 'en')).toBe(true);
    expect(readsAsWords('print("There is no right answer here, only reasons.")', 'en')).toBe(false);
    expect(readsAsWords('A short answer.', 'en')).toBe(false);
  });

  it('says nothing once the exercise is in words, or for code', async () => {
    const said = edit(discussion, ['        task:', '        language: text\n        task:']);
    const code = edit(discussion, [
      'There is no right answer here, only reasons worth hearing.',
      'print(sorted(["tea", "coffee"]))',
    ]);
    for (const exercise of [said, code]) {
      const { report } = await check(workshop(exercise));
      expect(report.findings.filter((f) => f.code === 'solution-in-words')).toEqual([]);
    }
  });
});

describe('starter-is-solution', () => {
  const exercise = (starter: string, solution: string) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: exercise
        title: Steep it
        notes: Five minutes.
        language: python
        task: [Steep the leaves for three minutes]
        starter: |
${starter}
        solution: |
${solution}
      - kind: quote
`,
    ]);
  const indented = (code: string) => code.replace(/^/gm, '          ');

  it('reports a starter that is its solution, at the starter: attendees would get the answer', async () => {
    const text = exercise(
      indented('steep(leaves, minutes=3)\nprint("done")'),
      indented('steep(leaves, minutes=3)  \n\nprint("done")'),
    );
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'starter-is-solution')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'the starter of "Exercise 1: Steep it" is its solution: attendees get the answer in their notebook, files and handout',
        ...positionIn(text, '|', 'starter:'),
      }),
    ]);
  });

  it('is a warning of the build too, whose verdict is then no success: what it hands out gives the answer away', async () => {
    const file = await temp.write('talk.yaml', exercise(indented('steep(3)'), indented('steep(3)')));
    const built = await versusInProcess(['build', file, '-f', 'md', '--out', path.join(path.dirname(file), 'out')]);
    expect(built.stderr).toContain(
      'warning[starter-is-solution]: the starter of "Exercise 1: Steep it" is its solution',
    );
    expect(built.stdout).toMatch(/^⚠ /);
  });

  it('reports a starter that differs from its solution only in its comments', async () => {
    const text = exercise(indented('# Your turn\nsteep(3)'), indented('# The answer\nsteep(3)'));
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'starter-is-solution')).toHaveLength(1);
  });

  it('says nothing of a starter that leaves the work to the attendees', async () => {
    const text = exercise(indented('steep(leaves, minutes=...)  # TODO'), indented('steep(leaves, minutes=3)'));
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'starter-is-solution')).toEqual([]);
  });
});

describe('comma-in-list', () => {
  const exercise = (task: string, lang = '') =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: exercise
        title: Your cup
        notes: Two minutes.
        solution: Any answer with a reason.
${task}      - kind: quote
`,
    ]).replace('title: Tea vs Coffee\n', `title: Tea vs Coffee\n${lang}`);

  it('reports an item that reads as the end of the one before it, cut at a comma inside [ … ]', async () => {
    const text = exercise('        task: [Say which one you drink, and why]\n');
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'comma-in-list')).toEqual([
      {
        severity: 'warning',
        code: 'comma-in-list',
        message:
          'task[1] "and why" reads as the end of task[0] "Say which one you drink": inside [ … ] a comma ends an item, so the slide shows them as two',
        hint: 'Quote an item that holds a comma: "Say which one you drink, and why"',
        file: expect.any(String),
        ...positionIn(text, 'and why'),
        slide: expect.any(Number),
      },
    ]);
  });

  it("reads the joining words of the talk's language", async () => {
    const text = exercise('        task: [Sag, welchen du trinkst, und warum]\n', 'lang: de\n');
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'comma-in-list').map((f) => f.message)).toEqual([
      'task[2] "und warum" reads as the end of task[1] "welchen du trinkst": inside [ … ] a comma ends an item, so the slide shows them as two',
    ]);
  });

  it('reports a list in brackets that a full-width or Arabic comma left one item, in any language', async () => {
    for (const [task, hint] of [
      ['        task: [打开文件，运行程序]\n', 'Write ASCII commas between the items: [打开文件, 运行程序]'],
      ['        task: [حمّل الملف، شغّل البرنامج]\n', 'Write ASCII commas between the items: [حمّل الملف, شغّل البرنامج]'],
    ] as const) {
      const text = exercise(task);
      const { report } = await check(text);
      expect(report.findings.filter((f) => f.code === 'comma-in-list').map((f) => f.hint)).toEqual([hint]);
    }
    // The same text on a line of its own, or in quotes, is one step as written.
    for (const task of [
      '        task:\n          - 打开文件，运行程序\n',
      '        task: ["حمّل الملف، وإن كان كبيرًا"]\n',
    ]) {
      const { report } = await check(exercise(task));
      expect(report.findings.filter((f) => f.code === 'comma-in-list')).toEqual([]);
    }
  });

  it('reports items that a parenthesis holds together, cut at its commas, once, at the item that opens it', async () => {
    const text = exercise('        task: [Try every kind (green, black, or oolong) you like, Pick one]\n');
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'comma-in-list')).toEqual([
      {
        severity: 'warning',
        code: 'comma-in-list',
        message:
          'task[0] "Try every kind (green" opens a parenthesis that task[2] "or oolong) you like" closes: inside [ … ] a comma ends an item, so the slide shows them as 3 items',
        hint: 'Quote an item that holds a comma: "Try every kind (green, black, or oolong) you like"',
        file: expect.any(String),
        ...positionIn(text, 'Try every'),
        slide: expect.any(Number),
      },
    ]);
  });

  it('says nothing of items on lines of their own, after a full stop, or that start otherwise', async () => {
    for (const task of [
      '        task:\n          - Say which one you drink\n          - and why\n',
      '        task: [Say which one you drink., and why]\n',
      '        task: [Say which one you drink, Explain why]\n',
      '        task: ["Say which one you drink, and why"]\n',
      '        task: [Say which one you drink, "and why"]\n',
      '        task: [Boil water (not too hot), Steep (three minutes)]\n',
      '        task: [Slow builds :(, Great docs :)]\n',
      '        task:\n          - Try every kind (green\n          - black)\n',
    ]) {
      const { report } = await check(exercise(task));
      expect(
        report.findings.filter((f) => f.code === 'comma-in-list'),
        task,
      ).toEqual([]);
    }
  });
});

describe('unused-run-language', () => {
  const withRun = (run: string) =>
    edit(
      CLEAN,
      ['contenders:', `run: ${run}\ncontenders:`],
      [
        '      - kind: quote\n',
        `      - kind: code
        title: Brewing, scripted
        notes: The same in code.
        panes: [{ contender: tea, language: py, code: "steep(3)" }]
      - kind: quote
`,
      ],
    );

  it('reports set-up code and a runner for a language no code is in, with the one likely meant', async () => {
    const text = withRun('{ setup: { pyhton: "import os" }, runners: { pyhton: /usr/bin/python3, ruby: ruby } }');
    const { report } = await check(text);
    const found = report.findings.filter((f) => f.code === 'unused-run-language');
    expect(found.map((f) => [f.message, f.line, f.hint])).toEqual([
      [
        'run.setup.pyhton is set-up code for "pyhton", a language no code of the talk is in (did you mean "python"?): it runs before no block and starts no notebook',
        positionIn(text, 'pyhton').line,
        'Name the language as the panes and exercises do: python.',
      ],
      [
        'run.runners.pyhton names a runner for "pyhton", a language no code of the talk is in (did you mean "python"?): it runs nothing',
        positionIn(text, 'pyhton').line,
        'Name the language as the panes and exercises do: python.',
      ],
      [
        'run.runners.ruby names a runner for "ruby", a language no code of the talk is in: it runs nothing',
        positionIn(text, 'pyhton').line,
        'Name the language as the panes and exercises do: python.',
      ],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('says nothing of a language under any of its names (python for py)', async () => {
    const { report } = await check(withRun('{ setup: { python: "import os" }, runners: { py: python3 } }'));
    expect(report.findings.filter((f) => f.code === 'unused-run-language')).toEqual([]);
  });

  it('fails check --run on a --runner for a language no code is in, naming the flag', async () => {
    const { stdout, code } = await versusInProcess([
      'check',
      await temp.write('talk.yaml', withRun('{}')),
      '--no-measure',
      '--run',
      '--runner',
      'pyhton=python3',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '--runner pyhton error[unused-run-language]: --runner pyhton=… names a runner for "pyhton", a language no code of the talk is in (did you mean "python"?)',
    );
  });
});

describe('exercise-language', () => {
  const withPanes = (languages: string[]) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: code
        title: Brewing, scripted
        notes: The same in code.
        panes: [${languages.map((language, i) => `{ contender: ${i ? 'coffee' : 'tea'}, language: ${language}, code: "x" }`).join(', ')}]
      - kind: exercise
        title: Brew it
        notes: Five minutes.
        task: [Brew a cup]
        solution: "brew()"
      - kind: quote
`,
    ]);

  it('reports an exercise without a language in a talk whose code is in two', async () => {
    const text = withPanes(['python', 'go']);
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'exercise-language')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          "exercise \"Brew it\" names no language, so it is taken to be in python, the talk's first pane's, though the talk's code is in python, go: its notebook cell or file and check --run follow that",
        ...positionIn(text, 'Brew it'),
      }),
    ]);
  });

  it('says nothing when the other language is a shell’s (pip install beside the code)', async () => {
    const { report } = await check(withPanes(['python', 'bash']));
    expect(report.findings.filter((f) => f.code === 'exercise-language')).toEqual([]);
  });
});

describe('unselected-tag', () => {
  const tagged = (tag: string) =>
    edit(
      CLEAN,
      ['contenders:', 'profiles: { talk: { skip: [basics] }, workshop: { only: [workshop] } }\ncontenders:'],
      ['        title: History\n', '        title: History\n        tags: [workshop]\n'],
      ['        title: Questions\n', `        title: Questions\n        tags: [${tag}]\n`],
    );

  it('reports a tag a letter or two from one a profile selects, at the tag', async () => {
    const text = tagged('worskhop');
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'unselected-tag')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'slide "Questions" is tagged "worskhop", which no profile selects (did you mean "workshop"?): the profiles that select "workshop" (workshop) leave it out',
        hint: 'Write "workshop", or name "worskhop" in a profile\'s only: if it is a tag of its own.',
        ...positionIn(text, 'worskhop]'),
      }),
    ]);
  });

  it('says nothing of a selected tag, nor of one unlike any', async () => {
    for (const tag of ['workshop', 'advanced']) {
      const { report } = await check(tagged(tag));
      expect(report.findings.filter((f) => f.code === 'unselected-tag')).toEqual([]);
    }
  });
});

describe('unknown-language', () => {
  const withCode = (panes: string) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: code
        title: Brewing, scripted
        notes: The same in code.
        panes: ${panes}
      - kind: quote
`,
    ]);

  it('reports a language neither highlight.js nor versus knows, at its line, with the name it was likely meant to be', async () => {
    const text = withCode(
      '[{ contender: tea, language: pyhton, code: "steep(3)" }, { contender: coffee, language: Kobold, code: "brew" }]',
    );
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code === 'unknown-language')).toEqual([
      {
        severity: 'warning',
        code: 'unknown-language',
        message: expect.stringMatching(
          /^"pyhton" is not a language versus knows \(did you mean "python"\?\): slide \d+ "Brewing, scripted" shows its code without highlighting/,
        ),
        hint: 'Name the language as highlight.js does (python, javascript or js, typescript or ts, bash…), or text for plain text.',
        file: expect.any(String),
        ...positionIn(text, 'pyhton'),
        slide: expect.any(Number),
      },
      expect.objectContaining({ message: expect.stringMatching(/^"Kobold" is not a language versus knows: slide/) }),
    ]);
  });

  it("says nothing of highlight.js's names and aliases in any case, nor of languages versus writes files for", async () => {
    const panes = ['PYTHON', 'ts', 'c++', 'html', 'vue', 'svelte', 'zig', 'text'].map(
      (language, i) => `{ contender: ${i % 2 ? 'coffee' : 'tea'}, language: ${language}, code: "x" }`,
    );
    const { report } = await check(withCode(`[${panes.join(', ')}]`));
    expect(report.findings.filter((f) => f.code === 'unknown-language')).toEqual([]);
    // Of these, only the languages highlight.js has no grammar for show unhighlighted, each told once.
    expect(
      report.findings.filter((f) => f.code === 'unhighlighted-language').map((f) => f.message.split(' shows')[1]),
    ).toEqual([
      ' its vue code without highlighting: highlight.js has no grammar for "vue" (exercise files and check --run still work)',
      ' its svelte code without highlighting: highlight.js has no grammar for "svelte" (exercise files and check --run still work)',
      ' its zig code without highlighting: highlight.js has no grammar for "zig" (exercise files and check --run still work)',
    ]);
  });
});

describe('unhighlighted-language', () => {
  it('reports a language versus knows and highlight.js does not once per talk, at its first pane, counting the others', async () => {
    const pane = (contender: string, language: string) =>
      `{ contender: ${contender}, language: ${language}, code: "x" }`;
    const text = edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: code
        title: Zig first
        notes: The same in Zig.
        panes: [${pane('tea', 'zig')}, ${pane('coffee', 'python')}]
      - kind: code
        title: Zig again
        notes: And again.
        panes: [${pane('tea', 'Zig')}, ${pane('coffee', 'zig')}]
      - kind: quote
`,
    ]);
    const { report } = await check(text);
    expect(report.findings.filter((f) => f.code.endsWith('-language'))).toEqual([
      {
        severity: 'warning',
        code: 'unhighlighted-language',
        message: expect.stringMatching(
          /^slide \d+ "Zig first" shows its zig code without highlighting, as do 2 other panes: highlight.js has no grammar for "zig" \(exercise files and check --run still work\)$/,
        ),
        hint: 'Leave it if plain code will do: exercise files are named .zig, and check --run runs it with a runner for zig (run.runners or --runner zig=…).',
        file: expect.any(String),
        ...positionIn(text, 'zig'),
        slide: expect.any(Number),
      },
    ]);
  });
});

describe('unshown-notes', () => {
  /** The clean outline with private notes for the References slide, and no sources. */
  const uncited = edit(
    CLEAN.replace(/^ *sources: \[guide\]\n/gm, ''),
    ['sources:\n  - id: guide\n    title: The Beverage Guide\n    url: https://example.org/guide\n', ''],
    [
      'references: { notes: Where to read more. }',
      'references: { notes: Where to read more., privateNotes: Mention the book. }',
    ],
  );

  it('reports the References notes and private notes when the outline lists no sources, at each', async () => {
    const { report } = await check(uncited);
    const found = report.findings.filter((f) => f.code === 'unshown-notes');
    expect(found.map((f) => [f.severity, f.message, f.line, f.col])).toEqual([
      [
        'warning',
        'references has notes for the References slide, but the outline lists no sources, so the talk has no References slide: they are in no output',
        positionIn(uncited, 'Where to read').line,
        positionIn(uncited, 'Where to read').col,
      ],
      [
        'warning',
        expect.stringContaining('references has private notes'),
        positionIn(uncited, 'Mention').line,
        positionIn(uncited, 'Mention').col,
      ],
    ]);
    expect((await check(CLEAN)).report.findings.filter((f) => f.code === 'unshown-notes')).toEqual([]);
  });

  it('is a warning of the build too, whose verdict is then no success', async () => {
    const file = await temp.write('talk.yaml', uncited);
    const built = await versusInProcess(['build', file, '-f', 'md', '--out', path.join(path.dirname(file), 'out')]);
    expect(built.stderr).toContain('warning[unshown-notes]: references has private notes');
    expect(built.stdout).toMatch(/^⚠ /);
  });
});

describe('unshown-section-field', () => {
  /** The clean outline without dividers, its section's notes followed by `more` of its fields. */
  const withoutDividers = (more: string) =>
    edit(
      CLEAN,
      ['sections:\n', 'dividers: false\nsections:\n'],
      ['    notes: Start with what they are.\n', `    notes: Start with what they are.\n${more}`],
    );

  it('reports, with "dividers: false", the section notes, private notes and minutes no slide shows, at each', async () => {
    const text = withoutDividers('    privateNotes: Skip if late.\n    minutes: 1\n');
    const { report } = await check(text);
    const found = report.findings.filter((f) => f.code === 'unshown-section-field');
    expect(found.map((f) => [f.message, f.line, f.col])).toEqual([
      [
        'section "The basics" has notes, which its divider slide would show, but the outline has "dividers: false": they are in no output',
        positionIn(text, 'Start with').line,
        positionIn(text, 'Start with').col,
      ],
      [expect.stringContaining('has private notes'), positionIn(text, 'Skip if').line, positionIn(text, 'Skip if').col],
      [
        expect.stringContaining("has minutes (its divider's speaking time)"),
        positionIn(text, '1\n    slides').line,
        expect.any(Number),
      ],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('is a warning of the build too, whose verdict is then no success', async () => {
    const text = withoutDividers('    privateNotes: Skip if late.\n');
    const file = await temp.write('talk.yaml', text);
    const built = await versusInProcess(['build', file, '-f', 'md', '--out', path.join(path.dirname(file), 'out')]);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain('warning[unshown-section-field]: section "The basics" has private notes');
    expect(built.stdout).toMatch(/^⚠ /);
  });

  it('says nothing when the dividers show them', async () => {
    const shown = edit(CLEAN, [
      '    notes: Start with what they are.\n',
      '    notes: Start.\n    minutes: 1\n    summary: What.\n',
    ]);
    expect((await check(shown)).report.findings).toEqual([]);
  });

  it('tells of a summary though the talk has an agenda, which lists the sections’ titles only', async () => {
    const summary = edit(CLEAN, ['    notes: Start with what they are.\n', '    summary: What they are.\n']);
    const { report } = await check(edit(summary, ['sections:\n', 'dividers: false\nsections:\n']));
    expect(report.findings.filter((f) => f.code === 'unshown-section-field').map((f) => f.message)).toEqual([
      'section "The basics" has a summary, which its divider slide would show, but the outline has "dividers: false": they are in no output',
    ]);
  });
});

describe('untranslated-language', () => {
  it('says once, at lang, that the words versus adds are English in a language it has no words in', async () => {
    const persian = edit(CLEAN, ['title: ', 'lang: fa\ntitle: ']);
    const found = (await check(persian)).report.findings.filter((f) => f.code === 'untranslated-language');
    expect(found.map((f) => [f.severity, f.line, f.col])).toEqual([['warning', positionIn(persian, 'fa').line, 7]]);
    expect(found[0]?.message).toContain('versus has no words in "fa"');
    const taiwan = (await check(edit(CLEAN, ['title: ', 'lang: zh-TW\ntitle: ']))).report.findings;
    expect(taiwan.find((f) => f.code === 'untranslated-language')?.message).toContain(
      'in simplified Chinese characters',
    );
    for (const text of [
      edit(CLEAN, ['title: ', 'lang: he\ntitle: ']),
      edit(CLEAN, ['title: ', 'lang: en-GB\ntitle: ']),
      edit(CLEAN, ['title: ', 'lang: zh-CN\ntitle: ']),
      edit(CLEAN, ['title: ', 'lang: fa\nlabels: { agenda: دستور کار }\ntitle: ']),
    ]) {
      expect((await check(text)).report.findings.map((f) => f.code)).not.toContain('untranslated-language');
    }
  });
});

describe('left-out', () => {
  it('says what the outline asks for that shows nowhere: a section without slides, a contender without pros or cons, a chart without a value', async () => {
    const text = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6d4c41" }
  - { id: mate, name: Mate, color: "#1f6feb" }
sections:
  - id: later
    title: Later
    slides: []
  - id: main
    title: Main
    slides:
      - kind: pros-cons
        title: Each
        pros: { tea: [Calm] }
        cons: { coffee: [Jitters] }
      - kind: chart
        title: Cups
        metric: { title: Cups, higherIsBetter: true }
        values: { tea: 0, coffee: null }
`;
    const found = (await check(text)).report.findings.filter((f) => f.code === 'left-out');
    expect(found.map((f) => [f.message, f.line])).toEqual([
      ['section "Later" has no slides: it shows nowhere, neither as a divider nor on the agenda', 9],
      ['slide 3 "Each" has no pros or cons for Mate: its column is left out', 13],
      ['slide 4 "Cups" has no value to draw: every bar is zero or "n/a"', 20],
    ]);
  });

  it('says which contender has pros and no cons (or the other way) where others have both', async () => {
    const text = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6d4c41" }
  - { id: mate, name: Mate, color: "#1f6feb" }
sections:
  - id: main
    title: Main
    slides:
      - kind: pros-cons
        title: Each
        pros: { tea: [Calm], coffee: [Awake] }
        cons: { tea: [Weak], mate: [Bitter] }
`;
    const found = (await check(text)).report.findings.filter((f) => f.code === 'left-out');
    expect(found.map((f) => [f.message, f.line])).toEqual([
      ['slide 3 "Each" lists pros and no cons for Coffee, where others have both: its column shows no cons at all', 13],
      ['slide 3 "Each" lists cons and no pros for Mate, where others have both: its column shows no pros at all', 12],
    ]);
  });

  it('says nothing of pros alone on a slide that lists no cons for anyone', async () => {
    const text = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6d4c41" }
sections:
  - id: main
    title: Main
    slides:
      - kind: pros-cons
        title: Each
        pros: { tea: [Calm], coffee: [Awake] }
        cons: {}
`;
    expect((await check(text)).report.findings.filter((f) => f.code === 'left-out')).toEqual([]);
  });
});

describe('what reads wrong at a glance', () => {
  it('says where a timeline goes back in time, and which contenders have colors alike', async () => {
    const text = `title: Stores
contenders:
  - { id: s3, name: Amazon S3, color: "#ff9900" }
  - { id: r2, name: Cloudflare R2, color: "#f38020" }
  - { id: b2, name: Backblaze B2, color: "#1f6feb" }
sections:
  - id: main
    title: Main
    slides:
      - kind: timeline
        title: Launches
        events:
          - { when: 2006, text: S3 }
          - { when: "Sep 2015", text: B2 }
          - { when: 2022-09, text: R2 }
          - { when: "Dec 2022", text: R2 GA }
          - { when: 2019, text: R2 announced }
          - { when: "2016–2024", text: A span }
          - { when: 2010s, text: A decade }
          - { when: Later, text: More }
      - kind: timeline
        title: Writing
        events:
          - { when: "3200 BC", text: Cuneiform }
          - { when: "1200 BC", text: Oracle bones }
          - { when: 1450, text: Print }
`;
    const found = (await check(text)).report.findings.filter((f) => ['out-of-order', 'colors-alike'].includes(f.code));
    expect(found.map((f) => [f.code, f.message, f.line])).toEqual([
      [
        'out-of-order',
        'slide 3 "Launches": "2019" comes after "Dec 2022"; a timeline reads in date order',
        positionIn(text, '2019').line,
      ],
      [
        'colors-alike',
        'contenders "Amazon S3" (#ff9900) and "Cloudflare R2" (#f38020) have colors that look alike: their bars, headings and badges are told apart by color',
        positionIn(text, '"#f38020"').line,
      ],
    ]);
  });
});

describe('small-image', () => {
  const withPicture = (src: string) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: image\n        title: The logo\n        src: ${src}\n        alt: The logo\n        notes: Here it is.\n      - kind: quote\n`,
    ]);
  const picture = async (dir: string, name: string, width: number, height: number) => {
    const { default: sharp } = await import('sharp');
    const background = { r: 200, g: 80, b: 40 };
    await sharp({ create: { width, height, channels: 3, background } })
      .png()
      .toFile(path.join(dir, name));
  };

  it('reports a picture shown at a small part of the slide, at its src, and none that fills it or scales', async () => {
    const dir = await temp.dir();
    await picture(dir, 'tiny.png', 64, 48);
    await picture(dir, 'large.png', 1600, 900);
    const tiny = withPicture('tiny.png');
    await writeFile(path.join(dir, 'talk.yaml'), tiny);
    const report = await checkOutline(path.join(dir, 'talk.yaml'), { measure: false });
    expect(report.findings.filter((f) => f.code === 'small-image')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('shows its picture at 64×48 px'),
        ...positionIn(tiny, 'tiny.png'),
      }),
    ]);
    await writeFile(path.join(dir, 'talk.yaml'), withPicture('large.png'));
    const large = await checkOutline(path.join(dir, 'talk.yaml'), { measure: false });
    expect(large.findings.filter((f) => f.code === 'small-image')).toEqual([]);
  });
});

describe('unused-source', () => {
  it('reports a source no slide cites, at its entry in sources', async () => {
    const text = edit(CLEAN, [
      'sections:\n',
      '  - id: unread\n    title: A book nobody cites\n    url: https://example.org/unread\nsections:\n',
    ]);
    const { file, report } = await check(text);
    const at = positionIn(text, 'id: unread');
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'unused-source',
        message: 'source "unread" is never cited',
        hint: 'Cite it as "sources: [unread]" on the slides it backs, or leave it out: delete it from "sources", or, in an overlay, write "remove: [unread]".',
        file,
        ...at,
      },
    ]);
    expect(formatCheckReport(report).split('\n')[0]).toBe(
      `${file}:${at.line}:${at.col} warning[unused-source]: source "unread" is never cited`,
    );
  });
});

describe('contrast', () => {
  it('reports a contender color on which neither white nor dark text reaches 4.5:1, at the color', async () => {
    const text = edit(CLEAN, ['color: "#6f4e37"', 'color: "#777777"']);
    const { file, report } = await check(text);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'contrast',
        message:
          "text on Coffee's color #777777 reaches only 4.48:1 (WCAG AA needs 4.5:1); pick a darker or lighter shade",
        file,
        ...positionIn(text, '"#777777"'),
      },
    ]);
  });

  it('accepts a light color that dark text reads on and that has 3:1 against the white slide', async () => {
    const { report } = await check(edit(CLEAN, ['color: "#6f4e37"', 'color: "#ef6c00"']));
    expect(report.findings).toEqual([]);
  });

  it('reports a color under 3:1 against the slide even when its hue sets it apart (yellow on white)', async () => {
    const { report } = await check(edit(CLEAN, ['color: "#6f4e37"', 'color: "#ffeb3b"']));
    expect(report.findings.map((f) => f.message)).toEqual([
      "Coffee's color #ffeb3b has 1.22:1 against the versus theme's background #ffffff (WCAG non-text contrast asks 3:1): the theme outlines its table header, column headings, title-bar segment and chart bars so that they show; a darker shade stands out by itself",
    ]);
  });

  it("reports a color under 3:1 against the theme's background: white on the light theme, black on the dark", async () => {
    const white = edit(CLEAN, ['color: "#6f4e37"', 'color: "#ffffff"']);
    const light = await check(white);
    expect(light.report.findings).toEqual([
      {
        severity: 'warning',
        code: 'contrast',
        message:
          "Coffee's color #ffffff has 1.00:1 against the versus theme's background #ffffff (WCAG non-text contrast asks 3:1): the theme outlines its table header, column headings, title-bar segment and chart bars so that they show; a darker shade stands out by itself",
        file: light.file,
        ...positionIn(white, '"#ffffff"'),
      },
    ]);
    const black = edit(CLEAN, ['color: "#6f4e37"', 'color: "#000000"']);
    expect((await check(black)).report.findings).toEqual([]);
    const dark = await check(black, { theme: 'versus-dark' });
    expect(dark.report.findings.map((f) => f.message)).toEqual([
      "Coffee's color #000000 has 1.17:1 against the versus-dark theme's background #14171c (WCAG non-text contrast asks 3:1): the theme outlines its table header, column headings, title-bar segment and chart bars so that they show; a lighter shade stands out by itself",
    ]);
  });
});

describe('small-text', () => {
  /** A lint-clean outline with one comparison table of `cells` for each of `names`. */
  function table(names: string[], cell: string): string {
    const ids = names.map((_, i) => `c${i + 1}`);
    const colors = ['#2e7d32', '#6f4e37', '#1f6feb', '#cf222e', '#8250df'];
    return `title: Drinks
notes: Hello.
agenda: { notes: Route. }
references: { notes: Sources. }
contenders:
${names.map((name, i) => `  - { id: ${ids[i]}, name: ${name}, color: "${colors[i]}" }`).join('\n')}
sources:
  - { id: guide, title: The Beverage Guide, url: https://example.org/guide }
sections:
  - id: main
    title: Main
    notes: The table.
    slides:
      - kind: comparison
        title: Side by side
        sources: [guide]
        notes: Walk through it.
        rows:
          - aspect: Caffeine
            cells: { ${ids.map((id) => `${id}: "${cell}"`).join(', ')} }
`;
  }

  it('gives no advice that cannot be followed: five contenders take 20px text whatever their cells say', async () => {
    const { report } = await check(table(['Tea', 'Coffee', 'Cocoa', 'Mate', 'Water'], 'Some'));
    expect(report.findings).toEqual([]);
  });

  it('reports a row too long for 24px text, and not a table of four short ones', async () => {
    // Within a cell's limit of 400 characters, and too long for a row at 24px.
    const long = 'wordy '.repeat(66).trim();
    const text = table(['Tea', 'Coffee', 'Cocoa'], long);
    const { file, report } = await check(text);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'small-text',
        message:
          'slide 4 "Side by side" uses 20px table text, for a row too long for 24px; shorten the cells to keep it readable',
        file,
        ...positionIn(text, 'kind: comparison'),
        slide: 4,
      },
    ]);
    expect((await check(table(['Tea', 'Coffee', 'Cocoa', 'Mate'], 'Some'))).report.findings).toEqual([]);
  });
});

describe('many-parts', () => {
  /** CLEAN with a code slide of one pane of `lines` lines before its last slide. */
  const withCode = (lines: number) =>
    edit(CLEAN, [
      '      - kind: quote\n',
      `      - kind: code
        title: The whole program
        notes: Walk through it.
        panes:
          - contender: tea
            language: python
            code: |
${Array.from({ length: lines }, (_, i) => `              step_${i} = brew(${i})`).join('\n')}
      - kind: quote
`,
    ]);

  it('reports an authored slide split into more than three slides, with how many, at the slide', async () => {
    const text = withCode(80);
    const { file, report } = await check(text);
    const found = report.findings.filter((f) => f.code === 'many-parts');
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'many-parts',
        message: 'slide 8 "The whole program" (code) is too long for one slide and becomes 5 slides (8–12)',
        hint: 'Show the lines that make the point (shorter or fewer panes), or make it separate slides, each with its own title and notes.',
        file,
        ...positionIn(text, 'kind: code'),
        slide: 8,
      },
    ]);
  });

  it('says nothing of a slide that takes two or three', async () => {
    const { report } = await check(withCode(50));
    expect(report.slides).toBe(CLEAN_SLIDES + 3);
    expect(report.findings.filter((f) => f.code === 'many-parts')).toEqual([]);
  });
});

describe('over-budget', () => {
  it('names the slide whose own minutes put the talk over, and no slide when none takes most of it', async () => {
    const long = edit(CLEAN, ['        text: Questions?\n', '        text: Questions?\n        minutes: 90\n']);
    const messages = async (text: string) =>
      (await check(text)).report.findings.filter((f) => f.code === 'over-budget').map((f) => f.message);
    expect(await messages(long)).toEqual([
      'the talk takes about 92 min, over its 3 min budget by 89 min; slide 8 "Questions" alone is set to 90 min (its "minutes")',
    ]);
    const fewMore = edit(
      CLEAN,
      ['duration: 3', 'duration: 2'],
      ['        text: Questions?\n', '        text: Questions?\n        minutes: 1\n'],
    );
    expect(await messages(fewMore)).toEqual(['the talk takes about 3 min, over its 2 min budget by 1 min']);
  });

  it('reports a talk longer than its duration at the duration, and still passes', async () => {
    const text = edit(CLEAN, ['duration: 3', 'duration: 2']);
    const { file, report } = await check(text);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'over-budget',
        message: 'the talk takes about 2.25 min, over its 2 min budget by 0.25 min',
        file,
        ...positionIn(text, '2', 'duration:'),
      },
    ]);
    expect(report).toMatchObject({ minutes: CLEAN_MINUTES, budget: 2, fits: false, ok: true });
    expect(formatCheckReport(report)).toMatch(
      /: 9 slides, about 2\.25 min of 2 min: does NOT fit its slot; 1 finding\(s\)\.\n$/,
    );
  });

  it('is an error when that profile is checked by name', async () => {
    const text = edit(CLEAN, ['duration: 3', 'duration: 2\nprofiles:\n  short: { duration: 2 }']);
    const { report } = await check(text, { profile: 'short' });
    expect(report.findings.map(({ severity, code }) => ({ severity, code }))).toEqual([
      { severity: 'error', code: 'over-budget' },
    ]);
    expect(report.ok).toBe(false);
  });

  it('says when a talk is far shorter than its slot', async () => {
    const text = edit(CLEAN, ['duration: 3', 'duration: 25']);
    const { file, report } = await check(text);
    expect(report.findings).toEqual([
      {
        severity: 'warning',
        code: 'under-budget',
        message:
          'the talk takes about 2.25 min, 22.75 min short of its 25 min slot; every content slide has notes short enough to say in 0.25 min or none, ' +
          'so each counts that (notes are timed at wordsPerMinute: 130): write what you will say in their notes, ' +
          'set their minutes, or shorten the slot',
        file,
        ...positionIn(text, '25', 'duration:'),
      },
    ]);
    expect(report).toMatchObject({ fits: true, ok: true });
  });

  it('names the rate a talk written without spaces is timed at, characters a minute', async () => {
    const text = edit(
      CLEAN.replace(/notes: [^\n}]*/g, 'notes: 简短说明。'),
      ['duration: 3', 'duration: 25\nlang: zh'],
      ['title: Tea vs Coffee', 'title: 茶与咖啡的比较'],
    );
    const { report } = await check(text);
    expect(report.findings.find((f) => f.code === 'under-budget')?.message).toContain(
      '(notes are timed at charactersPerMinute: 250)',
    );
  });

  it('asks for more slides or minutes when the notes are not what makes a talk short', async () => {
    const timed = (notes: string): [string, string] => [`notes: ${notes}`, `notes: ${notes}\n        minutes: 2`];
    const text = edit(
      CLEAN,
      ['duration: 3', 'duration: 60'],
      timed('Keep this short.'),
      timed('Walk through the rows.'),
      timed('Some dates are legends.'),
    );
    const { report } = await check(text);
    const [finding] = report.findings;
    expect(finding?.code).toBe('under-budget');
    expect(finding?.message).toMatch(/short of its 60 min slot; add slides or minutes, or shorten the slot$/);
  });

  it('accepts a talk exactly as long as its duration', async () => {
    const { report } = await check(edit(CLEAN, ['duration: 3', `duration: ${CLEAN_MINUTES}`]));
    expect(report).toMatchObject({ budget: CLEAN_MINUTES, fits: true, findings: [] });
  });
});
