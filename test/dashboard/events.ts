import type { StoredEvent } from '../../knowledge/events.ts';

const base = { ticketHash: 'a'.repeat(64), helpdesk: 'freescout' };

export function shown(at: string, ...entryIds: string[]): StoredEvent {
  return { ...base, at, type: 'shown', suggestions: entryIds.map((entryId, i) => ({ entryId, rank: i + 1, confidence: 0.7 })) };
}
export function inserted(at: string, entryId: string, editRatio = 0): StoredEvent {
  return { ...base, at, type: 'inserted', entryId, rank: 1, editRatio };
}
export function rejected(at: string, entryId: string): StoredEvent {
  return { ...base, at, type: 'rejected', entryId, reason: 'outdated' };
}
export function flagged(at: string, entryId: string): StoredEvent {
  return { ...base, at, type: 'flagged_outdated', entryId };
}
