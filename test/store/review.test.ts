import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { StoreError } from '../../knowledge/store/errors.ts';
import { moveEntry, restoreVersion, saveEdited } from '../../knowledge/store/review.ts';
import { getSettings, saveSettings } from '../../knowledge/store/settings.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

describe('review workflow', () => {
  it('moves an entry draft → in review → approved → archived → draft, a version each', async () => {
    db = freshDb();
    await saveEntry(db, entry('a', { status: 'draft' }), 'anna', { now: NOW });
    for (const to of ['in_review', 'approved', 'archived', 'draft'] as const) {
      const moved = await moveEntry(db, 'a', to, 'lee', { now: LATER });
      expect(moved).toMatchObject({ ok: true, entry: { status: to } });
    }
    expect((await entryHistory(db, 'a')).map((h) => [h.version, h.who, h.entry.status])).toEqual([
      [1, 'anna', 'draft'],
      [2, 'lee', 'in_review'],
      [3, 'lee', 'approved'],
      [4, 'lee', 'archived'],
      [5, 'lee', 'draft'],
    ]);
  });

  it('with a second person required, refuses to approve the approver\u2019s own last change', async () => {
    db = freshDb();
    await saveEntry(db, entry('a', { status: 'in_review' }), 'lee', { now: NOW });
    const refused = await moveEntry(db, 'a', 'approved', 'lee', { secondPerson: true });
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/last change was made by lee.*second person/) });
    expect((await db.entries.get('a'))!.status).toBe('in_review');
    expect(await moveEntry(db, 'a', 'approved', 'lee', { secondPerson: false })).toMatchObject({ ok: true });
  });

  it('counts a change made elsewhere by the same lead as theirs ("Lee (import in the dashboard)" is "Lee (dashboard)")', async () => {
    db = freshDb();
    await saveEntry(db, entry('a', { status: 'in_review' }), 'Lee Lead (import in the dashboard)', { now: NOW });
    expect(await moveEntry(db, 'a', 'approved', 'Lee Lead (dashboard)', { secondPerson: true })).toEqual({
      ok: false,
      reason: expect.stringContaining('made by Lee Lead (import in the dashboard), and approval needs a second person'),
    });
    expect(await moveEntry(db, 'a', 'approved', 'Sam Second (dashboard)', { secondPerson: true })).toMatchObject({ ok: true, entry: { status: 'approved' } });
  });

  it('sends a change to an approved entry back to review when a second person must approve', async () => {
    db = freshDb();
    const a = await saveEntry(db, entry('a'), 'anna', { now: NOW });
    const edited = await saveEdited(db, { ...a, title: 'New title' }, a.version, 'lee', { secondPerson: true, now: LATER });
    expect(edited).toMatchObject({ backToReview: true, entry: { status: 'in_review', title: 'New title', version: 2 } });
    const b = await saveEntry(db, entry('b'), 'anna', { now: NOW });
    expect(await saveEdited(db, { ...b, title: 'New' }, b.version, 'lee')).toMatchObject({ backToReview: false, entry: { status: 'approved' } });
  });

  it('refuses a save over a newer version or an existing id, and writes nothing for no change', async () => {
    db = freshDb();
    const a = await saveEntry(db, entry('a'), 'anna', { now: NOW });
    await saveEntry(db, { ...a, title: 'Changed in another tab' }, 'anna', { now: LATER });
    await expect(saveEdited(db, { ...a, title: 'Mine' }, a.version, 'lee')).rejects.toThrow(/changed since you opened it/);
    await expect(saveEdited(db, entry('a'), undefined, 'lee')).rejects.toBeInstanceOf(StoreError);
    const now = (await db.entries.get('a'))!;
    expect(await saveEdited(db, now, now.version, 'lee')).toMatchObject({ unchanged: true });
    expect(await entryHistory(db, 'a')).toHaveLength(2);
  });

  it('restores an old version\u2019s content as a new version, keeping the status', async () => {
    db = freshDb();
    const v1 = await saveEntry(db, entry('a', { title: 'First' }), 'anna', { now: NOW });
    await saveEntry(db, { ...v1, title: 'Second', status: 'in_review' }, 'anna', { now: LATER });
    const restored = await restoreVersion(db, 'a', 1, 'lee');
    expect(restored.entry).toMatchObject({ title: 'First', status: 'in_review', version: 3 });
    expect((await entryHistory(db, 'a')).map((h) => [h.version, h.entry.title])).toEqual([
      [1, 'First'],
      [2, 'Second'],
      [3, 'First'],
    ]);
  });

  it('keeps the team setting "approval needs a second person" (off until set)', async () => {
    db = freshDb();
    expect((await getSettings(db)).approvalNeedsSecondPerson).toBe(false);
    await saveSettings(db, { approvalNeedsSecondPerson: true });
    expect((await getSettings(db)).approvalNeedsSecondPerson).toBe(true);
  });
});
