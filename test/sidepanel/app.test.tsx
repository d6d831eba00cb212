// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { allByTestId, byTestId, cleanup, click, flush, key, render, type } from '../components/render';
import { TAB_NOT_ANSWERING, type TabState } from '@/knowledge/messages';
import { fakeApi, TAB, ticketState } from './fake-api';

afterEach(cleanup);

async function renderApp(state = ticketState(), overrides = {}) {
  const fake = fakeApi(state, overrides);
  const c = await render(<App api={fake.api} />);
  await flush();
  return { c, ...fake };
}

describe('side panel: suggestions and keyboard', () => {
  it('shows the ticket as read and up to three suggestions with why, source, owner, freshness, confidence', async () => {
    const { c } = await renderApp();
    expect(byTestId(c, 'ticket-summary').textContent).toContain('Where is my order?');
    expect(byTestId(c, 'ticket-summary').textContent).toContain('Tom Fletcher');
    const cards = allByTestId(c, 'suggestion');
    expect(cards).toHaveLength(3);
    expect(cards[0]!.textContent).toContain('parcels arrive in 3-5 days');
    expect(cards[0]!.textContent).toContain('Hi Tom');
    expect(cards[0]!.querySelector('mark')?.textContent).toBe('parcels');
    expect(cards[0]!.textContent).toContain('Imported from answers.csv, row 3');
    expect(cards[0]!.textContent).toContain('lead@northwind.example');
    expect(cards[0]!.textContent).toContain('90% (high)');
  });

  it('1-3 choose, Enter previews, Esc goes back, Enter twice inserts', async () => {
    const { c, api } = await renderApp();
    await key(document.body, '3');
    expect(allByTestId(c, 'suggestion')[2]!.getAttribute('aria-current')).toBe('true');
    await key(document.body, 'ArrowUp');
    expect(allByTestId(c, 'suggestion')[1]!.getAttribute('aria-current')).toBe('true');
    await key(document.body, '1');
    await key(document.body, 'Enter');
    expect(byTestId(c, 'preview').textContent).toContain('Delivery times');
    await key(document.body, 'Escape');
    expect(c.querySelector('[data-testid="preview"]')).toBeNull();
    await key(document.body, 'Enter');
    await key(document.activeElement ?? document.body, 'Enter');
    await flush();
    expect(api.insert).toHaveBeenCalledTimes(1);
    const req = api.insert.mock.calls[0]![0]!;
    expect(req).toMatchObject({ tabId: TAB, entryId: 'delivery-times', rank: 1 });
    expect(req.text).toBe('Hi Tom, parcels arrive in 3-5 days.\n\nAna Lima');
    expect(byTestId(c, 'status').textContent).toMatch(/Inserted.*Nothing was sent/);
  });

  it('unresolved placeholders block Insert and say why, until the agent fills them', async () => {
    const { c, api } = await renderApp();
    await click(allByTestId(c, 'suggestion')[1]!.querySelector('button')!);
    const insert = byTestId<HTMLButtonElement>(c, 'insert');
    expect(insert.disabled).toBe(true);
    expect(byTestId(c, 'insert-blocked').textContent).toBe('Fill in order number and tracking link first.');
    await key(document.body, 'Enter', { ctrlKey: true });
    expect(api.insert).not.toHaveBeenCalled();
    await type(c.querySelector<HTMLInputElement>('[data-placeholder="order.number"]')!, 'NW104582');
    await type(c.querySelector<HTMLInputElement>('[data-placeholder="order.tracking_url"]')!, 'https://track.example/NW104582');
    expect(byTestId<HTMLButtonElement>(c, 'insert').disabled).toBe(false);
    await key(c.querySelector('[data-placeholder="order.number"]')!, 'Enter', { ctrlKey: true });
    await flush();
    const req = api.insert.mock.calls[0]![0];
    expect(req.text).toBe('Hi Tom, order NW104582 is on its way: <https://track.example/NW104582>');
    expect(req.html).toContain('order NW104582 is on its way: <a href="https://track.example/NW104582"');
  });

  it('when the reply box is missing, the answer goes to the clipboard and the status says so', async () => {
    const { c, api } = await renderApp(ticketState(), { insert: async () => ({ ok: false, method: 'none', reason: 'no reply box found on the page' }) });
    await click(allByTestId(c, 'suggestion')[0]!.querySelector('button')!);
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.copy).toHaveBeenCalledWith('Hi Tom, parcels arrive in 3-5 days.\n\nAna Lima');
    expect(byTestId(c, 'status').textContent).toMatch(/no reply box found.*clipboard/);
  });

  it('says the answer went into the reply to the customer', async () => {
    const { c } = await renderApp(ticketState(), { insert: async () => ({ ok: true, method: 'paste', into: 'reply' }) });
    await click(allByTestId(c, 'suggestion')[0]!.querySelector('button')!);
    await click(byTestId(c, 'insert'));
    await flush();
    expect(byTestId(c, 'status').textContent).toMatch(/^Inserted into the reply to the customer/);
  });

  it('with only the internal note open, nothing is inserted or copied; the agent may choose the note, and the panel names it', async () => {
    const { c, api } = await renderApp(ticketState(), {
      insert: vi.fn(async (req: { into?: string }) =>
        req.into === 'note'
          ? { ok: true, method: 'paste', into: 'note' }
          : { ok: false, method: 'none', into: 'reply', noteOpen: true, reason: 'only the internal note is open, not the reply to the customer' },
      ),
    });
    await click(allByTestId(c, 'suggestion')[0]!.querySelector('button')!);
    expect(c.querySelector('[data-testid=insert-note]')).toBeNull();
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.copy).not.toHaveBeenCalled();
    expect(byTestId(c, 'status').textContent).toMatch(/Nothing was inserted: only the internal note is open, not the reply to the customer/);
    expect(api.insert.mock.calls[0]![0].into).toBeUndefined();
    await click(byTestId(c, 'insert-note'));
    await flush();
    expect(api.insert.mock.calls[1]![0]).toMatchObject({ into: 'note' });
    expect(byTestId(c, 'status').textContent).toMatch(/^Inserted into the internal note, not the reply to the customer/);
  });

  it('when the tab no longer answers, the old ticket goes, the panel says so, and nothing is copied', async () => {
    let push: (s: TabState) => void = () => undefined;
    const { c, api, push: pushed } = await renderApp(ticketState(), {
      // As the worker does: it drops the tab's ticket and tells the panel, then answers the insert.
      insert: async () => {
        push({ kind: 'none', tabId: TAB, note: TAB_NOT_ANSWERING });
        return { ok: false, method: 'none', reason: TAB_NOT_ANSWERING };
      },
    });
    push = pushed;
    await click(allByTestId(c, 'suggestion')[0]!.querySelector('button')!);
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.copy).not.toHaveBeenCalled();
    expect(c.textContent).not.toContain('Tom Fletcher');
    expect(c.textContent).toContain(TAB_NOT_ANSWERING);
    expect(byTestId(c, 'status').textContent).toBe(TAB_NOT_ANSWERING);
  });

  it('edits go in as edited; reject records the reason', async () => {
    const { c, api } = await renderApp();
    await click(allByTestId(c, 'suggestion')[2]!.querySelector('button')!);
    await click(byTestId(c, 'edit'));
    await type(byTestId<HTMLTextAreaElement>(c, 'edit-answer'), 'You can return items within 60 days.');
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.insert.mock.calls[0]![0]).toMatchObject({ text: 'You can return items within 60 days.', suggestedText: 'You can return items within 30 days.' });
    await click(allByTestId(c, 'suggestion')[2]!.querySelector('button')!);
    await click(byTestId(c, 'reject'));
    await click(c.querySelector('input[value="outdated"]')!);
    await click(byTestId(c, 'reject-confirm'));
    expect(api.feedback).toHaveBeenCalledWith({ kind: 'rejected', tabId: TAB, entryId: 'returns', rank: 3, reason: 'outdated' });
  });
});

describe('side panel: abstain, failures, empty knowledge', () => {
  it('no confident answer: says so with the manual search right there', async () => {
    const { c, api } = await renderApp(ticketState(true));
    const box = byTestId(c, 'no-confident-answer');
    expect(allByTestId(c, 'suggestion')).toHaveLength(0);
    const input = box.querySelector<HTMLInputElement>('[data-testid="manual-search"]')!;
    await type(input, 'retrns');
    // The search runs once typing pauses (a debounce): wait for its results, flushing React each time.
    await vi.waitFor(
      async () => {
        await flush();
        expect(allByTestId(c, 'search-result').map((r) => r.dataset.entryId)).toEqual(['returns']);
      },
      { timeout: 10_000 },
    );
    expect(api.search).toHaveBeenCalledWith('retrns', expect.any(Number));
  });

  it('a read failure names the helpdesk and offers selection and manual search', async () => {
    const { c } = await renderApp({ kind: 'failed', tabId: TAB, failure: { helpdesk: 'osTicket', reason: 'subject not found', url: 'https://x.example/scp' } });
    expect(byTestId(c, 'read-failed').textContent).toContain('osTicket');
    expect(byTestId(c, 'read-failed').textContent).toContain('subject not found');
    expect(c.querySelector('[data-testid="manual-search"]')).not.toBeNull();
    expect(c.querySelector('[data-testid="ticket-summary"]')).toBeNull();
  });

  it('a read failure with a diagnosis offers "Copy a diagnosis": selectors and counts, no ticket text', async () => {
    const diagnosis = {
      adapter: 'zoho',
      writtenAgainst: 'Zoho Desk zd_v2 ticket view as read by Clockify (2025-04-23)',
      page: 'desk.zoho.eu/agent/acme/support/tickets/details/#',
      probes: [
        { selector: '.zd_v2-ticketdetailview-container', count: 1 },
        { selector: '[data-id="threadContainer"]', count: 0 },
      ],
      hints: ['open shadow roots: 0'],
    };
    const failure = { helpdesk: 'Zoho Desk', reason: 'no message from the customer found in the thread', url: 'https://desk.zoho.eu/agent/acme/support/tickets/details/1?q=Printer', diagnosis };
    const { c, api } = await renderApp({ kind: 'failed', tabId: TAB, failure });
    expect(byTestId(c, 'read-failed').textContent).toContain('Zoho Desk');
    await click(byTestId(c, 'copy-diagnosis'));
    const text = (vi.mocked(api.copy).mock.calls[0] as unknown as [string])[0];
    expect(text).toContain('Missing: no message from the customer found in the thread');
    expect(text).toContain('0\t[data-id="threadContainer"]');
    expect(text).toContain('1\t.zd_v2-ticketdetailview-container');
    expect(text).not.toContain('Printer');
  });

  it('an empty knowledge base offers the sample knowledge', async () => {
    const { c, api } = await renderApp({ kind: 'none', tabId: TAB }, { knowledgeStatus: async () => ({ total: 0, suggestable: 0 }) });
    await click(byTestId(c, 'load-sample'));
    await flush();
    expect(api.loadSample).toHaveBeenCalled();
    expect(byTestId(c, 'status').textContent).toContain('Sample knowledge loaded');
  });

  it('an empty knowledge base offers the dashboard\u2019s import', async () => {
    const { c, api } = await renderApp({ kind: 'none', tabId: TAB }, { knowledgeStatus: async () => ({ total: 0, suggestable: 0 }) });
    await click(byTestId(c, 'empty-import'));
    expect(api.openDashboard).toHaveBeenCalledWith('import');
  });

  it('follows the knowledge status when another view loads the knowledge', async () => {
    let total = 0;
    const { c, knowledgeChanged } = await renderApp({ kind: 'none', tabId: TAB }, { knowledgeStatus: async () => ({ total, suggestable: total }) });
    expect(c.querySelector('[data-testid="empty-knowledge"]')).not.toBeNull();
    total = 42;
    const { act } = await import('react');
    await act(async () => knowledgeChanged());
    await flush();
    expect(c.querySelector('[data-testid="empty-knowledge"]')).toBeNull();
  });

  it('a new ticket pushed by the background replaces the old one', async () => {
    const { c, push } = await renderApp();
    const next = ticketState();
    if (next.kind === 'ticket') next.ticket = { ...next.ticket, id: '1002', subject: 'Wrong size' };
    await flush();
    const { act } = await import('react');
    await act(async () => push(next));
    expect(byTestId(c, 'ticket-summary').textContent).toContain('Wrong size');
  });
});
