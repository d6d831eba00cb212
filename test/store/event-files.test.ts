import { describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { exportEventChunks, exportEvents, exportFileName } from '../../knowledge/store/event-files.ts';
import { importEventFilesToStore } from '../../knowledge/store/event-import.ts';
import { countEvents } from '../../knowledge/store/event-blocks.ts';
import { listEvents, recordEvent } from '../../knowledge/store/events.ts';
import { getSettings } from '../../knowledge/store/settings.ts';
import { ev } from '../reports/events.ts';
import { dbPerTest } from './helpers.ts';

const db = dbPerTest();

const ticket = { helpdesk: 'zendesk', id: '77' };

async function agentWithEvents(n: number): Promise<KnowledgeDb> {
  const d = db();
  for (let i = 0; i < n; i++) await recordEvent(d, { type: 'inserted', ticket: { ...ticket, id: String(i) }, entryId: 'refund', rank: 1, editRatio: 0.1, note: undefined } as never);
  return d;
}

describe('export my events', () => {
  it('writes one stored event per line exactly as stored, with eventId and installId, only this installation\u2019s', async () => {
    const ana = await agentWithEvents(3);
    const { installId } = await getSettings(ana);
    // an event imported from a colleague is stored but is not "mine"
    await importEventFilesToStore(ana, [{ name: 'ben.ndjson', text: `${JSON.stringify({ ...ev('copied', 9, { entryId: 'x', rank: 1 }), installId: 'ben-install-1' })}\n` }]);
    const text = await exportEvents(ana);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const stored = (await ana.events.orderBy(':id').toArray()).filter((r) => r.installId === installId);
    expect(lines).toEqual(stored.map(({ seq: _seq, ...row }) => JSON.stringify(row)));
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ installId, eventId: expect.any(String) });
    expect((await exportEvents(ana, { which: 'all' })).split('\n')).toHaveLength(5);
    expect(exportFileName(installId, new Date('2026-12-02T10:00:00Z'))).toBe(`agent-assist-events-${installId.slice(0, 8)}-2026-12-02.ndjson`);
  });

  it('comes in batches that add up to the whole export', async () => {
    const ana = await agentWithEvents(7);
    const chunks: string[] = [];
    for await (const c of exportEventChunks(ana, { batch: 3 })) chunks.push(c);
    expect(chunks).toHaveLength(3);
    expect(chunks.join('')).toBe(await exportEvents(ana));
  });
});

describe('import events files into the store', () => {
  it('merges files from several agents, counting an event given twice (one file, two files, or already stored) once', async () => {
    const [ana, ben, trainer] = [await agentWithEvents(4), await agentWithEvents(3), db()];
    const a = await exportEvents(ana);
    const b = await exportEvents(ben);
    const first = await importEventFilesToStore(trainer, [
      { name: 'ana.ndjson', text: a + a.split('\n')[0] + '\n' },
      { name: 'ben.ndjson', text: b },
      { name: 'ana-again.ndjson', text: a },
    ]);
    expect(first).toMatchObject({ added: 7, duplicates: 5, errors: [] });
    expect(first.files.map((f) => [f.name, f.lines, f.added, f.duplicates])).toEqual([
      ['ana.ndjson', 5, 4, 1],
      ['ben.ndjson', 3, 3, 0],
      ['ana-again.ndjson', 4, 0, 4],
    ]);
    expect(await countEvents(trainer)).toBe(7);
    expect(await importEventFilesToStore(trainer, [{ name: 'ben.ndjson', text: b }])).toMatchObject({ added: 0, duplicates: 3 });
    // the stored rows are the exported events exactly
    const exported = [...a.split('\n'), ...b.split('\n')].filter(Boolean).map((l) => JSON.parse(l) as object);
    const rows = (await listEvents(trainer)).map(({ seq: _seq, ...r }) => r);
    expect(rows).toHaveLength(7);
    expect(rows).toEqual(expect.arrayContaining(exported));
  });

  it('takes each file whole or not at all, naming file and line for every bad line', async () => {
    const [ana, trainer] = [await agentWithEvents(3), db()];
    const good = await exportEvents(ana);
    const lines = good.split('\n');
    const broken = [lines[0], '{"type":"inserted"', lines[1], JSON.stringify({ ...JSON.parse(lines[2]!), editRatio: 2 }), ''].join('\n');
    const out = await importEventFilesToStore(trainer, [
      { name: 'broken.ndjson', text: broken },
      { name: 'empty.ndjson', text: '\n\n' },
      { name: 'good.ndjson', text: good },
    ]);
    expect(out.errors).toEqual([
      expect.stringMatching(/^broken\.ndjson, line 2, column \d+: not JSON/),
      'broken.ndjson, line 4, editRatio: Too big: expected number to be <=1',
      'empty.ndjson: no events (the file is empty)',
    ]);
    expect(out.files.map((f) => f.added)).toEqual([0, 0, 3]);
    expect(await countEvents(trainer)).toBe(3);
  });

  it('stores each file in its own transaction: one that cannot be stored is named, the others land', async () => {
    const [ana, ben, chen, trainer] = [await agentWithEvents(2), await agentWithEvents(3), await agentWithEvents(1), db()];
    const benText = await exportEvents(ben);
    const failing = (JSON.parse(benText.split('\n')[1]!) as { eventId: string }).eventId;
    trainer.eventBlockParts.hook('creating', (_key, row) => {
      if (row.part === 'ids' && row.value.split('\n').includes(failing)) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    });
    const out = await importEventFilesToStore(trainer, [
      { name: 'ana.ndjson', text: await exportEvents(ana) },
      { name: 'ben.ndjson', text: benText },
      { name: 'chen.ndjson', text: await exportEvents(chen) },
    ]);
    expect(out.files.map((f) => [f.name, f.added])).toEqual([
      ['ana.ndjson', 2],
      ['ben.ndjson', 0],
      ['chen.ndjson', 1],
    ]);
    expect(out.errors).toEqual([expect.stringMatching(/^ben\.ndjson: not stored: The browser's storage for Agent Assist is full, so the events of ben\.ndjson was not saved/)]);
    // nothing of ben's file: no block head, no part
    expect(await countEvents(trainer)).toBe(3);
    expect(await trainer.eventBlocks.count()).toBe(2);
    expect(await trainer.eventBlockParts.count()).toBe(6);
  });
});
