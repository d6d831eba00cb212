import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { getEntry, saveEntry } from '../../knowledge/store/entries.ts';
import { StoreError } from '../../knowledge/store/errors.ts';
import { applyImport } from '../../knowledge/store/import.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

async function snapshot(d: KnowledgeDb) {
  return { entries: await d.entries.toArray(), versions: await d.entryVersions.toArray() };
}

describe('applyImport', () => {
  it('reports added, updated and unchanged; identical content writes no new version', async () => {
    db = freshDb();
    await saveEntry(db, entry('same'), 'anna', { now: NOW });
    await saveEntry(db, entry('changed'), 'anna', { now: NOW });
    const report = await applyImport(
      db,
      {
        entries: [
          // Same content read from another row of another file, with other bookkeeping: unchanged.
          entry('same', { version: 7, updatedAt: '2026-11-01T00:00:00Z', source: { format: 'json', file: 'pack.json', row: 9 } }),
          entry('changed', { body: 'Refunds take 5 days.' }),
          entry('new-one', { version: 4 }),
        ],
        problems: [{ file: 'pack.json', message: 'tag is unusual', severity: 'warning' }],
      },
      'ben',
      { now: LATER },
    );
    expect(report).toEqual({ added: ['new-one'], updated: ['changed'], unchanged: ['same'], kept: [] });
    expect((await entryHistory(db, 'same')).length).toBe(1);
    expect(await getEntry(db, 'changed')).toMatchObject({ version: 2, body: 'Refunds take 5 days.', updatedAt: LATER.toISOString() });
    expect((await entryHistory(db, 'changed')).map((h) => `${h.version}:${h.change}:${h.who}`)).toEqual(['1:created:anna', '2:imported:ben']);
    // A new entry keeps the version it was exported with.
    expect(await getEntry(db, 'new-one')).toMatchObject({ version: 4 });
  });

  it('refuses an import with errors, quoting them, and writes nothing', async () => {
    db = freshDb();
    const result = {
      entries: [entry('a')],
      problems: [
        { file: 'returns.csv', row: 14, field: 'review_by', message: '"31/02/2026" is not a date', severity: 'error' as const },
      ],
    };
    await expect(applyImport(db, result, 'ben')).rejects.toThrow('returns.csv row 14, review_by: "31/02/2026" is not a date');
    expect(await db.entries.count()).toBe(0);
  });

  it('refuses the same id twice', async () => {
    db = freshDb();
    const result = { entries: [entry('a'), entry('a', { source: { format: 'csv', file: 'answers.csv', row: 9 } })], problems: [] };
    await expect(applyImport(db, result, 'ben')).rejects.toThrow('"a" is used more than once: also by answers.csv row 2');
  });

  it('lands nothing when an entry half-way fails the store check (earlier writes are rolled back)', async () => {
    db = freshDb();
    await saveEntry(db, entry('kept'), 'anna', { now: NOW });
    const before = await snapshot(db);
    const broken = entry('broken', { locale: 'English', source: { format: 'csv', file: 'answers.csv', row: 4 } });
    const result = { entries: [entry('first'), entry('kept', { body: 'Changed.' }), broken, entry('last')], problems: [] };
    await expect(applyImport(db, result, 'ben')).rejects.toThrow('answers.csv row 4, locale: is not a language tag');
    expect(await snapshot(db)).toEqual(before);
  });

  it('lands nothing when a write fails mid-transaction', async () => {
    db = freshDb();
    let writes = 0;
    db.entries.hook('creating', () => {
      writes += 1;
      if (writes === 3) throw new Error('disk went away');
    });
    await expect(applyImport(db, { entries: ['a', 'b', 'c', 'd'].map((id) => entry(id)), problems: [] }, 'ben')).rejects.toThrow(
      'disk went away',
    );
    expect(writes).toBe(3);
    expect(await db.entries.count()).toBe(0);
    expect(await db.entryVersions.count()).toBe(0);
  });

  it('turns a full disk into a plain message and writes nothing', async () => {
    db = freshDb();
    let writes = 0;
    db.entryVersions.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await applyImport(db, { entries: ['a', 'b', 'c'].map((id) => entry(id)), problems: [] }, 'ben').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('quota');
    expect((err as StoreError).message).toMatch(/storage for Agent Assist is full, so this import \(3 entries\) was not saved; nothing of it was written/);
    expect(await db.entries.count()).toBe(0);
    expect(await db.entryVersions.count()).toBe(0);
  });
});
