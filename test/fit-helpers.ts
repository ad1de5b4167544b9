/**
 * Measuring many decks in one browser page: every slide's overflow (with the
 * build's own measurement), how full its body is, and its text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { parse } from 'yaml';
import { openDocument } from '../src/export/browser.js';
import { renderSlides } from '../src/export/marp.js';
import { measurePage } from '../src/export/measure.js';
import { slidesDocument } from '../src/export/slides-document.js';
import type { Outline } from '../src/outline/schema.js';
import type { Compiled } from '../src/pipeline/compile.js';
import type { ResolvedTheme } from '../src/theme/resolve.js';

export interface MeasuredSlide {
  bottom: number;
  right: number;
  /** Share of the room under the title that the body takes (0–1). */
  fill: number;
  /** The slide's rendered text. */
  text: string;
}

/**
 * All decks' slides as one markdown document: their slides in order, and the
 * union of their per-deck CSS (contender colors differ, which changes no size).
 */
function combine(decks: readonly Compiled[]): string {
  const styles = new Set<string>();
  const bodies: string[] = [];
  for (const { markdown } of decks) {
    const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
    for (const line of String(parse(frontMatter).style ?? '').split('\n')) styles.add(line);
    bodies.push(body.trim());
  }
  const [first] = decks;
  const theme = first?.deck.meta.theme ?? 'versus';
  return `---\nmarp: true\ntheme: ${theme}\nsize: 16:9\npaginate: true\nstyle: |\n${[...styles].map((s) => `  ${s}`).join('\n')}\n---\n\n${bodies.join('\n\n---\n\n')}\n`;
}

export async function measureDecks(
  browser: Browser,
  decks: readonly Compiled[],
  theme: ResolvedTheme,
): Promise<MeasuredSlide[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-fit-'));
  const page = await openDocument(await browser.newPage(), {
    file: path.join(dir, 'decks.html'),
    html: slidesDocument(await renderSlides(combine(decks), theme), 'decks', 'en'),
  });
  try {
    const overflow = await measurePage(page);
    const details = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('svg[data-marpit-svg] > foreignObject > section')].map((section) => {
        const style = getComputedStyle(section);
        const box = section.getBoundingClientRect();
        const limit = box.bottom - Number.parseFloat(style.paddingBottom);
        const title = section.querySelector('h1');
        const top = title
          ? title.getBoundingClientRect().bottom + Number.parseFloat(getComputedStyle(title).marginBottom)
          : box.top + Number.parseFloat(style.paddingTop);
        let lowest = top;
        for (const element of section.querySelectorAll<HTMLElement>('*')) {
          if (element.closest('header, footer, h1')) continue;
          lowest = Math.max(lowest, element.getBoundingClientRect().bottom);
        }
        // Without the soft hyphens the planner puts into words too wide for their column (plan/fit/hyphenate.ts).
        return { fill: (lowest - top) / (limit - top), text: section.innerText.replaceAll('\u00ad', '') };
      }),
    );
    const slides = overflow.map((m, i) => ({
      bottom: m.bottom,
      right: m.right,
      ...(details[i] ?? { fill: 0, text: '' }),
    }));
    const result: MeasuredSlide[][] = [];
    let from = 0;
    for (const { deck } of decks) {
      result.push(slides.slice(from, from + deck.slides.length));
      from += deck.slides.length;
    }
    return result;
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every text an outline puts on its slides, as a person would read it. */
export function textsOf(outline: Outline): string[] {
  const name = (id: string) => outline.contenders.find((c) => c.id === id)?.name ?? id;
  const texts = [outline.title];
  for (const section of outline.sections) {
    texts.push(section.title);
    for (const slide of section.slides) {
      texts.push(slide.title);
      switch (slide.kind) {
        case 'bullets':
          texts.push(...(slide.lead ? [slide.lead] : []), ...slide.bullets);
          break;
        case 'comparison':
          texts.push(...outline.contenders.map((c) => c.name));
          texts.push(...slide.rows.flatMap((row) => [row.aspect, ...Object.values(row.cells)]));
          break;
        case 'pros-cons':
          texts.push(...[...Object.keys(slide.pros), ...Object.keys(slide.cons)].map(name));
          texts.push(...Object.values(slide.pros).flat(), ...Object.values(slide.cons).flat());
          break;
        case 'code':
          texts.push(...slide.panes.flatMap((pane) => [name(pane.contender), ...(pane.caption ? [pane.caption] : [])]));
          break;
        case 'timeline':
          texts.push(...slide.events.flatMap((e) => [e.when, e.text, ...(e.contender ? [name(e.contender)] : [])]));
          break;
        case 'decision':
          texts.push(...slide.choices.flatMap((c) => [c.label ?? name(c.contender), ...c.when]));
          texts.push(...(slide.otherwise ? [slide.otherwise] : []));
          break;
        case 'quote':
          // Words only: a quote too long for one slide is split between sentences.
          texts.push(...slide.text.split(/\s+/u), ...(slide.by ? [slide.by] : []));
          break;
        case 'image':
          texts.push(...(slide.caption ? [slide.caption] : []));
          break;
        case 'exercise':
          texts.push(...slide.task);
          break;
      }
    }
  }
  return texts.map((t) => t.replace(/\s+/gu, ' ').trim()).filter(Boolean);
}

/** Each code line, its white space collapsed, as the slides' text shows it (a wrapped line's break and marker are no text). */
export function codeLinesOf(outline: Outline): string[] {
  return outline.sections.flatMap((s) =>
    s.slides.flatMap((slide) =>
      slide.kind === 'code'
        ? slide.panes.flatMap((p) =>
            (p.code ?? '')
              .split('\n')
              .map((l) => l.replace(/\s+/gu, ' ').trim())
              .filter(Boolean),
          )
        : [],
    ),
  );
}
