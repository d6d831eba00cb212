import type Fuse from 'fuse.js';
import { freshness, isSuggestable, today, type Entry, type Freshness } from '../entry';
import type { KnowledgeIndex, Matched } from './index';
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

const titleIndexes = new WeakMap<KnowledgeIndex, { key: string; fuse: Fuse<Entry> }>();

/**
 * The panel's search box: instant, typo-tolerant, approved (suggestable) knowledge only.
 * Candidates come from the index plus, for short queries, Fuse over titles; Fuse then re-ranks
 * that short list by title and questions.
 */
export function searchManual(text: string, index: KnowledgeIndex, options: ManualOptions = {}): ManualHit[] {
  const day = options.day ?? today();
  const limit = options.limit ?? 10;
  if (!text.trim()) return [];
  const suggestable = (e: Entry) => isSuggestable(e, day);
  const short = text.trim().split(/\s+/).length <= SHORT_QUERY_WORDS;
  const parts = short ? [{ text, weight: 1, terms: correctTypos(text, index) }] : [{ text, weight: 1 }];
  const hits = index.query(parts, { limit: CANDIDATES, filter: suggestable }).hits;
  const candidates = new Map<string, Entry>(hits.map((h) => [h.id, index.get(h.id)!]));
  if (short) {
    for (const r of titles(index, day).search(text, { limit: CANDIDATES })) candidates.set(r.item.id, r.item);
  }
  const closeness = fuseCloseness(text, [...candidates.values()]);
  const best = hits[0]?.score ?? 0;
  const byId = new Map(hits.map((h) => [h.id, h]));
  return [...candidates.values()]
    .map((entry) => {
      const hit = byId.get(entry.id);
      const score = 0.5 * (hit && best ? hit.score / best : 0) + 0.5 * (closeness.get(entry.id) ?? 0);
      return { entry, score, matched: shownMatches(hit?.matched ?? {}, [index.tokeniseOptions.defaultLocale, entry.locale]), freshness: freshness(entry, day) };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1))
    .slice(0, limit);
}

function titles(index: KnowledgeIndex, day: string): Fuse<Entry> {
  const key = `${index.revision}|${day}`;
  const cached = titleIndexes.get(index);
  if (cached?.key === key) return cached.fuse;
  const fuse = titleFuse(index.all().filter((e) => isSuggestable(e, day)));
  titleIndexes.set(index, { key, fuse });
  return fuse;
}
