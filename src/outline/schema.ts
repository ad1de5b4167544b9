/**
 * The outline's schema: the single source of the TypeScript types, the
 * validator and the shipped `outline.schema.json`.
 */
import * as z from 'zod';
import { MESSAGE_HELP, MESSAGE_KEYS, type MessageKey } from '../i18n/catalog.js';
import type { ImageType } from '../images/check.js';
import { DEFAULTS } from '../shared/defaults.js';
import {
  byteLength,
  isWindowsDeviceName,
  LONGEST_SUFFIX,
  MAX_NAME_BYTES,
  MAX_SLUG_BYTES,
} from '../shared/file-name.js';
import { BUILT_IN_THEMES } from '../theme/themes.js';
import type { OutlinePath } from './outline-path.js';
import { displayLength } from './text-length.js';
import { asIsoDate } from './written-date.js';

// C0 control characters (other than tab and newline), DEL, C1 controls and the noncharacters U+FFFE and
// U+FFFF cannot be shown on a slide, and a terminal acts on controls (U+009B starts a command). Notes and
// code may hold them: outputs drop them (text/xml.ts). The noncharacters U+FDD0–U+FDEF are Unicode's for
// a program's internal use, and versus's marks in text it lays out (text/marks.ts): no outline text holds them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/;

/** Any text shown on a slide. Rendered verbatim: markdown and HTML in it are shown as typed. */
const text = z
  .string()
  .regex(/\S/u, 'must not be empty or blank')
  .refine((s) => !CONTROL_CHARS.test(s), 'contains a control character that cannot be shown on a slide');

/**
 * Text shown in one block of a slide, at most `max` characters long (wide CJK
 * characters count twice): a bound under which every layout can fit it.
 */
function slideText(max: number) {
  return text
    .superRefine((value, ctx) => {
      const length = displayLength(value);
      if (length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `is ${length} characters long; at most ${max} fit here on a slide (CJK characters count twice)`,
          params: {
            predicate: true,
            hint: `Cut ${length - max === 1 ? '1 character' : `${length - max} characters`} or more, and say the detail in the notes instead.`,
          },
        });
      }
    })
    .meta({ maxLength: max });
}

/**
 * A date written YYYY-MM or YYYY-MM-DD must be one on the calendar: "2026-02-31" would be shown as
 * March 3. Other text (a `date: Autumn 2026`) is left as it is.
 */
const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function calendarDate(value: string, ctx: z.RefinementCtx): void {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const wrong =
    month < 1 || month > 12
      ? `there is no month ${month}`
      : match[3] !== undefined && (day < 1 || day > days)
        ? `${MONTH.format(Date.UTC(year, month - 1))} has ${days} days`
        : undefined;
  if (wrong) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date: ${wrong}`,
      params: { hint: 'Write a date of the calendar as YYYY-MM-DD, e.g. 2026-11-20.' },
    });
  }
}

/**
 * A date in digits written another way than YYYY-MM-DD (`22/11/2026`, `2026-11-22T10:00`) would be
 * shown as written, not as a date in the talk's language: a date is meant, so it is told. Words
 * (`Autumn 2026`, `1 Nov 2026`) are text, shown as written.
 */
function digitsDate(value: string, ctx: z.RefinementCtx): void {
  const text = value.trim();
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text)?.[1];
  if (!withTime && !/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(text)) return;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return;
  const iso = withTime ?? asIsoDate(text);
  ctx.addIssue({
    code: 'custom',
    message: `"${value}" is a date written ${withTime ? 'with a time' : 'another way than YYYY-MM-DD'}: the slides would show it as written, not as a date in the talk's language`,
    params: {
      hint: iso ? `Write it as YYYY-MM-DD: "${iso}"` : 'Write it as YYYY-MM-DD (year, month, day), e.g. "2026-11-20".',
    },
  });
}

/** Limits that keep every text fitting a slide, whatever the layout. */
const LIMIT = { name: 40, label: 120, title: 200, line: 300, item: 400 } as const;

const id = z
  .string()
  .regex(
    /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]*$/u,
    'ids use lowercase letters (of any script), digits and dashes, e.g. "head-to-head"',
  );

/**
 * The key of a mapping with an entry per contender (cells, pros, cons, chart values): any text here;
 * semantics.ts checks that it names a contender, and issues.ts tells a misplaced key from a contender's.
 */
export const contenderKey = z.string();

const minutes = z.number().positive().max(600).describe('Estimated speaking time in minutes.');

const color = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a color is #rrggbb (or #rgb) in hex digits, e.g. "#ff6f00"')
  .describe('Brand color, used for table headers and verdict highlights.');

const contender = z.strictObject({
  id: id.describe('Used as the key of table cells, pros/cons and code panes.'),
  name: slideText(LIMIT.name),
  color,
});

const source = z.strictObject({
  id,
  title: slideText(LIMIT.line),
  url: z
    .url({ protocol: /^https?$/, error: 'addresses start with http:// or https://' })
    .optional()
    .describe(
      'http(s) address of the source, of any length: slides and handout show a long one shortened, linking it whole.',
    ),
  publisher: slideText(LIMIT.label).optional(),
  accessed: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are written YYYY-MM-DD')
    .superRefine(calendarDate)
    .optional()
    .describe('When the source was last checked (YYYY-MM-DD).'),
});

const privateNotes = z
  .string()
  .optional()
  .describe(
    "Notes only the speaker sees (the presenter HTML, the script, the PPTX notes, the solutions notebook), never the handout or any attendee output; not counted in the slide's time.",
  );

/** Fields every slide may carry. */
const slideBase = {
  id: id.optional().describe('Stable id, used by profiles, --skip and overlays.'),
  title: slideText(LIMIT.title),
  notes: z.string().optional().describe('Speaker notes: what to say. Shown in presenter view and the handout.'),
  privateNotes,
  tags: z
    .array(id)
    .optional()
    .describe(
      "This slide's tags, instead of its section's. When tags are selected (a profile's \"only\", --only), a tagged slide is kept only if one of its tags is; when none are, no slide is left out for its tags.",
    ),
  sources: z.array(id).optional().describe('Ids of sources this slide relies on.'),
  minutes: minutes.optional(),
};

/** A slide kind's schema: its `kind`, the fields every slide may carry, then its own. */
function slideKind<K extends string, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.strictObject({ kind: z.literal(kind), ...slideBase, ...shape });
}

const bulletsSlide = slideKind('bullets', {
  lead: slideText(LIMIT.line).optional().describe('A short sentence above the list.'),
  bullets: z.array(slideText(LIMIT.item)).min(1),
});

const comparisonRow = z.strictObject({
  aspect: slideText(LIMIT.label),
  cells: z.record(contenderKey, slideText(LIMIT.item)).describe('One cell per contender id.'),
  verdict: z.string().optional().describe('Contender id of the row winner, or "tie". Highlighted by the theme.'),
  sources: z.array(id).optional(),
});

const comparisonSlide = slideKind('comparison', {
  rows: z.array(comparisonRow).min(1),
});

const prosConsSlide = slideKind('pros-cons', {
  pros: z.record(contenderKey, z.array(slideText(LIMIT.item)).min(1)).describe('Contender id → advantages.'),
  cons: z.record(contenderKey, z.array(slideText(LIMIT.item)).min(1)).describe('Contender id → drawbacks.'),
});

const languageName = z.string().regex(/^[A-Za-z0-9_+#.-]+$/, 'a language name such as "python"');

/** What `versus check --run` expects of a run that should fail. */
const expectError = z
  .union([
    z.literal('error'),
    z.strictObject({
      error: z
        .string()
        .min(1)
        .describe('Text its output must contain: the error\'s type ("ValueError") or a piece of its message.'),
    }),
  ])
  .describe(
    'The code is meant to fail: "error", or { error: text the output must contain }. Running without error is then a finding.',
  );

const paneRun = z
  .union([
    z.literal(false),
    z.strictObject({
      expect: expectError.optional(),
      after: z
        .array(z.string())
        .optional()
        .describe(
          'Contender ids of panes on this slide whose code runs first, in the same process: this pane uses what they define.',
        ),
    }),
  ])
  .describe('How `versus check --run` runs this pane: false leaves it out (a fragment, a shell session).');

const exerciseRun = z
  .union([
    z.literal(false),
    z.strictObject({
      expect: expectError
        .optional()
        .describe('The solution is meant to fail: "error", or { error: text its output must contain }.'),
      after: z
        .array(id)
        .optional()
        .describe(
          'Ids of exercises whose solutions run first, in the same process, as the notebook runs top to bottom: this solution (and starter) uses what they define.',
        ),
      starter: z
        .union([z.enum(['syntax', 'run']), z.literal(false)])
        .optional()
        .describe(
          'How the starter is checked: "syntax" (default: parsed, not run), "run" (run whole, as attendees run it: after the solutions of the exercises named in "after", without the set-up code, run.setup, which attendees never get; its TODOs must be comments or placeholders that run), or false.',
        ),
    }),
  ])
  .describe('How `versus check --run` runs the solution and checks the starter: false leaves both out.');

const codePane = z
  .strictObject({
    contender: z.string().describe('Contender id this pane belongs to.'),
    language: languageName.optional(),
    code: z.string().min(1).optional().describe('The code itself.'),
    file: z.string().min(1).optional().describe('Or a file to include, relative to the outline.'),
    caption: slideText(LIMIT.line).optional(),
    run: paneRun.optional(),
  })
  .superRefine((pane, ctx) => {
    if (pane.code !== undefined && pane.file !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: 'a code pane shows its "code" or a "file", not both',
        params: { hint: 'Keep the one that holds the code you mean: delete "code", or "file".' },
      });
    } else if (pane.code === undefined && pane.file === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a code pane needs its "code", or a "file" that holds it',
        params: { hint: 'Add code: | with the code on the lines under it, or file: and its path.' },
      });
    }
  });

const codeSlide = slideKind('code', {
  panes: z.array(codePane).min(1),
});

const timelineSlide = slideKind('timeline', {
  events: z
    .array(
      z.strictObject({
        // A year is written as a number as often as not (`when: 2020`): read as its text.
        when: z
          .union([slideText(LIMIT.name), z.int().min(0).max(9999).transform(String).describe('a year such as 2020')])
          .describe('A date or year, e.g. "Nov 2023" or 2020.'),
        text: slideText(LIMIT.item),
        contender: z.string().optional(),
      }),
    )
    .min(1),
});

const decisionSlide = slideKind('decision', {
  choices: z
    .array(
      z.strictObject({
        contender: z.string(),
        label: slideText(LIMIT.label).optional().describe('Heading of the column; default "Choose <name> if…".'),
        when: z.array(slideText(LIMIT.item)).min(1),
      }),
    )
    .min(1),
  otherwise: slideText(LIMIT.line).optional().describe('A closing line under the columns.'),
});

const quoteSlide = slideKind('quote', {
  text,
  by: slideText(LIMIT.label).optional().describe('Who said it. Without it, the slide is a big statement.'),
});

const imageSlide = slideKind('image', {
  src: z.string().min(1).describe('Local image file, relative to the outline.'),
  alt: text.describe('Alternative text: what the image shows, for screen readers and the handout.'),
  caption: slideText(LIMIT.line).optional(),
});

const exerciseSlide = slideKind('exercise', {
  task: z.array(slideText(LIMIT.item)).min(1).describe('Steps for the audience.'),
  language: languageName
    .optional()
    .describe(
      'Language of the starter code and the solution; default: the language of the talk\'s code panes. "text" for an answer in words: shown as text, never run.',
    ),
  starter: z
    .string()
    .min(1)
    .optional()
    .describe('Code the attendees start from: goes to the exercise notebook, never to the slide.'),
  solution: z.string().min(1).describe('Goes to the speaker notes, never on the slide.'),
  run: exerciseRun.optional(),
});

/** A chart's values: one number per contender; a contender left out, or written `null`, shows "n/a". */
const chartNumber = z
  .number()
  .min(-1e15, 'is below -1e15: write it in a larger unit')
  .max(1e15, 'is above 1e15: write it in a larger unit (GB → TB, ms → s)');

const chartValues = z
  .record(contenderKey, chartNumber.nullable())
  .describe(
    'Contender id → number. A contender left out (or null) is shown as "n/a", never as zero; the chart shows the contenders some group names, in the order of "contenders".',
  );

const chartSlide = slideKind('chart', {
  metric: z
    .strictObject({
      title: slideText(LIMIT.label).describe('What the numbers measure, e.g. "Training step time": the axis\'s name.'),
      unit: slideText(LIMIT.name)
        .optional()
        .describe('The unit of every value, e.g. "ms", "%", "MB": written after the axis\'s name.'),
      higherIsBetter: z
        .boolean()
        .describe('true for scores and throughput, false for times, costs and sizes: which value is marked best.'),
    })
    .describe('The measure the bars show.'),
  values: chartValues.optional().describe('One bar per contender. Use "groups" instead for several bars each.'),
  groups: z
    .array(
      z.strictObject({
        label: slideText(LIMIT.label).describe('What this group measured, e.g. a task or a model.'),
        values: chartValues,
      }),
    )
    .min(1)
    .optional()
    .describe('Several measurements, one cluster of bars each; many groups continue on further slides.'),
  min: chartNumber.optional().describe("The value axis's start; default: 0, or below the smallest value."),
  max: chartNumber.optional().describe("The value axis's end; default: a round number above the largest value."),
  scale: z
    .enum(['linear', 'log'])
    .optional()
    .describe('"log" for values that span orders of magnitude (all above zero); default "linear".'),
}).superRefine((chart, ctx) => {
  if (chart.values !== undefined && chart.groups !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['groups'],
      message: 'a chart shows its "values" or its "groups", not both',
      params: { hint: 'Keep "values" for one bar per contender, or "groups" for a cluster of bars per measurement.' },
    });
  } else if (chart.values === undefined && chart.groups === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'a chart needs its numbers: "values" (one bar per contender) or "groups" (several bars each)',
      params: { hint: 'Add values: { <contender id>: <number>, … }, or groups: [{ label: …, values: { … } }, …].' },
    });
  }
  const axisUpsideDown = chart.min !== undefined && chart.max !== undefined && chart.min >= chart.max;
  if (axisUpsideDown) {
    ctx.addIssue({
      code: 'custom',
      path: ['max'],
      message: `max (${chart.max}) must be above min (${chart.min})`,
      params: {
        hint:
          chart.min === chart.max
            ? `Raise "max" above ${chart.min}, or leave "min" and "max" out: the axis then holds every value.`
            : `Swap them, min: ${chart.max} and max: ${chart.min}; or leave both out: the axis then holds every value.`,
      },
    });
  }
  const tables = chart.groups?.map((group, g) => ({ values: group.values, path: ['groups', g, 'values'] })) ?? [
    { values: chart.values ?? {}, path: ['values'] },
  ];
  // A bar past an end of the axis the author set would be cut off there, or not drawn at all.
  for (const { values, path } of axisUpsideDown ? [] : tables) {
    for (const [id, value] of Object.entries(values)) {
      const past =
        value === null
          ? undefined
          : chart.max !== undefined && value > chart.max
            ? { bound: 'max', is: 'above', fix: 'Raise', most: 'least' }
            : chart.min !== undefined && value < chart.min
              ? { bound: 'min', is: 'below', fix: 'Lower', most: 'most' }
              : undefined;
      if (!past) continue;
      ctx.addIssue({
        code: 'custom',
        path: [...path, id],
        message: `${value} is ${past.is} the axis's ${past.bound} (${chart[past.bound as 'min' | 'max']}): its bar would not show whole`,
        params: {
          hint: `${past.fix} "${past.bound}" to at ${past.most} ${value}, or leave it out: the axis then holds every value.`,
        },
      });
    }
  }
  if (chart.scale !== 'log') return;
  for (const { values, path } of tables) {
    for (const [id, value] of Object.entries(values)) {
      if (value !== null && value <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, id],
          message: `a log scale cannot show ${value}: it holds values above zero only`,
          params: { hint: 'Remove "scale: log" for a linear axis, or leave this value out (it shows as "n/a").' },
        });
      }
    }
  }
  for (const bound of ['min', 'max'] as const) {
    const value = chart[bound];
    if (value !== undefined && value <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [bound],
        message: `a log scale starts above zero, so "${bound}" cannot be ${value}`,
        params: { hint: `Leave "${bound}" out, set it above zero, or remove "scale: log".` },
      });
    }
  }
});

export const slideSchema = z.discriminatedUnion('kind', [
  bulletsSlide,
  comparisonSlide,
  prosConsSlide,
  codeSlide,
  timelineSlide,
  decisionSlide,
  quoteSlide,
  imageSlide,
  exerciseSlide,
  chartSlide,
]);

export const SLIDE_KINDS = slideSchema.options.map((option) => option.shape.kind.value);

const section = z.strictObject({
  id,
  title: slideText(LIMIT.title),
  summary: slideText(LIMIT.line).optional().describe('One line under the section title on its divider slide.'),
  notes: z.string().optional(),
  privateNotes,
  tags: z.array(id).optional().describe('Tags of every slide in the section that has none of its own.'),
  minutes: minutes.optional().describe('Speaking time of the divider slide.'),
  slides: z.array(slideSchema),
});

const speaker = z.strictObject({
  name: slideText(LIMIT.label),
  role: slideText(LIMIT.label).optional(),
  contact: slideText(LIMIT.label)
    .optional()
    .describe('A link or handle, printed on the title slide and the handout cover.'),
});

const generatedSlide = z.strictObject({
  title: slideText(LIMIT.title).optional(),
  notes: z.string().optional(),
  privateNotes,
  minutes: minutes.optional(),
});

const metadata = {
  title: slideText(LIMIT.title),
  subtitle: slideText(LIMIT.line).optional(),
  speakers: z.array(speaker).max(6, 'at most 6 speakers fit the title slide').optional(),
  event: slideText(LIMIT.label).optional(),
  date: slideText(LIMIT.name).superRefine(calendarDate).superRefine(digitsDate).optional(),
  duration: minutes.optional().describe('Time budget of the talk in minutes.'),
};

const profile = z
  .strictObject({
    ...metadata,
    title: slideText(LIMIT.title).optional(),
    only: z
      .array(id)
      .optional()
      .describe(
        'Tags to select: a tagged slide is kept only when it carries one of them; untagged slides always are. Without "only" no tag is selected, and no slide is left out for its tags.',
      ),
    skip: z.array(id).optional().describe('Ids of sections or slides to leave out.'),
  })
  .describe("One version of the talk: the slides it selects, and metadata (title, duration…) over the outline's.");

const label = slideText(LIMIT.label);
const pluralLabel = z.strictObject({
  zero: label.optional(),
  one: label.optional(),
  two: label.optional(),
  few: label.optional(),
  many: label.optional(),
  other: label,
});
const labelValue = z.union([label, pluralLabel]).optional();

/** The outline's own wording for generated text, by key; one string, or one per plural category. */
const labels = z
  .strictObject(
    Object.fromEntries(MESSAGE_KEYS.map((key) => [key, labelValue.describe(MESSAGE_HELP[key])])) as unknown as Record<
      MessageKey,
      typeof labelValue
    >,
  )
  .describe('Words versus adds (agenda, pros, "Choose {name} if…"), over the catalog of the talk\'s lang.');

/** A program and its arguments; the code's file is added at the end. */
const command = z.union([
  z.string().regex(/\S/, 'must not be blank').describe('A program and its arguments, separated by spaces.'),
  z.array(z.string().min(1)).min(1).describe('A program and its arguments, one per item (for paths with spaces).'),
]);

/** How `versus check --run` runs the talk's code. */
const runSettings = z
  .strictObject({
    runners: z
      .record(languageName, z.union([command, z.literal(false)]))
      .optional()
      .describe(
        'Language → the program that runs its code, given the code\'s file last: ".venv/bin/python", "deno run", or false not to run that language. A relative path is relative to the outline. Defaults: python → python3, javascript → node, bash and sh → bash.',
      ),
    setup: z
      .record(languageName, z.string())
      .optional()
      .describe('Language → code run before every pane and solution in it, in the same process (imports, small data).'),
    timeout: z
      .number()
      .positive()
      .max(3600)
      .optional()
      .describe(`Seconds each run may take before it is stopped and reported (default ${DEFAULTS.runTimeout}).`),
  })
  .describe('How `versus check --run` runs the code panes and exercises: runners, set-up code, time limit.');

/** Talk-wide settings an overlay may override too. */
const settings = {
  url: z
    .url({ protocol: /^https?$/, error: 'addresses start with http:// or https://' })
    .describe(
      "The HTML's public address: link previews (Open Graph) then name its image by an absolute address, and the title and closing slides carry a QR code of it.",
    ),
  qr: z
    .union([
      z
        .url({ protocol: /^https?$/, error: 'addresses start with http:// or https://' })
        .max(300, 'a QR code of more than 300 characters is too dense to scan from a seat'),
      z.literal(false),
    ])
    .describe(
      'The address the QR code on the title and closing slides leads to, when not `url` (a feedback form, say); false leaves the QR code out.',
    ),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/, 'a BCP 47 tag such as "en"')
    .describe('Language of the talk (BCP 47): generated words, right-to-left layout, word counts.'),
  labels,
  slug: z
    .string()
    .regex(
      /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]*$/u,
      'slugs use lowercase letters (of any script), digits and dashes',
    )
    // A slug the author chose is refused rather than shortened: the files are named as it says, or not at all.
    .superRefine((value, ctx) => {
      if (isWindowsDeviceName(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `is a name Windows keeps for a device: no file "${value}.md" can be made or opened there`,
        });
      }
      const bytes = byteLength(value);
      if (bytes > MAX_SLUG_BYTES) {
        ctx.addIssue({
          code: 'custom',
          message: `is ${bytes} bytes long in UTF-8; file names allow ${MAX_NAME_BYTES}, and versus adds up to ${LONGEST_SUFFIX.length} ("${LONGEST_SUFFIX}"): at most ${MAX_SLUG_BYTES}`,
        });
      }
    })
    .describe(`Output file base name (at most ${MAX_SLUG_BYTES} bytes in UTF-8); derived from the title when absent.`),
  theme: z
    .string()
    .min(1)
    .describe(`${BUILT_IN_THEMES.map((name) => `"${name}"`).join(', ')}, or a theme file.`),
  notes: z.string().describe('Speaker notes of the title slide.'),
  privateNotes: privateNotes.unwrap().describe("The title slide's private notes: only the speaker sees them."),
  wordsPerMinute: z
    .number()
    .min(60)
    .max(250)
    .describe("Speaking rate used to estimate a slide's minutes from its notes when it sets none."),
  charactersPerMinute: z
    .number()
    .min(60)
    .max(800)
    .describe('Speaking rate for text written without spaces (Chinese, Japanese, Thai), in characters.'),
  agenda: z
    .union([generatedSlide, z.literal(false)])
    .describe(
      'The agenda slide: its title, notes and minutes, or false for none. A talk of one section has one only when this is set.',
    ),
  dividers: z
    .literal(false)
    .describe(
      "false: no divider slide before each section (a short talk of one section needs none); a section's notes, private notes and minutes are then shown nowhere.",
    ),
  references: z.union([generatedSlide, z.literal(false)]),
  defaultProfile: id.describe('Profile used when --profile is not given.'),
  run: runSettings,
};

export const outlineSchema = z
  .strictObject({
    $schema: z.string().optional(),
    ...metadata,
    ...z.object(settings).partial().shape,
    lang: settings.lang.default('en'),
    wordsPerMinute: settings.wordsPerMinute.default(130),
    contenders: z.array(contender),
    sources: z.array(source).default([]),
    sections: z.array(section).min(1),
    profiles: z.record(id, profile).optional(),
  })
  .describe('A versus talk outline.');

/**
 * An overlay: `extends` another outline (or overlay), then changes it by id.
 * Operations apply in order: replace, remove, add; metadata overrides, and profiles merge field by field.
 */
export const overlaySchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z.string().min(1).describe('The outline this file changes, relative to this file.'),
    ...z.object({ ...metadata, ...settings }).partial().shape,
    sources: z.array(source).optional().describe('Added; a source with an existing id replaces it.'),
    profiles: z
      .record(id, profile)
      .optional()
      .describe(
        'Added; a profile with an existing name changes only the fields it names ("duration: 40" keeps the base profile\'s title, only and skip).',
      ),
    replace: z
      .array(
        z.strictObject({
          id: id.describe('The slide or section to replace.'),
          slide: slideSchema.optional(),
          section: section
            .extend({ id: id.optional(), slides: section.shape.slides.optional() })
            .optional()
            .describe('The new section; without "slides" it changes only the fields it names (a new title).'),
        }),
      )
      .optional(),
    remove: z
      .array(id)
      .optional()
      .describe(
        'Ids of slides, sections or sources to leave out of this version (a source only when no slide or section has the id).',
      ),
    add: z
      .array(
        z.strictObject({
          after: id.optional().describe('Insert after this slide (for slides) or section (for sections).'),
          before: id.optional().describe('Insert before this slide (for slides) or section (for sections).'),
          into: id.optional().describe('Append the slides to the end of this section.'),
          slides: z.array(slideSchema).optional(),
          sections: z.array(section).optional(),
        }),
      )
      .optional(),
  })
  .describe('A versus outline overlay.');

/** A top-level field of an outline that an overlay does not take (`contenders`, `sections`): the base has them. */
export function isOutlineOnlyField(key: string): boolean {
  return Object.hasOwn(outlineSchema.shape, key) && !Object.hasOwn(overlaySchema.shape, key);
}

/**
 * Where a part of a loaded outline was written: the file that holds it and its
 * path inside that file's data. The loader stamps it (see origin.ts).
 */
export interface Origin {
  /** The outline file, as diagnostics name it. */
  file: string;
  /** Path of the stamped object inside that file's data. */
  path: OutlinePath;
}

/** The image file an image slide shows, as the loader found, read and checked it. */
export interface Asset {
  /** Its name in the output folder, content-addressed: `assets/<name>-<hash>.<ext>`. */
  name: string;
  /** The sha256 of its bytes, in hex. */
  sha256: string;
  /** What its bytes hold, whatever its name says. */
  type: ImageType;
  /** Its size in bytes. */
  size: number;
  /** A raster picture's size upright, in pixels: shown at most this large (see lint's `small-image`). */
  pixels?: { width: number; height: number };
}

/**
 * What the loader adds to the validated data. No author writes these fields,
 * so they are in no schema (nor in outline.schema.json), only in the types of
 * the loaded model: plain optional fields, which `structuredClone`, spreads and
 * overlays carry along. Absent in data no loader read (a test's own).
 */
interface Stamped {
  /** Where it was written. */
  origin?: Origin;
}
type Resolved<S> = S extends { kind: 'image' } ? S & { /** The file `src` names, once found. */ asset?: Asset } : S;

type WrittenOutline = z.output<typeof outlineSchema>;
type WrittenOverlay = z.output<typeof overlaySchema>;
type Replacement = NonNullable<WrittenOverlay['replace']>[number];
type Addition = NonNullable<WrittenOverlay['add']>[number];

export type Slide = Resolved<z.output<typeof slideSchema>> & Stamped;
export type SlideKind = Slide['kind'];
export type Section = Omit<z.output<typeof section>, 'slides'> & Stamped & { slides: Slide[] };
export type Contender = z.output<typeof contender> & Stamped;
export type Source = z.output<typeof source> & Stamped;
export type Outline = Omit<WrittenOutline, 'contenders' | 'sources' | 'sections'> & {
  contenders: Contender[];
  sources: Source[];
  sections: Section[];
};
export type Overlay = Omit<WrittenOverlay, 'sources' | 'replace' | 'add'> & {
  sources?: Source[];
  replace?: (Omit<Replacement, 'slide' | 'section'> & {
    slide?: Slide;
    section?: Omit<NonNullable<Replacement['section']>, 'slides'> & Stamped & { slides?: Slide[] };
  })[];
  add?: (Omit<Addition, 'slides' | 'sections'> & { slides?: Slide[]; sections?: Section[] })[];
};
export type Profile = NonNullable<Outline['profiles']>[string];
export type RunSettings = NonNullable<Outline['run']>;
export type CodePane = Extract<Slide, { kind: 'code' }>['panes'][number];

/** The outline's JSON Schema, for editors (`# yaml-language-server: $schema=...`). */
export function outlineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.union([outlineSchema, overlaySchema]), { target: 'draft-07', io: 'input' });
}
