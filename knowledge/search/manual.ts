import type Fuse from 'fuse.js';
import { freshness, isSuggestable, today, type Entry, type Freshness } from '../entry';
import type { EntryRef, KnowledgeIndex, Matched, RankedHit } from './index';
import { fuseCloseness, titleFuse } from './rerank';
import { correctTypos } from './typos';
import { shownMatches } from './why';

export interface ManualOptions {
  limit?: number;
  day?: string;
  /** Entries up to which the Fuse title pass runs (default TITLE_PASS_MAX). */
  titlePassMax?: number;
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
/**
 * Above this many entries the title pass is not run: Fuse's bitap over every title took 0.1-0.35 s
 * a search at 10k entries and 0.6-3.1 s at 100k (Node; a CPU profile of the worker showed one
 * panel search blocking the next ticket for seconds at 100k). Partial words are then completed
 * from the index's vocabulary instead (typos are corrected from it at every size).
 */
export const TITLE_PASS_MAX = 5_000;
/** Completions of one partial word, the most common first. */
const COMPLETIONS = 5;
const CANDIDATES = 30;
/**
 * What makes a result relevant rather than noise: the entry holds most of what was asked (its
 * share of the query's idf weight, the words no entry has included: QueryResult's coverage),
 * or Fuse finds its title or a question close (typos, partial words). "hello" or "the
 * weather today" list nothing instead of whatever shares one common word.
 */
const MIN_RELEVANCE = 0.6;
const MIN_CLOSENESS = 0.6;

const titleIndexes = new WeakMap<KnowledgeIndex, { key: string; fuse: Fuse<EntryRef> }>();

/** The first step of a manual search: the candidates' ids and the index's hits among them. */
export interface ManualCandidates {
  ids: string[];
  hits: RankedHit[];
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
  const titlePass = short && index.size <= (options.titlePassMax ?? TITLE_PASS_MAX);
  const parts = short ? [{ text, weight: 1, terms: titlePass ? correctTypos(text, index) : completed(correctTypos(text, index), index) }] : [{ text, weight: 1 }];
  const result = index.query(parts, { limit: CANDIDATES, filter: suggestable });
  const ids = new Set(result.hits.map((h) => h.id));
  if (titlePass) {
    for (const r of titles(index, day).search(text, { limit: CANDIDATES })) ids.add(r.item.id);
  }
  return { ids: [...ids], hits: result.hits, defaultLocale };
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
      const close = closeness.get(entry.id) ?? 0;
      const score = 0.5 * (hit && best ? hit.score / best : 0) + 0.5 * close;
      const relevant = (hit?.coverage ?? 0) >= MIN_RELEVANCE || close >= MIN_CLOSENESS;
      return { entry, score, relevant, matched: shownMatches(hit?.matched ?? {}, [found.defaultLocale, entry.locale]), freshness: freshness(entry, day) };
    })
    .filter((h) => h.score > 0 && h.relevant)
    .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1))
    .slice(0, limit)
    .map(({ relevant: _, ...h }) => h);
}

/**
 * The query's terms with each unknown word (three letters or more) that begins known terms
 * replaced by its commonest completions: "deliv" searches "delivery". The word itself goes, so
 * the coverage of what it completes to is not halved by it (QueryResult's coverage counts unknown words).
 */
function completed(terms: readonly string[], index: KnowledgeIndex): string[] {
  let vocabulary: string[] | undefined;
  return terms.flatMap((t) => {
    if (t.length < 3 || /\d/.test(t) || index.knows(t)) return [t];
    vocabulary ??= index.vocabulary();
    const found = vocabulary
      .filter((v) => v.length > t.length && v.startsWith(t))
      .sort((a, b) => index.docFreq(b) - index.docFreq(a) || (a < b ? -1 : 1))
      .slice(0, COMPLETIONS);
    return found.length ? found : [t];
  });
}

function titles(index: KnowledgeIndex, day: string): Fuse<EntryRef> {
  const key = `${index.revision}|${day}`;
  const cached = titleIndexes.get(index);
  if (cached?.key === key) return cached.fuse;
  const fuse = titleFuse(index.refs().filter((e) => isSuggestable(e, day)));
  titleIndexes.set(index, { key, fuse });
  return fuse;
}
