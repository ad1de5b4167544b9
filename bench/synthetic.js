/**
 * Synthetic outlines for the markdown-generation benchmark: two contenders,
 * sections of 10 slides cycling through the kinds the planner lays out
 * (bullets, comparison, code, timeline, pros/cons, decision), every slide
 * with notes and sources.
 */
import { stringify } from 'yaml';

const SLIDES_PER_SECTION = 10;
const SOURCES = 20;

const words = (n, seed) =>
  Array.from(
    { length: n },
    (_, i) => ['model', 'layer', 'backend', 'graph', 'tensor', 'train', 'export'][(seed + i) % 7],
  ).join(' ');

function slide(i) {
  const base = {
    id: `slide-${i}`,
    title: `Slide ${i}: ${words(4, i)}`,
    notes: `Speaker notes for slide ${i}. ${words(40, i)}.`,
    sources: [`src-${i % SOURCES}`, `src-${(i + 7) % SOURCES}`],
  };
  const code = Array.from(
    { length: 12 },
    (_, l) => `    ${words(3, i + l).replaceAll(' ', '_')} = step(${l}, ${words(2, l)})`,
  );
  switch (i % 6) {
    case 0:
      return {
        kind: 'bullets',
        ...base,
        lead: `A short lead sentence for slide ${i}.`,
        bullets: Array.from({ length: 4 }, (_, b) => `Point ${b + 1}: ${words(8, i + b)}`),
      };
    case 1:
      return {
        kind: 'comparison',
        ...base,
        rows: Array.from({ length: 4 }, (_, r) => ({
          aspect: `Aspect ${r + 1}`,
          cells: { alpha: words(5, i + r), beta: words(6, i + r + 1) },
          verdict: ['alpha', 'beta', 'tie'][(i + r) % 3],
        })),
      };
    case 2:
      return {
        kind: 'code',
        ...base,
        panes: ['alpha', 'beta'].map((contender) => ({
          contender,
          language: 'python',
          code: `def run_${i}():\n${code.join('\n')}`,
        })),
      };
    case 3:
      return {
        kind: 'timeline',
        ...base,
        events: Array.from({ length: 6 }, (_, e) => ({
          when: `${2015 + e}`,
          text: words(7, i + e),
          contender: 'alpha',
        })),
      };
    case 4:
      return {
        kind: 'pros-cons',
        ...base,
        pros: { alpha: [words(5, i), words(6, i + 1)], beta: [words(4, i + 2)] },
        cons: { alpha: [words(5, i + 3)], beta: [words(7, i + 4), words(3, i + 5)] },
      };
    default:
      return {
        kind: 'decision',
        ...base,
        choices: ['alpha', 'beta'].map((contender, c) => ({
          contender,
          when: Array.from({ length: 3 }, (_, w) => words(6, i + c + w)),
        })),
        otherwise: `Otherwise, ${words(8, i)}.`,
      };
  }
}

/** An outline object with exactly `count` authored slides (plus generated ones: title, agenda, dividers, references). */
export function syntheticOutline(count) {
  const sections = [];
  for (let start = 0; start < count; start += SLIDES_PER_SECTION) {
    const n = Math.min(SLIDES_PER_SECTION, count - start);
    sections.push({
      id: `section-${sections.length + 1}`,
      title: `Section ${sections.length + 1}`,
      slides: Array.from({ length: n }, (_, k) => slide(start + k)),
    });
  }
  return {
    title: 'Alpha vs Beta',
    subtitle: `A synthetic talk of ${count} slides`,
    lang: 'en',
    contenders: [
      { id: 'alpha', name: 'Alpha', color: '#d00000' },
      { id: 'beta', name: 'Beta', color: '#ff6f00' },
    ],
    sources: Array.from({ length: SOURCES }, (_, s) => ({
      id: `src-${s}`,
      title: `Source ${s}`,
      url: `https://example.org/source/${s}`,
      accessed: '2026-11-01',
    })),
    sections,
  };
}

export const syntheticYaml = (count) => stringify(syntheticOutline(count));
