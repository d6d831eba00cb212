import { describe, expect, it } from 'vitest';
import { ListSearch } from '../../knowledge/list-search.ts';
import { entry } from '../store/helpers.ts';

const ids = (m: ReadonlyMap<string, number> | undefined) => [...(m ?? new Map()).keys()];

describe('ListSearch (the knowledge list\u2019s search box)', () => {
  const entries = [
    entry('refund', { title: 'Refund policy', body: 'Money back within 30 days.', status: 'draft' }),
    entry('ship', { title: 'Shipping times', body: 'Parcels arrive in a week; lost parcels are refunded.', status: 'archived' }),
    entry('pw', { title: 'Reset your password', body: 'Use the link on the sign-in page.', reviewBy: '2020-01-01' }),
  ];

  it('finds entries of every status and date with the agents\u2019 engine: stems, typos, title first', () => {
    const s = new ListSearch();
    s.setEntries(entries);
    expect(s.sync()).toBe(true);
    expect(ids(s.search('refunds'))).toEqual(['refund', 'ship']);
    expect(ids(s.search('pasword reset'))).toEqual(['pw']);
    expect(s.search('   ')).toBeUndefined();
  });

  it('finds a half-typed word or an id in titles and ids before the index is built', () => {
    const s = new ListSearch();
    s.setEntries(entries);
    expect(s.ready).toBe(false);
    expect(ids(s.search('shipp'))).toEqual(['ship']);
    expect(ids(s.search('PW'))).toEqual(['pw']);
  });

  it('indexes in steps, and again only what changed or went', () => {
    const s = new ListSearch();
    s.setEntries(entries);
    expect(s.sync(() => true)).toBe(false); // one entry per step when time is always up
    expect(s.size).toBe(1);
    while (!s.sync(() => true));
    expect(s.size).toBe(3);
    // A reload gives new objects at the same versions: nothing to do.
    s.setEntries(entries.map((e) => ({ ...e })));
    expect(s.ready).toBe(true);
    s.setEntries([{ ...entries[0]!, body: 'Returns are free.', version: 2, updatedAt: '2026-02-01T00:00:00Z' }, entries[2]!]);
    expect(s.ready).toBe(false);
    s.sync();
    expect(s.size).toBe(2);
    expect(ids(s.search('parcels'))).toEqual([]);
    expect(ids(s.search('returns'))).toEqual(['refund']);
  });
});
