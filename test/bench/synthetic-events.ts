import type { StoredEvent } from '../../knowledge/events.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';

/** The bench's team: 40 agents over 180 days, 2000 entries (some far more used), about 3 events per ticket. */
export const SYNTHETIC_START = Date.parse('2026-06-05T00:00:00Z');
export const SYNTHETIC_DAYS = 180;
export const SYNTHETIC_ENTRIES = 2000;

export function syntheticEntries(): { id: string; title: string; tags: string[]; locale: string }[] {
  return Array.from({ length: SYNTHETIC_ENTRIES }, (_, i) => ({ id: `entry-${i}`, title: `Entry ${i}`, tags: [`tag-${i % 40}`, ...(i % 7 === 0 ? ['pilot'] : [])], locale: i % 5 === 0 ? 'de' : 'en' }));
}

/**
 * Events `from` .. `from + count` of one long synthetic history (event i is the same on every call),
 * as "Export my events" writes them: eventId and installId on each.
 */
export function syntheticEvents(from: number, count: number, total: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = from; i < from + count; i++) {
    const r = seededRandom(i + 1);
    const at = new Date(SYNTHETIC_START + Math.floor((i / total) * SYNTHETIC_DAYS * 86_400_000)).toISOString();
    const agent = Math.floor(i / 3) % 40;
    const base = {
      eventId: `ev-${i.toString(36).padStart(8, '0')}`,
      installId: `install-${agent.toString().padStart(4, '0')}`,
      at,
      ticketHash: Math.floor(i / 3).toString(16).padStart(64, '0'),
      helpdesk: agent % 4 ? 'zendesk' : 'freshdesk',
      agent: `Agent ${agent}`,
    };
    const entryId = `entry-${Math.floor(r() * r() * SYNTHETIC_ENTRIES)}`;
    const x = r();
    if (x < 0.42) out.push({ ...base, type: 'shown', suggestions: [1, 2, 3].map((rank) => ({ entryId: rank === 1 ? entryId : `entry-${Math.floor(r() * SYNTHETIC_ENTRIES)}`, rank, confidence: 0.9 - rank / 10 })) });
    else if (x < 0.7) out.push({ ...base, type: 'inserted', entryId, rank: 1 + Math.floor(r() * r() * 3), editRatio: Math.round(r() * r() * 1000) / 1000, msFromRead: Math.floor(5_000 + r() * 300_000) });
    else if (x < 0.78) out.push({ ...base, type: 'copied', entryId, rank: 1, msFromRead: Math.floor(r() * 200_000) });
    else if (x < 0.86) out.push({ ...base, type: 'rejected', entryId, rank: 1, reason: (['wrong_topic', 'outdated', 'incomplete', 'tone', 'other'] as const)[Math.floor(r() * 5)]!, keyTerms: ['parcel', 'late'] });
    else if (x < 0.88) out.push({ ...base, type: 'flagged_outdated', entryId });
    else if (x < 0.95) out.push({ ...base, type: 'no_confident_answer', threshold: 0.7, bestConfidence: 0.4, keyTerms: ['gift', 'voucher', 'expired'] });
    else out.push({ ...base, type: 'manual_search', queryLength: 20, resultCount: 4, ...(r() < 0.6 ? { chosenEntryId: entryId } : {}) });
  }
  return out;
}
