import type { Entry } from '@/knowledge/entry';
import { keyTerms } from '@/knowledge/key-terms';
import type { Ticket } from '@/knowledge/ticket';
import type { ManualHit, SuggestResultView } from '@/knowledge/messages';
import type { KnowledgeIndex } from '@/knowledge/search/index';
import { manualCandidates, rankManual } from '@/knowledge/search/manual';
import { suggestRefs } from '@/knowledge/suggest';
import { pilotReason, type Pilot } from './pilot';

/** How many suggestions the panel shows. */
export const PANEL_LIMIT = 3;
/** Key terms the manual search starts with when the engine abstains: few, so it stays a short (typo-tolerant) query. */
export const SEARCH_TERMS = 5;

/** Reads entries by id from the store: the worker's index holds refs only (KnowledgeHolder.entries). */
export type ReadEntries = (ids: readonly string[]) => Promise<Entry[]>;

/**
 * Runs the engine in the service worker and keeps what the panel shows (the wire shape), plus the
 * threshold it used. Only the shown entries are read from the store; one deleted meanwhile is left out.
 * When it abstains, the key terms to search with come separately (withSearchTerms): they need the
 * redactor, whose first use in a worker costs 100-300 ms (its patterns compile then, and again for
 * the first text with a character beyond Latin-1), so the verdict is shown first.
 * In pilot mode only pilot entries are candidates; when that leaves the ticket without an answer
 * the whole knowledge would have given, the result says pilot mode held it back.
 */
export async function suggestionsFor(
  ticket: Ticket,
  index: KnowledgeIndex,
  read: ReadEntries,
  day: string,
  threshold?: number,
  pilot?: Pilot,
): Promise<SuggestResultView & { threshold: number }> {
  const options = { limit: PANEL_LIMIT, day, ...(threshold !== undefined ? { threshold } : {}) };
  const result = suggestRefs(ticket, index, pilot ? { ...options, only: (e) => pilot.ids.has(e.id) } : options);
  if (pilot && result.abstained && !suggestRefs(ticket, index, options).abstained) {
    return { threshold: result.threshold, abstained: true, pilotHeld: true, reason: pilotReason(pilot.tags), suggestions: [] };
  }
  const shown = result.suggestions.slice(0, PANEL_LIMIT);
  const byId = new Map((await read(shown.map((s) => s.entry.id))).map((e) => [e.id, e]));
  return {
    threshold: result.threshold,
    abstained: result.abstained,
    ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}),
    suggestions: shown.flatMap((s) => {
      const entry = byId.get(s.entry.id);
      if (!entry) return [];
      return [{ entry, score: s.score, confidence: s.confidence, matched: s.matched, freshness: s.freshness, ...(s.fallback ? { fallback: s.fallback } : {}) }];
    }),
  };
}

/**
 * The result with the key terms the panel's search box starts from when the engine abstained
 * (redacted: knowledge/key-terms.ts), and all the ticket's key terms (for its "no confident answer"
 * event); a confident or pilot-held result is returned as it is.
 */
export function withSearchTerms<R extends SuggestResultView>(ticket: Ticket, result: R): { result: R; keyTerms?: string[] } {
  if (!result.abstained || result.pilotHeld) return { result };
  const terms = keyTerms(ticket);
  return { result: { ...result, searchTerms: terms.slice(0, SEARCH_TERMS) }, keyTerms: terms };
}

export async function manualHits(text: string, index: KnowledgeIndex, read: ReadEntries, day: string, limit: number): Promise<ManualHit[]> {
  const found = manualCandidates(text, index, { day });
  const entries = await read(found.ids);
  return rankManual(text, found, entries, { limit, day }).map((h) => ({ entry: h.entry, score: h.score, matched: h.matched, freshness: h.freshness }));
}
