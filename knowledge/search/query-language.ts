import { languageOf, type Reads } from '../language';
import { baseLocale, localeCount, mainLocale } from './fallback';
import type { KnowledgeIndex } from './index';
import { isStopWord, termFor, type TokeniseOptions } from './tokenise';
import { rawWords } from './words';

const dropping = new WeakMap<KnowledgeIndex, TokeniseOptions>();

/**
 * How much of a text a language reads in this knowledge base (knowledge/language.ts, `Reads`):
 * the share of its words that are that language's function words (its stop words) or that,
 * stemmed as that language stems, some entry written in it contains (any status: a draft's words
 * are the base's vocabulary too). A word no entry of the language has is evidence against it.
 */
export function readsOf(index: KnowledgeIndex): Reads {
  let options = dropping.get(index);
  // the index's own options with stop words dropped (those are counted as read, by language)
  if (!options) dropping.set(index, (options = { ...index.tokeniseOptions, stopWords: true }));
  const tokeniseOptions = options;
  return (text, language) => {
    const lang = baseLocale(language);
    const words = [...new Set(rawWords(text))];
    const count = localeCount(index, lang);
    if (!words.length) return 0;
    const term = termFor(lang, tokeniseOptions);
    const inLanguage = (e: { locale: string }) => baseLocale(e.locale) === lang;
    const known = (t: string | undefined) =>
      // more entries have it than there are entries in other languages: some are in this one
      t !== undefined && count > 0 && index.knows(t) && (index.docFreq(t) > index.size - count || index.someEntryHas(t, inLanguage));
    return words.filter((w) => isStopWord(w, lang) || known(term(w))).length / words.length;
  };
}

/**
 * The language a text query or a ticket is tokenised in: told from its text; on a short or
 * unclear text, the knowledge base's vocabulary and main language decide (languageOf).
 */
export function queryLanguage(index: KnowledgeIndex, text: string): string {
  const main = mainLocale(index);
  return languageOf(text, main, readsOf(index)) ?? main;
}
