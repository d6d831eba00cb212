import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, previousRange, reportTables, tableToCsv, type EntryInfo } from '../../knowledge/reports/index.ts';
import { ev, shown } from './events.ts';

const entries: EntryInfo[] = [
  { id: 'refund', title: '=HYPERLINK("http://evil.example","Refunds")', tags: ['billing'], locale: 'en' },
  { id: 'returns', title: 'Returns', tags: ['returns', 'shipping'], locale: 'de' },
];
const at = (day: string, time = '10:00') => `${day}T${time}:00.000Z`;

/** A scripted fortnight; the numbers in the tests are counted by hand from it. */
const events = [
  shown(1, ['refund', 'returns'], { agent: 'ana' }),
  ev('inserted', 1, { entryId: 'refund', rank: 1, editRatio: 0, msFromRead: 30_000, agent: 'ana' }),
  ev('copied', 1, { entryId: 'refund', rank: 1, agent: 'ana' }),
  shown(2, ['returns', 'refund'], { agent: 'ana' }),
  ev('inserted', 2, { entryId: 'refund', rank: 2, editRatio: 0.3, msFromRead: 60_000, agent: 'ana' }),
  shown(3, ['refund'], { agent: 'ben' }),
  ev('rejected', 3, { entryId: 'refund', rank: 1, reason: 'wrong_topic', agent: 'ben' }),
  shown(4, ['returns'], { agent: 'ben' }),
  ev('flagged_outdated', 4, { entryId: 'returns', agent: 'ben' }),
  ev('rejected', 4, { entryId: 'returns', reason: 'outdated', agent: 'ben' }),
  ev('no_confident_answer', 5, { agent: 'ben' }),
  ev('manual_search', 6, { queryLength: 12, resultCount: 3, chosenEntryId: 'refund', at: at('2026-11-24', '10:00') }),
  ev('inserted', 6, { entryId: 'refund', rank: 1, editRatio: 0.05, msFromRead: 90_000, at: at('2026-11-24', '10:01') }),
  ev('manual_search', 7, { queryLength: 5, resultCount: 0 }),
  shown(8, ['returns'], { agent: 'ana', helpdesk: 'freshdesk', at: at('2026-12-01') }),
  ev('inserted', 8, { entryId: 'returns', rank: 1, editRatio: 0.6, msFromRead: 120_000, agent: 'ana', helpdesk: 'freshdesk', at: at('2026-12-01') }),
  // the range before
  shown(9, ['refund'], { agent: 'ana', at: at('2026-11-16') }),
  // after the range: never counted
  shown(10, ['refund'], { at: at('2026-12-07') }),
];
const range = { from: '2026-11-23', to: '2026-12-07' };

describe('buildReport', () => {
  it('counts what a hand count gives', () => {
    const r = buildReport(events, range, { entries, minSample: 3 });
    const m = r.totals;
    expect(m.ticketsShown).toBe(5);
    expect(m.ticketsInserted).toBe(3);
    expect(m.acceptance).toEqual({ value: 0.6, n: 5, status: 'ok' });
    expect(m.inserts).toBe(4);
    expect(m.firstSuggestionShare.value).toBe(0.75);
    expect([m.copies, m.ticketsCopied]).toEqual([1, 1]);
    expect(m.editRatio.median.value).toBeCloseTo(0.175, 12);
    expect(m.editRatio.histogram.map((b) => b.count)).toEqual([1, 1, 0, 1, 1]);
    expect(m.rejections).toBe(2);
    expect(m.rejectionsByReason).toMatchObject({ wrong_topic: 1, outdated: 1, incomplete: 0 });
    expect(m.rejectionRate.value).toBe(0.4);
    expect(m.flags).toBe(1);
    expect(m.noConfidentAnswerRate).toMatchObject({ value: 1 / 6, n: 6 });
    expect([m.manualSearches, m.manualSearchesInserted, m.manualSearchInsertRate.value]).toEqual([2, 1, 0.5]);
    expect(m.msToInsert.median.value).toBe(75_000);
    expect(m.msToInsert.p90.value).toBe(111_000);
  });

  it('compares with the range of the same length before', () => {
    expect(previousRange(range)).toEqual({ from: '2026-11-09T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' });
    const r = buildReport(events, range, { entries, minSample: 3 });
    expect(r.previousTotals.ticketsShown).toBe(1);
    expect(r.previousTotals.acceptance).toEqual({ value: 0, n: 1, status: 'small' });
  });

  it('groups by entry, tag, locale, agent, helpdesk and week', () => {
    const r = buildReport(events, range, { entries, minSample: 3 });
    const row = (dim: keyof typeof r.by, key: string) => r.by[dim].find((x) => x.key === key)!;
    expect(row('entry', 'refund').current).toMatchObject({ ticketsShown: 3, ticketsInserted: 2, inserts: 3, rejections: 1, manualSearches: 1, manualSearchesInserted: 1 });
    expect(row('entry', 'refund').label).toContain('Refunds');
    expect(row('entry', 'refund').previous.ticketsShown).toBe(1);
    expect(row('entry', 'returns').current).toMatchObject({ ticketsShown: 4, ticketsInserted: 1, flags: 1 });
    expect(row('entry', '(none)').current).toMatchObject({ ticketsNoConfidentAnswer: 1, manualSearches: 1 });
    expect(row('tag', 'billing').current.ticketsShown).toBe(3);
    expect(row('tag', 'shipping').current.ticketsShown).toBe(4);
    expect(row('locale', 'de').current.ticketsInserted).toBe(1);
    expect(row('agent', 'ana').current).toMatchObject({ ticketsShown: 3, ticketsInserted: 3 });
    expect(row('agent', 'ben').current).toMatchObject({ ticketsShown: 2, ticketsInserted: 0, ticketsNoConfidentAnswer: 1 });
    expect(row('agent', '(unknown)').current.manualSearches).toBe(2);
    expect(row('helpdesk', 'freshdesk').current.ticketsShown).toBe(1);
    expect(r.by.week.map((w) => [w.key, w.current.ticketsShown])).toEqual([['2026-W48', 4], ['2026-W49', 1]]);
    // returns is edited more (0.6) but on one insert: entries with enough inserts come first
    expect(r.mostEdited.map((e) => [e.entryId, e.meanEditRatio.status])).toEqual([['refund', 'ok'], ['returns', 'small']]);
    expect(r.mostEdited[0]!.meanEditRatio.value).toBeCloseTo(0.35 / 3, 12);
  });

  it('flags small samples and empty ranges instead of giving numbers', () => {
    const small = buildReport(events, range, { entries });
    expect(small.totals.acceptance.status).toBe('small');
    expect(small.totals.msToInsert.p90).toMatchObject({ n: 4, status: 'small' });
    const empty = buildReport(events, { from: '2025-01-01', to: '2025-02-01' });
    expect(empty.empty).toBe(true);
    expect(empty.totals.acceptance).toEqual({ value: null, n: 0, status: 'empty' });
    expect(empty.totals.msToInsert.median.value).toBeNull();
    expect(empty.by.entry).toEqual([]);
  });

  it('counts a manual search as ending in an insert only when the chosen entry is inserted after it, on that ticket', () => {
    const m = buildReport(
      [
        ev('inserted', 20, { entryId: 'refund', rank: 1, editRatio: 0, at: at('2026-11-24', '09:00') }),
        ev('manual_search', 20, { queryLength: 4, resultCount: 1, chosenEntryId: 'refund', at: at('2026-11-24', '09:05') }),
        ev('manual_search', 21, { queryLength: 4, resultCount: 1, chosenEntryId: 'refund', at: at('2026-11-24', '09:05') }),
        ev('inserted', 21, { entryId: 'returns', rank: 1, editRatio: 0, at: at('2026-11-24', '09:06') }),
        ev('manual_search', 22, { queryLength: 4, resultCount: 1, chosenEntryId: 'refund', at: at('2026-11-24', '09:05') }),
        ev('inserted', 22, { entryId: 'refund', rank: 1, editRatio: 0, at: at('2026-11-24', '09:05') }),
      ],
      range,
    ).totals;
    expect([m.manualSearches, m.manualSearchesInserted]).toEqual([3, 1]);
  });

  it('names a bad range', () => {
    expect(() => buildReport(events, { from: '2026-13-45', to: '2026-12-01' })).toThrow(/from "2026-13-45" is not a date/);
    expect(() => buildReport(events, { from: '2026-12-01', to: '2026-11-01' })).toThrow(/must be after/);
  });
});

describe('report tables as CSV', () => {
  it('exports every table with formula-like cells escaped, numbers left alone', () => {
    const tables = reportTables(buildReport(events, range, { entries, minSample: 3 }));
    expect(tables.map((t) => t.name)).toEqual([
      'totals', 'by entry', 'by agent', 'by helpdesk', 'by tag', 'by locale', 'by week',
      'edit ratio distribution', 'rejections by reason', 'most edited entries',
    ]);
    const csv = tableToCsv(tables.find((t) => t.name === 'by entry')!);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    const refund = rows.find((r) => r[0] === 'refund')!;
    expect(refund[1]).toBe(`'=HYPERLINK("http://evil.example","Refunds")`);
    expect(rows[0]).toContain('acceptance');
    expect(refund[rows[0]!.indexOf('acceptance')]).toBe('0.667');
    const small = tableToCsv(tables.find((t) => t.name === 'totals')!);
    expect(small).toContain('small sample');
  });
});
