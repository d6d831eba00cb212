import type { Ticket } from '@/knowledge/ticket';
import type { ManualHit, SuggestResultView } from '@/knowledge/messages';
import type { KnowledgeIndex } from '@/knowledge/search/index';
import { searchManual, suggest } from '@/knowledge/suggest';

/** How many suggestions the panel shows. */
export const PANEL_LIMIT = 3;

/** Runs the engine in the service worker and keeps what the panel shows (the wire shape), plus the threshold it used. */
export function suggestionsFor(ticket: Ticket, index: KnowledgeIndex, day: string, threshold?: number): SuggestResultView & { threshold: number } {
  const result = suggest(ticket, index, { limit: PANEL_LIMIT, day, ...(threshold !== undefined ? { threshold } : {}) });
  return {
    threshold: result.threshold,
    abstained: result.abstained,
    ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}),
    suggestions: result.suggestions.slice(0, PANEL_LIMIT).map((s) => ({
      entry: s.entry,
      score: s.score,
      confidence: s.confidence,
      matched: s.matched,
      freshness: s.freshness,
      ...(s.fallback ? { fallback: s.fallback } : {}),
    })),
  };
}

export function manualHits(text: string, index: KnowledgeIndex, day: string, limit: number): ManualHit[] {
  return searchManual(text, index, { limit, day }).map((h) => ({ entry: h.entry, score: h.score, matched: h.matched, freshness: h.freshness }));
}
