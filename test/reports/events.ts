import type { StoredEvent } from '../../knowledge/events.ts';

/** A 64-hex ticket hash standing for ticket number n. */
export const t = (n: number): string => n.toString(16).padStart(64, '0');

let counter = 0;
type Fields<T extends StoredEvent['type']> = Omit<Extract<StoredEvent, { type: T }>, 'type' | 'ticketHash' | 'helpdesk' | 'at' | 'eventId'> & {
  at?: string;
  helpdesk?: string;
  eventId?: string;
};

/** One stored event on ticket n, with an eventId and defaults a test need not repeat. */
export function ev<T extends StoredEvent['type']>(type: T, ticket: number, fields: Fields<T>): StoredEvent & { eventId: string } {
  counter++;
  return {
    helpdesk: 'zendesk',
    at: '2026-11-23T10:00:00.000Z',
    eventId: `test-${String(counter).padStart(6, '0')}`,
    ...fields,
    type,
    ticketHash: t(ticket),
  } as unknown as StoredEvent & { eventId: string };
}

export const shown = (ticket: number, entryIds: string[], extra: Partial<Fields<'shown'>> = {}) =>
  ev('shown', ticket, { suggestions: entryIds.map((entryId, i) => ({ entryId, rank: i + 1, confidence: 0.8 })), ...extra });
