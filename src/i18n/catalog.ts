/**
 * The words versus adds to a talk, one catalog per language. A message is a
 * string with `{name}` placeholders, or one string per plural category
 * (`Intl.PluralRules`), chosen by the count `{n}`.
 */

/** One string per plural category the language uses; `other` is always there. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

/**
 * Every key a catalog translates. Adding a word: one line here, one line in
 * each catalog (the type makes a missing translation a compile error).
 */
export const MESSAGE_KEYS = [
  'agenda',
  'references',
  'introduction',
  'continued',
  'aspect',
  'tie',
  'pros',
  'cons',
  'choose',
  'exercise',
  'solution',
  'exerciseNumber',
  'exerciseHeading',
  'exerciseInFile',
  'privateNotes',
  'minutes',
  'sources',
  'accessed',
  'slideCount',
  'aboutMinutes',
  'handout',
  'noNotes',
  'continuedNotes',
  'runSheet',
  'profile',
  'runSheetTotal',
  'runSheetBudget',
  'fits',
  'over',
  'colStarts',
  'colSlide',
  'colSection',
  'colMinutes',
  'colEnds',
  'speaker',
  'slideControls',
  'starterCode',
  'solutionInSession',
  'exercises',
  'solutions',
  'script',
  'starts',
  'notebookIntro',
  'solutionsIntro',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];
export type Catalog = Record<MessageKey, Message>;

/** What each key is for, shown in the JSON Schema so that editors explain the `labels:` keys. */
export const MESSAGE_HELP: Record<MessageKey, string> = {
  agenda: 'Title of the agenda slide.',
  references: 'Title of the References slide and of the handout’s sources.',
  introduction: 'Handout heading of the slides before the first section.',
  continued: 'A continuation slide’s title: {title}, {index}, {count}.',
  aspect: 'Screen-reader label of the tables’ first column.',
  tie: 'Badge of a row whose verdict is a tie.',
  pros: 'Heading of the pros.',
  cons: 'Heading of the cons.',
  choose: 'Heading of a decision column without a label: {name}.',
  exercise: 'Label of an exercise slide.',
  solution: 'Heading of an exercise’s solution in the notes.',
  exerciseNumber: 'An exercise slide’s label, with its number: {n}.',
  exerciseHeading:
    'An exercise’s title with its number, in the handout, script, run sheet, notebooks and exercise files: {n}, {title}.',
  exerciseInFile: 'Notebook cell of an exercise in another language, pointing to its file: {language}, {file}.',
  privateNotes: 'Heading of the notes only the speaker sees (`privateNotes`), in the speaker’s outputs.',
  minutes: 'A duration: {n} minutes.',
  sources: 'Footer of a slide that cites sources: {refs}.',
  accessed: 'When a source was read: {date}.',
  slideCount: 'A number of slides: {n}.',
  aboutMinutes: 'The handout cover’s length of the talk: {n}.',
  handout: 'Handout’s document title: {title}.',
  noNotes: 'Handout text for a slide without notes.',
  continuedNotes: 'Handout text for a continuation slide.',
  runSheet: 'Run sheet heading: {title}.',
  profile: 'Run sheet’s profile line: {name}.',
  runSheetTotal: 'Run sheet total: {slides}, {minutes}.',
  runSheetBudget: 'Run sheet total against the slot: {slides}, {minutes}, {slot}.',
  fits: 'Run sheet: the talk fits, {spare} left.',
  over: 'Run sheet: the talk is over by {over}.',
  colStarts: 'Run sheet column: start time.',
  colSlide: 'Run sheet column: slide.',
  colSection: 'Run sheet column: section.',
  colMinutes: 'Run sheet column: minutes.',
  colEnds: 'Run sheet column: end time.',
  speaker: 'A speaker with their role, on the title slide and the handout cover: {name}, {role}.',
  slideControls: 'The HTML’s name for its slide controls.',
  starterCode: 'Label above an exercise’s starter code in the attendee handout.',
  solutionInSession: 'Attendee handout, in place of an exercise’s solution.',
  exercises: 'Title of the attendees’ exercise notebook: after the talk’s title.',
  solutions: 'Title of the solutions notebook: after the talk’s title.',
  script: 'Name of the speaker’s script (its title and heading).',
  starts: 'Speaker’s script: before a slide’s planned start time.',
  notebookIntro: 'First cell of the attendees’ notebook.',
  solutionsIntro: 'First cell of the solutions notebook.',
};
