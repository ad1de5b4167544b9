/** The outline keys of `check --run` (issue 32): the talk's `run:` settings and each pane's and exercise's `run:`. */
import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.js';
import { positionIn } from './temp-outlines.js';

const at = (text: string, needle: string, after?: string) => {
  const { line, col } = positionIn(text, needle, after);
  return `outline.yaml:${line}:${col}`;
};

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
});
