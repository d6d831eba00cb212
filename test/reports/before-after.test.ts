import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { compareColumnRanges, compareEvents, comparePilot, compareRanges, NOT_ENOUGH, splitByPilot } from '../../knowledge/reports/before-after.ts';
import { toColumns } from '../../knowledge/reports/columns.ts';
import { bootstrapDifference, bootstrapInterval, mean, median, seededRandom } from '../../knowledge/reports/stats.ts';
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

  it('gives the intervals of the per-value bootstrap (every ticket and insert resampled) within Monte-Carlo noise', () => {
    const [a, b] = [period(0, 1500, '2026-10-05', 0.4, 120_000, 6), period(5000, 1500, '2026-11-09', 0.45, 100_000, 7)];
    const units = (events: StoredEvent[]) => {
      const inserted = events.filter((e) => e.type === 'inserted');
      const tickets = [...new Set(events.map((e) => e.ticketHash))];
      const has = (type: string) => new Set(events.filter((e) => e.type === type).map((e) => e.ticketHash));
      const [ins, rej] = [has('inserted'), has('rejected')];
      return {
        medianMsToInsert: inserted.map((e) => (e as { msFromRead: number }).msFromRead),
        acceptance: tickets.map((t) => (ins.has(t) ? 1 : 0)),
        editRatio: inserted.map((e) => (e as { editRatio: number }).editRatio),
        rejectionRate: tickets.map((t) => (rej.has(t) ? 1 : 0)),
      };
    };
    const [ua, ub] = [units(a), units(b)];
    for (const m of compareEvents(a, b).metrics) {
      const statistic = m.metric === 'medianMsToInsert' ? median : mean;
      const [xs, ys] = [ua[m.metric], ub[m.metric]];
      const close = (got: { low: number | null; high: number | null }, ref: { low: number; high: number }) => {
        const width = ref.high - ref.low;
        expect(Math.abs(got.low! - ref.low), `${m.metric} low`).toBeLessThan(0.08 * width);
        expect(Math.abs(got.high! - ref.high), `${m.metric} high`).toBeLessThan(0.08 * width);
      };
      close(m.baseline, bootstrapInterval(xs, statistic, { seed: 1 }));
      close(m.comparison, bootstrapInterval(ys, statistic, { seed: 2 }));
      close(m.difference, bootstrapDifference(xs, ys, statistic, { seed: 3 }));
    }
  });
});
