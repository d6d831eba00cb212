import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { columnReport } from '../../knowledge/reports/column-report.ts';
import { mergeColumns, toColumns } from '../../knowledge/reports/columns.ts';
import { buildReport, type EntryInfo } from '../../knowledge/reports/report.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';
import { ev, shown } from './events.ts';

const REASONS = ['wrong_topic', 'outdated', 'incomplete', 'tone', 'other'] as const;

/** Random events over 8 weeks: few tickets, agents and entries, so groups, repeats and searches ending in inserts all occur. */
function randomEvents(n: number, seed: number): StoredEvent[] {
  const r = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = Date.parse('2026-10-01T00:00:00Z');
  const entryIds = ['refund', 'returns', 'shipping', 'warranty', 'gift', 'gone'];
  const events: StoredEvent[] = [];
  for (let i = 0; i < n; i++) {
    // some events share an instant, so the order within an instant matters too
    const at = new Date(start + Math.floor(r() * 56 * 24) * 3_600_000).toISOString();
    const ticket = 1 + Math.floor(r() * n * 0.3);
    const common = { at, ...(r() < 0.9 ? { agent: pick(['ana', 'ben', 'chen']) } : {}), helpdesk: pick(['zendesk', 'freshdesk']) };
    const entryId = pick(entryIds);
    const x = r();
    if (x < 0.35) events.push(shown(ticket, [...new Set([entryId, pick(entryIds), pick(entryIds)])], common));
    else if (x < 0.6) events.push(ev('inserted', ticket, { ...common, entryId, rank: 1 + Math.floor(r() * 3), editRatio: pick([0, 0.05, 0.1, 0.2, 0.25, 0.5, r()]), ...(r() < 0.8 ? { msFromRead: Math.floor(r() * 300_000) } : {}) }));
    else if (x < 0.68) events.push(ev('copied', ticket, { ...common, entryId, rank: 1 }));
    else if (x < 0.78) events.push(ev('rejected', ticket, { ...common, entryId, reason: pick(REASONS) }));
    else if (x < 0.82) events.push(ev('flagged_outdated', ticket, { ...common, entryId }));
    else if (x < 0.9) events.push(ev('no_confident_answer', ticket, common));
    else events.push(ev('manual_search', ticket, { ...common, queryLength: 9, resultCount: 2, ...(r() < 0.7 ? { chosenEntryId: entryId } : {}) }));
  }
  return events;
}

const entries: EntryInfo[] = [
  { id: 'refund', title: 'Refunds', tags: ['billing', 'returns'], locale: 'en' },
  { id: 'returns', title: 'Returns', tags: ['returns'], locale: 'de' },
  { id: 'shipping', tags: ['shipping', 'shipping'], locale: 'en' },
  { id: 'warranty', title: 'Warranty', tags: [], locale: 'fr' },
  { id: 'gift', title: 'Gift cards', tags: ['billing'], locale: 'en' },
];

/** Stable sort by time: the order a store read gives (time, then recording order), which both must see alike. */
const byTime = (events: StoredEvent[]) => events.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => Date.parse(a.at) - Date.parse(b.at) || i - j).map(([e]) => e);

describe('columnReport', () => {
  it.each([
    [400, 1, { from: '2026-10-29', to: '2026-11-26' }, 30],
    [2000, 2, { from: '2026-11-01', to: '2026-11-15' }, 30],
    [3000, 3, { from: '2026-10-15T12:00:00Z', to: '2026-11-20T06:30:00Z' }, 5],
    [300, 4, { from: '2027-01-01', to: '2027-02-01' }, 30],
  ])('gives exactly what buildReport gives (%i random events, seed %i)', (n, seed, range, minSample) => {
    const events = byTime(randomEvents(n, seed));
    const expected = buildReport(events, range, { entries, minSample });
    const actual = columnReport(toColumns(events), range, { entries, minSample });
    expect(actual).toEqual(expected);
  });

  it('sorts events given out of time order, and computes only the dimensions asked for', () => {
    const events = byTime(randomEvents(500, 9));
    const range = { from: '2026-10-01', to: '2026-12-01' };
    const report = columnReport(toColumns([...events].reverse()), range, { dimensions: ['agent'] });
    expect(Object.keys(report.by)).toEqual(['agent']);
    expect(report.totals).toMatchObject({ ticketsShown: buildReport(events, range).totals.ticketsShown, inserts: buildReport(events, range).totals.inserts });
  });
});

describe('mergeColumns', () => {
  it('merges parts (each sorted by time, overlapping in time) into the columns of all their events', () => {
    const events = randomEvents(3000, 5);
    // Three parts of unequal size over the same weeks, and an empty one, as the store's blocks and loose events are.
    const parts = [events.slice(0, 1700), events.slice(1700, 1701), [], events.slice(1701)].map((p) => toColumns(p));
    const merged = mergeColumns(parts);
    const whole = toColumns(byTime(events));
    expect(merged.n).toBe(whole.n);
    expect(merged.time).toEqual(whole.time);
    const range = { from: '2026-10-15', to: '2026-11-20' };
    expect(columnReport(merged, range, { entries, minSample: 5 })).toEqual(columnReport(whole, range, { entries, minSample: 5 }));
    expect([...merged.tickets].sort()).toEqual([...whole.tickets].sort());
  });

  it('keeps the rows from one index on, and only the strings they use', () => {
    const events = byTime(randomEvents(800, 6));
    const c = toColumns(events);
    const from = 500;
    const kept = mergeColumns([c], from);
    expect(kept).toEqual(toColumns(events.slice(from)));
    expect(kept.tickets.length).toBeLessThan(c.tickets.length);
  });
});
