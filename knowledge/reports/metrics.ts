import { REJECT_REASONS, type RejectReason, type StoredEvent } from '../events.ts';
import { mean, quantile } from './stats.ts';

/**
 * Below this many units (tickets for a ticket rate, values for a median or a percentile) a number
 * is shown as "small sample", not drawn as a trend. Why 30: the 95% interval of a proportion near
 * 50% is still ±18 points at n = 30 (1.96·√(0.25/30)), ±31 points at n = 10; below 30 two ranges
 * can differ by 20 points by chance alone, which is exactly the change a trainer would act on.
 * The 90th percentile needs at least 10 values to be more than the maximum; 30 gives it 3 above.
 */
export const MIN_SAMPLE = 30;

export type SampleStatus = 'empty' | 'small' | 'ok';

/** One number with how many units it rests on; value is null when there are none. */
export interface Measure {
  value: number | null;
  n: number;
  status: SampleStatus;
}

export function measure(value: number, n: number, minSample = MIN_SAMPLE): Measure {
  if (n === 0 || Number.isNaN(value)) return { value: null, n, status: 'empty' };
  return { value, n, status: n < minSample ? 'small' : 'ok' };
}

/** Edit-ratio buckets: as suggested, a touch (a name, a date), a sentence, a paragraph, rewritten. */
export const EDIT_BUCKETS = [
  { label: '0 (as suggested)', max: 0 },
  { label: '≤ 10%', max: 0.1 },
  { label: '≤ 25%', max: 0.25 },
  { label: '≤ 50%', max: 0.5 },
  { label: '> 50%', max: 1 },
] as const;

export interface Metrics {
  events: number;
  /** Distinct tickets shown at least one suggestion. */
  ticketsShown: number;
  /** Of those, tickets where an answer was inserted. */
  ticketsInserted: number;
  /** ticketsInserted ÷ ticketsShown (n = ticketsShown). */
  acceptance: Measure;
  inserts: number;
  /** Inserts of the first suggestion ÷ inserts. */
  firstSuggestionShare: Measure;
  copies: number;
  ticketsCopied: number;
  editRatio: { median: Measure; mean: Measure; histogram: { label: string; count: number }[] };
  rejections: number;
  rejectionsByReason: Record<RejectReason, number>;
  /** Tickets shown a suggestion where one was rejected ÷ ticketsShown. */
  rejectionRate: Measure;
  flags: number;
  ticketsNoConfidentAnswer: number;
  /** Tickets where the engine abstained ÷ tickets it read (shown a suggestion or abstained). */
  noConfidentAnswerRate: Measure;
  manualSearches: number;
  /** Searches where the entry chosen was then inserted on the same ticket. */
  manualSearchesInserted: number;
  manualSearchInsertRate: Measure;
  /** From reading the ticket to inserting, in milliseconds, over inserts that carry msFromRead. */
  msToInsert: { median: Measure; p90: Measure };
}

const time = (e: StoredEvent) => Date.parse(e.at);

/** Searches whose chosen entry was inserted on the same ticket at or after the search. Parses times only for tickets with a search. */
function searchesEndingInInsert(
  searches: readonly Extract<StoredEvent, { type: 'manual_search' }>[],
  inserts: readonly Extract<StoredEvent, { type: 'inserted' }>[],
): number {
  if (searches.length === 0) return 0;
  const searched = new Set(searches.map((s) => s.ticketHash));
  /** ticket + entry -> times inserted */
  const insertsAt = new Map<string, number[]>();
  for (const e of inserts) {
    if (!searched.has(e.ticketHash)) continue;
    const key = `${e.ticketHash} ${e.entryId}`;
    const list = insertsAt.get(key);
    if (list) list.push(time(e));
    else insertsAt.set(key, [time(e)]);
  }
  let count = 0;
  for (const s of searches) {
    const at = s.chosenEntryId ? insertsAt.get(`${s.ticketHash} ${s.chosenEntryId}`) : undefined;
    const t = time(s);
    if (at?.some((i) => i >= t)) count++;
  }
  return count;
}

/** Every report number over one set of events (already cut to a range and a group). */
export function computeMetrics(events: readonly StoredEvent[], minSample = MIN_SAMPLE): Metrics {
  const shown = new Set<string>();
  const inserted = new Set<string>();
  const copied = new Set<string>();
  const rejectedTickets = new Set<string>();
  const noAnswer = new Set<string>();
  const byReason = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  const ratios: number[] = [];
  const times: number[] = [];
  const insertEvents: Extract<StoredEvent, { type: 'inserted' }>[] = [];
  const searches: Extract<StoredEvent, { type: 'manual_search' }>[] = [];
  let inserts = 0;
  let firstInserts = 0;
  let copies = 0;
  let rejections = 0;
  let flags = 0;
  for (const e of events) {
    switch (e.type) {
      case 'shown':
        shown.add(e.ticketHash);
        break;
      case 'inserted': {
        inserts++;
        if (e.rank === 1) firstInserts++;
        inserted.add(e.ticketHash);
        ratios.push(e.editRatio);
        if (e.msFromRead !== undefined) times.push(e.msFromRead);
        insertEvents.push(e);
        break;
      }
      case 'copied':
        copies++;
        copied.add(e.ticketHash);
        break;
      case 'rejected':
        rejections++;
        byReason[e.reason]++;
        rejectedTickets.add(e.ticketHash);
        break;
      case 'flagged_outdated':
        flags++;
        break;
      case 'no_confident_answer':
        noAnswer.add(e.ticketHash);
        break;
      case 'manual_search':
        searches.push(e);
        break;
    }
  }
  let shownInserted = 0;
  let shownRejected = 0;
  for (const t of shown) {
    if (inserted.has(t)) shownInserted++;
    if (rejectedTickets.has(t)) shownRejected++;
  }
  const read = new Set([...shown, ...noAnswer]).size;
  const searchesInserted = searchesEndingInInsert(searches, insertEvents);
  const sortedRatios = [...ratios].sort((a, b) => a - b);
  const sortedTimes = [...times].sort((a, b) => a - b);
  const histogram = EDIT_BUCKETS.map((b) => ({ label: b.label, count: 0 }));
  for (const r of ratios) histogram[EDIT_BUCKETS.findIndex((b) => r <= b.max)]!.count++;
  return {
    events: events.length,
    ticketsShown: shown.size,
    ticketsInserted: shownInserted,
    acceptance: measure(shownInserted / shown.size, shown.size, minSample),
    inserts,
    firstSuggestionShare: measure(firstInserts / inserts, inserts, minSample),
    copies,
    ticketsCopied: copied.size,
    editRatio: {
      median: measure(quantile(sortedRatios, 0.5, true), ratios.length, minSample),
      mean: measure(mean(ratios), ratios.length, minSample),
      histogram,
    },
    rejections,
    rejectionsByReason: byReason,
    rejectionRate: measure(shownRejected / shown.size, shown.size, minSample),
    flags,
    ticketsNoConfidentAnswer: noAnswer.size,
    noConfidentAnswerRate: measure(noAnswer.size / read, read, minSample),
    manualSearches: searches.length,
    manualSearchesInserted: searchesInserted,
    manualSearchInsertRate: measure(searchesInserted / searches.length, searches.length, minSample),
    msToInsert: {
      median: measure(quantile(sortedTimes, 0.5, true), times.length, minSample),
      p90: measure(quantile(sortedTimes, 0.9, true), times.length, minSample),
    },
  };
}
