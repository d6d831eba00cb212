import { afterEach, describe, expect, it } from 'vitest';
import { applyBulk, undoBulk } from '../../knowledge/store/bulk.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { StoreError } from '../../knowledge/store/errors.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { changesSince, lastChange } from '../../knowledge/store/changes.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

const LATEST = new Date('2026-11-25T08:00:00.000Z');

async function seed(...entries: ReturnType<typeof entry>[]) {
  for (const e of entries) await saveEntry(db, e, 'anna', { now: NOW });
}

describe('applyBulk', () => {
  it('changes every selected entry in one go and writes a version for each', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'draft' }), entry('b', { status: 'in_review' }), entry('c'));
    const result = await applyBulk(db, ['a', 'b', 'c', 'gone'], { kind: 'approve' }, 'lead', { now: LATER });
    expect(result).toMatchObject({ changed: ['a', 'b'], unchanged: ['c'], missing: ['gone'], refused: [] });
    const stored = await db.entries.bulkGet(['a', 'b', 'c']);
    expect(stored.map((e) => [e?.status, e?.version])).toEqual([
      ['approved', 2],
      ['approved', 2],
      ['approved', 1],
    ]);
    const history = await entryHistory(db, 'a');
    expect(history.map((h) => [h.version, h.change, h.who, h.at, h.entry.status])).toEqual([
      [1, 'created', 'anna', NOW.toISOString(), 'draft'],
      [2, 'updated', 'lead', LATER.toISOString(), 'approved'],
    ]);
    expect(await entryHistory(db, 'c')).toHaveLength(1);
  });

  it('logs what it changed, and what undo put back, for the worker\'s stored index (the change log)', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'draft' }), entry('b'));
    const seen = await lastChange(db);
    const result = await applyBulk(db, ['a', 'b'], { kind: 'approve' }, 'lead', { now: LATER });
    expect((await changesSince(db, seen))?.ids).toEqual(['a']);
    const afterBulk = await lastChange(db);
    await undoBulk(db, result.undo, 'lead', { now: LATEST });
    expect((await changesSince(db, afterBulk))?.ids).toEqual(['a']);
  });

  it.each([
    [{ kind: 'send_to_review' } as const, (e: ReturnType<typeof entry>) => e.status === 'in_review'],
    [{ kind: 'archive' } as const, (e: ReturnType<typeof entry>) => e.status === 'archived'],
    [{ kind: 'assign_owner', owner: ' ben ' } as const, (e: ReturnType<typeof entry>) => e.owner === 'ben'],
    [{ kind: 'set_review_date', reviewBy: '2027-03-01' } as const, (e: ReturnType<typeof entry>) => e.reviewBy === '2027-03-01'],
    [{ kind: 'set_review_date', reviewBy: null } as const, (e: ReturnType<typeof entry>) => e.reviewBy === undefined],
    [{ kind: 'add_tag', tag: 'refunds' } as const, (e: ReturnType<typeof entry>) => e.tags.join() === 'billing,refunds'],
    [{ kind: 'remove_tag', tag: 'billing' } as const, (e: ReturnType<typeof entry>) => e.tags.length === 0],
  ])('%o', async (action, holds) => {
    db = freshDb();
    await seed(entry('a'), entry('b'));
    const result = await applyBulk(db, ['a', 'b'], action, 'lead', { now: LATER });
    expect(result.changed).toEqual(['a', 'b']);
    for (const e of await db.entries.toArray()) expect(holds(e)).toBe(true);
    expect(await db.entryVersions.count()).toBe(4);
  });

  it('leaves everything as it was when one entry in the middle fails', async () => {
    db = freshDb();
    const full = Array.from({ length: 50 }, (_, i) => `t${i}`);
    await seed(entry('a'), entry('b', { tags: full }), entry('c'));
    const before = await db.entries.toArray();
    await expect(applyBulk(db, ['a', 'b', 'c'], { kind: 'add_tag', tag: 'new' }, 'lead', { now: LATER })).rejects.toThrow(/tags/);
    expect(await db.entries.toArray()).toEqual(before);
    expect(await db.entryVersions.count()).toBe(3);
  });

  it('deletes only archived entries, keeping their history', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'archived' }), entry('b'));
    await expect(applyBulk(db, ['a', 'b'], { kind: 'delete' }, 'lead')).rejects.toThrow('archive these first: b');
    expect(await db.entries.count()).toBe(2);
    const result = await applyBulk(db, ['a'], { kind: 'delete' }, 'lead', { now: LATER });
    expect(result.changed).toEqual(['a']);
    expect(await db.entries.get('a')).toBeUndefined();
    expect((await entryHistory(db, 'a')).map((h) => h.change)).toEqual(['created', 'deleted']);
  });

  it('with the second-person rule, approves only the changes someone else made', async () => {
    db = freshDb();
    await saveEntry(db, entry('mine', { status: 'in_review' }), 'lead', { now: NOW });
    await saveEntry(db, entry('theirs', { status: 'in_review' }), 'anna', { now: NOW });
    const result = await applyBulk(db, ['mine', 'theirs'], { kind: 'approve' }, 'lead', { now: LATER, secondPerson: true });
    expect(result.changed).toEqual(['theirs']);
    expect(result.refused).toEqual([{ id: 'mine', reason: 'its last change was made by lead; approval needs a second person' }]);
    expect((await db.entries.get('mine'))?.status).toBe('in_review');
    expect((await applyBulk(db, ['mine'], { kind: 'approve' }, 'anna', { now: LATER, secondPerson: true })).changed).toEqual(['mine']);
  });

  it('refuses a review date that is not a date', async () => {
    db = freshDb();
    await expect(applyBulk(db, ['a'], { kind: 'set_review_date', reviewBy: '2027-02-30' }, 'lead')).rejects.toBeInstanceOf(StoreError);
  });
});

describe('undoBulk', () => {
  it('puts every changed entry back as it was, as new versions, in one call', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'draft', owner: '' }), entry('b', { status: 'in_review' }), entry('c'));
    const before = await db.entries.bulkGet(['a', 'b', 'c']);
    const { undo } = await applyBulk(db, ['a', 'b', 'c'], { kind: 'assign_owner', owner: 'ben' }, 'lead', { now: LATER });
    await undoBulk(db, undo, 'lead', { now: LATEST });
    const after = await db.entries.bulkGet(['a', 'b', 'c']);
    after.forEach((e, i) => {
      expect({ ...e, version: 0, updatedAt: '' }).toEqual({ ...before[i], version: 0, updatedAt: '' });
      expect(e?.version).toBe(3);
    });
    expect((await entryHistory(db, 'a')).map((h) => [h.version, h.entry.owner, h.at])).toEqual([
      [1, '', NOW.toISOString()],
      [2, 'ben', LATER.toISOString()],
      [3, '', LATEST.toISOString()],
    ]);
  });

  it('brings back deleted entries', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'archived' }), entry('b', { status: 'archived' }));
    const { undo } = await applyBulk(db, ['a', 'b'], { kind: 'delete' }, 'lead', { now: LATER });
    expect(await db.entries.count()).toBe(0);
    expect((await undoBulk(db, undo, 'lead', { now: LATEST })).restored).toEqual(['a', 'b']);
    expect((await db.entries.toArray()).map((e) => [e.id, e.status, e.version])).toEqual([
      ['a', 'archived', 3],
      ['b', 'archived', 3],
    ]);
    expect((await entryHistory(db, 'b')).map((h) => h.change)).toEqual(['created', 'deleted', 'created']);
  });

  it('refuses, changing nothing, when an entry was changed again since', async () => {
    db = freshDb();
    await seed(entry('a', { status: 'draft' }), entry('b', { status: 'draft' }));
    const { undo } = await applyBulk(db, ['a', 'b'], { kind: 'approve' }, 'lead', { now: LATER });
    const b = (await db.entries.get('b'))!;
    await saveEntry(db, { ...b, body: 'Edited since.' }, 'ben', { now: LATER });
    const before = await db.entries.toArray();
    await expect(undoBulk(db, undo, 'lead', { now: LATEST })).rejects.toThrow('changed again since: b');
    expect(await db.entries.toArray()).toEqual(before);
  });

  it('undoes 500 entries in one transaction', async () => {
    db = freshDb();
    const ids = Array.from({ length: 500 }, (_, i) => `e${String(i).padStart(3, '0')}`);
    await db.transaction('rw', db.entries, async () => {
      await db.entries.bulkPut(ids.map((id) => entry(id, { status: 'draft' })));
    });
    const { undo, changed } = await applyBulk(db, ids, { kind: 'approve' }, 'lead', { now: LATER });
    expect(changed).toHaveLength(500);
    expect(await db.entries.filter((e) => e.status === 'approved').count()).toBe(500);
    await undoBulk(db, undo, 'lead', { now: LATEST });
    expect(await db.entries.filter((e) => e.status === 'draft').count()).toBe(500);
    expect(await db.entryVersions.count()).toBe(1000);
  });
});
