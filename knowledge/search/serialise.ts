import { Entry } from '../entry';
import type { RankingOptions } from './bm25f';
import { KnowledgeIndex, type IndexOptions, type LearnedPhrasing } from './index';
import { DEFAULT_TOKENISE_OPTIONS, optionsKey, type TokeniseOptions } from './tokenise';

/** Bump when the serialised shape or the meaning of its terms changes. */
export const INDEX_FORMAT = 'agent-assist/search-index';
export const INDEX_FORMAT_VERSION = 1;

/** A saved index that cannot be used as it is: rebuild it from the entries. */
export class IndexLoadError extends Error {}

interface Serialised {
  format: typeof INDEX_FORMAT;
  version: number;
  tokenise: TokeniseOptions;
  ranking: RankingOptions;
  entries: Entry[];
  learned: LearnedPhrasing[];
}

export function serializeIndex(index: KnowledgeIndex): string {
  const data: Serialised = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenise: { ...index.tokeniseOptions },
    ranking: { ...index.ranking },
    entries: index.all(),
    learned: index.learned(),
  };
  return JSON.stringify(data);
}

/**
 * Loads a serialised index. Refuses (IndexLoadError) one written by another format version or
 * with tokenising options other than `options` (default: the defaults): its learned terms
 * would not match what queries are turned into.
 */
export function loadIndex(json: string, options: IndexOptions = {}): KnowledgeIndex {
  let data: Partial<Serialised>;
  try {
    data = JSON.parse(json) as Partial<Serialised>;
  } catch {
    throw new IndexLoadError('The saved search index is not valid JSON.');
  }
  if (data?.format !== INDEX_FORMAT) throw new IndexLoadError('This is not a saved search index.');
  if (data.version !== INDEX_FORMAT_VERSION) {
    throw new IndexLoadError(`The saved search index has format version ${String(data.version)}; this version reads ${INDEX_FORMAT_VERSION}.`);
  }
  const expected = { ...DEFAULT_TOKENISE_OPTIONS, ...options.tokenise };
  if (!data.tokenise || optionsKey(data.tokenise) !== optionsKey(expected)) {
    throw new IndexLoadError('The saved search index was built with other tokenising options.');
  }
  if (!Array.isArray(data.entries) || !Array.isArray(data.learned)) throw new IndexLoadError('The saved search index is incomplete.');
  return KnowledgeIndex.build(data.entries, { tokenise: expected, ranking: { ...data.ranking, ...options.ranking } }, data.learned);
}
