import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { exitQuietlyOnBrokenPipe } from '../../knowledge/cli/io.ts';
import { main } from '../../knowledge/cli/main.ts';

const ROOT = path.resolve(__dirname, '../..');

const CSV = [
  'id,title,body,questions,tags,status,review_by',
  'refund,Refund for a returned order,Refunds are paid within 5 business days.,"When do I get my money back?\nWhere is my refund?",returns,approved,2027-12-31',
  'tracking,Where is my order?,Follow the tracking link in the shipping email.,"My package has not arrived\nHow can I track my parcel?",shipping,approved,2027-12-31',
  'password,Resetting your password,"Use ""Forgot password"" on the login page.","I forgot my password\nI cannot log in",accounts,approved,2027-12-31',
  'draft-gifts,Gift cards,Gift cards work at checkout.,Can I pay with a gift card?,,draft,2027-12-31',
].join('\n');

const QUERIES = [
  { id: 'q1', text: 'where is my refund, I returned the parcel', relevant: ['refund'] },
  { id: 'q2', text: 'forgot my password and cannot log in', relevant: ['password'] },
  { id: 'q3', text: 'my package has not arrived, how do I track it', relevant: ['tracking'] },
  { id: 'q4', text: 'do you sell gift cards', relevant: [] },
];

const dir = mkdtempSync(path.join(tmpdir(), 'kb-cli-'));
writeFileSync(path.join(dir, 'kb.csv'), CSV);
writeFileSync(path.join(dir, 'queries.jsonl'), QUERIES.map((q) => JSON.stringify(q)).join('\n') + '\n');
writeFileSync(path.join(dir, 'bad.jsonl'), '{"id":"a","text":"ok"}\nnot json\n');
const at = (name: string) => path.join(dir, name);

/** The CLI in this process: main() with argv and its output captured. */
async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kb search / rank / eval', () => {
  it('search prints the best entry with score, confidence and why', async () => {
    const r = await kb('search', 'where is my refund', '--kb', at('kb.csv'), '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. refund .*score \d+\.\d+ {2}confidence \d+% \((high|medium|low)\)/m);
    expect(r.out).toMatch(/why: .*questions: .*refund/);
  });

  it('rank writes one JSON line per query with the abstain decision and results', async () => {
    const r = await kb('rank', '--kb', at('kb.csv'), '--queries', at('queries.jsonl'), '--top', '2', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { id: string; abstain: boolean; results: { id: string; score: number; confidence: number }[] });
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(lines[0]!.results[0]!.id).toBe('refund');
    expect(lines[1]!.results[0]!.id).toBe('password');
    expect(lines.every((l) => l.results.length <= 2 && typeof l.abstain === 'boolean')).toBe(true);
    expect(lines.flatMap((l) => l.results.map((x) => x.id))).not.toContain('draft-gifts');
  });

  it('search names the matching entries agents are not shown, and why', async () => {
    const r = await kb('search', 'can I pay with a gift card', '--kb', at('kb.csv'), '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('No approved entry matches');
    expect(r.out).toMatch(/^Not suggested \(matches, but agents are not shown it\):\n- draft-gifts {2}"Gift cards" {2}score \d+\.\d+: draft$/m);
    // after every review date: nothing is suggested, and each entry says since when
    const late = await kb('search', 'where is my refund', '--kb', at('kb.csv'), '--day', '2028-01-02');
    expect(late.out).toMatch(/^No entry that agents are shown matches "where is my refund"\.$/m);
    expect(late.out).toMatch(/^- refund {2}"Refund for a returned order" {2}score \d+\.\d+: overdue since 2028-01-01$/m);
  });

  it('rank lists the withheld entries among the best matches with their reasons', async () => {
    const r = await kb('rank', '--kb', at('kb.csv'), '--queries', at('queries.jsonl'), '--day', '2026-11-23');
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { id: string; notSuggested?: { id: string; reasons: string[] }[] });
    expect(lines.find((l) => l.id === 'q4')!.notSuggested).toEqual([{ id: 'draft-gifts', reasons: ['draft'] }]);
    expect(lines.find((l) => l.id === 'q2')!.notSuggested).toBeUndefined();
  });

  it('eval prints top-1, top-3, MRR@10 and precision/coverage', async () => {
    const r = await kb('eval', '--kb', at('kb.csv'), '--queries', at('queries.jsonl'), '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toContain('queries: 4 (3 with a relevant entry)');
    expect(r.out).toContain('top-1: 100.0%');
    expect(r.out).toMatch(/MRR@10: 1\.000/);
    expect(r.out).toMatch(/precision of shown top-1 \d+\.\d%, coverage \d+\.\d%/);
  });

  it.each([
    [['rank', '--queries', at('queries.jsonl')], 2, '--kb is required'],
    [['search', '--kb', at('kb.csv')], 2, 'no search text given'],
    [['rank', '--kb', at('kb.csv'), '--queries', at('queries.jsonl'), '--top', 'zero'], 2, '--top zero: expected a whole number'],
    [['rank', '--kb', at('missing.csv'), '--queries', at('queries.jsonl')], 1, 'missing.csv: no such file or folder'],
    [['rank', '--kb', at('kb.csv'), '--queries', at('bad.jsonl')], 1, 'bad.jsonl line 2: not valid JSON'],
    [['eval', '--kb', at('kb.csv'), '--queries', at('bad.jsonl')], 1, 'bad.jsonl line 1, relevant: expected a list of entry ids'],
  ])('%j is a user mistake: a message on stderr, exit %i', async (argv, code, message) => {
    const r = await kb(...argv);
    expect(r).toMatchObject({ code, out: '' });
    expect(r.err).toContain(message);
    expect(r.err.includes('usage: npm run kb -- ')).toBe(code === 2);
  });
});

describe('kb demo', () => {
  it('answers the sample tickets and prints a summary', async () => {
    const r = await kb('demo', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/#1001 /);
    expect(r.out).toMatch(/no confident answer/);
    expect(r.out).toMatch(/\d+ of \d+ tickets answered as expected/);
  });
});

describe('kb output into a pipe that closes early', () => {
  it('a broken pipe (EPIPE) on stdout exits 0 quietly; any other stream error still throws', () => {
    const stdout = new EventEmitter();
    const exit = vi.fn();
    exitQuietlyOnBrokenPipe(stdout, exit);
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exit).toHaveBeenCalledWith(0);
    expect(() => stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))).toThrow('EIO');
  });

  // The one spawn of the real command: `npm run kb -- rank … | head -n 1`, with far more
  // output than a pipe holds, so rank keeps writing after head has gone.
  it('`npm run kb -- rank … | head -n 1` prints one line and exits 0 without an EPIPE crash', { timeout: 120_000 }, async () => {
    const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `q${i}`, text: QUERIES[i % 4]!.text })).join('\n');
    writeFileSync(at('many.jsonl'), many);
    const pipeline = `set -o pipefail; npm run --silent kb -- rank --kb '${at('kb.csv')}' --queries '${at('many.jsonl')}' --day 2026-11-23 | head -n 1`;
    const r = await promisify(execFile)('bash', ['-c', pipeline], { cwd: ROOT }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r).toMatchObject({ stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'q0', abstain: expect.any(Boolean) });
    expect('code' in r ? r.code : 0).toBe(0);
  });
});
