import type Fuse from 'fuse.js';
import { freshness, isSuggestable, today, type Entry, type Freshness } from '../entry';
import type { EntryRef, KnowledgeIndex, Matched, SearchHit } from './index';
import { fuseCloseness, titleFuse } from './rerank';
import { correctTypos } from './typos';
import { shownMatches } from './why';

export interface ManualOptions {
  limit?: number;
  day?: string;
}

export interface ManualHit {
  entry: Entry;
  /** 0..1: half the index score (relative to the best), half Fuse's closeness of title/questions. */
  score: number;
  matched: Matched;
  freshness: Freshness;
}

/** Queries up to this many words get the typo-tolerant title pass over every approved entry. */
const SHORT_QUERY_WORDS = 6;
const CANDIDATES = 30;

const titleIndexes = new WeakMap<KnowledgeIndex, { key: string; fuse: Fuse<EntryRef> }>();

/** The first step of a manual search: the candidates' ids and the index's hits among them. */
export interface ManualCandidates {
  ids: string[];
  hits: SearchHit[];
  /** The index's default locale: its stop words are left out of the matched words shown. */
  defaultLocale: string;
}

/**
 * The panel's search box: instant, typo-tolerant, approved (suggestable) knowledge only.
 * Candidates come from the index plus, for short queries, Fuse over titles; Fuse then re-ranks
 * that short list by title and questions.
 */
export function searchManual(text: string, index: KnowledgeIndex, options: ManualOptions = {}): ManualHit[] {
  const found = manualCandidates(text, index, options);
  return rankManual(text, found, found.ids.map((id) => index.get(id)!), options);
}

/** Candidates from the index and the title pass: an index holding only refs reads these entries, then calls rankManual. */
export function manualCandidates(text: string, index: KnowledgeIndex, options: ManualOptions = {}): ManualCandidates {
  const day = options.day ?? today();
  const defaultLocale = index.tokeniseOptions.defaultLocale;
  if (!text.trim()) return { ids: [], hits: [], defaultLocale };
  const suggestable = (e: EntryRef) => isSuggestable(e, day);
  const short = text.trim().split(/\s+/).length <= SHORT_QUERY_WORDS;
  const parts = short ? [{ text, weight: 1, terms: correctTypos(text, index) }] : [{ text, weight: 1 }];
  const hits = index.query(parts, { limit: CANDIDATES, filter: suggestable }).hits;
  const ids = new Set(hits.map((h) => h.id));
  if (short) {
    for (const r of titles(index, day).search(text, { limit: CANDIDATES })) ids.add(r.item.id);
  }
  return { ids: [...ids], hits, defaultLocale };
}

/** Re-ranks the candidates (their entries, in `found.ids` order) by Fuse's closeness of title and questions. */
export function rankManual(text: string, found: ManualCandidates, entries: readonly Entry[], options: ManualOptions = {}): ManualHit[] {
  const day = options.day ?? today();
  const limit = options.limit ?? 10;
  if (!text.trim()) return [];
  const closeness = fuseCloseness(text, entries);
  const best = found.hits[0]?.score ?? 0;
  const byId = new Map(found.hits.map((h) => [h.id, h]));
  return entries
    .map((entry) => {
      const hit = byId.get(entry.id);
      const score = 0.5 * (hit && best ? hit.score / best : 0) + 0.5 * (closeness.get(entry.id) ?? 0);
      return { entry, score, matched: shownMatches(hit?.matched ?? {}, [found.defaultLocale, entry.locale]), freshness: freshness(entry, day) };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1))
    .slice(0, limit);
}

function titles(index: KnowledgeIndex, day: string): Fuse<EntryRef> {
  const key = `${index.revision}|${day}`;
  const cached = titleIndexes.get(index);
  if (cached?.key === key) return cached.fuse;
  const fuse = titleFuse(index.refs().filter((e) => isSuggestable(e, day)));
  titleIndexes.set(index, { key, fuse });
  return fuse;
}
