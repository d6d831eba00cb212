// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { App } from '@/entrypoints/dashboard/App';
import { saveEntry } from '@/knowledge/store/entries';
import { recordEvent } from '@/knowledge/store/events';
import { cleanup, render, until } from '../components/render';
import { entry } from '../store/helpers';
import { fakeDashboardApi } from './fake-dashboard-api';

const now = Date.now();
const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);

const refund = entry('refund', {
  title: 'How long does a refund take?',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days.',
  questions: ['When will I be refunded?'],
  reviewBy: day(200),
});
const copy = entry('refund-copy', { ...refund, id: 'refund-copy', title: 'How long does a refund take? (new)', questions: ['How long until I get my money back?'] });
const late = entry('late', { title: 'Gift wrapping', body: 'We wrap gifts for 3 euros.', questions: ['Can you wrap my gift?'], reviewBy: day(-3) });
const returns = entry('returns', { title: 'Free returns', body: 'Returns are free within 30 days.', questions: ['Are returns free?'], reviewBy: day(200) });

const kinds = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('[data-testid="finding"]')].map((f) => `${f.dataset.kind}:${f.dataset.ids}`).sort();
const finding = (c: HTMLElement, kind: string) => c.querySelector<HTMLElement>(`[data-testid="finding"][data-kind="${kind}"]`);

beforeEach(() => {
  location.hash = '#review';
});
afterEach(async () => {
  await cleanup();
  location.hash = '';
});

describe('review queue section', () => {
  it('shows a planted duplicate, an overdue entry and the agents\u2019 edit; each fix removes its finding, and undo brings it back', async () => {
    const api = fakeDashboardApi();
    const at = hoursAgo(48);
    for (const e of [refund, copy, late, returns]) await saveEntry(api.db, { ...e, createdAt: at.toISOString(), updatedAt: at.toISOString() }, 'anna', { now: at });
    for (const [i, editRatio] of [0.3, 0.25, 0.4].entries()) {
      await recordEvent(api.db, {
        type: 'inserted',
        ticket: { helpdesk: 'demo', id: `t${i}` },
        entryId: 'returns',
        rank: 1,
        editRatio,
        edits: [{ before: 'within ', removed: '30', added: '60', after: ' days.' }],
        at: hoursAgo(10 - i).toISOString(),
      });
    }
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid="finding"]'));
    expect(kinds(c)).toEqual(['duplicate:refund refund-copy', 'overdue:late', 'revision:returns']);
    expect(finding(c, 'revision')!.querySelector('[data-testid="typical-changes"]')!.textContent).toContain('"within 30 days." \u2192 "within 60 days."');

    // The duplicate: merged (one kept, the other archived) ...
    await act(async () => finding(c, 'duplicate')!.querySelector<HTMLButtonElement>('button.primary')!.click());
    await until(() => !finding(c, 'duplicate'));
    expect((await api.db.entries.get('refund-copy'))!.status).toBe('archived');
    expect(api.knowledgeWritten).toHaveBeenCalled();
    // ... and undone.
    await act(async () => c.querySelector<HTMLButtonElement>('[data-testid="undo"]')!.click());
    await until(() => finding(c, 'duplicate'));
    expect((await api.db.entries.get('refund-copy'))!.status).toBe('approved');
    await act(async () => finding(c, 'duplicate')!.querySelector<HTMLButtonElement>('button.primary')!.click());
    await until(() => !finding(c, 'duplicate'));

    // Overdue: "still correct" sets the next review date.
    await act(async () => finding(c, 'overdue')!.querySelector<HTMLButtonElement>('button.primary')!.click());
    await until(() => !finding(c, 'overdue'));
    expect((await api.db.entries.get('late'))!.reviewBy! > day(0)).toBe(true);

    // The agents' edit: accepted as the entry's new version.
    await act(async () => finding(c, 'revision')!.querySelector<HTMLButtonElement>('button.primary')!.click());
    await until(() => !finding(c, 'revision'));
    expect((await api.db.entries.get('returns'))!.body).toBe('Returns are free within 60 days.');
    expect(c.querySelector('[data-testid="review-summary"]')!.textContent).toMatch(/Nothing to review/);
  });

  it('dismisses a finding for good, and the editor fix opens the entry', async () => {
    const api = fakeDashboardApi();
    await saveEntry(api.db, { ...late, owner: '' }, 'anna');
    const c = await render(<App api={api} />);
    await until(() => finding(c, 'no_owner'));
    await act(async () => finding(c, 'no_owner')!.querySelector<HTMLButtonElement>('button[data-fix="dismiss"]')!.click());
    await until(() => !finding(c, 'no_owner'));
    expect(c.querySelector('[data-testid="review-summary"]')!.textContent).toContain('1 dismissed');
    await act(async () => finding(c, 'overdue')!.querySelector<HTMLButtonElement>('button[data-fix="edit"]')!.click());
    expect(location.hash).toBe('#entry/late');
  });

  it('offers the sample activity only when no events are recorded and the sample knowledge is loaded', async () => {
    const api = fakeDashboardApi();
    await saveEntry(api.db, late, 'anna');
    const c = await render(<App api={api} />);
    await until(() => c.querySelector('[data-testid="review-summary"]'));
    expect(c.textContent).toContain('No agent activity recorded yet');
    expect(c.querySelector('[data-testid="load-sample-activity"]')).toBeNull();
  });
});
