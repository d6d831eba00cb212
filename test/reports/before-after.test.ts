import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { compareColumnRanges, compareEvents, comparePilot, compareRanges, NOT_ENOUGH, splitByPilot } from '../../knowledge/reports/before-after.ts';
import { toColumns } from '../../knowledge/reports/columns.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';
import { ev, shown } from './events.ts';

/** n tickets from `first` on `day`: each shown, inserted with probability pInsert after ~msMean, rejected otherwise. */
function period(first: number, n: number, day: string, pInsert: number, msMean: number, seed: number, entryId = 'refund'): StoredEvent[] {
  const r = seededRandom(seed);
  const out: StoredEvent[] = [];
  for (let i = 0; i < n; i++) {
    const at = `${day}T10:00:00.000Z`;
    out.push(shown(first + i, [entryId], { at }));
    if (r() < pInsert) out.push(ev('inserted', first + i, { entryId, rank: 1, editRatio: r() * 0.4, msFromRead: Math.round(msMean * (0.5 + r())), at }));
    else out.push(ev('rejected', first + i, { entryId, reason: 'wrong_topic', at }));
  }
  return out;
}

describe('before and after', () => {
  const before = period(0, 200, '2026-10-05', 0.4, 120_000, 1);
  const after = period(1000, 200, '2026-11-09', 0.7, 60_000, 2);

  it('shows an effect with its interval and sample size', () => {
    const result = compareEvents(before, after);
    const get = (m: string) => result.metrics.find((x) => x.metric === m)!;
    const acceptance = get('acceptance');
    expect(acceptance.enough).toBe(true);
    expect(acceptance.baseline.n).toBe(200);
    expect(acceptance.baseline.low!).toBeLessThan(acceptance.baseline.value!);
    expect(acceptance.baseline.high!).toBeGreaterThan(acceptance.baseline.value!);
    expect(acceptance.difference.low!).toBeGreaterThan(0.1);
    expect(acceptance.difference.value!).toBeGreaterThan(acceptance.difference.low!);
    const time = get('medianMsToInsert');
    expect(time.difference.high!).toBeLessThan(0);
    expect(time.comparison.n).toBe(after.filter((e) => e.type === 'inserted').length);
    expect(get('rejectionRate').difference.high!).toBeLessThan(0);
    // no change in edit ratio was planted: its interval holds zero
    expect(get('editRatio').difference.low!).toBeLessThan(0);
    expect(get('editRatio').difference.high!).toBeGreaterThan(0);
  });

  it('is reproducible: the same seed gives the same intervals', () => {
    expect(compareEvents(before, after, { seed: 5 })).toEqual(compareEvents(before, after, { seed: 5 }));
  });

  it('says "not enough data yet" below the minimum sample, with the sizes', () => {
    const result = compareEvents(period(0, 20, '2026-10-05', 0.4, 1000, 3), after);
    const acceptance = result.metrics.find((m) => m.metric === 'acceptance')!;
    expect(acceptance).toMatchObject({ enough: false, message: NOT_ENOUGH, baseline: { value: null, n: 20 }, comparison: { value: null, n: 200 } });
  });

  it('compares two periods, cut from the same events', () => {
    const result = compareRanges([...before, ...after], { from: '2026-10-01', to: '2026-11-01' }, { from: '2026-11-01', to: '2026-12-01' });
    expect(result.metrics.find((m) => m.metric === 'acceptance')!.baseline.n).toBe(200);
  });

  it('gives the same comparison from report columns (what the dashboard keeps) as from the events', () => {
    const [p1, p2] = [{ from: '2026-10-01', to: '2026-11-01' }, { from: '2026-11-01', to: '2026-12-01' }];
    const other = ev('copied', 5000, { entryId: 'refund', rank: 1, at: '2026-11-09T09:00:00.000Z' });
    expect(compareColumnRanges(toColumns([...after, other, ...before]), p1, p2)).toEqual(compareEvents(before, after));
  });

  it('takes a pilot group of tags or entries, all events of its tickets', () => {
    const entries = [{ id: 'refund', tags: ['billing'], locale: 'en' }, { id: 'tent', tags: ['gear'], locale: 'en' }];
    const pilot = period(0, 40, '2026-11-10', 0.9, 60_000, 4, 'refund');
    const rest = period(500, 40, '2026-11-10', 0.3, 60_000, 5, 'tent');
    const split = splitByPilot([...pilot, ...rest], { tags: ['billing'] }, entries);
    expect(split.pilot).toHaveLength(pilot.length);
    expect(splitByPilot([...pilot, ...rest], { entryIds: ['tent'] }, entries).pilot).toHaveLength(rest.length);
    const result = comparePilot([...pilot, ...rest], { from: '2026-11-01', to: '2026-12-01' }, { tags: ['billing'] }, entries);
    expect(result.metrics.find((m) => m.metric === 'acceptance')!.difference.low!).toBeGreaterThan(0.3);
  });
});
