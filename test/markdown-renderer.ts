/**
 * A Markdown renderer as readers of versus's plain markdown files use one
 * (GitHub, an editor's preview): markdown-it, CommonMark with tables and
 * strikethrough, raw HTML allowed. markdown-it comes with marp-core.
 */
import { createRequire } from 'node:module';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: {
  html: boolean;
}) => { render: (markdown: string) => string };

const renderer = new MarkdownIt({ html: true });

export function renderCommonMark(markdown: string): string {
  return renderer.render(markdown);
}
