import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../knowledge/cli/main.ts';
import { FINDING_KINDS } from '../../knowledge/quality/findings.ts';

const PACK = 'knowledge/sample/pack.json';
const EVENTS = 'knowledge/sample/events.jsonl';

async function kb(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('kb quality', () => {
  it('prints one finding per JSON line with kind, ids and reason, and exits 0 with findings', async () => {
    const r = await kb('quality', '--kb', PACK, '--events', EVENTS, '--day', '2026-11-23', '--format', 'jsonl');
    expect(r.code).toBe(0);
    const lines = r.out.map((l) => JSON.parse(l) as { kind: string; ids: string[]; reason: string; fix: { kind: string } });
    for (const l of lines) {
      expect(FINDING_KINDS).toContain(l.kind);
      expect(l.ids.length).toBeGreaterThan(0);
      expect(l.reason.length).toBeGreaterThan(20);
    }
    const kinds = new Set(lines.map((l) => l.kind));
    for (const k of ['duplicate', 'overdue', 'no_owner', 'flagged', 'most_rejected', 'revision', 'archive_unused']) expect(kinds, k).toContain(k);
    expect(lines.find((l) => l.kind === 'revision')).toMatchObject({ ids: ['returns-costs'], fix: { kind: 'accept_revision' } });
  });

  it('without --events says which findings it cannot know, and calls no entry unused', async () => {
    const r = await kb('quality', '--kb', PACK, '--day', '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Review queue of 90 entries on 2026-11-23: \d+ findings \(duplicates: 2; overdue: 4; no owner: 2\)\.$/);
    expect(r.out[1]).toMatch(/^No --events given/);
    expect(r.out).toContain('Review first (overdue or flagged, most shown to agents in the last 30 days first):');
    expect(r.out.join('\n')).not.toMatch(/not suggested in 90 days|archive\?/i);
  });

  it('judges overdue and due soon on --day', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-quality-'));
    const file = path.join(dir, 'kb.csv');
    writeFileSync(file, ['id,title,body,owner,review_by', 'a,Refunds,Refunds take 5 days.,maria,2026-12-01', 'b,Gift cards,Gift cards never expire.,,2027-06-01'].join('\n'));
    const before = (await kb('quality', '--kb', file, '--day', '2026-11-23', '--format', 'jsonl')).out.map((l) => JSON.parse(l) as { kind: string; ids: string[] });
    expect(before.map((f) => [f.kind, f.ids])).toEqual([
      ['due_soon', ['a']],
      ['no_owner', ['b']],
    ]);
    const after = (await kb('quality', '--kb', file, '--day', '2026-12-02', '--format', 'jsonl')).out.map((l) => JSON.parse(l) as { kind: string });
    expect(after.map((f) => f.kind)).toEqual(['overdue', 'no_owner']);
  });

  it('refuses a bad --format or a missing --kb with the usage (exit 2), and a broken events file naming its line (exit 1)', async () => {
    expect((await kb('quality', '--kb', PACK, '--format', 'csv')).code).toBe(2);
    expect((await kb('quality')).code).toBe(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-quality-'));
    const bad = path.join(dir, 'events.jsonl');
    writeFileSync(bad, '{"type":"shown"}\n');
    const r = await kb('quality', '--kb', PACK, '--events', bad);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/events\.jsonl, line 1/);
  });
});
