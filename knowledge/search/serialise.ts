import type { Entry } from '../entry';
import type { RankingOptions } from './bm25f';
import { KnowledgeIndex, type IndexOptions, type LearnedPhrasing } from './index';
import { liveDocs, packPostings, unpackPostings, type PackedPostings } from './pack';
import { DEFAULT_TOKENISE_OPTIONS, optionsKey, type TokeniseOptions } from './tokenise';

/**
 * Bump when the serialised shape or the meaning of its terms changes.
 * 1: entries and learned phrasings only (loading re-tokenised every entry).
 * 2: also the postings (pack.ts), so loading skips tokenising.
 * 3: Chinese and Japanese segmented into words, with their stop words (tokenise.ts).
 */
export const INDEX_FORMAT = 'agent-assist/search-index';
export const INDEX_FORMAT_VERSION = 3;

/** A saved index that cannot be used as it is: rebuild it from the entries. */
export class IndexLoadError extends Error {}

interface Serialised {
  format: typeof INDEX_FORMAT;
  version: number;
  tokenise: TokeniseOptions;
  ranking: RankingOptions;
  /** In document order: entries[i] is document i of the postings. */
  entries: Entry[];
  learned: LearnedPhrasing[];
  postings: PackedPostings;
}

export function serializeIndex(index: KnowledgeIndex): string {
  const ix = index.inverted;
  const data: Serialised = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenise: { ...index.tokeniseOptions },
    ranking: { ...index.ranking },
    entries: liveDocs(ix).map((d) => index.get(ix.docKey[d]!)!),
    learned: index.learned(),
    postings: packPostings(ix),
  };
  return JSON.stringify(data);
}

/**
 * Loads a serialised index. Refuses (IndexLoadError) one written by another format version, with
 * tokenising options other than `options` (default: the defaults), or whose postings do not fit
 * its entries: the caller rebuilds from the entries (the background does, see knowledge-holder.ts).
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
    throw new IndexLoadError(
      `The saved search index has format version ${String(data.version)}; this version reads ${INDEX_FORMAT_VERSION}. Rebuild it from the entries.`,
    );
  }
  const expected = { ...DEFAULT_TOKENISE_OPTIONS, ...options.tokenise };
  if (!data.tokenise || optionsKey(data.tokenise) !== optionsKey(expected)) {
    throw new IndexLoadError('The saved search index was built with other tokenising options.');
  }
  const { entries, learned, postings } = data;
  if (!Array.isArray(entries) || !Array.isArray(learned) || !postings || typeof postings !== 'object') {
    throw new IndexLoadError('The saved search index is incomplete.');
  }
  const keys = entries.map((e: Partial<Entry> | null) => e?.id);
  if (keys.some((k) => typeof k !== 'string') || new Set(keys).size !== keys.length) {
    throw new IndexLoadError('The saved search index has entries without an id or with the same id twice.');
  }
  let ix;
  try {
    ix = unpackPostings(postings, keys as string[]);
  } catch (e) {
    throw new IndexLoadError(`The saved search index is damaged (${e instanceof Error ? e.message : String(e)}).`);
  }
  return KnowledgeIndex.restore({ tokenise: expected, ranking: { ...data.ranking, ...options.ranking } }, entries, learned, ix);
}
