/** What the parts of an outline are called in messages: "slide", "section", "table row"… */
import type { OutlinePath } from './outline-path.js';

const THINGS: Record<string, string> = {
  slides: 'slide',
  sections: 'section',
  contenders: 'contender',
  sources: 'source',
  speakers: 'speaker',
  rows: 'table row',
  panes: 'code pane',
  events: 'timeline event',
  choices: 'decision choice',
  profiles: 'profile',
  replace: 'replacement',
  add: 'addition',
};

/** "slide", "section", "table row"… for the object at `path`. */
export function thingAt(path: OutlinePath): string {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (last === undefined) return 'outline';
  if (typeof last === 'number') return (typeof parent === 'string' && THINGS[parent]) || 'list item';
  if (parent === 'profiles') return 'profile';
  return last;
}

/** What the items of the list at `path` are called, when they have a name ("slide" for `slides`). */
export function itemOf(path: OutlinePath): string | undefined {
  const last = path.at(-1);
  return typeof last === 'string' ? THINGS[last] : undefined;
}

export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
