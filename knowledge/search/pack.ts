import { FIELD_COUNT as FIELDS_N, INSTANCE_FIELDS as INSTANCE } from './bm25f';
import { decodeVarints, VarintWriter, fromBase64, toBase64 } from './bytes';
import { InvertedIndex } from './inverted';

// Imported bindings are getters once transpiled: plain module constants for the hot loops.
const FIELD_COUNT = FIELDS_N;
const INSTANCE_FIELDS = Uint8Array.from(INSTANCE, (v) => (v ? 1 : 0));

/**
 * The inverted index in its saved form (serialise.ts): loading it back skips tokenising every
 * entry. Only live documents and the terms they contain are written, renumbered in order, so a
 * loaded index is a compacted copy of the saved one and ranks exactly like it.
 */
export interface PackedPostings {
  /** Terms, by term id. */
  terms: string[];
  /** (unit, tf) pairs over all terms: the size of the postings buffer to allocate. */
  pairs: number;
  /** Base64 varints: each document's unit count, then each unit's field, then each unit's length (in terms). */
  units: string;
  /** Base64 varints: per term its pair count, then per pair the unit (as the gap from the previous one) and tf. */
  lists: string;
}

/** Live document numbers in order: the documents packPostings writes, in the order it writes them. */
export function liveDocs(ix: InvertedIndex): number[] {
  const docs: number[] = [];
  for (let d = 0; d < ix.docCount; d++) if (ix.docKey[d] !== undefined) docs.push(d);
  return docs;
}

/** The same as PackedPostings with the varints as bytes: what the binary stored index keeps (binary.ts). */
export interface PostingBytes {
  terms: string[];
  pairs: number;
  units: Uint8Array;
  lists: Uint8Array;
  /**
   * Per term: where its list starts in `lists` (one more at the end: lists.length), its document
   * frequency and its instance frequency. With them an index loads without decoding any list:
   * each term's is decoded when a query first needs it (a cold start decoded every list before
   * its first ticket: most of a second at 100k entries). Without them (the JSON form, serialise.ts)
   * every list is decoded at once.
   */
  offsets?: Uint32Array;
  df?: Int32Array;
  instDf?: Int32Array;
}

export function packPostings(ix: InvertedIndex): PackedPostings {
  const { terms, pairs, units, lists } = packPostingBytes(ix);
  return { terms, pairs, units: toBase64(units), lists: toBase64(lists) };
}

export function packPostingBytes(ix: InvertedIndex): Required<PostingBytes> {
  const unitMap = new Int32Array(ix.unitCount).fill(-1);
  const units = new VarintWriter();
  const docs = liveDocs(ix);
  let next = 0;
  for (const d of docs) {
    units.write(ix.docUnitEnd[d]! - ix.docUnitStart[d]!);
    for (let u = ix.docUnitStart[d]!; u < ix.docUnitEnd[d]!; u++) unitMap[u] = next++;
  }
  for (const d of docs) for (let u = ix.docUnitStart[d]!; u < ix.docUnitEnd[d]!; u++) units.write(ix.unitField[u]!);
  for (const d of docs) for (let u = ix.docUnitStart[d]!; u < ix.docUnitEnd[d]!; u++) units.write(ix.unitLen[u]!);
  const lists = new VarintWriter();
  const terms: string[] = [];
  const offsets: number[] = [];
  const df: number[] = [];
  const instDf: number[] = [];
  let pairs = 0;
  for (let t = 0; t < ix.terms.length; t++) {
    if (!(ix.df[t]! > 0)) continue;
    const p = ix.list(t)!;
    const len = ix.postingLen[t]!;
    let count = 0;
    for (let i = 0; i < len; i += 2) if (unitMap[p[i]!]! >= 0) count++;
    terms.push(ix.terms[t]!);
    offsets.push(lists.length);
    lists.write(count);
    pairs += count;
    let prev = 0;
    let lastDoc = -1;
    let docs = 0;
    let instances = 0;
    for (let i = 0; i < len; i += 2) {
      const u = unitMap[p[i]!]!;
      if (u < 0) continue;
      lists.write(u - prev);
      lists.write(p[i + 1]!);
      prev = u;
      // counted from the pairs written, as the eager decode counts them (decodeLists)
      const d = ix.unitDoc[p[i]!]!;
      if (d !== lastDoc) {
        docs++;
        lastDoc = d;
      }
      instances += INSTANCE_FIELDS[ix.unitField[p[i]!]!]!;
    }
    df.push(docs);
    instDf.push(instances);
  }
  offsets.push(lists.length);
  return { terms, pairs, units: units.bytes(), lists: lists.bytes(), offsets: Uint32Array.from(offsets), df: Int32Array.from(df), instDf: Int32Array.from(instDf) };
}

/**
 * Rebuilds the inverted index of `keys.length` documents (their keys, in saved order). Throws
 * RangeError when the data does not fit together (truncated, edited or corrupted).
 */
export function unpackPostings(packed: PackedPostings, keys: readonly string[]): InvertedIndex {
  return unpackPostingBytes({ ...packed, units: fromBase64(packed.units), lists: fromBase64(packed.lists) }, keys);
}

export function unpackPostingBytes(packed: PostingBytes, keys: readonly string[]): InvertedIndex {
  const { terms, pairs } = packed;
  if (!Array.isArray(terms) || !Number.isInteger(pairs) || pairs < 0) throw new RangeError('postings: bad header');
  const ix = new InvertedIndex();
  const nDocs = keys.length;

  // Units and documents.
  const ub = packed.units;
  if (!(ub instanceof Uint8Array) || !(packed.lists instanceof Uint8Array)) throw new RangeError('postings: not bytes');
  const unitsPerDoc = new Int32Array(nDocs);
  let pos = decodeVarints(ub, 0, unitsPerDoc, 0, nDocs);
  const docStart: number[] = new Array<number>(nDocs);
  const docEnd: number[] = new Array<number>(nDocs);
  let nUnits = 0;
  for (let d = 0; d < nDocs; d++) {
    docStart[d] = nUnits;
    nUnits += unitsPerDoc[d]!;
    docEnd[d] = nUnits;
  }
  if (nUnits > ub.length) throw new RangeError('postings: bad unit count');
  const fields = new Int32Array(nUnits);
  const lengths = new Uint32Array(nUnits);
  pos = decodeVarints(ub, pos, fields, 0, nUnits);
  pos = decodeVarints(ub, pos, lengths, 0, nUnits);
  if (pos !== ub.length) throw new RangeError('postings: units left over');
  const unitDoc = new Int32Array(Math.max(nUnits, 1));
  const unitField = new Uint8Array(Math.max(nUnits, 1));
  const docFieldLen = new Float64Array(Math.max(nDocs, 1) * FIELD_COUNT);
  const { fieldLenSum, instLenSum, instCount } = ix;
  let instLive = 0;
  for (let d = 0; d < nDocs; d++) {
    for (let u = docStart[d]!; u < docEnd[d]!; u++) {
      const f = fields[u]!;
      if (f >= FIELD_COUNT) throw new RangeError('postings: bad field');
      const len = lengths[u]!;
      unitDoc[u] = d;
      unitField[u] = f;
      docFieldLen[d * FIELD_COUNT + f]! += len;
      fieldLenSum[f]! += len;
      if (INSTANCE_FIELDS[f]) {
        instLenSum[f]! += len;
        instCount[f]! += 1;
        instLive++;
      }
    }
  }
  ix.unitDoc = unitDoc;
  ix.unitField = unitField;
  ix.unitLen = lengths.length ? lengths : new Uint32Array(1);
  ix.docFieldLen = docFieldLen;
  ix.unitCount = nUnits;
  ix.instLive = instLive;
  ix.docKey = [...keys];
  ix.docUnitStart = docStart;
  ix.docUnitEnd = docEnd;
  ix.liveDocs = nDocs;

  if (packed.offsets || packed.df || packed.instDf) return withLazyLists(ix, packed, nUnits, nDocs);

  // Postings, decoded straight into one buffer for all terms; document frequencies.
  const nTerms = terms.length;
  const buffer = new Int32Array(pairs * 2);
  const docTermCount = new Int32Array(nDocs);
  const termEnd = new Int32Array(nTerms);
  const dfs = new Int32Array(nTerms);
  const instDfs = new Int32Array(nTerms);
  decodeLists(packed.lists, buffer, nTerms, nUnits, unitDoc, unitField, docTermCount, termEnd, dfs, instDfs);
  let start = 0;
  for (let t = 0; t < nTerms; t++) {
    const term = terms[t];
    if (typeof term !== 'string' || ix.termIds.has(term)) throw new RangeError('postings: bad term');
    ix.termIds.set(term, t);
    ix.terms.push(term);
    ix.postings.push(buffer.subarray(start, termEnd[t]!));
    ix.postingLen.push(termEnd[t]! - start);
    ix.df.push(dfs[t]!);
    ix.instDf.push(instDfs[t]!);
    start = termEnd[t]!;
  }

  // Each document's term set is built on first need (a change, not a query): another pass over
  // every posting that a cold start's first ticket does not wait for.
  ix.pendingDocTerms = () => docTermsOf(ix, nDocs, nTerms, docTermCount);
  return ix;
}

/**
 * The term table of a stored index (offsets, df, instDf per term) checked against the lists'
 * bytes: each term's pair count read at its offset (one varint a term, no list decoded). The
 * lists themselves are decoded and checked one by one, when first used (decodeList).
 */
function withLazyLists(ix: InvertedIndex, packed: PostingBytes, nUnits: number, nDocs: number): InvertedIndex {
  const { terms, pairs, lists, offsets, df, instDf } = packed;
  const nTerms = terms.length;
  if (!(offsets instanceof Uint32Array) || !(df instanceof Int32Array) || !(instDf instanceof Int32Array)) throw new RangeError('postings: bad term table');
  if (offsets.length !== nTerms + 1 || df.length !== nTerms || instDf.length !== nTerms || offsets[nTerms] !== lists.length) throw new RangeError('postings: bad term table');
  const count1 = new Int32Array(1);
  let total = 0;
  ix.postings = new Array<Int32Array | undefined>(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const term = terms[t];
    if (typeof term !== 'string' || ix.termIds.has(term)) throw new RangeError('postings: bad term');
    const at = offsets[t]!;
    const end = offsets[t + 1]!;
    if (end <= at) throw new RangeError('postings: bad term table');
    decodeVarints(lists, at, count1, 0, 1);
    const count = count1[0]!;
    // a pair takes two bytes at least; a term is in at least one document and in at most `count`
    if (count < 1 || end - at < 1 + 2 * count || !(df[t]! >= 1 && df[t]! <= count) || !(instDf[t]! >= 0 && instDf[t]! <= count)) {
      throw new RangeError('postings: bad term table');
    }
    total += count;
    ix.termIds.set(term, t);
    ix.terms.push(term);
    ix.postingLen.push(count * 2);
    ix.df.push(df[t]!);
    ix.instDf.push(instDf[t]!);
  }
  if (total !== pairs) throw new RangeError('postings: pairs left over');
  ix.pendingList = (t) => decodeList(ix, lists, offsets, t, nUnits);
  ix.pendingDocTerms = () => {
    // a change needs every document's terms: every list, then no more bytes held
    for (let t = 0; t < nTerms; t++) ix.list(t);
    ix.pendingList = undefined;
    return docTermsOf(ix, nDocs, nTerms);
  };
  return ix;
}

/**
 * A stored index's list found damaged when first decoded (KnowledgeHolder.using then builds the
 * index again from the entries): damage inside a list that no load-time check could see.
 */
export class DamagedListError extends RangeError {}

/**
 * One term's list of a stored index, into ix.postings[t] (units made absolute). Throws
 * DamagedListError when its bytes do not fit the term table or the units.
 */
function decodeList(ix: InvertedIndex, bytes: Uint8Array, offsets: Uint32Array, t: number, units: number): Int32Array {
  const count1 = new Int32Array(1);
  const term = ix.terms[t];
  let pos: number;
  let out: Int32Array;
  try {
    pos = decodeVarints(bytes, offsets[t]!, count1, 0, 1);
    out = new Int32Array(count1[0]! * 2);
    pos = decodeVarints(bytes, pos, out, 0, out.length);
  } catch (err) {
    throw new DamagedListError(`postings: bad list of "${term}" (${err instanceof Error ? err.message : String(err)})`);
  }
  if (pos !== offsets[t + 1]) throw new DamagedListError(`postings: bad list of "${term}"`);
  let unit = 0;
  for (let i = 0; i < out.length; i += 2) {
    const gap = out[i]!;
    unit += gap;
    if ((i > 0 && gap === 0) || unit >= units || out[i + 1]! < 1) throw new DamagedListError(`postings: bad pair in the list of "${term}"`);
    out[i] = unit;
  }
  ix.postings[t] = out;
  return out;
}

/** Each document's count of distinct terms, from the postings of terms 0..nTerms-1 (all decoded). */
function countDocTerms(ix: InvertedIndex, nDocs: number, nTerms: number): Int32Array {
  const docTermCount = new Int32Array(nDocs);
  eachDocOfTerms(ix, nTerms, (_t, d) => docTermCount[d]!++);
  return docTermCount;
}

/** Calls back once per (term, document) pair, terms ascending: postings ascend by unit, a document's units are contiguous. */
function eachDocOfTerms(ix: InvertedIndex, nTerms: number, each: (t: number, d: number) => void): void {
  for (let t = 0; t < nTerms; t++) {
    const p = ix.postings[t]!;
    const len = ix.postingLen[t]!;
    let lastDoc = -1;
    for (let i = 0; i < len; i += 2) {
      const d = ix.unitDoc[p[i]!]!;
      if (d !== lastDoc) {
        each(t, d);
        lastDoc = d;
      }
    }
  }
}

/**
 * Sorted unique term ids per document: terms ascend, so filling in term order sorts them.
 * `docTermCount` when the decode counted them (decodeLists), else counted here first.
 */
function docTermsOf(ix: InvertedIndex, nDocs: number, nTerms: number, docTermCount = countDocTerms(ix, nDocs, nTerms)): Int32Array[] {
  const offsets = new Int32Array(nDocs + 1);
  for (let d = 0; d < nDocs; d++) offsets[d + 1] = offsets[d]! + docTermCount[d]!;
  const all = new Int32Array(offsets[nDocs]!);
  const fill = offsets.slice(0, nDocs);
  eachDocOfTerms(ix, nTerms, (t, d) => (all[fill[d]!++] = t));
  return Array.from({ length: nDocs }, (_, d) => all.subarray(offsets[d]!, offsets[d + 1]!));
}

/**
 * The posting lists of packPostings into `buffer` (units made absolute), with each term's end in
 * the buffer, its document frequency and instance frequency, and each document's term count. One
 * loop over all terms: it runs once, cold, when an index loads. Throws RangeError on bad data.
 */
function decodeLists(
  bytes: Uint8Array,
  buffer: Int32Array,
  nTerms: number,
  units: number,
  unitDoc: Int32Array,
  unitField: Uint8Array,
  docTermCount: Int32Array,
  termEnd: Int32Array,
  dfs: Int32Array,
  instDfs: Int32Array,
): void {
  const count1 = new Int32Array(1);
  let pos = 0;
  let at = 0;
  for (let t = 0; t < nTerms; t++) {
    pos = decodeVarints(bytes, pos, count1, 0, 1);
    const count = count1[0]!;
    if (count < 1 || at + count * 2 > buffer.length) throw new RangeError('postings: bad pair count');
    const start = at;
    pos = decodeVarints(bytes, pos, buffer, start, count * 2);
    at = start + count * 2;
    let unit = 0;
    let lastDoc = -1;
    let df = 0;
    let instDf = 0;
    for (let i = start; i < at; i += 2) {
      const gap = buffer[i]!;
      unit += gap;
      if ((i > start && gap === 0) || unit >= units || buffer[i + 1]! < 1) throw new RangeError('postings: bad pair');
      buffer[i] = unit;
      const d = unitDoc[unit]!;
      if (d !== lastDoc) {
        df++;
        docTermCount[d]!++;
        lastDoc = d;
      }
      instDf += INSTANCE_FIELDS[unitField[unit]!]!;
    }
    termEnd[t] = at;
    dfs[t] = df;
    instDfs[t] = instDf;
  }
  if (pos !== bytes.length || at !== buffer.length) throw new RangeError('postings: pairs left over');
}
