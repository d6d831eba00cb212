import type { EditHunk } from '../edits.ts';
import { AcceptanceEvent, hashTicket, type EventType, type StoredEvent } from '../events.ts';
import { redact } from '../redact.ts';
import type { EventRow, KnowledgeDb } from './db.ts';
import { StoreError, withStoreErrors } from './errors.ts';
import { blockEvents } from './event-block-columns.ts';
import { eventTables } from './event-blocks.ts';
import { storedIds } from './event-import.ts';
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
  if (Array.isArray(candidate.edits)) candidate.edits = redactEdits(candidate.edits as EditHunk[], options.names);
  const parsed = AcceptanceEvent.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreError('invalid', `Acceptance event ${JSON.stringify(String(input.type))}, ${issue.path.join('.') || 'event'}: ${issue.message}`);
  }
  const row: EventRow = parsed.data;
  const seq = await withStoreErrors('the acceptance event', () => db.events.add(row));
  return { ...parsed.data, seq };
}

/**
 * Each part of each hunk redacted on its own, and the whole change once more as it reads (a name
 * can be cut in two by a hunk's edge, "Dear Ms" | "Rossi"): when the joined text redacts
 * differently from the parts joined, the hunk keeps only what the joined redaction keeps.
 */
function redactEdits(edits: readonly EditHunk[], names: string[] | undefined): EditHunk[] {
  const r = (s: string) => (typeof s === 'string' ? redact(s, { names }) : s);
  return edits.map((h) => {
    const parts = { before: r(h.before), removed: r(h.removed), added: r(h.added), after: r(h.after) };
    const joinedAdded = r(`${h.before}${h.added}${h.after}`);
    const joinedRemoved = r(`${h.before}${h.removed}${h.after}`);
    const clean = joinedAdded === `${parts.before}${parts.added}${parts.after}` && joinedRemoved === `${parts.before}${parts.removed}${parts.after}`;
    return clean ? parts : { before: '', removed: joinedRemoved, added: joinedAdded, after: '' };
  });
}

export interface EventRange {
  /** Inclusive ISO 8601 (or YYYY-MM-DD) lower bound on `at`. */
  from?: string;
  /** Exclusive upper bound on `at`. */
  to?: string;
  types?: EventType[];
}

/**
 * Stored events in time order (then recorded ones in recording order, then imported ones), within
 * the range: the one way to read events, loose rows and blocks (event-blocks.ts) alike. Imported
 * events have no `seq`. A caller's transaction must include eventTables(db).
 */
export async function listEvents(db: KnowledgeDb, range: EventRange = {}): Promise<(StoredEvent & { seq?: number })[]> {
  const from = range.from ?? '';
  const to = range.to ?? '\uffff';
  const rows = from < to ? await db.events.where('at').between(from, to, true, false).toArray() : [];
  // The `at` index gives them by time, then by seq.
  const loose = rows.filter((r) => !range.types || range.types.includes(r.type));
  const blocks = await blockEvents(db, range);
  if (!blocks.length) return loose;
  return [...loose, ...blocks].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Adds events (e.g. merged files, knowledge/reports/jsonl.ts) that the store does not hold yet, by
 * eventId, through its index. One bulkAdd: all added or none. See also importEventFilesToStore.
 */
export async function addImportedEvents(db: KnowledgeDb, events: readonly (StoredEvent & { eventId: string })[]): Promise<{ added: number; duplicates: number }> {
  return withStoreErrors('the imported events', () =>
    db.transaction('rw', eventTables(db), async () => {
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
