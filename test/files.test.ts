/** Local files an outline names: checked on their real paths, inside the outline's folder. */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { VersusError } from '../src/diagnostics/diagnostics.js';
import { loadOutline } from '../src/outline/load.js';
import { minimalOutline } from './helpers.js';

/** An outline in a fresh folder whose one slide shows `file` as code and `image` as an image. */
async function outlineNaming(file: string, image = 'cup.svg'): Promise<{ dir: string; outline: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'versus-files-'));
  await writeFile(path.join(dir, 'cup.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const outline = path.join(dir, 'outline.yaml');
  const data = minimalOutline();
  data.sections = [
    {
      id: 's',
      title: 'S',
      slides: [
        { kind: 'code', title: 'Code', panes: [{ contender: 'a', file }] },
        { kind: 'image', title: 'Image', src: image, alt: 'A cup' },
      ] as never,
    },
  ];
  await writeFile(outline, stringify(data));
  return { dir, outline };
}

async function problemsOf(outline: string): Promise<string[]> {
  try {
    await loadOutline(outline);
    return [];
  } catch (error) {
    if (!(error instanceof VersusError)) throw error;
    return error.diagnostics.map((d) => `${d.code}: ${d.message}`);
  }
}

describe('local files', () => {
  it('refuses a code file that is a link leading out of the folder, and does not read it', async () => {
    const { dir, outline } = await outlineNaming('secret.py');
    await symlink('/etc/passwd', path.join(dir, 'secret.py'));
    expect(await problemsOf(outline)).toEqual([
      'bad-path: "secret.py" is a link that leads outside the outline\'s folder, to /etc/passwd',
    ]);
  });

  it('takes a file whose name starts with two dots', async () => {
    const { dir, outline } = await outlineNaming('..notes.py');
    await writeFile(path.join(dir, '..notes.py'), 'print("notes")\n');
    const code = (await loadOutline(outline)).outline.sections[0]?.slides[0];
    expect(code?.kind === 'code' && code.panes[0]?.code).toBe('print("notes")\n');
  });

  it('follows a link that stays inside the folder', async () => {
    const { dir, outline } = await outlineNaming('code/link.py');
    await mkdir(path.join(dir, 'code'));
    await writeFile(path.join(dir, 'main.py'), 'print("main")\n');
    await symlink(path.join(dir, 'main.py'), path.join(dir, 'code/link.py'));
    const code = (await loadOutline(outline)).outline.sections[0]?.slides[0];
    expect(code?.kind === 'code' && code.panes[0]?.code).toBe('print("main")\n');
  });

  it('records every file read with the sha256 of its bytes: the outline first, then its files by the names it gives them', async () => {
    const { dir, outline } = await outlineNaming('code/link.py');
    await mkdir(path.join(dir, 'code'));
    await writeFile(path.join(dir, 'main.py'), 'print("main")\n');
    await symlink(path.join(dir, 'main.py'), path.join(dir, 'code/link.py'));
    const loaded = await loadOutline(outline);
    const hash = async (file: string) =>
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    expect([...loaded.inputs]).toEqual([
      [outline, await hash(outline)],
      [path.join(dir, 'code/link.py'), await hash(path.join(dir, 'main.py'))],
      [path.join(dir, 'cup.svg'), await hash(path.join(dir, 'cup.svg'))],
    ]);
  });

  it('reads a code file as the slides show it: line ends as "\\n", no byte order mark', async () => {
    const { dir, outline } = await outlineNaming('main.py');
    await writeFile(path.join(dir, 'main.py'), '\uFEFFdef f():\r\n    return 1\r\rprint(f())\r\n');
    const { outline: loaded } = await loadOutline(outline);
    const [slide] = loaded.sections[0]?.slides ?? [];
    expect(slide?.kind === 'code' && slide.panes[0]?.code).toBe('def f():\n    return 1\n\nprint(f())\n');
  });

  it('refuses a code file that is not UTF-8, naming the byte and where it is', async () => {
    const { dir, outline } = await outlineNaming('latin1.py');
    await writeFile(path.join(dir, 'latin1.py'), Buffer.from('# ok\nprint("caf\xe9")\n', 'latin1'));
    expect(await problemsOf(outline)).toEqual([
      'unreadable: "latin1.py" is not UTF-8 text: byte 0xe9 at line 2, column 11 cannot be read',
    ]);
  });

  it('says plainly that a web address is not a local file', async () => {
    const { outline } = await outlineNaming('main.py', 'https://example.org/cup.png');
    expect(await problemsOf(outline)).toContain(
      'bad-path: "https://example.org/cup.png" is a web address; only local files can be used here',
    );
  });
});

describe('images', () => {
  /** The smallest whole image of each type (a 1×1 pixel). */
  const IMAGES: Record<string, Buffer> = {
    'photo.png': Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
        '0000000d494441547801636060f8ff1f00030201ff1407885c0000000049454e44ae426082',
      'hex',
    ),
    'photo.jpg': Buffer.from(
      'ffd8ffe000104a46494600010100000100010000ffc0001108000100010301220002110103110100ffd9',
      'hex',
    ),
    'anim.gif': Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
    'photo.webp': Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
    'drawing.svg': Buffer.from(
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    ),
  };

  it('are recognised by their content, whatever their name', async () => {
    for (const [name, image] of Object.entries(IMAGES)) {
      const { dir, outline } = await outlineNaming('main.py', name);
      await writeFile(path.join(dir, 'main.py'), 'print("main")\n');
      await writeFile(path.join(dir, name), image);
      expect(await problemsOf(outline), name).toEqual([]);
    }
  });

  it('refuse a file that is not one, even named .png', async () => {
    const { dir, outline } = await outlineNaming('main.py', 'notes.png');
    await writeFile(path.join(dir, 'main.py'), 'print("main")\n');
    await writeFile(path.join(dir, 'notes.png'), 'Speaker notes, saved under the wrong name.\n');
    expect(await problemsOf(outline)).toEqual([
      'invalid-value: "notes.png" is not an image a browser shows (PNG, JPEG, GIF, WebP, AVIF or SVG)',
    ]);
  });
});
