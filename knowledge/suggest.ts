import { freshness, isSuggestable, today, type Entry, type Freshness } from './entry';
import type { Ticket } from './ticket';
import { confidence, DEFAULT_THRESHOLD, hitFeatures } from './search/calibration';
import type { KnowledgeIndex, Matched, QueryResult } from './search/index';
import { ticketQuery, type TicketQuery } from './search/ticket-query';

export { searchManual, type ManualHit, type ManualOptions } from './search/manual';

export interface SuggestOptions {
  /** How many suggestions to list (default 3). */
  limit?: number;
  /** Today, YYYY-MM-DD: entries past their review date are never suggested. */
  day?: string;
  /** Minimum confidence of the top suggestion; below it the result abstains. */
  threshold?: number;
}

export interface Suggestion {
  entry: Entry;
  score: number;
  /** Estimated probability (0..1) that this entry answers the ticket. */
  confidence: number;
  /** Ticket words found in each field: why it was suggested. */
  matched: Matched;
  freshness: Freshness;
}

export interface SuggestResult {
  /** True when no suggestion is confident enough: the panel says "no confident answer". */
  abstained: boolean;
  reason?: string;
  query: TicketQuery;
  /** Best candidates first, listed even when abstaining. */
  suggestions: Suggestion[];
}

/** Candidates scored before confidence: the margin to the runner-up needs a few. */
const MIN_CANDIDATES = 3;

export function suggest(ticket: Ticket, index: KnowledgeIndex, options: SuggestOptions = {}): SuggestResult {
  const query = ticketQuery(ticket);
  const day = options.day ?? today();
  const limit = options.limit ?? 3;
  const result = index.query(query.parts, {
    limit: Math.max(limit, MIN_CANDIDATES),
    filter: (e) => isSuggestable(e, day),
    ...(query.locale ? { locale: query.locale } : {}),
  });
  const suggestions = toSuggestions(result, index, day).slice(0, limit);
  return { ...decide(suggestions, options.threshold ?? DEFAULT_THRESHOLD), query, suggestions };
}

export function toSuggestions(result: QueryResult, index: KnowledgeIndex, day: string): Suggestion[] {
  return result.hits.map((hit, i) => {
    const entry = index.get(hit.id)!;
    return {
      entry,
      score: hit.score,
      confidence: confidence(hitFeatures(result.hits, i, result.ideal, result.terms.length)),
      matched: hit.matched,
      freshness: freshness(entry, day),
    };
  });
}

export function decide(suggestions: readonly Suggestion[], threshold: number): { abstained: boolean; reason?: string } {
  const top = suggestions[0];
  if (!top) return { abstained: true, reason: 'No approved entry matches this ticket.' };
  if (top.confidence < threshold) {
    return {
      abstained: true,
      reason: `No confident answer: the best match has confidence ${top.confidence.toFixed(2)}, below ${threshold.toFixed(2)}.`,
    };
  }
  return { abstained: false };
}
