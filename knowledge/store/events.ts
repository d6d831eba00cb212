import { AcceptanceEvent, hashTicket, type EventType, type StoredEvent } from '../events.ts';
import { redact } from '../redact.ts';
import type { EventRow, KnowledgeDb } from './db.ts';
import { StoreError, withStoreErrors } from './errors.ts';
import { storedIds } from './event-files.ts';
import { getSettings, hashSalt } from './settings.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An event as the panel reports it: the ticket itself (hashed here with the settings' salt, never
 * stored) instead of ticketHash; `at` defaults to now.
 */
export type EventInput = DistributiveOmit<StoredEvent, 'ticketHash' | 'helpdesk' | 'at'> & {
  ticket: { helpdesk: string; id: string; url?: string };
  at?: string;
};

export interface RecordOptions {
  /** The requester's name(s), redacted from notes. */
  names?: string[];
  now?: Date;
}

/** Validates, hashes the ticket, redacts free text and stores the event. Unknown fields are dropped, not stored. */
export async function recordEvent(db: KnowledgeDb, input: EventInput, options: RecordOptions = {}): Promise<StoredEvent & { seq: number }> {
  const settings = await getSettings(db);
  const { ticket, ...rest } = input;
  const candidate: Record<string, unknown> = {
    eventId: globalThis.crypto.randomUUID(),
    ...rest,
    installId: settings.installId,
    at: input.at ?? (options.now ?? new Date()).toISOString(),
    helpdesk: ticket.helpdesk,
    ticketHash: await hashTicket(ticket, hashSalt(settings)),
  };
  if (typeof candidate.note === 'string') candidate.note = redact(candidate.note, { names: options.names });
  const parsed = AcceptanceEvent.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreError('invalid', `Acceptance event ${JSON.stringify(String(input.type))}, ${issue.path.join('.') || 'event'}: ${issue.message}`);
  }
  const row: EventRow = parsed.data;
  const seq = await withStoreErrors('the acceptance event', () => db.events.add(row));
  return { ...parsed.data, seq };
}

export interface EventRange {
  /** Inclusive ISO 8601 (or YYYY-MM-DD) lower bound on `at`. */
  from?: string;
  /** Exclusive upper bound on `at`. */
  to?: string;
  types?: EventType[];
}

/** Stored events in time order (then in recording order), within the range. */
export async function listEvents(db: KnowledgeDb, range: EventRange = {}): Promise<(StoredEvent & { seq: number })[]> {
  const from = range.from ?? '';
  const to = range.to ?? '\uffff';
  const rows = from < to ? await db.events.where('at').between(from, to, true, false).toArray() : [];
  return rows
    .filter((r) => !range.types || range.types.includes(r.type))
    .map((r) => ({ ...r, seq: r.seq! }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
}

/**
 * Adds events (e.g. merged files, knowledge/reports/jsonl.ts) that the store does not hold yet, by
 * eventId, through its index. One bulkAdd: all added or none. See also importEventFilesToStore.
 */
export async function addImportedEvents(db: KnowledgeDb, events: readonly (StoredEvent & { eventId: string })[]): Promise<{ added: number; duplicates: number }> {
  return withStoreErrors('the imported events', () =>
    db.transaction('rw', db.events, async () => {
      const held = await storedIds(db, events.map((e) => e.eventId));
      const fresh: EventRow[] = [];
      for (const e of events) {
        if (held.has(e.eventId)) continue;
        held.add(e.eventId);
        const { seq: _seq, ...row } = e as StoredEvent & { eventId: string; seq?: number };
        fresh.push(row);
      }
      await db.events.bulkAdd(fresh);
      return { added: fresh.length, duplicates: events.length - fresh.length };
    }),
  );
}
