/**
 * marp-core's Marp class, as one module file of our own: `createMarp` imports it,
 * and the HTML export names this file as marp-cli's engine, so that in the bundled
 * CLI both use the one marp-core already loaded instead of loading it twice.
 *
 * Ours adds two markdown-it rules: each slide of a right-to-left talk is marked
 * `dir="rtl"` (from its `lang`), which Marp has no directive for and the themes
 * mirror the layout by; and the notes escaper's guards come off the presenter
 * notes, so that the presenter view shows (and a person copies) them as written.
 */
import { Marp as MarpCore, type MarpOptions } from '@marp-team/marp-core';
import type { HLJSApi } from 'highlight.js';
import { directionOf } from '../i18n/catalogs.js';
import { addressLines, QR_FENCE, qrSvg } from '../plan/qr.js';
import { Memo } from '../shared/memo.js';
import { chartSvgOf } from '../text/chart-image.js';
import { escapeHtml, unescapeNotes } from '../text/escape.js';
import { highlightWrapped } from './continued-lines.js';
import { type Definitions, LazyHighlighter, recordLanguages } from './highlight.js';

/** The little of markdown-it's token API these rules use (Marpit types its instance as `any`). */
interface Token {
  type: string;
  info: string;
  content: string;
  markup: string;
  children: Token[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}
type MarkdownIt = Parameters<Parameters<MarpCore['use']>[0]>[0];

function slideDirection(md: MarkdownIt): void {
  md.core.ruler.push('versus_slide_direction', (state: { tokens: Token[] }) => {
    for (const token of state.tokens) {
      if (token.type !== 'marpit_slide_open') continue;
      const lang = token.attrGet('lang');
      if (lang && directionOf(lang) === 'rtl') token.attrSet('dir', 'rtl');
    }
  });
}

/** A comment on lines of its own, as render/markdown.ts writes notes: its text untrimmed (Marpit trims it). */
const NOTES_COMMENT = /^<!--\n([\s\S]*?)\n-->\n?$/;

/**
 * A rule after Marpit has read directives, before it collects the notes: each
 * comment's text as written (a solution's first line keeps its indentation),
 * its guards taken off.
 */
function notesAsWritten(md: MarkdownIt): void {
  md.core.ruler.before('marpit_collect', 'versus_notes_as_written', (state: { tokens: Token[] }) => {
    for (const token of state.tokens) {
      for (const t of [token, ...(token.children ?? [])]) {
        if (t.type === 'marpit_comment') t.content = unescapeNotes(NOTES_COMMENT.exec(t.markup)?.[1] ?? t.content);
      }
    }
    return true;
  });
}

/**
 * A chart's image (text/chart-image.ts) becomes its SVG, inline: vector in the
 * PDFs, its text selectable. Marp's HTML filter would drop `<svg>`, so the block
 * becomes a token of its own, which renders the SVG versus wrote as it is.
 */
function inlineCharts(md: MarkdownIt): void {
  md.core.ruler.push('versus_inline_charts', (state: { tokens: Token[] }) => {
    for (const token of state.tokens) {
      if (token.type !== 'html_block') continue;
      const svg = chartSvgOf(token.content);
      if (svg === undefined) continue;
      token.type = 'versus_chart';
      token.content = svg;
    }
  });
  md.renderer.rules.versus_chart = (tokens: Token[], index: number) => `${tokens[index]?.content ?? ''}\n`;
}

/**
 * The QR code's fenced block (render/markdown.ts) drawn as the code, vector,
 * and the address as text beside it, on the planner's lines (plan/qr.ts), which
 * the PowerPoint draws too; the theme places them (`figure.qr`).
 * The code is hidden from screen readers, which read the address.
 */
function qrCode(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens: Token[], index: number, ...rest: unknown[]) => {
    const token = tokens[index];
    if (token?.info.trim() !== QR_FENCE) return fence(tokens, index, ...rest);
    const text = token.content.trim();
    const svg = qrSvg(text).replace('<svg ', '<svg aria-hidden="true" ');
    const lines = addressLines(text).map(escapeHtml).join('<br>');
    return `<figure class="qr"><figcaption>${lines}</figcaption>${svg}</figure>\n`;
  };
}

/** marp-core's languages, recorded on the first Marp's first highlight (see highlight.ts). */
let languages: Definitions | undefined;

/**
 * Theme CSS as Marp packs it, by everything the packing reads: the theme's name,
 * the packing options (a talk's own `<style>` among them) and every theme's CSS.
 * Packing runs the CSS through some twenty PostCSS plugins, 30–40 ms on every
 * render (most of a render); a build renders two or three times with one theme,
 * and `dev` on every save. At most some 16 million characters of keys.
 */
const packedThemes = new Memo<string>(16_000_000, (key) => key.length);

export class Marp extends MarpCore {
  private lazyHighlighter: LazyHighlighter | undefined;

  constructor(options?: MarpOptions) {
    super(options);
    this.use(slideDirection).use(notesAsWritten).use(inlineCharts).use(qrCode);
  }

  /** highlight.js with each language registered when a slide first names it, instead of all 192 at once. */
  override get highlightjs(): HLJSApi {
    languages ??= recordLanguages(() => Reflect.get(MarpCore.prototype, 'highlightjs', this));
    this.lazyHighlighter ??= new LazyHighlighter(languages);
    // Marp asks it only whether it knows a language and for the highlighted code (Highlighter).
    return this.lazyHighlighter as unknown as HLJSApi;
  }

  /** Code highlighted line by line as written, its wrapped rows keeping their line's colors and copying as written. */
  override highlighter(code: string, lang: string, attrs: string): string {
    // Marp leaves code in a language highlight.js does not know to markdown-it, which escapes it.
    return highlightWrapped(code, (joined) => super.highlighter(joined, lang, attrs) || escapeHtml(joined));
  }

  protected override renderStyle(theme?: string): string {
    const themes = [...this.themeSet.themes()].map((each) => each.css);
    const key = JSON.stringify([theme, this.themeSetPackOptions(), this.themeSet.default?.css, themes]);
    return packedThemes.get(key, () => super.renderStyle(theme));
  }
}

// marp-cli takes an engine module's default export.
export default Marp;
