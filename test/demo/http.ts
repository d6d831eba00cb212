import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type Route = (
  req: IncomingMessage,
  url: URL,
) => Promise<{ status?: number; type: string; body: string | Buffer; headers?: Record<string, string> } | null>;

export interface LocalServer {
  origin: string;
  /** Every request the server saw, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A file under `root` for the URL path after `prefix`, never outside it. */
export function files(prefix: string, root: string): Route {
  return async (_req, url) => {
    if (!url.pathname.startsWith(prefix)) return null;
    const rel = decodeURIComponent(url.pathname.slice(prefix.length));
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) return null;
    try {
      return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
    } catch {
      return null;
    }
  };
}

/** An HTTP server on 127.0.0.1 (random port unless given), loopback only. */
export async function serve(routes: Route[], port = 0): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    try {
      for (const route of routes) {
        const hit = await route(req, url);
        if (hit) {
          res.writeHead(hit.status ?? 200, { 'content-type': hit.type, 'cache-control': 'no-store', ...hit.headers }).end(hit.body);
          return;
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${actual}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
