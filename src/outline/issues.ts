/**
 * Turns zod issues into problems a person can act on: the field's name in
 * words, what is wrong with its value, and a hint.
 */
import * as z from 'zod';
import type { DiagnosticCode } from '../diagnostics/diagnostics.js';
import { closest } from '../shared/closest.js';
import { piecesAtOtherCommas } from '../text/commas.js';
import { type CommaCut, KEY_RUN_INTO_VALUE } from './comma-cuts.js';
import { isRecord, type OutlinePath, samePath, valueAt } from './outline-path.js';
import type { SemanticProblem, Written } from './positions.js';
import { contenderKey, isOutlineOnlyField, overlaySchema, SLIDE_KINDS, slideSchema } from './schema.js';
import { didYouMean, keyInOtherWords, kindInOtherWords } from './suggest.js';
import { itemOf, thingAt, withArticle } from './things.js';
import { asIsoDate } from './written-date.js';

type Issue = z.core.$ZodIssue;

/** `schema` is the root the issues came from (outline or overlay), for "allowed keys" hints. */
export function problemsFromIssues(
  schema: z.core.$ZodType,
  data: unknown,
  issues: readonly Issue[],
  written: Written,
): SemanticProblem[] {
  // Several issues can be one mistake (each key a comma cut off the same cell): told once.
  const found = uniqueProblems(
    withoutSizeOfWrongType(issues).flatMap((issue) => toProblems(schema, data, issue, written)),
  );
  // A key written one level too shallow belongs to the mapping above it: then the one there
  // that misses it is no news either.
  const misplaced = new Map(
    found
      .flatMap((problem) => misplacedIn(problem, schema, data))
      // A key cannot be indented into a mapping written as { … }: that one is named by inMappingBeside.
      .filter(([, under]) => !written.isFlowMapping(under.path)),
  );
  const problems = found
    .filter(
      (problem) =>
        problem.code !== 'missing-field' ||
        ![...misplaced].some(([other, under]) => samePath(problem.path, [...under.path, other.key ?? ''])),
    )
    .map((problem) => {
      const under = misplaced.get(problem);
      return under ? { ...problem, under } : problem;
    });
  // A required field written under another name ("date" for a timeline event's "when") is also a
  // missing one: report it once, as the unknown key with a rename. So is a misspelt one ("titel").
  const renames = new Map<SemanticProblem, string>();
  for (const problem of problems) {
    const field = renamedField(problem, problems, schema, data);
    if (field !== undefined) renames.set(problem, field);
  }
  const reported = (missing: SemanticProblem) =>
    problems.some(
      (other) =>
        other.code === 'unknown-key' &&
        other.key !== undefined &&
        samePath(other.path, missing.path.slice(0, -1)) &&
        (renames.has(other) || closest(other.key, [String(missing.path.at(-1))]) !== undefined),
    );
  // A mapping by contender of the slide's fields (`items: { py: { pros, cons } }`) is them turned
  // round: the fields it holds are not missing, they are written the other way.
  const turned = new Map(
    problems.flatMap((problem) => {
      const fields = turnedRound(problem, schema, data);
      return fields ? [[problem, fields] as const] : [];
    }),
  );
  const turnedField = (missing: SemanticProblem) =>
    [...turned].some(
      ([other, fields]) =>
        samePath(other.path, missing.path.slice(0, -1)) && fields.includes(String(missing.path.at(-1))),
    );
  return problems
    .filter((problem) => problem.code !== 'missing-field' || !(reported(problem) || turnedField(problem)))
    .map((problem) => {
      const turnedFields = turned.get(problem);
      if (turnedFields) return asTurnedRound(problem, turnedFields, data);
      const field = renames.get(problem);
      if (field === undefined) return inMappingBeside(problem, schema, data);
      // `{ id:tea }`: the key's own message says what to write.
      if (problem.key?.startsWith(`${field}:`)) return problem;
      // A field of the missing mapping written beside it ("unit" for a chart's "metric: { unit }", a
      // contender's cell beside a row's aspect): shown with the mapping's fields, or the keys written.
      if (problem.key === undefined || !fieldTakes(schema, data, [...problem.path, field], problem.key)) {
        return asRename(problem, field);
      }
      const fields = allowedKeys(schema, [...problem.path, field], data);
      const keysBeside = problems.flatMap((other) =>
        other.code === 'unknown-key' && other.key !== undefined && samePath(other.path, problem.path)
          ? [other.key]
          : [],
      );
      return asNested(problem, field, fields.length ? fields : keysBeside.map((key) => `${key}: …`));
    });
}

/**
 * The issues without a size checked on a value of the wrong type: zod checks a list's "at most 6"
 * on the text written in its place, and the count of its letters is no news.
 */
function withoutSizeOfWrongType(issues: readonly Issue[]): Issue[] {
  const wrongType = issues.filter((issue) => issue.code === 'invalid_type');
  const sized = (issue: Issue) => issue.code === 'too_big' || issue.code === 'too_small';
  return issues.filter(
    (issue) => !sized(issue) || !wrongType.some((other) => samePath(toPath(other.path), toPath(issue.path))),
  );
}

function toPath(path: readonly PropertyKey[]): OutlinePath {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

/**
 * The required field an unknown key most likely stands for: the only one missing from its
 * mapping, when the key is the mapping's only unknown one and resembles no allowed field.
 */
function renamedField(
  problem: SemanticProblem,
  all: readonly SemanticProblem[],
  schema: z.core.$ZodType,
  data: unknown,
): string | undefined {
  if (problem.code !== 'unknown-key' || problem.key === undefined || problem.under) return undefined;
  if (suggestKey(problem.key, allowedKeys(schema, problem.path, data))) return undefined;
  const mapping = problem.path;
  const unknown = all.filter((other) => other.code === 'unknown-key' && samePath(other.path, mapping));
  const missing = all.filter((other) => other.code === 'missing-field' && samePath(other.path.slice(0, -1), mapping));
  if (missing.length !== 1) return undefined;
  const field = String(missing[0]?.path.at(-1));
  if (unknown.length === 1) return field;
  // Several fields of the missing mapping, all written beside it.
  return unknown.every((other) => other.key !== undefined && fieldTakes(schema, data, [...mapping, field], other.key))
    ? field
    : undefined;
}

/**
 * For an unknown key that the mapping just above it takes (in the value of
 * the key before it: a slide's field at its section's level), that mapping.
 */
function misplacedIn(
  problem: SemanticProblem,
  schema: z.core.$ZodType,
  data: unknown,
): [SemanticProblem, NonNullable<SemanticProblem['under']>][] {
  const key = problem.key;
  const mapping = valueAt(data, problem.path);
  if (problem.code !== 'unknown-key' || key === undefined || !isRecord(mapping)) return [];
  const keys = Object.keys(mapping);
  const before = keys[keys.indexOf(key) - 1];
  if (before === undefined) return [];
  let path: OutlinePath = [...problem.path, before];
  // Down the last items of the value before it, as the lines above the key run.
  for (let value = valueAt(data, path); Array.isArray(value) || isRecord(value); value = valueAt(data, path)) {
    if (Array.isArray(value)) {
      if (value.length === 0) break;
      path = [...path, value.length - 1];
      continue;
    }
    const own = Object.keys(value);
    if (!Object.hasOwn(value, key) && allowedKeys(schema, path, data).includes(key)) {
      const readAs = withArticle(thingAt(problem.path));
      return [[problem, { path, thing: thingAt(path), lastKey: own.at(-1) ?? key, readAs }]];
    }
    const last = own.at(-1);
    if (last === undefined) break;
    path = [...path, last];
  }
  return [];
}

/**
 * An unknown key that a mapping field beside it takes, and that resembles no field of its own:
 * a replacement's `title` written beside its `id`, where it belongs in `section`.
 */
function inMappingBeside(problem: SemanticProblem, schema: z.core.$ZodType, data: unknown): SemanticProblem {
  const { key } = problem;
  if (problem.code !== 'unknown-key' || key === undefined || problem.under) return problem;
  if (schema === overlaySchema && problem.path.length === 0 && isOutlineOnlyField(key)) return problem;
  const allowed = allowedKeys(schema, problem.path, data);
  if (suggestKey(key, allowed)) return problem;
  // `contender:` beside pros and cons names what their keys are (contenderAsKeys), not a key in them.
  if (key === 'contender' && fieldsByContender(schema, problem.path, data).length) return problem;
  // A field's own mapping names the key; a record (cells, values) takes any id-like key, so it counts only alone.
  const takes = (records: boolean) =>
    allowed.filter((field) => fieldTakes(schema, data, [...problem.path, field], key, records));
  const named = takes(false);
  const takers = named.length ? named : takes(true);
  // `solution:` at the outline's level fits the labels' mapping (the word "Solution:"), but the author wrote it for a slide.
  const kinds = slideKindsWith(key);
  if (kinds.length && (problem.path.length === 0 || (problem.path[0] === 'sections' && problem.path.length === 2))) {
    const which = kinds.length === SLIDE_KINDS.length ? 'a slide' : `${withArticle(kinds.join(' or '))} slide`;
    return {
      ...problem,
      message: `${problem.message}: it is a field of ${which}`,
      hint: `Move it under the slide it is for, in ${problem.path.length ? 'the' : 'a'} section's "slides" (- kind: ${kinds[0]}, then ${key}: … at the slide's indentation).`,
    };
  }
  if (takers.length === 0) return renamedBeside(problem, key, allowed, schema, data);
  return {
    ...problem,
    message: `${problem.message}: it belongs in ${takers.map((field) => `"${field}"`).join(' or ')}`,
    hint: `Write it inside: ${takers.map((field) => `${field}: { ${key}: … }`).join(' or ')}.`,
  };
}

/** The kinds of slide that have a field of this name. */
function slideKindsWith(key: string): string[] {
  return slideSchema.options
    .filter((option) => Object.hasOwn(option.shape, key))
    .map((option) => option.shape.kind.value);
}

/** An unknown key that a mapping field beside it takes under another name: a chart's `better`, its metric's `higherIsBetter`. */
function renamedBeside(
  problem: SemanticProblem,
  key: string,
  allowed: readonly string[],
  schema: z.core.$ZodType,
  data: unknown,
): SemanticProblem {
  for (const field of allowed) {
    const name = keyInOtherWords(key, allowedKeys(schema, [...problem.path, field], data));
    if (name) {
      return {
        ...problem,
        message: `${problem.message}: it belongs in "${field}", as "${name}"`,
        hint: `Write it inside: ${field}: { ${name}: … }.`,
      };
    }
  }
  return problem;
}

/**
 * Whether the mapping at `path` (an object, any kind of slide, or with `records` a record) takes the
 * key. A mapping by contender takes the outline's contenders (any key when it names none: an overlay).
 */
function fieldTakes(root: z.core.$ZodType, data: unknown, path: OutlinePath, key: string, records = true): boolean {
  const contenders = contenderIds(data);
  const takes = (schema: z.core.$ZodType | undefined): boolean => {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return takes(schema.unwrap());
    if (schema instanceof z.ZodObject) return key in schema.shape;
    if (schema instanceof z.ZodRecord && schema.keyType === contenderKey && contenders.length) {
      return records && contenders.includes(key);
    }
    if (schema instanceof z.ZodRecord) return records && z.safeParse(schema.keyType, key).success;
    if (schema instanceof z.ZodUnion) return (schema.options as z.core.$ZodType[]).some(takes);
    return false;
  };
  return takes(schemaAt(root, path, data));
}

/** The ids of the outline's contenders, as written (none in an overlay, whose contenders are its base's). */
function contenderIds(data: unknown): string[] {
  const contenders = isRecord(data) && Array.isArray(data.contenders) ? data.contenders : [];
  return contenders.flatMap((contender) =>
    isRecord(contender) && typeof contender.id === 'string' ? [contender.id] : [],
  );
}

/**
 * For an unknown key whose value maps contenders (any keys in an overlay) to fields of the mapping
 * it is in, each of those a mapping by contender (`items: { py: { pros: […], cons: […] } }` on a
 * pros-and-cons slide): those fields.
 */
function turnedRound(problem: SemanticProblem, schema: z.core.$ZodType, data: unknown): string[] | undefined {
  if (problem.code !== 'unknown-key' || problem.key === undefined || problem.under) return undefined;
  const byContender = valueAt(data, [...problem.path, problem.key]);
  const contenders = contenderIds(data);
  if (!isRecord(byContender)) return undefined;
  if (contenders.length && !Object.keys(byContender).every((key) => contenders.includes(key))) return undefined;
  const fields = new Set<string>();
  for (const value of Object.values(byContender)) {
    if (!isRecord(value)) return undefined;
    for (const field of Object.keys(value)) fields.add(field);
  }
  const keyedByContender = (field: string) => {
    const record = schemaAt(schema, [...problem.path, field], data);
    return record instanceof z.ZodRecord && record.keyType === contenderKey;
  };
  return fields.size > 0 && [...fields].every(keyedByContender) ? [...fields] : undefined;
}

function asTurnedRound(problem: SemanticProblem, fields: readonly string[], data: unknown): SemanticProblem {
  const contenders = Object.keys(valueAt(data, [...problem.path, problem.key ?? '']) as object);
  const each = `{ ${contenders.map((id) => `${id}: …`).join(', ')} }`;
  return {
    ...problem,
    message: `${problem.message}: ${quotedList(fields)} ${fields.length > 1 ? 'go' : 'goes'} on the ${thingAt(problem.path)} itself, ${fields.length > 1 ? 'each ' : ''}a mapping by contender`,
    hint: `Write it the other way round: ${fields.map((field) => `${field}: ${each}`).join(', ')}.`,
  };
}

/**
 * A list of items that each name their contender (code panes, decision choices) written as a
 * mapping by contender, as cells are: the list to write instead, with the fields as written.
 */
function listByContender(
  root: z.core.$ZodType,
  path: OutlinePath,
  data: unknown,
  byContender: Record<string, unknown>,
): SemanticProblem | undefined {
  const item = schemaAt(root, [...path, 0], data);
  const contenders = contenderIds(data);
  const ids = Object.keys(byContender);
  if (!(item instanceof z.ZodObject) || !('contender' in item.shape) || ids.length === 0) return undefined;
  if (contenders.length && !ids.every((id) => contenders.includes(id))) return undefined;
  const fields = Object.keys(item.shape).filter((field) => field !== 'contender');
  const [first, second] = ids;
  const value = byContender[first as string];
  // A mapping's own keys; for a list or a text, the field that takes it (a choice's "when", a pane's "code").
  const written = isRecord(value)
    ? Object.keys(value)
    : fields.filter((field) => z.safeParse(item.shape[field] as z.ZodType, value).success).slice(0, 1);
  const items = [`{ ${[`contender: ${first}`, ...written.map((key) => `${key}: …`)].join(', ')} }`];
  if (second !== undefined) items.push(`{ contender: ${second}, … }`);
  const field = fieldName(path);
  return {
    code: 'wrong-type',
    message: `"${field}" must be a list, not a mapping by contender: each item names its contender`,
    // At its key: the mapping's first line is one contender's.
    path: path.slice(0, -1),
    key: field,
    hint: `Write one item per contender: ${field}: [${items.join(', ')}${ids.length > 2 ? ', …' : ''}].`,
  };
}

/** The fields of the mapping at `path` that map contenders to their values (pros, cons, cells, values). */
function fieldsByContender(root: z.core.$ZodType, path: OutlinePath, data: unknown): string[] {
  const object = schemaAt(root, path, data);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.keys(object.shape).filter((field) => {
    const record = schemaAt(root, [...path, field], data);
    return record instanceof z.ZodRecord && record.keyType === contenderKey;
  });
}

/**
 * The contender ids a hint writes as keys, and whether more follow: the slide's stray `contender:`
 * when it names one, else the first two (an overlay's contenders are its base's: a placeholder).
 */
function keysFor(path: OutlinePath, data: unknown): { ids: string[]; more: boolean } {
  const contenders = contenderIds(data);
  const stray = valueAt(data, [...path, 'contender']);
  if (typeof stray === 'string' && (contenders.length === 0 || contenders.includes(stray))) {
    return { ids: [stray], more: false };
  }
  if (contenders.length === 0) return { ids: ['<contender id>'], more: true };
  return { ids: contenders.slice(0, 2), more: contenders.length > 2 };
}

/** `pros: { arktype: […] }` or `cells: { zod: …, valibot: …, … }`: a field written by contender. */
function writtenByContender(root: z.core.$ZodType, path: OutlinePath, data: unknown, field: string): string {
  const { ids, more } = keysFor(path, data);
  const record = schemaAt(root, [...path, field], data);
  const each = record instanceof z.ZodRecord && record.valueType instanceof z.ZodArray ? '[…]' : '…';
  return `${field}: { ${[...ids.map((id) => `${id}: ${each}`), ...(more ? ['…'] : [])].join(', ')} }`;
}

/**
 * A `contender:` on a mapping that names its contenders as keys (`contender: arktype` above
 * `pros: [...]` on a pros-and-cons slide): where the contender goes instead.
 */
function contenderAsKeys(root: z.core.$ZodType, path: OutlinePath, data: unknown): string | undefined {
  const fields = fieldsByContender(root, path, data);
  if (!fields.length) return undefined;
  const written = fields.map((field) => writtenByContender(root, path, data, field));
  return `Name the contender by its id in ${quotedList(fields)} instead: ${written.join(', ')}.`;
}

/**
 * A list where a mapping by contender belongs (`pros: [Fast, Small]` on a slide about one
 * contender, `cells: [High, Low]`): the mapping to write, keyed by the contenders' ids.
 */
function mappingByContender(root: z.core.$ZodType, path: OutlinePath, data: unknown): SemanticProblem | undefined {
  const record = schemaAt(root, path, data);
  if (!(record instanceof z.ZodRecord) || record.keyType !== contenderKey) return undefined;
  const field = fieldName(path);
  const each = record.valueType instanceof z.ZodArray ? 'list' : 'value';
  const list = valueAt(data, path) as unknown[];
  const contenders = contenderIds(data);
  // A value for each contender, in their order (`cells: [High, Low]`): the same values by id.
  const zipped =
    each === 'value' &&
    contenders.length > 0 &&
    list.length === contenders.length &&
    list.every((item) => typeof item === 'string' || typeof item === 'number') &&
    `{ ${contenders.map((id, i) => `${id}: ${flowText(String(list[i]))}`).join(', ')} }`;
  // The mapping written as a list of one-key mappings (`- tea: Less`): the same entries in one mapping.
  const scalar = (item: unknown) => typeof item === 'string' || typeof item === 'number';
  const entries = list.map((item) => (isRecord(item) ? Object.entries(item) : []));
  const merged =
    entries.length > 0 &&
    entries.every(
      (pairs) =>
        pairs.length === 1 &&
        (each === 'value' ? scalar(pairs[0]?.[1]) : Array.isArray(pairs[0]?.[1]) && pairs[0][1].every(scalar)),
    ) &&
    `{ ${entries
      .map(([[key, item] = ['', '']]) =>
        Array.isArray(item)
          ? `${key}: [${item.map((one) => flowText(String(one))).join(', ')}]`
          : `${key}: ${flowText(String(item))}`,
      )
      .join(', ')} }`;
  return {
    code: 'wrong-type',
    message: `"${field}" must be a mapping by contender, not a list: each contender's id is a key`,
    // At its key: the list's first line is one item.
    path: path.slice(0, -1),
    key: field,
    hint: merged
      ? `Write the entries as one mapping, without the "- ": ${field}: ${merged}`
      : zipped
        ? `Write the values under the contenders' ids: ${field}: ${zipped}`
        : `Write each contender's ${each} under its id: ${writtenByContender(root, path.slice(0, -1), data, field)}.`,
  };
}

/** YAML 1.1's merge key (`<<: *base`), which YAML 1.2, as versus reads it, does not have. */
const MERGE_KEY = '<<';

function hasMergeKey(data: unknown, path: OutlinePath): boolean {
  const mapping = valueAt(data, path);
  return isRecord(mapping) && MERGE_KEY in mapping;
}

/** A mapping with a merge key: the fields it was to copy are missing, and that is the mistake to tell. */
function mergeKeyProblem(path: OutlinePath): SemanticProblem {
  return {
    code: 'unknown-key',
    message: `"<<" (a YAML merge key) is not read: this ${thingAt(path)} gets none of the fields it names`,
    path,
    key: MERGE_KEY,
    hint: 'Write the fields out here: versus reads YAML 1.2, which has no merge keys (an alias, *name, copies a whole value).',
  };
}

/**
 * `contenders:` or `sections:` in a file that `extends` another: an overlay takes them from its
 * base (a whole outline with an `extends:` line, perhaps copied in).
 */
function outlineFieldInOverlay(key: string): SemanticProblem {
  return {
    code: 'unknown-key',
    message: `"${key}" is not an overlay field: a file with "extends" takes its ${key} from the outline it extends`,
    path: [],
    key,
    hint: 'Change its sections and slides by id with replace, remove and add; or, if this file is a whole outline, remove its "extends:" line.',
  };
}

/** Problems without repeats: the same message at the same place is one problem. */
function uniqueProblems(problems: SemanticProblem[]): SemanticProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.code, problem.path, problem.key, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function asRename(problem: SemanticProblem, field: string): SemanticProblem {
  return {
    ...problem,
    message: `${problem.message} (did you mean "${field}"?)`,
    hint: [`Rename it to "${field}": ${withArticle(thingAt(problem.path))} needs one.`, problem.hint]
      .filter(Boolean)
      .join(' '),
  };
}

function asNested(problem: SemanticProblem, field: string, inside: readonly string[]): SemanticProblem {
  return {
    ...problem,
    message: `${problem.message}: it belongs in "${field}"`,
    hint: `Write it inside "${field}", which ${withArticle(thingAt(problem.path))} needs: ${field}: { ${inside.join(', ')} }.`,
  };
}

/** `{ id:tea }`: in { … } a colon with no space after it is part of the key, which then has no value. */
function keyRunIntoValue(mapping: OutlinePath, key: string): { name: string; problem: SemanticProblem } | undefined {
  const [, name, value] = KEY_RUN_INTO_VALUE.exec(key) ?? [];
  if (name === undefined) return undefined;
  const message = `"${key}" has no space after the colon, so YAML reads it as one key, not as the key "${name}"`;
  return {
    name,
    problem: {
      code: 'unknown-key',
      message,
      path: mapping,
      key,
      hint: `Put a space after the colon: ${name}: ${value}`,
    },
  };
}

function toProblems(root: z.core.$ZodType, data: unknown, issue: Issue, written: Written): SemanticProblem[] {
  const path = toPath(issue.path);
  const at = (code: DiagnosticCode, message: string, hint?: string, key?: string): SemanticProblem => ({
    code,
    message,
    path,
    ...(key === undefined ? {} : { key }),
    ...(hint ? { hint } : {}),
  });
  const value = valueAt(data, path);
  const field = fieldName(path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(root, path, data);
      return issue.keys.flatMap((key) => {
        if (key === MERGE_KEY) return [mergeKeyProblem(path)];
        if (root === overlaySchema && path.length === 0 && isOutlineOnlyField(key)) return [outlineFieldInOverlay(key)];
        // A piece of text cut where a list belongs: that list's item, told with it.
        if (listPieceAt(root, data, written, path, key)) return [];
        const splits = commaSplitsAt(root, data, written, path, key);
        const unspaced = keyRunIntoValue(path, key);
        if (!splits.length && unspaced && allowed.includes(unspaced.name)) return unspaced.problem;
        return splits.length
          ? splits
          : at(
              'unknown-key',
              `"${key}" is not ${withArticle(thingAt(path))} field${suggestKey(key, allowed)}`,
              (key === 'contender' && contenderAsKeys(root, path, data)) ||
                (allowed.length ? `Allowed here: ${allowed.join(', ')}.` : undefined),
              key,
            );
      });
    }
    case 'invalid_type':
      if (value === undefined) {
        if (hasMergeKey(data, path.slice(0, -1))) return [mergeKeyProblem(path.slice(0, -1))];
        const keys = allowedKeys(root, path, data);
        const shape = keys.length ? `{ ${keys.map((key) => `${key}: …`).join(', ')} }` : '…';
        return [at('missing-field', `${thingAt(path.slice(0, -1))} is missing "${field}"`, `Add ${field}: ${shape}`)];
      }
      if (value === null) {
        const splits = commaSplitsAt(root, data, written, path.slice(0, -1), String(path.at(-1)));
        if (splits.length) return splits;
        const unspaced = keyRunIntoValue(path.slice(0, -1), String(path.at(-1)));
        if (unspaced) return [unspaced.problem];
        return [at('wrong-type', `"${field}" is empty`, emptyHint(issue.expected, path))];
      }
      if (issue.expected === 'array' && isRecord(value)) {
        const byContender = listByContender(root, path, data, value);
        if (byContender) return [byContender];
      }
      if (issue.expected === 'record' && Array.isArray(value)) {
        const byContender = mappingByContender(root, path, data);
        if (byContender) return [byContender];
      }
      if (issue.expected === 'string') {
        const line = written.oneLinePair(path);
        if (line !== undefined) return [colonSplit(path, line)];
      }
      if (issue.expected === 'array' && typeof value === 'string') {
        const whole = listCut(written, path);
        if (whole !== undefined) {
          return [at('wrong-type', `"${field}" must be a list, not ${describe(whole)}`, listHint(field, whole))];
        }
      }
      return [
        at(
          'wrong-type',
          `${subjectAt(path, value, field)} must be ${article(issue.expected)}, not ${describe(value, written.plainScalar(path))}`,
          mappingHint(root, path, data, value) ??
            listAsMappingHint(root, path, data, value) ??
            mappingsHint(root, path, data, value) ??
            quoteHint(issue.expected, path, value, written.plainScalar(path)) ??
            expectedHint(issue.expected, value, field),
        ),
      ];
    case 'invalid_union': {
      // A field left out is missing, whatever kinds of value it takes.
      if (value === undefined && !issue.discriminator) {
        return toProblems(root, data, { ...issue, code: 'invalid_type', expected: 'string' } as Issue, written);
      }
      if (!issue.discriminator) {
        // A mapping where the union allows one kind of mapping (`run: false` or `run: { … }`): what is wrong inside it.
        const inside = mappingBranch(root, path, data, issue.errors);
        if (inside) {
          return inside.flatMap((nested) =>
            toProblems(root, data, { ...nested, path: [...issue.path, ...nested.path] }, written),
          );
        }
        const options = unionOptions(root, path, data);
        return [
          at(
            'wrong-type',
            `"${field}" must be ${options.length ? options.join(' or ') : 'something else'}, not ${describe(value)}`,
            trueForDefaults(root, path, data, value) ??
              (options.length ? `Write ${options.join(', or ')}.` : undefined),
          ),
        ];
      }
      const options = SLIDE_KINDS;
      const hint = `Use one of: ${options.join(', ')}.`;
      if (value === undefined) {
        const parent = path.slice(0, -1);
        if (hasMergeKey(data, parent)) return [mergeKeyProblem(parent)];
        const typo = Object.keys(valueAt(data, parent) ?? {}).find((key) => closest(key, [field]) !== undefined);
        if (typo !== undefined) {
          return [
            {
              code: 'unknown-key',
              message: `"${typo}" is not ${withArticle(thingAt(parent))} field (did you mean "${field}"?)`,
              path: parent,
              key: typo,
              hint: `Rename it to "${field}". ${hint}`,
            },
          ];
        }
        return [at('missing-field', `${thingAt(parent)} is missing "${field}"`, hint)];
      }
      const meant = kindInOtherWords(String(value), options);
      const suggestion = meant ? ` (did you mean "${meant}"?)` : didYouMean(String(value), options);
      return [
        at(
          'invalid-value',
          `${describe(value)} is not a slide kind${suggestion}`,
          meant ? `Write kind: ${meant}. ${hint}` : hint,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'array') {
        const items = Number(issue.minimum) === 1 ? 'one item' : `${issue.minimum} items`;
        return [at('invalid-value', `"${field}" needs at least ${items}`, 'Add them as "- item" lines under it.')];
      }
      if (issue.origin === 'string')
        return [at('invalid-value', `"${field}" must not be empty`, 'Write the text, or leave the field out.')];
      return [
        at(
          'invalid-value',
          `"${field}" must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, not ${describe(value)}`,
          `Write a number ${issue.inclusive ? 'of at least' : 'above'} ${issue.minimum}.`,
        ),
      ];
    case 'too_big':
      if (issue.origin === 'number')
        return [
          at(
            'invalid-value',
            `"${field}" must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, not ${describe(value)}`,
            `Write a number ${issue.inclusive ? 'of at most' : 'below'} ${issue.maximum}.`,
          ),
        ];
      return [
        at(
          'invalid-value',
          `"${field}": ${issue.message}; got ${describe(value)}`,
          'Shorten it: a slide has room for so much, and notes can say the rest.',
        ),
      ];
    default: {
      // A rule of the schema's own may say what to do (params.hint): its message then names the mistake whole.
      const hint = issue.code === 'custom' ? issue.params?.hint : undefined;
      // A rule whose message is a predicate ("is 47 characters long") takes the field as its subject.
      if (typeof hint === 'string' && issue.code === 'custom' && issue.params?.predicate === true)
        return [at('invalid-value', `"${field}" ${issue.message}`, hint)];
      if (typeof hint === 'string')
        return [at('invalid-value', `${subjectAt(path, value, field)}: ${issue.message}`, hint)];
      const option = issue.code === 'invalid_value' ? notAnOption(path, value, issue.values) : undefined;
      if (option) return [option];
      const title = titleAsId(path, data, value);
      if (title) return [at('invalid-value', `"${field}": ${issue.message}; got ${describe(value)}`, title)];
      // `[pg-docs，mysql-docs]` typed with a Chinese or Japanese input method on is one item.
      const items =
        typeof value === 'string' && typeof issue.path.at(-1) === 'number' ? piecesAtOtherCommas(value) : [];
      const fullWidth =
        items.length > 1
          ? `A full-width comma does not separate items in [ … ]: write ASCII commas, [${items.join(', ')}].`
          : undefined;
      return [
        at(
          'invalid-value',
          `"${field}": ${issue.message}; got ${describe(value)}`,
          fullWidth ?? formatHint(field, issue, value),
        ),
      ];
    }
  }
}

/**
 * A word that is none of a field's few values (`scale: logarithmic`): the one it most likely
 * means, a misspelling of it or a longer form ("logarithmic" for "log").
 */
function notAnOption(path: OutlinePath, value: unknown, values: readonly unknown[]): SemanticProblem | undefined {
  const options = values.filter((option): option is string => typeof option === 'string');
  if (typeof value !== 'string' || options.length !== values.length) return undefined;
  const word = value.trim().toLowerCase();
  const meant = closest(value, options) ?? options.find((option) => word.startsWith(option) || option.startsWith(word));
  const field = fieldName(path);
  const key = path.at(-1);
  return {
    code: 'invalid-value',
    message: `"${field}": ${describe(value)} is not one of ${options.map((option) => `"${option}"`).join(', ')}${meant ? ` (did you mean "${meant}"?)` : ''}`,
    path,
    hint: meant && typeof key === 'string' ? `Write ${key}: ${meant}.` : `Write one of: ${options.join(', ')}.`,
  };
}

/**
 * For a profile's `skip` that names a section or slide by its title (`skip: [History]`): its id, or
 * that it needs one.
 */
function titleAsId(path: OutlinePath, data: unknown, value: unknown): string | undefined {
  if (path.at(-2) !== 'skip' || typeof value !== 'string') return undefined;
  const sections = isRecord(data) && Array.isArray(data.sections) ? data.sections.filter(isRecord) : [];
  const parts = sections.flatMap((section) => [
    section,
    ...(Array.isArray(section.slides) ? section.slides.filter(isRecord) : []),
  ]);
  const titled = parts.find(
    (part) => typeof part.title === 'string' && part.title.trim().toLowerCase() === value.trim().toLowerCase(),
  );
  if (!titled) return undefined;
  return typeof titled.id === 'string'
    ? `"${value}" is a title: skip names a section or slide by its id, here skip: [${titled.id}].`
    : `"${value}" is a title: skip names a section or slide by its id; give that slide one with "id:" and name it here.`;
}

/** How to write the values that follow a pattern, by field name. */
const FORMAT_HINTS: Partial<Record<string, string>> = {
  id: 'Write it in lowercase with dashes between words, e.g. "head-to-head".',
  contender: 'Name a contender by its id, e.g. "keras".',
  verdict: 'Name the winning contender by its id, or write "tie".',
  color: 'Write the color in quotes as #rrggbb, e.g. "#1f6feb": unquoted, YAML reads # as the start of a comment.',
  accessed: 'Write the date as YYYY-MM-DD, e.g. 2026-11-20.',
  date: 'Write the date as YYYY-MM-DD, e.g. 2026-11-20.',
  lang: 'Use a language tag such as en, de, fr, pt-BR or zh-Hans.',
  language: 'Use the language name highlighters know, e.g. python, typescript, cpp.',
  slug: 'Write it in lowercase with dashes between words, e.g. "keras-vs-tensorflow".',
  url: 'Write the full address, starting with https://.',
};

function formatHint(field: string, issue: Issue, value: unknown): string {
  if (issue.message.includes('file names allow'))
    return 'Shorten it, or leave the slug out: a name made from a long title is shortened, with a hash, by itself.';
  if (issue.message.includes('Windows keeps'))
    return `Add a word to it, slug: ${String(value)}-talk, or leave the slug out: a title such as "${String(value).toUpperCase()}" gets one by itself.`;
  if (field === 'color' && typeof value === 'string') return colorHint(value.trim());
  // A locale as some systems write it (pt_BR, en_US.UTF-8): a BCP 47 tag parts with hyphens.
  const tag = field === 'lang' && typeof value === 'string' ? /^([a-z]{2,3})_([A-Za-z0-9]+)/i.exec(value) : null;
  if (tag) return `Write it with a hyphen: lang: ${tag[1]}-${tag[2]}`;
  const date = (field === 'accessed' || field === 'date') && typeof value === 'string' ? asIsoDate(value) : undefined;
  if (date) return `Write it as YYYY-MM-DD: ${field}: ${date}`;
  const id = field === 'id' && typeof value === 'string' ? asId(value) : undefined;
  if (id)
    return `Write it in lowercase with dashes between words: id: ${id}, and name it so where the outline uses it.`;
  const hint = FORMAT_HINTS[field];
  if (hint) return hint;
  if (issue.message.includes('control character'))
    return 'Remove the invisible character (it may come from a copy and paste).';
  if (issue.message.includes('blank')) return 'Write the text, or leave the field out.';
  return 'See `versus schema` for what this field takes.';
}

/** `Green Tea` or `green_tea` as an id is written (`green-tea`); undefined when nothing of it is left. */
function asId(value: string): string | undefined {
  const id = value
    .trim()
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[\p{Ll}\p{Lo}\p{N}]/u.test(id) ? id : undefined;
}

/**
 * What is wrong with a color, as written: a # was read, so its quotes are there and its digits are
 * what is wrong (`"#6d4c4"`); six or three hex digits lack their #; anything else gets the format.
 */
function colorHint(color: string): string {
  const digits = color.replace(/^#/, '');
  const notHex = /[^0-9a-f]/i.exec(digits)?.[0];
  if (color.startsWith('#') && notHex) return `"${notHex}" is no hex digit: write 0–9 and a–f only, e.g. "#1f6feb".`;
  if (color.startsWith('#'))
    return `Write 6 hex digits after the # (or 3), e.g. "#1f6feb": "${color}" has ${digits.length}.`;
  if (!notHex && (digits.length === 6 || digits.length === 3))
    return `Write it with a # before it, in quotes: color: "#${digits}"`;
  // No # in it, so none was read as a comment: the quotes are not what is wrong, the value is.
  return `Write # and 6 hex digits in quotes instead of "${color}", e.g. color: "#1f6feb".`;
}

/**
 * "did you mean …?" for a key in another naming style or a synonym
 * ("speaker_notes" → "notes"), a misspelt key, or a short form of an allowed one ("lang" → "language").
 */
function suggestKey(key: string, allowed: readonly string[]): string {
  const otherWords = keyInOtherWords(key, allowed);
  if (otherWords) return ` (did you mean "${otherWords}"?)`;
  const prefixOf = key.length >= 3 ? allowed.find((name) => name.startsWith(key.toLowerCase())) : undefined;
  return prefixOf && !closest(key, allowed) ? ` (did you mean "${prefixOf}"?)` : didYouMean(key, allowed);
}

/** The issues of a union's only mapping option, when the value is a mapping. */
function mappingBranch(
  root: z.core.$ZodType,
  path: OutlinePath,
  data: unknown,
  errors: readonly Issue[][],
): readonly Issue[] | undefined {
  const value = valueAt(data, path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const union = schemaAt(root, path, data);
  if (!(union instanceof z.ZodUnion)) return undefined;
  const mappings = (union.options as z.core.$ZodType[]).flatMap((option, i) =>
    option instanceof z.ZodObject ? [i] : [],
  );
  const [only] = mappings;
  return mappings.length === 1 && only !== undefined ? errors[only] : undefined;
}

/**
 * `agenda: true`, where a mapping or false belongs: an empty mapping is how to ask for the agenda
 * with its defaults, the way to have one in a talk of one section.
 */
function trueForDefaults(root: z.core.$ZodType, path: OutlinePath, data: unknown, value: unknown): string | undefined {
  const mapping = schemaAt(root, path, data);
  const options = mapping instanceof z.ZodUnion ? (mapping.options as z.core.$ZodType[]) : [];
  const fields = options.find((option) => option instanceof z.ZodObject);
  if (value !== true || path.join('.') !== 'agenda' || !(fields instanceof z.ZodObject)) return undefined;
  return `For an agenda with its defaults, even in a talk of one section, write an empty mapping: agenda: {}; set ${Object.keys(fields.shape).join(', ')} in it to change them, or write false for none.`;
}

/** The shapes a value may take where the schema is a union (`agenda: false` or a mapping). */
function unionOptions(root: z.core.$ZodType, path: OutlinePath, data: unknown): string[] {
  const union = schemaAt(root, path, data);
  if (!(union instanceof z.ZodUnion)) return [];
  return (union.options as z.core.$ZodType[]).map((option) => {
    if (option instanceof z.ZodLiteral) return JSON.stringify(option.value);
    if (option instanceof z.ZodEnum) return option.options.map((value) => JSON.stringify(value)).join(' or ');
    if (option instanceof z.ZodObject) return `a mapping (${Object.keys(option.shape).join(', ')})`;
    // A value read into another (a year into its text): what may be written.
    if (option instanceof z.ZodPipe) return option.description ?? article((option.in as z.ZodType).type);
    return article((option as z.ZodType).type);
  });
}

/**
 * A key without a value after a key with text, in a mapping written as `{ … }`: in
 * `{ mongo: replica set, sharded cluster, postgres: … }` the comma ended the cell, and
 * the rest of its text became a key of its own. Reported at the first such key (it has
 * no value to point at). A piece two cells share is in both.
 */
function commaSplitsAt(
  root: z.core.$ZodType,
  data: unknown,
  written: Written,
  mapping: OutlinePath,
  key: string,
): SemanticProblem[] {
  return (
    written
      .commaCuts(mapping)
      .filter(({ pieces }) => pieces.includes(key))
      // Text cut where a list belongs is told as that list, its pieces its items (listCut).
      .filter((cut) => !cutWhereListBelongs(root, data, mapping, cut))
      .map((cut) => commaSplit(data, mapping, cut))
  );
}

function listPieceAt(
  root: z.core.$ZodType,
  data: unknown,
  written: Written,
  mapping: OutlinePath,
  key: string,
): boolean {
  return written
    .commaCuts(mapping)
    .some((cut) => cut.pieces.includes(key) && cutWhereListBelongs(root, data, mapping, cut));
}

function cutWhereListBelongs(root: z.core.$ZodType, data: unknown, mapping: OutlinePath, cut: CommaCut): boolean {
  return schemaAt(root, [...mapping, cut.key], data) instanceof z.ZodArray;
}

/** The text `{ … }` cut at its commas where a list belongs (`{ when: Speed, or scale }`), whole as written. */
function listCut(written: Written, path: OutlinePath): string | undefined {
  const key = String(path.at(-1));
  return written.commaCuts(path.slice(0, -1)).find((cut) => cut.key === key)?.written;
}

function commaSplit(data: unknown, mapping: OutlinePath, cut: CommaCut): SemanticProblem {
  const { pieces } = cut;
  const became = `${quotedList(pieces)} became ${pieces.length > 1 ? 'keys without values' : 'a key without a value'}`;
  return {
    code: 'wrong-type',
    message: `${cellOf(data, mapping, cut.key)} was cut at ${pieces.length > 1 ? 'commas' : 'a comma'}: inside { … } a comma ends an entry, so ${became}`,
    path: mapping,
    // A piece written earlier too is found there: then the cut cell's own key.
    key: pieces.find((piece) => !cut.repeated.includes(piece)) ?? cut.key,
    hint: `Quote text that holds a comma: ${cut.key}: ${quoted(cut.written)}`,
  };
}

/** `"a", "b" and "c"`; `"a"` alone. */
function quotedList(keys: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/**
 * Text with ": " in it, written without quotes (`- Réactivité : signaux`):
 * YAML reads a colon followed by a space as the end of a key.
 */
function colonSplit(path: OutlinePath, line: string): SemanticProblem {
  const before = line.slice(0, line.search(/:(\s|$)/)).trimEnd();
  return {
    code: 'wrong-type',
    message: `"${fieldName(path)}" was read as a mapping, not text: the ": " after "${before}" made "${before}" a key`,
    path,
    hint: `Quote text that holds ": ": ${JSON.stringify(line)}`,
  };
}

/** "the mongo cell of row "Replication"" for a table row's cells, `"key"` for any other mapping. */
function cellOf(data: unknown, mapping: OutlinePath, key: string): string {
  if (mapping.at(-1) !== 'cells') return `"${key}"`;
  const aspect = valueAt(data, [...mapping.slice(0, -1), 'aspect']);
  return `the ${key} cell${typeof aspect === 'string' ? ` of row "${aspect}"` : ''}`;
}

/** How messages name the field at a path: its key, or `bullets[2]` for an item of a list. */
/**
 * What a message about the value at `path` names first: a field as `"title"`, a whole item (a slide a
 * rule faults) by its title, name or id as the author wrote them (`slide "Caffeine per cup"`), or by
 * its place counted from 1, never as the zero-based `"slides[4]"`.
 */
function subjectAt(path: OutlinePath, value: unknown, field: string): string {
  const last = path.at(-1);
  if (typeof last !== 'number') return `"${field}"`;
  const item = isRecord(value) ? value : {};
  const name = [item.title, item.name, item.label, item.aspect, item.contender, item.id].find(
    (v) => typeof v === 'string',
  );
  const thing = thingAt(path);
  if (thing === 'list item' && name === undefined) return `item ${last + 1} of "${String(path.at(-2) ?? 'list')}"`;
  return `${thing} ${name === undefined ? last + 1 : JSON.stringify(name)}`;
}

export function fieldName(path: OutlinePath): string {
  const last = path.at(-1);
  return typeof last === 'number' ? `${String(path.at(-2) ?? 'item')}[${last}]` : String(last ?? 'outline');
}

/** `value` in words; a number as written too when YAML read it as another (`006400`, the number 6400). */
function describe(value: unknown, asWritten?: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON quoting shows control characters as \u0000 escapes instead of sending them to the terminal;
  // DEL, the C1 controls (U+009B starts a terminal command) and U+FFFE and U+FFFF, which it leaves as they are, too.
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return quoted.replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value !== 'number') return `${typeof value} ${String(value)}`;
  return asWritten && asWritten !== String(value)
    ? `${asWritten}, which YAML reads as the number ${value}`
    : `the number ${value}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    boolean: 'true or false',
  };
  return words[expected] ?? expected;
}

/** For a text or number where a mapping of fields belongs (`contenders: [Go, Rust]`): the fields it needs. */
function mappingHint(root: z.core.$ZodType, path: OutlinePath, data: unknown, value: unknown): string | undefined {
  const object = schemaAt(root, path, data);
  if (!(object instanceof z.ZodObject) || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  const required = Object.entries(object.shape as Record<string, z.core.$ZodType>).flatMap(([key, schema]) =>
    schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? [] : [`${key}: …`],
  );
  return required.length
    ? `Write ${withArticle(thingAt(path))} as a mapping of its fields: { ${required.join(', ')} }.`
    : undefined;
}

/**
 * For a list where a mapping belongs: a table row written as its texts (`[Taste, Subtle, Bold]`),
 * the aspect and a cell per contender, in order; a mapping by name (`profiles: [meetup, long]`),
 * each name with its fields; another mapping, its fields.
 */
function listAsMappingHint(root: z.core.$ZodType, path: OutlinePath, data: unknown, value: unknown) {
  if (!Array.isArray(value)) return undefined;
  const schema = schemaAt(root, path, data);
  const field = path.at(-1);
  const words = value.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : '…'));
  if (schema instanceof z.ZodRecord && typeof field === 'string' && value.length > 0) {
    return `Write it as a mapping, each name followed by its fields: ${field}: { ${words.map((name) => `${flowText(name)}: { … }`).join(', ')} }`;
  }
  if (!(schema instanceof z.ZodObject)) return undefined;
  const keys = Object.keys(schema.shape);
  const contenders = isRecord(data) && Array.isArray(data.contenders) ? data.contenders.filter(isRecord) : [];
  const ids = contenders.map((c) => (typeof c.id === 'string' ? c.id : '…'));
  if (keys.includes('aspect') && keys.includes('cells') && words.length === ids.length + 1) {
    const cells = ids.map((id, i) => `${id}: ${flowText(words[i + 1] ?? '…')}`).join(', ');
    return `Write a table row as a mapping: { aspect: ${flowText(words[0] ?? '…')}, cells: { ${cells} } }`;
  }
  return mappingHint(root, path, data, '');
}

/**
 * For a text where a list of mappings belongs (`speakers: Ada Example`): the list, the text in each
 * item's one required field or its name (`[{ name: Ada Example }]`), the other fields to fill in.
 */
function mappingsHint(root: z.core.$ZodType, path: OutlinePath, data: unknown, value: unknown): string | undefined {
  const item = schemaAt(root, [...path, 0], data);
  const field = path.at(-1);
  if (!(item instanceof z.ZodObject) || typeof value !== 'string' || typeof field !== 'string') return undefined;
  const required = Object.entries(item.shape as Record<string, z.core.$ZodType>).flatMap(([key, schema]) =>
    schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? [] : [key],
  );
  const textKey = required.length === 1 ? required[0] : required.find((key) => key === 'name');
  const fields = (text: string) => required.map((key) => `${key}: ${key === textKey ? flowText(text) : '…'}`);
  const items = textKey === undefined ? [value] : value.split(/,\s+/).map((text) => text.trim());
  const written = items.map((text) => `{ ${fields(text).join(', ')} }`).join(', ');
  return `Write it as a list, each ${thingAt([...path, 0])} a mapping of its fields: ${field}: [${written}]`;
}

/** For a key or list item written without its value (`title:`): what to write there. */
function emptyHint(expected: string, path: OutlinePath): string {
  const key = path.at(-1);
  if (typeof key === 'number') return `Write ${article(expected)} after its "- ", or remove the line.`;
  if (expected === 'array')
    return `Write its items after the colon, ${key}: [a, b], or as "- " lines indented under it.`;
  if (expected === 'string') return `Write its text after the colon: ${key}: …`;
  return `Write ${article(expected)} after the colon: ${key}: …`;
}

/** For a number or true/false where text belongs (`tea: 40`): the value quoted at its key, as it was written. */
function quoteHint(expected: string, path: OutlinePath, value: unknown, plain: string | undefined): string | undefined {
  const scalar = typeof value === 'number' || typeof value === 'boolean';
  if (expected !== 'string' || !scalar || plain === undefined) return undefined;
  const key = path.at(-1);
  // Digits YAML read as a number (`color: 006400`) are a color without its #: quoted alone, still no color.
  if (key === 'color') return colorHint(plain);
  const quoted = JSON.stringify(plain);
  return `Quote it to keep it as text: ${typeof key === 'string' ? `${key}: ${quoted}` : `- ${quoted}`}`;
}

/** The words YAML 1.1 read as true or false, which YAML 1.2, as versus reads it, takes as text. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, y: true, on: true, no: false, n: false, off: false };

function expectedHint(expected: string, value: unknown, field: string): string | undefined {
  if (expected === 'boolean') {
    const meant = typeof value === 'string' ? YAML11_BOOLEANS[value.trim().toLowerCase()] : undefined;
    const written = field.endsWith(']') ? `- ${meant}` : `${field}: ${meant}`;
    return meant === undefined
      ? 'Write true or false, without quotes.'
      : `Write true or false; versus reads YAML 1.2, where "${value}" is text: ${written}`;
  }
  // "-Install it" on the lines under the key: without a space after it, a dash starts no item, and the lines join in one text.
  if (expected === 'array' && typeof value === 'string' && /^-[^\s-]/.test(value)) {
    const first = value.slice(1).split(/\s+-\s*/)[0];
    return `A "-" starts a list item only with a space after it: write "- " at the start of each item (- ${first}).`;
  }
  if (expected === 'array' && typeof value === 'string') return listHint(field, value);
  if (expected === 'array' && isRecord(value) && itemOf([field])) return firstItemHint(itemOf([field]) ?? '', value);
  if (expected === 'array') return 'Write a list, one "- item" per line.';
  if (expected === 'number' && typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) {
    const written = field.endsWith(']') ? `- ${value.trim()}` : `${field}: ${value.trim()}`;
    return `Drop the quotes, so that it reads as a number: ${written}`;
  }
  if (expected === 'number') return 'Write a plain number such as 25, without units.';
  if (expected === 'string' && isRecord(value) && 'file' in value && (field === 'solution' || field === 'starter'))
    return `An exercise's ${field} is written in the outline: "${field}: |" and the code indented below it (only a code pane reads a file).`;
  if (expected === 'string' && field === 'verdict' && Array.isArray(value)) return verdictListHint(value);
  // An id, a color or a date is one word: "|" and paragraphs are for the fields that hold prose.
  if (expected === 'string' && typeof value === 'object' && value !== null)
    return (
      FORMAT_HINTS[field] ??
      'Write one text; for several paragraphs write "|" after the colon and indent the lines below it.'
    );
  if (expected === 'string') return 'Quote the value if YAML reads it as something else, e.g. "2.0" or "yes".';
  if (expected === 'object' || expected === 'record') return 'Write "key: value" pairs, indented under this field.';
  return undefined;
}

/** For a verdict written as a list (`verdict: [coffee, tea]`): one winner, or "tie" when several share it. */
function verdictListHint(value: unknown[]): string {
  const [first] = value;
  const one = typeof first === 'string' && first !== '' ? `verdict: ${first}` : 'verdict: <contender id>';
  return value.length > 1
    ? `A verdict names one winning contender by its id, ${one}, or a tie between them: verdict: tie`
    : `A verdict names one winning contender by its id, without brackets: ${one}`;
}

/** For one item written where a list of them belongs (`sections:` and a section's keys under it): its "- ". */
function firstItemHint(thing: string, item: Record<string, unknown>): string {
  const [key, value] = Object.entries(item)[0] ?? [];
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : '…';
  const first = key === undefined ? '' : `: - ${key}: ${shown}`;
  return `Start each ${thing} with "- ", its other keys lined up under its first${first}`;
}

/**
 * A text as a list written in brackets: ids with commas between them as several
 * (`tags: meetup, workshop`); a sentence with commas as the items they part, as in
 * brackets they would (and as one quoted item, if that was meant); any other text as one item.
 */
function listHint(field: string, text: string): string {
  const ids = text.split(/,\s*/);
  if (ids.every((part) => /^[\w.-]+$/.test(part))) return `Write it as a list: ${field}: [${ids.join(', ')}]`;
  // A comma followed by a space parts the items, outside "quotes"; "1,000" does not.
  const items = (text.match(/(?:"[^"]*"|“[^”]*”|,(?!\s)|[^,])+/g) ?? []).map((item) => item.trim()).filter(Boolean);
  const one = `${field}: [${flowText(text)}]`;
  if (items.length < 2) return `Write it as a list: ${one}`;
  return `Write it as a list; in brackets, each comma starts a new item: ${field}: [${items.map(flowText).join(', ')}] (or one "- " line per item). For one item, quote it: ${one}`;
}

/** A text as a value inside [ … ] or { … }: quoted where YAML would read it otherwise. */
function flowText(text: string): string {
  return /[:#,[\]{}]|^[\s'"&*!|>%@`?-]/.test(text) ? quoted(text) : text;
}

/** Text in quotes: single ones around text that holds a double one (a quote, ארה"ב), rather than escaping it. */
function quoted(text: string): string {
  return text.includes('"') && !/['\\\p{Cc}]/u.test(text) ? `'${text}'` : JSON.stringify(text);
}

/** The keys the schema allows for the object at `path` (slide keys depend on its `kind`). */
function allowedKeys(root: z.core.$ZodType, path: OutlinePath, data: unknown): string[] {
  const object = schemaAt(root, path, data);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

/** The schema of the value at `path` (a slide's by its `kind`), unwrapped from optional and default. */
function schemaAt(root: z.core.$ZodType, path: OutlinePath, data: unknown): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = root;
  let value = data;
  for (const key of path) {
    schema = schema && step(unwrap(schema, value), key);
    value = valueAt(value, [key]);
  }
  return schema && unwrap(schema, value);
}

function unwrap(schema: z.core.$ZodType, value: unknown): z.core.$ZodType {
  // The wrappers the outline's schema uses: `.optional()` and `.default()`.
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return unwrap(schema.unwrap(), value);
  if (schema instanceof z.ZodDiscriminatedUnion && value && typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    const match = (schema.options as z.ZodObject[]).find((o) => (o.shape.kind as z.ZodLiteral).value === kind);
    if (match) return match;
  }
  return schema;
}

function step(schema: z.core.$ZodType, key: string | number): z.core.$ZodType | undefined {
  if (schema instanceof z.ZodObject) return schema.shape[key as string];
  if (schema instanceof z.ZodArray) return schema.element;
  if (schema instanceof z.ZodRecord) return schema.valueType;
  // Inside a union (`run: false` or a mapping): the mapping that has the key.
  if (schema instanceof z.ZodUnion) {
    const mapping = (schema.options as z.core.$ZodType[]).find(
      (option) => option instanceof z.ZodObject && key in option.shape,
    );
    return mapping && step(mapping, key);
  }
  return undefined;
}
