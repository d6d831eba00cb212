import type { Matched } from './index';
import { isStopWord } from './tokenise';

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
