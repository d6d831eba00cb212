import { isSuggestable, type Entry } from '../../../knowledge/entry.ts';
import { textQuery } from '../../../knowledge/search/fallback.ts';
import { KnowledgeIndex, type IndexOptions } from '../../../knowledge/search/index.ts';
import { queryLanguage } from '../../../knowledge/search/query-language.ts';
import { decide, suggest, toSuggestions } from '../../../knowledge/suggest.ts';
import type { Ticket } from '../../../knowledge/ticket.ts';
import { hitFeatures, type ConfidenceFeatures } from '../../../knowledge/search/calibration.ts';
import { baseCalibration, currentCalibration } from '../../../knowledge/search/self-calibration.ts';

/** A labelled query: plain text (BANKING77) or a whole ticket (sample tickets). `relevant` empty = the right answer is "none". */
export interface Labelled {
  id: string;
  text?: string;
  ticket?: Ticket;
  relevant: string[];
}

export interface Outcome {
  ranked: string[];
  relevant: string[];
  confidence: number;
  features?: ConfidenceFeatures;
  /** the top-1 is right (never, when the right answer is "none") */
  correct: boolean;
  /** the top-1 is shown (suggest() did not abstain), at the index's threshold */
  shown: boolean;
}

export const BENCH_DAY = '2026-11-23';

/** Built and self-calibrated (as the CLI does, and the worker once idle). */
export function buildOurs(entries: readonly Entry[], options?: IndexOptions): KnowledgeIndex {
  const index = KnowledgeIndex.build(entries, options);
  baseCalibration(index);
  return index;
}

/** Our engine as the panel uses it: suggest() for tickets, the same ranking and confidence for plain text. */
export function runOurs(index: KnowledgeIndex, queries: readonly Labelled[], limit = 10): Outcome[] {
  return queries.map((q) => {
    let ranked: string[];
    let confidence: number;
    let features: ConfidenceFeatures | undefined;
    let shown: boolean;
    if (q.ticket) {
      const r = suggest(q.ticket, index, { limit, day: BENCH_DAY });
      shown = !r.abstained;
      ranked = r.suggestions.map((s) => s.entry.id);
      confidence = r.suggestions[0]?.confidence ?? 0;
      features = r.suggestions[0]?.features;
    } else {
      // The query's language told from its text, as `kb rank` does (knowledge/cli/rank.ts answer())
      const { parts, locale } = textQuery(index, q.text ?? '', queryLanguage(index, q.text ?? ''));
      const res = index.query(parts, { limit: Math.max(limit, 3), filter: (e) => isSuggestable(e, BENCH_DAY), locale });
      const s = toSuggestions(res, index, BENCH_DAY);
      ranked = s.map((x) => x.entry.id).slice(0, limit);
      confidence = s[0]?.confidence ?? 0;
      if (res.hits.length) features = hitFeatures(res.hits, 0, res.ideal, res.terms.length);
      shown = !decide(s, currentCalibration(index).threshold).abstained;
    }
    const correct = ranked[0] !== undefined && q.relevant.includes(ranked[0]);
    return { ranked, relevant: q.relevant, confidence, ...(features ? { features } : {}), correct, shown };
  });
}
