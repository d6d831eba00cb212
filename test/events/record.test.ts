import { afterEach, describe, expect, it } from 'vitest';
import { hashTicket } from '../../knowledge/events.ts';
import type { KnowledgeDb } from '../../knowledge/store/db.ts';
import { StoreError } from '../../knowledge/store/errors.ts';
import { listEvents, recordEvent } from '../../knowledge/store/events.ts';
import { getSettings } from '../../knowledge/store/settings.ts';
import { freshDb } from '../store/helpers.ts';

let db: KnowledgeDb;
afterEach(async () => {
  await db?.delete();
});

const ticket = { helpdesk: 'zendesk', id: '90210' };

describe('recordEvent', () => {
  it('stores the salted hash of the ticket, never its id', async () => {
    db = freshDb();
    const stored = await recordEvent(db, { type: 'inserted', ticket, entryId: 'refund', rank: 1, editRatio: 0.12, msFromRead: 41_000, at: '2026-11-23T10:00:00Z' });
    const { ticketSalt } = await getSettings(db);
    expect(stored.ticketHash).toBe(await hashTicket(ticket, ticketSalt));
    expect(stored).toMatchObject({ type: 'inserted', helpdesk: 'zendesk', entryId: 'refund', editRatio: 0.12 });
    expect(JSON.stringify(await db.events.toArray())).not.toContain('90210');
  });

  it('redacts the agent\'s edits, also a name cut in two by a hunk\'s edge', async () => {
    db = freshDb();
    const stored = await recordEvent(
      db,
      {
        type: 'inserted',
        ticket,
        entryId: 'refund',
        rank: 1,
        editRatio: 0.3,
        edits: [
          { before: 'call us on ', removed: '0800 123 4567', added: '+49 761 1234567', after: ' today' },
          { before: 'Dear Ms', removed: '', added: ' Rossi', after: ', thanks' },
          { before: 'refunds take ', removed: '5', added: '7', after: ' days' },
        ],
      },
      { names: ['Giulia Rossi'] },
    );
    expect(stored.type === 'inserted' && stored.edits).toEqual([
      { before: 'call us on ', removed: '[phone]', added: '[phone]', after: ' today' },
      { before: 'Dear Ms', removed: '', added: ' [name]', after: ', thanks' },
      { before: 'refunds take ', removed: '5', added: '7', after: ' days' },
    ]);
    expect(JSON.stringify(await db.events.toArray())).not.toMatch(/Rossi|1234567/);
  });

  it('redacts notes and drops fields that are not in the schema (like a raw search query)', async () => {
    db = freshDb();
    await recordEvent(
      db,
      {
        type: 'rejected',
        ticket,
        entryId: 'refund',
        reason: 'outdated',
        note: 'Martina Rossi (martina.rossi@example.it, +39 347 123 4567) was told the old price',
        query: 'where is my parcel Martina Rossi',
      } as never,
      { names: ['Martina Rossi'] },
    );
    await recordEvent(db, { type: 'manual_search', ticket, queryLength: 31, resultCount: 2 });
    // The salted ticket hash, the event and installation ids (random hex) and the time stamp may contain any digits ("…T05:12:34.347Z"): leave them out of the check.
    const stored = (await db.events.toArray()).map(({ ticketHash: _hash, at: _at, eventId: _id, installId: _install, ...rest }) => rest);
    expect(JSON.stringify(stored)).not.toMatch(/martina|rossi|347|parcel/i);
    const [rejected] = await listEvents(db, { types: ['rejected'] });
    expect(rejected).toMatchObject({ note: '[name] ([email], [phone]) was told the old price' });
  });

  it.each([
    [{ type: 'rejected', ticket, entryId: 'refund', reason: 'too long' }, 'reason'],
    [{ type: 'inserted', ticket, entryId: 'refund', rank: 1, editRatio: 1.5 }, 'editRatio'],
    [{ type: 'shown', ticket, suggestions: [] }, 'suggestions'],
    [{ type: 'opened', ticket }, 'type'],
    [{ type: 'no_confident_answer', ticket, keyTerms: Array.from({ length: 13 }, (_, i) => `term${i}`) }, 'keyTerms'],
    [{ type: 'copied', ticket, entryId: 'refund', rank: 1, eventId: 'has spaces in it' }, 'eventId'],
  ])('refuses an invalid event %#', async (input, field) => {
    db = freshDb();
    const err = await recordEvent(db, input as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(field);
    expect(await db.events.count()).toBe(0);
  });
});

describe('event ids', () => {
  it('gives every recorded event its own random id, so merged files never count it twice', async () => {
    db = freshDb();
    const one = await recordEvent(db, { type: 'copied', ticket, entryId: 'a', rank: 1 });
    const two = await recordEvent(db, { type: 'copied', ticket, entryId: 'a', rank: 1 });
    expect(one.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(two.eventId).not.toBe(one.eventId);
    expect((await db.events.toArray()).map((e) => e.eventId)).toEqual([one.eventId, two.eventId]);
  });

  it('keeps key terms on gap events', async () => {
    db = freshDb();
    const stored = await recordEvent(db, { type: 'no_confident_answer', ticket, keyTerms: ['bike', 'workshop'] });
    expect(((await db.events.get(stored.seq)) as { keyTerms?: string[] } | undefined)?.keyTerms).toEqual(['bike', 'workshop']);
  });
});

describe('listEvents', () => {
  it('lists events in time order within a range and by type', async () => {
    db = freshDb();
    const at = (d: string) => `2026-11-${d}T09:00:00Z`;
    await recordEvent(db, { type: 'copied', ticket, entryId: 'b', rank: 2, at: at('22') });
    await recordEvent(db, { type: 'shown', ticket, suggestions: [{ entryId: 'a', rank: 1, confidence: 0.8 }], at: at('20') });
    await recordEvent(db, { type: 'no_confident_answer', ticket, bestConfidence: 0.2, threshold: 0.45, at: at('23') });
    await recordEvent(db, { type: 'flagged_outdated', ticket, entryId: 'a', at: at('21') });
    expect((await listEvents(db)).map((e) => e.type)).toEqual(['shown', 'flagged_outdated', 'copied', 'no_confident_answer']);
    expect((await listEvents(db, { from: '2026-11-21', to: '2026-11-23' })).map((e) => e.type)).toEqual(['flagged_outdated', 'copied']);
    expect((await listEvents(db, { types: ['copied', 'shown'] })).map((e) => e.type)).toEqual(['shown', 'copied']);
  });
});
