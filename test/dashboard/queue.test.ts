import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { reviewQueue } from '../../knowledge/quality/queue.ts';
import { findingLine, type Finding } from '../../knowledge/quality/findings.ts';
import { entry } from '../store/helpers.ts';
import { flagged, inserted, rejected, shown } from './events.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
const ofKind = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

const refund = entry('refund', {
  title: 'How long does a refund take?',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days.',
  questions: ['When will I be refunded?', 'How long until I get my money back?'],
  tags: ['refunds'],
  owner: 'maria@example.com',
});
const refundCopy = entry('refund-copy', {
  title: 'How long does a refund take? (new)',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days. Bank transfers take 2 days.',
  questions: ['How long until I get my money back'],
  tags: ['refunds'],
  status: 'in_review',
  owner: '',
});

describe('reviewQueue', () => {
  it('finds a near duplicate and offers to merge it into the entry agents are shown', () => {
    const q = reviewQueue({ entries: [refundCopy, refund], events: [shown(at(2), 'refund')], now: NOW });
    const [dup] = ofKind(q.findings, 'duplicate');
    expect(dup).toMatchObject({ ids: ['refund', 'refund-copy'], fix: { kind: 'merge', keep: 'refund', archive: ['refund-copy'] }, shown30: 1 });
    expect(dup!.reason).toMatch(/^refund and refund-copy look like duplicates \(\d+% alike\)/);
    expect(dup!.also.at(-1)).toEqual({ kind: 'dismiss', label: 'Dismiss', key: 'duplicate:refund|refund-copy' });
  });

  it('names a shared example question and offers to remove it from the entry shown less', () => {
    const a = entry('a', { title: 'Parcel tracking', body: 'Follow the link in the email.', questions: ['Where is my parcel?'] });
    const b = entry('b', { title: 'Delivery times', body: 'Two to three working days.', questions: ['where is my parcel'] });
    const q = reviewQueue({ entries: [a, b], events: [shown(at(1), 'b')], now: NOW });
    expect(ofKind(q.findings, 'shared_question')).toMatchObject([
      { ids: ['b', 'a'], reason: '"Where is my parcel?" is an example question of b and a: search cannot tell them apart for it.', fix: { kind: 'remove_question', id: 'a', question: 'Where is my parcel?' } },
    ]);
  });

  it('lists overdue and due-soon entries with a one-click "still correct" and ranks what to review first by shows', () => {
    const entries = [
      entry('old-unused', { reviewBy: '2026-11-01' }),
      entry('old-used', { reviewBy: '2026-11-20' }),
      entry('soon', { reviewBy: '2026-12-01' }),
      entry('later', { reviewBy: '2026-12-31' }),
      entry('flag', { reviewBy: '2027-06-01', updatedAt: '2026-10-01T00:00:00Z' }),
    ];
    const events = [shown(at(3), 'old-used', 'flag'), shown(at(4), 'old-used'), shown(at(40), 'old-unused'), flagged(at(5), 'flag')];
    const q = reviewQueue({ entries, events, now: NOW });
    expect(ofKind(q.findings, 'overdue').map((f) => f.ids[0])).toEqual(['old-used', 'old-unused']);
    expect(ofKind(q.findings, 'due_soon')).toMatchObject([{ ids: ['soon'], fix: { kind: 'bulk', ids: ['soon'], action: { kind: 'set_review_date', reviewBy: '2027-05-22' } } }]);
    expect(q.reviewFirst).toEqual(['overdue:old-used:2026-11-20', `flagged:flag:${at(5)}`, 'overdue:old-unused:2026-11-01']);
    expect(q.findings.slice(0, 3).map((f) => f.key)).toEqual(q.reviewFirst);
    expect(ofKind(q.findings, 'overdue')[0]!.reason).toBe('old-used is overdue: its review date 2026-11-20 has passed, so agents are not shown it until it is reviewed. Agents were shown it twice in the last 30 days.');
  });

  it('offers an ownerless entry to the owner of its category, or to the lead', () => {
    const entries = [entry('cat-a', { tags: ['returns'], owner: 'maria@example.com' }), entry('orphan', { tags: ['returns'], owner: '' }), entry('alone', { tags: ['rare'], owner: '' })];
    const q = reviewQueue({ entries, events: [], now: NOW, lead: 'Lea Lead' });
    expect(ofKind(q.findings, 'no_owner').map((f) => f.fix)).toEqual([
      { kind: 'bulk', label: 'Assign to Lea Lead', ids: ['alone'], action: { kind: 'assign_owner', owner: 'Lea Lead' } },
      { kind: 'bulk', label: 'Assign to maria@example.com', ids: ['orphan'], action: { kind: 'assign_owner', owner: 'maria@example.com' } },
    ]);
  });

  it('names suggestable entries not shown in 90 days (not new ones) and proposes archiving the unused overdue ones in bulk', () => {
    const entries = [
      entry('quiet', { createdAt: '2026-01-01T00:00:00Z' }),
      entry('new', { createdAt: '2026-11-01T00:00:00Z' }),
      entry('busy', { createdAt: '2026-01-01T00:00:00Z' }),
      entry('stale-1', { reviewBy: '2026-06-30' }),
      entry('stale-2', { reviewBy: '2026-03-31' }),
      entry('stale-shown', { reviewBy: '2026-06-30' }),
      entry('recently-overdue', { reviewBy: '2026-11-01' }),
    ];
    const q = reviewQueue({ entries, events: [shown(at(10), 'busy'), shown(at(80), 'stale-shown')], now: NOW });
    expect(ofKind(q.findings, 'never_suggested').map((f) => f.ids[0])).toEqual(['quiet']);
    expect(ofKind(q.findings, 'archive_unused')).toMatchObject([{ ids: ['stale-1', 'stale-2'], fix: { kind: 'bulk', ids: ['stale-1', 'stale-2'], action: { kind: 'archive' } } }]);
  });

  it('ranks the most rejected entries with their reasons and notes, counting only rejections since the last change', () => {
    const a = entry('a', { updatedAt: '2026-11-01T00:00:00Z' });
    const b = entry('b', { updatedAt: '2026-11-01T00:00:00Z' });
    const note = (ev: StoredEvent, text: string): StoredEvent => ({ ...ev, note: text }) as StoredEvent;
    const events = [
      rejected(at(40), 'a'),
      rejected(at(29), 'a'), // within 30 days, but before a changed on 2026-11-01: answered by that change
      rejected(at(5), 'a'),
      note(rejected(at(4), 'a'), 'price is now [card]-free'),
      { ...rejected(at(3), 'a'), reason: 'wrong_topic' } as StoredEvent,
      rejected(at(2), 'b'),
      rejected(at(2), 'b'),
      shown(at(6), 'a'),
    ];
    const q = reviewQueue({ entries: [a, b], events, now: NOW });
    const found = ofKind(q.findings, 'most_rejected');
    expect(found.map((f) => f.ids[0])).toEqual(['a']);
    expect(found[0]!.rejections).toEqual({ total: 3, shown: 1, byReason: [{ reason: 'outdated', count: 2 }, { reason: 'wrong_topic', count: 1 }], notes: [{ at: at(4), note: 'price is now [card]-free' }] });
    expect(found[0]!.reason).toBe('Agents rejected a 3 times in the last 30 days (shown once): outdated 2, wrong topic 1. Notes: "price is now [card]-free".');
  });

  it('shows flags made after the entry last changed, with their notes', () => {
    const e = entry('e', { updatedAt: '2026-11-10T00:00:00Z' });
    const events = [flagged(at(20), 'e'), { ...flagged(at(2), 'e'), note: 'the fee is 5.90 now' } as StoredEvent];
    const q = reviewQueue({ entries: [e], events, now: NOW });
    expect(ofKind(q.findings, 'flagged')).toMatchObject([{ ids: ['e'], flags: { total: 1 }, reason: `Agents flagged e as outdated once since its last change (last on ${at(2).slice(0, 10)}). Notes: "the fee is 5.90 now".` }]);
  });

  it('offers the typical agents\' edit as a revision to accept, and leaves dismissed findings out', () => {
    const e = entry('returns', { body: 'Returns are free within 30 days. Print the label in your account.', owner: 'maria@example.com', updatedAt: '2026-11-01T00:00:00Z' });
    const edit = (daysAgo: number, ratio: number, extra: object[] = []): StoredEvent =>
      ({ ...inserted(at(daysAgo), 'returns', ratio), edits: [{ before: 'free within ', removed: '30', added: '60', after: ' days. Print' }, ...extra] }) as StoredEvent;
    const events = [edit(5, 0.25), edit(4, 0.3, [{ before: 'Hi ', removed: '', added: '[name] ', after: 'Returns' }]), edit(3, 0.22), inserted(at(2), 'returns', 0), edit(40, 0.5)];
    const q = reviewQueue({ entries: [e], events, now: NOW });
    const [rev] = ofKind(q.findings, 'revision');
    expect(rev!.fix).toEqual({ kind: 'accept_revision', label: 'Accept the agents\u2019 edit as a new version', id: 'returns', baseVersion: 1, body: 'Returns are free within 60 days. Print the label in your account.' });
    expect(rev!.reason).toBe('Agents change returns before inserting it (3 of 4 inserts since its last change were edited by 26% on average); the typical edit: "within 30 days." → "within 60 days.". Offered to maria@example.com as a revision.');
    const again = reviewQueue({ entries: [e], events, now: NOW, dismissed: new Set([rev!.key]) });
    expect(ofKind(again.findings, 'revision')).toEqual([]);
    expect(again.dismissed).toBe(1);
  });

  it('writes each finding as one JSON line with kind, ids and reason', () => {
    const q = reviewQueue({ entries: [entry('x', { owner: '' })], events: [], now: NOW });
    expect(JSON.parse(JSON.stringify(findingLine(q.findings[0]!)))).toMatchObject({ kind: 'no_owner', ids: ['x'], reason: expect.stringContaining('x has no owner') });
  });
});
