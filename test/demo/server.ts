import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { files, serve, type LocalServer, type Route } from './http';
import { page, summary, type DemoTicket } from './render';
import { loadSampleTickets } from './tickets';

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const DEMO_ASSETS = path.resolve('.e2e-tmp/demo-assets');

export interface DemoHelpdesk extends LocalServer {
  tickets: DemoTicket[];
  /** Form posts the server received: the demo must never see one. */
  posts(): string[];
}

/** Bundles the page script (Quill + navigation) into .e2e-tmp/demo-assets/. */
export async function buildDemoAssets(outDir = DEMO_ASSETS): Promise<void> {
  await build({
    entryPoints: { app: path.join(HERE, 'app.ts') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
  });
}

const json = (value: unknown) => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });
const html = (body: string, status = 200) => ({ status, type: 'text/html; charset=utf-8', body });

/**
 * The demo helpdesk on 127.0.0.1: /tickets (list), /tickets/<id> (ticket with a Quill reply box),
 * /api/tickets[/<id>] (JSON for single-page navigation). `tickets` defaults to the sample tickets.
 */
export async function startDemoHelpdesk(options: { port?: number; tickets?: DemoTicket[] } = {}): Promise<DemoHelpdesk> {
  const tickets = options.tickets ?? (await loadSampleTickets());
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const list = tickets.map(summary);
  await buildDemoAssets();
  const css = await readFile(path.join(HERE, 'demo.css'), 'utf8');

  const routes: Route[] = [
    async (req) => (req.method === 'GET' ? null : { status: 405, type: 'text/plain', body: 'The demo helpdesk never sends anything.' }),
    async (_req, url) => (url.pathname === '/' || url.pathname === '/tickets' ? html(page(list, undefined)) : null),
    async (_req, url) => {
      const id = /^\/tickets\/([\w-]+)\/?$/.exec(url.pathname)?.[1];
      if (!id) return null;
      const t = byId.get(id);
      return t ? html(page(list, t)) : html('<h1>Ticket not found</h1>', 404);
    },
    async (_req, url) => (url.pathname === '/api/tickets' ? json(list) : null),
    async (_req, url) => {
      const id = /^\/api\/tickets\/([\w-]+)$/.exec(url.pathname)?.[1];
      const t = id ? byId.get(id) : undefined;
      return t ? json(t) : null;
    },
    async (_req, url) => (url.pathname === '/assets/demo.css' ? { type: 'text/css; charset=utf-8', body: css } : null),
    files('/assets/', DEMO_ASSETS),
  ];
  const server = await serve(routes, options.port ?? 0);
  return { ...server, tickets, posts: () => server.requests.filter((r) => !r.startsWith('GET ')) };
}
