import { diffChars } from 'diff';
import { z } from 'zod';

/**
 * Acceptance events: what agents did with suggestions, kept locally for the trainers' reports.
 * Never the customer's text: the ticket is a salted hash, free text (notes) is redacted before it
 * is stored, and a manual search keeps only the query's length.
 */
export const REJECT_REASONS = ['wrong_topic', 'outdated', 'incomplete', 'tone', 'other'] as const;
export const RejectReason = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReason>;

export const NOTE_MAX = 280;

const EntryId = z.string().min(1).max(128);
const Rank = z.number().int().min(1).max(100);
const Confidence = z.number().min(0).max(1);
const Note = z.string().trim().max(NOTE_MAX);
const Millis = z.number().int().min(0).max(7 * 24 * 3600 * 1000);

/**
 * A random UUID given when the event is recorded: files from several agents merge by it without
 * counting an event twice. Optional because events stored before it existed lack it (eventIdOf
 * derives a stable one for those).
 */
export const EventId = z.string().min(8).max(80).regex(/^[A-Za-z0-9:_-]+$/, 'letters, digits, - _ : only');
/**
 * The installation's random id (settings row `installId`, made once): whose machine recorded the
 * event, without naming the agent. "Export my events" writes only this installation's events.
 * Optional for the same reason as eventId (the version 4 upgrade gives stored events both).
 */
export const InstallId = EventId;
/** At most KEY_TERMS_MAX redacted words of the ticket (see keyTerms): what a gap is about, never the text. */
export const KEY_TERMS_MAX = 12;
const KeyTerms = z.array(z.string().min(1).max(40)).max(KEY_TERMS_MAX);

const base = {
  eventId: EventId.optional(),
  installId: InstallId.optional(),
  at: z.string().datetime({ offset: true }),
  /** SHA-256 (hex) of salt + helpdesk + ticket id: counts one ticket's events together, never names it. */
  ticketHash: z.string().regex(/^[0-9a-f]{64}$/),
  helpdesk: z.string().min(1).max(40),
  agent: z.string().trim().min(1).max(100).optional(),
};

export const ShownEvent = z.object({
  ...base,
  type: z.literal('shown'),
  suggestions: z.array(z.object({ entryId: EntryId, rank: Rank, confidence: Confidence })).min(1).max(20),
});
export const InsertedEvent = z.object({
  ...base,
  type: z.literal('inserted'),
  entryId: EntryId,
  rank: Rank,
  /** How much the agent changed the text before inserting it: see editRatio. 0 = as suggested. */
  editRatio: z.number().min(0).max(1),
  /** From the content script reading the ticket in the tab (TabState.readAt) to the insert. */
  msFromRead: Millis.optional(),
});
/** msFromRead: from the content script reading the ticket in the tab to the copy. */
export const CopiedEvent = z.object({ ...base, type: z.literal('copied'), entryId: EntryId, rank: Rank, msFromRead: Millis.optional() });
export const RejectedEvent = z.object({
  ...base,
  type: z.literal('rejected'),
  entryId: EntryId,
  rank: Rank.optional(),
  reason: RejectReason,
  note: Note.optional(),
  keyTerms: KeyTerms.optional(),
});
export const FlaggedOutdatedEvent = z.object({ ...base, type: z.literal('flagged_outdated'), entryId: EntryId, note: Note.optional() });
export const NoConfidentAnswerEvent = z.object({
  ...base,
  type: z.literal('no_confident_answer'),
  /** The top candidate's confidence; absent when no entry matched at all. */
  bestConfidence: Confidence.optional(),
  /** The threshold the engine used. Recorded on every new event; optional because events stored before it was recorded lack it. */
  threshold: Confidence.optional(),
  keyTerms: KeyTerms.optional(),
});
export const ManualSearchEvent = z.object({
  ...base,
  type: z.literal('manual_search'),
  /** Only the length: a query typed by an agent often quotes the customer. */
  queryLength: z.number().int().min(0).max(10_000),
  resultCount: z.number().int().min(0).max(1000),
  chosenEntryId: EntryId.optional(),
});

export const AcceptanceEvent = z.discriminatedUnion('type', [
  ShownEvent,
  InsertedEvent,
  CopiedEvent,
  RejectedEvent,
  FlaggedOutdatedEvent,
  NoConfidentAnswerEvent,
  ManualSearchEvent,
]);
export type AcceptanceEvent = z.infer<typeof AcceptanceEvent>;
export type EventType = AcceptanceEvent['type'];
export const EVENT_TYPES = AcceptanceEvent.options.map((o) => o.shape.type.value) as EventType[];

/** An event as stored: validated and redacted. */
export type StoredEvent = AcceptanceEvent;

/**
 * Share of the suggestion the agent changed before inserting: characters added or removed
 * (diffChars), whichever is more, over the longer text. 0 = inserted as suggested, 1 = rewritten.
 * Texts too different to diff cheaply (more than maxEdit changed characters) count as 1.
 */
export function editRatio(suggested: string, inserted: string, maxEdit = 5000): number {
  const longer = Math.max(suggested.length, inserted.length);
  if (longer === 0 || suggested === inserted) return 0;
  const changes = diffChars(suggested, inserted, { maxEditLength: maxEdit });
  if (!changes) return 1;
  let added = 0;
  let removed = 0;
  for (const c of changes) {
    if (c.added) added += c.value.length;
    else if (c.removed) removed += c.value.length;
  }
  return Math.min(1, Math.max(added, removed) / longer);
}

/** The key one ticket's events share: the helpdesk's id, or its URL when the page shows no id. */
export function ticketKey(ticket: { helpdesk: string; id: string; url?: string }): string {
  return `${ticket.helpdesk}\u0000${ticket.id || ticket.url || ''}`;
}

/** Salted SHA-256 (hex) of a ticket key; the salt is settings.ticketSalt. */
export async function hashTicket(ticket: { helpdesk: string; id: string; url?: string }, salt: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}\u0000${ticketKey(ticket)}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
