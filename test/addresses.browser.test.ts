/**
 * Web addresses wrap where a reader expects: after a slash, never after a
 * hyphen (which reads as a word broken at the margin, and which PDF viewers
 * drop when the text is copied), and not at all when the address fits a line
 * of its own. Measured in Chromium, line by line, on the title slide's QR
 * caption and in the handout's references.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../src/commands/build.js';
import { handoutDocument } from '../src/export/handout.js';
import { sans, WIDTH_SAFETY } from '../src/plan/fit/blocks.js';
import { wrapLines } from '../src/plan/fit/text.js';
import { addressHtml, addressParts, addressWordsJoined, shortAddress } from '../src/text/address.js';
import { escapeHtml } from '../src/text/escape.js';
import { TABLE, tablePadX } from '../src/theme/geometry.js';
import { testBrowser } from './browser.js';
import { compileData, describeWithBrowser, linesIn, linesOf, minimalOutline } from './helpers.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('addresses');

describeWithBrowser('web addresses', () => {
  let page: Page;

  beforeAll(async () => {
    page = await (await testBrowser()).newPage();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('break after a slash beside the QR code, though the line would hold the address up to a hyphen', async () => {
    const outline = { ...minimalOutline(), url: 'https://example.org/talks/sql-engines' };
    const outDir = await temp.dir();
    const { files, compiled } = await build(await temp.write('outline.yaml', stringify(outline)), {
      outDir,
      formats: ['html'],
    });
    await page.goto(pathToFileURL(files.find((file) => file.endsWith('.html')) ?? '').href);
    const lines = await linesOf(page, 'section.title figure.qr figcaption');
    expect(lines).toEqual(['https://example.org/talks/', 'sql-engines']);
    // The lines the PowerPoint draws, as planned.
    expect(compiled.deck.slides[0]?.qr?.lines).toEqual(lines);
  });

  it('break a part too wide for the QR column as typesetters do, before a dot or a hyphen, on the planned lines', async () => {
    const url = 'https://slides.example-conference.org/2026/choosing-a-message-broker-event-driven';
    const outDir = await temp.dir();
    const { files, compiled } = await build(await temp.write('outline.yaml', stringify({ ...minimalOutline(), url })), {
      outDir,
      formats: ['html'],
    });
    await page.goto(pathToFileURL(files.find((file) => file.endsWith('.html')) ?? '').href);
    const lines = await linesOf(page, 'section.title figure.qr figcaption');
    expect(lines.join('')).toBe(url);
    // Not inside a name: `https://slides.example-confere` over `nce.org/`.
    for (const [i, line] of lines.slice(1).entries()) {
      expect(/[/]$/.test(lines[i] ?? '') || /^[.-]/.test(line), `${lines[i]} | ${line}`).toBe(true);
    }
    expect(compiled.deck.slides[0]?.qr?.lines).toEqual(lines);
  });

  it('break an address too wide for its table column or list only between its pieces, on the planned lines', async () => {
    const urls = {
      a: 'https://docs.alpha.example.org/en/stable/reference/configuration.html',
      b: 'https://beta.example.com/documentation/latest/getting-started/installation',
      c: 'https://delta.example.io/v2/docs/api-reference/endpoints?section=auth',
    };
    const outline = minimalOutline();
    outline.contenders.push({ id: 'c', name: 'Gamma', color: '#2da44e' });
    outline.sections[0]?.slides.splice(0, 1, {
      kind: 'comparison',
      id: 'docs',
      title: 'Docs',
      rows: [{ aspect: 'Docs', cells: urls }],
    });
    outline.sections[0]?.slides.push({
      kind: 'decision',
      id: 'pick',
      title: 'Pick',
      choices: [
        { contender: 'a', when: [urls.b] },
        { contender: 'b', when: ['ja'] },
        { contender: 'c', when: ['nein'] },
      ],
    });
    const outDir = await temp.dir();
    const { files, compiled } = await build(await temp.write('outline.yaml', stringify(outline)), {
      outDir,
      formats: ['html'],
    });
    await page.goto(pathToFileURL(files.find((file) => file.endsWith('.html')) ?? '').href);
    const table = compiled.deck.slides.find((slide) => slide.kind === 'comparison');
    if (table?.kind !== 'comparison') throw new Error('no table');
    const size = table.dense ? TABLE.dense : TABLE.size;
    const shown = [
      ...(await linesIn(page, 'section.comparison td:nth-child(2) a')),
      ...(await linesIn(page, 'section.comparison td:nth-child(3) a')),
      ...(await linesIn(page, 'section.comparison td:nth-child(4) a')),
      ...(await linesIn(page, 'section.decision li a')),
    ];
    expect(shown.map((lines) => lines.join(''))).toEqual([urls.a, urls.b, urls.c, urls.b]);
    for (const lines of shown) {
      // Never inside a name: `configuration.htm` over `l`, `beta.example.co` over `m`.
      for (const [i, line] of lines.slice(1).entries()) {
        expect(/\/$/.test(lines[i] ?? '') || /^[.?&~_-]/.test(line), `${lines[i]} | ${line}`).toBe(true);
      }
    }
    // As many lines as the planner counted.
    ['a', 'b', 'c'].forEach((id, i) => {
      const room = ((table.widths?.[i + 1] ?? 0) - tablePadX(size)) * WIDTH_SAFETY;
      expect(wrapLines(table.rows[0]?.cells[id] ?? '', sans(size), room)).toHaveLength(shown[i]?.length ?? 0);
    });
  });

  it('keep a mail address or a handle whole on the title slide and the handout cover, not broken after a hyphen', async () => {
    const contact = 'marie-helene.dubois-lefebvre@exemple-societe.fr';
    const outline = {
      ...minimalOutline(),
      speakers: [{ name: 'Marie-Hélène Dubois-Lefebvre', role: 'Principal platform-reliability engineer', contact }],
    };
    const outDir = await temp.dir();
    const { files, compiled } = await build(await temp.write('outline.yaml', stringify(outline)), {
      outDir,
      formats: ['html'],
    });
    await page.goto(pathToFileURL(files.find((file) => file.endsWith('.html')) ?? '').href);
    // The line holds the role, not "· marie-": the address moves to a line of its own, its "·" with it.
    expect(await linesOf(page, 'section.title p')).toEqual([
      'Marie-Hélène Dubois-Lefebvre, Principal platform-reliability engineer',
      `·\u00a0${contact}`,
    ]);
    const slides = compiled.deck.slides.map(() => '<svg data-marpit-svg></svg>');
    await page.setViewport({ width: 794, height: 1123 });
    await page.setContent(handoutDocument(compiled.deck, { slides, css: '' }, { layout: 3, paper: 'a4' }));
    expect((await linesOf(page, '.cover p')).at(-1)).toBe(contact);
  });

  it('move whole to the next line of the handout when the rest of a line cannot hold them', async () => {
    const outline = minimalOutline();
    const address = 'sqlite.org/docs.html';
    outline.sources = [
      { id: 's1', title: 'SQLite documentation, the pages on its query language', url: `https://${address}` },
    ];
    const { deck } = compileData(outline);
    const slides = deck.slides.map(() => '<svg data-marpit-svg></svg>');
    await page.setViewport({ width: 794, height: 1123 });
    await page.setContent(handoutDocument(deck, { slides, css: '' }, { layout: 3, paper: 'a4' }));
    const lines = await linesOf(page, '.reference-list li');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(address);
  });
});

it('joins the hyphens of address-like words only: mail addresses, handles, paths, times', () => {
  const nobr = (html: string) => `[${html}]`;
  expect(addressWordsJoined('ana-lu@example.org or @ana-lu, see docs/set-up', escapeHtml, nobr)).toBe(
    'ana[-l]u@example.org or @ana[-l]u, see docs/set[-u]p',
  );
  expect(addressWordsJoined('A well-known <fix>: state-of-the-art:', escapeHtml, nobr)).toBe(
    'A well-known &lt;fix&gt;: state-of-the-art:',
  );
  expect(addressWordsJoined('10:30-11:00', escapeHtml, nobr)).toBe('10:30[-1]1:00');
  // A character outside the BMP after the hyphen is kept whole, not cut between its two UTF-16 halves.
  expect(addressWordsJoined('/-𐀀', escapeHtml, nobr)).toBe('/[-𐀀]');
});

it('writes an address with its break points, its hyphens joined to what follows and its text escaped', () => {
  expect(addressHtml('example.org/a-b?x=1&y=<2>#top')).toBe(
    'example.org/<wbr>a<span style="white-space:nowrap">-b</span><wbr><span style="white-space:nowrap">?x</span>=1<wbr>&amp;y=&lt;2&gt;<wbr>#top',
  );
  expect(addressHtml('https://example.org')).toBe('https://example.org');
  // A shortened address's closing "?…" stays with the segment before it: never alone on a line.
  expect(addressHtml('example.org/…/section-10?…')).toBe(
    'example.org/<wbr>…/<wbr>section<span style="white-space:nowrap">-1</span>0<span style="white-space:nowrap">?…</span>',
  );
  expect(addressParts(shortAddress(`https://example.org/a/b/${'c'.repeat(60)}?x=1`))).not.toContain('?…');
});
