/**
 * `versus init`: a commented starter outline for any comparison of two or
 * more contenders, valid and buildable as written. Pure; the CLI writes it.
 */
import { idFrom } from '../text/names.js';

/** Distinct brand-like colors; white text reads on each at WCAG AA. */
const PALETTE = ['#1f6feb', '#cf222e', '#1a7f37', '#8250df', '#bf3989', '#9a6700', '#0969da', '#6639ba'];

export interface Starter {
  id: string;
  name: string;
}

/** "PyTorch, JAX" → contenders with unique ids. */
export function parseContenders(list: string): Starter[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const used = new Set<string>();
  return names.map((name) => {
    let id = idFrom(name);
    for (let n = 2; used.has(id); n++) id = `${idFrom(name)}-${n}`;
    used.add(id);
    return { id, name };
  });
}

const quote = (s: string) => JSON.stringify(s);

export function starterOutline(contenders: Starter[]): string {
  const title = contenders.map((c) => c.name).join(' vs ');
  const cells = (fill: (c: Starter) => string) =>
    `{ ${contenders.map((c) => `${c.id}: ${quote(fill(c))}`).join(', ')} }`;
  const perContender = (fill: (c: Starter) => string, indent: string) =>
    contenders.map((c) => `${indent}${c.id}: [${quote(fill(c))}]`).join('\n');
  return `# yaml-language-server: $schema=./outline.schema.json
#
# A versus outline. Build it with:   npx versus build outline.yaml
# Check timing and sources with:     npx versus check outline.yaml --profile meetup
# Every field is described in outline.schema.json; your editor autocompletes them.

title: ${quote(title)}
subtitle: What each one is good at, and how to choose
speakers:
  - name: Your Name
    contact: https://example.org/you   # printed on the title slide and the handout cover
event: Your Meetup
date: ${quote(new Date().toISOString().slice(0, 10))}
duration: 20          # minutes; "versus check" compares the talk's timing with it
notes: >-
  Welcome the room, say who you are, and why this comparison matters to them.
agenda:
  notes: Give the route in one sentence per section.
references:
  notes: Point to the sources; the handout lists them in full.

# Two or more contenders. Their ids key every table cell, pros/cons list and code pane.
contenders:
${contenders.map((c, i) => `  - { id: ${c.id}, name: ${quote(c.name)}, color: "${PALETTE[i % PALETTE.length]}" }`).join('\n')}

# Cite sources by id on slides and table rows; the References slide lists them all.
sources:
  - id: docs
    title: The official documentation
    url: https://example.org/docs
    accessed: ${quote(new Date().toISOString().slice(0, 10))}

sections:
  - id: basics
    title: The basics
    summary: What each one is
    notes: Set the scene before comparing anything.
    slides:
      - kind: bullets
        id: what
        title: What are we comparing?
        bullets:
${contenders.map((c) => `          - ${quote(`${c.name}: one line on what it is`)}`).join('\n')}
        sources: [docs]
        notes: Describe each contender in one breath.

  - id: compare
    title: Head to head
    notes: Now the side-by-side view.
    slides:
      - kind: comparison
        id: table
        title: Head to head
        sources: [docs]
        notes: Walk through the rows and say why each verdict is fair.
        rows:
          - aspect: Learning curve
            cells: ${cells((c) => `How ${c.name} feels to learn`)}
            verdict: tie      # a contender id, or "tie"
          - aspect: Performance
            cells: ${cells((c) => `Where ${c.name} is fast`)}
          - aspect: Ecosystem
            cells: ${cells((c) => `Tools around ${c.name}`)}
      - kind: pros-cons
        title: Strengths and weaknesses
        # One paragraph per part: with five or six contenders the pros and the cons get slides of their own.
        notes: |
          Be fair to each one: start with what each does well.

          Then where each one hurts, with an example.
        pros:
${perContender((c) => `What ${c.name} does well`, '          ')}
        cons:
${perContender((c) => `Where ${c.name} hurts`, '          ')}
      - kind: exercise
        id: try-it
        title: Try it yourself
        tags: [workshop]   # tagged slides are kept only where a profile or --only selects the tag
        minutes: 10
        task:
          - Install one of them
          - Run the smallest example you can find
        solution: What a working answer looks like; shown in the notes only.
        notes: Walk around and help.

  - id: choose
    title: Choosing
    notes: Bring it home.
    slides:
      - kind: decision
        title: Which one should you reach for?
        notes: Make the choice concrete.
        choices:
${contenders.map((c) => `          - { contender: ${c.id}, when: [${quote(`You need what ${c.name} is best at`)}] }`).join('\n')}
      - kind: quote
        title: Over to you
        text: Questions?
        notes: Repeat each question before answering.

profiles:
  meetup: { duration: 20, skip: [try-it] }
  workshop: { duration: 60, only: [workshop], title: ${quote(`${title}: hands-on`)} }
defaultProfile: meetup
`;
}
