import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, MessageError, type Handlers, type MessageData, type MessageName, type MessagesTo, type Receiver } from '@/knowledge/messages';
import { createClient, createRouter, namesFor } from '@/knowledge/protocol';
import { checkSender, type MessageSender } from '@/knowledge/senders';
import samples from '@/knowledge/sample/tickets.json';

const ticket = (samples as { ticket: unknown }[])[0]!.ticket as MessageData<'contentToBackground.ticketRead'>['ticket'];
const own = { id: 'ours', base: 'chrome-extension://ours/' };

/** What the browser stamps on a message from each context (runtime.MessageSender). */
const SENDERS = {
  sidePanel: { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' },
  panelAsTab: { id: 'ours', url: 'chrome-extension://ours/sidepanel.html?tab=3', tab: { id: 9, url: 'chrome-extension://ours/sidepanel.html?tab=3' }, frameId: 0 },
  worker: { id: 'ours', url: 'chrome-extension://ours/background.js' },
  contentScript: { id: 'ours', url: 'https://help.example/tickets/1', tab: { id: 3, url: 'https://help.example/tickets/1' }, frameId: 0 },
  contentInIframe: { id: 'ours', url: 'https://ads.example/frame', tab: { id: 3, url: 'https://help.example/tickets/1' }, frameId: 7 },
  webPage: { url: 'https://evil.example/', tab: { id: 4, url: 'https://evil.example/' }, frameId: 0 },
  otherExtension: { id: 'theirs', url: 'chrome-extension://theirs/popup.html' },
  otherExtensionInTab: { id: 'theirs', url: 'https://help.example/tickets/1', tab: { id: 3 }, frameId: 0 },
  ourIdForeignPageNoTab: { id: 'ours', url: 'https://evil.example/' },
} satisfies Record<string, MessageSender>;
type SenderName = keyof typeof SENDERS;

/**
 * Who may send what: every other sender is refused. The browser stamps the worker like an extension
 * page (our origin, no tab): the two are told apart by nobody, and both are our own code.
 */
const ALLOWED: Record<'content' | 'page' | 'background', SenderName[]> = {
  content: ['contentScript'],
  page: ['sidePanel', 'panelAsTab', 'worker'],
  background: ['worker', 'sidePanel', 'panelAsTab'],
};

/** Valid data for every message (a new message needs a line here). */
const DATA: { [N in MessageName]: MessageData<N> } = {
  'contentToBackground.ticketRead': { ticket, readAt: 1, readId: 'r1' },
  'contentToBackground.readFailed': { failure: { helpdesk: 'osTicket', reason: 'no subject', url: 'https://help.example/' } },
  'contentToBackground.noTicket': undefined,
  'contentToBackground.getSelectors': undefined,
  'backgroundToContent.readAgain': undefined,
  'backgroundToContent.readSelection': undefined,
  'backgroundToContent.insert': { text: 'Hello' },
  'panelToBackground.getTabState': { tabId: 3 },
  'panelToBackground.readSelection': { tabId: 3 },
  'panelToBackground.insert': { tabId: 3, suggestedText: 'Hello', text: 'Hello' },
  'panelToBackground.feedback': { kind: 'copied', tabId: 3, entryId: 'refunds', rank: 1 },
  'panelToBackground.search': { text: 'refund', limit: 5 },
  'panelToBackground.knowledgeStatus': undefined,
  'panelToBackground.loadSample': undefined,
  'panelToBackground.getSettings': undefined,
  'panelToBackground.saveSettings': { agentSignature: 'Mallory' },
  'panelToBackground.syncRegistrations': undefined,
  'panelToBackground.listLearned': undefined,
  'panelToBackground.removeLearned': { kind: 'one', id: 1 },
  'backgroundToPanel.tabStateChanged': { kind: 'none', tabId: 3 },
};

/** A router for `to` whose handlers only record that they ran, and with which sender. */
function spyRouter(to: Receiver) {
  const ran = vi.fn();
  const handlers = Object.fromEntries(namesFor(to).map((n) => [n, (_d: unknown, from: unknown) => (ran(n, from), 'handled')])) as unknown as Handlers<typeof to>;
  return { route: createRouter(to, handlers, own), ran };
}

describe('senders: every message is answered only for the sender its entry names', () => {
  for (const name of Object.keys(MESSAGES) as MessageName[]) {
    const { from, to } = MESSAGES[name];
    for (const sender of Object.keys(SENDERS) as SenderName[]) {
      const allowed = ALLOWED[from].includes(sender);
      it(`${name} from ${sender}: ${allowed ? 'answered' : 'refused'}`, async () => {
        if (to === 'content') {
          // The content script checks by hand (it ships without zod), with the same function.
          expect('refused' in checkSender(from, SENDERS[sender], own)).toBe(!allowed);
          return;
        }
        const { route, ran } = spyRouter(to);
        const reply = route(name, DATA[name], SENDERS[sender]);
        if (allowed) {
          await expect(reply).resolves.toBe('handled');
          expect(ran).toHaveBeenCalledOnce();
        } else {
          await expect(reply).rejects.toThrow(new RegExp(`^${name.replace('.', '\\.')}: refused`));
          expect(ran).not.toHaveBeenCalled();
        }
      });
    }
  }
});

describe('senders: what a handler learns about the sender comes from the browser, not the data', () => {
  it('a content message carries the tab and the URL of the frame that sent it', async () => {
    const { route, ran } = spyRouter('worker');
    await route('contentToBackground.noTicket', undefined, SENDERS.contentScript);
    expect(ran).toHaveBeenCalledWith('contentToBackground.noTicket', { kind: 'content', tabId: 3, url: 'https://help.example/tickets/1' });
    // No sender.url (some browsers): the tab's URL; the top frame is the tab.
    await route('contentToBackground.noTicket', undefined, { id: 'ours', tab: { id: 5, url: 'https://help.example/tickets/2' }, frameId: 0 });
    expect(ran).toHaveBeenLastCalledWith('contentToBackground.noTicket', { kind: 'content', tabId: 5, url: 'https://help.example/tickets/2' });
  });

  it('getSelectors takes no URL in its data (a URL there is bad data)', async () => {
    const { route, ran } = spyRouter('worker');
    await expect(route('contentToBackground.getSelectors', { url: 'https://other.example/' }, SENDERS.contentScript)).rejects.toThrow(MessageError);
    expect(ran).not.toHaveBeenCalled();
  });

  it('an extension origin is compared whole, not as a prefix', () => {
    expect(checkSender('page', { id: 'ours', url: 'chrome-extension://ourselves/sidepanel.html' }, own)).toHaveProperty('refused');
    expect(checkSender('page', { id: 'ours' }, own)).toHaveProperty('refused');
    expect(checkSender('content', { id: 'ours', tab: { id: -1 }, frameId: 0, url: 'https://help.example/' }, own)).toHaveProperty('refused');
  });
});

describe('router', () => {
  it('every message has exactly one receiver, and each receiver answers only its own', async () => {
    const names = Object.keys(MESSAGES).sort();
    expect([...namesFor('worker'), ...namesFor('content'), ...namesFor('page')].sort()).toEqual(names);
    const { route } = spyRouter('worker');
    await expect(route('backgroundToPanel.tabStateChanged', DATA['backgroundToPanel.tabStateChanged'], SENDERS.sidePanel)).rejects.toThrow(/not a message this receiver answers/);
    await expect(route('panelToBackground.deleteEverything', undefined, SENDERS.sidePanel)).rejects.toThrow(/not a message this receiver answers/);
  });

  it('a handler for every message the worker answers, and for nothing else', async () => {
    const { workerHandlers } = await import('@/entrypoints/background/listen');
    const { makeDeps } = await import('../background/fixtures');
    const worker: MessagesTo<'worker'>[] = namesFor('worker');
    expect(Object.keys(workerHandlers(makeDeps().deps)).sort()).toEqual([...worker].sort());
  });

  it('the client parses every reply with its schema', async () => {
    const client = createClient<MessagesTo<'worker'>>(async () => ({ total: -1, suggestable: 0 }));
    await expect(client.send('panelToBackground.knowledgeStatus', undefined)).rejects.toThrow(/knowledgeStatus: total/);
    const ok = createClient<MessagesTo<'worker'>>(async () => ({ total: 3, suggestable: 2 }));
    await expect(ok.send('panelToBackground.knowledgeStatus', undefined)).resolves.toEqual({ total: 3, suggestable: 2 });
  });
});
