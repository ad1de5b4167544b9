/**
 * Mistakes people make when they write an outline from the README (issue 36),
 * one file each in test/fixtures/mistakes: a line indented to the wrong level,
 * a slide without its "- ", a comma inside { … }, a # that hides a closing }
 * or a value (`color: #00add8`), a [ never closed, a list written as text, a
 * list by contender written as a mapping and a mapping by contender as a list
 * (`contender: kotlin` above `pros: […]`), text with ": " read as a key, a
 * field written beside the mapping that takes it, a number where text belongs, an escape left at half a
 * character, a key or a slide kind written in other words (`private_notes`,
 * `table`, `pros_cons`), a misspelt contender id, a line indented with a tab
 * (after spaces too), text that starts with *, & or @ (an alias, an anchor, a
 * reserved character), a chart written as other tools take one, a code pane
 * or chart given both of its two ways (or neither), problems the schema
 * finds beside ones it cannot, and references whose message should list the
 * valid names; each kind in an outline and in an overlay. Every case's
 * problems come in one run, each with its message and hint written out in
 * full. Loaded in-process; two CLI runs show the printed form and its code frame.
 */
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../src/diagnostics/code-frame.js';
import { diagnosticFormatter, formatDiagnostic, VersusError } from '../src/diagnostics/diagnostics.js';
import { loadOutline } from '../src/outline/load.js';
import { parseOutlineText } from '../src/outline/parse.js';
import { validateOutline } from '../src/outline/validate.js';
import { CLI, ROOT, versus } from './run-cli.js';

const DIR = path.join(ROOT, 'test/fixtures/mistakes');
/** util-linux's `script`, which runs a command on a terminal of its own (Linux only). */
const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

/** Every problem of one load, as `file:line:col error[code]: message` and `  hint: …`, file names relative to DIR. */
async function problemsOf(name: string): Promise<string[]> {
  const error = await loadOutline(path.join(DIR, name)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${name} loads`).toBeInstanceOf(VersusError);
  return (error as VersusError).diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(DIR, d.file) }));
}

const CASES: Record<string, string[]> = {
  'indentation-slide.yaml': [
    'indentation-slide.yaml:13:5 error[yaml-syntax]: this slide starts at column 5, but the slides of this section start at column 7\n' +
      '  hint: Line it up with line 10: indent it 6 spaces (2 more), and the lines under it 2 more each.',
  ],
  'indentation-item.yaml': [
    'indentation-item.yaml:14:10 error[yaml-syntax]: this list item starts at column 10, but the bullets of this slide start at column 11\n' +
      '  hint: Line it up with line 13: indent it 10 spaces (1 more).',
    'indentation-item.yaml:17:11 error[yaml-syntax]: "text" starts at column 11, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 16: indent it 8 spaces (2 fewer).',
  ],
  // Not the section's own "notes" (YAML read the misplaced key as the section's, written twice),
  // nor the next slide's "- ", which the parser faults though it is where it belongs.
  'indentation-key-echoes.yaml': [
    'indentation-key-echoes.yaml:15:7 error[yaml-syntax]: "notes" starts at column 7, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 14: indent it 8 spaces (2 more), and the lines under it 2 more each.',
  ],
  'indentation-key-with-lines.yaml': [
    'indentation-key-with-lines.yaml:14:5 error[unknown-key]: "bullets" starts at column 5, so it is read as a section field; it belongs to the slide above, whose keys start at column 9\n' +
      '  hint: Line it up with line 13: indent it 8 spaces (4 more).',
  ],
  'indentation-last-key.yaml': [
    'indentation-last-key.yaml:14:7 error[yaml-syntax]: "title" starts at column 7, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 13: indent it 8 spaces (2 more), and the lines under it 2 more each.',
  ],
  // A slide's "- " line left of the keys under it: one problem at that line, not one at each key below.
  'item-dash-short.yaml': [
    'item-dash-short.yaml:11:5 error[yaml-syntax]: this slide is indented 4 spaces, but its keys below it start at column 9\n' +
      '  hint: Indent it 2 spaces more, the "-" at column 7, to line up "kind" with "id" on line 12.',
    'item-dash-short.yaml:21:15 error[yaml-syntax]: this [ is never closed\n' +
      '  hint: Close it with ] after its last item: tags: [short]; or write the list as "- item" lines, one under another.',
  ],
  'item-dash-section-column.yaml': [
    'item-dash-section-column.yaml:11:3 error[yaml-syntax]: this slide is indented 2 spaces, but its keys below it start at column 9\n' +
      '  hint: Indent it 4 spaces more, the "-" at column 7, to line up "kind" with "title" on line 12.',
  ],
  'item-dash-short-keys.yaml': [
    'item-dash-short-keys.yaml:10:5 error[yaml-syntax]: this slide is indented 4 spaces, but its keys below it start at column 9\n' +
      '  hint: Indent lines 10–11 2 spaces more each, the "-" at column 7, to line up their keys with "title" on line 12.',
  ],
  // The first item of a list without its "- ": no item above to be read into, so no key written twice.
  // A later item without its "- ", at its list's "-" column: one problem there, not a hint for each line.
  'item-dash-missing-later.yaml': [
    'item-dash-missing-later.yaml:15:7 error[yaml-syntax]: a slide starts here without "- " before it, so it is not read as an item of the list above\n' +
      '  hint: Start it with "- " at column 7, as the slide on line 11 does: - kind: quote; and indent lines 16–17 2 spaces more, to line up with "kind".',
  ],
  'item-dash-missing-bullet.yaml': [
    'item-dash-missing-bullet.yaml:15:11 error[yaml-syntax]: a list item starts here without "- " before it, so it is not read as an item of the list above\n' +
      '  hint: Start it with "- " at column 11, as the list item on line 14 does: - Warm',
  ],
  // An item written as { … } without its "- ", at the text of the item above: YAML read it as more of that item.
  'item-dash-missing-flow.yaml': [
    'item-dash-missing-flow.yaml:15:13 error[yaml-syntax]: a decision choice starts here without "- " before it, so it is read as more of the decision choice above\n' +
      '  hint: Start it with "- " at column 11, as the decision choice on line 14 does: - { contender: coffee, when: [You need focus] }',
  ],
  // The first item so written, the next with its "- ": YAML read it as the list's key's value.
  'item-dash-missing-flow-first.yaml': [
    'item-dash-missing-flow-first.yaml:14:11 error[yaml-syntax]: a decision choice starts here without "- " before it, so it is read as the whole of "choices" and the decision choice after it as out of place\n' +
      '  hint: Start it with "- ", as the decision choice on line 15 does: - { contender: tea, when: [You want calm] }',
  ],
  // The keys left of the item's first key, not its "- " too far left: no fix that moves the "- " line.
  'item-keys-left.yaml': [
    'item-keys-left.yaml:12:8 error[yaml-syntax]: "title" starts at column 8, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 11: indent it 8 spaces (1 more).',
  ],
  // A "-" run into the key: told as such, and the rest read as if the space were there.
  'dash-no-space.yaml': [
    'dash-no-space.yaml:10:7 error[yaml-syntax]: a "-" needs a space after it: - kind: bullets\n' +
      '  hint: Without the space, "-kind" is read as a key, not as a list item that starts with "kind".',
  ],
  'dash-no-space-flat.yaml': [
    'dash-no-space-flat.yaml:11:7 error[yaml-syntax]: a "-" needs a space after it: - kind: bullets\n' +
      '  hint: Without the space, "-kind" is read as a key, not as a list item that starts with "kind".',
    'dash-no-space-flat.yaml:12:7 error[yaml-syntax]: "title" starts at column 7, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 11: indent it 8 spaces (2 more).',
    'dash-no-space-flat.yaml:13:7 error[yaml-syntax]: "notes" starts at column 7, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 11: indent it 8 spaces (2 more).',
    'dash-no-space-flat.yaml:14:7 error[yaml-syntax]: "bullets" starts at column 7, but the keys of this slide start at column 9\n' +
      '  hint: Line it up with line 11: indent it 8 spaces (2 more).',
  ],
  // A section has no "kind": its first key written again, and the next after it, start a new one.
  'missing-dash-section.yaml': [
    'missing-dash-section.yaml:15:5 error[yaml-syntax]: a new section starts here, but without "- " before it, its keys are read into the section above ("id" is written twice)\n' +
      '  hint: Start it with "- " at column 3, as the section on line 8 does: - id: more',
  ],
  'missing-dash-skipped-id.yaml': [
    'missing-dash-skipped-id.yaml:16:9 error[yaml-syntax]: a new slide starts here, but without "- " before it, its keys are read into the slide above ("kind" is written twice)\n' +
      '  hint: Start it with "- " at column 7, as the slide on line 11 does: - kind: quote',
  ],
  'item-dash-missing.yaml': [
    'item-dash-missing.yaml:11:7 error[yaml-syntax]: a slide starts here without "- " before it, so "slides" holds a mapping, not a list of slides\n' +
      '  hint: Start it with "- " at column 7: - kind: comparison',
  ],
  // Not "dedent slides", which leaves "sections" a mapping.
  'section-dash-missing.yaml': [
    'section-dash-missing.yaml:7:3 error[yaml-syntax]: a section starts here without "- " before it, so "sections" holds a mapping, not a list of sections\n' +
      '  hint: Start it with "- " at column 3: - id: basics; and indent line 8 2 spaces more, to line up with "id".',
  ],
  'section-no-list.yaml': [
    'section-no-list.yaml:7:3 error[wrong-type]: "sections" must be a list, not a mapping\n' +
      '  hint: Start each section with "- ", its other keys lined up under its first: - id: basics',
  ],
  'indentation-empty.yaml': [
    'indentation-empty.yaml:15:5 error[wrong-type]: "slides" has no value: the list below it is indented 2 spaces, less than "slides" itself, so its items are read as sections\n' +
      '  hint: Indent the list 4 spaces more, its "-" at column 7, and the lines under each item as much.',
  ],
  'indentation-overlay.yaml': [
    'indentation-overlay.yaml:10:5 error[unknown-key]: "bullets" starts at column 5, so it is read as an addition field; it belongs to the slide above, whose keys start at column 9\n' +
      '  hint: Line it up with line 9: indent it 8 spaces (4 more).',
  ],
  // The keys of a slide without its "- ", read into the slide above: one problem at the new slide's first key,
  // not each key written twice nor the mixed slide's fields ("bullets" is not a comparison's).
  'missing-dash.yaml': [
    'missing-dash.yaml:15:9 error[yaml-syntax]: a new slide starts here, but without "- " before it, its keys are read into the slide above ("kind" is written twice)\n' +
      '  hint: Start it with "- " at column 7, as the slide on line 11 does: - kind: comparison',
    'missing-dash.yaml:24:9 error[yaml-syntax]: "title" is written twice in this mapping\n' +
      '  hint: "title" is already set on line 23; remove or rename one of the two.',
    'missing-dash.yaml:26:9 error[yaml-syntax]: a new slide starts here, but without "- " before it, its keys are read into the slide above ("kind" is written twice)\n' +
      '  hint: Start it with "- " at column 7, as the slide on line 21 does: - id: steps',
  ],
  'comma-cells.yaml': [
    'comma-cells.yaml:14:42 error[wrong-type]: the mongo cell of row "Replication" was cut at a comma: inside { … } a comma ends an entry, so "sharded cluster" became a key without a value\n' +
      '  hint: Quote text that holds a comma: mongo: "replica set, sharded cluster"',
    'comma-cells.yaml:15:22 error[unknown-contender]: "pulsar" is not a contender\n' +
      '  hint: A verdict names the winning contender, or "tie". Contenders are: mongo, postgres.',
    'comma-cells.yaml:17:59 error[wrong-type]: the postgres cell of row "Backups" was cut at a comma: inside { … } a comma ends an entry, so "WAL archiving" became a key without a value\n' +
      '  hint: Quote text that holds a comma: postgres: "pg_dump, WAL archiving"',
    // Two commas: one problem, naming both keys they made (and no unknown contender "Go").
    'comma-cells.yaml:19:38 error[wrong-type]: the mongo cell of row "Drivers" was cut at commas: inside { … } a comma ends an entry, so "Python" and "Go" became keys without values\n' +
      '  hint: Quote text that holds a comma: mongo: "Node.js, Python, Go"',
    // The same words cut off two cells: a key written twice, told as the two cuts it is, each at its own place.
    'comma-cells.yaml:21:36 error[wrong-type]: the mongo cell of row "Hosting" was cut at a comma: inside { … } a comma ends an entry, so "self-hosted" became a key without a value\n' +
      '  hint: Quote text that holds a comma: mongo: "Atlas, self-hosted"',
    'comma-cells.yaml:21:49 error[wrong-type]: the postgres cell of row "Hosting" was cut at a comma: inside { … } a comma ends an entry, so "self-hosted" became a key without a value\n' +
      '  hint: Quote text that holds a comma: postgres: "RDS, self-hosted"',
  ],
  'comma-overlay.yaml': [
    'comma-overlay.yaml:10:32 error[wrong-type]: the tea cell of row "Per cup" was cut at a comma: inside { … } a comma ends an entry, so "60 mg for black tea" became a key without a value\n' +
      '  hint: Quote text that holds a comma: tea: "40 mg, 60 mg for black tea"',
  ],
  'misspelt-ids.yaml': [
    'misspelt-ids.yaml:14:37 error[unknown-contender]: "polar" is not a contender (did you mean "polars"?)\n' +
      '  hint: Contenders are: pandas, polars.',
  ],
  // Not "tea" is not a contender (did you mean "Tea"?) at each reference: the capital is the one mistake.
  'id-caps.yaml': [
    'id-caps.yaml:5:11 error[invalid-value]: "id": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "Tea"\n' +
      '  hint: Write it in lowercase with dashes between words: id: tea, and name it so where the outline uses it.',
    'id-caps.yaml:8:11 error[invalid-value]: "id": ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"; got "FAO"\n' +
      '  hint: Write it in lowercase with dashes between words: id: fao, and name it so where the outline uses it.',
    'id-caps.yaml:21:35 error[unknown-contender]: "cofee" is not a contender (did you mean "coffee"?)\n' +
      '  hint: Contenders are: tea, coffee.',
    'id-caps.yaml:26:26 error[unknown-contender]: "tee" is not a contender (did you mean "tea"?)\n' +
      '  hint: Contenders are: tea, coffee.',
  ],
  'misspelt-overlay.yaml': [
    'misspelt-overlay.yaml:10:20 error[unknown-contender]: "tee" is not a contender (did you mean "tea"?)\n' +
      '  hint: Contenders are: tea, coffee.',
  ],
  'tab-indent.yaml': [
    'tab-indent.yaml:16:1 error[yaml-syntax]: Tabs are not allowed as indentation\n' +
      '  hint: Indent with spaces; YAML does not allow tabs for indentation.',
  ],
  'tab-overlay.yaml': [
    'tab-overlay.yaml:12:1 error[yaml-syntax]: Tabs are not allowed as indentation\n' +
      '  hint: Indent with spaces; YAML does not allow tabs for indentation.',
  ],
  'tab-after-spaces.yaml': [
    'tab-after-spaces.yaml:15:7 error[yaml-syntax]: Tabs are not allowed as indentation\n' +
      '  hint: Indent with spaces; YAML does not allow tabs for indentation.',
  ],
  'tab-after-spaces-first-key.yaml': [
    'tab-after-spaces-first-key.yaml:13:7 error[yaml-syntax]: Tabs are not allowed as indentation\n' +
      '  hint: Indent with spaces; YAML does not allow tabs for indentation.',
  ],
  // Told where the [ opens, not at the next line, where YAML noticed, in its own words.
  'unclosed-bracket.yaml': [
    'unclosed-bracket.yaml:14:18 error[yaml-syntax]: this [ is never closed\n' +
      '  hint: Close it with ] after its last item: sources: [fao]; or write the list as "- item" lines, one under another.',
  ],
  'unclosed-bracket-slides-after.yaml': [
    'unclosed-bracket-slides-after.yaml:16:18 error[yaml-syntax]: this [ is never closed\n' +
      '  hint: Close it with ] after its last item: sources: [fao]; or write the list as "- item" lines, one under another.',
  ],
  'image-no-alt-outside.yaml': [
    'image-no-alt-outside.yaml:11:9 error[missing-field]: slide is missing "alt"\n' + '  hint: Add alt: …',
    'image-no-alt-outside.yaml:13:14 error[bad-path]: "../golden/images/cup.svg" is outside the outline\'s folder\n' +
      "  hint: Images and code files must sit in the outline's folder or below it; copy the file there.",
  ],
  'chart-guesses.yaml': [
    'chart-guesses.yaml:10:9 error[missing-field]: slide is missing "metric"\n' +
      '  hint: Add metric: { title: …, unit: …, higherIsBetter: … }',
    'chart-guesses.yaml:12:9 error[unknown-key]: "unit" is not a slide field: it belongs in "metric"\n' +
      '  hint: Write it inside: metric: { unit: … }.',
    'chart-guesses.yaml:13:9 error[unknown-key]: "better" is not a slide field: it belongs in "metric", as "higherIsBetter"\n' +
      '  hint: Write it inside: metric: { higherIsBetter: … }.',
    'chart-guesses.yaml:14:9 error[unknown-key]: "series" is not a slide field (did you mean "groups"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, metric, values, groups, min, max, scale.',
  ],
  'chart-overlay.yaml': [
    'chart-overlay.yaml:6:9 error[missing-field]: slide is missing "metric"\n' +
      '  hint: Add metric: { title: …, unit: …, higherIsBetter: … }',
    'chart-overlay.yaml:8:9 error[unknown-key]: "bars" is not a slide field (did you mean "values"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, metric, values, groups, min, max, scale.',
  ],
  'comment-value.yaml': [
    'comment-value.yaml:6:12 error[wrong-type]: "color" has no value: the # starts a comment, so "#00add8" is not read\n' +
      '  hint: Quote it: color: "#00add8"',
    'comment-value.yaml:9:12 error[wrong-type]: "color" has no value: the # starts a comment, so "#b7410e" is not read\n' +
      '  hint: Quote it: color: "#b7410e"',
  ],
  'kind-words.yaml': [
    'kind-words.yaml:10:15 error[invalid-value]: "table" is not a slide kind (did you mean "comparison"?)\n' +
      '  hint: Write kind: comparison. Use one of: bullets, comparison, pros-cons, code, timeline, decision, quote, image, exercise, chart.',
    'kind-words.yaml:15:15 error[invalid-value]: "picture" is not a slide kind (did you mean "image"?)\n' +
      '  hint: Write kind: image. Use one of: bullets, comparison, pros-cons, code, timeline, decision, quote, image, exercise, chart.',
    'kind-words.yaml:19:15 error[invalid-value]: "pros_cons" is not a slide kind (did you mean "pros-cons"?)\n' +
      '  hint: Write kind: pros-cons. Use one of: bullets, comparison, pros-cons, code, timeline, decision, quote, image, exercise, chart.',
  ],
  'either-or.yaml': [
    'either-or.yaml:15:19 error[invalid-value]: "file": a code pane shows its "code" or a "file", not both\n' +
      '  hint: Keep the one that holds the code you mean: delete "code", or "file".',
    'either-or.yaml:16:13 error[invalid-value]: code pane "rust": a code pane needs its "code", or a "file" that holds it\n' +
      '  hint: Add code: | with the code on the lines under it, or file: and its path.',
    'either-or.yaml:23:11 error[invalid-value]: "groups": a chart shows its "values" or its "groups", not both\n' +
      '  hint: Keep "values" for one bar per contender, or "groups" for a cluster of bars per measurement.',
  ],
  'by-contender.yaml': [
    'by-contender.yaml:12:9 error[wrong-type]: "panes" must be a list, not a mapping by contender: each item names its contender\n' +
      '  hint: Write one item per contender: panes: [{ contender: kotlin, language: …, code: … }, { contender: swift, … }].',
    'by-contender.yaml:21:9 error[wrong-type]: "choices" must be a list, not a mapping by contender: each item names its contender\n' +
      '  hint: Write one item per contender: choices: [{ contender: kotlin, when: … }, { contender: swift, … }].',
    // The other way round: a list where each contender's id is a key, and a slide about one contender.
    'by-contender.yaml:28:13 error[wrong-type]: "cells" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
      '  hint: Write the values under the contenders\' ids: cells: { kotlin: Gradle, swift: "Swift Package Manager: built in" }',
    'by-contender.yaml:31:9 error[unknown-key]: "contender" is not a slide field\n' +
      '  hint: Name the contender by its id in "pros" and "cons" instead: pros: { kotlin: […] }, cons: { kotlin: […] }.',
    'by-contender.yaml:32:9 error[wrong-type]: "pros" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
      "  hint: Write each contender's list under its id: pros: { kotlin: […] }.",
    'by-contender.yaml:34:9 error[wrong-type]: "cons" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
      "  hint: Write each contender's list under its id: cons: { kotlin: […] }.",
  ],
  'by-contender-overlay.yaml': [
    'by-contender-overlay.yaml:8:9 error[wrong-type]: "panes" must be a list, not a mapping by contender: each item names its contender\n' +
      '  hint: Write one item per contender: panes: [{ contender: tea, code: … }, { contender: coffee, … }].',
    // The overlay knows no contenders of its own: the slide's contender is the key.
    'by-contender-overlay.yaml:13:9 error[unknown-key]: "contender" is not a slide field\n' +
      '  hint: Name the contender by its id in "pros" and "cons" instead: pros: { tea: […] }, cons: { tea: […] }.',
    'by-contender-overlay.yaml:14:9 error[wrong-type]: "pros" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
      "  hint: Write each contender's list under its id: pros: { tea: […] }.",
    'by-contender-overlay.yaml:15:9 error[wrong-type]: "cons" must be a mapping by contender, not a list: each contender\'s id is a key\n' +
      "  hint: Write each contender's list under its id: cons: { tea: […] }.",
  ],
  // Text that starts with a character YAML gives a meaning of its own: the parser names what it read.
  'star-text.yaml': [
    'star-text.yaml:11:16 error[yaml-syntax]: this text starts with "*", which YAML reads as an alias (a copy of what an anchor holds)\n' +
      '  hint: Put the text in quotes: title: "*Important* first"',
    'star-text.yaml:16:13 error[yaml-syntax]: this text starts with "@", a character YAML reserves\n' +
      '  hint: Put the text in quotes: - "@tea_guild on Mastodon"',
  ],
  'star-word.yaml': [
    'star-word.yaml:11:16 error[yaml-syntax]: "*Important" is read as an alias, which copies what an anchor "&Important" holds, and none is set above it\n' +
      '  hint: Quote text that starts with *: title: "*Important"; for a copy, set the anchor (&Important) on the value above.',
  ],
  'anchor-text.yaml': [
    'anchor-text.yaml:3:11 error[wrong-type]: "subtitle" has no value: "&more" is read as an anchor, a name for the value after it, and none follows\n' +
      '  hint: Quote it: subtitle: "&more"',
  ],
  // A # after a space starts a comment: inside { … } it hides the closing }, and YAML says so lines later.
  'comment-hash.yaml': [
    'comment-hash.yaml:4:34 error[yaml-syntax]: this # starts a comment, so the rest of the line, its } included, is not read\n' +
      '  hint: Quote the text that holds the #: color: "#42b883"',
  ],
  'comment-overlay.yaml': [
    'comment-overlay.yaml:6:56 error[yaml-syntax]: this # starts a comment, so the rest of the line, its } included, is not read\n' +
      '  hint: Quote the text that holds the #: text: "Tee ist Tipp #1"',
  ],
  'list-as-text.yaml': [
    'list-as-text.yaml:15:18 error[wrong-type]: "sources" must be a list, not "usda, fao"\n' +
      '  hint: Write it as a list: sources: [usda, fao]',
    'list-as-text.yaml:16:18 error[wrong-type]: "bullets" must be a list, not "Tea: steeped leaves"\n' +
      '  hint: Write it as a list: bullets: ["Tea: steeped leaves"]',
    // Two bullets meant: parted at their comma, as brackets would part them; "1,000" and a quote's comma are no ends.
    'list-as-text.yaml:19:18 error[wrong-type]: "bullets" must be a list, not "Tea is steeped leaves, Coffee is brewed …"\n' +
      '  hint: Write it as a list; in brackets, each comma starts a new item: bullets: [Tea is steeped leaves, Coffee is brewed beans] (or one "- " line per item). For one item, quote it: bullets: ["Tea is steeped leaves, Coffee is brewed beans"]',
    'list-as-text.yaml:22:18 error[wrong-type]: "bullets" must be a list, not "Tea says \\"slow, calm\\", coffee says 1,000…"\n' +
      `  hint: Write it as a list; in brackets, each comma starts a new item: bullets: ['Tea says "slow, calm"', "coffee says 1,000 cups a day"] (or one "- " line per item). For one item, quote it: bullets: ['Tea says "slow, calm", coffee says 1,000 cups a day']`,
  ],
  // Not "e.g. "2.0" or "yes"": the value itself, quoted at its key, as it was written (2.0, not 2).
  'plain-code.yaml': [
    'plain-code.yaml:15:13 error[yaml-syntax]: the code of "code" is written without "|": YAML reads it as plain text, which joins its lines into one with spaces\n' +
      '  hint: Write "code: |" and the code on the lines under it, indented: every line is then kept as written.',
    'plain-code.yaml:24:9 error[yaml-syntax]: the code of "starter" is written without "|": YAML reads it as plain text, which drops its lines that start with "#" as comments\n' +
      '  hint: Write "starter: |" and the code on the lines under it, indented: every line is then kept as written.',
  ],
  'number-text.yaml': [
    'number-text.yaml:5:25 error[wrong-type]: "name" must be text, not boolean true\n' +
      '  hint: Quote it to keep it as text: name: "true"',
    'number-text.yaml:11:16 error[wrong-type]: "title" must be text, not the number 2026\n' +
      '  hint: Quote it to keep it as text: title: "2026"',
    'number-text.yaml:14:27 error[wrong-type]: "tea" must be text, not the number 40\n' +
      '  hint: Quote it to keep it as text: tea: "40"',
    'number-text.yaml:14:39 error[wrong-type]: "coffee" must be text, not 2.0, which YAML reads as the number 2\n' +
      '  hint: Quote it to keep it as text: coffee: "2.0"',
    'number-text.yaml:18:13 error[wrong-type]: item 1 of "bullets" must be text, not the number 1984\n' +
      '  hint: Quote it to keep it as text: - "1984"',
  ],
  'colon-text.yaml': [
    'colon-text.yaml:14:13 error[wrong-type]: "bullets[0]" was read as a mapping, not text: the ": " after "La réactivité" made "La réactivité" a key\n' +
      '  hint: Quote text that holds ": ": "La réactivité : signaux ou DOM virtuel"',
    'colon-text.yaml:20:13 error[wrong-type]: "task[1]" was read as a mapping, not text: the ": " after "Attention" made "Attention" a key\n' +
      '  hint: Quote text that holds ": ": "Attention: gardez la même interface"',
    'colon-text.yaml:25:44 error[wrong-type]: "text" was cut at a comma: inside { … } a comma ends an entry, so "Evan You seul" became a key without a value\n' +
      '  hint: Quote text that holds a comma: text: "Vue 0.8, Evan You seul"',
    // An item of [ … ] is read as a mapping too; one written as { … } is a mapping as meant.
    'colon-text.yaml:30:40 error[wrong-type]: "when[0]" was read as a mapping, not text: the ": " after "Vous voulez JSX" made "Vous voulez JSX" a key\n' +
      '  hint: Quote text that holds ": ": "Vous voulez JSX: tout en JavaScript"',
    'colon-text.yaml:31:38 error[wrong-type]: item 1 of "when" must be text, not a mapping\n' +
      '  hint: Write one text; for several paragraphs write "|" after the colon and indent the lines below it.',
  ],
  'colon-overlay.yaml': [
    'colon-overlay.yaml:9:13 error[wrong-type]: "bullets[0]" was read as a mapping, not text: the ": " after "Tip" made "Tip" a key\n' +
      '  hint: Quote text that holds ": ": "Tip: steep green tea for two minutes"',
  ],
  'nesting.yaml': [
    'nesting.yaml:13:9 error[unknown-key]: "unit" is not a slide field: it belongs in "metric"\n' +
      '  hint: Write it inside: metric: { unit: … }.',
    'nesting.yaml:19:13 error[unknown-key]: "tea" is not a table row field: it belongs in "cells"\n' +
      '  hint: Write it inside "cells", which a table row needs: cells: { tea: …, coffee: … }.',
    'nesting.yaml:20:13 error[unknown-key]: "coffee" is not a table row field: it belongs in "cells"\n' +
      '  hint: Write it inside "cells", which a table row needs: cells: { tea: …, coffee: … }.',
    // Not "missing pros" and "missing cons" beside it: they are written, the other way round.
    'nesting.yaml:23:9 error[unknown-key]: "items" is not a slide field: "pros" and "cons" go on the slide itself, each a mapping by contender\n' +
      '  hint: Write it the other way round: pros: { tea: …, coffee: … }, cons: { tea: …, coffee: … }.',
  ],
  'plain-contenders.yaml': [
    'plain-contenders.yaml:3:14 error[wrong-type]: contender 1 must be a mapping, not "Tea"\n' +
      '  hint: Write a contender as a mapping of its fields: { id: …, name: …, color: … }.',
    'plain-contenders.yaml:3:19 error[wrong-type]: contender 2 must be a mapping, not "Coffee"\n' +
      '  hint: Write a contender as a mapping of its fields: { id: …, name: …, color: … }.',
  ],
  'nesting-overlay.yaml': [
    'nesting-overlay.yaml:5:5 error[unknown-key]: "title" is not a replacement field: it belongs in "slide" or "section"\n' +
      '  hint: Write it inside: slide: { title: … } or section: { title: … }.',
    'nesting-overlay.yaml:11:9 error[unknown-key]: "by-drink" is not a slide field: "pros" and "cons" go on the slide itself, each a mapping by contender\n' +
      '  hint: Write it the other way round: pros: { tea: …, coffee: … }, cons: { tea: …, coffee: … }.',
  ],
  'half-characters.yaml': [
    'half-characters.yaml:2:8 error[invalid-value]: "title" holds half of a character ("\\ud83d", a surrogate without its pair)\n' +
      '  hint: Write the character itself, or both halves of its escape ("\\ud83d\\ude80" for 🚀).',
    'half-characters.yaml:12:57 error[invalid-value]: "bullets[1]" holds half of a character ("\\udfff", a surrogate without its pair)\n' +
      '  hint: Write the character itself, or both halves of its escape ("\\ud83d\\ude80" for 🚀).',
  ],
  'spelt-out-key.yaml': [
    'spelt-out-key.yaml:14:9 error[unknown-key]: "starter_code" is not a slide field (did you mean "starter"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, task, language, starter, solution, run.',
  ],
  'naming-styles.yaml': [
    'naming-styles.yaml:12:9 error[unknown-key]: "time" is not a slide field (did you mean "minutes"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, rows.',
    'naming-styles.yaml:13:9 error[unknown-key]: "speaker_notes" is not a slide field (did you mean "notes"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, rows.',
    'naming-styles.yaml:17:13 error[unknown-key]: "winner" is not a table row field (did you mean "verdict"?)\n' +
      '  hint: Allowed here: aspect, cells, verdict, sources.',
  ],
  'naming-overlay.yaml': [
    'naming-overlay.yaml:10:9 error[unknown-key]: "speakerNotes" is not a slide field (did you mean "notes"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, task, language, starter, solution, run.',
    'naming-overlay.yaml:11:9 error[unknown-key]: "private-notes" is not a slide field (did you mean "privateNotes"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, task, language, starter, solution, run.',
  ],
  'phases.yaml': [
    'phases.yaml:11:12 error[unknown-id]: no section or slide has the id "pausen"\n' +
      '  hint: Ids in this outline: basics. Every section has an id; give a slide one with "id:" to skip it.',
    'phases.yaml:12:12 error[unknown-tag]: no section or slide is tagged "short"\n' +
      '  hint: Tag sections or slides with "tags: [...]" first.',
    'phases.yaml:16:5 error[yaml-syntax]: "title" is written twice in this mapping\n' +
      '  hint: "title" is already set on line 15; remove or rename one of the two.',
    'phases.yaml:20:9 error[unknown-key]: "bulets" is not a slide field (did you mean "bullets"?)\n' +
      '  hint: Allowed here: kind, id, title, notes, privateNotes, tags, sources, minutes, lead, bullets.',
  ],
  'phases-overlay.yaml': [
    'phases-overlay.yaml:9:12 error[unknown-id]: no section or slide has the id "pausen"\n' +
      '  hint: Ids in this outline: basics, what, caffeine, history, motto. Every section has an id; give a slide one with "id:" to skip it.',
    'phases-overlay.yaml:10:10 error[unknown-id]: no section, slide or source has the id "moto" (did you mean "motto"?)\n' +
      '  hint: Ids come from the outline this file extends (basics, what, caffeine, history, motto, fao).',
    'phases-overlay.yaml:16:15 error[wrong-type]: "task" must be a list, not "Eine Tasse aufbrühen."\n' +
      '  hint: Write it as a list: task: [Eine Tasse aufbrühen.]',
  ],
  'faulty-slide-tags.yaml': [
    'faulty-slide-tags.yaml:19:18 error[wrong-type]: "sources" must be a list, not "fao"\n' +
      '  hint: Write it as a list: sources: [fao]',
  ],
  // A color in quotes was read: its digits are what is wrong, not a # read as a comment.
  'value-hints.yaml': [
    'value-hints.yaml:4:34 error[invalid-value]: "color": a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"; got "#2e7d3"\n' +
      '  hint: Write 6 hex digits after the # (or 3), e.g. "#1f6feb": "#2e7d3" has 5.',
    'value-hints.yaml:5:40 error[invalid-value]: "color": a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"; got "6f4e37"\n' +
      '  hint: Write it with a # before it, in quotes: color: "#6f4e37"',
    'value-hints.yaml:6:36 error[invalid-value]: "color": a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"; got "#6g4e37"\n' +
      '  hint: "g" is no hex digit: write 0–9 and a–f only, e.g. "#1f6feb".',
    // A date that reads one way only is shown as it is to be written; "03/04/2026" could be March or April.
    'value-hints.yaml:8:85 error[invalid-value]: "accessed": dates are written YYYY-MM-DD; got "1 Nov 2026"\n' +
      '  hint: Write it as YYYY-MM-DD: accessed: 2026-11-01',
    'value-hints.yaml:9:80 error[invalid-value]: "accessed": dates are written YYYY-MM-DD; got "03/04/2026"\n' +
      '  hint: Write the date as YYYY-MM-DD, e.g. 2026-11-20.',
    // Not "must be text, not null" and a hint to quote "2.0" or "yes": nothing is written there.
    'value-hints.yaml:18:15 error[wrong-type]: "title" is empty\n' + '  hint: Write its text after the colon: title: …',
    'value-hints.yaml:19:14 error[wrong-type]: "tags" is empty\n' +
      '  hint: Write its items after the colon, tags: [a, b], or as "- " lines indented under it.',
    'value-hints.yaml:22:12 error[wrong-type]: "bullets[1]" is empty\n' +
      '  hint: Write text after its "- ", or remove the line.',
    // A number in quotes is text: its quotes are what to drop, not units it does not have.
    'value-hints.yaml:26:24 error[wrong-type]: "tea" must be a number, not "3"\n' +
      '  hint: Drop the quotes, so that it reads as a number: tea: 3',
    'value-hints.yaml:26:46 error[wrong-type]: "mate" must be a number, not "2 cups"\n' +
      '  hint: Write a plain number such as 25, without units.',
    // The schema's own rules say what to do, not "See `versus schema`".
    'value-hints.yaml:32:14 error[invalid-value]: "max": max (5) must be above min (10)\n' +
      '  hint: Swap them, min: 5 and max: 10; or leave both out: the axis then holds every value.',
    'value-hints.yaml:36:35 error[invalid-value]: "coffee": a log scale cannot show 0: it holds values above zero only\n' +
      '  hint: Remove "scale: log" for a linear axis, or leave this value out (it shows as "n/a").',
    'value-hints.yaml:39:16 error[invalid-value]: "title" is 209 characters long; at most 200 fit here on a slide (CJK characters count twice)\n' +
      '  hint: Cut 9 characters or more, and say the detail in the notes instead.',
  ],
  'lists.yaml': [
    'lists.yaml:18:22 error[unknown-contender]: "mate" is not a contender\n' +
      '  hint: A verdict names the winning contender, or "tie". Contenders are: tea, coffee.',
    'lists.yaml:19:23 error[unknown-source]: source "usda" is not listed under "sources"\n' +
      '  hint: Sources are: fao, ico. Add it to "sources" with a title and url, or fix the id.',
    // A verdict's words are its contenders' ids and "tie".
    'lists.yaml:22:22 error[unknown-contender]: "Tie" is not a contender (did you mean "tie"?)\n' +
      '  hint: A verdict names the winning contender, or "tie". Contenders are: tea, coffee.',
    'lists.yaml:25:30 error[unknown-contender]: "cocoa" is not a contender\n' + '  hint: Contenders are: tea, coffee.',
  ],
  'lists-overlay.yaml': [
    'lists-overlay.yaml:4:9 error[unknown-id]: no slide has the id "caffiene" (did you mean "caffeine"?)\n' +
      '  hint: Ids come from the outline this file extends (basics, what, caffeine, history, motto).',
    'lists-overlay.yaml:7:11 error[unknown-id]: no section has the id "extras"\n' +
      '  hint: Ids come from the outline this file extends (basics, what, caffeine, history, motto).',
    'lists-overlay.yaml:14:26 error[unknown-contender]: "matcha" is not a contender\n' +
      '  hint: Contenders are: tea, coffee.',
    'lists-overlay.yaml:15:12 error[unknown-id]: "history" is the id of a section, and "after" of added slides names a slide\n' +
      '  hint: Write into: history to end that section with them.',
    'lists-overlay.yaml:17:11 error[unknown-id]: "what" is the id of a slide, and "into" names a section\n' +
      '  hint: Write after: what to place the slides after that slide.',
  ],
};

describe.concurrent('mistakes people make, all reported in one run', () => {
  it('starts from a valid outline for the overlays', async () => {
    await expect(loadOutline(path.join(DIR, '_base.yaml'))).resolves.toMatchObject({
      outline: { title: 'Tea vs Coffee' },
    });
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(name, async ({ expect }) => {
      expect(await problemsOf(name)).toEqual(expected);
    });
  }
});

describe('what is not taken for these mistakes', () => {
  const HEAD = `title: Tea vs Coffee
contenders:
  - { id: tea, name: Tea, color: "#2e7d32" }
  - { id: coffee, name: Coffee, color: "#6f4e37" }
sections:
  - id: basics
    title: The basics
    slides:
`;
  const messages = (text: string) => {
    const validated = validateOutline(parseOutlineText(text, 'outline.yaml'));
    return validated.ok ? [] : validated.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
  };

  it('a line of code that starts with "-" and a key ("-image: v1" in a diff) is no "-" without its space', () => {
    const pane = (contender: string, code: string) =>
      `          - contender: ${contender}\n            language: diff\n            code: |\n${code
        .split('\n')
        .map((line) => `              ${line}`)
        .join('\n')}\n`;
    const text = `${HEAD}      - kind: code\n        title: A diff\n        panes:\n${pane('tea', '-image: nginx:1.0\n+image: nginx:1.1')}${pane('coffee', 'images:\n  -name: nginx')}`;
    expect(messages(text)).toEqual([]);
  });

  it('an empty key after a text in a block mapping is no comma split', () => {
    const text = HEAD.replace('    slides:\n', '    slides:\n  - kind: bullets\n    bullets: [x]\n');
    expect(messages(text)).toEqual([
      '8:5 "slides" has no value: the list below it is indented 2 spaces, less than "slides" itself, so its items are read as sections',
    ]);
  });

  it('text that runs on to a deeper line with ": " in it is no key indented too deep', () => {
    const text = `${HEAD}      - kind: bullets\n        notes: Say this\n          and this: too\n        bullets: [x]\n`;
    expect(messages(text)).toEqual(['10:16 this value is followed by lines indented under it']);
  });

  it('a mapping written as one, where text belongs, is no text with ": " in it', () => {
    const text = `${HEAD}      - kind: bullets\n        title: Tips\n        bullets:\n          - { tip: steep }\n          - tip: steep\n            time: 3\n`;
    expect(messages(text)).toEqual([
      '12:13 item 1 of "bullets" must be text, not a mapping',
      '13:13 item 2 of "bullets" must be text, not a mapping',
    ]);
  });

  it('a list written as text is suggested as the items its commas part, each read back as written', () => {
    const hints = (bullets: string) => {
      const validated = validateOutline(
        parseOutlineText(`${HEAD}      - kind: bullets\n        bullets: ${bullets}\n`, 'outline.yaml'),
      );
      const hint = validated.ok ? '' : (validated.diagnostics.find((d) => d.code === 'wrong-type')?.hint ?? '');
      // Each "bullets: [ … ]" the hint suggests, as YAML reads it.
      return [...hint.matchAll(/bullets: (\[.*?\])(?= \(|$)/g)].map((m) => parseOutlineText(m[1] ?? '', 'x').data);
    };
    expect(hints('Tea is steeped leaves, Coffee is brewed beans')).toEqual([
      ['Tea is steeped leaves', 'Coffee is brewed beans'],
      ['Tea is steeped leaves, Coffee is brewed beans'],
    ]);
    expect(hints('Tea says "slow, calm", coffee says 1,000 cups')).toEqual([
      ['Tea says "slow, calm"', 'coffee says 1,000 cups'],
      ['Tea says "slow, calm", coffee says 1,000 cups'],
    ]);
    // Without a comma there is one item to suggest.
    expect(hints('Tea is steeped leaves')).toEqual([['Tea is steeped leaves']]);
  });

  it('an unquoted ": " in a title is still named as such', () => {
    const text = `${HEAD}      - kind: bullets\n        title: Keras vs TF: the rematch\n        bullets: [x]\n`;
    expect(messages(text)).toEqual(['10:16 this text contains ": ", which YAML reads as the start of another key']);
  });
});

describe('the code frame', () => {
  it('shows the line with a caret under the column', () => {
    expect(codeFrame('    - kind: quote', 13, 5)).toBe('   13 |     - kind: quote\n      |     ^');
  });

  it('keeps tabs above the caret, shows control characters as �, and cuts long lines around the column', () => {
    expect(codeFrame('\tx: a\u0007b', 2, 7)).toBe('    2 | \tx: a�b\n      | \t     ^');
    const long = `notes: ${'word '.repeat(60)}END`;
    const [text, caret] = codeFrame(long, 120, long.length - 2).split('\n');
    expect(text).toMatch(/^ {2}120 \| ….*word END$/);
    expect(text?.length).toBeLessThan(120);
    expect(caret?.indexOf('^')).toBe(text?.indexOf('END'));
  });

  it('puts the caret under its character on screen after wide characters, combining marks and emoji', () => {
    /** The caret's and the target's terminal cells, counted by string-width, and the target's column. */
    const caretUnder = (line: string, target: string) => {
      const [text = '', caret = ''] = codeFrame(line, 117, line.indexOf(target) + 1).split('\n');
      return { caret: caret.indexOf('^'), target: stringWidth(text.slice(0, text.indexOf(target))) };
    };
    // Five full-width characters before the column: the caret ten cells in, not five.
    const cjk = caretUnder('          - { label: 行の作成（1,000行）, values: { react: 1.45 } }', '000');
    expect(cjk.caret).toBe(cjk.target);
    expect(codeFrame('title: 漢字x', 1, 10).split('\n')[1]).toBe('      |        ' + '    ^');
    // A letter with a combining accent is one cell, an emoji two, also one written as several code points.
    expect(codeFrame('cafe\u0301 x', 1, 7).split('\n')[1]).toBe('      |      ^');
    expect(codeFrame('👍🏽 x', 1, 6).split('\n')[1]).toBe('      |    ^');
    expect(codeFrame('👨‍👩‍👧 ❤️ © x', 1, 15).split('\n')[1]).toBe(`      | ${' '.repeat(8)}^`);
  });

  it('comes under an error, before its hint, when the source line can be read; never for a warning or a flag', () => {
    const format = diagnosticFormatter(undefined, {
      sourceLine: (_file, line) => (line === 3 ? '  bulets: [x]' : undefined),
    });
    const error = {
      severity: 'error',
      code: 'unknown-key',
      message: 'm',
      file: 'o.yaml',
      line: 3,
      col: 3,
      hint: 'h',
    } as const;
    expect(format(error)).toBe('o.yaml:3:3 error[unknown-key]: m\n    3 |   bulets: [x]\n      |   ^\n  hint: h');
    expect(format({ ...error, severity: 'warning', code: 'overflow' })).toBe(
      'o.yaml:3:3 warning[overflow]: m\n  hint: h',
    );
    expect(format({ ...error, line: 0, col: 0, flag: '--skip x' })).toBe('--skip x error[unknown-key]: m\n  hint: h');
    expect(format({ ...error, line: 4 })).toBe('o.yaml:4:3 error[unknown-key]: m\n  hint: h');
  });
});

describe('the printed form', () => {
  const file = 'indentation-slide.yaml';
  const PRINTED =
    'indentation-slide.yaml:13:5 error[yaml-syntax]: this slide starts at column 5, but the slides of this section start at column 7\n' +
    '   13 |     - kind: quote\n' +
    '      |     ^\n' +
    '  hint: Line it up with line 10: indent it 6 spaces (2 more), and the lines under it 2 more each.\n';

  it('shows the code frame in plain text under NO_COLOR and without a terminal, and leaves it out of check --json', async () => {
    const [built, checked] = await Promise.all([
      versus(['build', file, '--out', path.join(DIR, 'never-written')], { cwd: DIR }),
      versus(['check', file, '--json', '--no-measure'], { cwd: DIR }),
    ]);
    expect(built.code).toBe(1);
    expect(built.stderr.startsWith(PRINTED), built.stderr).toBe(true);
    expect(checked.code).toBe(1);
    // The report on stdout has the problem without its frame, as stderr does.
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: false, findings: [{ line: 13, col: 5 }] });
    expect(checked.stdout).not.toContain(' | ');
    expect(checked.stderr.split('\n')[0]).toBe(PRINTED.split('\n')[0]);
    expect(checked.stderr).not.toContain(' | ');
  });

  // `script` gives the CLI a terminal, where colours are on unless NO_COLOR is set.
  it.skipIf(!HAS_SCRIPT)('paints the caret red on a terminal, and nothing under NO_COLOR', async () => {
    const onTerminal = async (env: NodeJS.ProcessEnv) => {
      const command = `${process.execPath} ${CLI} build ${file} --out never-written`;
      const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], { cwd: DIR, env }).catch(
        (error: { stdout: string }) => error,
      );
      return stdout.replaceAll('\r\n', '\n');
    };
    const { NO_COLOR: _, FORCE_COLOR: __, ...env } = process.env;
    const [coloured, plain] = await Promise.all([onTerminal(env), onTerminal({ ...env, NO_COLOR: '1' })]);
    expect(coloured).toContain('\u001b[31m^\u001b[39m');
    expect(plain).not.toContain('\u001b[');
    expect(plain.startsWith(PRINTED), plain).toBe(true);
  });
});
