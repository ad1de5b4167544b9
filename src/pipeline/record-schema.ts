/**
 * What a build record must hold to be one (see up-to-date.ts): a record that
 * does not — damaged by hand or by a tool, `"inputs": {}`, `null` where a
 * build writes an object — is no record, and the talk is built again. Without
 * this check, an empty `inputs` made an edited outline "up to date", and a
 * `null` crashed every later build, `--force` included.
 */
import path from 'node:path';
import * as z from 'zod';

/** A name inside the output folder, as a build writes it: relative, and never out of the folder. */
const outputName = z
  .string()
  .min(1)
  .refine((name) => !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..'), 'a name inside the output folder');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A warning the build printed, to print again: a diagnostic's fields (finding.ts), others kept as they are. */
const finding = z.looseObject({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  hint: z.string().optional(),
});

const recordSchema = z.object({
  record: z.number(),
  outline: z.string().min(1),
  stamp: z.string().min(1),
  // Every build reads its outline at least: a record without an input describes no build.
  inputs: z.record(z.string().min(1), z.string().min(1)).refine((inputs) => Object.keys(inputs).length > 0),
  outputs: z
    .record(outputName, z.object({ sha256, size: z.number().int().nonnegative(), mtimeMs: z.number() }))
    .refine((outputs) => Object.keys(outputs).length > 0),
  kept: z.array(outputName).optional(),
  summary: z.object({
    title: z.string(),
    slug: z.string().min(1),
    slides: z.number().int().nonnegative(),
    minutes: z.number().nonnegative(),
    duration: z.number().nonnegative().optional(),
    profile: z.string().optional(),
    images: z.boolean(),
    exercises: z.boolean().optional(),
  }),
  overflows: z.array(finding).optional(),
  overBudget: finding.optional(),
  warnings: z.array(finding).optional(),
});

/** The record in `data` when it holds what a build of `format` records; undefined otherwise. */
export function parseRecord(data: unknown, format: number): z.infer<typeof recordSchema> | undefined {
  const parsed = recordSchema.safeParse(data);
  return parsed.success && parsed.data.record === format ? parsed.data : undefined;
}
