import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../knowledge/cli/main.ts';
import { ev, shown } from './events.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kb-report-'));
const at = (name: string) => path.join(dir, name);
const ndjson = (events: object[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Hand count, 2026-11-23..24: tickets 1-4 shown; 1 and 2 inserted (1 twice); 3 rejected; 5 no answer.
const day1 = '2026-11-23T10:00:00.000Z';
const day2 = '2026-11-24T15:00:00.000Z';
const ana = [
  shown(1, ['refund', 'returns'], { at: day1, agent: 'Ana' }),
  ev('inserted', 1, { at: day1, agent: 'Ana', entryId: 'refund', rank: 1, editRatio: 0, msFromRead: 30_000 }),
  ev('inserted', 1, { at: day1, agent: 'Ana', entryId: 'refund', rank: 1, editRatio: 0.2, msFromRead: 50_000 }),
  shown(2, ['shipping'], { at: day2, agent: 'Ana' }),
  ev('inserted', 2, { at: day2, agent: 'Ana', entryId: 'shipping', rank: 1, editRatio: 0.1, msFromRead: 90_000 }),
];
const ben = [
  shown(3, ['refund'], { at: day1, agent: 'Ben' }),
  ev('rejected', 3, { at: day1, agent: 'Ben', entryId: 'refund', reason: 'outdated' }),
  shown(4, ['returns'], { at: day2, agent: 'Ben' }),
  ev('no_confident_answer', 5, { at: day2, agent: 'Ben', threshold: 0.7 }),
  // outside the range asked for below
  shown(6, ['refund'], { at: '2026-11-30T10:00:00.000Z', agent: 'Ben' }),
];
writeFileSync(at('ana.ndjson'), ndjson(ana) + ndjson([ana[1]!]));
writeFileSync(at('ben.ndjson'), ndjson(ben));
writeFileSync(at('ana-again.ndjson'), ndjson(ana));
writeFileSync(at('broken.ndjson'), ndjson([ben[0]!]) + '{"type":"shown"\n');

describe('kb report', () => {
  it('--format json: totals as a hand count gives them, each event counted once however often it is given', async () => {
    const r = await kb('report', '--events', at('ana.ndjson'), at('ben.ndjson'), at('ana-again.ndjson'), '--from', '2026-11-23', '--to', '2026-11-24', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.duplicates).toBe(6);
    expect(out.range).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' });
    expect(out.totals).toMatchObject({ ticketsShown: 4, ticketsInserted: 2, acceptance: 0.5, inserts: 3, rejected: 1, noConfidentAnswer: 1, medianMsToInsert: 50_000, sample: 'small' });
    expect(out.previousTotals).toMatchObject({ ticketsShown: 0, acceptance: null });
  });

  it('--by agent as a table and as CSV', async () => {
    const table = await kb('report', '--events', at('ana.ndjson'), at('ben.ndjson'), '--to', '2026-11-24', '--by', 'agent');
    expect(table.code).toBe(0);
    expect(table.out).toContain('tickets shown a suggestion');
    expect(table.out).toMatch(/by agent:\nagent\s+tickets shown/);
    const csv = await kb('report', '--events', at('ana.ndjson'), at('ben.ndjson'), '--to', '2026-11-24', '--by', 'agent', '--format', 'csv');
    const rows = csv.out.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toMatch(/^agent,tickets shown,tickets inserted,acceptance,/);
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 4))).toEqual([
      ['Ana', '2', '2', '1'],
      ['Ben', '2', '0', '0'],
    ]);
    const json = JSON.parse((await kb('report', '--events', at('ana.ndjson'), at('ben.ndjson'), '--by', 'week', '--format', 'json')).out);
    expect(json.rows.map((r: { key: string }) => r.key)).toEqual(['2026-W48', '2026-W49']);
  });

  it('leaves out a file with a bad line, naming file and line, and exits 1', async () => {
    const r = await kb('report', '--events', at('broken.ndjson'), at('ana.ndjson'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${at('broken.ndjson')}, line 2`);
    expect(r.err).toContain('left out');
    expect(JSON.parse(r.out).totals.ticketsShown).toBe(2);
  });

  it.each([
    [['report', '--from', '2026-11-01'], '--events'],
    [['report', '--events', at('ana.ndjson'), '--by', 'tag'], '--by tag needs --kb'],
    [['report', '--events', at('ana.ndjson'), '--by', 'colour'], '--by colour'],
    [['report', '--events', at('ana.ndjson'), '--from', '2026-02-30'], '--from 2026-02-30: not a date'],
    [['report', '--events', at('ana.ndjson'), '--format', 'xml'], '--format xml'],
  ])('a wrong call exits 2 with the usage: %j', async (argv, message) => {
    const r = await kb(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('usage: npm run kb -- report');
  });
});
