import { InsertOutcome, parseMessage, ReadReply, type MessageName, type ProtocolMap, type SelectorsForPage } from '@/knowledge/messages';
import { getSettings } from '@/knowledge/store';
import type { BackgroundDeps, ContentLink } from './deps';
import { feedback, importEntries, knowledgeStatus, loadSample, readSettings, search, writeSettings } from './knowledge-handlers';
import { forgetLearned, learnedList } from './learned-handlers';
import { messenger } from './messenger';
import { getTabState, insert, noTicket, onReadFailed, onTicket, readSelection } from './ticket-handlers';

type Sender = { tab?: { id?: number } };

function senderTab(name: MessageName, sender: Sender): number {
  const id = sender.tab?.id;
  if (id === undefined || id < 0) throw new Error(`${name}: only a helpdesk tab may send this`);
  return id;
}

/** Every message the background answers; data is parsed with zod before any handler sees it. */
export function listen(deps: BackgroundDeps): void {
  const on = <N extends MessageName>(name: N, run: (data: ReturnType<typeof parseMessage<N>>, sender: Sender) => unknown) =>
    messenger.onMessage(name as keyof ProtocolMap, (msg) => run(parseMessage(name, msg.data), msg.sender) as never);

  on('contentToBackground.ticketRead', async (d, s) => {
    await onTicket(deps, senderTab('contentToBackground.ticketRead', s), d.ticket, { readAt: d.readAt, readId: d.readId });
    return { ok: true };
  });
  on('contentToBackground.readFailed', (d, s) => {
    onReadFailed(deps, senderTab('contentToBackground.readFailed', s), d.failure);
    return { ok: true };
  });
  on('contentToBackground.noTicket', (_d, s) => {
    noTicket(deps, senderTab('contentToBackground.noTicket', s));
    return { ok: true };
  });
  on('contentToBackground.getSelectors', async (d) => selectorsFor(deps, d.url));
  on('panelToBackground.getTabState', (d) => getTabState(deps, d.tabId));
  on('panelToBackground.readSelection', (d) => readSelection(deps, d.tabId));
  on('panelToBackground.insert', (d) => insert(deps, d));
  on('panelToBackground.feedback', (d) => feedback(deps, d));
  on('panelToBackground.search', (d) => search(deps, d.text, d.limit));
  on('panelToBackground.knowledgeStatus', () => knowledgeStatus(deps));
  on('panelToBackground.loadSample', () => loadSample(deps));
  on('panelToBackground.applyImport', (d) => importEntries(deps, d.entries));
  on('panelToBackground.getSettings', () => readSettings(deps));
  on('panelToBackground.saveSettings', (d) => writeSettings(deps, d));
  on('panelToBackground.listLearned', () => learnedList(deps));
  on('panelToBackground.removeLearned', (d) => forgetLearned(deps, d));
  on('panelToBackground.syncRegistrations', async () => ({ origins: await deps.syncRegistrations() }));
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

/** The background's messages into a tab; replies are parsed like any other input. */
export const contentLink: ContentLink = {
  async readAgain(tabId) {
    await messenger.sendMessage('backgroundToContent.readAgain', undefined, tabId);
  },
  async readSelection(tabId) {
    return ReadReply.parse(await messenger.sendMessage('backgroundToContent.readSelection', undefined, tabId));
  },
  async insert(tabId, text, html, into) {
    return InsertOutcome.parse(await messenger.sendMessage('backgroundToContent.insert', { text, ...(html ? { html } : {}), ...(into ? { into } : {}) }, tabId));
  },
};
