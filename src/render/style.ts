/**
 * Per-deck CSS: the contenders' colors as custom properties and the rules that
 * tie table columns and layout columns to them. Built only from validated hex
 * colors and indexes, never from free text.
 */
import type { Contender } from '../outline/schema.js';
import { readableTextOn } from './colors.js';

export function contenderStyle(contenders: readonly Contender[]): string {
  const rules = contenders.flatMap((contender, i) => {
    const n = i + 1;
    const column = n + 1; // the first table column holds the aspect
    return [
      `section { --c${n}: ${contender.color}; --c${n}-text: ${readableTextOn(contender.color)}; }`,
      `section table th:nth-child(${column}) { background: var(--c${n}); color: var(--c${n}-text); }`,
      `section table td:nth-child(${column}):has(> mark) { box-shadow: inset 6px 0 0 var(--c${n}); }`,
      `section .c${n} { --accent: var(--c${n}); --accent-text: var(--c${n}-text); }`,
    ];
  });
  return rules.join('\n');
}
