import type { BrowserContext, Request } from 'playwright-core';

/** Every request the browser made, with who made it: a page (its URL) or a service worker. */
export interface SeenRequest {
  url: string;
  from: string;
}

/**
 * Records every request in the context: pages (incl. content scripts, which fetch from the page),
 * extension pages, and service workers (Playwright listens to CDP Network on worker targets too).
 */
export function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (r: Request) => seen.push({ url: r.url(), from: initiator(r) }));
  return seen;
}

function initiator(r: Request): string {
  const worker = r.serviceWorker();
  if (worker) return worker.url();
  try {
    return r.frame().url();
  } catch {
    return 'unknown';
  }
}

/**
 * Requests that break the rule "the extension talks to nobody": from an extension origin to
 * anything but itself, or from anywhere to a host other than the local test servers.
 */
export function forbiddenRequests(seen: SeenRequest[], extensionId: string, localOrigins: string[]): SeenRequest[] {
  const self = `chrome-extension://${extensionId}/`;
  const allowed = (url: string) => url.startsWith(self) || url.startsWith('data:') || url.startsWith('blob:') || localOrigins.some((o) => url.startsWith(o + '/'));
  return seen.filter((r) => (r.from.startsWith('chrome-extension://') ? !r.url.startsWith(self) && !r.url.startsWith('data:') : !allowed(r.url)));
}
