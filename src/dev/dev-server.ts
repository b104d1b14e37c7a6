import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { EVENTS_URL, LIVE_RELOAD_CLIENT, LIVE_RELOAD_URL } from './live-reload-client.js';

/** What the browser is told: a build published (`built`), or the content has errors (`problems`). */
export type DevEvent = { readonly type: 'built'; readonly id: number } | { readonly type: 'problems'; readonly problems: readonly string[] };

export interface DevServer {
  readonly url: string;
  /** Tells every open page, and every page that connects later. */
  broadcast(event: DevEvent): void;
  close(): Promise<void>;
}

/**
 * Serves the dev output folder under `base` (sirv in dev mode: reads from disk on every request,
 * so a swapped-in build is served at once) plus the live-reload script and its event stream.
 */
export async function startDevServer(root: string, options: { host: string; port: number; base: string }): Promise<DevServer> {
  const files = sirv(root, { dev: true, extensions: ['html'] });
  const clients = new Set<ServerResponse>();
  let last: DevEvent | null = null;
  const send = (client: ServerResponse, event: DevEvent): void => {
    const { type, ...data } = event;
    client.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_URL) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      response.write('retry: 500\n\n');
      clients.add(response);
      if (last) send(response, last);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === LIVE_RELOAD_URL) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(LIVE_RELOAD_CLIENT);
      return;
    }
    if (!url.pathname.startsWith(options.base)) {
      response.writeHead(302, { location: options.base });
      response.end();
      return;
    }
    request.url = `/${url.pathname.slice(options.base.length)}${url.search}`;
    response.setHeader('cache-control', 'no-cache');
    files(request, response, () => notBuilt(response, last));
  };

  const server = createServer(handle);
  const port = await listen(server, options.host, options.port);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}${options.base}`,
    broadcast(event) {
      last = event;
      for (const client of clients) send(client, event);
    },
    async close() {
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A page that does not exist (yet): still carries the script, so it shows errors and reloads. */
function notBuilt(response: ServerResponse, last: DevEvent | null): void {
  const text = last === null ? 'Building…' : last.type === 'problems' ? 'The content has errors.' : 'Not found.';
  response.writeHead(last?.type === 'built' ? 404 : 503, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>ladderpress dev</title><p>${text}</p><script src="${LIVE_RELOAD_URL}"></script></html>\n`);
}

/** Listens on `port`, or the next free one (like Vite), so a second dev server just works. */
async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port + attempt, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20 || port === 0) throw error;
    }
  }
}
