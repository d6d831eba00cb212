import { REDACTED_TOKEN, redact } from './redact';
import type { KnowledgeIndex, LearnedPhrasing } from './search/index';
import type { TicketQuery } from './search/ticket-query';
import { droppingStopWords, tokeniseWithWords } from './search/tokenise';

export type { LearnedPhrasing } from './search/index';

export interface LearnOptions {
  /** The requester's name(s), kept out of what is learned. */
  names?: readonly string[];
  now?: Date;
  /** At most this many distinctive words are learned from one ticket. */
  maxTerms?: number;
}

/**
 * An agent accepted `entryId` for this ticket: the ticket's most distinctive words (by idf, from
 * the subject and latest message; personal data and numbers left out) become a learned phrasing
 * of the entry, indexed as its own field. It is data: listed by `index.learned()`, removed by
 * `unlearn`, and stored by the caller (Dexie table `learned`).
 * Rejections teach nothing: without a reason, "not this one" says nothing about the entry in
 * general (the agent may just prefer another), so nothing is lowered globally.
 */
export function learnFromAcceptance(
  index: KnowledgeIndex,
  query: TicketQuery,
  entryId: string,
  options: LearnOptions = {},
): LearnedPhrasing | undefined {
  if (!index.has(entryId)) return undefined;
  // The same redactor as everything stored (addresses too): what it takes out is never learned.
  const text = redact(query.parts.filter((p) => p.weight >= 1).map((p) => p.text).join('\n'), { names: options.names ?? [] }).replace(REDACTED_TOKEN, ' ');
  const seen = new Map<string, { word: string; idf: number; order: number }>();
  // stop words are indexed (for ranking) but are never a ticket's distinctive words
  for (const { term, word } of tokeniseWithWords(text, query.locale, droppingStopWords(index.tokeniseOptions))) {
    if (/\d/.test(word) || seen.has(term)) continue;
    seen.set(term, { word, idf: index.termIdf(term), order: seen.size });
  }
  const picked = [...seen.entries()]
    .sort((a, b) => b[1].idf - a[1].idf || a[1].order - b[1].order)
    .slice(0, options.maxTerms ?? 12)
    .sort((a, b) => a[1].order - b[1].order);
  if (!picked.length) return undefined;
  const phrasing: LearnedPhrasing = {
    entryId,
    text: picked.map(([, v]) => v.word).join(' '),
    terms: picked.map(([term]) => term),
    at: (options.now ?? new Date()).toISOString(),
  };
  index.learn(phrasing);
  return phrasing;
}

/** Forgets a learned phrasing; true if it was there. */
export function unlearn(index: KnowledgeIndex, phrasing: Pick<LearnedPhrasing, 'entryId' | 'text'>): boolean {
  return index.unlearn(phrasing.entryId, phrasing.text);
}
