/**
 * One markdown body per slide kind. Every outline string goes through the
 * escapers; the only HTML emitted is our own, from Marp's default allowlist.
 */

import { textDirection } from '../i18n/catalogs.js';
import { own } from '../outline/own.js';
import type { Contender } from '../outline/schema.js';
import type { DeckSlide } from '../plan/deck.js';
import { ADDRESS_BREAK, addressWordsJoined, hyphensJoined, slashBreaks, WEB_ADDRESS } from '../text/address.js';
import { chartImage } from '../text/chart-image.js';
import { BREAKING_SPACES, escapeHtml, escapeInline, fenceFor } from '../text/escape.js';
import { SLASH_BREAK } from '../text/marks.js';
import { japanesePhrases } from '../text/phrases.js';
import type { Palette } from '../theme/palette.js';
import { chartSvg, chartTable } from './chart.js';

export interface RenderContext {
  contenders: readonly Contender[];
  /** A right-to-left talk: its charts' text anchors mirror. */
  rtl: boolean;
  /** The theme's colors, the fallbacks of a chart's (shown as an image by other previewers). */
  palette: Palette;
}

export function renderSlideBody(slide: DeckSlide, ctx: RenderContext): string[] {
  // Each text in its own direction (a Latin text of a right-to-left talk reads left to right).
  const say = (text: string) => md(text, ctx.rtl);
  const heading = `# ${say(slide.heading)}`;
  const contender = (id: string) => {
    const index = ctx.contenders.findIndex((c) => c.id === id);
    return { index: index + 1, name: ctx.contenders[index]?.name ?? id };
  };

  switch (slide.kind) {
    case 'title': {
      const speakers = slide.byline.map(say);
      return [
        heading,
        ...(slide.subtitle ? [`## ${say(slide.subtitle)}`] : []),
        // A panel too long to stack stands two a row (plan/fit/title.ts).
        ...(slide.fit?.speakers ? [`<div class="speakers">\n\n${speakers.join('\n\n')}\n\n</div>`] : speakers),
        ...(slide.occasion ? [say(slide.occasion)] : []),
      ];
    }
    case 'agenda':
      return [
        heading,
        numbered(
          slide.items.map((item) => say(item.title)),
          slide.start,
        ),
      ];
    case 'divider':
      return [heading, ...(slide.summary ? [say(slide.summary)] : [])];
    case 'references':
      return [heading, referenceList(slide.sources, say)];
    case 'bullets':
      return [heading, ...(slide.lead ? [say(slide.lead)] : []), slide.bullets.map((b) => `- ${say(b)}`).join('\n')];
    case 'comparison': {
      const shown = slide.shown ? ctx.contenders.filter((c) => slide.shown?.includes(c.id)) : ctx.contenders;
      const header = `| <span class="sr-only">${escapeHtml(slide.aspectLabel)}</span> | ${shown.map((c) => say(c.name)).join(' | ')} |`;
      const rule = `| --- | ${shown.map(() => '---').join(' | ')} |`;
      const rows = slide.rows.map((row) => {
        const cells = shown.map((c) => {
          const cell = say(own(row.cells, c.id) ?? '');
          return row.verdict === c.id ? `<mark>${cell}</mark>` : cell;
        });
        const tie = row.verdict === 'tie' ? ` <span class="tie">${escapeHtml(slide.tieLabel.text)}</span>` : '';
        return `| ${say(row.aspect)}${tie} | ${cells.join(' | ')} |`;
      });
      return [heading, [header, rule, ...rows].join('\n')];
    }
    case 'pros-cons':
      return [
        heading,
        columns(
          ctx.contenders
            .filter((c) => own(slide.pros, c.id) || own(slide.cons, c.id))
            .map((c) => ({
              index: contender(c.id).index,
              blocks: [
                `## ${say(c.name)}`,
                ...labelledList(slide.prosLabel.text, own(slide.pros, c.id), '-', say),
                ...labelledList(slide.consLabel.text, own(slide.cons, c.id), '+', say),
              ],
            })),
          slide.columns,
          slide.slots,
        ),
      ];
    case 'code':
      return [
        heading,
        columns(
          slide.panes.map((pane) => {
            const code = (pane.code ?? '').replace(/\s+$/, '');
            const fence = fenceFor(code);
            return {
              index: contender(pane.contender).index,
              blocks: [
                `## ${say(contender(pane.contender).name)}`,
                `${fence}${pane.language ?? ''}\n${code}\n${fence}`,
                ...(pane.caption ? [say(pane.caption)] : []),
              ],
            };
          }),
          slide.columns,
          slide.slots,
          slide.wide,
        ),
      ];
    case 'timeline':
      return [
        heading,
        slide.events
          .map((event) => {
            const who = event.contender ? contender(event.contender) : undefined;
            const badge = who ? `<span class="badge c${who.index}">${say(who.name)}</span> ` : '';
            return `- **${say(event.when)}** ${badge}${say(event.text)}`;
          })
          .join('\n'),
      ];
    case 'decision': {
      const choices = slide.choices.map((choice) => {
        const who = contender(choice.contender);
        return {
          index: who.index,
          blocks: [`## ${say(choice.label)}`, choice.when.map((w) => `- ${say(w)}`).join('\n')],
        };
      });
      // The last part may hold the closing line alone (plan/fit/column-kinds.ts).
      return [
        heading,
        ...(choices.length ? [columns(choices, slide.columns, slide.slots)] : []),
        ...(slide.otherwise ? [say(slide.otherwise)] : []),
      ];
    }
    case 'quote':
      return slide.by
        ? [heading, `> ${say(slide.text)}\n>\n> — ${say(slide.by)}`]
        : [heading, `<p class="statement"${ctx.rtl ? directionAttribute(slide.text) : ''}>${htmlText(slide.text)}</p>`];
    case 'image':
      return [
        heading,
        // An image no loader found (a test's outline) is named as written.
        `<img src="${escapeHtml(slide.asset?.name ?? slide.src)}" alt="${escapeHtml(slide.alt.replace(/\s+/g, ' ').trim())}">`,
        ...(slide.caption ? [say(slide.caption)] : []),
      ];
    case 'chart':
      return [
        heading,
        chartImage(chartSvg(slide.chart, { contenders: ctx.contenders, palette: ctx.palette, rtl: ctx.rtl })),
        chartTable(slide, (id) => contender(id).name),
      ];
    case 'exercise':
      return [
        heading,
        ...(slide.timeboxLabel ? [`**${say(slide.timeboxLabel)}**`] : []),
        numbered(slide.task.map(say), slide.start),
      ];
  }
}

/** A numbered list whose numbers start at `start` (a part continuing an earlier one). */
function numbered(items: string[], start = 1): string {
  return items.map((item, i) => `${start + i}. ${item}`).join('\n');
}

function labelledList(
  label: string,
  items: string[] | undefined,
  marker: '-' | '+',
  say: (text: string) => string,
): string[] {
  // Different list markers keep the pros and cons lists apart in markdown ('*' would make Marp fragments).
  return items?.length ? [`**${say(label)}**`, items.map((item) => `${marker} ${say(item)}`).join('\n')] : [];
}

/**
 * Columns, one per contender, colored by the contender's index; `perRow` side by side, more in a
 * grid; `slots`: the cell of its row each stands in, when some of a row are left out; `wide`:
 * the places of those that span their row.
 */
function columns(
  items: { index: number; blocks: string[] }[],
  perRow = items.length,
  slots?: number[],
  wide?: number[],
): string {
  const body = items
    .map(({ index, blocks }, i) => {
      const slot = slots?.[i] === undefined ? '' : ` slot-${(slots[i] as number) + 1}`;
      const span = wide?.includes(i) ? ' wide' : '';
      return `<div class="column c${index}${slot}${span}">\n\n${blocks.join('\n\n')}\n\n</div>`;
    })
    .join('\n');
  return `<div class="columns cols-${perRow}">\n${body}\n</div>`;
}

/**
 * A link showing the address `text` (escaped) to `href` (in angle brackets: an address holds no
 * `<`, `>` or white space). Never broken after a hyphen, as addresses break (text/address.ts):
 * each hyphen stays with the character after it.
 */
function link(text: string, href: string): string {
  const shown = hyphensJoined(text, escapeInline, nobr);
  // Where the planner breaks a long address (ADDRESS_BREAK) is shown, never linked.
  const target = href.replaceAll(ADDRESS_BREAK, '');
  return `[${shown}](<${target.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/**
 * Outline text escaped for markdown, its bare web addresses made links (as the PowerPoint does).
 * Japanese text breaks only between its phrases, as the planner laid it out (text/phrases.ts).
 * In a right-to-left talk (`rtl`), a text that reads left to right is set so (`textDirection`).
 */
function md(text: string, rtl = false): string {
  const markdown = phrased(text.replace(BREAKING_SPACES, ' ').trim(), inline);
  return rtl && textDirection(text, 'rtl') === 'ltr' ? `<span dir="ltr">${markdown}</span>` : markdown;
}

/** The `dir` attribute of an element of a right-to-left talk holding `text`, when the text reads left to right. */
function directionAttribute(text: string): string {
  return textDirection(text, 'rtl') === 'ltr' ? ' dir="ltr"' : '';
}

/** Outline text in an HTML element of the slide: escaped, and Japanese broken only between its phrases (see `md`). */
function htmlText(text: string): string {
  return phrased(text.replace(/\s+/g, ' ').trim(), escapeHtml);
}

/**
 * One line of text as `escaped` makes it; Japanese piece by piece, a line allowed to break only
 * between its phrases; a long word may break after its slashes, as the planner counted (text/address.ts).
 */
function phrased(oneLine: string, escaped: (text: string) => string): string {
  const phrases = japanesePhrases(oneLine);
  const html = phrases
    ? `<span class="phrases">${phrases.map((phrase) => escaped(slashBreaks(phrase))).join('<wbr>')}</span>`
    : escaped(slashBreaks(oneLine));
  return html.replaceAll(SLASH_BREAK, '<wbr>').replaceAll(ADDRESS_BREAK, '<wbr>');
}

/** Markdown kept on one line. */
function nobr(markdown: string): string {
  return `<span class="nobr">${markdown}</span>`;
}

/**
 * `text` escaped piece by piece, its web addresses made links, the spaces around each piece kept.
 * A mail address, a handle or a path breaks across lines as a link does, never after a hyphen.
 */
function inline(text: string): string {
  const piece = (part: string) =>
    part.trim() ? part.replace(/\S(.*\S)?/u, (core) => addressWordsJoined(core, escapeInline, nobr)) : part;
  let result = '';
  let at = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    result += piece(text.slice(at, match.index)) + link(match[0], match[0]);
    at = match.index + match[0].length;
  }
  return result + piece(text.slice(at));
}

function referenceList(
  lines: Extract<DeckSlide, { kind: 'references' }>['sources'],
  say: (text: string) => string,
): string {
  return lines
    .map((line) => {
      // Set apart as the planner measured the line (text/spacing.ts).
      const url = line.url ? `${line.gaps.address}${link(line.address ?? line.url, line.url)}` : '';
      const accessed = line.accessed ? `${line.gaps.accessed}${say(line.accessed)}` : '';
      return `${line.number}. ${say(line.text)}${url}${accessed}`;
    })
    .join('\n');
}
