import { describe, expect, it } from 'vitest';
import { knowledgeHealth, measure, type VersionLike } from '../../knowledge/health.ts';
import { entry } from '../store/helpers.ts';
import { shown } from './events.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = '2026-11-23';

describe('measure', () => {
  it('counts approved, in date and owned entries, weighted by 1 + shows, archived left out', () => {
    const entries = [
      entry('ok'),
      entry('nodate', { reviewBy: undefined }),
      entry('draft', { status: 'draft' }),
      entry('overdue', { reviewBy: '2026-11-22' }),
      entry('ownerless', { owner: ' ' }),
      entry('gone', { status: 'archived', owner: '' }),
    ];
    const c = measure(entries, new Map([['ok', 9], ['overdue', 4], ['gone', 100]]), DAY);
    expect(c).toEqual({
      entries: 5,
      healthy: 2,
      notApproved: 1,
      overdue: 1,
      noOwner: 1,
      noReviewDate: 1,
      shows: 13,
      healthyShows: 9,
      weight: 18,
      healthyWeight: 11,
      share: 11 / 18,
    });
  });

  it('has no share without entries', () => {
    expect(measure([], new Map(), DAY).share).toBeNull();
  });
});

describe('knowledgeHealth', () => {
  // "refund" was a draft until 2026-11-10, then approved; "stale" has been overdue since 2026-11-01.
  const refundDraft = entry('refund', { status: 'draft', version: 1 });
  const refund = entry('refund', { version: 2 });
  const stale = entry('stale', { reviewBy: '2026-10-31', version: 1 });
  const versions: VersionLike[] = [
    { id: 'refund', version: 1, at: '2026-09-01T00:00:00Z', entry: refundDraft, change: 'created' },
    { id: 'refund', version: 2, at: '2026-11-10T00:00:00Z', entry: refund, change: 'updated' },
    { id: 'stale', version: 1, at: '2026-10-01T00:00:00Z', entry: stale, change: 'imported' },
    { id: 'removed', version: 1, at: '2026-09-01T00:00:00Z', entry: entry('removed'), change: 'created' },
    { id: 'removed', version: 2, at: '2026-10-20T00:00:00Z', entry: entry('removed', { version: 2 }), change: 'deleted' },
  ];
  const events = [shown('2026-11-20T00:00:00Z', 'refund', 'stale'), shown('2026-11-21T00:00:00Z', 'refund'), shown('2026-10-06T00:00:00Z', 'stale')];
  const health = knowledgeHealth({ entries: [refund, stale], versions, events, now: NOW });
  const week = (end: string) => health.weeks.find((w) => w.end.startsWith(end))!;

  it('gives 12 weeks ending now, the last one from the current entries', () => {
    expect(health.weeks).toHaveLength(12);
    expect(health.weeks[11]).toBe(health.current);
    expect(health.current).toMatchObject({ end: NOW.toISOString(), source: 'current', entries: 2, healthy: 1, shows: 3, weight: 5, healthyWeight: 3, share: 3 / 5 });
    expect(health.weeks[0]!.start).toBe('2026-08-31T10:00:00.000Z');
  });

  it('rebuilds past weeks from the versions saved before each week ended', () => {
    // Week ending 2026-10-12: refund a draft, stale in date and shown once, removed still there.
    expect(week('2026-10-12')).toMatchObject({ source: 'history', entries: 3, healthy: 2, notApproved: 1, shows: 1, share: 3 / 4 });
    // Week ending 2026-11-09: removed gone, stale overdue, refund still a draft.
    expect(week('2026-11-09')).toMatchObject({ source: 'history', entries: 2, healthy: 0, overdue: 1, notApproved: 1, share: 0 });
    // Week ending 2026-11-16: refund approved.
    expect(week('2026-11-16')).toMatchObject({ entries: 2, healthy: 1, share: 1 / 2 });
  });

  it('takes an entry without history as it is now, from its creation, and says so', () => {
    const plain = entry('plain', { createdAt: '2026-11-01T00:00:00Z' });
    const h = knowledgeHealth({ entries: [plain], versions: [], events: [], now: NOW });
    expect(h.weeks.filter((w) => w.source === 'approximate').map((w) => w.end.slice(0, 10))).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(h.weeks[0]).toMatchObject({ source: 'history', entries: 0, share: null });
  });

  it('breaks the current entries down by owner and by tag, least healthy first, with the counts', () => {
    const entries = [
      entry('a', { owner: 'anna', tags: ['billing', 'refunds'] }),
      entry('b', { owner: 'anna', tags: ['billing'], status: 'in_review' }),
      entry('c', { owner: '', tags: [] }),
      entry('d', { owner: 'ben', tags: ['refunds'], status: 'archived' }),
    ];
    const h = knowledgeHealth({ entries, versions: [], events: [shown('2026-11-01T00:00:00Z', 'b')], now: NOW });
    expect(h.byOwner.map((g) => [g.key, g.entries, g.healthy, g.shows, g.share])).toEqual([
      ['', 1, 0, 0, 0],
      ['anna', 2, 1, 1, 1 / 3],
    ]);
    expect(h.byTag.map((g) => [g.key, g.entries, g.healthy, g.share])).toEqual([
      ['', 1, 0, 0],
      ['billing', 2, 1, 1 / 3],
      ['refunds', 1, 1, 1],
    ]);
  });
});
