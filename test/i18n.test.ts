/**
 * Talks in any language, without a browser: the catalog a tag picks, plurals
 * and dates, an outline's own labels, speaking time in scripts without
 * spaces, and the German overlay of the shipped talk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { handoutDocument } from '../src/export/handout.js';
import { exportNativePptx } from '../src/export/pptx/pptx.js';
import { MESSAGE_KEYS } from '../src/i18n/catalog.js';
import { CATALOGS, catalogFor, directionOf, textDirection } from '../src/i18n/catalogs.js';
import { labelsForLang } from '../src/i18n/labels.js';
import { chartNumber } from '../src/plan/fit/chart-scale.js';
import { renderRunSheet } from '../src/render/runsheet.js';
import { compileData, diagnose, minimalOutline } from './helpers.js';
import { versusInProcess } from './run-cli.js';
import { tempFolder } from './temp-outlines.js';

const temp = tempFolder('i18n');

describe('message catalogs', () => {
  it('ship every key in every language, each plural with its "other" form', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'ja', 'ko', 'pt', 'zh']);
    for (const catalog of Object.values(CATALOGS)) {
      expect(Object.keys(catalog).sort()).toEqual([...MESSAGE_KEYS].sort());
      for (const message of Object.values(catalog)) {
        if (typeof message !== 'string') expect(message.other).toBeTruthy();
      }
    }
  });

  it('put no Korean particle after a name: which one fits depends on how the name is said', () => {
    // "{name}을(를)" would show both forms; Kotlin takes 을, Swift 를, and the letters do not tell.
    for (const message of Object.values(catalogFor('ko'))) {
      for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
        expect(text).not.toMatch(/\{name\}[\p{Script=Hangul}(]/u);
      }
    }
  });

  it('pick the catalog of the language, falling back to its base language, then to English', () => {
    expect(catalogFor('pt-BR')).toBe(CATALOGS.pt);
    expect(catalogFor('zh-Hans')).toBe(CATALOGS.zh);
    expect(catalogFor('zh-CN')).toBe(CATALOGS.zh);
    expect(catalogFor('DE')).toBe(CATALOGS.de);
    expect(catalogFor('tlh')).toBe(CATALOGS.en);
    // Hebrew's old tag reads Hebrew.
    expect(catalogFor('iw')).toBe(CATALOGS.he);
  });

  it('know which languages are written right to left', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'de', 'zh', 'ja', 'ko', 'az-Arab', 'ku-Latn'].map(directionOf)).toEqual([
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'rtl',
      'ltr',
    ]);
  });

  it('set a text of a right-to-left talk left to right only when none of its letters reads right to left', () => {
    expect(textDirection('2.1 ms (InnoDB, 16 KB pages)', 'rtl')).toBe('ltr');
    expect(textDirection('MySQL 8.4 مع دعم UTF-8', 'rtl')).toBe('rtl');
    expect(textDirection('גרסה 2 (beta)', 'rtl')).toBe('rtl');
    // Figures and signs alone read as the talk does.
    expect(textDirection('50,000 / 3', 'rtl')).toBe('rtl');
    expect(textDirection('2.1 ms', 'ltr')).toBe('ltr');
  });

  it('choose plural forms with Intl.PluralRules and write numbers and dates as the language does', () => {
    const de = labelsForLang('de');
    expect([de.t('slideCount', { n: 1 }), de.t('slideCount', { n: 12 })]).toEqual(['1 Folie', '12 Folien']);
    expect(de.minutes(2.5)).toBe('2,5\u00a0Min.');
    expect(de.date('2026-11-20')).toBe('20.\u00a0November\u00a02026');
    expect(de.date('2026-12')).toBe('Dezember\u00a02026');
    expect(de.date('Herbst 2026')).toBe('Herbst 2026');
    const ar = labelsForLang('ar');
    expect([1, 2, 3, 11].map((n) => ar.t('slideCount', { n }))).toEqual([
      'شريحة واحدة',
      'شريحتان',
      '3 شرائح',
      '11 شريحة',
    ]);
    expect(labelsForLang('ja').date('2026-11-20')).toBe('2026年11月20日');
    const he = labelsForLang('he');
    expect([1, 2, 3].map((n) => he.t('slideCount', { n }))).toEqual(['שקופית אחת', 'שתי שקופיות', '3 שקופיות']);
  });

  it('write every number in Western digits, as slide numbers, list numbers and clock times are, whatever the region', () => {
    const saudi = labelsForLang('ar-SA');
    expect(saudi.minutes(12.5)).toMatch(/^12\.5\u00a0/);
    expect(saudi.t('slideCount', { n: 11 })).toBe('11 شريحة');
    expect(saudi.date('2026-12-07')).toContain('2026');
    expect(chartNumber(2_500_000, 'ar-SA')).toMatch(/^2\.5/);
    expect(chartNumber(1234.5, 'fa')).toBe('1,234.5');
  });
});

describe('French typography', () => {
  it('keeps : ; ! ? and » off the start of a line, and « off its end, in the outline’s text and versus’s words', () => {
    const outline = { ...minimalOutline(), lang: 'fr', title: 'Files de messages en 2026 : Kafka ou Pulsar ?' };
    const code = 'x = {"a" : 1}  # pourquoi ?';
    outline.sections[0]?.slides.push(
      {
        kind: 'bullets',
        title: 'Ce qu’on en dit',
        bullets: ['« Rapide » ; vraiment !', 'Sans espace: rien à faire'],
        notes: 'Attention : lisez la note.',
      },
      {
        kind: 'exercise',
        title: 'Un consommateur',
        language: 'python',
        task: ['Écrivez le code : une ligne'],
        solution: code,
      },
    );
    const { deck } = compileData(outline);
    const [title, bullets, exercise] = [
      deck.slides[0],
      deck.slides.find((s) => s.kind === 'bullets'),
      deck.slides.find((s) => s.kind === 'exercise'),
    ];
    expect(title?.title).toBe('Files de messages en 2026\u00a0: Kafka ou Pulsar\u00a0?');
    expect(bullets?.kind === 'bullets' && bullets.bullets).toEqual([
      '«\u00a0Rapide\u00a0»\u00a0; vraiment\u00a0!',
      'Sans espace: rien à faire',
    ]);
    expect(bullets?.notes).toBe('Attention\u00a0: lisez la note.');
    // versus's own words, and the exercise's text; its code as written.
    expect(exercise?.title).toBe('Exercice 1\u00a0: Un consommateur');
    expect(exercise?.kind === 'exercise' && exercise.task).toEqual(['Écrivez le code\u00a0: une ligne']);
    expect(exercise?.kind === 'exercise' && exercise.solution).toBe(code);
    // Other languages as written.
    expect(compileData({ ...outline, lang: 'en' }).deck.slides[0]?.title).toBe(outline.title);
  });
});

describe('Chinese and Japanese punctuation', () => {
  it('end a source’s title and publisher with 。 and set the date it was read in full-width parentheses', () => {
    const outline = { ...minimalOutline(), lang: 'zh-CN' };
    outline.sources = [
      {
        id: 's1',
        title: '官方文档：查询',
        publisher: 'PostgreSQL 全球开发组',
        url: 'https://example.org/one',
        accessed: '2026-11-28',
      },
      { id: 's2', title: '为什么选择 DuckDB？', publisher: 'DuckDB Foundation' },
    ];
    const slide = compileData(outline).deck.slides.find((s) => s.kind === 'references');
    const lines = slide?.kind === 'references' ? slide.sources : [];
    expect(lines.map((line) => [line.text, line.accessed])).toEqual([
      ['官方文档：查询。PostgreSQL 全球开发组。', '（访问于\u00a02026年11月28日）'],
      ['为什么选择 DuckDB？DuckDB Foundation。', undefined],
    ]);
    // Other languages keep their period, a space after it and round parentheses.
    const en = labelsForLang('en');
    expect([en.sentences(['A title', 'Publisher']), en.aside('accessed')]).toEqual([
      'A title. Publisher.',
      '(accessed)',
    ]);
    expect(labelsForLang('ja').sentences(['題名', '出版社。'])).toBe('題名。出版社。');
  });

  it("set no space beside full-width punctuation in a source's line, on the slide, in the handout and the PowerPoint", async () => {
    const outline = { ...minimalOutline(), lang: 'ja' };
    outline.sources = [
      { id: 's1', title: '公式ドキュメント', url: 'https://react.dev', accessed: '2026-09-20' },
      { id: 's2', title: 'Benchmarks', publisher: 'Example', accessed: '2026-09-21' },
    ];
    const { deck, markdown } = compileData(outline);
    expect(markdown).toContain(
      '1. <span class="phrases">公式<wbr>ドキュメント。</span>[react.dev](<https://react.dev/>)（2026年9月20日閲覧）',
    );
    expect(markdown).toContain('2. Benchmarks。Example。（2026年9月21日閲覧）');
    const handout = handoutDocument(deck, { slides: deck.slides.map(() => ''), css: '' }, { layout: 3, paper: 'a4' });
    expect(handout).toContain('公式ドキュメント。<a href="https://react.dev/">');
    expect(handout).toContain('</a><span class="accessed">（2026年9月20日閲覧）');
    const zip = await JSZip.loadAsync(await exportNativePptx(deck));
    const references = deck.slides.findIndex((slide) => slide.kind === 'references') + 1;
    const xml = (await zip.file(`ppt/slides/slide${references}.xml`)?.async('string')) ?? '';
    const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('|');
    expect(runs).toContain(
      '公式ドキュメント。|react.dev|（2026年9月20日閲覧）|Benchmarks。Example。|（2026年9月21日閲覧）',
    );
    // Other languages keep their spaces.
    expect(compileData({ ...outline, lang: 'en' }).markdown).toMatch(/Benchmarks\. Example\. \(accessed/);
  });
});

describe("an outline's own labels", () => {
  it('override the catalog, in the planner and the renderer alike', () => {
    const outline = {
      ...minimalOutline(),
      lang: 'de',
      labels: {
        tie: 'Unentschieden',
        choose: 'Nimm {name}, wenn…',
        references: 'Literatur',
        slideCount: { one: 'eine Seite', other: '{n} Seiten' },
      },
    };
    outline.sections[0]?.slides.push({
      kind: 'decision',
      title: 'Wahl',
      choices: [
        { contender: 'a', when: ['schnell'] },
        { contender: 'b', when: ['langsam'] },
      ],
    });
    const table = outline.sections[0]?.slides[0];
    if (table?.kind === 'comparison')
      table.rows.push({ aspect: 'Preis', cells: { a: 'gleich', b: 'gleich' }, verdict: 'tie' });
    const { markdown, deck } = compileData(outline);
    expect(markdown).toContain('<span class="tie">Unentschieden</span>');
    expect(markdown).toContain('## Nimm Alpha, wenn…');
    expect(deck.slides.at(-1)?.title).toBe('Literatur');
    expect(renderRunSheet(deck)).toContain(`${deck.slides.length} Seiten`);
    // Words the outline does not override come from the German catalog.
    expect(markdown).toContain("_footer: 'Belege: \\[1\\]'");
  });

  it('are checked against the keys the catalogs know', () => {
    const source = [
      'title: A vs B',
      'labels:',
      '  pro: Plus',
      'contenders: [{ id: a, name: A, color: "#000000" }, { id: b, name: B, color: "#ffffff" }]',
      'sections: [{ id: s, title: S, slides: [{ kind: bullets, title: T, bullets: [x] }] }]',
    ].join('\n');
    expect(diagnose(source)).toEqual([
      expect.stringMatching(/^outline\.yaml:3:3 error\[unknown-key\]: "pro" .*did you mean "pros"/),
    ]);
  });
});

describe('speaking time by script', () => {
  // 25 Han characters a sentence (the punctuation is not spoken).
  const chinese = '我们今天比较两个深度学习框架看看它们各自的优点和缺点吧。';
  const han = [...chinese].filter((c) => /\p{Script=Han}/u.test(c)).length;

  it.each([150, 250, 400])('counts Chinese notes in characters at charactersPerMinute (%i)', (rate) => {
    const outline = { ...minimalOutline(), lang: 'zh', charactersPerMinute: rate };
    const slide = outline.sections[0]?.slides[0];
    if (slide) slide.notes = chinese.repeat(24);
    const table = compileData(outline).deck.slides.find((s) => s.kind === 'comparison');
    const expected = (han * 24) / rate;
    expect(Math.abs((table?.minutes ?? 0) - expected) / expected).toBeLessThanOrEqual(0.2);
  });

  it('counts Korean, written with spaces, in words', () => {
    const outline = { ...minimalOutline(), lang: 'ko' };
    const slide = outline.sections[0]?.slides[0];
    // 5 words a sentence, 260 words: 2 minutes at the default 130 words a minute.
    if (slide) slide.notes = '오늘은 두 가지 프레임워크를 비교합니다. '.repeat(52);
    expect(compileData(outline).deck.slides.find((s) => s.kind === 'comparison')?.minutes).toBe(2);
  });
});

describe('the German overlay of the shipped talk (examples/de.yaml)', () => {
  it('builds, with German section titles, slides and generated words', async () => {
    const out = await temp.dir();
    const run = await versusInProcess(['build', 'examples/de.yaml', '--formats', 'md,runsheet', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const markdown = await readFile(path.join(out, 'keras-vs-tensorflow-de.md'), 'utf8');
    expect(markdown).toContain('lang: de');
    expect(markdown).toContain('# Die Kandidaten');
    expect(markdown).toContain('# Stärken und Schwächen');
    expect(markdown).toContain('**Stärken**');
    expect(markdown).toContain('## Keras wählen,\u00a0wenn…');
    expect(markdown).not.toMatch(/Sources:|\*\*Pros\*\*|\*\*Cons\*\*|Choose [^\n]* if…|\(accessed\s/);
    const sheet = await readFile(path.join(out, 'keras-vs-tensorflow-de.runsheet.md'), 'utf8');
    expect(sheet).toMatch(/^# Ablaufplan: Keras oder TensorFlow\?/);
    expect(sheet).toContain('Dezember\u00a02026');
  });
});
