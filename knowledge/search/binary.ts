import { ENTRY_STATUSES } from '../entry';
import type { RankingOptions } from './bm25f';
import { KnowledgeIndex, type EntryRef, type IndexOptions, type LearnedPhrasing } from './index';
import { liveDocs, packPostingBytes, unpackPostingBytes } from './pack';
import { restoreCalibration, storedCalibration, type StoredCalibration } from './self-calibration';
import { IndexLoadError } from './serialise';
import { DEFAULT_TOKENISE_OPTIONS, optionsKey, type TokeniseOptions } from './tokenise';

/**
 * The search index as the service worker keeps it in IndexedDB: typed arrays and arrays of short
 * strings, which IndexedDB clones back without any parsing (the JSON form, serialise.ts, made a
 * cold start read and parse one string of 18 million characters at 10k entries). It holds what
 * ranking needs of each entry (its EntryRef), never the entry texts: those stay in the entries
 * table and are read only for the suggestions shown.
 * Bump BINARY_INDEX_VERSION when the shape or the meaning of its terms changes.
 */
export const BINARY_INDEX_FORMAT = 'agent-assist/search-index-binary';
/**
 * 2: Chinese and Japanese segmented into words (tokenise.ts).
 * 3: a term table (each list's offset, df and instance df), so no list is decoded before it is used.
 */
export const BINARY_INDEX_VERSION = 3;

export interface StoredIndex {
  format: typeof BINARY_INDEX_FORMAT;
  version: number;
  tokenise: TokeniseOptions;
  ranking: RankingOptions;
  /** Per document, in document order: id, title, locale, review date ('' for none), status (index into ENTRY_STATUSES). */
  ids: string[];
  titles: string[];
  locales: string[];
  reviewBy: string[];
  status: Uint8Array;
  learned: LearnedPhrasing[];
  /** The postings of pack.ts, as bytes. */
  terms: string[];
  pairs: number;
  units: Uint8Array;
  lists: Uint8Array;
  /** Per term: its list's offset in `lists` (and lists.length last), document and instance frequency (pack.ts). */
  offsets: Uint32Array;
  df: Int32Array;
  instDf: Int32Array;
  /** The base's own confidence calibration (self-calibration.ts), once fitted: a cold start need not refit it. */
  calibration?: StoredCalibration;
}

export function toStored(index: KnowledgeIndex): StoredIndex {
  const ix = index.inverted;
  const refs = liveDocs(ix).map((d) => index.ref(ix.docKey[d]!)!);
  const postings = packPostingBytes(ix);
  const calibration = storedCalibration(index);
  return {
    format: BINARY_INDEX_FORMAT,
    version: BINARY_INDEX_VERSION,
    tokenise: { ...index.tokeniseOptions },
    ranking: { ...index.ranking },
    ids: refs.map((r) => r.id),
    titles: refs.map((r) => r.title),
    locales: refs.map((r) => r.locale),
    reviewBy: refs.map((r) => r.reviewBy ?? ''),
    status: Uint8Array.from(refs, (r) => ENTRY_STATUSES.indexOf(r.status)),
    learned: index.learned(),
    ...postings,
    ...(calibration ? { calibration } : {}),
  };
}

/**
 * An index holding only refs (holdsEntries false) from its stored form. Refuses (IndexLoadError)
 * another format or version, other tokenising options, or parts that do not fit together: the
 * caller builds it again from the entries.
 */
export function fromStored(data: Partial<StoredIndex> | undefined, options: IndexOptions = {}): KnowledgeIndex {
  if (data?.format !== BINARY_INDEX_FORMAT) throw new IndexLoadError('This is not a stored search index.');
  if (data.version !== BINARY_INDEX_VERSION) {
    throw new IndexLoadError(`The stored search index has version ${String(data.version)}; this version reads ${BINARY_INDEX_VERSION}.`);
  }
  const expected = { ...DEFAULT_TOKENISE_OPTIONS, ...options.tokenise };
  if (!data.tokenise || optionsKey(data.tokenise) !== optionsKey(expected)) {
    throw new IndexLoadError('The stored search index was built with other tokenising options.');
  }
  const { ids, titles, locales, reviewBy, status, learned, terms, pairs, units, lists, offsets, df, instDf } = data;
  if (!Array.isArray(ids)) throw new IndexLoadError('The stored search index is incomplete.');
  const n = ids.length;
  if (
    !Array.isArray(titles) ||
    titles.length !== n ||
    !Array.isArray(locales) ||
    locales.length !== n ||
    !Array.isArray(reviewBy) ||
    reviewBy.length !== n ||
    !(status instanceof Uint8Array) ||
    status.length !== n ||
    !Array.isArray(learned)
  ) {
    throw new IndexLoadError('The stored search index is incomplete.');
  }
  // the term table is required (a stored index without one is refused, never decoded whole)
  if (!(offsets instanceof Uint32Array) || !(df instanceof Int32Array) || !(instDf instanceof Int32Array)) throw new IndexLoadError('The stored search index is incomplete.');
  if (new Set(ids).size !== n) throw new IndexLoadError('The stored search index has the same id twice.');
  const refs: EntryRef[] = new Array<EntryRef>(n);
  for (let d = 0; d < n; d++) {
    const s = ENTRY_STATUSES[status[d]!];
    if (!s) throw new IndexLoadError('The stored search index is damaged (bad status).');
    const r = reviewBy[d]!;
    refs[d] = r ? { id: ids[d]!, title: titles[d]!, locale: locales[d]!, status: s, reviewBy: r } : { id: ids[d]!, title: titles[d]!, locale: locales[d]!, status: s };
  }
  let ix;
  try {
    ix = unpackPostingBytes({ terms: terms!, pairs: pairs!, units: units!, lists: lists!, offsets, df, instDf }, ids);
  } catch (e) {
    throw new IndexLoadError(`The stored search index is damaged (${e instanceof Error ? e.message : String(e)}).`);
  }
  const index = KnowledgeIndex.restoreRefs({ tokenise: expected, ranking: { ...data.ranking, ...options.ranking } }, refs, learned, ix);
  restoreCalibration(index, data.calibration);
  return index;
}
