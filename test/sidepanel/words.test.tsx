// @vitest-environment jsdom
/**
 * What the panel says, as the agents in the trials read it (issue 10, "What the trials found
 * besides"): product names, one confidence format, human sources, status lines that belong to
 * the ticket they were about, rejected answers out of the way.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import { decide } from '@/knowledge/suggest';
import type { TabState } from '@/knowledge/messages';
import { ENTRIES, fakeApi, suggestion, TAB, TICKET, ticketState } from './fake-api';

afterEach(cleanup);

function renderPanel(state: TabState = ticketState(), overrides = {}) {
  const fake = fakeApi(state, overrides);
  render(<App api={fake.api} />);
  return fake;
}

function withTicket(changes: Partial<typeof TICKET>): TabState {
  const state = ticketState();
  if (state.kind === 'ticket') state.ticket = { ...state.ticket, ...changes };
  return state;
}

describe('the panel names the helpdesk product', () => {
  it.each([
    ['osticket', 'osTicket'],
    ['freescout', 'FreeScout'],
    ['zendesk', 'Zendesk'],
    ['helpscout', 'Help Scout'],
  ])('a ticket read from %s says "Read from %s"', async (id, name) => {
    renderPanel(withTicket({ helpdesk: id }));
    expect(await screen.findByText(`Read from ${name}`)).toBeTruthy();
  });
});

describe('confidence: one format, percent with a word', () => {
  it('the card and the "no confident answer" reason both say 26% (low), never 0.26', async () => {
    const low = [suggestion(ENTRIES[2]!, 0.26)];
    const reason = decide(low.map((s) => ({ ...s, matched: {} })), 0.7).reason!;
    renderPanel({ ...ticketState(true), ...{ result: { abstained: true, reason, suggestions: low } } } as TabState);
    const box = await screen.findByTestId('no-confident-answer');
    expect(box.textContent).toContain('26% (low)');
    expect(box.textContent).toContain('70%');
    expect(box.textContent).not.toMatch(/0\.\d\d/);
  });

  it('a suggested answer shows its confidence as a percent with a word', async () => {
    renderPanel();
    const cards = await screen.findAllByTestId('suggestion');
    expect(within(cards[0]!).getByText('90% (high)')).toBeTruthy();
    expect(within(cards[2]!).getByText('70% (medium)')).toBeTruthy();
    expect(cards.map((c) => c.textContent).join(' ')).not.toMatch(/0\.\d\d/);
  });
});

/** Opens suggestion `rank` (1-based) in the preview. */
async function openAnswer(rank: number) {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`preview answer ${rank}$`) }));
  return screen.findByTestId('preview');
}

describe('the status line belongs to the ticket it was about', () => {
  it('"Inserted at your cursor…" clears when the panel shows another ticket', async () => {
    const { push } = renderPanel();
    await openAnswer(1);
    fireEvent.click(screen.getByTestId('insert'));
    const status = screen.getByRole('status');
    expect(await within(status).findByText(/Inserted/)).toBeTruthy();
    act(() => push(withTicket({ id: '1002', subject: 'Wrong size' })));
    expect(await screen.findByText('Wrong size')).toBeTruthy();
    expect(status.textContent).toBe('');
  });

  it('"Flagged…" stays while the same ticket is read again, and clears when the panel follows another tab', async () => {
    let follow: (id: number | undefined) => void = () => undefined;
    const other = TAB + 1;
    const { push } = renderPanel(ticketState(), {
      followTab: (onTab: (id: number | undefined) => void) => {
        follow = onTab;
        onTab(TAB);
        return () => undefined;
      },
      getTabState: async (id: number): Promise<TabState> => (id === TAB ? ticketState() : { kind: 'none', tabId: id }),
    });
    await openAnswer(2);
    fireEvent.click(screen.getByTestId('flag-outdated'));
    const status = screen.getByRole('status');
    expect(await within(status).findByText(/Flagged as outdated/)).toBeTruthy();
    // The same ticket read again (a new message arrived): the status is still about it.
    act(() => push({ ...withTicket({ latestMessage: 'Any news?' }), readAt: 2, readId: 'read-2' } as TabState));
    expect(await screen.findByText('Any news?')).toBeTruthy();
    expect(status.textContent).toMatch(/Flagged as outdated/);
    act(() => follow(other));
    expect(await screen.findByText('No ticket read in this tab')).toBeTruthy();
    expect(status.textContent).toBe('');
  });
});

describe('a rejected answer leaves the list', () => {
  /** Rejects the open answer for `reason` (a RejectForm option's value). */
  async function rejectOpenAnswer(reason = 'Outdated') {
    fireEvent.click(screen.getByTestId('reject'));
    fireEvent.click(await screen.findByRole('radio', { name: reason }));
    fireEvent.click(screen.getByTestId('reject-confirm'));
  }
  const shownIds = () => screen.queryAllByTestId('suggestion').map((c) => c.dataset.entryId);
  const selectedId = () => screen.getAllByTestId('suggestion').find((c) => c.getAttribute('aria-current') === 'true')?.dataset.entryId;

  it('after the agent rejects the first answer, the next one is first, selected and focused', async () => {
    const { api } = renderPanel();
    await openAnswer(1);
    await rejectOpenAnswer();
    expect(api.feedback).toHaveBeenCalledWith(expect.objectContaining({ kind: 'rejected', entryId: 'delivery-times', rank: 1 }));
    await screen.findByRole('button', { name: /^Where is my order\W+preview answer 1$/ });
    expect(shownIds()).toEqual(['order-status', 'returns']);
    expect(selectedId()).toBe('order-status');
    await waitFor(() => expect(document.activeElement?.closest('[data-testid="suggestion"]')?.getAttribute('data-entry-id')).toBe('order-status'));
  });

  it('rejecting the last one selects the one before; rejecting all offers the manual search', async () => {
    renderPanel();
    await openAnswer(3);
    await rejectOpenAnswer();
    await screen.findByRole('button', { name: /preview answer 2$/ });
    expect(shownIds()).toEqual(['delivery-times', 'order-status']);
    expect(selectedId()).toBe('order-status');
    for (const rank of [2, 1]) {
      await openAnswer(rank);
      await rejectOpenAnswer('Wrong topic');
    }
    const none = await screen.findByTestId('no-confident-answer');
    expect(none.textContent).toContain('You rejected every suggested answer');
    expect(within(none).getByTestId('manual-search')).toBeTruthy();
  });

  it('a new ticket brings its own answers back', async () => {
    const { push } = renderPanel();
    await openAnswer(1);
    await rejectOpenAnswer();
    await screen.findByRole('button', { name: /^Where is my order\W+preview answer 1$/ });
    act(() => push({ ...withTicket({ id: '1002', subject: 'Wrong size' }), readAt: 2, readId: 'read-2' } as TabState));
    await screen.findByText('Wrong size');
    expect(shownIds()).toEqual(['delivery-times', 'order-status', 'returns']);
  });
});

describe('abstaining helps instead of hiding (issue 9)', () => {
  const abstained = (extra: object = {}): TabState =>
    ({ ...ticketState(true), result: { abstained: true, reason: 'Nothing matches well enough.', suggestions: [suggestion(ENTRIES[2]!, 0.41), suggestion(ENTRIES[0]!, 0.12)], ...extra } }) as TabState;

  it('the closest entries are listed collapsed under "not confident", never as suggested answers', async () => {
    renderPanel(abstained());
    const box = await screen.findByTestId('no-confident-answer');
    const details = within(box).getByTestId('not-confident') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Closest entries (not confident)')).toBeTruthy();
    expect(within(details).getAllByTestId('closest').map((c) => c.dataset.entryId)).toEqual([ENTRIES[2]!.id, ENTRIES[0]!.id]);
    expect(within(details).getByText('41% (low)')).toBeTruthy();
    expect(screen.queryAllByTestId('suggestion')).toHaveLength(0);
    expect(screen.queryByText('Suggested answers')).toBeNull();
    // a closest entry still opens in the preview
    fireEvent.click(within(details).getAllByTestId('closest')[0]!.querySelector('button')!);
    expect(await screen.findByTestId('preview')).toBeTruthy();
  });

  it('the manual search starts from the ticket\u2019s key terms, already run', async () => {
    const fake = renderPanel(abstained({ searchTerms: ['parcel', 'late'] }));
    await screen.findByTestId('no-confident-answer');
    expect((screen.getByTestId('manual-search') as HTMLInputElement).value).toBe('parcel late');
    await waitFor(() => expect(fake.api.search).toHaveBeenCalledWith('parcel late', expect.any(Number)));
  });

  it('key terms that come after the verdict fill the box and are searched; typed text is never replaced', async () => {
    const verdict = abstained();
    const fake = renderPanel(verdict);
    await screen.findByTestId('no-confident-answer');
    const box = screen.getByTestId('manual-search') as HTMLInputElement;
    expect(box.value).toBe('');
    expect(box.getAttribute('aria-busy')).toBe('true');
    act(() => fake.push({ ...verdict, result: { ...(verdict as Extract<TabState, { kind: 'ticket' }>).result, searchTerms: ['parcel', 'late'] } } as TabState));
    await waitFor(() => expect((screen.getByTestId('manual-search') as HTMLInputElement).value).toBe('parcel late'));
    expect(screen.getByTestId('manual-search').getAttribute('aria-busy')).toBeNull();
    await waitFor(() => expect(fake.api.search).toHaveBeenCalledWith('parcel late', expect.any(Number)));
    // the agent typed before the terms came: the box keeps what they typed
    cleanup();
    const again = renderPanel(verdict);
    await screen.findByTestId('no-confident-answer');
    fireEvent.change(screen.getByTestId('manual-search'), { target: { value: 'refund' } });
    act(() => again.push({ ...verdict, result: { ...(verdict as Extract<TabState, { kind: 'ticket' }>).result, searchTerms: ['parcel', 'late'] } } as TabState));
    expect((screen.getByTestId('manual-search') as HTMLInputElement).value).toBe('refund');
  });

  it('answers below the 20% floor never appear under "Suggested answers"', async () => {
    const state = ticketState();
    if (state.kind === 'ticket') state.result = { abstained: false, suggestions: [suggestion(ENTRIES[0]!, 0.9), suggestion(ENTRIES[1]!, 0.2), suggestion(ENTRIES[2]!, 0.19)] };
    renderPanel(state);
    await waitFor(() => expect(screen.getAllByTestId('suggestion').map((c) => c.dataset.entryId)).toEqual([ENTRIES[0]!.id, ENTRIES[1]!.id]));
  });

  it('a manual search with nothing relevant says so', async () => {
    renderPanel(ticketState(), { search: async () => [] });
    await screen.findAllByTestId('suggestion');
    fireEvent.change(screen.getByTestId('manual-search'), { target: { value: 'weather' } });
    expect((await screen.findByTestId('nothing-relevant')).textContent).toBe('Nothing relevant in the knowledge for \u201cweather\u201d.');
  });
});
