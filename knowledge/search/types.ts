import type { Entry } from '../entry';
import type { Field, RankingOptions } from './bm25f';
import type { TokeniseOptions } from './tokenise';

// The search index's public shapes: what callers pass (options, query parts) and get back (hits,
// their matched words and coverage). index.ts re-exports them.

/** A ticket's wording that taught the index which entry answers it (see knowledge/feedback.ts). */
export interface LearnedPhrasing {
  entryId: string;
  /** The distinctive words, as the customer wrote them. */
  text: string;
  /** The same words as index terms (tokenised with the index's options). */
  terms: string[];
  /** ISO 8601 */
  at: string;
}

/**
 * What ranking, filtering and the panel's lists need of an entry: an index that does not hold the
 * entries (the service worker's, loaded from its binary copy) keeps only this, and the caller
 * reads the few entries it shows from the store.
 */
export type EntryRef = Pick<Entry, 'id' | 'title' | 'status' | 'reviewBy' | 'locale'>;

export function refOf(e: EntryRef): EntryRef {
  return { id: e.id, title: e.title, status: e.status, locale: e.locale, ...(e.reviewBy !== undefined ? { reviewBy: e.reviewBy } : {}) };
}

export interface IndexOptions {
  tokenise?: Partial<TokeniseOptions>;
  ranking?: Partial<RankingOptions>;
}

export interface QueryPart {
  text: string;
  /** How much this part counts (subject and latest message above the earlier thread). */
  weight: number;
  /** Already tokenised (e.g. typo-corrected) terms: used instead of tokenising `text`. */
  terms?: readonly string[];
}

export interface SearchOptions {
  limit?: number;
  /** Leads' search sees everything; the agent's suggestions pass isSuggestable here. */
  filter?: (entry: EntryRef) => boolean;
  /** The query's language (tokenised with its stemmer); default: the index's default locale. */
  locale?: string;
}

export type Matched = Partial<Record<Field, string[]>>;

export interface SearchHit {
  id: string;
  score: number;
  /** Query words found in each field of the entry: why it was suggested. */
  matched: Matched;
}

export interface RankedHit extends SearchHit {
  /** Share of the query's weight (by idf) that this entry contains, 0..1; content words no entry has count at the highest idf. */
  coverage: number;
}

export interface QueryResult {
  hits: RankedHit[];
  /** The score of an entry matching every known query term perfectly: score / ideal is 0..1. */
  ideal: number;
  /** Query terms the index knows, with their weight. */
  terms: { term: string; word: string; weight: number }[];
}
