/**
 * `versus check`: validates the outline, then lints the planned deck for what
 * a speaker would want to know before the talk.
 */
import { compileOutline } from './compile.js';
import { VersusError } from './diagnostics.js';
import type { SharedBrowser } from './export/browser.js';
import { renderSlides, themeFor } from './export/marp.js';
import type { SlideMeasure } from './export/measure.js';
import { labelsFor } from './labels.js';
import { loadOutline } from './outline/load.js';
import { locate, type Where } from './outline/origin.js';
import { own } from './outline/own.js';
import type { FilePosition } from './outline/positions.js';
import type { Outline } from './outline/schema.js';
import type { Deck, DeckSlide } from './plan/deck.js';
import { contrastRatio, readableTextOn } from './render/colors.js';
import { presenterNotes } from './render/notes.js';
import { formatMinutes, slideTitle } from './render/slides.js';

export type FindingCode =
  | 'missing-notes'
  | 'missing-source'
  | 'unused-source'
  | 'over-budget'
  | 'under-budget'
  | 'overflow'
  | 'small-text'
  | 'contrast';

export interface Finding {
  severity: 'error' | 'warning';
  code: FindingCode;
  message: string;
  file: string;
  line: number;
  col: number;
  /** 1-based slide number in the built deck, when the finding is about a slide. */
  slide?: number;
  /** For overflow: pixels past the slide's content box, downwards and to the right. */
  overflow?: { bottom: number; right: number };
}

export interface CheckOptions {
  profile?: string;
  /** Theme name or CSS file to measure with (default: the outline's). */
  theme?: string;
  /** Render the deck in Chromium and report slides whose content overflows (default true). */
  measure?: boolean;
  browserTimeout?: number;
  /** A browser shared with other checks or builds; by default the check launches and closes its own. */
  browser?: SharedBrowser;
}

export interface CheckReport {
  file: string;
  profile?: string;
  slides: number;
  minutes: number;
  budget?: number;
  fits?: boolean;
  findings: Finding[];
  ok: boolean;
}

/** A talk that fills less of its slot than this is reported as far too short. */
const UNDER_BUDGET = 0.75;

/** Kinds whose content states facts, so they should cite a source. */
const CLAIM_KINDS = new Set<DeckSlide['kind']>(['comparison', 'timeline', 'bullets']);

/** @throws VersusError (kind `invalid-outline`) when the outline does not validate. */
export async function checkOutline(file: string, options: CheckOptions = {}): Promise<CheckReport> {
  const loaded = await loadOutline(file);
  const theme = await themeFor(loaded, options.theme);
  const { deck, markdown } = compileOutline(loaded, { ...options, theme: theme.name });
  const at = (where: Where) => locate(loaded, where);
  const findings: Finding[] = [];

  const deckContenders = deck.contenders.length;
  const labels = labelsFor(deck);
  deck.slides.forEach((slide, i) => {
    const isContinuation = (slide.part?.index ?? 1) > 1;
    // A slide without notes is reported once (an exercise's solution counts: the presenter has it under the slide);
    // a part left without any when its first part has some ran out of paragraphs.
    const firstPart = deck.slides[i - (slide.part?.index ?? 1) + 1];
    const notesRanOut = isContinuation && firstPart !== undefined && presenterNotes(firstPart, labels).length > 0;
    if (presenterNotes(slide, labels).length === 0 && (!isContinuation || notesRanOut)) {
      findings.push({
        severity: 'warning',
        code: 'missing-notes',
        message: notesRanOut
          ? `slide ${i + 1} "${slideTitle(slide)}" has no speaker notes: the slide's notes have fewer paragraphs than parts; add one, after a blank line, for what to say here`
          : `slide ${i + 1} "${slideTitle(slide)}" has no speaker notes`,
        ...at(slide.origin),
        slide: i + 1,
      });
    }
    if (slide.dense && !isContinuation) {
      findings.push({
        severity: 'warning',
        code: 'small-text',
        message: `slide ${i + 1} "${slideTitle(slide)}" uses 20px table text, for ${slide.kind === 'comparison' && (slide.shown?.length ?? deckContenders) > 4 ? 'five or more contenders side by side' : 'a row too long for 24px'}; shorten the cells to keep it readable`,
        ...at(slide.origin),
        slide: i + 1,
      });
    }
    if (CLAIM_KINDS.has(slide.kind) && slide.citations.length === 0 && !isContinuation) {
      findings.push({
        severity: 'warning',
        code: 'missing-source',
        message: `slide ${i + 1} "${slideTitle(slide)}" (${slide.kind}) cites no source`,
        ...at(slide.origin),
        slide: i + 1,
      });
    }
  });
  for (const [i, contender] of loaded.outline.contenders.entries()) {
    const ratio = contrastRatio(contender.color, readableTextOn(contender.color));
    if (ratio < 4.5) {
      findings.push({
        severity: 'warning',
        code: 'contrast',
        message: `text on ${contender.name}'s color ${contender.color} reaches only ${ratio.toFixed(2)}:1 (WCAG AA needs 4.5:1); pick a darker or lighter shade`,
        ...at(['contenders', i, 'color']),
      });
    }
  }
  for (const source of unusedSources(deck)) {
    const index = loaded.outline.sources.findIndex((s) => s.id === source);
    findings.push({
      severity: 'warning',
      code: 'unused-source',
      message: `source "${source}" is never cited`,
      ...at(['sources', index]),
    });
  }

  if (options.measure !== false) {
    const [{ SharedBrowser }, { measureSlides }] = await Promise.all([
      import('./export/browser.js'),
      import('./export/measure.js'),
    ]);
    const browser = options.browser ?? new SharedBrowser({ timeout: options.browserTimeout });
    try {
      // Chromium boots while Marp renders the slides to measure.
      const [launched, slides] = await Promise.all([
        browser.get().catch(withoutMeasuring),
        renderSlides(markdown, theme),
      ]);
      const measures = await measureSlides(launched, slides, deck.meta.lang);
      findings.push(...overflowFindings(measures, deck, theme.name, at));
    } finally {
      if (!options.browser) await browser.close();
    }
  }

  const budget = deck.meta.duration;
  const fits = budget === undefined ? undefined : deck.minutes <= budget;
  const slot = slotPosition(loaded.outline, deck, at);
  // Checking a profile by name asks whether it fits its slot: then a talk too long fails.
  const overBudget = overBudgetFinding(deck, slot, options.profile === undefined ? 'warning' : 'error');
  if (overBudget) findings.push(overBudget);
  if (budget !== undefined && deck.minutes < budget * UNDER_BUDGET) {
    findings.push({
      severity: 'warning',
      code: 'under-budget',
      message: `the talk takes about ${formatMinutes(deck.minutes)}, ${formatMinutes(budget - deck.minutes)} short of its ${formatMinutes(budget)} slot; add slides or minutes, or shorten the slot`,
      ...slot,
    });
  }
  return {
    file,
    ...(deck.meta.profile ? { profile: deck.meta.profile } : {}),
    slides: deck.slides.length,
    minutes: deck.minutes,
    ...(budget !== undefined ? { budget, fits } : {}),
    findings,
    ok: findings.every((f) => f.severity !== 'error'),
  };
}

/**
 * One error per slide whose content runs past its content box, at the outline
 * position of the slide it comes from. Shared by `check` and `build`.
 */
export function overflowFindings(
  measures: readonly SlideMeasure[],
  deck: Deck,
  themeName: string,
  at: (where: Where) => FilePosition,
): Finding[] {
  return measures.flatMap(({ slide, bottom, right }): Finding[] => {
    const planned = deck.slides[slide - 1];
    if ((!bottom && !right) || !planned) return [];
    const how = [bottom && `${bottom}px past the bottom`, right && `${right}px past the right edge`]
      .filter(Boolean)
      .join(' and ');
    return [
      {
        severity: 'error',
        code: 'overflow',
        message: `slide ${slide} "${slideTitle(planned)}" overflows ${how} (theme ${themeName}); shorten it or split it`,
        ...at(planned.origin),
        slide,
        overflow: { bottom, right },
      },
    ];
  });
}

/**
 * Where the talk's slot is set: the profile's `duration` when the profile
 * names one, or else the outline's (a profile may take the outline's slot).
 */
export function slotPosition(outline: Outline, deck: Deck, at: (where: Where) => FilePosition): FilePosition {
  const { profile } = deck.meta;
  const ownSlot = profile !== undefined && own(outline.profiles, profile)?.duration !== undefined;
  return at(ownSlot ? ['profiles', profile, 'duration'] : ['duration']);
}

/**
 * The talk over its slot (its `duration`), at the slot's position; undefined
 * when it fits or has none. Shared by `check` and `build`.
 */
export function overBudgetFinding(deck: Deck, slot: FilePosition, severity: Finding['severity']): Finding | undefined {
  const budget = deck.meta.duration;
  if (budget === undefined || deck.minutes <= budget) return undefined;
  return {
    severity,
    code: 'over-budget',
    message: `the talk takes about ${formatMinutes(deck.minutes)}, over its ${formatMinutes(budget)} budget by ${formatMinutes(deck.minutes - budget)}`,
    ...slot,
  };
}

function unusedSources(deck: Deck): string[] {
  const cited = new Set(deck.slides.flatMap((s) => s.citations));
  return deck.sources.filter((s) => !cited.has(s.number)).map((s) => s.id);
}

export function formatCheckReport(report: CheckReport): string {
  const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.severity}[${f.code}]: ${f.message}`);
  const profile = report.profile ? ` (profile ${report.profile})` : '';
  const timing =
    report.budget === undefined
      ? `about ${formatMinutes(report.minutes)}`
      : `about ${formatMinutes(report.minutes)} of ${formatMinutes(report.budget)}: ${report.fits ? 'fits' : 'does NOT fit'}`;
  lines.push(`${report.file}${profile}: ${report.slides} slides, ${timing}; ${report.findings.length} finding(s).`);
  return `${lines.join('\n')}\n`;
}

/** Without a browser, `check` can still lint: say so next to how to get one. */
function withoutMeasuring(error: unknown): never {
  if (!(error instanceof VersusError) || error.kind !== 'environment') throw error;
  throw new VersusError(
    error.kind,
    error.message,
    error.diagnostics,
    `${error.hint ?? ''} Or skip the overflow measurement with --no-measure.`.trim(),
  );
}
