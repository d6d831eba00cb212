import { idf, queryWeight } from './bm25f';
import type { EntryRef, KnowledgeIndex, QueryPart, QueryResult } from './index';
import { droppingStopWords, tokenise, tokeniseWithWords } from './tokenise';

/**
 * Language fallback: a ticket in a language the knowledge base has no (confident) entry in is
 * also matched against the entries of the knowledge base's main language, with its words
 * tokenised and stemmed the way those entries are. There is no translation: what matches is
 * what the two languages share (product and carrier names, order words, English words inside
 * the ticket, cognates the target stemmer folds together, "coste" -> "cost"). See DESIGN.md,
 * "Language fallback".
 */

/** "de-CH" -> "de". */
export const baseLocale = (locale: string): string => locale.toLowerCase().split('-')[0] ?? '';

const locales = new WeakMap<KnowledgeIndex, { revision: number; counts: Map<string, number>; main: string }>();

/** Entries per language, and the main language; recounted when the index changes. */
function localeStats(index: KnowledgeIndex): { counts: Map<string, number>; main: string } {
  const cached = locales.get(index);
  if (cached?.revision === index.revision) return cached;
  // counted as written first (a few distinct locales), then by language: no string work per entry
  const written = new Map<string, number>();
  index.forEachRef((e) => written.set(e.locale, (written.get(e.locale) ?? 0) + 1));
  const counts = new Map<string, number>();
  for (const [locale, n] of written) counts.set(baseLocale(locale), (counts.get(baseLocale(locale)) ?? 0) + n);
  const preferred = baseLocale(index.tokeniseOptions.defaultLocale);
  let main = preferred;
  let best = counts.get(preferred) ?? 0;
  for (const [l, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (n > best) [main, best] = [l, n];
  }
  const stats = { revision: index.revision, counts, main };
  locales.set(index, stats);
  return stats;
}

/**
 * The language most entries are written in (ties: the index's default locale, then
 * alphabetical): the language a ticket falls back to.
 */
export const mainLocale = (index: KnowledgeIndex): string => localeStats(index).main;

/** Entries written in a language ("de", any status). */
export const localeCount = (index: KnowledgeIndex, locale: string): number => localeStats(index).counts.get(baseLocale(locale)) ?? 0;

/**
 * A text query in language `from`, ready for index.query: tokenised in its own language when some
 * entry is written in it; otherwise its words, less its own stop words, stemmed the way the main
 * language's entries are (as the ticket fallback does), so a query the detector reads as Spanish
 * still finds English entries and its "en" or "de" never matches.
 */
export function textQuery(index: KnowledgeIndex, text: string, from: string): { parts: QueryPart[]; locale: string } {
  const base = baseLocale(from);
  const main = mainLocale(index);
  if (base === main || (localeStats(index).counts.get(base) ?? 0) > 0) return { parts: [{ text, weight: 1 }], locale: from };
  return { parts: partsFor([{ text, weight: 1 }], base, main, index), locale: main };
}

/**
 * A ticket's query parts re-tokenised for another language: the ticket's words (its own stop
 * words removed, so "die" or "also" do not match English) stemmed the way `to` stems.
 */
export function partsFor(parts: readonly QueryPart[], from: string, to: string, index: KnowledgeIndex): QueryPart[] {
  const options = index.tokeniseOptions;
  // the ticket's own stop words go, whatever the index keeps: "die" or "also" are not English here
  const ownWords = droppingStopWords(options);
  return parts.map((p) => {
    const words = tokeniseWithWords(p.text, from, ownWords).map((w) => w.word);
    return { text: words.join(' '), weight: p.weight, terms: tokenise(words.join(' '), to, options) };
  });
}

export interface LocaleResult {
  locale: string;
  result: QueryResult;
  /**
   * Share of the ticket's words (by query weight x idf, a word no entry knows counting as the
   * rarest) that some entry of this language contains, 0..1.
   */
  readShare: number;
}

/**
 * Runs the ticket, tokenised as language `to` tokenises (its words read as `from`), against the
 * entries of language `to` only.
 */
export function localeQuery(
  index: KnowledgeIndex,
  parts: readonly QueryPart[],
  from: string,
  to: string,
  options: { limit: number; filter: (e: EntryRef) => boolean },
): LocaleResult {
  const inLocale = (e: EntryRef) => baseLocale(e.locale) === to;
  const accept = (e: EntryRef) => inLocale(e) && options.filter(e);
  const count = localeStats(index).counts.get(to) ?? 0;
  if (count === 0) return { locale: to, result: { hits: [], ideal: 0, terms: [] }, readShare: 0 };
  const tokenised = from === to ? parts.map((p) => ({ ...p, terms: tokenise(p.text, to, index.tokeniseOptions) })) : partsFor(parts, from, to, index);
  const result = index.query(tokenised, { limit: options.limit, filter: accept, locale: to });
  // pre-tokenised parts: matched lists terms; a term a hit matched needs no lookup
  const matched = new Set(result.hits.flatMap((h) => Object.values(h.matched).flat()));
  return { locale: to, result: asWritten(result, parts, from, to, index), readShare: readShare(index, tokenised, { inLocale, count, matched }) };
}

/** Pre-tokenised queries report terms ("deliv"); show the customer's words ("delivered") instead. */
function asWritten(result: QueryResult, parts: readonly QueryPart[], from: string, to: string, index: KnowledgeIndex): QueryResult {
  const options = index.tokeniseOptions;
  const word = new Map<string, string>();
  for (const p of parts) {
    for (const { word: w } of tokeniseWithWords(p.text, from, options)) {
      const term = tokenise(w, to, options)[0];
      if (term !== undefined && !word.has(term)) word.set(term, w);
    }
  }
  const show = (t: string) => word.get(t) ?? t;
  return {
    ...result,
    terms: result.terms.map((t) => ({ ...t, word: show(t.term) })),
    hits: result.hits.map((h) => ({ ...h, matched: Object.fromEntries(Object.entries(h.matched).map(([f, ws]) => [f, ws.map(show)])) })),
  };
}

/** A word is read if some entry of the language (any status) contains it. */
function readShare(
  index: KnowledgeIndex,
  parts: readonly QueryPart[],
  lang: { inLocale: (e: EntryRef) => boolean; count: number; matched: ReadonlySet<string> },
): number {
  const qtf = new Map<string, number>();
  for (const p of parts) for (const t of p.terms ?? []) qtf.set(t, (qtf.get(t) ?? 0) + p.weight);
  let read = 0;
  let total = 0;
  const k3 = index.ranking.k3;
  for (const [term, tf] of qtf) {
    const known = index.knows(term);
    const w = queryWeight(tf, k3) * (known ? index.termIdf(term) : idf(index.size, 0));
    total += w;
    if (known && isRead(index, term, lang)) read += w;
  }
  return total > 0 ? read / total : 0;
}

function isRead(index: KnowledgeIndex, term: string, lang: { inLocale: (e: EntryRef) => boolean; count: number; matched: ReadonlySet<string> }): boolean {
  if (lang.matched.has(term)) return true;
  // more entries contain it than there are entries in other languages: some are in this one
  if (index.docFreq(term) > index.size - lang.count) return true;
  // otherwise one single-term lookup (only for tickets outside the main language)
  return index.query([{ text: term, weight: 1, terms: [term] }], { limit: 1, filter: lang.inLocale }).hits.length > 0;
}
