import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V1, UPGRADE_WHO, openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { entry } from './helpers.ts';

let db: KnowledgeDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('schema upgrade v1 -> v2', () => {
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
    expect(db.verno).toBe(2);
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
