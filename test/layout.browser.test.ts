/**
 * Slides a designer would sign (issue 31), on an outline of our own
 * (test/fixtures/layout/: six analytical databases, 55–61-line code files in
 * Python, TypeScript and Rust, a twelve-row table, long pros and cons, a
 * 600-character source address, bare addresses in text), built once and
 * measured in Chromium in both themes: words stay whole outside code and
 * links, a code pane alone on its slide takes the width when its code wraps,
 * a continued pane never opens with a lone closing bracket, pros and cons
 * never share a continuation slide, the long address shows shortened but
 * links whole, and no text boxes of the PowerPoint overlap. And on small talks
 * of their own: timelines, code colors, column headings, Korean line breaks, a
 * quote and a picture in the middle of their room (in the PowerPoint too), and
 * titles, subtitles and summaries in lines of even length.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type BuildResult, build } from '../src/commands/build.js';
import { openDocument } from '../src/export/browser.js';
import { renderSlides } from '../src/export/marp.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { slidesDocument } from '../src/export/slides-document.js';
import { contrastRatio } from '../src/theme/contrast.js';
import { BODY, CONTENT, H1, PAD, QUOTE, SLIDE } from '../src/theme/geometry.js';
import { resolveTheme } from '../src/theme/resolve.js';
import { BUILT_IN_THEMES } from '../src/theme/themes.js';
import { sharedBrowser, testBrowser } from './browser.js';
import { compileData, describeWithBrowser, minimalOutline } from './helpers.js';
import { ROOT } from './run-cli.js';

const OUTLINE = path.join(ROOT, 'test/fixtures/layout/layout-6.yaml');
const LONG_URL_START = 'https://www.example.org/search/results/analytical-databases/compare?filter0=';

interface SlideLayout {
  /** Words of text (outside code and links) whose letters stand on more than one line. */
  split: string[];
  /** Each code pane's width as a share of the slide, and whether its code wraps. */
  panes: { share: number; wraps: boolean }[];
  text: string;
}

/** What `inspect` finds on a page showing the slides of `markdown` with `themeName`, in `lang`. */
async function inSlides<T>(
  markdown: string,
  themeName: string,
  inspect: (page: Page) => Promise<T>,
  lang = 'en',
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-layout-'));
  const page = await openDocument(await (await testBrowser()).newPage(), {
    file: path.join(dir, 'slides.html'),
    html: slidesDocument(await renderSlides(markdown, await resolveTheme(themeName, ROOT)), 'slides', lang),
  });
  try {
    return await inspect(page);
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** How every slide of `markdown` lays out in Chromium with `themeName`, in `lang`. */
function layoutOf(markdown: string, themeName: string, lang = 'en'): Promise<SlideLayout[]> {
  return inSlides(
    markdown,
    themeName,
    (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('svg[data-marpit-svg] > foreignObject > section')].map((section) => {
          const slide = section.getBoundingClientRect().width;
          const split: string[] = [];
          const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('pre, code, a, .sr-only, footer')) continue;
            // A line may break after a hyphen, a dash or a soft hyphen: what stands between them is one piece.
            for (const match of (node.textContent ?? '').matchAll(/[^\s\-‐–—\u00ad]+[-‐–—\u00ad]*/gu)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const tops = new Set(
                [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
              );
              if (tops.size > 1) split.push(match[0]);
            }
          }
          const panes = [...section.querySelectorAll('pre')].map((pre) => ({
            share: pre.getBoundingClientRect().width / slide,
            wraps: pre.querySelector('.wrap') !== null,
          }));
          return { split, panes, text: section.innerText };
        }),
      ),
    lang,
  );
}

/** The boxes of a slide's text-holding shapes in the PPTX, from its XML. */
function textBoxes(xml: string): { text: string; x: number; y: number; w: number; h: number }[] {
  return [...xml.matchAll(/<p:(sp|graphicFrame)>[\s\S]*?<\/p:\1>/g)].flatMap(([shape]) => {
    const text = [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(shape);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
    return text.trim() && off && ext
      ? [{ text, x: Number(off[1]), y: Number(off[2]), w: Number(ext[1]), h: Number(ext[2]) }]
      : [];
  });
}

describeWithBrowser('slides laid out by hand', { concurrent: true }, () => {
  let dir: string;
  let built: BuildResult;
  const layouts = new Map<string, Promise<SlideLayout[]>>();
  const measured = (theme: string) => {
    const found = layouts.get(theme) ?? layoutOf(built.compiled.markdown, theme);
    layouts.set(theme, found);
    return found;
  };
  const file = (ext: string) => path.join(dir, `${built.compiled.deck.meta.slug}${ext}`);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'versus-layout-build-'));
    built = await build(OUTLINE, { outDir: dir, formats: ['pdf', 'handout', 'pptx'], browser: sharedBrowser() });
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const theme of BUILT_IN_THEMES) {
    it(`breaks no word across lines outside code and links, and gives a lone wrapping code pane the width (${theme})`, async () => {
      const slides = await measured(theme);
      const { deck } = built.compiled;
      expect(slides).toHaveLength(deck.slides.length);
      const split = slides.flatMap((s, i) =>
        s.split.map((word) => `slide ${i + 1} "${deck.slides[i]?.heading}": ${word}`),
      );
      expect(split).toEqual([]);
      const narrow = slides.flatMap((s, i) =>
        s.panes.length === 1 && s.panes[0]?.wraps && (s.panes[0]?.share ?? 0) < 0.7 ? [deck.slides[i]?.heading] : [],
      );
      expect(narrow).toEqual([]);
      // The outline has such slides: a pane going on alone after the two beside it ended.
      expect(slides.some((s) => s.panes.length === 1 && (s.panes[0]?.share ?? 0) >= 0.7)).toBe(true);
      // A pane alone under the others spans their row, and its line stays whole as planned.
      const under = deck.slides.flatMap((s, i) => (s.wide ? s.wide.map((pane) => slides[i]?.panes[pane]) : []));
      expect(under.length).toBeGreaterThan(0);
      for (const pane of under)
        expect(pane).toEqual({ share: expect.closeTo(CONTENT.width / SLIDE.width, 1), wraps: false });
      // The long address shows shortened on the References slide.
      expect(slides.at(-1)?.text).toContain('www.example.org/search/…/compare?…');
    });
  }

  it('continues no code pane with a lone closing bracket, and never puts cons on a pros slide', () => {
    const { deck } = built.compiled;
    const code = deck.slides.filter((s) => s.kind === 'code' && (s.part?.index ?? 1) > 1);
    expect(code.length).toBeGreaterThan(3);
    const opening = code.flatMap((s) => (s.kind === 'code' ? s.panes.map((p) => (p.code ?? '').split('\n')[0]) : []));
    expect(opening.filter((line) => /^\s*[)\]}]/.test(line ?? ''))).toEqual([]);
    const prosCons = deck.slides.filter((s) => s.kind === 'pros-cons');
    expect(prosCons.length).toBeGreaterThan(1);
    for (const slide of prosCons) {
      if (slide.kind !== 'pros-cons') continue;
      expect(Object.keys(slide.pros).length === 0 || Object.keys(slide.cons).length === 0).toBe(true);
    }
  });

  it('shows the 600-character address shortened on the slide and in the handout, and links it whole in the PDFs', async () => {
    const links = async (pdf: string) => {
      const doc = await PDFDocument.load(await readFile(pdf));
      return doc.getPages().flatMap((page) =>
        (page.node.Annots()?.asArray() ?? []).flatMap((ref) => {
          const action = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'));
          const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
          return uri instanceof PDFString || uri instanceof PDFHexString ? [uri.decodeText()] : [];
        }),
      );
    };
    for (const pdf of [file('.pdf'), file('.handout.pdf')]) {
      const full = (await links(pdf)).filter((uri) => uri.startsWith(LONG_URL_START));
      expect(full.length, pdf).toBeGreaterThan(0);
      for (const uri of full) expect(uri).toHaveLength(600);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile(pdf))), {
        mergePages: true,
      });
      expect(text).toContain('www.example.org/search/…/compare?…');
      expect(text).not.toContain('filter11=');
    }
  });

  it('draws no PowerPoint text box over another, on any slide', async () => {
    const zip = await JSZip.loadAsync(await readFile(file('.pptx')));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(built.compiled.deck.slides.length);
    const overlaps: string[] = [];
    for (const name of slides) {
      const boxes = textBoxes((await zip.file(name)?.async('string')) ?? '');
      boxes.forEach((a, i) => {
        for (const b of boxes.slice(i + 1)) {
          const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (w > 0 && h > 0) overlaps.push(`${name}: "${a.text.slice(0, 20)}" and "${b.text.slice(0, 20)}"`);
        }
      });
    }
    expect(overlaps).toEqual([]);
    // A code pane alone under the others spans their row here too: its heading is as wide as the content.
    const { deck } = built.compiled;
    const wide = deck.slides.flatMap((slide, i) =>
      slide.kind === 'code' && slide.wide ? slide.wide.map((place) => ({ i, pane: slide.panes[place] })) : [],
    );
    expect(wide.length).toBeGreaterThan(0);
    for (const { i, pane } of wide) {
      const name = deck.contenders.find((c) => c.id === pane?.contender)?.name;
      const boxes = textBoxes((await zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string')) ?? '');
      const heading = boxes.find((box) => box.text === name);
      expect((heading?.w ?? 0) / 9525 /* EMU a px */).toBeCloseTo(CONTENT.width, 0);
    }
  });
});

describeWithBrowser('a timeline', { concurrent: true }, () => {
  const events = [
    // " A" is a kerning pair: the space after the date once pulled such an event's first letter left.
    'Angular arrives, and with it a sentence long enough to wrap onto a second line under the first',
    'Vue 0.8, then a sentence long enough to wrap onto a second line under the first one as well',
  ];
  for (const lang of ['en', 'ar']) {
    it(`wraps each event's text under its own first line, whatever letter it starts with (${lang})`, async () => {
      const outline = compileData({
        ...minimalOutline(),
        lang,
        sections: [
          {
            id: 'history',
            title: 'History',
            slides: [
              {
                kind: 'timeline',
                title: 'Events',
                events: [
                  ...events.map((text, i) => ({ when: String(2013 + i), text })),
                  { when: 'Spring 2016 to autumn 2017', text: events[1] },
                ],
              },
            ],
          },
        ],
      });
      // Where each event's text starts on each of its lines: its start edge (the right one right to left).
      const lines = await inSlides(
        outline.markdown,
        'versus',
        (page) =>
          page.evaluate(
            (rtl) =>
              [...document.querySelectorAll('section.timeline li')].map((li) => {
                // The event's first text outside its date (in a span of its own where it reads left to right in an Arabic talk).
                const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
                let text: Node | null = walker.nextNode();
                while (text && (!text.textContent?.trim() || text.parentElement?.closest('strong')))
                  text = walker.nextNode();
                // From its first letter: the space before it, where there is one, is not text one sees.
                const range = document.createRange();
                range.setStart(text as Node, text?.textContent?.search(/\S/) ?? 0);
                range.setEnd(text as Node, text?.textContent?.length ?? 0);
                const rects = [...range.getClientRects()].filter((r) => r.width > 1);
                const dateText = document.createRange();
                dateText.selectNodeContents(li.querySelector('strong') as Node);
                const date = dateText.getBoundingClientRect();
                return {
                  starts: rects.map((r) => (rtl ? -r.right : r.left)),
                  dateEnd: rtl ? -date.left : date.right,
                };
              }),
            lang === 'ar',
          ),
        lang,
      );
      expect(lines).toHaveLength(3);
      const [first, second, longDate] = lines.map((line) => line.starts);
      for (const starts of [first, second]) {
        expect(starts?.length).toBe(2);
        expect(Math.abs((starts?.[0] ?? 0) - (starts?.[1] ?? 0))).toBeLessThan(0.5);
      }
      expect(Math.abs((first?.[0] ?? 0) - (second?.[0] ?? 0))).toBeLessThan(0.5);
      // A date wider than its column pushes the first line on, a gap after it, and the next lines come back under the others.
      expect(longDate?.[0]).toBeGreaterThan((lines[2]?.dateEnd ?? Number.POSITIVE_INFINITY) + 6);
      expect(Math.abs((longDate?.[1] ?? 0) - (first?.[1] ?? 0))).toBeLessThan(0.5);
    });
  }
});

describeWithBrowser('code colors', { concurrent: true }, () => {
  const panes: [string, string][] = [
    [
      'python',
      '@dataclass\nclass Greeter:\n    name: str = "world"  # a comment\n    def hi(self) -> str:\n        return f"Hello {self.name}, {1 + 2:>4}"\nprint(Greeter().hi(), None, True, r"\\d+")',
    ],
    [
      'javascript',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript shown on a slide, with its own template
      'const re = /a+b/g;\nclass A extends B { #x = 1; get y() { return this.#x; } }\nconsole.log(`sum ${1 + 2}`, new A(), null, undefined);',
    ],
    [
      'rust',
      'use std::fmt;\n#[derive(Debug)]\nstruct P<T> { x: T }\nfn main() { let s = format!("{}", 1u8); println!("{s:?} {}", \'c\'); }',
    ],
    ['sql', "SELECT city, sum(amount) AS total -- per city\nFROM sales WHERE day > DATE '2026-01-01' GROUP BY city;"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, shown on a slide
    ['bash', 'for f in *.txt; do echo "$f ${HOME}" | grep -c x; done # count\nexport PATH="$PATH:/opt/bin"'],
    ['html', '<!DOCTYPE html>\n<a href="#top" class="x">Top &amp; more</a><!-- note -->'],
    ['diff', '@@ -1,2 +1,2 @@\n-old line\n+new line\n context'],
    ['yaml', 'key: value # comment\nlist: [1, true, "s"]\nanchor: &a {x: 1}'],
  ];
  for (const theme of BUILT_IN_THEMES) {
    it(`shows every highlighted token at 4.5:1 or more on its background (${theme})`, async () => {
      const outline = compileData({
        ...minimalOutline(),
        theme,
        sections: [
          {
            id: 'code',
            title: 'Code',
            slides: panes.map(([language, code]) => ({
              kind: 'code',
              title: language,
              panes: [{ contender: 'a', language, code }],
            })),
          },
        ],
      });
      await inSlides(outline.markdown, theme, async (page) => {
        const tokens = await page.evaluate(() => {
          const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const hex = (color: string) =>
            `#${rgb(color)
              .map((n) => Math.round(n).toString(16).padStart(2, '0'))
              .join('')}`;
          return [...document.querySelectorAll('pre')].flatMap((pre) =>
            [...pre.querySelectorAll('span[class^="hljs-"], code')].map((token) => {
              // What the token stands on: its own background (a diff line's), or the nearest one behind it.
              let under: Element | null = token;
              while (under && getComputedStyle(under).backgroundColor.replace(/\s/g, '').endsWith(',0)')) {
                under = under.parentElement;
              }
              return {
                token: `${token.className} "${token.textContent?.slice(0, 20)}"`,
                color: hex(getComputedStyle(token).color),
                background: hex(getComputedStyle(under ?? pre).backgroundColor),
              };
            }),
          );
        });
        expect(tokens.length).toBeGreaterThan(60);
        const faint = tokens.filter((t) => contrastRatio(t.color, t.background) < 4.5);
        expect(faint.map((t) => `${t.token}: ${t.color} on ${t.background}`)).toEqual([]);
      });
    });
  }
});

describeWithBrowser('column headings', { concurrent: true }, () => {
  for (const kind of ['decision', 'pros-cons', 'code'] as const) {
    it(`are as tall as the tallest on the slide, so what is under them starts on one line (${kind})`, async () => {
      const contenders = [
        { id: 'k', name: 'Kafka', color: '#231f20' },
        { id: 'r', name: 'RabbitMQ Streams', color: '#ff6600' },
        { id: 'n', name: 'NATS', color: '#27aae1' },
        { id: 'p', name: 'Pulsar', color: '#188fff' },
      ];
      const slide =
        kind === 'decision'
          ? {
              kind,
              title: 'Which one?',
              choices: contenders.map((c) => ({ contender: c.id, when: [`You like ${c.name}`] })),
            }
          : kind === 'code'
            ? {
                kind,
                title: 'Hello',
                panes: contenders.map((c) => ({ contender: c.id, language: 'python', code: 'print(1)' })),
              }
            : {
                kind,
                title: 'Strengths',
                pros: Object.fromEntries(contenders.map((c) => [c.id, [`Good at ${c.name}`]])),
                cons: Object.fromEntries(contenders.map((c) => [c.id, ['Some cost']])),
              };
      const compiled = compileData({
        ...minimalOutline(),
        contenders,
        sections: [{ id: 's', title: 'S', slides: [slide] }],
      });
      const planned = compiled.deck.slides.find((s) => s.kind === kind);
      expect(planned?.fit?.headings).toBe(2);
      await inSlides(compiled.markdown, 'versus', async (page) => {
        const columns = await page.evaluate(() =>
          [...document.querySelectorAll('.columns .column')].map((column) => {
            const heading = (column.querySelector('h2') as HTMLElement).getBoundingClientRect();
            const first = (column.querySelector('li, pre') as HTMLElement).getBoundingClientRect();
            return { height: heading.height, list: first.top };
          }),
        );
        expect(columns).toHaveLength(4);
        expect(new Set(columns.map((c) => Math.round(c.height))).size).toBe(1);
        expect(new Set(columns.map((c) => Math.round(c.list))).size).toBe(1);
      });
    });
  }
});

describeWithBrowser('Korean', () => {
  it('breaks lines between words only, as the planner counts them', async () => {
    const outline = minimalOutline();
    outline.lang = 'ko';
    outline.contenders.push({ id: 'c', name: 'Gamma', color: '#1f6feb' });
    // The table: each contender's cell.
    outline.sections[0]?.slides.splice(0, 1, {
      kind: 'comparison',
      title: '한눈에 보는 비교',
      rows: [{ aspect: '대상 플랫폼', cells: { a: '안드로이드와 데스크톱', b: '서버와 웹', c: '데스크톱과 모바일' } }],
    });
    outline.sections[0]?.slides.push(
      {
        kind: 'decision',
        title: '언제 무엇을 고를까',
        choices: ['a', 'b', 'c'].map((contender) => ({
          contender,
          when: ['디자인을 픽셀 단위로 통일하고 싶을 때', '비즈니스 로직만 여러 플랫폼에서 공유하고 싶을 때'],
        })),
      },
      {
        kind: 'bullets',
        title: '요약',
        bullets: ['세 언어 모두 활발히 유지보수되며 각자의 생태계와 도구를 갖추고 있어서 선택이 어렵습니다'],
      },
    );
    const compiled = compileData(outline);
    const slides = await layoutOf(compiled.markdown, 'versus', 'ko');
    // Chromium's default breaks a Korean word between any two syllables ("통일 / 하고").
    expect(slides.flatMap((slide) => slide.split)).toEqual([]);
    expect(slides.map((slide) => slide.text).join(' ')).toContain('통일하고');
  });
});

describeWithBrowser('an address in the text of a slide', () => {
  it('never breaks after a hyphen, wherever its line ends', async () => {
    const address = 'https://example.org/people/jonas-mueller-schmidt/talks';
    const outline = minimalOutline();
    // A word before the address, one letter longer each time, moves it along the line, so that each
    // of its hyphens meets the line's end.
    outline.sections[0]?.slides.push(
      ...Array.from({ length: 8 }, (_, slide) => ({
        kind: 'bullets' as const,
        title: `Addresses ${slide + 1}`,
        bullets: Array.from({ length: 6 }, (_, i) => `Read ${'m'.repeat(20 + slide * 6 + i)} at ${address}`),
      })),
    );
    const compiled = compileData(outline);
    const endings = await inSlides(compiled.markdown, 'versus', (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('a')].flatMap((link) => {
          const text = link.textContent ?? '';
          const range = document.createRange();
          const tops = [...text].map((_, i) => {
            range.setStart(link, 0);
            const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
            let left = i;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (left < length) {
                range.setStart(node, left);
                range.setEnd(node, left + 1);
                break;
              }
              left -= length;
            }
            return Math.round(range.getBoundingClientRect().top);
          });
          // The character each line of the link ends with.
          return [...text].filter((_, i) => i + 1 < text.length && tops[i + 1] !== tops[i]);
        }),
      ),
    );
    // Chromium broke the address after "jonas-" where its line ended there; it now goes on whole.
    expect(endings.filter((char) => char === '-')).toEqual([]);
  });
});

describeWithBrowser('an address in a right-to-left line', () => {
  it('ends the line it ends, after the words written left to right before it', async () => {
    const outline = minimalOutline();
    outline.lang = 'he';
    outline.speakers = [{ name: 'פרידריך', role: 'מהנדס OpenTelemetry', contact: 'https://fw.example.dev/about' }];
    const compiled = compileData(outline);
    const [link, word] = await inSlides(
      compiled.markdown,
      'versus',
      (page) =>
        page.evaluate(() => {
          const a = document.querySelector('section.title a') as HTMLElement;
          const text = a.parentElement?.firstChild as Text;
          const range = document.createRange();
          const at = (text.textContent ?? '').indexOf('OpenTelemetry');
          range.setStart(text, at);
          range.setEnd(text, at + 'OpenTelemetry'.length);
          return [a.getBoundingClientRect().right, range.getBoundingClientRect().left];
        }),
      'he',
    );
    // Read from the right: the role, "·", then the address at the line's left end (it stood between them).
    expect(link).toBeLessThanOrEqual((word as number) + 1);
  });
});

describeWithBrowser('a quote', () => {
  it('stands in the middle of the room under its title, as large as it fits, in the slides and the PowerPoint alike', async () => {
    const outline = minimalOutline();
    const long =
      'The fastest runtime in a benchmark is rarely the fastest in production: what decides is the code you already have, the libraries it needs, how you deploy it, and who will be woken at night when it breaks. Measure with your own workload, on the machines you deploy to, before and after the switch, and keep the numbers.';
    outline.sections[0]?.slides.push(
      {
        kind: 'quote',
        title: 'Short',
        text: 'Measure your own workload before you switch.',
        by: 'Every benchmark post',
      },
      { kind: 'quote', title: 'Long', text: long, by: 'An operations lead' },
      // Set smaller than the body's size: its author's line no larger than it.
      { kind: 'quote', title: 'Longer', text: `${long} ${long} ${long} ${long}`, by: 'An operations lead' },
      // A word longer than the line wraps inside the quote, which stays within the slide.
      { kind: 'quote', title: 'Link', text: `Read ${'https://example.org/a/long/path'.repeat(3)}`, by: 'A reader' },
    );
    const compiled = compileData(outline);
    const quotes = compiled.deck.slides.flatMap((slide, i) => (slide.kind === 'quote' ? [i] : []));
    const zip = await JSZip.loadAsync(await exportNativePptx(compiled.deck));
    const pptxTops = await Promise.all(
      quotes.map(async (i) => {
        const boxes = textBoxes((await zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string')) ?? '');
        return (boxes.find((box) => /^(Measure|The fastest|Read)/.test(box.text))?.y ?? 0) / 9525;
      }),
    );
    await inSlides(compiled.markdown, 'versus', async (page) => {
      const placed = await page.evaluate(() =>
        [...document.querySelectorAll('section.quote')].map((section) => {
          const top = section.getBoundingClientRect().top;
          const quote = section.querySelector('blockquote') as HTMLElement;
          const box = quote.getBoundingClientRect();
          const title = (section.querySelector('h1') as HTMLElement).getBoundingClientRect();
          return {
            title: title.bottom - top,
            top: box.top - top,
            bottom: box.bottom - top,
            right: Math.max(box.right, quote.scrollWidth + box.left) - section.getBoundingClientRect().left,
            size: Number.parseFloat(getComputedStyle(quote.querySelector('p') as HTMLElement).fontSize),
            author: Number.parseFloat(getComputedStyle(quote.querySelector('p:last-child') as HTMLElement).fontSize),
          };
        }),
      );
      expect(placed).toHaveLength(4);
      const [short, filled, fuller] = placed;
      expect(short?.size).toBe(QUOTE.size);
      expect(filled?.size).toBeLessThan(QUOTE.size);
      expect(fuller?.size).toBeLessThan(BODY.size);
      for (const quote of placed) expect(quote.author).toBe(Math.min(BODY.size, quote.size));
      for (const [i, quote] of placed.entries()) {
        // The room: from the title's bar and margin, QUOTE.top more, to the bottom padding.
        const room = { top: quote.title + H1.margin + QUOTE.top, bottom: SLIDE.height - PAD.bottom };
        expect(quote.top).toBeGreaterThanOrEqual(room.top - 1);
        expect(quote.bottom).toBeLessThanOrEqual(room.bottom + 1);
        expect(
          Math.abs(quote.top - room.top - (room.bottom - quote.bottom)),
          `quote ${i + 1} in the middle`,
        ).toBeLessThan(2);
        expect(Math.abs((pptxTops[i] ?? 0) - quote.top), `quote ${i + 1} in the PowerPoint`).toBeLessThan(6);
        expect(quote.right, `quote ${i + 1} within the slide`).toBeLessThanOrEqual(SLIDE.width - PAD.side + 1);
      }
      // A one-line quote stands well below its title, not right under it.
      expect((short?.top ?? 0) - (short?.title ?? 0)).toBeGreaterThan(150);
    });
  });
});

describeWithBrowser('a picture', () => {
  it('stands with its caption in the middle of the room under its title, in the slides and the PowerPoint alike', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'versus-picture-'));
    await sharp({ create: { width: 3000, height: 300, channels: 3, background: '#cc3333' } })
      .png()
      .toFile(path.join(dir, 'banner.png'));
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#33cc33' } })
      .png()
      .toFile(path.join(dir, 'icon.png'));
    const outline = minimalOutline();
    outline.sections[0]?.slides.push(
      { kind: 'image', title: 'A banner', src: 'banner.png', alt: 'A red banner', caption: 'Ten to one' },
      { kind: 'image', title: 'An icon', src: 'icon.png', alt: 'A green square' },
    );
    await writeFile(path.join(dir, 'talk.yaml'), stringify(outline));
    const outDir = path.join(dir, 'out');
    const { compiled, files } = await build(path.join(dir, 'talk.yaml'), { outDir, formats: ['md', 'pptx'] });
    const pictures = compiled.deck.slides.flatMap((slide, i) => (slide.kind === 'image' ? [i] : []));
    const zip = await JSZip.loadAsync(await readFile(files.find((f) => f.endsWith('.pptx')) as string));
    const pptx = await Promise.all(
      pictures.map(async (i) => {
        const xml = (await zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string')) ?? '';
        const picture = /<p:pic>[\s\S]*?<a:off x="-?\d+" y="(-?\d+)"\/>\s*<a:ext cx="\d+" cy="(\d+)"\/>/.exec(xml);
        return { top: Number(picture?.[1]) / 9525, height: Number(picture?.[2]) / 9525 };
      }),
    );
    const page = await openDocument(await (await testBrowser()).newPage(), {
      file: path.join(outDir, 'slides.html'),
      html: slidesDocument(await renderSlides(compiled.markdown, await resolveTheme('versus', ROOT)), 'slides', 'en'),
    });
    try {
      const placed = await page.evaluate(() =>
        [...document.querySelectorAll('section.image')].map((section) => {
          const top = section.getBoundingClientRect().top;
          const title = (section.querySelector('h1') as HTMLElement).getBoundingClientRect();
          const image = (section.querySelector('img') as HTMLElement).getBoundingClientRect();
          const caption = section.querySelector('p')?.getBoundingClientRect();
          return {
            title: title.bottom - top,
            top: image.top - top,
            height: image.height,
            bottom: (caption ?? image).bottom - top,
          };
        }),
      );
      expect(placed).toHaveLength(2);
      for (const [i, picture] of placed.entries()) {
        const room = { top: picture.title + H1.margin, bottom: SLIDE.height - PAD.bottom };
        // Well inside the room: the same space above the picture as under its caption.
        expect(picture.top - room.top, `picture ${i + 1}`).toBeGreaterThan(100);
        expect(Math.abs(picture.top - room.top - (room.bottom - picture.bottom)), `picture ${i + 1}`).toBeLessThan(2);
        expect(Math.abs((pptx[i]?.top ?? 0) - picture.top), `picture ${i + 1} in the PowerPoint`).toBeLessThan(4);
        expect(Math.abs((pptx[i]?.height ?? 0) - picture.height), `picture ${i + 1} in the PowerPoint`).toBeLessThan(2);
      }
    } finally {
      await page.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describeWithBrowser('slide titles', () => {
  it('wrap into lines of even length, and so do the subtitle and a divider’s summary: none ends on a lone word', async () => {
    const outline = minimalOutline();
    outline.title = 'A vs B vs C vs D vs E vs F: hands-on';
    outline.subtitle = 'Size, speed, schemas and evolution of six message formats, all measured in 2026';
    (outline.sections[0] as { summary?: string }).summary =
      'Where each of the six formats came from, what it is built for, and what it costs today';
    outline.sections[0]?.slides.push({
      kind: 'bullets',
      title: 'What every team should check before it moves its queues to something new',
      bullets: ['One'],
    });
    const compiled = compileData(outline);
    await inSlides(compiled.markdown, 'versus', async (page) => {
      // Each two-line title's lines, as wide as their text.
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('section h1, section.title h2, section.divider p')].flatMap((h1) => {
          const range = document.createRange();
          range.selectNodeContents(h1);
          const rows = new Map<number, number>();
          for (const rect of range.getClientRects()) {
            if (rect.width === 0) continue;
            const top = Math.round(rect.top);
            rows.set(top, (rows.get(top) ?? 0) + rect.width);
          }
          return rows.size === 2 ? [{ title: h1.textContent, widths: [...rows.values()] }] : [];
        }),
      );
      expect(lines.map((l) => l.title)).toEqual([
        'A vs B vs C vs D vs E vs F: hands-on',
        outline.subtitle,
        outline.sections[0]?.summary,
        'What every team should check before it moves its queues to something new',
      ]);
      // Greedy wrapping left "on" (the title slide) and "new" alone on their last lines.
      for (const { title, widths } of lines) {
        const [first = 0, last = 0] = widths;
        expect(last / first, title ?? '').toBeGreaterThan(0.5);
      }
    });
  });
});

describeWithBrowser("a winner's check mark", () => {
  it('stays on the line of its cell’s last word, never alone on a line', async () => {
    const outline = minimalOutline();
    outline.contenders.push({ id: 'c', name: 'Gamma', color: '#1f6feb' });
    // Cells of every length from one line to two: some end right at the edge, where a ✓ after a space wrapped alone.
    const rows = Array.from({ length: 36 }, (_, i) => ({
      aspect: `Row ${i + 1}`,
      cells: {
        a: `Streaming and logical ${'ab '.repeat(i % 12)}${'x'.repeat(Math.floor(i / 12))}`.trim(),
        b: 'No',
        c: 'No',
      },
      verdict: 'a',
    }));
    outline.sections[0]?.slides.splice(0, 1, { kind: 'comparison', title: 'Marks', rows });
    // For each winning cell: whether its ✓ (drawn after the text) stands on a line below the text's last letter.
    const alone = await inSlides(compileData(outline).markdown, 'versus', (page) =>
      page.$$eval('td mark', (marks) =>
        marks.map((mark) => {
          const text = [...mark.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).at(-1);
          const range = document.createRange();
          range.setStart(text as Node, Math.max(0, (text?.textContent ?? '').trimEnd().length - 1));
          range.setEnd(text as Node, (text?.textContent ?? '').trimEnd().length);
          const letter = range.getBoundingClientRect().top;
          const lines = [...mark.getClientRects()].map((rect) => rect.top);
          return Math.max(...lines) > letter + 4;
        }),
      ),
    );
    expect(alone).toHaveLength(36);
    expect(alone.filter(Boolean)).toEqual([]);
  });
});
