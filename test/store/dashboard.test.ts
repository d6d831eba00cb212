import { afterEach, describe, expect, it } from 'vitest';
import { applyBulk } from '../../knowledge/store/bulk.ts';
import { loadHealth, loadKnowledgeList } from '../../knowledge/store/dashboard.ts';
import { checkImport } from '../../knowledge/store/import-check.ts';
import { applyImport } from '../../knowledge/store/import.ts';
import { describeImport } from '../../knowledge/quality.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { saveEntry } from '../../knowledge/store/entries.ts';
import { recordEvent } from '../../knowledge/store/events.ts';
import { entry, freshDb } from './helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

const ticket = { helpdesk: 'freescout', id: '42' };

describe('the dashboard loaders', () => {
  it('measure health from the stored entries, versions and shown events', async () => {
    db = freshDb();
    await saveEntry(db, entry('a', { status: 'draft' }), 'anna', { now: new Date('2026-10-01T00:00:00Z') });
    await saveEntry(db, entry('b'), 'anna', { now: new Date('2026-10-01T00:00:00Z') });
    await applyBulk(db, ['a'], { kind: 'approve' }, 'lead', { now: new Date('2026-11-18T00:00:00Z') });
    await recordEvent(db, { type: 'shown', ticket, at: '2026-11-20T00:00:00Z', suggestions: [{ entryId: 'b', rank: 1, confidence: 0.8 }] });
    const health = await loadHealth(db, { now: new Date('2026-11-23T10:00:00Z') });
    expect(health.current).toMatchObject({ entries: 2, healthy: 2, shows: 1, share: 1 });
    expect(health.weeks.at(-2)).toMatchObject({ source: 'history', entries: 2, healthy: 1, share: 1 / 2 });
  });

  it('list every entry with its use', async () => {
    db = freshDb();
    await saveEntry(db, entry('a'), 'anna');
    await recordEvent(db, { type: 'inserted', ticket, at: '2026-11-20T00:00:00Z', entryId: 'a', rank: 1, editRatio: 0 });
    await recordEvent(db, { type: 'inserted', ticket, at: '2026-01-20T00:00:00Z', entryId: 'a', rank: 1, editRatio: 0 });
    await saveEntry(db, entry('old-flag', { updatedAt: '2025-01-01T00:00:00Z' }), 'anna', { now: new Date('2025-01-01T00:00:00Z') });
    await recordEvent(db, { type: 'flagged_outdated', ticket, at: '2025-06-01T00:00:00Z', entryId: 'old-flag' });
    const rows = await loadKnowledgeList(db, { now: new Date('2026-11-23T10:00:00Z') });
    expect(rows.map((r) => [r.entry.id, r.use.inserted, r.neverSuggested, r.flagged])).toEqual([
      ['a', 1, true, false],
      ['old-flag', 0, true, true],
    ]);
  });

  it('check an import against the stored entries, and the report says what agents will not see', async () => {
    db = freshDb();
    const body = 'Once your return arrives we check it and refund you within 5 working days; cards take 3 to 10 days.';
    await saveEntry(db, entry('refund', { title: 'How long does a refund take?', body }), 'anna');
    const incoming = [
      entry('refund-2', { title: 'Refund: how long does it take?', body: `${body} PayPal is faster.` }),
      entry('gift', { title: 'Gift cards', body: 'Gift cards never expire.', questions: ['Do gift cards expire?'], status: 'draft' }),
    ];
    const now = new Date('2026-11-23T10:00:00Z');
    const warnings = await checkImport(db, incoming, { now });
    const report = await applyImport(db, { entries: incoming, problems: [] }, 'anna', { now });
    expect(describeImport(report, warnings)).toMatch(/^2 added, 0 updated, 0 unchanged\. 1 of them will not be suggested to agents: 1 draft\. 1 looks like a duplicate: refund-2 resembles refund \(\d+%\)\.$/);
  });
});
