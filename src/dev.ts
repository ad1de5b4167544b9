/**
 * `versus dev`: a live preview on localhost. Watches the outline, the
 * outlines it extends and the themes; pushes each rebuilt deck to the open
 * page over server-sent events, and shows errors without losing the last
 * good deck.
 */
import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { compileOutline } from './compile.js';
import { type Diagnostic, formatDiagnostic, VersusError } from './diagnostics.js';
import { createMarp, themeFor } from './export/marp.js';
import { loadOutline } from './outline/load.js';
import { escapeHtml } from './render/escape.js';

export interface DevOptions {
  port?: number;
  host?: string;
  profile?: string;
  theme?: string;
  /** Called after each rebuild, with the problems found (empty when the deck was updated). */
  onRebuild?: (event: { ms: number; problems: string[] }) => void;
}

export interface DevServer {
  url: string;
  close: () => Promise<void>;
}

interface Rendered {
  title: string;
  html: string;
  css: string;
  version: number;
}

const PAGE_SCRIPT = `
const deck = document.getElementById('deck');
const errors = document.getElementById('errors');
const style = document.getElementById('deck-css');
const events = new EventSource('/events');
events.addEventListener('deck', (event) => {
  const next = JSON.parse(event.data);
  style.textContent = next.css;
  deck.innerHTML = next.html;
  document.title = next.title;
  document.body.dataset.version = next.version;
  errors.hidden = true;
});
events.addEventListener('problems', (event) => {
  errors.querySelector('pre').textContent = JSON.parse(event.data).join('\\n');
  errors.hidden = false;
});
`;

function page(rendered: Rendered, problems: string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(rendered.title)}</title>
<style id="deck-css">${rendered.css}</style>
<style>
body { margin: 0; background: #3a3f46; font-family: 'Liberation Sans', Arial, sans-serif; }
#deck { max-width: 1280px; margin: 24px auto; }
#deck svg[data-marpit-svg] { display: block; width: 100%; height: auto; margin-bottom: 24px; box-shadow: 0 2px 12px rgb(0 0 0 / 40%); }
#errors { position: fixed; inset: auto 16px 16px 16px; background: #b42318; color: #fff; padding: 12px 16px; border-radius: 8px; }
#errors pre { white-space: pre-wrap; margin: 8px 0 0; font-size: 15px; }
</style></head>
<body data-version="${rendered.version}">
<div id="errors" role="alert" ${problems.length ? '' : 'hidden'}><strong>The outline has problems; showing the last good deck.</strong><pre>${escapeHtml(problems.join('\n'))}</pre></div>
<main id="deck">${rendered.html}</main>
<script>${PAGE_SCRIPT}</script>
</body></html>`;
}

/** @throws VersusError when the outline is invalid at start-up (there is no good deck to show yet). */
export async function startDev(outlineFile: string, options: DevOptions = {}): Promise<DevServer> {
  let assets = new Map<string, string>();
  let watched: string[] = [];
  let version = 0;
  let problems: string[] = [];
  const clients = new Set<ServerResponse>();

  const render = async (): Promise<Rendered> => {
    const loaded = await loadOutline(outlineFile);
    const theme = await themeFor(loaded, options.theme);
    const { deck, markdown } = compileOutline(loaded, {
      theme: theme.name,
      ...(options.profile ? { profile: options.profile } : {}),
    });
    const { html, css } = (await createMarp(theme)).render(markdown);
    assets = loaded.assets;
    watched = [...loaded.files, ...theme.files];
    version += 1;
    return { title: deck.meta.title, html, css, version };
  };

  let current = await render();

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const rebuild = async () => {
    const started = performance.now();
    try {
      current = await render();
      problems = [];
      send('deck', current);
      watchFiles();
    } catch (error) {
      problems = describe(error);
      send('problems', problems);
    }
    options.onRebuild?.({ ms: performance.now() - started, problems });
  };

  // Editors save in bursts (write, rename, chmod): one rebuild per burst.
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 20);
  };

  let watchers: FSWatcher[] = [];
  const watchFiles = () => {
    for (const watcher of watchers) watcher.close();
    // Watch folders, not files: editors that save by renaming replace the file a watcher holds.
    const folders = [...new Set(watched.map((file) => path.dirname(file)))];
    const names = new Set(watched.map((file) => path.resolve(file)));
    watchers = folders.map((folder) =>
      watch(folder, (_event, name) => {
        if (name && names.has(path.resolve(folder, name.toString()))) schedule();
      }),
    );
  };
  watchFiles();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page(current, problems));
      return;
    }
    const asset = assets.get(decodeURIComponent(url.pathname.slice(1)));
    if (asset) {
      const body = await readFile(asset);
      response.writeHead(200, {
        'content-type': path.extname(asset) === '.svg' ? 'image/svg+xml' : 'application/octet-stream',
      });
      response.end(body);
      return;
    }
    response.writeHead(404).end('not found');
  };
  // A malformed address or an image deleted since the last build answers that request, and the preview goes on.
  const server = createServer((request, response) => {
    handle(request, response).catch((error: NodeJS.ErrnoException) => {
      const [status, text] =
        error instanceof URIError
          ? [400, 'bad request']
          : error.code === 'ENOENT'
            ? [404, 'not found']
            : [500, 'internal error'];
      if (!response.headersSent) response.writeHead(status);
      response.end(text);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
  } catch (error) {
    for (const watcher of watchers) watcher.close();
    throw listenError(error as NodeJS.ErrnoException, options.port ?? 0);
  }
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that cannot be used is the user's to change, not an internal error. */
function listenError(error: NodeJS.ErrnoException, port: number): unknown {
  const hint = 'Pick another port with --port, or --port 0 for any free one.';
  if (error.code === 'EADDRINUSE') return new VersusError('environment', `Port ${port} is already in use.`, [], hint);
  if (error.code === 'EACCES')
    return new VersusError('environment', `Port ${port} is not open to this user.`, [], hint);
  return error;
}

function describe(error: unknown): string[] {
  if (error instanceof VersusError) {
    const lines = error.diagnostics.map((d: Diagnostic) => formatDiagnostic(d));
    return lines.length ? lines : [error.message];
  }
  return [String((error as Error)?.message ?? error)];
}
