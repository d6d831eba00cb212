import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Entry } from '../../knowledge/entry.ts';
import { redact } from '../../knowledge/redact.ts';
import { parseEventsJsonl } from '../../knowledge/reports/jsonl.ts';
import { reviewQueue } from '../../knowledge/quality/queue.ts';
import { SAMPLE_DAY, sampleEventsAt } from '../../knowledge/sample-events.ts';
import { addImportedEvents } from '../../knowledge/store/events.ts';
import { applyImport } from '../../knowledge/store/import.ts';
import { applyFix, loadReviewQueue } from '../../knowledge/store/review.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { freshDb } from '../store/helpers.ts';

const text = readFileSync(new URL('../../knowledge/sample/events.jsonl', import.meta.url), 'utf8');
const entries = (JSON.parse(readFileSync(new URL('../../knowledge/sample/pack.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.map((e) => Entry.parse(e));
const tickets = JSON.parse(readFileSync(new URL('../../knowledge/sample/tickets.json', import.meta.url), 'utf8')) as { ticket: { requester?: { name?: string } } }[];
const NOW = new Date(`${SAMPLE_DAY}T10:00:00Z`);

let db: KnowledgeDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('sample events', () => {
  it('parse, name only sample entries, and hold no personal data', () => {
    const parsed = parseEventsJsonl({ name: 'events.jsonl', text });
    expect(parsed.errors).toEqual([]);
    const ids = new Set(entries.map((e) => e.id));
    for (const e of parsed.events) {
      const named = e.type === 'shown' ? e.suggestions.map((s) => s.entryId) : 'entryId' in e ? [e.entryId] : [];
      for (const id of named) expect(ids, id).toContain(id);
      expect(e.at < `${SAMPLE_DAY}T00:00:00Z`, e.eventId).toBe(true);
    }
    for (const line of text.split('\n')) expect(redact(line)).toBe(line);
    for (const name of tickets.flatMap((t) => t.ticket.requester?.name?.split(' ').at(-1) ?? [])) if (name.length > 2) expect(text, name).not.toContain(` ${name}`);
  });

  it('show the planted problems in the review queue: a near duplicate, overdue entries ranked by use, no owner, an agents\' edit', () => {
    const q = reviewQueue({ entries, events: sampleEventsAt(text, NOW), now: NOW });
    const keys = q.findings.map((f) => f.key);
    expect(keys).toContain('duplicate:refunds-how-long-old-faq|refunds-timing');
    expect(keys).toContain('no_owner:product-size-advice');
    expect(q.reviewFirst.slice(0, 2)).toEqual([expect.stringMatching(/^flagged:shipping-express-delivery:/), 'overdue:services-gear-rental:2026-10-31']);
    const rev = q.findings.find((f) => f.kind === 'revision')!;
    expect(rev.ids).toEqual(['returns-costs']);
    expect(rev.fix.kind === 'accept_revision' && rev.fix.body).toContain('**£5.95**, deducted from your refund (Evri or InPost drop-off, or collection)');
    expect(q.findings.find((f) => f.kind === 'most_rejected')!.ids).toEqual(['shipping-express-delivery']);
    expect(q.findings.find((f) => f.kind === 'archive_unused')!.ids).toEqual(['events-gear-care-workshops', 'shipping-uk-port-delays']);
    // Every entry agents may be shown was shown in the sample weeks: none looks unused.
    expect(q.counts.never_suggested).toBe(0);
  });

  it('move to any later day and still show the same problems; fixing each removes it', async () => {
    const later = new Date('2027-03-15T09:00:00Z');
    db = freshDb();
    await applyImport(db, { entries, problems: [] }, 'demo', { now: new Date('2026-11-22T00:00:00Z') });
    expect(await addImportedEvents(db, sampleEventsAt(text, later))).toMatchObject({ duplicates: 0 });
    expect(await addImportedEvents(db, sampleEventsAt(text, later))).toMatchObject({ added: 0 });
    const q = await loadReviewQueue(db, { now: later });
    const pick = (kind: string, id: string) => q.findings.find((f) => f.kind === kind && f.ids.includes(id))!;
    for (const f of [pick('duplicate', 'refunds-timing'), pick('overdue', 'services-gear-rental'), pick('revision', 'returns-costs'), pick('no_owner', 'shipping-australia-new-zealand')]) {
      await applyFix(db, f.fix, 'lea', { now: later });
    }
    const after = (await loadReviewQueue(db, { now: later })).findings.map((f) => f.key);
    expect(after.filter((k) => /refunds-timing|services-gear-rental|returns-costs|shipping-australia/.test(k))).toEqual([]);
  });
});
