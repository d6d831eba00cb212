import type { Matched } from './index';
import { isStopWord, SUPPORTED_LOCALES } from './tokenise';

/**
 * The matched words worth showing a person as "why it matched": without the stop words of the
 * languages given (the ticket's and the entry's). The search keeps negations and question words
 * ("not", "why", "hasn't") because they change what a customer asks, so they reach the matches;
 * listed as reasons they are noise. Fields left with no word are dropped.
 */
export function shownMatches(matched: Matched, locales: readonly string[]): Matched {
  const out: Matched = {};
  for (const [field, words] of Object.entries(matched) as [keyof Matched, string[]][]) {
    const kept = words.filter((w) => !locales.some((l) => isStopWord(w, l)));
    if (kept.length) out[field] = kept;
  }
  return out;
}

/** The most a confidence resting on weak evidence may reach: below "medium", never "high". */
export const WEAK_CAP = 0.45;

/**
 * One word alone that weighs less than this share of the question (its idf weight, the words no
 * entry has included) is weak evidence: "telescope tripod legs keep slipping" is not about the
 * packing slip it shares one word with. On the fitting splits (calibrate.ts's sets) capping
 * below 0.3, 0.5 or 0.7 moves precision and coverage by under a point: the rule is for the
 * out-of-scope tickets those sets hardly have.
 */
const ONE_WORD_SHARE = 0.5;

/**
 * The match rests on stop words (of any language the tokeniser knows: a ticket tokenised in
 * the wrong language keeps its articles), on one common word alone (in more than 5 % of the
 * entries, and more than 2): "en", "die", "order", or on one word that is a small part of the
 * question (`coverage`, QueryResult's share of the query's weight, below ONE_WORD_SHARE).
 * Such a match is never a confident answer, whatever the ranking features say.
 */
export function weakEvidence(matched: Matched, docFreq: (word: string) => number, entries: number, coverage = 1): boolean {
  const content = contentWords(matched);
  if (content.length === 0) return true;
  return content.length === 1 && (docFreq(content[0]!) > Math.max(2, 0.05 * entries) || coverage < ONE_WORD_SHARE);
}

/**
 * The match rests on stop words alone: no evidence at all. Stop words are indexed (they tell
 * "what is the alarm for" from "set an alarm"), so an entry can be found through "mein" or "the"
 * alone; before they were indexed such an entry was no hit at all, and it still must not outrank
 * a real match from the language fallback.
 */
export const onlyStopWords = (matched: Matched): boolean => contentWords(matched).length === 0;

const contentWords = (matched: Matched): string[] => [...new Set(Object.values(matched).flat())].filter((w) => !SUPPORTED_LOCALES.some((l) => isStopWord(w, l)));
