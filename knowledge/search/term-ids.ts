import type { InvertedIndex } from './inverted';
import { rawWords, termFor, type TokeniseOptions } from './tokenise';

/** Distinct words per locale whose term id an index remembers. */
const WORD_CACHE_MAX = 200_000;

/**
 * A text's term ids in `ix`, in order (KnowledgeIndex.terms(), straight to ids): one map lookup per
 * word, the words' ids kept per locale in ix.wordIds. The hot path of building and updating an index.
 */
export function termIds(ix: InvertedIndex, text: string, locale: string | undefined, options: TokeniseOptions): number[] {
  const key = locale ?? '';
  let cache = ix.wordIds.get(key);
  if (!cache) ix.wordIds.set(key, (cache = new Map()));
  let termOf: ((raw: string) => string | undefined) | undefined;
  const ids: number[] = [];
  for (const raw of rawWords(text)) {
    let id = cache.get(raw);
    if (id === undefined) {
      termOf ??= termFor(locale, options);
      const term = termOf(raw);
      id = term === undefined ? -1 : ix.termId(term);
      if (cache.size < WORD_CACHE_MAX) cache.set(raw, id);
    }
    if (id >= 0) ids.push(id);
  }
  return ids;
}
