import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { OLD_INDEX_CACHE_KEY, SCHEMA_V1, SCHEMA_V2, UPGRADE_WHO, openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { knowledgeSnapshot } from '../../knowledge/store/search-index.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
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
    expect(db.verno).toBeGreaterThanOrEqual(3);
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
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.entries.toArray()).toEqual(old);
    expect(await db.entryVersions.toArray()).toEqual(versions);
    expect((await db.learned.toArray()).map(({ id: _id, ...l }) => l)).toEqual(learned);
    expect((await db.events.toArray()).map(({ seq: _seq, ...e }) => e)).toEqual(events);
    expect(await db.settings.toArray()).toEqual([{ key: 'agentName', value: 'Anna' }]);
    expect(await db.searchIndex.count()).toBe(0);
    // nothing logged yet: the worker's first start builds the index from every entry
    expect((await knowledgeSnapshot(db)).seq).toBe(0);
    const saved = await saveEntry(db, { ...old[0]!, body: 'Refunds now take 3 days.' }, 'ben');
    expect(saved.version).toBe(4);
    expect(await db.changes.toArray()).toEqual([{ seq: 1, ids: ['refund'] }]);
  });
});
