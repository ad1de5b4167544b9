/** What `check --run` plans to run (issue 32): pure, from outline text to jobs, in milliseconds. */
import { describe, expect, it } from 'vitest';
import type { Where } from '../src/outline/origin.js';
import { outlineJsonSchema } from '../src/outline/schema.js';
import type { RunResult } from '../src/run/execute.js';
import {
  failureHint,
  runFindings,
  scriptLineOf,
  summarizeRuns,
  uncheckedStarterFindings,
} from '../src/run/findings.js';
import { planRuns, type RunJob } from '../src/run/plan.js';
import { parseRunnerOption, runnerFor, syntaxCheckOf } from '../src/run/runners.js';
import { compileText, loadText } from './helpers.js';

const TALK = `title: Snakes vs Scripts
contenders:
  - { id: py, name: Python, color: "#3776ab" }
  - { id: js, name: JavaScript, color: "#8a6d00" }
run:
  setup: { python: "import math" }
  runners: { ruby: false, deno: [deno, run, --quiet] }
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
        title: Others
        panes:
          - { contender: py, language: sh, code: "echo hi" }
          - { contender: js, language: javascript, code: "null.x", run: { expect: { error: TypeError } } }
      - kind: code
        title: Not run
        panes:
          - { contender: py, language: ruby, code: "puts 1" }
          - { contender: js, language: yaml, code: "a: 1" }
          - { contender: py, code: "no language" }
          - { contender: js, language: python, code: "pip install keras", run: false }
  - id: workshop
    title: Workshop
    tags: [workshop]
    slides:
      - kind: exercise
        id: first
        title: First
        task: [Define x]
        starter: "x = ...  # TODO"
        solution: "x = 1"
      - kind: exercise
        id: second
        title: Second
        task: [Define y]
        solution: "y = x + 1"
        run: { after: [first] }
      - kind: exercise
        id: third
        title: Third
        task: [Use both]
        starter: "print(x, y)  # TODO: more"
        solution: "print(x + y)"
        run: { after: [second], starter: run, expect: error }
      - kind: exercise
        id: fourth
        title: Fourth
        language: deno
        task: [In Deno]
        starter: "console.log(1)"
        solution: "console.log(2)"
      - kind: exercise
        id: fifth
        title: Fifth
        task: [Not run]
        solution: "import nothing"
        run: false
      - kind: exercise
        id: sixth
        title: Sixth
        language: text
        task: [Discuss]
        starter: "Our choice: …"
        solution: There is no single right answer; name the reasons.
profiles:
  meetup: { skip: [workshop] }
  short: { skip: [first, second] }
`;

/** Each job's what, command and script, the folder's path left out. */
function summary(jobs: RunJob[]) {
  return jobs.map(({ what, command, mode, script, firstLine, expectError, file }) => ({
    what,
    command: command.join(' '),
    mode,
    file,
    script,
    firstLine,
    ...(expectError ? { expectError } : {}),
  }));
}

describe('planRuns', () => {
  const outline = loadText(TALK).outline;

  it('plans every pane, solution and starter with a runner, in the order of the talk, set-up code and earlier code first', () => {
    const { jobs, withoutRunner } = planRuns(outline, { runnerDir: '/talk' });
    // Ruby has no runner; YAML is data, and an exercise in text is answered in words.
    expect(withoutRunner).toEqual(['ruby']);
    expect(summary(jobs)).toEqual([
      {
        what: 'pane "py" of slide "Side by side"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        script: 'import math\nx = 1\n',
        firstLine: 2,
      },
      {
        what: 'pane "js" of slide "Side by side"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        script: 'import math\nx = 1\nprint(x)\n',
        firstLine: 3,
      },
      {
        what: 'pane "py" of slide "Others"',
        command: 'bash -eo pipefail',
        mode: 'run',
        file: 'versus_run.sh',
        script: 'echo hi\n',
        firstLine: 1,
      },
      {
        what: 'pane "js" of slide "Others"',
        command: 'node',
        mode: 'run',
        file: 'versus_run.js',
        script: 'null.x\n',
        firstLine: 1,
        expectError: { text: 'TypeError' },
      },
      {
        what: 'solution of exercise "first"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        script: 'import math\nx = 1\n',
        firstLine: 2,
      },
      {
        what: 'starter of exercise "first"',
        command: 'python3 -m py_compile',
        mode: 'syntax',
        file: 'versus_run.py',
        script: 'x = ...  # TODO\n',
        firstLine: 1,
      },
      {
        what: 'solution of exercise "second"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        script: 'import math\nx = 1\ny = x + 1\n',
        firstLine: 3,
      },
      {
        what: 'solution of exercise "third"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        // "after: [second]" brings in what second runs after too, in the order of the talk.
        script: 'import math\nx = 1\ny = x + 1\nprint(x + y)\n',
        firstLine: 4,
        expectError: {},
      },
      {
        what: 'starter of exercise "third"',
        command: 'python3',
        mode: 'run',
        file: 'versus_run.py',
        // As attendees run it: without the set-up code, which they never get.
        script: 'x = 1\ny = x + 1\nprint(x, y)  # TODO: more\n',
        firstLine: 3,
      },
      // Deno's runner is named; versus knows no syntax check for it, so the starter is not checked.
      {
        what: 'solution of exercise "fourth"',
        command: 'deno run --quiet',
        mode: 'run',
        file: 'versus_run.deno',
        script: 'console.log(2)\n',
        firstLine: 1,
      },
      // Fifth says run: false; sixth is answered in words (language: text, which no program runs).
    ]);
  });

  it("says in the schema's text, which editors show, that a starter run whole runs without the set-up code, as it is planned", () => {
    const starter = planRuns(outline, { runnerDir: '/talk' }).jobs.find(
      (job) => job.what === 'starter of exercise "third"',
    );
    expect(starter?.script).not.toContain('import math');
    const texts: string[] = [];
    JSON.stringify(outlineJsonSchema(), (key, value) => {
      if (key === 'description' && String(value).startsWith('How the starter is checked')) texts.push(value);
      return value;
    });
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toContain('without the set-up code, run.setup');
      expect(text).not.toMatch(/after the set-up code/);
    }
  });

  it('keeps the starters no syntax check can read, and warns where run.starter: syntax asks for one', () => {
    // Fourth, in Deno, says nothing: its starter is only counted. In SQL through sqlite3, it asks.
    const sql = TALK.replace('runners: {', 'runners: { sql: sqlite3,').replace(
      'profiles:\n',
      `      - kind: exercise
        id: query
        title: Query
        language: sql
        task: [Select]
        starter: "SELECT ;"
        solution: "SELECT 1;"
        run: { starter: syntax }
profiles:
`,
    );
    const { unchecked, jobs } = planRuns(loadText(sql).outline, { runnerDir: '/talk' });
    const pathOf = (asked?: Where) => asked && (Array.isArray(asked) ? asked : asked.path).join('.');
    expect(unchecked.map(({ what, language, asked }) => ({ what, language, asked: pathOf(asked) }))).toEqual([
      { what: 'starter of exercise "fourth"', language: 'deno', asked: undefined },
      { what: 'starter of exercise "query"', language: 'sql', asked: 'sections.1.slides.6.run.starter' },
    ]);
    expect(jobs.map((job) => job.what)).not.toContain('starter of exercise "query"');
    const warnings = uncheckedStarterFindings(unchecked, () => ({ file: 'outline.yaml', line: 9, col: 25 }));
    expect(warnings).toEqual([
      {
        severity: 'warning',
        code: 'unchecked-starter',
        message:
          'the sql starter of exercise "query" is not checked: versus knows no syntax check for its runner "sqlite3"',
        file: 'outline.yaml',
        line: 9,
        col: 25,
        hint: 'Set run.starter: run to run it whole, as attendees run it (after the solutions in "after", without run.setup), or run.starter: false to say it is not checked.',
      },
    ]);
    expect(summarizeRuns([], warnings, { unchecked })).toEqual({
      ran: 0,
      failed: 0,
      notRun: 0,
      withoutRunner: [],
      parsed: 0,
      uncheckedStarters: ['deno', 'sql'],
    });
  });

  it('names each piece of code a job runs before its own, with its first line in the script', () => {
    const third = planRuns(outline, { runnerDir: '/talk' }).jobs.find(
      (job) => job.what === 'solution of exercise "third"',
    );
    expect(third?.before).toEqual([
      { what: 'the set-up code, run.setup.python', firstLine: 1 },
      { what: 'the solution of exercise "first"', firstLine: 2 },
      { what: 'the solution of exercise "second"', firstLine: 3 },
    ]);
    const pane = planRuns(outline, { runnerDir: '/talk' }).jobs[1];
    expect(pane?.before).toEqual([
      { what: 'the set-up code, run.setup.python', firstLine: 1 },
      { what: 'pane "py"', firstLine: 2 },
    ]);
  });

  it('finds the set-up code and runner of a language under its usual name (py → python)', () => {
    const py = loadText(TALK.replace('language: python, code: "x = 1"', 'language: py, code: "x = 1"')).outline;
    expect(planRuns(py, { runnerDir: '/talk' }).jobs[0]).toMatchObject({
      command: ['python3'],
      file: 'versus_run.py',
      script: 'import math\nx = 1\n',
      before: [{ what: 'the set-up code, run.setup.python', firstLine: 1 }],
    });
  });

  it('finds set-up code written under another name of the language (js for javascript)', () => {
    const js = loadText(TALK.replace('setup: { python: "import math" }', 'setup: { js: "const k = 1;" }')).outline;
    const job = planRuns(js, { runnerDir: '/talk' }).jobs.find((run) => run.command[0] === 'node');
    expect(job).toMatchObject({ script: 'const k = 1;\nnull.x\n' });
    expect(job?.before).toEqual([{ what: 'the set-up code, run.setup.js', firstLine: 1 }]);
  });

  it('names an exercise without an id by the title its slide shows, numbered as the talk numbers it', () => {
    const outline = loadText(`title: Snakes
contenders:
  - { id: py, name: Python, color: "#3776ab" }
  - { id: js, name: JavaScript, color: "#8a6d00" }
sections:
  - id: workshop
    title: Workshop
    slides:
      - { kind: code, title: Code, panes: [{ contender: py, language: python, code: "x = 1" }] }
      - { kind: exercise, title: "Exercise 0: Warm up", task: [Define x], solution: "x = 1" }
      - { kind: exercise, id: sum, title: Sum, task: [Add], solution: "print(1 + 1)" }
      - { kind: exercise, title: Last, task: [Print], solution: "print(x)" }
`).outline;
    expect(planRuns(outline, { runnerDir: '/talk' }).jobs.map((job) => job.what)).toEqual([
      'pane "py" of slide "Code"',
      'solution of exercise "Exercise 1: Warm up"',
      'solution of exercise "sum"',
      'solution of exercise "Exercise 3: Last"',
    ]);
  });

  it("places each job at its code in the outline: the pane's code, the exercise's solution or starter", () => {
    const { jobs } = planRuns(outline, { runnerDir: '/talk' });
    expect(jobs.map((job) => job.where)).toEqual([
      { file: 'outline.yaml', path: ['sections', 0, 'slides', 0, 'panes', 0, 'code'] },
      { file: 'outline.yaml', path: ['sections', 0, 'slides', 0, 'panes', 1, 'code'] },
      { file: 'outline.yaml', path: ['sections', 0, 'slides', 1, 'panes', 0, 'code'] },
      { file: 'outline.yaml', path: ['sections', 0, 'slides', 1, 'panes', 1, 'code'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 0, 'solution'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 0, 'starter'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 1, 'solution'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 2, 'solution'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 2, 'starter'] },
      { file: 'outline.yaml', path: ['sections', 1, 'slides', 3, 'solution'] },
    ]);
  });

  it('runs only the selected slides, and a solution still runs after an exercise the selection leaves out', () => {
    const loaded = loadText(TALK);
    const meetup = compileText(TALK, { profile: 'meetup' }).outline;
    expect(planRuns(meetup, { runnerDir: '/talk' }).jobs.map((job) => job.what)).toEqual([
      'pane "py" of slide "Side by side"',
      'pane "js" of slide "Side by side"',
      'pane "py" of slide "Others"',
      'pane "js" of slide "Others"',
    ]);
    const short = compileText(TALK, { profile: 'short' }).outline;
    const third = planRuns(short, { runnerDir: '/talk', everything: loaded.outline }).jobs.find(
      (job) => job.what === 'solution of exercise "third"',
    );
    expect(third?.script).toBe('import math\nx = 1\ny = x + 1\nprint(x + y)\n');
  });

  it('takes runners from the command line over the outline, and resolves relative program paths', () => {
    const { jobs } = planRuns(outline, {
      runnerDir: '/talk',
      overrides: { python: ['/opt/venv/bin/python3.12'], sh: ['dash'] },
    });
    expect(jobs[0]?.command).toEqual(['/opt/venv/bin/python3.12']);
    expect(jobs[2]?.command).toEqual(['dash']);
    expect(jobs[5]?.command).toEqual(['/opt/venv/bin/python3.12', '-m', 'py_compile']);
  });
});

describe('runners', () => {
  it('defaults python, javascript, bash and sh; an outline path is relative to the outline; false turns a language off', () => {
    const settings = { runners: { python: '.venv/bin/python -X dev', javascript: false as const } };
    expect(runnerFor('python', settings, { runnerDir: '/talk' })).toEqual({
      command: ['/talk/.venv/bin/python', '-X', 'dev'],
      key: 'python',
    });
    expect(runnerFor('py', settings, { runnerDir: '/talk' })?.command).toEqual(['/talk/.venv/bin/python', '-X', 'dev']);
    expect(runnerFor('javascript', settings, { runnerDir: '/talk' })).toBeUndefined();
    expect(runnerFor('js', undefined, { runnerDir: '/talk' })).toEqual({ command: ['node'] });
    // A command that fails fails the block, as GitHub Actions runs a step.
    expect(runnerFor('sh', undefined, { runnerDir: '/talk' })).toEqual({ command: ['bash', '-eo', 'pipefail'] });
    expect(runnerFor('BASH', undefined, { runnerDir: '/talk' })).toEqual({ command: ['bash', '-eo', 'pipefail'] });
    expect(runnerFor('rust', undefined, { runnerDir: '/talk' })).toBeUndefined();
  });

  it("checks syntax with the program's own flag, leaving out its run arguments", () => {
    expect(syntaxCheckOf({ command: ['/v/bin/python3.12', '-X', 'dev'] }, 'py')).toEqual([
      '/v/bin/python3.12',
      '-m',
      'py_compile',
    ]);
    expect(syntaxCheckOf({ command: ['node', '--experimental-vm-modules'] }, 'javascript')).toEqual([
      'node',
      '--check',
    ]);
    expect(syntaxCheckOf({ command: ['/bin/bash'] }, 'sh')).toEqual(['/bin/bash', '-n']);
    expect(syntaxCheckOf({ command: ['deno', 'run'] }, 'javascript')).toBeUndefined();
  });

  it('checks syntax only where the program parses the language: a sql runner that is python3 checks no SQL', () => {
    expect(syntaxCheckOf({ command: ['/usr/bin/python3', '-c', 'import sqlite3…'] }, 'sql')).toBeUndefined();
    expect(syntaxCheckOf({ command: ['node'] }, 'typescript')).toBeUndefined();
  });

  it('checks Perl, Ruby and PHP with their own parse-only flags, only when the runner is that program', () => {
    expect(syntaxCheckOf({ command: ['perl', '-w'] }, 'perl')).toEqual(['perl', '-c']);
    expect(syntaxCheckOf({ command: ['/usr/bin/ruby3.2'] }, 'ruby')).toEqual(['/usr/bin/ruby3.2', '-c']);
    expect(syntaxCheckOf({ command: ['php'] }, 'php')).toEqual(['php', '-l']);
    expect(syntaxCheckOf({ command: ['sh', '-c', 'perl "$0"'] }, 'perl')).toBeUndefined();
    expect(syntaxCheckOf({ command: ['perl', '-e', '…'] }, 'sql')).toBeUndefined();
  });

  it('reads --runner language=program, resolving a relative path against the current folder', () => {
    expect(parseRunnerOption('python=.venv/bin/python', '/work')).toEqual(['python', ['/work/.venv/bin/python']]);
    expect(parseRunnerOption('JavaScript=deno run', '/work')).toEqual(['javascript', ['deno', 'run']]);
    expect(parseRunnerOption('python', '/work')).toBeUndefined();
    expect(parseRunnerOption('python= ', '/work')).toBeUndefined();
  });
});

describe('runFindings', () => {
  const job: RunJob = {
    what: 'pane "py" of slide "S"',
    language: 'python',
    command: ['python3'],
    runner: { command: ['python3'] },
    mode: 'run',
    file: 'versus_run.py',
    script: 'import math\nx = 1\nprint(y)\n',
    firstLine: 2,
    before: [{ what: 'the set-up code, run.setup.python', firstLine: 1 }],
    where: { file: 'talk.yaml', path: ['sections', 0, 'slides', 0, 'panes', 0, 'code'] },
  };
  const places = {
    at: () => ({ file: 'talk.yaml', line: 10, col: 19 }),
    lineAt: (_job: RunJob, index: number) => ({ file: 'talk.yaml', line: 11 + index, col: 15 }),
  };
  const failed = (output: string): RunResult => ({
    job,
    outcome: { kind: 'failed', exitCode: 1, signal: null },
    output,
  });

  it('finds the line an error names in Python, Node and bash output', () => {
    const py =
      'Traceback (most recent call last):\n  File "versus_run.py", line 5, in <module>\n    f()\n  File "versus_run.py", line 2, in f\nKeyError: 1';
    expect(scriptLineOf({ file: 'versus_run.py' }, py)).toBe(2);
    expect(
      scriptLineOf({ file: 'versus_run.js' }, 'versus_run.js:3\nnull.x\n    at Object.<anonymous> (versus_run.js:3:6)'),
    ).toBe(3);
    expect(scriptLineOf({ file: 'versus_run.sh' }, 'versus_run.sh: line 4: nope: command not found')).toBe(4);
    expect(scriptLineOf({ file: 'versus_run.py' }, 'no line here')).toBeUndefined();
    // sqlite3 reads the script on its input, and names the line alone.
    expect(scriptLineOf({ file: 'versus_run.sql' }, 'Parse error near line 9: near "SELEC": syntax error')).toBe(9);
    expect(scriptLineOf({ file: 'versus_run.sql' }, 'Error: near line 3: no such table: meta')).toBe(3);
  });

  it("places a failure at its line in the block's own code, or at the block when the error lies in code run before it", () => {
    const own = runFindings([failed('  File "versus_run.py", line 3, in <module>\nNameError: y')], places);
    expect(own).toEqual([
      expect.objectContaining({
        code: 'run-failed',
        line: 12,
        col: 15,
        message: 'python pane "py" of slide "S" failed (exit code 1): NameError: y',
      }),
    ]);
    const before = runFindings([failed('  File "versus_run.py", line 1, in <module>\nImportError: math')], places);
    expect(before).toEqual([
      expect.objectContaining({
        line: 10,
        col: 19,
        message:
          'python pane "py" of slide "S" failed (exit code 1): ImportError: math (in the set-up code, run.setup.python, its line 1, run before it)',
      }),
    ]);
  });

  it("places sqlite3's error at its line of the block, and quotes it without the line of the script it ran", () => {
    const sql: RunJob = { ...job, language: 'sql', file: 'versus_run.sql', command: ['sh', '-c', 'sqlite3 < "$0"'] };
    const result: RunResult = {
      job: sql,
      outcome: { kind: 'failed', exitCode: 1, signal: null },
      output: 'Parse error near line 3: near "SELEC": syntax error\n  SELEC count(*) FROM t;\n  ^--- error here',
    };
    expect(runFindings([result], places)).toEqual([
      expect.objectContaining({
        line: 12,
        message: 'sql pane "py" of slide "S" failed (exit code 1): Parse error: near "SELEC": syntax error',
      }),
    ]);
  });

  it('blames the code run before a starter, not the starter, when the failing line is in an earlier solution', () => {
    // A starter of a chain: it runs after the earlier solution, without the set-up code that solution relies on.
    const starter: RunJob = {
      ...job,
      what: 'starter of exercise "uses-it"',
      exercise: 'starter',
      script: 'calc = Calculadora()\nprint(calc)\nraise ValueError("todo")\n',
      firstLine: 3,
      before: [{ what: 'the solution of exercise "calc"', firstLine: 1 }],
    };
    const output =
      'Traceback (most recent call last):\n  File "versus_run.py", line 1, in <module>\nNameError: name \'Calculadora\' is not defined';
    const [finding] = runFindings(
      [{ job: starter, outcome: { kind: 'failed', exitCode: 1, signal: null }, output }],
      places,
    );
    expect(finding?.message).toBe(
      `python starter of exercise "uses-it" failed (exit code 1): NameError: name 'Calculadora' is not defined (in the solution of exercise "calc", its line 1, run before it)`,
    );
    expect(finding?.hint).toBe(
      'Calculadora is missing from the solution of exercise "calc", which runs before the starter without the set-up code (run.setup), as attendees run their copy: they get no run.setup. Define Calculadora in that exercise\'s starter and solution instead, or check this starter for syntax only (run.starter: syntax).',
    );
    expect(finding?.hint).not.toMatch(/run\.after/);
    // A solution's other error in the code run before it is fixed there, too.
    const solution = { ...starter, what: 'solution of exercise "uses-it"', exercise: 'solution' as const };
    const [other] = runFindings(
      [
        {
          job: solution,
          outcome: { kind: 'failed', exitCode: 1, signal: null },
          output: output.replace(/NameError.*/, 'KeyError: 1'),
        },
      ],
      places,
    );
    expect(other?.hint).toBe(
      'The error is in the solution of exercise "calc", run before this block: fix it there; the block\'s own code did not run.',
    );
  });

  it("quotes Perl's syntax error, not its closing words, at the line it names", () => {
    const perl: RunJob = {
      ...job,
      language: 'perl',
      mode: 'syntax',
      file: 'versus_run.pl',
      script: 'print 1\nmy $x = ;\n',
      firstLine: 1,
      before: [],
    };
    const output = 'syntax error at versus_run.pl line 2, near "my "\nversus_run.pl had compilation errors.\n';
    const [finding] = runFindings(
      [{ job: perl, outcome: { kind: 'failed', exitCode: 255, signal: null }, output, errors: output }],
      places,
    );
    expect(finding).toMatchObject({
      message: 'perl pane "py" of slide "S" has a syntax error: syntax error at versus_run.pl line 2, near "my "',
      line: 12,
    });
    const run =
      'syntax error at versus_run.pl line 2, near "my "\nExecution of versus_run.pl aborted due to compilation errors.\n';
    const [whole] = runFindings(
      [
        {
          job: { ...perl, mode: 'run' },
          outcome: { kind: 'failed', exitCode: 255, signal: null },
          output: run,
          errors: run,
        },
      ],
      places,
    );
    expect(whole?.message).toBe(
      'perl pane "py" of slide "S" failed (exit code 255): syntax error at versus_run.pl line 2, near "my "',
    );
  });

  it("leaves out Node's own stack frames and version, so its error keeps the line its caret points at", () => {
    const error = [
      '/tmp/run/versus_run.js:2',
      'console.log(packages.rigth.x)',
      '                           ^',
      '',
      "TypeError: Cannot read properties of undefined (reading 'x')",
      '    at Object.<anonymous> (versus_run.js:2:28)',
    ];
    const output = [
      ...error,
      ...Array.from({ length: 6 }, (_, i) => `    at Module._compile (node:internal/modules/cjs/loader:${i}:14)`),
      '    at node:internal/main/run_main_module:28:49',
      '',
      'Node.js v20.20.2',
      '',
    ].join('\n');
    const [finding] = runFindings([failed(output)], places);
    expect(finding?.output).toEqual(error);
  });

  it('keeps the last 12 lines of output, cutting long ones', () => {
    const output = `${Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')}\n${'x'.repeat(300)}\n\n`;
    const [finding] = runFindings([failed(output)], places);
    expect(finding?.output).toHaveLength(12);
    expect(finding?.output?.[0]).toBe('line 9');
    expect(finding?.output?.at(-1)).toBe(`${'x'.repeat(239)}…`);
  });
});

describe('failureHint', () => {
  it('says to define a name a snippet uses, in the set-up code of its language (Python and Node)', () => {
    for (const [said, language] of [
      ["NameError: name 'df' is not defined", 'python'],
      ['ReferenceError: df is not defined', 'javascript'],
    ] as const) {
      expect(failureHint(said, { language })).toBe(
        `The code uses df without defining it: define it in run.setup.${language} (code run before every ${language} block, as imports and small data), or set run: false on a snippet not meant to run alone.`,
      );
    }
  });

  it('says of a name a solution uses that an earlier exercise may define it, with run.after', () => {
    expect(failureHint("NameError: name 'waits' is not defined", { language: 'python', exercise: 'solution' })).toBe(
      'The code uses waits without defining it: define it in run.setup.python (code run before every python block, as imports and small data), give the exercise run.after with the exercise whose solution defines it, or set run: false on a snippet not meant to run alone.',
    );
  });

  it('says to define a name a starter uses in the starter itself: attendees get no set-up code', () => {
    expect(failureHint("NameError: name 'queue' is not defined", { language: 'python', exercise: 'starter' })).toBe(
      'The starter uses queue without defining it, and attendees get no set-up code (run.setup): define it in the starter, or give the exercise run.after with the exercise whose solution defines it.',
    );
  });

  it('says a starter uses a table only the set-up code makes as it says a name: attendees get no set-up code', () => {
    expect(failureHint('Parse error near line 6: no such table: meta', { language: 'sql', exercise: 'starter' })).toBe(
      'The starter uses meta without defining it, and attendees get no set-up code (run.setup): define it in the starter, or give the exercise run.after with the exercise whose solution defines it.',
    );
  });

  it('says to install a missing package, to run the code with a program that has it, or not to run a config file', () => {
    expect(failureHint("ModuleNotFoundError: No module named 'polars'", { language: 'python' })).toBe(
      'Install polars where the runner finds it, or run the code with one that has it: --runner python=.venv/bin/python (or run.runners.python in the outline); a snippet not meant to run here (a config file) takes run: false.',
    );
    expect(
      failureHint("Error: Cannot find package 'zod' imported from /tmp/versus_run.mjs", { language: 'javascript' }),
    ).toMatch(/^Install zod where the runner finds it, .*--runner javascript=…/);
  });

  it("says where a file of one's own that code imports by a relative path must be, instead of installing it", () => {
    expect(failureHint("Error: Cannot find module './fake-zod.js'", { language: 'javascript' })).toBe(
      "./fake-zod.js is a file of yours the run's folder does not hold: it holds the files panes include and what is beside them in their folders, and the script of code written in the outline sits at the outline's folder. Put the file there, or set run: false on a snippet not meant to run here.",
    );
  });

  it('asks to fix the code otherwise', () => {
    expect(failureHint("KeyError: 'b'", { language: 'python' })).toMatch(/^Fix the code; if it is meant to fail/);
    expect(failureHint(undefined, { language: 'bash' })).toMatch(/^Fix the code/);
  });
});
