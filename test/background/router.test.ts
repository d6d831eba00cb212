import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TAB_NOT_ANSWERING } from '@/knowledge/messages';
import { createRouter } from '@/knowledge/protocol';
import type { MessageSender } from '@/knowledge/senders';
import { getSettings, saveSettings } from '@/knowledge/store';
import { workerHandlers } from '@/entrypoints/background/listen';
import { getTabState, insert, onTicket } from '@/entrypoints/background/ticket-handlers';
import { loadSample } from '@/entrypoints/background/knowledge-handlers';
import { makeDeps, read, sampleTicket } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const own = { id: 'ours', base: 'chrome-extension://ours/' };
const panel: MessageSender = { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' };
/** The helpdesk tab's content script (tab 3), as the browser stamps it. */
const helpdeskTab = (url = 'https://help.example/scp/tickets.php?id=1'): MessageSender => ({ id: 'ours', url, tab: { id: 3, url }, frameId: 0 });

function worker() {
  const made = makeDeps();
  return { ...made, route: createRouter('worker', workerHandlers(made.deps), own) };
}

describe('the worker refuses what the review did from a helpdesk tab’s content script', () => {
  it('loadSample: nothing lands', async () => {
    const { route, db } = worker();
    await expect(route('panelToBackground.loadSample', undefined, helpdeskTab())).rejects.toThrow(/loadSample: refused/);
    expect(await db.entries.count()).toBe(0);
  });

  it('no message lands entries sent to the worker: the panel writes its imports to the store itself', async () => {
    const { route, db } = worker();
    const { deps } = makeDeps();
    await loadSample(deps);
    const entry = { ...(await deps.db.entries.toArray())[0]!, id: 'phish', body: 'Verify at [your bank](https://evil.example/verify)' };
    for (const sender of [helpdeskTab(), panel]) {
      await expect(route('panelToBackground.applyImport', { entries: [entry] }, sender)).rejects.toThrow(/applyImport: not a message this receiver answers/);
    }
    expect(await db.entries.count()).toBe(0);
  });

  it('saveSettings: the agent’s signature stays', async () => {
    const { route, db } = worker();
    await saveSettings(db, { agentSignature: 'Sam, Support' });
    await expect(route('panelToBackground.saveSettings', { agentSignature: 'Mallory' }, helpdeskTab())).rejects.toThrow(/saveSettings: refused/);
    expect((await getSettings(db)).agentSignature).toBe('Sam, Support');
  });

  it('insert into another tab: no tab is asked to insert', async () => {
    const { route, content } = worker();
    await expect(route('panelToBackground.insert', { tabId: 8, suggestedText: 'x', text: 'x' }, helpdeskTab())).rejects.toThrow(/insert: refused/);
    expect(content.insert).not.toHaveBeenCalled();
  });

  it('search: no knowledge is read out', async () => {
    const { route, deps } = worker();
    await loadSample(deps);
    await expect(route('panelToBackground.search', { text: 'refund', limit: 20 }, helpdeskTab())).rejects.toThrow(/search: refused/);
    // The same request from the panel is answered.
    expect((await route('panelToBackground.search', { text: 'refund', limit: 20 }, panel)) as unknown[]).not.toHaveLength(0);
  });

  it('a ticket from an iframe in the tab is refused; from the top frame it lands for the sender’s tab', async () => {
    const { route, deps } = worker();
    const { ticket } = sampleTicket();
    const data = { ticket, ...read() };
    await expect(route('contentToBackground.ticketRead', data, { ...helpdeskTab(), frameId: 4, url: 'https://ads.example/' })).rejects.toThrow(/refused/);
    expect(deps.tabs.get(3)).toBeUndefined();
    await route('contentToBackground.ticketRead', data, helpdeskTab());
    expect(deps.tabs.get(3)?.kind).toBe('ticket');
  });

  it('a ticket’s and a failure’s page address are the sender’s, not the one written in the data', async () => {
    const { route, deps } = worker();
    const { ticket } = sampleTicket();
    await route('contentToBackground.ticketRead', { ticket: { ...ticket, url: 'https://elsewhere.example/t/9' }, ...read() }, helpdeskTab());
    const state = deps.tabs.get(3);
    expect(state?.kind === 'ticket' && state.ticket.url).toBe('https://help.example/scp/tickets.php?id=1');
    await route('contentToBackground.readFailed', { failure: { helpdesk: 'osticket', reason: 'no subject', url: 'https://elsewhere.example/' } }, helpdeskTab());
    const failed = deps.tabs.get(3);
    expect(failed?.kind === 'failed' && failed.failure.url).toBe('https://help.example/scp/tickets.php?id=1');
  });
});

describe('getSelectors: the page is the sender’s', () => {
  const selectors = { subject: 'h1', message: '.msg', replyBox: 'textarea' };

  it('answers with the selectors saved for the sending frame’s origin only', async () => {
    const { route, db } = worker();
    await saveSettings(db, { genericSelectors: [{ domain: 'https://help.example', ...selectors }, { domain: 'https://other.example', ...selectors, subject: 'h2' }] });
    expect(await route('contentToBackground.getSelectors', undefined, helpdeskTab())).toEqual([{ domain: 'help.example', ...selectors }]);
    expect(await route('contentToBackground.getSelectors', undefined, helpdeskTab('https://third.example/'))).toEqual([]);
    // Asking for another origin's selectors in the data is refused as bad data.
    await expect(route('contentToBackground.getSelectors', { url: 'https://other.example/' }, helpdeskTab('https://third.example/'))).rejects.toThrow(/getSelectors/);
  });
});

describe('a tab that stops answering', () => {
  it('insert fails: the tab’s ticket is dropped and the panel is told why', async () => {
    const { deps, content, notified } = makeDeps();
    await loadSample(deps);
    await onTicket(deps, 3, sampleTicket().ticket, read());
    content.insert.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const outcome = await insert(deps, { tabId: 3, suggestedText: 'x', text: 'x' });
    expect(outcome).toEqual({ ok: false, method: 'none', reason: TAB_NOT_ANSWERING });
    expect(getTabState(deps, 3)).toEqual({ kind: 'none', tabId: 3, note: TAB_NOT_ANSWERING });
    expect(notified.at(-1)).toEqual({ kind: 'none', tabId: 3, note: TAB_NOT_ANSWERING });
  });

  it('a read asked for after a ticket arrived fails: the ticket is dropped too', async () => {
    const { deps, content, notified } = makeDeps();
    await loadSample(deps);
    let fail: (e: Error) => void = () => undefined;
    content.readAgain.mockImplementationOnce(() => new Promise((_r, reject) => (fail = reject)));
    expect(getTabState(deps, 3)).toEqual({ kind: 'none', tabId: 3 });
    await onTicket(deps, 3, sampleTicket().ticket, read());
    fail(new Error('No response'));
    await expect.poll(() => getTabState(deps, 3)).toEqual({ kind: 'none', tabId: 3, note: TAB_NOT_ANSWERING });
    expect(notified.at(-1)?.kind).toBe('none');
  });

  it('a page with no script (no helpdesk) is not reported as one that stopped answering', async () => {
    const { deps, content, notified } = makeDeps();
    content.readAgain.mockRejectedValueOnce(new Error('No response'));
    expect(getTabState(deps, 5)).toEqual({ kind: 'none', tabId: 5 });
    await expect.poll(() => content.readAgain.mock.settledResults.length).toBe(1);
    await new Promise((r) => setImmediate(r)); // the rejection's handlers have run
    expect(notified).toEqual([]);
  });
});
