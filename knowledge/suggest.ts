import { confidenceLabel, percent } from './confidence';
import { freshness, isSuggestable, today, type Entry, type Freshness } from './entry';
import type { Ticket } from './ticket';
import { confidence, hitFeatures, type ConfidenceFeatures } from './search/calibration';
import { baseLocale, localeQuery, mainLocale, type LocaleResult } from './search/fallback';
import type { EntryRef, KnowledgeIndex, Matched, QueryResult } from './search/index';
import { readsOf } from './search/query-language';
import { TICKET_WEIGHTS, ticketQuery, type TicketQuery } from './search/ticket-query';
import { currentCalibration, calibrated } from './search/self-calibration';
import { onlyStopWords, shownMatches, WEAK_CAP, weakEvidence } from './search/why';

export { searchManual, type ManualHit, type ManualOptions } from './search/manual';

export interface SuggestOptions {
  /** How many suggestions to list (default 3). */
  limit?: number;
  /** Today, YYYY-MM-DD: entries past their review date are never suggested. */
  day?: string;
  /** Minimum confidence of the top suggestion; below it the result abstains. */
  threshold?: number;
  /** Only entries this accepts are candidates (pilot mode: entries with a pilot tag). */
  only?: (entry: EntryRef) => boolean;
}

/** E: the whole entry (an index that holds entries), or its EntryRef (suggestRefs; the caller reads the entry). */
export interface Suggestion<E extends EntryRef = Entry> {
  entry: E;
  score: number;
  /** Estimated probability (0..1) that this entry answers the ticket. */
  confidence: number;
  /** What the confidence was computed from (for calibration). */
  features?: ConfidenceFeatures;
  /** Ticket words found in each field: why it was suggested. */
  matched: Matched;
  freshness: Freshness;
  /** Set when the entry was found by the language fallback (the ticket's language had no confident entry). */
  fallback?: { from: string; to: string };
}

export interface SuggestResult<E extends EntryRef = Entry> {
  /** True when no suggestion is confident enough: the panel says "no confident answer". */
  abstained: boolean;
  reason?: string;
  /** The confidence threshold the decision used (the option, or the knowledge base's own: self-calibration.ts). */
  threshold: number;
  query: TicketQuery;
  /** Best candidates first, listed even when abstaining. */
  suggestions: Suggestion<E>[];
}

/** Candidates scored before confidence: the margin to the runner-up needs a few. */
const MIN_CANDIDATES = 3;

export function suggest(ticket: Ticket, index: KnowledgeIndex, options: SuggestOptions = {}): SuggestResult {
  return rank(ticket, index, options, (id) => index.get(id)!);
}

/** suggest() for an index that holds only refs (the service worker's): the caller reads the entries it shows. */
export function suggestRefs(ticket: Ticket, index: KnowledgeIndex, options: SuggestOptions = {}): SuggestResult<EntryRef> {
  return rank(ticket, index, options, (id) => index.ref(id)!);
}

function rank<E extends EntryRef>(ticket: Ticket, index: KnowledgeIndex, options: SuggestOptions, entryOf: (id: string) => E): SuggestResult<E> {
  const main = mainLocale(index);
  // The ticket's language, told from its text; the main language when the text is too short to tell.
  const query = ticketQuery(ticket, TICKET_WEIGHTS, main, readsOf(index));
  const day = options.day ?? today();
  const limit = options.limit ?? 3;
  // the base's own threshold (self-calibration) unless the caller sets one
  const threshold = options.threshold ?? currentCalibration(index).threshold;
  const only = options.only;
  const filter = only ? (e: EntryRef) => isSuggestable(e, day) && only(e) : (e: EntryRef) => isSuggestable(e, day);
  const from = baseLocale(query.locale ?? index.tokeniseOptions.defaultLocale);
  const candidates = Math.max(limit, MIN_CANDIDATES);
  let suggestions: Suggestion<E>[];
  if (from === main) {
    const result = index.query(query.parts, { limit: candidates, filter, ...(query.locale ? { locale: query.locale } : {}) });
    suggestions = suggestionsOf(result, index, day, entryOf);
  } else {
    // Language fallback (DESIGN.md): entries in the ticket's language first when one is
    // confident; otherwise the main language's entries compete too.
    const same = localeSuggestions(localeQuery(index, query.parts, from, from, { limit: candidates, filter }), index, day, entryOf, false);
    suggestions = same;
    if (!(same[0] && same[0].confidence >= threshold)) {
      const other = localeQuery(index, query.parts, from, main, { limit: candidates, filter });
      const fallback = localeSuggestions(other, index, day, entryOf, true).map((s) => ({ ...s, fallback: { from, to: main } }));
      suggestions = mergeByConfidence(same, fallback);
    }
  }
  // toSuggestions left out the stop words of the entry's language; these are the ticket's words.
  suggestions = suggestions.slice(0, limit).map((s) => ({ ...s, matched: shownMatches(s.matched, [from]) }));
  return { ...decide(suggestions, threshold), threshold, query, suggestions };
}

/**
 * `readShare` (0..1, default 1): share of the ticket the searched entries can read; the
 * confidence evidence is scaled by it (see localeSuggestions).
 */
export function toSuggestions(result: QueryResult, index: KnowledgeIndex, day: string, readShare = 1, scaleMargin = false): Suggestion[] {
  return suggestionsOf(result, index, day, (id) => index.get(id)!, scaleMargin, readShare);
}

function suggestionsOf<E extends EntryRef>(
  result: QueryResult,
  index: KnowledgeIndex,
  day: string,
  entryOf: (id: string) => E,
  scaleMargin = false,
  readShare = 1,
): Suggestion<E>[] {
  const calibration = currentCalibration(index);
  const termOf = new Map(result.terms.map((t) => [t.word, t.term]));
  const docFreq = (word: string) => index.docFreq(termOf.get(word) ?? word);
  return result.hits.map((hit, i) => {
    const entry = entryOf(hit.id);
    const f = hitFeatures(result.hits, i, result.ideal, result.terms.length);
    // Evidence from a fraction of the ticket counts as that fraction: words this language's
    // entries cannot read are part of the question too (DESIGN.md, "Language fallback").
    const features = readShare < 1 ? { ...f, norm: f.norm * readShare, coverage: f.coverage * readShare, margin: scaleMargin ? f.margin * readShare : f.margin } : f;
    // the global model's estimate, mapped for this knowledge base; capped when the match rests on stop words or one common word
    const mapped = calibrated(confidence(features), calibration);
    return {
      entry,
      score: hit.score,
      confidence: onlyStopWords(hit.matched) ? 0 : weakEvidence(hit.matched, docFreq, index.size, hit.coverage) ? Math.min(mapped, WEAK_CAP) : mapped,
      features,
      matched: shownMatches(hit.matched, [index.tokeniseOptions.defaultLocale, entry.locale]),
      freshness: freshness(entry, day),
    };
  });
}

/**
 * Suggestions from one language's entries. Words those entries cannot read are part of the
 * question too: norm and coverage are scaled by the share they read. Across languages (the
 * fallback, for which there is no fitting data) the margin is scaled as well, so a lone entry
 * sharing one word with a foreign ticket is never "far ahead" (DESIGN.md, "Language fallback").
 */
const localeSuggestions = <E extends EntryRef>(r: LocaleResult, index: KnowledgeIndex, day: string, entryOf: (id: string) => E, across: boolean) =>
  suggestionsOf(r.result, index, day, entryOf, across, r.readShare);

/** Two ranked lists (each kept in its order) merged by confidence; an entry in both counts once. */
function mergeByConfidence<E extends EntryRef>(a: readonly Suggestion<E>[], b: readonly Suggestion<E>[]): Suggestion<E>[] {
  const out: Suggestion<E>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.confidence >= b[j]!.confidence) ? a[i++]! : b[j++]!;
    if (!out.some((s) => s.entry.id === next.entry.id)) out.push(next);
  }
  return out;
}

export function decide(suggestions: readonly Suggestion<EntryRef>[], threshold: number): { abstained: boolean; reason?: string } {
  const top = suggestions[0];
  if (!top) return { abstained: true, reason: 'No approved entry matches this ticket.' };
  if (top.confidence < threshold) {
    return {
      abstained: true,
      reason: `No confident answer: the best match has confidence ${confidenceLabel(top.confidence)}, below the ${percent(threshold)} needed.`,
    };
  }
  return { abstained: false };
}

/** Entries whose titles warmSuggestions asks about. */
const WARM_QUERIES = 3;

/**
 * Runs the suggestion path on a few of the index's own titles, read-only, so that what a query
 * builds once per index (the entries per language, the base's own reading of short texts, the
 * typo vocabulary, the code of every step) is built before an agent's ticket needs it. An index
 * just reloaded or rebuilt otherwise makes its first ticket pay for all of that: at 10k entries
 * 27–37 ms against 6 ms for the same ticket later, in Node. The service worker calls it when it is
 * idle after a change of the knowledge (entrypoints/background/knowledge-holder.ts).
 */
export function warmSuggestions(index: KnowledgeIndex, day = today()): void {
  const refs = index.refs();
  const step = Math.max(1, Math.floor(refs.length / WARM_QUERIES));
  for (let i = 0; i < Math.min(WARM_QUERIES, refs.length); i++) {
    const ref = refs[i * step]!;
    const ticket: Ticket = { helpdesk: 'warm-up', id: '', subject: ref.title, requester: {}, latestMessage: `${ref.title}?`, thread: [], tags: [] };
    suggestRefs(ticket, index, { day });
  }
}
