import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { OLD_INDEX_CACHE_KEY, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, UPGRADE_WHO, openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { knowledgeSnapshot } from '../../knowledge/store/search-index.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { listEvents, recordEvent } from '../../knowledge/store/events.ts';
import { getSettings } from '../../knowledge/store/settings.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { entry } from './helpers.ts';

let db: KnowledgeDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('schema upgrade v1 -> v3', () => {
  it('keeps every v1 entry, setting and event, and gives each entry its first history row', async () => {
    const name = `upgrade-${process.pid}`;
    // The database as version 1 of the extension left it, written with a raw v1 definition.
    const v1 = new Dexie(name);
    v1.version(1).stores({ entries: 'id, status, owner, reviewBy, updatedAt, locale, *tags', settings: 'key', events: '++seq, type, at' });
    expect(SCHEMA_V1.entries).toBe('id, status, owner, reviewBy, updatedAt, locale, *tags');
    const old = [
      entry('refund', { version: 3, updatedAt: '2026-03-01T12:00:00Z' }),
      entry('shipping', { tags: ['shipping'], status: 'draft' }),
      entry('ümlaut-free', { id: 'warranty.eu', locale: 'de' }),
    ];
    await v1.table('entries').bulkAdd(old);
    await v1.table('settings').put({ key: 'agentName', value: 'Anna' });
    await v1.table('events').add({ type: 'copied', at: '2026-03-01T12:00:00Z' });
    v1.close();

    db = openKnowledgeDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.entries.toArray()).toEqual([...old].sort((a, b) => a.id.localeCompare(b.id)));
    for (const e of old) {
      const history = await entryHistory(db, e.id);
      expect(history).toEqual([{ id: e.id, version: e.version, entry: e, who: UPGRADE_WHO, at: e.updatedAt, change: e.version > 1 ? 'updated' : 'created' }]);
    }
    expect(await db.settings.get('agentName')).toEqual({ key: 'agentName', value: 'Anna' });
    expect(await db.events.count()).toBe(1);
    expect(await db.learned.count()).toBe(0);
    // Life goes on after the upgrade: the next save continues the version count.
    const saved = await saveEntry(db, { ...old[0]!, body: 'Refunds now take 3 days.' }, 'ben');
    expect(saved.version).toBe(4);
    expect((await entryHistory(db, 'refund')).map((h) => h.version)).toEqual([3, 4]);
  });
});

describe('schema upgrade v2 -> v3 (change log and binary search index)', () => {
  it('keeps every entry, version, event, setting and learned phrasing, and drops only the old JSON index', async () => {
    const name = `upgrade-v2-${process.pid}`;
    // The database as version 2 of the extension left it, written with a raw v2 definition.
    const v2 = new Dexie(name);
    v2.version(2).stores({ ...SCHEMA_V1, ...SCHEMA_V2 });
    const old = [entry('refund', { version: 3, updatedAt: '2026-03-01T12:00:00Z' }), entry('shipping', { tags: ['shipping'], status: 'draft' })];
    const versions = old.flatMap((e) =>
      Array.from({ length: e.version }, (_, i) => ({ id: e.id, version: i + 1, entry: { ...e, version: i + 1 }, who: 'anna', at: e.updatedAt, change: i ? 'updated' : 'created' })),
    );
    const learned = [{ entryId: 'refund', text: 'money back please', terms: ['money', 'back'], at: '2026-03-02T10:00:00Z', who: 'an agent' }];
    const events = [
      { type: 'shown', at: '2026-03-01T12:00:00Z', ticket: { helpdesk: 'demo', id: 'h1' } },
      { type: 'copied', at: '2026-03-01T12:01:00Z', entryId: 'refund' },
    ];
    await v2.table('entries').bulkAdd(old);
    await v2.table('entryVersions').bulkAdd(versions);
    await v2.table('learned').bulkAdd(learned);
    await v2.table('events').bulkAdd(events);
    await v2.table('settings').bulkPut([
      { key: 'agentName', value: 'Anna' },
      { key: OLD_INDEX_CACHE_KEY, value: { fingerprint: 'x', json: '{"format":"agent-assist/search-index"}' } },
    ]);
    v2.close();

    db = openKnowledgeDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.entries.toArray()).toEqual(old);
    expect(await db.entryVersions.toArray()).toEqual(versions);
    expect((await db.learned.toArray()).map(({ id: _id, ...l }) => l)).toEqual(learned);
    expect((await db.events.toArray()).map(({ seq: _seq, eventId: _id, installId: _install, ...e }) => e)).toEqual(events);
    expect((await db.settings.toArray()).filter((r) => r.key !== 'installId')).toEqual([{ key: 'agentName', value: 'Anna' }]);
    expect(await db.searchIndex.count()).toBe(0);
    // nothing logged yet: the worker's first start builds the index from every entry
    expect((await knowledgeSnapshot(db)).seq).toBe(0);
    const saved = await saveEntry(db, { ...old[0]!, body: 'Refunds now take 3 days.' }, 'ben');
    expect(saved.version).toBe(4);
    expect(await db.changes.toArray()).toEqual([{ seq: 1, ids: ['refund'] }]);
  });
});

/** Valid stored events as versions 2 and 3 wrote them: some without eventId (before ids existed), none with installId. */
function oldEvents(n: number, withIds: boolean): Record<string, unknown>[] {
  const types = ['shown', 'inserted', 'rejected', 'no_confident_answer', 'copied'] as const;
  return Array.from({ length: n }, (_, i) => {
    const base = { at: new Date(Date.UTC(2026, 5, 1) + i * 60_000).toISOString(), ticketHash: (i % 97).toString(16).padStart(64, '0'), helpdesk: 'zendesk', ...(withIds && i % 2 ? { eventId: `old-${i}-xyz` } : {}) };
    switch (types[i % types.length]) {
      case 'shown':
        return { ...base, type: 'shown', suggestions: [{ entryId: `e${i % 13}`, rank: 1, confidence: 0.8 }] };
      case 'inserted':
        return { ...base, type: 'inserted', entryId: `e${i % 13}`, rank: 1, editRatio: (i % 10) / 10, msFromRead: 1000 + i };
      case 'rejected':
        return { ...base, type: 'rejected', entryId: `e${i % 13}`, reason: 'outdated', note: 'old price', keyTerms: ['price'] };
      case 'no_confident_answer':
        return { ...base, type: 'no_confident_answer', threshold: 0.7 };
      default:
        return { ...base, type: 'copied', entryId: `e${i % 13}`, rank: 2 };
    }
  });
}

describe('schema upgrade to v4 (event ids and the install id)', () => {
  it.each([
    ['version 2', 2, { ...SCHEMA_V1, ...SCHEMA_V2 }, false],
    ['version 3', 3, { ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3 }, true],
  ] as const)('keeps every event of a %s database and gives each an id and the install id', async (_label, version, schema, withIds) => {
    const name = `upgrade-v4-${version}-${process.pid}`;
    const old = new Dexie(name);
    old.version(version).stores(schema);
    const events = oldEvents(500, withIds);
    await old.table('events').bulkAdd(events);
    await old.table('settings').put({ key: 'agentName', value: 'Anna' });
    old.close();

    db = openKnowledgeDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const rows = await db.events.orderBy(':id').toArray();
    expect(rows).toHaveLength(events.length);
    const { installId } = await getSettings(db);
    rows.forEach((row, i) => {
      const { seq: _seq, eventId, installId: install, ...rest } = row;
      const { eventId: before, ...content } = events[i]!;
      expect(rest).toEqual(content);
      expect(eventId).toBe(before ?? eventId);
      expect(eventId).toMatch(/^[A-Za-z0-9:_-]{8,80}$/);
      expect(install).toBe(installId);
    });
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(events.length);
    // the index answers for an old event and for a new one
    expect(await db.events.where('eventId').equals(rows[10]!.eventId!).count()).toBe(1);
    const fresh = await recordEvent(db, { type: 'copied', ticket: { helpdesk: 'zendesk', id: '1' }, entryId: 'e1', rank: 1 });
    expect(await db.events.where('eventId').equals(fresh.eventId!).count()).toBe(1);
    expect(fresh.installId).toBe(installId);
    expect(await listEvents(db)).toHaveLength(events.length + 1);
  });
});
