/**
 * Characters no font on this machine draws are told, per script, at the first place the outline
 * writes one: fontconfig is asked here as Chromium asks it, one character at a time, so the check
 * does not repeat the code it tests.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { undrawnCharacters, undrawnFindings } from '../src/export/font-coverage.js';
import { parseOutlineText } from '../src/outline/parse.js';

function fontconfigDraws(character: string): boolean {
  const hex = (character.codePointAt(0) ?? 0).toString(16);
  return execFileSync('fc-list', [`:charset=${hex}`, 'family'], { encoding: 'utf8' }).trim() !== '';
}

const hasFontconfig = (() => {
  try {
    execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(hasFontconfig || process.env.CI)('characters no font draws', () => {
  // Scripts few machines have fonts for: Adlam, Ol Chiki, Tifinagh, Thai, Devanagari.
  const rare = ['𞤀', 'ᱚ', 'ⴰ', 'ก', 'क'];

  it('are the ones fontconfig finds no font for, and only those', async () => {
    const text = `Latin é, 中文, ${rare.join(' ')}`;
    const expected = [...new Set(text)].filter((c) => /[^\p{Z}\p{C}\p{M}]/u.test(c) && c > '~' && !fontconfigDraws(c));
    // On any machine the setup script made, one of them at least has no font.
    expect(expected.length).toBeGreaterThan(0);
    expect(await undrawnCharacters(text)).toEqual(expected);
  });

  it("are never the direction marks a right-to-left talk's Latin runs carry (i18n/bidi.ts)", async () => {
    expect(await undrawnCharacters('\u200e3-D Secure 2\u200e \u200eC#\u200e')).toEqual([]);
  });

  it('are told once per script, at the first line that writes one', async () => {
    const missing = rare.find((c) => !fontconfigDraws(c)) ?? '';
    const source = `title: Plain\nsubtitle: x ${missing}${missing}\n`;
    const findings = await undrawnFindings(`# Plain ${missing}`, {
      documents: new Map([['talk.yaml', parseOutlineText(source, 'talk.yaml')]]),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'undrawn-characters',
        message: expect.stringMatching(
          new RegExp(
            `^no font on this machine draws .*"${missing}".*: the PDFs and pictures built here show them as empty boxes$`,
            'u',
          ),
        ),
        file: 'talk.yaml',
        line: 2,
        col: 13,
      }),
    ]);
  });

  it('asks nothing of a text in ASCII', async () => {
    expect(await undrawnCharacters('Tea vs Coffee: 3 rows, 2 columns')).toEqual([]);
  });
});
