import { describe, expect, it } from 'vitest';
import { pastedTicket, tryIt, tryItIndex } from '../../knowledge/editor/try-it.ts';
import { suggest } from '../../knowledge/suggest.ts';
import { entry } from '../store/helpers.ts';

const DAY = '2026-12-01';
const stored = [
  entry('refund', { title: 'Refund policy', body: 'We refund orders within 30 days of delivery.', questions: ['Can I get a refund for my order?'] }),
  entry('shipping', { title: 'Shipping times', body: 'Parcels arrive in 3 to 5 working days.', questions: ['When will my parcel arrive?'] }),
  entry('password', { title: 'Reset your password', body: 'Use the link on the sign-in page.', questions: ['I forgot my password'] }),
];

describe('try it', () => {
  it('ranks the unsaved draft with the agents\u2019 engine and confidence, and leaves the index as it was', () => {
    const index = tryItIndex(stored, []);
    const ticket = pastedTicket('Refund', 'Can I get a refund for my order? It arrived broken.');
    const before = suggest(ticket, index, { day: DAY, limit: 20 });
    const draft = entry('refund-broken', { title: 'Refund for a broken order', body: 'Sorry it arrived broken: we refund broken orders at once.', questions: ['My order arrived broken, can I get a refund?'], status: 'draft' });
    const result = tryIt(index, draft, ticket, { day: DAY });
    expect(result.rank).toBe(1);
    expect(result.above).toEqual([]);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.notSuggested).toEqual(['draft']);
    // the draft is gone again, and the stored entries rank as before
    expect(index.has('refund-broken')).toBe(false);
    expect(suggest(ticket, index, { day: DAY, limit: 20 }).suggestions.map((s) => [s.entry.id, s.confidence])).toEqual(before.suggestions.map((s) => [s.entry.id, s.confidence]));
  });

  it('uses the edited text of a stored entry, lists the entries above it, and puts the stored one back', () => {
    const index = tryItIndex(stored, []);
    const ticket = pastedTicket('', 'When will my parcel arrive?');
    const edited = { ...stored[0]!, title: 'Refunds and parcels', body: 'We refund parcels that never arrive.', questions: ['Parcel never arrived'] };
    const result = tryIt(index, edited, ticket, { day: DAY });
    expect(result.rank).toBeGreaterThan(1);
    expect(result.above[0]).toMatchObject({ id: 'shipping', title: 'Shipping times' });
    expect(index.get('refund')).toBe(stored[0]);
  });

  it('says when an overdue entry is not shown and ranks it as if reviewed', () => {
    const index = tryItIndex(stored, []);
    const late = { ...stored[1]!, reviewBy: '2026-10-01' };
    const result = tryIt(index, late, pastedTicket('Parcel', 'When will my parcel arrive?'), { day: DAY });
    expect(result.rank).toBe(1);
    expect(result.notSuggested).toEqual(['overdue since 2026-10-02']);
  });
});
