/**
 * `versus dev`: a live preview on localhost. Watches the files the last build
 * read (the outline, the outlines it extends, themes, images and code files);
 * pushes each rebuilt deck to the open page over server-sent events, and shows
 * errors without losing the last good deck, or until there is one.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { watch as chokidar, type FSWatcher } from 'chokidar';
import { type Diagnostic, diagnosticFormatter, VersusError } from '../diagnostics/diagnostics.js';
import { fileSourceLines } from '../diagnostics/source-lines.js';
import { createMarp } from '../export/marp.js';
import { directionOf } from '../i18n/catalogs.js';
import { compileOutline } from '../pipeline/compile.js';
import { filesRead } from '../pipeline/files-read.js';
import { loadForSelection } from '../pipeline/load-selected.js';
import { escapeHtml } from '../text/escape.js';
import { resolveTheme, themeFor } from '../theme/resolve.js';
import { isAllowedHost, refusedHostMessage } from './dev-host.js';

export interface DevOptions {
  port?: number;
  host?: string;
  profile?: string;
  theme?: string;
  /** Called after each rebuild, with the problems found (empty when the deck was updated) and the error they come from. */
  onRebuild?: (event: { ms: number; problems: string[]; error?: unknown }) => void;
}

export interface DevServer {
  url: string;
  /** The latest build's problems: empty when the page shows its deck. */
  readonly problems: string[];
  close: () => Promise<void>;
}

interface Rendered {
  title: string;
  /** The talk's language: CJK glyphs and line breaking follow it, as in the exports. */
  lang: string;
  /** Its direction, which the page's deck takes (a right-to-left talk's slides read so). */
  dir: 'ltr' | 'rtl';
  html: string;
  css: string;
  /** 0 until the outline has built once. */
  version: number;
}

interface Built {
  deck: Omit<Rendered, 'version'>;
  assets: Map<string, string>;
  /** Every file the build read, to watch. */
  files: string[];
}

const NO_DECK: Rendered = { title: 'versus dev', lang: 'en', dir: 'ltr', html: '', css: '', version: 0 };
const SHOWING_LAST = 'The outline or its theme has problems; showing the last good deck.';
const SHOWING_NONE = 'The outline or its theme has problems; the deck shows as soon as they are fixed.';
/** Editors save in bursts (write, rename, chmod): one rebuild per burst. */
const DEBOUNCE_MS = 20;

const PAGE_SCRIPT = `
const deck = document.getElementById('deck');
const errors = document.getElementById('errors');
const style = document.getElementById('deck-css');
const events = new EventSource('/events?version=' + document.body.dataset.version);
events.addEventListener('deck', (event) => {
  const next = JSON.parse(event.data);
  style.textContent = next.css;
  deck.innerHTML = next.html;
  deck.lang = next.lang;
  deck.dir = next.dir;
  document.title = next.title;
  document.body.dataset.version = next.version;
  errors.hidden = true;
});
events.addEventListener('problems', (event) => {
  const noDeck = document.body.dataset.version === '0';
  errors.querySelector('strong').textContent = noDeck ? ${JSON.stringify(SHOWING_NONE)} : ${JSON.stringify(SHOWING_LAST)};
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
<div id="errors" role="alert" ${problems.length ? '' : 'hidden'}><strong>${rendered.version ? SHOWING_LAST : SHOWING_NONE}</strong><pre>${escapeHtml(problems.join('\n'))}</pre></div>
<main id="deck" lang="${escapeHtml(rendered.lang)}" dir="${rendered.dir}">${rendered.html}</main>
<script>${PAGE_SCRIPT}</script>
</body></html>`;
}

async function buildDeck(outlineFile: string, options: DevOptions): Promise<Built> {
  const loaded = await loadForSelection(outlineFile, options);
  const theme = await themeFor(loaded.outline, { override: options.theme, baseDir: process.cwd() });
  const { deck, markdown } = compileOutline(loaded, {
    theme: theme.name,
    palette: theme.palette,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const { html, css } = (await createMarp(theme)).render(markdown);
  return {
    deck: { title: deck.meta.title, lang: deck.meta.lang, dir: directionOf(deck.meta.lang), html, css },
    assets: loaded.assets,
    files: filesRead(loaded, theme),
  };
}

/**
 * @throws VersusError when the command line is wrong (a port in use, an unknown
 * --theme or --profile); an invalid outline is shown on the page until it is fixed.
 */
export async function startDev(outlineFile: string, options: DevOptions = {}): Promise<DevServer> {
  // Unlike the outline, a wrong --theme cannot be fixed while the preview runs.
  if (options.theme) await resolveTheme(options.theme, process.cwd(), 'usage');
  let current = NO_DECK;
  let assets = new Map<string, string>();
  let files = [path.resolve(outlineFile)];
  let problems: string[] = [];
  const clients = new Set<ServerResponse>();

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(message(event, data));
  };

  /** Builds the deck and shows it, or its problems; returns the error, if any. */
  const update = async (): Promise<unknown> => {
    try {
      const built = await buildDeck(outlineFile, options);
      current = { ...built.deck, version: current.version + 1 };
      ({ assets, files } = built);
      problems = [];
      send('deck', current);
      return undefined;
    } catch (error) {
      problems = describe(error);
      // Keep watching what the last good build read: the fix may be in any of those files.
      files = [...new Set([...files, ...filesNamedBy(error)])];
      send('problems', problems);
      return error;
    }
  };

  const failure = await update();
  if (failure !== undefined && !isOutlineProblem(failure)) throw failure;

  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;

  const rebuild = async () => {
    const started = performance.now();
    const before = stamps(files);
    const error = await update();
    await watcher.watch(files);
    // A save during the build may have been read or not, and a watcher may fold its event into an
    // earlier one: build again whenever a file the build read is not as it was when it began.
    if ([...before].some(([file, stamp]) => stampOf(file) !== stamp)) again = true;
    options.onRebuild?.({ ms: performance.now() - started, problems, ...(error === undefined ? {} : { error }) });
  };

  // One build at a time, so an older build never replaces a newer deck; changes
  // that arrive during a build start exactly one more build after it.
  const run = () => {
    if (building) {
      again = true;
      return;
    }
    building = (async () => {
      do {
        again = false;
        await rebuild();
      } while (again && !closed);
    })().finally(() => {
      building = undefined;
    });
  };

  const schedule = () => {
    clearTimeout(timer);
    if (!closed) timer = setTimeout(run, DEBOUNCE_MS);
  };

  const watcher = watchFiles(schedule, (error) => {
    problems = [...problems, `versus dev cannot watch the files (${error.message}); restart it to see changes.`];
    send('problems', problems);
  });
  await watcher.watch(files);

  const host = options.host ?? '127.0.0.1';
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isAllowedHost(request.headers.host, host)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(refusedHostMessage(host));
      return;
    }
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
      // A deck built between serving the page and this connection would otherwise never reach it.
      if (current.version && url.searchParams.get('version') !== String(current.version)) {
        response.write(message('deck', current));
      }
      if (problems.length) response.write(message('problems', problems));
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

  const close = async () => {
    closed = true;
    clearTimeout(timer);
    await building;
    await watcher.close();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    // Open event streams, and one a page opened while this closed, would keep the server open.
    server.closeAllConnections();
    await stopped;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
  } catch (error) {
    await watcher.close();
    throw listenError(error as NodeJS.ErrnoException, options.port ?? 0);
  }
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/`,
    get problems() {
      return problems;
    },
    close,
  };
}

interface Watcher {
  /** Watches these files from now on, instead of the previous ones. */
  watch: (files: string[]) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Watches files through their folders (one level deep), so that a file deleted
 * and created again, or replaced by an editor's save-by-rename, is still seen.
 * A missing folder is watched through its nearest existing parent. When the
 * folders change, or one was deleted and created again (chokidar does not follow
 * it), a new chokidar watcher replaces the old one, closed only once the new one
 * is ready so that no change goes unseen in between.
 */
function watchFiles(onChange: () => void, onError: (error: Error) => void): Watcher {
  let files = new Set<string>();
  /** Each watched folder → its inode when watched. */
  let folders = new Map<string, number>();
  let watcher: FSWatcher | undefined;
  // A change to a watched file, or a folder on the way to one appearing or going.
  const concerns = (changed: string) =>
    [...files].some((file) => file === changed || file.startsWith(changed + path.sep));

  const watch = async (next: string[]) => {
    files = new Set(next);
    const wanted = new Map([...files].map((file) => existingFolder(path.dirname(file))).map((f) => [f, inode(f)]));
    if (wanted.size === folders.size && [...wanted].every(([folder, ino]) => folders.get(folder) === ino)) return;
    folders = wanted;
    const previous = watcher;
    watcher = chokidar([...wanted.keys()], { ignoreInitial: true, atomic: true, depth: 0 });
    watcher.on('all', (_event, changed) => {
      if (concerns(changed)) onChange();
    });
    watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
    await new Promise<void>((resolve) => watcher?.once('ready', () => resolve()));
    await previous?.close();
  };
  return { watch, close: async () => watcher?.close() };
}

/** A file's modification time, size and inode, to tell whether it changed. */
function stampOf(file: string): string {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'missing';
}

function stamps(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, stampOf(file)]));
}

function message(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function existingFolder(folder: string): string {
  return existsSync(folder) || path.dirname(folder) === folder ? folder : existingFolder(path.dirname(folder));
}

function inode(folder: string): number {
  return statSync(folder, { throwIfNoEntry: false })?.ino ?? -1;
}

/** At start-up an invalid outline is shown on the page, to fix while the preview runs; a bad flag or a bug stops it. */
function isOutlineProblem(error: unknown): boolean {
  return (
    error instanceof VersusError &&
    error.kind === 'invalid-outline' &&
    !error.diagnostics.some((d) => d.flag !== undefined)
  );
}

/** The files an invalid outline's problems are in, and those it names that do not exist yet: a fix may come in any. */
function filesNamedBy(error: unknown): string[] {
  if (!(error instanceof VersusError)) return [];
  return error.diagnostics
    .filter((d) => d.flag === undefined)
    .flatMap((d) => [path.resolve(d.file), ...(d.missing ? [d.missing] : [])]);
}

const LISTEN_PROBLEMS: Record<string, string | undefined> = {
  EADDRINUSE: 'is already in use',
  EACCES: 'is not open to this user',
};

/** A port that cannot be used is the user's to change, not an internal error. */
function listenError(error: NodeJS.ErrnoException, port: number): unknown {
  const hint = 'Pick another port with --port, or --port 0 for any free one.';
  const reason = LISTEN_PROBLEMS[error.code ?? ''];
  return reason ? new VersusError('environment', `Port ${port} ${reason}.`, { hint, cause: error }) : error;
}

function describe(error: unknown): string[] {
  if (error instanceof VersusError) {
    // The files are read again on each rebuild: the frame shows the line as it is now.
    const format = diagnosticFormatter(undefined, { sourceLine: fileSourceLines() });
    const lines = error.diagnostics.map((d: Diagnostic) => format(d));
    return lines.length ? lines : [error.message];
  }
  return [String((error as Error)?.message ?? error)];
}
