import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { deleteEntry, getEntry, listEntries, saveEntry } from '../../knowledge/store/entries.ts';
import { StoreError } from '../../knowledge/store/errors.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

describe('saveEntry', () => {
  it('bumps the version and updatedAt, keeps createdAt, and records who changed what', async () => {
    db = freshDb();
    const first = await saveEntry(db, entry('refund'), 'anna', { now: NOW });
    expect(first).toMatchObject({ version: 1, createdAt: '2026-01-05T09:00:00Z', updatedAt: NOW.toISOString() });
    const second = await saveEntry(db, { ...first, body: 'New answer.', createdAt: '2030-01-01T00:00:00Z' }, 'ben', { now: LATER });
    expect(second).toMatchObject({ version: 2, createdAt: '2026-01-05T09:00:00Z', updatedAt: LATER.toISOString(), body: 'New answer.' });
    expect(await getEntry(db, 'refund')).toEqual(second);
    const history = await entryHistory(db, 'refund');
    expect(history.map((h) => [h.version, h.change, h.who, h.at, h.entry.body])).toEqual([
      [1, 'created', 'anna', NOW.toISOString(), 'Answer for refund.'],
      [2, 'updated', 'ben', LATER.toISOString(), 'New answer.'],
    ]);
  });

  it('refuses an invalid entry with the field named, and writes nothing', async () => {
    db = freshDb();
    const bad = entry('refund', { title: '  ' });
    await expect(saveEntry(db, bad, 'anna')).rejects.toThrow('answers.csv row 2, title: is empty');
    expect(await db.entries.count()).toBe(0);
    expect(await db.entryVersions.count()).toBe(0);
  });

  it('refuses a change without a who', async () => {
    db = freshDb();
    await expect(saveEntry(db, entry('refund'), '  ')).rejects.toBeInstanceOf(StoreError);
  });
});

describe('deleteEntry', () => {
  it('removes the entry but keeps its history, and a re-created entry keeps counting versions', async () => {
    db = freshDb();
    await saveEntry(db, entry('refund'), 'anna', { now: NOW });
    expect(await deleteEntry(db, 'refund', 'ben', { now: LATER })).toBe(true);
    expect(await getEntry(db, 'refund')).toBeUndefined();
    expect(await deleteEntry(db, 'refund', 'ben')).toBe(false);
    const again = await saveEntry(db, entry('refund'), 'cleo', { now: LATER });
    expect(again.version).toBe(3);
    expect((await entryHistory(db, 'refund')).map((h) => `${h.version}:${h.change}:${h.who}`)).toEqual([
      '1:created:anna',
      '2:deleted:ben',
      '3:created:cleo',
    ]);
  });
});

describe('listEntries', () => {
  it('filters by status, owner, locale, tag (multi-entry) and review date, sorted by id', async () => {
    db = freshDb();
    await saveEntry(db, entry('c-shipping', { tags: ['shipping', 'eu'], locale: 'de' }), 'anna');
    await saveEntry(db, entry('a-refund', { tags: ['billing', 'eu'], reviewBy: '2026-10-01' }), 'anna');
    await saveEntry(db, entry('b-draft', { status: 'draft', owner: 'ben', reviewBy: undefined }), 'anna');
    const ids = async (f: Parameters<typeof listEntries>[1]) => (await listEntries(db, f)).map((e) => e.id);
    expect(await ids(undefined)).toEqual(['a-refund', 'b-draft', 'c-shipping']);
    expect(await ids({ tag: 'eu' })).toEqual(['a-refund', 'c-shipping']);
    expect(await ids({ tag: 'eu', locale: 'de' })).toEqual(['c-shipping']);
    expect(await ids({ status: 'draft' })).toEqual(['b-draft']);
    expect(await ids({ owner: 'ben' })).toEqual(['b-draft']);
    expect(await ids({ reviewBefore: '2026-11-23' })).toEqual(['a-refund']);
    expect(await ids({ status: 'approved', tag: 'billing' })).toEqual(['a-refund']);
  });
});
