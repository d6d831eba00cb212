import { afterEach, describe, expect, it } from 'vitest';
import { eventIdOf, eventsToJsonl, importEventFiles, parseEventsJsonl } from '../../knowledge/reports/jsonl.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { addImportedEvents, listEvents, recordEvent } from '../../knowledge/store/events.ts';
import { freshDb } from '../store/helpers.ts';
import { ev, shown } from './events.ts';

let db: KnowledgeDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const a = [shown(1, ['refund']), ev('inserted', 1, { entryId: 'refund', rank: 1, editRatio: 0.1 })];
const b = [ev('rejected', 2, { entryId: 'returns', reason: 'outdated', note: 'old policy', keyTerms: ['return', 'label'] })];

describe('events as JSON Lines', () => {
  it('round-trips: one stored event per line, with its eventId', async () => {
    const text = await eventsToJsonl([...a, ...b]);
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    const parsed = parseEventsJsonl({ name: 'ana.jsonl', text });
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toEqual([...a, ...b]);
  });

  it('merges files from several agents without counting an event twice', async () => {
    const ana = await eventsToJsonl(a);
    const anaAgain = await eventsToJsonl([...a, ...b]);
    const merged = importEventFiles([
      { name: 'ana.jsonl', text: ana },
      { name: 'ana-later.jsonl', text: anaAgain + anaAgain },
    ]);
    expect(merged.errors).toEqual([]);
    expect(merged.events.map((e) => e.eventId).sort()).toEqual([...a, ...b].map((e) => e.eventId).sort());
    expect(merged.duplicates).toBe(5);
  });

  it('gives events stored before ids existed a stable id from their content', async () => {
    const { eventId: _drop, ...old } = a[0]!;
    const first = await eventIdOf({ ...old, seq: 4 });
    expect(first).toMatch(/^h-[0-9a-f]{32}$/);
    expect(await eventIdOf({ ...old, seq: 99 })).toBe(first);
    const { eventId: _drop2, ...other } = a[1]!;
    expect(await eventIdOf(other)).not.toBe(first);
  });

  it('names the file, line and field of every bad line, and takes a bad file not at all', async () => {
    const good = await eventsToJsonl(a);
    const lines = [
      good.split('\n')[0],
      '{"type":"inserted"',
      JSON.stringify({ ...a[1], editRatio: 3 }),
      JSON.stringify({ ...a[1], eventId: undefined }),
      '',
      JSON.stringify({ ...a[1], type: 'teleported' }),
    ].join('\n');
    const result = importEventFiles([
      { name: 'ben.jsonl', text: lines },
      { name: 'ana.jsonl', text: good },
      { name: 'empty.jsonl', text: '\n' },
    ]);
    expect(result.files[0]!.events).toEqual([]);
    expect(result.errors[0]).toMatch(/^ben\.jsonl, line 2, column \d+: not JSON/);
    expect(result.errors[1]).toMatch(/^ben\.jsonl, line 3, editRatio: /);
    expect(result.errors[2]).toMatch(/^ben\.jsonl, line 4, eventId: /);
    expect(result.errors[3]).toMatch(/^ben\.jsonl, line 6, type: /);
    expect(result.errors[4]).toBe('empty.jsonl: no events (the file is empty)');
    expect(result.events).toHaveLength(2);
  });
});

describe('addImportedEvents', () => {
  // (events stored before ids existed get one in the version 4 upgrade: test/store/upgrade.test.ts)
  it('adds only the events the store does not hold', async () => {
    db = freshDb();
    const mine = await recordEvent(db, { type: 'manual_search', ticket: { helpdesk: 'zendesk', id: '1' }, queryLength: 3, resultCount: 1 });
    expect(mine.eventId).toMatch(/^[0-9a-f-]{36}$/);
    await db.events.add(b[0]!);
    const exported = importEventFiles([{ name: 'me.jsonl', text: await eventsToJsonl(await listEvents(db)) }]).events;
    const first = await addImportedEvents(db, [...exported, ...a]);
    expect(first).toEqual({ added: 2, duplicates: 2 });
    expect(await addImportedEvents(db, a)).toEqual({ added: 0, duplicates: 2 });
    expect(await db.events.count()).toBe(4);
  });
});
