/**
 * `versus check --run` through the built CLI (issue 32), on Debian's python3,
 * Node and bash: what passes, what fails and where, expected errors, set-up
 * code, the talk's code files and what is beside them, exercise order, a time limit, a missing
 * runner; and that `build` runs nothing. Two check runs, each of many blocks.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCheckReport } from '../src/commands/check.js';
import { type Run, versusInProcess as versus } from './run-cli.js';
import { positionIn, tempFolder } from './temp-outlines.js';

const temp = tempFolder('check-run');

/** An outline's first lines: its title, two contenders, and none of the slides versus adds but the title. */
const head = (title: string) => `title: ${title}
contenders:
  - { id: py, name: Python, color: "#3776ab" }
  - { id: js, name: JavaScript, color: "#8a6d00" }
notes: Hello.
agenda: false
references: false
dividers: false
`;

/** An outline of many blocks; `MARKER` is replaced by a file the passing pane writes, to prove it ran. */
const TALK = `${head('Snakes vs Scripts')}run:
  setup: { python: "GREETING = 'hello'" }
sections:
  - id: main
    title: Main
    slides:
      - kind: code
        title: Passes
        notes: Both run.
        panes:
          - contender: py
            language: python
            file: shared/helper.py
          - contender: js
            language: python
            code: |
              from shared.helper import double
              print(GREETING, double(21))
              open("MARKER", "w").write("ran")
              open("left-behind.txt", "w").write("a later run must not see this")
      - kind: code
        title: Beside its file
        notes: Each file imports a module beside it that no slide shows.
        panes:
          - { contender: py, language: python, file: shared/uses_sibling.py }
          - { contender: js, language: javascript, file: shared/app.js }
      - kind: code
        title: Fails
        notes: One fails.
        panes:
          - contender: py
            language: python
            code: |
              import os
              assert not os.path.exists("left-behind.txt"), "not a fresh folder"
              values = {"a": 1}
              print(values["b"])
          - contender: js
            language: javascript
            code: |
              const total = [1, 2, 3].reduce((a, b) => a + b);
              console.log("total", total);
      - kind: code
        title: Fails in a file
        notes: The file fails.
        panes:
          - { contender: py, language: python, file: shared/broken.py }
          - { contender: js, language: bash, code: "echo fine" }
      - kind: code
        title: Meant to fail
        notes: Both fail on purpose.
        panes:
          - contender: py
            language: python
            code: "1/0"
            run: { expect: { error: ZeroDivisionError } }
          - contender: js
            language: bash
            code: |
              echo "about to fail"
              exit 3
            run: { expect: error }
      - kind: code
        title: Expected errors that do not come
        notes: Both are wrong.
        panes:
          - { contender: py, language: python, code: "print('fine')", run: { expect: error } }
          - { contender: js, language: javascript, code: "null.x", run: { expect: { error: RangeError } } }
      - kind: code
        title: Left out
        notes: Not run.
        panes:
          - { contender: py, language: bash, code: "pip install keras", run: false }
          - { contender: js, language: text, code: "no runner for text" }
          - { contender: py, language: go, code: "package main" }
          - { contender: js, language: yaml, code: "data: only" }
      - kind: exercise
        id: define
        title: Define it
        notes: First.
        task: [Define triple]
        starter: |
          def triple(x):
              ...  # TODO
        solution: |
          def triple(x):
              return 3 * x
      - kind: exercise
        id: use
        title: Use it
        notes: Second.
        task: [Use triple]
        starter: |
          print(triple(   # TODO
        solution: |
          assert triple(2) == 6
          print("six")
        run: { after: [define] }
      - kind: exercise
        id: alone
        title: Without the first
        notes: Third.
        task: [Use triple]
        solution: print(triple(2))
`;

/** A time limit, a runner that does not exist, and a starter whose runner versus has no syntax check for. */
const SLOW = `${head('Slow vs Missing')}run:
  timeout: 1
  runners: { javascript: ./no-such-node --flag, sql: [bash, -c, 'cat "$0"'] }
sections:
  - id: main
    title: Main
    slides:
      - kind: code
        title: Slow
        notes: It sleeps.
        panes:
          - { contender: py, language: bash, code: "echo started; sleep 30; echo never" }
          - { contender: js, language: javascript, code: "console.log(1)" }
      - kind: code
        title: Also JavaScript
        notes: Not run either.
        panes:
          - { contender: py, language: js, code: "console.log(2)" }
          - { contender: js, language: javascript, code: "console.log(3)" }
      - kind: exercise
        id: query
        title: Query
        notes: In SQL.
        language: sql
        task: [Select]
        starter: "SELECT ;"
        solution: "SELECT 1;"
        run: { starter: syntax }
`;

interface Finding {
  severity: string;
  code: string;
  message: string;
  file: string;
  line: number;
  col: number;
  output?: string[];
}

/** The talk as talk.yaml in `dir`, with the code files its panes include. */
async function writeTalk(dir: string, text: string): Promise<void> {
  await writeFile(path.join(dir, 'talk.yaml'), text);
  await mkdir(path.join(dir, 'shared'));
  await writeFile(path.join(dir, 'shared', 'helper.py'), 'def double(x):\n    return 2 * x\n');
  await writeFile(
    path.join(dir, 'shared', 'broken.py'),
    'def fail():\n    raise RuntimeError("from the file")\n\n\nfail()\n',
  );
  // Files the panes' code needs beside it, and folders a run's copy of shared/ leaves out.
  await mkdir(path.join(dir, 'shared', 'data'));
  await writeFile(path.join(dir, 'shared', 'data', 'n.txt'), '21');
  await writeFile(
    path.join(dir, 'shared', 'sibling.py'),
    'from pathlib import Path\nN = int((Path(__file__).parent / "data" / "n.txt").read_text())\n',
  );
  await writeFile(
    path.join(dir, 'shared', 'uses_sibling.py'),
    [
      'import os',
      'from sibling import N',
      'assert N == 21',
      'for left_out in ["shared/node_modules", "shared/.cache", "shared/out", "shared/venv", "shared/target"]:',
      '    assert not os.path.exists(left_out), left_out',
      `open(${JSON.stringify(path.join(dir, 'sibling-marker.txt'))}, "w").write("ran")`,
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'shared', 'lib.js'), 'module.exports = { twice: (x) => 2 * x };\n');
  await writeFile(
    path.join(dir, 'shared', 'app.js'),
    "const { twice } = require('./lib.js');\nif (twice(21) !== 42) process.exit(1);\n",
  );
  // Each with a file; a build's output, a virtual environment and a cache known by what marks them.
  for (const [left, mark] of [
    ['node_modules/pkg'],
    ['.cache'],
    ['out', '.versus/outline-0.json'],
    ['venv', 'pyvenv.cfg'],
    ['target', 'CACHEDIR.TAG'],
  ]) {
    const folder = path.join(dir, 'shared', left as string);
    await mkdir(path.join(folder, path.dirname(mark ?? '.')), { recursive: true });
    if (mark) await writeFile(path.join(folder, mark), '');
    await writeFile(path.join(folder, 'file.txt'), 'not for the run');
  }
}

const at = (text: string, needle: string, after?: string) => positionIn(text, needle, after);

describe('versus check --run', { concurrent: true }, () => {
  let dir: string;
  let marker: string;
  let talk: string;
  let run: Run;
  let findings: Finding[];
  beforeAll(async () => {
    dir = await temp.dir();
    marker = path.join(dir, 'marker.txt');
    talk = TALK.replace('MARKER', marker);
    await writeTalk(dir, talk);
    run = await versus(['check', 'talk.yaml', '--run', '--no-measure', '--json'], { cwd: dir });
    findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity === 'error');
  });

  it("runs a passing pane (with set-up code and the talk's code files beside it) and reports nothing for it", async () => {
    await expect(access(marker)).resolves.toBeUndefined();
    expect(findings.map((f) => f.message).join('\n')).not.toMatch(/pane "(py|js)" of slide "Passes"/);
  });

  it("runs a file's code beside the files of its folder, as at home: what it imports and reads, without packages, hidden folders or outputs", async () => {
    await expect(access(path.join(dir, 'sibling-marker.txt'))).resolves.toBeUndefined();
    expect(findings.map((f) => f.message).join('\n')).not.toContain('slide "Beside its file"');
  });

  it('reports each failure at its code in the outline, with the last lines of its output, and exits 1', () => {
    expect(run.code, run.stderr).toBe(1);
    const failed = findings.find((f) => f.message.includes('slide "Fails"'));
    expect(failed).toMatchObject({
      code: 'run-failed',
      message: `python pane "py" of slide "Fails" failed (exit code 1): KeyError: 'b'`,
      file: 'talk.yaml',
      // At the line that failed, as the traceback names it.
      ...at(talk, 'print(values["b"])'),
    });
    expect(failed?.output?.at(-1)).toBe("KeyError: 'b'");
    expect(failed?.output).toContain('    print(values["b"])');
    // The other pane of the slide passes, and the fresh folder held nothing from another run.
    expect(findings.filter((f) => f.message.includes('slide "Fails"'))).toHaveLength(1);
  });

  it('places an error in a code file the pane includes at its line in that file', () => {
    expect(findings.find((f) => f.message.includes('slide "Fails in a file"'))).toMatchObject({
      code: 'run-failed',
      message: 'python pane "py" of slide "Fails in a file" failed (exit code 1): RuntimeError: from the file',
      file: path.join('shared', 'broken.py'),
      line: 2,
      col: 5,
    });
  });

  it('accepts an expected error, and reports an expected error that does not come or is another', () => {
    expect(findings.filter((f) => f.message.includes('slide "Meant to fail"'))).toEqual([]);
    expect(findings.filter((f) => f.code === 'run-expected-error')).toEqual([
      expect.objectContaining({
        message:
          'python pane "py" of slide "Expected errors that do not come" was expected to fail, but ran without error',
        ...at(talk, `"print('fine')"`),
        output: ['fine'],
      }),
      expect.objectContaining({
        message: expect.stringMatching(
          /^javascript pane "js" of slide "Expected errors that do not come" failed, but not with "RangeError": TypeError: Cannot read properties of null/,
        ),
        ...at(talk, '"null.x"'),
      }),
    ]);
  });

  it('runs a solution after those it names, checks starters as syntax, and reports one that uses what it did not run', () => {
    const exercises = findings.filter((f) => f.message.includes('exercise'));
    expect(exercises.map(({ code, message }) => ({ code, message }))).toEqual([
      {
        code: 'run-failed',
        message: expect.stringMatching(/^python starter of exercise "use" has a syntax error: SyntaxError: /),
      },
      {
        code: 'run-failed',
        // Python 3.10+ may add a guess ("Did you mean: 'tuple'?").
        message: expect.stringMatching(
          /^python solution of exercise "alone" failed \(exit code 1\): NameError: name 'triple' is not defined/,
        ),
      },
    ]);
    expect(exercises[0]).toMatchObject(at(talk, 'print(triple(   # TODO'));
    expect(exercises[1]).toMatchObject(at(talk, 'print(triple(2))'));
  });

  it('leaves out what says run: false and what has no runner, and sums up the run', () => {
    const report = JSON.parse(run.stdout);
    // 2 + 2 + 2 + 2 + 2 + 2 panes, then 3 solutions and 2 starters; "Left out" runs nothing, and says
    // so of its Go, a program no runner runs (text is prose, YAML data).
    expect(report.run).toEqual({
      ran: 17,
      failed: 6,
      notRun: 0,
      withoutRunner: ['go'],
      parsed: 2,
      uncheckedStarters: [],
    });
    expect(findings).toHaveLength(6);
    expect(report.ok).toBe(false);
  });

  it('prints the output under each finding, and the run on the last line', () => {
    const text = formatCheckReport(JSON.parse(run.stdout));
    const { line, col } = at(talk, 'print(values["b"])');
    expect(text).toContain(
      `talk.yaml:${line}:${col} error[run-failed]: python pane "py" of slide "Fails" failed (exit code 1): KeyError: 'b'\n`,
    );
    expect(text).toContain(`    │ KeyError: 'b'\n`);
    // The six failures, and a warning at each of the three exercises, which name no language in a talk of three.
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'talk.yaml: 11 slides, about 2.75 min; ran 17 blocks of code (2 starters only checked to parse), 6 failed; 1 block in go not run: no runner for that language (name one under run.runners, or --runner LANG=PROGRAM); 9 finding(s).',
    );
  });
});

describe('versus check --run, slow code and a missing runner', { concurrent: true }, () => {
  let dir: string;
  let run: Run;
  let findings: Finding[];
  beforeAll(async () => {
    dir = await temp.dir();
    await writeFile(path.join(dir, 'talk.yaml'), SLOW);
    run = await versus(['check', 'talk.yaml', '--run', '--no-measure', '--json'], { cwd: dir });
    findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity === 'error');
  });

  it('stops a run at the time limit and names the limit', () => {
    expect(findings.find((f) => f.code === 'run-timeout')).toEqual(
      expect.objectContaining({
        message: 'bash pane "py" of slide "Slow" did not finish within 1 s and was stopped',
        ...at(SLOW, '"echo started'),
        output: ['started'],
      }),
    );
  });

  it('reports a runner that cannot be started once, at the setting that names it, and exits 2', () => {
    expect(run.code, run.stderr).toBe(2);
    expect(findings.filter((f) => f.code === 'missing-runner')).toEqual([
      expect.objectContaining({
        message: `the javascript runner "${path.join(dir, 'no-such-node')} --flag" could not be started (ENOENT): 3 blocks of code were not run`,
        ...at(SLOW, './no-such-node'),
      }),
    ]);
    expect(JSON.parse(run.stdout).run).toEqual({
      ran: 2,
      failed: 1,
      notRun: 3,
      withoutRunner: [],
      parsed: 0,
      uncheckedStarters: ['sql'],
    });
  });

  it('warns at a run.starter: syntax that no syntax check can honour, and counts the starter as not checked', () => {
    const report = JSON.parse(run.stdout);
    expect(report.findings.filter((f: Finding) => f.code === 'unchecked-starter')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'the sql starter of exercise "query" is not checked: versus knows no syntax check for its runner "bash -c cat "$0""',
        ...at(SLOW, 'syntax }'),
      }),
    ]);
    expect(formatCheckReport(report).trimEnd().split('\n').at(-1)).toMatch(
      /; 1 starter in sql not checked: no syntax check for the runner of that language \(run\.starter: run runs one whole\); \d+ finding\(s\)\.$/,
    );
  });

  it('takes a runner from --runner over the outline', async () => {
    const fixed = await versus(
      ['check', 'talk.yaml', '--run', '--no-measure', '--json', '--runner', 'javascript=node'],
      {
        cwd: dir,
      },
    );
    expect(JSON.parse(fixed.stdout).run).toMatchObject({ ran: 5, failed: 1, notRun: 0, withoutRunner: [] });
    expect(fixed.code).toBe(1);
  });
});

describe('versus build', () => {
  it('never runs the code', async () => {
    const dir = await temp.dir();
    const marker = path.join(dir, 'marker.txt');
    await writeTalk(dir, TALK.replace('MARKER', marker));
    const built = await versus(['build', 'talk.yaml', '--formats', 'md'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    await expect(access(path.join(dir, 'dist', 'snakes-vs-scripts.md'))).resolves.toBeUndefined();
    await expect(access(marker)).rejects.toThrow(/ENOENT/);
  });

  it('says on its verdict line that the exercises were not run, and what runs them, also when up to date', async () => {
    const dir = await temp.dir();
    await writeTalk(dir, TALK);
    // The markdown shows the starters too; the second build of it finds it up to date.
    for (const formats of ['notebook', 'md', 'md']) {
      const built = await versus(['build', 'talk.yaml', '--formats', formats], { cwd: dir });
      expect(built.stdout.split('\n')[0], formats).toMatch(/, exercises not run \(versus check --run\) — [\d.]+s$/);
    }
  });
});

describe('an exercise that runs after one the selection leaves out', { concurrent: true }, () => {
  const talk = `${head('First vs Second')}profiles:
  short: { skip: [define] }
sections:
  - id: main
    title: Main
    slides:
      - kind: exercise
        id: define
        title: Define it
        notes: First.
        task: [Define triple]
        solution: |
          def triple(x):
              return 3 * x
      - kind: exercise
        id: use
        title: Use it
        notes: Second.
        task: [Use triple]
        solution: print(triple(2))
        run: { after: [define] }
`;
  const inTalk = async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'talk.yaml'), talk);
    return dir;
  };
  const warning =
    'exercise "use" runs after exercise "define", which the deck leaves out (its profile, --only or --skip): in the notebooks its code would run without what "define" sets up';

  it('is a warning of check, and an error of check --run, whose run took the solution the notebooks leave out', async () => {
    const dir = await inTalk();
    const checked = await versus(['check', 'talk.yaml', '--profile', 'short', '--no-measure'], { cwd: dir });
    expect(checked.stderr + checked.stdout).toContain(`talk.yaml:29:24 warning[left-out-run-after]: ${warning}`);
    expect(checked.code).toBe(0);
    const ran = await versus(['check', 'talk.yaml', '--profile', 'short', '--no-measure', '--run'], { cwd: dir });
    expect(ran.stderr + ran.stdout).toContain(`talk.yaml:29:24 error[left-out-run-after]: ${warning}`);
    expect(ran.code).toBe(1);
    // The whole talk keeps both.
    const whole = await versus(['check', 'talk.yaml', '--no-measure'], { cwd: dir });
    expect(whole.stderr + whole.stdout).not.toContain('left-out-run-after');
  });

  it('is a warning of a build that writes the notebooks, told again when up to date, and fails it under --strict', async () => {
    const dir = await inTalk();
    const deck = await versus(['build', 'talk.yaml', '--profile', 'short', '-f', 'md'], { cwd: dir });
    expect(deck.stderr).not.toContain('left-out-run-after');
    for (const _ of ['built', 'up to date']) {
      const built = await versus(['build', 'talk.yaml', '--profile', 'short', '-f', 'notebook'], { cwd: dir });
      expect(built.stderr).toContain(`warning[left-out-run-after]: ${warning}`);
      expect(built.stdout).toMatch(/^⚠ /);
    }
    const strict = await versus(['build', 'talk.yaml', '--profile', 'short', '-f', 'notebook', '--strict', '--force'], {
      cwd: dir,
    });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('an output would lose or break content (--strict); nothing was written.');
  });
});

describe('versus check --run, code that fails part-way or says why in words', { concurrent: true }, () => {
  const talk = `${head('Shell vs Words')}sections:
  - id: main
    title: Main
    slides:
      - kind: code
        title: Part-way
        notes: Both fail before their last line.
        panes:
          - contender: py
            language: bash
            code: |
              echo before
              no_such_command_here --flag
              echo after
          - contender: js
            language: bash
            code: |
              echo fine
              false | cat
              echo "the end"
      - kind: code
        title: In words
        notes: A database's error is no exception.
        panes:
          - contender: py
            language: python
            code: |
              import sys
              print("Parse error near line 5: no such column: total", file=sys.stderr)
              print("  SELECT total FROM t;", file=sys.stderr)
              print("         ^--- error here", file=sys.stderr)
              sys.exit(1)
          - { contender: js, language: bash, code: "echo fine" }
      - kind: exercise
        id: unfinished
        title: Unfinished
        notes: Its starter never closes its if.
        language: bash
        task: [Close it]
        starter: |
          if [ -f data.txt ]; then
            echo found
        solution: echo done
`;
  let findings: Finding[];
  beforeAll(async () => {
    const dir = await temp.dir();
    await writeFile(path.join(dir, 'talk.yaml'), talk);
    const run = await versus(['check', 'talk.yaml', '--run', '--no-measure', '--json'], { cwd: dir });
    findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity === 'error');
  });

  it('fails a bash block at a command that fails, not only at its last, as GitHub Actions runs a step', () => {
    expect(findings.map(({ message }) => message)).toEqual([
      'bash pane "py" of slide "Part-way" failed (exit code 127): versus_run.sh: line 2: no_such_command_here: command not found',
      // A pipe fails with any of its commands; the block's own echo is no reason, and is not given as one.
      'bash pane "js" of slide "Part-way" failed (exit code 1)',
      'python pane "py" of slide "In words" failed (exit code 1): Parse error: no such column: total',
      'bash starter of exercise "unfinished" has a syntax error: versus_run.sh: line 3: syntax error: unexpected end of file',
    ]);
    expect(findings[0]).toMatchObject(at(talk, 'no_such_command_here'));
    expect(findings[1]?.output).toEqual(['fine']);
  });

  it('reports a bash block it could not finish reading at its last line, not at the next key', () => {
    expect(findings[3]).toMatchObject(at(talk, 'echo found'));
  });
});
