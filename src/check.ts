/**
 * `versus check`: validates the outline, then lints the planned deck for what
 * a speaker would want to know before the talk.
 */
import { compileOutline } from './compile.js';
import { loadOutline } from './outline/load.js';
import { positionOf } from './outline/positions.js';
import type { Deck, DeckSlide } from './plan/deck.js';
import { formatMinutes, slideTitle } from './render/slides.js';

export type FindingCode = 'missing-notes' | 'missing-source' | 'unused-source' | 'over-budget';

export interface Finding {
  severity: 'error' | 'warning';
  code: FindingCode;
  message: string;
  file: string;
  line: number;
  col: number;
  /** 1-based slide number in the built deck, when the finding is about a slide. */
  slide?: number;
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

/** Kinds whose content states facts, so they should cite a source. */
const CLAIM_KINDS = new Set<DeckSlide['kind']>(['comparison', 'timeline', 'bullets']);

/** @throws VersusError (kind `invalid-outline`) when the outline does not validate. */
export async function checkOutline(file: string, options: { profile?: string } = {}): Promise<CheckReport> {
  const loaded = await loadOutline(file);
  const { deck } = compileOutline(loaded, options);
  const at = (origin: DeckSlide['origin']) => ({ file, ...positionOf(loaded.parsed, origin) });
  const findings: Finding[] = [];

  deck.slides.forEach((slide, i) => {
    const isContinuation = (slide.part?.index ?? 1) > 1;
    if (!slide.notes.trim() && !isContinuation) {
      findings.push({
        severity: 'warning',
        code: 'missing-notes',
        message: `slide ${i + 1} "${slideTitle(slide)}" has no speaker notes`,
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
  for (const source of unusedSources(deck)) {
    const index = loaded.outline.sources.findIndex((s) => s.id === source);
    findings.push({
      severity: 'warning',
      code: 'unused-source',
      message: `source "${source}" is never cited`,
      ...at(['sources', index]),
    });
  }

  const budget = deck.meta.duration;
  const fits = budget === undefined ? undefined : deck.minutes <= budget;
  if (fits === false && budget !== undefined) {
    findings.push({
      severity: 'warning',
      code: 'over-budget',
      message: `the talk takes about ${formatMinutes(deck.minutes)}, over its ${formatMinutes(budget)} budget by ${formatMinutes(deck.minutes - budget)}`,
      ...at(deck.meta.profile ? ['profiles', deck.meta.profile, 'duration'] : ['duration']),
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
