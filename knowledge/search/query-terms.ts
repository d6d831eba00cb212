import { queryWeight, type RankingOptions } from './bm25f';
import type { InvertedIndex } from './inverted';
import type { QueryTerm } from './score';
import { stopTerms, tokeniseWithWords, type TokeniseOptions } from './tokenise';
import type { QueryPart, QueryResult } from './types';

/** A query as the index scores it. */
export interface QueryTerms {
  /** The terms the index knows, as scoreQuery takes them. */
  query: QueryTerm[];
  /** The same, with the word as written (for "why it matched"). */
  terms: QueryResult['terms'];
  /** Every term, known or not, with its weight: the wording model's input. */
  words: { term: string; weight: number }[];
  /** The weight of the content words no entry has (QueryResult's coverage counts them). */
  unknown: number;
}

/**
 * A query's weighted parts as index terms: each part's tokens (or its given terms) weighted by the
 * part, stop words at the ranking's stopWordWeight (left out of a long query, a ticket), and the
 * per-term weight saturated by k3.
 */
export function queryTerms(ix: InvertedIndex, ranking: Readonly<RankingOptions>, options: Readonly<TokeniseOptions>, parts: readonly QueryPart[], locale?: string): QueryTerms {
  const qtf = new Map<number, { tf: number; word: string; term: string }>();
  const wtf = new Map<string, number>();
  const stop = stopTerms(locale ?? options.defaultLocale, options);
  const tokenised = parts.filter((p) => p.weight > 0).map((part) => ({ part, tokens: part.terms ? part.terms.map((t) => ({ term: t, word: t })) : tokeniseWithWords(part.text, locale, options) }));
  // a long query (a ticket) reads as its content words: stop words there are noise, and costly
  const long = tokenised.reduce((n, t) => n + t.tokens.length, 0) > ranking.longQueryWords;
  for (const { part, tokens } of tokenised) {
    for (const { term, word } of tokens) {
      if (long && stop.has(term)) continue;
      const weight = stop.has(term) ? part.weight * ranking.stopWordWeight : part.weight;
      wtf.set(term, (wtf.get(term) ?? 0) + weight);
      const id = ix.termIds.get(term);
      if (id === undefined || ix.df[id] === 0) continue;
      const seen = qtf.get(id);
      if (seen) seen.tf += weight;
      else qtf.set(id, { tf: weight, word, term });
    }
  }
  const query: QueryTerm[] = [];
  const terms: QueryResult['terms'] = [];
  for (const [id, { tf, word, term }] of qtf) {
    const weight = queryWeight(tf, ranking.k3);
    query.push({ id, weight });
    terms.push({ term, word, weight });
  }
  // Every term, known to the index or not, for the wording model (its n-grams may still match)
  const words = [...wtf].map(([term, tf]) => ({ term, weight: queryWeight(tf, ranking.k3) }));
  // The weight of the content words no entry has (numbers are ids and amounts, not a topic)
  let unknown = 0;
  for (const { term, weight } of words) if (!stop.has(term) && !/\d/.test(term) && !(ix.df[ix.termIds.get(term) ?? -1]! > 0)) unknown += weight;
  return { query, terms, words, unknown };
}
