import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'knowledge/cli/main.ts');

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

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-cli-'));
  writeFileSync(path.join(dir, 'kb.csv'), CSV);
  writeFileSync(path.join(dir, 'queries.jsonl'), QUERIES.map((q) => JSON.stringify(q)).join('\n') + '\n');
  writeFileSync(path.join(dir, 'bad.jsonl'), '{"id":"a","text":"ok"}\nnot json\n');
  return dir;
}

function kb(dir: string, ...args: string[]) {
  const r = spawnSync(TSX, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case spawns tsx: slow on a busy machine, hence the generous timeouts (never asserted on).
describe('kb search / rank / eval', { timeout: 90_000 }, () => {
  const dir = setup();

  it('search prints the best entry with score, confidence and why', () => {
    const r = kb(dir, 'search', 'where is my refund', '--kb', 'kb.csv', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. refund .*score \d+\.\d+ {2}confidence 0\.\d\d/m);
    expect(r.out).toMatch(/why: .*questions: .*refund/);
  });

  it('rank writes one JSON line per query with the abstain decision and results', () => {
    const r = kb(dir, 'rank', '--kb', 'kb.csv', '--queries', 'queries.jsonl', '--top', '2', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; abstain: boolean; results: { id: string; score: number; confidence: number }[] });
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(lines[0]!.results[0]!.id).toBe('refund');
    expect(lines[1]!.results[0]!.id).toBe('password');
    expect(lines.every((l) => l.results.length <= 2 && typeof l.abstain === 'boolean')).toBe(true);
    expect(lines.flatMap((l) => l.results.map((x) => x.id))).not.toContain('draft-gifts');
  });

  it('eval prints top-1, top-3, MRR@10 and precision/coverage', () => {
    const r = kb(dir, 'eval', '--kb', 'kb.csv', '--queries', 'queries.jsonl', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toContain('queries: 4 (3 with a relevant entry)');
    expect(r.out).toContain('top-1: 100.0%');
    expect(r.out).toMatch(/MRR@10: 1\.000/);
    expect(r.out).toMatch(/precision of shown top-1 \d+\.\d%, coverage \d+\.\d%/);
  });

  it('user mistakes go to stderr with a non-zero exit and no stack trace', () => {
    for (const args of [
      ['rank', '--queries', 'queries.jsonl'],
      ['rank', '--kb', 'missing.csv', '--queries', 'queries.jsonl'],
      ['rank', '--kb', 'kb.csv', '--queries', 'bad.jsonl'],
      ['eval', '--kb', 'kb.csv', '--queries', 'bad.jsonl'],
      ['search', '--kb', 'kb.csv'],
      ['rank', '--kb', 'kb.csv', '--queries', 'queries.jsonl', '--top', 'zero'],
    ]) {
      const r = kb(dir, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().length).toBeGreaterThan(0);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(kb(dir, 'rank', '--kb', 'kb.csv', '--queries', 'bad.jsonl').err).toContain('bad.jsonl line 2: not valid JSON');
  }, 180_000);
});

describe('kb demo', { timeout: 90_000 }, () => {
  it('answers the sample tickets and prints a summary', () => {
    const r = kb(ROOT, 'demo', '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/#1001 /);
    expect(r.out).toMatch(/no confident answer/);
    expect(r.out).toMatch(/\d+ of \d+ tickets answered as expected/);
  });
});
