/**
 * Who sent a message, checked from what the browser stamps on it (runtime.MessageSender), never
 * from the message's data. Plain TypeScript without zod: the content script imports it too.
 *
 * - `content`: our content script in a tab's top frame (frameId 0) of a web page. Its URL is the
 *   sender's (sender.url, else sender.tab.url).
 * - `page`: one of our own extension pages (the side panel, the panel opened as a tab, a dashboard).
 * - `background`: our service worker. The browser stamps it like an extension page (our origin, no
 *   tab), so a receiver cannot tell the two apart, and need not: both are our own code.
 */
export type SenderKind = 'content' | 'page' | 'background';

/** The fields of runtime.MessageSender the checks read. */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The extension itself: browser.runtime.id and browser.runtime.getURL('/'). */
export interface OwnExtension {
  id: string;
  /** e.g. chrome-extension://abcdef…/ */
  base: string;
}

export type CheckedSender =
  | { kind: 'content'; tabId: number; url: string }
  | { kind: 'page'; url: string }
  | { kind: 'background'; url: string };

export type SenderOf<K extends SenderKind> = Extract<CheckedSender, { kind: K }>;

/** Scheme and host: URL.origin is "null" for chrome-extension: URLs outside a browser. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : undefined;
  } catch {
    return undefined;
  }
}

function isOwnPage(sender: MessageSender, own: OwnExtension): boolean {
  const origin = originOf(sender.url);
  return origin !== undefined && origin === originOf(own.base);
}

/**
 * The checked sender when `sender` may send a message that `kind` sends, else a reason for refusing.
 * Only the extension itself (sender.id) can reach runtime.onMessage; a web page or another extension
 * would arrive with another id (or on onMessageExternal, which nothing here listens to).
 */
export function checkSender<K extends SenderKind>(kind: K, sender: MessageSender, own: OwnExtension): SenderOf<K> | { refused: string } {
  if (sender.id !== own.id) return { refused: 'not from this extension' };
  if (kind === 'content') {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0) return { refused: 'only the helpdesk content script in a tab may send this' };
    if (sender.frameId !== 0) return { refused: 'only the top frame of a tab may send this' };
    const url = sender.url ?? sender.tab?.url;
    if (!url || isOwnPage({ url }, own)) return { refused: 'only the helpdesk content script in a tab may send this' };
    return { kind: 'content', tabId, url } as SenderOf<K>;
  }
  // An extension page: the side panel has no tab, the panel opened as a page has one; both have our origin.
  if (!isOwnPage(sender, own)) return { refused: 'only the extension\u2019s own pages may send this' };
  return { kind, url: sender.url! } as SenderOf<K>;
}
