import { describe, expect, it } from 'vitest';
import { ENTRY_STATUSES, describeWhyNotSuggested, isSuggestable, whyNotSuggested } from '../../knowledge/entry.ts';
import { buildList, countUse, filterList, listFacets, millis, sortList, type ListRow } from '../../knowledge/list.ts';
import { entry } from '../store/helpers.ts';
import { flagged, inserted, rejected, shown } from './events.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('whyNotSuggested', () => {
  it('gives a reason exactly when isSuggestable refuses the entry', () => {
    for (const status of ENTRY_STATUSES) {
      for (const reviewBy of [undefined, '2026-11-22', '2026-11-23', '2027-01-01']) {
        const e = { status, reviewBy };
        expect(whyNotSuggested(e, '2026-11-23').length === 0, `${status} ${reviewBy}`).toBe(isSuggestable(e, '2026-11-23'));
      }
    }
  });

  it('says it in words, with the first day the entry was overdue', () => {
    expect(describeWhyNotSuggested({ status: 'in_review', reviewBy: '2026-10-01' }, '2026-11-23')).toEqual(['in review', 'overdue since 2026-10-02']);
    expect(describeWhyNotSuggested({ status: 'approved', reviewBy: '2026-11-23' }, '2026-11-23')).toEqual([]);
  });
});

describe('buildList', () => {
  const entries = [
    entry('refund', { reviewBy: '2026-12-01' }),
    entry('draft', { status: 'draft', owner: '', tags: ['shipping'] }),
    entry('old', { reviewBy: '2026-11-01', updatedAt: '2026-10-01T00:00:00Z', locale: 'de' }),
    entry('fixed', { updatedAt: '2026-11-20T00:00:00Z' }),
  ];
  const events = [
    shown('2026-11-20T09:00:00Z', 'refund', 'old'),
    shown('2026-11-21T09:00:00+02:00', 'refund'),
    shown('2026-10-01T09:00:00Z', 'fixed'), // outside 30 days, inside 90
    inserted('2026-11-20T09:01:00Z', 'refund'),
    rejected('2026-11-20T09:02:00Z', 'old'),
    flagged('2026-11-20T09:03:00Z', 'old'),
    flagged('2026-11-19T09:03:00Z', 'fixed'), // before its last change: answered
  ];
  const rows = buildList(entries, events, { now: NOW, duplicateIds: new Set(['refund']) });
  const row = (id: string) => rows.find((r) => r.entry.id === id)!;

  it('counts the last 30 days of use per entry', () => {
    expect(row('refund').use).toMatchObject({ shown: 2, inserted: 1, rejected: 0 });
    expect(row('old').use).toMatchObject({ shown: 1, inserted: 0, rejected: 1, flagged: 1 });
    expect(row('fixed').use.shown).toBe(0);
  });

  it('marks due soon, overdue, flagged since the last change, never suggested and duplicates', () => {
    const flags = (r: ListRow) => [r.dueSoon, r.overdue, r.flagged, r.neverSuggested, r.possibleDuplicate, r.notSuggested];
    expect(flags(row('refund'))).toEqual([true, false, false, false, true, []]);
    expect(flags(row('draft'))).toEqual([false, false, false, true, false, ['draft']]);
    expect(flags(row('old'))).toEqual([false, true, true, false, false, ['overdue']]);
    expect(flags(row('fixed'))).toEqual([false, false, false, false, false, []]);
  });

  it('filters on every column the list offers', () => {
    const ids = (f: Parameters<typeof filterList>[1]) => filterList(rows, f).map((r) => r.entry.id);
    expect(ids({ status: ['draft', 'approved'], owner: '' })).toEqual(['draft']);
    expect(ids({ tag: 'shipping' })).toEqual(['draft']);
    expect(ids({ locale: 'de' })).toEqual(['old']);
    expect(ids({ dueSoon: true })).toEqual(['refund']);
    expect(ids({ overdue: true })).toEqual(['old']);
    expect(ids({ flagged: true })).toEqual(['old']);
    expect(ids({ neverSuggested: true })).toEqual(['draft']);
    expect(ids({ possibleDuplicate: true })).toEqual(['refund']);
    expect(ids({ notSuggested: true })).toEqual(['draft', 'old']);
    expect(ids({ notSuggested: 'overdue' })).toEqual(['old']);
    expect(ids({ ids: new Set(['fixed', 'nope']) })).toEqual(['fixed']);
  });

  it('sorts by any column, entries without a review date last either way', () => {
    const order = (key: Parameters<typeof sortList>[1], dir: 'asc' | 'desc' = 'asc') => sortList(rows, key, dir).map((r) => r.entry.id);
    expect(order('shown', 'desc')).toEqual(['refund', 'old', 'draft', 'fixed']);
    expect(order('status')).toEqual(['draft', 'fixed', 'old', 'refund']);
    const noDate = buildList([entry('a', { reviewBy: undefined }), entry('b', { reviewBy: '2027-01-01' }), entry('c', { reviewBy: '2026-01-01' })], [], { now: NOW });
    expect(sortList(noDate, 'reviewBy', 'asc').map((r) => r.entry.id)).toEqual(['c', 'b', 'a']);
    expect(sortList(noDate, 'reviewBy', 'desc').map((r) => r.entry.id)).toEqual(['b', 'c', 'a']);
    expect(order('title', 'desc')).toEqual(['Title of refund', 'Title of old', 'Title of fixed', 'Title of draft'].map((t) => t.slice(9)));
  });

  it('offers the filter values with their counts', () => {
    const facets = listFacets(rows);
    expect(facets.owners).toEqual([
      ['lead@example.com', 3],
      ['', 1],
    ]);
    expect(facets.notSuggested).toEqual([
      ['draft', 1],
      ['overdue', 1],
    ]);
  });
});

describe('countUse', () => {
  it('counts events in [from, to), comparing times with offsets as instants', () => {
    const events = [
      shown('2026-11-01T01:00:00+02:00', 'a'), // 2026-10-31T23:00Z: before the range
      shown('2026-11-01T00:00:00Z', 'a', 'b'),
      inserted('2026-11-07T23:59:59Z', 'a'),
      rejected('2026-11-08T00:00:00Z', 'a'), // the end is excluded
    ];
    const use = countUse(events, '2026-11-01', '2026-11-08');
    expect(use.get('a')).toMatchObject({ shown: 1, inserted: 1, rejected: 0 });
    expect(use.get('b')?.shown).toBe(1);
  });
});

describe('millis', () => {
  it('reads every time as Date.parse does', () => {
    for (const at of ['2026-11-23T10:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-11-23T10:00:00Z', '2026-11-23T12:00:00.000+02:00', '2026-02-30T10:00:00.000Z', '2026-1a-23T10:00:00.000Z', '2026-11-23']) {
      expect(millis(at), at).toBe(Date.parse(at));
    }
  });
});

