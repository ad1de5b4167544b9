/**
 * marp-core's Marp class, as one module file of our own: `createMarp` imports it,
 * and the HTML export names this file as marp-cli's engine, so that in the bundled
 * CLI both use the one marp-core already loaded instead of loading it twice.
 *
 * Ours also marks each slide of a right-to-left talk `dir="rtl"` (from its
 * `lang`), which Marp has no directive for and the themes mirror the layout by.
 */
import { Marp as MarpCore, type MarpOptions } from '@marp-team/marp-core';
import { directionOf } from '../i18n/catalogs.js';

/** The little of markdown-it's API this plugin uses (Marpit types its instance as `any`). */
interface Token {
  type: string;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}
interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[] }) => void): void } };
}

function slideDirection(md: MarkdownIt): void {
  md.core.ruler.push('versus_slide_direction', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'marpit_slide_open') continue;
      const lang = token.attrGet('lang');
      if (lang && directionOf(lang) === 'rtl') token.attrSet('dir', 'rtl');
    }
  });
}

export class Marp extends MarpCore {
  constructor(options?: MarpOptions) {
    super(options);
    this.use(slideDirection);
  }
}

// marp-cli takes an engine module's default export.
export default Marp;
