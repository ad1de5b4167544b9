/**
 * `versus dev` answers only requests addressed to this machine by name: a web
 * page whose own domain a DNS rebinding points at 127.0.0.1 sends its domain in
 * `Host`, and must not read the unpublished deck.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDev } from '../src/commands/dev.js';

const GOLDEN = path.join(import.meta.dirname, 'fixtures/golden');

/**
 * A GET with exactly this `Host` line, or none (Node's client and fetch would
 * set their own), over a plain socket.
 */
function get(url: string, pathname: string, host: string | undefined): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      response += chunk;
      // The event stream never ends: its first bytes say whether it was opened.
      if (pathname.startsWith('/events') && response.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', () => {
      const [head = '', body = ''] = response.split(/\r\n\r\n(.*)/s);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d+)/.exec(head)?.[1] ?? 0), body });
    });
    socket.on('error', reject);
    socket.write(`GET ${pathname} HTTP/1.0\r\n${host === undefined ? '' : `Host: ${host}\r\n`}\r\n`);
  });
}

describe('versus dev and the Host header', () => {
  let dir: string;
  let server: DevServer;
  let port: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'versus-dev-host-'));
    await cp(GOLDEN, dir, { recursive: true });
    server = await startDev(path.join(dir, 'every-kind.yaml'), { port: 0 });
    port = new URL(server.url).port;
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('serves the deck to %s with the port', async (name) => {
    const { status, body } = await get(server.url, '/', `${name}:${port}`);
    expect(status).toBe(200);
    expect(body).toContain('Tea vs Coffee');
  });

  it('serves a name without a port, as a proxy or port forward may send it', async () => {
    expect((await get(server.url, '/', 'localhost')).status).toBe(200);
  });

  it.each([
    ['a rebound domain', 'evil.example:PORT'],
    ['a domain that starts like localhost', 'localhost.evil.example:PORT'],
    ['another address of this machine', '127.0.0.2:PORT'],
    ['an empty Host', ''],
    ['no Host at all (HTTP/1.0)', undefined],
  ])('refuses %s with 403 and a short message, on every path', async (_, header) => {
    const host = header?.replace('PORT', port);
    for (const pathname of ['/', '/events?version=0', '/assets/anything.svg']) {
      const { status, body } = await get(server.url, pathname, host);
      expect(status).toBe(403);
      expect(body).toMatch(/^versus dev answers only to localhost, 127\.0\.0\.1 and \[::1\]/);
      expect(body).not.toContain('Tea vs Coffee');
      expect(body).not.toContain('event:');
    }
  });

  it('also serves the host it was started on', async () => {
    // All of 127.0.0.0/8 is this machine on Linux: a host other than the three names.
    const named = await startDev(path.join(dir, 'every-kind.yaml'), { port: 0, host: '127.0.0.2' });
    try {
      const { status, body } = await get(named.url, '/', `127.0.0.2:${new URL(named.url).port}`);
      expect(status).toBe(200);
      expect(body).toContain('Tea vs Coffee');
    } finally {
      await named.close();
    }
  });
});
