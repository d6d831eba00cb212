import { afterEach, describe, expect, it } from 'vitest';
import { undoBulk } from '../../knowledge/store/bulk.ts';
import { changesSince, lastChange } from '../../knowledge/store/changes.ts';
import { openKnowledgeDb, type KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { recordEvent } from '../../knowledge/store/events.ts';
import { applyFix, dismissFinding, listDismissed, loadReviewQueue, restoreFinding } from '../../knowledge/store/review.ts';
import { entryHistory } from '../../knowledge/store/versions.ts';
import { LATER, NOW, entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

const ticket = { helpdesk: 'demo', id: '1001' };
const refund = entry('refund', {
  title: 'How long does a refund take?',
  body: 'Once your return arrives we check it and refund you within 5 working days. PayPal refunds arrive in a day, cards take 3 to 10 working days.',
  questions: ['When will I be refunded?'],
});
const copy = entry('refund-copy', { ...refund, id: 'refund-copy', title: 'How long does a refund take? (new)', questions: ['How long until I get my money back?'], status: 'in_review', owner: '' });

describe('the review queue in the store', () => {
  it('loads entries, events and dismissals, and a dismissal stays after the database is opened again', async () => {
    db = freshDb();
    await saveEntry(db, refund, 'anna', { now: NOW });
    await saveEntry(db, copy, 'anna', { now: NOW });
    await recordEvent(db, { type: 'shown', ticket, suggestions: [{ entryId: 'refund', rank: 1, confidence: 0.7 }], at: LATER.toISOString() });
    const q = await loadReviewQueue(db, { now: LATER, lead: 'lea' });
    expect(q.findings.map((f) => f.key)).toEqual(['duplicate:refund|refund-copy', 'no_owner:refund-copy']);
    expect(q.findings[0]!.shown30).toBe(1);

    await dismissFinding(db, 'duplicate:refund|refund-copy', 'lea', { now: LATER });
    await dismissFinding(db, 'duplicate:refund|refund-copy', 'someone else', { now: LATER });
    db.close();
    db = openKnowledgeDb(db.name);
    expect(await listDismissed(db)).toEqual([{ key: 'duplicate:refund|refund-copy', who: 'lea', at: LATER.toISOString() }]);
    const after = await loadReviewQueue(db, { now: LATER, lead: 'lea' });
    expect(after.findings.map((f) => f.key)).toEqual(['no_owner:refund-copy']);
    expect(after.dismissed).toBe(1);
    await restoreFinding(db, 'duplicate:refund|refund-copy');
    expect((await loadReviewQueue(db, { now: LATER })).findings).toHaveLength(2);
  });

  it('merges a duplicate: keeps one with both entries\' questions, archives the other, logs the change, and undoes', async () => {
    db = freshDb();
    await saveEntry(db, refund, 'anna', { now: NOW });
    await saveEntry(db, copy, 'anna', { now: NOW });
    const [dup] = (await loadReviewQueue(db, { now: LATER })).findings;
    const seq = await lastChange(db);
    const result = await applyFix(db, dup!.fix, 'lea', { now: LATER });
    expect(result.changed).toEqual(['refund', 'refund-copy']);
    const [kept, archived] = await db.entries.bulkGet(['refund', 'refund-copy']);
    expect(kept!.questions).toEqual(['When will I be refunded?', 'How long until I get my money back?']);
    expect(archived!.status).toBe('archived');
    expect((await changesSince(db, seq))!.ids).toEqual(['refund', 'refund-copy']);
    expect((await entryHistory(db, 'refund-copy')).map((h) => [h.version, h.who])).toEqual([[1, 'anna'], [2, 'lea']]);
    expect((await loadReviewQueue(db, { now: LATER })).findings.filter((f) => f.kind === 'duplicate')).toEqual([]);
    await undoBulk(db, result.undo!, 'lea', { now: LATER });
    expect((await db.entries.get('refund-copy'))!.status).toBe('in_review');
    expect((await db.entries.get('refund'))!.questions).toEqual(['When will I be refunded?']);
  });

  it('accepts the agents\' edit as a new version, and refuses it when the entry changed since', async () => {
    db = freshDb();
    const returns = entry('returns', { body: 'Returns are free within 30 days.', updatedAt: NOW.toISOString() });
    await saveEntry(db, returns, 'anna', { now: NOW });
    for (const [i, ratio] of [0.3, 0.25, 0.4].entries()) {
      await recordEvent(db, {
        type: 'inserted',
        ticket: { helpdesk: 'demo', id: `${i}` },
        entryId: 'returns',
        rank: 1,
        editRatio: ratio,
        edits: [{ before: 'within ', removed: '30', added: '60', after: ' days.' }],
        at: new Date(NOW.getTime() + (i + 1) * 3_600_000).toISOString(),
      });
    }
    const q = await loadReviewQueue(db, { now: LATER });
    const rev = q.findings.find((f) => f.kind === 'revision')!;
    expect(rev.fix).toMatchObject({ kind: 'accept_revision', id: 'returns', baseVersion: 1, body: 'Returns are free within 60 days.' });

    await saveEntry(db, { ...returns, title: 'Returns (edited)' }, 'anna', { now: NOW });
    await expect(applyFix(db, rev.fix, 'maria', { now: LATER })).rejects.toThrow(/changed since the agents' edit was proposed/);
    expect((await db.entries.get('returns'))!.body).toBe('Returns are free within 30 days.');

    const fresh = { ...rev.fix, baseVersion: 2 } as typeof rev.fix;
    await applyFix(db, fresh, 'maria', { now: LATER });
    expect(await db.entries.get('returns')).toMatchObject({ body: 'Returns are free within 60 days.', version: 3 });
    // The entry changed after those inserts: their edits no longer count.
    expect((await loadReviewQueue(db, { now: LATER })).findings.filter((f) => f.kind === 'revision')).toEqual([]);
  });

  it('removes a shared question from one entry, runs bulk fixes, and refuses the editor\'s fix', async () => {
    db = freshDb();
    await saveEntry(db, entry('a', { title: 'Parcel tracking', body: 'Follow the link.', questions: ['Where is my parcel?', 'Tracking link'] }), 'anna', { now: NOW });
    await saveEntry(db, entry('b', { title: 'Delivery times', body: 'Two working days.', questions: ['Where is my parcel?'], reviewBy: '2026-11-01' }), 'anna', { now: NOW });
    const q = await loadReviewQueue(db, { now: LATER });
    const shared = q.findings.find((f) => f.kind === 'shared_question')!;
    await applyFix(db, shared.fix, 'lea', { now: LATER });
    const overdue = q.findings.find((f) => f.kind === 'overdue')!;
    await applyFix(db, overdue.fix, 'lea', { now: LATER });
    const after = await loadReviewQueue(db, { now: LATER });
    // No events recorded: whether they were suggested in 90 days cannot be told, so nothing is said.
    expect(after.findings).toEqual([]);
    // Events reaching back 90 days: neither was shown in them.
    await recordEvent(db, { type: 'no_confident_answer', ticket, at: new Date(LATER.getTime() - 91 * 86_400_000).toISOString() });
    expect((await loadReviewQueue(db, { now: LATER })).findings.map((f) => f.kind)).toEqual(['never_suggested', 'never_suggested']);
    expect(await db.entries.get('b')).toMatchObject({ questions: [], reviewBy: '2027-05-23' });
    await expect(applyFix(db, { kind: 'edit', label: 'Edit', id: 'a' }, 'lea')).rejects.toThrow(/fixed in the editor/);
  });
});
