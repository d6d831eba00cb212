import { browser } from 'wxt/browser';
import type { Handlers, MessagesTo, SelectorsForPage } from '@/knowledge/messages';
import { createClient, createRouter, namesFor, type Route } from '@/knowledge/protocol';
import type { OwnExtension } from '@/knowledge/senders';
import { getSettings } from '@/knowledge/store';
import type { BackgroundDeps, ContentLink } from './deps';
import { feedback, knowledgeStatus, loadSample, readSettings, search, writeSettings } from './knowledge-handlers';
import { forgetLearned, learnedList } from './learned-handlers';
import { messenger } from './messenger';
import { getTabState, insert, noTicket, onReadFailed, onTicket, readSelection } from './ticket-handlers';

/**
 * Every message the worker answers, one handler per name of knowledge/messages.ts (a missing one
 * is a type error). The router has checked the sender and parsed the data before a handler runs:
 * a content message's tab and URL are the sender's.
 */
export function workerHandlers(deps: BackgroundDeps): Handlers<'worker'> {
  return {
    'contentToBackground.ticketRead': async (d, from) => {
      // The page's address is the one the browser stamped on the message, never the one the page's script wrote.
      await onTicket(deps, from.tabId, { ...d.ticket, url: from.url }, { readAt: d.readAt, readId: d.readId });
      return { ok: true };
    },
    'contentToBackground.readFailed': (d, from) => {
      onReadFailed(deps, from.tabId, { ...d.failure, url: from.url });
      return { ok: true };
    },
    'contentToBackground.noTicket': (_d, from) => {
      noTicket(deps, from.tabId);
      return { ok: true };
    },
    'contentToBackground.getSelectors': (_d, from) => selectorsFor(deps, from.url),
    'panelToBackground.getTabState': (d) => getTabState(deps, d.tabId),
    'panelToBackground.readSelection': (d) => readSelection(deps, d.tabId),
    'panelToBackground.insert': (d) => insert(deps, d),
    'panelToBackground.feedback': (d) => feedback(deps, d),
    'panelToBackground.search': (d) => search(deps, d.text, d.limit),
    'panelToBackground.knowledgeStatus': () => knowledgeStatus(deps),
    'panelToBackground.loadSample': () => loadSample(deps),
    'panelToBackground.getSettings': () => readSettings(deps),
    'panelToBackground.saveSettings': (d) => writeSettings(deps, d),
    'panelToBackground.listLearned': () => learnedList(deps),
    'panelToBackground.removeLearned': (d) => forgetLearned(deps, d),
    'panelToBackground.syncRegistrations': async () => ({ origins: await deps.syncRegistrations() }),
  };
}

export function ownExtension(): OwnExtension {
  return { id: browser.runtime.id, base: browser.runtime.getURL('/') };
}

/** Registers the router for every message the worker answers. */
export function listen(deps: BackgroundDeps): void {
  const route: Route = createRouter('worker', workerHandlers(deps), ownExtension());
  for (const name of namesFor('worker')) {
    messenger.onMessage(name, (msg) =>
      route(name, msg.data, msg.sender).catch((err: unknown) => {
        // Logged here (a refusal is worth seeing in the worker's console) and rethrown to the sender.
        console.warn('[agent-assist]', err instanceof Error ? err.message : err);
        throw err;
      }) as never,
    );
  }
}

/** Saved selectors whose origin is the page's, with the domain as the adapter expects it (a host name). */
export async function selectorsFor(deps: BackgroundDeps, url: string): Promise<SelectorsForPage[]> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return [];
  }
  const { genericSelectors } = await getSettings(deps.db);
  return genericSelectors.filter((s) => s.domain === origin).map((s) => ({ ...s, domain: new URL(s.domain).hostname }));
}

/** The worker's messages into a tab's top frame (where the script runs); replies are parsed on arrival. */
function tabClient(tabId: number) {
  return createClient<MessagesTo<'content'>>((name, data) =>
    messenger.sendMessage(name, data as never, { tabId, frameId: 0 }),
  );
}

export const contentLink: ContentLink = {
  async readAgain(tabId) {
    await tabClient(tabId).send('backgroundToContent.readAgain', undefined);
  },
  readSelection: (tabId) => tabClient(tabId).send('backgroundToContent.readSelection', undefined),
  insert: (tabId, text, html, into) => tabClient(tabId).send('backgroundToContent.insert', { text, ...(html ? { html } : {}), ...(into ? { into } : {}) }),
};
