import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../knowledge/entry.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { deleteEntry, saveEntry } from '../../knowledge/store/entries.ts';
import { applyImport, applyImportBatched, ImportCancelledError } from '../../knowledge/store/import.ts';
import { lastChange } from '../../knowledge/store/changes.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

const dbs: KnowledgeDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** A database with history: saved, edited, deleted (its history keeps counting) entries. */
async function seeded(): Promise<KnowledgeDb> {
  const db = freshDb();
  dbs.push(db);
  for (let i = 0; i < 30; i++) await saveEntry(db, entry(`e${i}`, { title: `Entry ${i}` }), 'anna', { now: NOW });
  await saveEntry(db, entry('e3', { title: 'Entry 3', body: 'Edited once.' }), 'anna', { now: NOW });
  await deleteEntry(db, 'e4', 'anna', { now: NOW });
  return db;
}

async function contents(db: KnowledgeDb) {
  return {
    entries: await db.entries.toArray(),
    versions: await db.entryVersions.toArray(),
    changes: (await db.changes.toArray()).map((c) => c.ids),
  };
}

const incoming: Entry[] = [
  ...Array.from({ length: 25 }, (_, i) => entry(`e${i}`, { title: `Entry ${i}`, body: i % 2 ? 'Refunds take 5 days.' : 'Refunds take 3 days.' })),
  ...Array.from({ length: 40 }, (_, i) => entry(`new-${i}`, { version: 1 + (i % 3) })),
];

describe('applyImportBatched (the panel writes large imports itself, in batches)', () => {
  it('lands exactly what applyImport lands: entries, versions, report and one change-log row', async () => {
    const one = await seeded();
    const batched = await seeded();
    const expected = await applyImport(one, { entries: incoming, problems: [] }, 'ben', { now: LATER });
    const progress: [number, number][] = [];
    const landed: Entry[] = [];
    const { change, ...report } = await applyImportBatched(batched, { entries: incoming, problems: [] }, 'ben', { now: LATER, batch: 10, onProgress: (d, t) => progress.push([d, t]), onLanded: (es) => landed.push(...es) });
    expect(report).toEqual(expected);
    // the change-log row that names the import, and every entry as written, for the page's index update
    expect(change).toBe(await lastChange(batched));
    expect(landed.map((e) => e.id).sort()).toEqual([...expected.added, ...expected.updated].sort());
    expect(landed).toEqual(await batched.entries.bulkGet(landed.map((e) => e.id)));
    expect(await contents(batched)).toEqual(await contents(one));
    expect(progress).toEqual(Array.from({ length: 7 }, (_, i) => [Math.min(65, (i + 1) * 10), 65]));
  });

  it('reads every stored entry it replaces before the first write, and prepares each batch while the one before is written', async () => {
    const db = await seeded();
    const calls: string[] = [];
    for (const [table, ops] of [
      [db.entries, ['bulkGet', 'bulkPut']],
      [db.entryVersions, ['bulkAdd']],
    ] as const) {
      for (const op of ops) {
        const t = table as unknown as Record<string, (...a: unknown[]) => unknown>;
        const real = t[op]!.bind(table);
        t[op] = (...a: unknown[]) => (calls.push(op), real(...a));
      }
    }
    await applyImportBatched(db, { entries: incoming, problems: [] }, 'ben', {
      batch: 10,
      // when batch k is reported written, batch k + 1 has already been handed to IndexedDB
      onProgress: (done) => calls.push(`written ${done}`),
    });
    const firstWrite = calls.indexOf('bulkPut');
    expect(calls.lastIndexOf('bulkGet')).toBeLessThan(firstWrite);
    expect(calls.slice(firstWrite, firstWrite + 5)).toEqual(['bulkPut', 'bulkAdd', 'bulkPut', 'bulkAdd', 'written 10']);
  });

  it('cancelled half-way: nothing landed, not even the batches already written', async () => {
    const db = await seeded();
    const before = await contents(db);
    const abort = new AbortController();
    const run = applyImportBatched(db, { entries: incoming, problems: [] }, 'ben', {
      batch: 10,
      signal: abort.signal,
      onProgress: (done) => (done >= 30 ? abort.abort() : undefined),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    await expect(run).rejects.toThrow(/nothing was imported/);
    expect(await contents(db)).toEqual(before);
  });

  it('failing half-way (an invalid entry in a later batch): nothing landed', async () => {
    const db = await seeded();
    const before = await contents(db);
    const bad = [...incoming.slice(0, 50), { ...incoming[50]!, locale: 'not a locale' }, ...incoming.slice(51)];
    await expect(applyImportBatched(db, { entries: bad, problems: [] }, 'ben', { batch: 10 })).rejects.toThrow(/locale/);
    expect(await contents(db)).toEqual(before);
  });

  it('history keeps every state while only the current version\'s row has no copy of the entry (half the database)', async () => {
    const db = freshDb();
    dbs.push(db);
    const one = await saveEntry(db, entry('x', { body: 'One.' }), 'anna', { now: NOW });
    const two = await saveEntry(db, { ...one, body: 'Two.' }, 'anna', { now: LATER });
    await applyImportBatched(db, { entries: [{ ...two, body: 'Three.' }], problems: [] }, 'ben', { now: LATER });
    await applyImport(db, { entries: [{ ...two, body: 'Four.' }], problems: [] }, 'ben', { now: LATER });
    const states = async () => (await entryHistory(db, 'x')).map((h) => `${h.version}:${h.change}:${h.entry.body}`);
    expect(await states()).toEqual(['1:created:One.', '2:updated:Two.', '3:imported:Three.', '4:imported:Four.']);
    expect((await db.entryVersions.toArray()).map((r) => r.entry?.body)).toEqual(['One.', 'Two.', 'Three.', undefined]);
    await deleteEntry(db, 'x', 'lead');
    expect(await states()).toEqual(['1:created:One.', '2:updated:Two.', '3:imported:Three.', '4:imported:Four.', '5:deleted:Four.']);
    expect((await db.entryVersions.toArray()).every((r) => r.entry)).toBe(true);
  });
});
