/** The outline keys of `check --run` (issue 32): the talk's `run:` settings and each pane's and exercise's `run:`. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type VersusError } from '../src/diagnostics/diagnostics.js';
import { loadOutline } from '../src/outline/load.js';
import { parseOutlineText } from '../src/outline/parse.js';
import { validateOutline } from '../src/outline/validate.js';
import { diagnose } from './helpers.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const at = (text: string, needle: string, after?: string) => {
  const { line, col } = positionIn(text, needle, after);
  return `outline.yaml:${line}:${col}`;
};

const folders = tempFolder('run-order');

const TALK = `title: Snakes vs Scripts
contenders:
  - { id: py, name: Python, color: "#3776ab" }
  - { id: js, name: JavaScript, color: "#8a6d00" }
run:
  runners: { python: .venv/bin/python, javascript: [deno, run], bash: false }
  setup: { python: "import math" }
  timeout: 5
sections:
  - id: main
    title: Main
    slides:
      - kind: code
        title: Side by side
        panes:
          - { contender: py, language: python, code: "x = 1" }
          - { contender: js, language: python, code: "print(x)", run: { after: [py] } }
      - kind: code
        title: Meant to fail
        panes:
          - { contender: py, language: python, code: "1/0", run: { expect: { error: ZeroDivisionError } } }
          - { contender: js, language: javascript, code: "null.x", run: { expect: error } }
      - kind: code
        title: Left out
        panes:
          - { contender: py, language: python, code: "pip install keras", run: false }
      - kind: exercise
        id: first
        title: First
        task: [Define x]
        solution: "x = 1"
      - kind: exercise
        id: second
        title: Second
        task: [Use x]
        starter: "print(x)  # TODO"
        solution: "print(x)"
        run: { after: [first], starter: run }
`;

describe('the run keys of an outline', () => {
  it('accepts runners, set-up code, a time limit, expected errors, opt-outs and run order', () => {
    expect(diagnose(TALK)).toEqual([]);
  });

  it('reports an "after" that names no other pane of the slide, or no other exercise, at its position', () => {
    const wrong = TALK.replace('run: { after: [py] }', 'run: { after: [pyy] }').replace(
      'run: { after: [first], starter: run }',
      'run: { after: [second, frist] }',
    );
    expect(diagnose(wrong)).toEqual([
      `${at(wrong, 'pyy')} error[unknown-contender]: no other pane of this slide belongs to "pyy" (did you mean "py"?)`,
      `${at(wrong, 'second, frist')} error[unknown-id]: exercise "second" cannot run after itself`,
      `${at(wrong, 'frist')} error[unknown-id]: no exercise has the id "frist" (did you mean "first"?)`,
    ]);
  });

  it('refuses an unknown way to check a starter and a blank runner', () => {
    const wrong = TALK.replace('starter: run }', 'starter: execute }').replace('bash: false', 'bash: " "');
    expect(diagnose(wrong)).toEqual([
      `${at(wrong, '" "')} error[invalid-value]: "bash": must not be blank; got " "`,
      `${at(wrong, 'execute')} error[wrong-type]: "starter" must be "syntax" or "run" or false, not "execute"`,
    ]);
  });

  it('refuses an "after" that names a later exercise, and says when it makes a circle', () => {
    const third = `      - kind: exercise
        id: third
        title: Third
        task: [Use x]
        solution: "print(x)"
        run: { after: [second] }
`;
    const wrong = `${TALK.replace('solution: "x = 1"', 'solution: "x = 1"\n        run: { after: [third] }')}${third}`;
    expect(diagnose(wrong)).toEqual([
      `${at(wrong, 'third]')} error[run-after-later]: exercise "third" comes after "first" in the talk, and runs after "first" itself: its solution cannot run first, as the notebook runs the exercises top to bottom`,
    ]);
    const later = `${TALK.replace('solution: "x = 1"', 'solution: "x = 1"\n        run: { after: [third] }')}${third.replace('run: { after: [second] }', '')}`;
    const [problem] = validateProblems(later);
    expect(problem?.message).toBe(
      'exercise "third" comes after "first" in the talk: its solution cannot run first, as the notebook runs the exercises top to bottom',
    );
    expect(problem?.hint).toBe(
      '"after" names earlier exercises: move "third" above "first" in the talk, or take it out of this "after".',
    );
  });

  it('refuses an "after" that names an exercise in another language, its aliases being the same language', () => {
    const js = (language: string) => `      - kind: exercise
        id: in-js
        title: In JavaScript
        language: ${language}
        task: [Print]
        solution: "console.log(1)"
      - kind: exercise
        id: also-js
        title: Also JavaScript
        language: javascript
        task: [Print]
        solution: "console.log(2)"
        run: { after: [in-js, first] }
`;
    const wrong = `${TALK}${js('js')}`;
    // The first exercise has no language of its own: the talk's, its first pane's (python).
    expect(diagnose(wrong)).toEqual([
      `${at(wrong, 'first] }', 'also-js')} error[run-after-language]: exercise "first" is in python, "also-js" in javascript: they cannot run in one process`,
    ]);
    expect(diagnose(`${TALK}${js('js').replace(', first]', ']')}`)).toEqual([]);
  });

  it('checks the order of the talk as an overlay leaves it', async () => {
    const dir = await folders.dir();
    await writeFile(path.join(dir, 'outline.yaml'), TALK);
    const overlay = `extends: outline.yaml
add:
  - before: first
    slides:
      - { kind: exercise, id: zero, title: Zero, task: [Start], solution: "z = 0", run: { after: [second] } }
`;
    await writeFile(path.join(dir, 'over.yaml'), overlay);
    const error = (await loadOutline(path.join(dir, 'over.yaml')).then(
      () => undefined,
      (e: unknown) => e,
    )) as VersusError | undefined;
    expect(
      (error?.diagnostics ?? []).map((d) =>
        formatDiagnostic({ ...d, hint: undefined }).replaceAll(`${dir}${path.sep}`, ''),
      ),
    ).toEqual([
      `over.yaml:${positionIn(overlay, 'second]').line}:${positionIn(overlay, 'second]').col} error[run-after-later]: exercise "second" comes after "zero" in the talk: its solution cannot run first, as the notebook runs the exercises top to bottom`,
    ]);
  });
  it("says to replace the exercise that runs after one the overlay's remove takes out", async () => {
    const dir = await folders.dir();
    await writeFile(path.join(dir, 'outline.yaml'), TALK);
    await writeFile(path.join(dir, 'over.yaml'), 'extends: outline.yaml\nremove: [first]\n');
    const error = (await loadOutline(path.join(dir, 'over.yaml')).then(
      () => undefined,
      (e: unknown) => e,
    )) as VersusError | undefined;
    expect(error?.diagnostics?.map(({ code, message, hint }) => ({ code, message, hint }))).toEqual([
      {
        code: 'unknown-id',
        message: `after applying ${path.join(dir, 'over.yaml')}, no exercise has the id "first"`,
        hint: 'The overlay\'s remove takes out "first", which "second" runs after: in the overlay, replace "second" (replace: - { id: …, slide: { … } }) with a copy whose run.after leaves "first" out and sets up what it needs itself, or remove it too, or keep "first".',
      },
    ]);
  });
});

/** The problems of an outline, with their hints. */
function validateProblems(source: string) {
  const validated = validateOutline(parseOutlineText(source, 'outline.yaml'));
  return validated.ok ? [] : validated.diagnostics;
}
