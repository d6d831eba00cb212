import { FIELD_COUNT as FIELDS_N, INSTANCE_FIELDS as INSTANCE } from './bm25f';
import type { WordIds } from './term-ids';

// Imported bindings are getters once transpiled: plain module constants for the hot paths.
const FIELD_COUNT = FIELDS_N;
const INSTANCE_FIELDS: readonly boolean[] = [...INSTANCE];

/** One field instance of a document: a title, one question, the body, the tags, one learned phrasing. */
export interface UnitInput {
  field: number;
  /** Term ids (from termId), in order, repeats kept. */
  terms: ArrayLike<number>;
}

function grow<T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The inverted index proper: integer term ids, and per term one Int32Array of (unit, tf) pairs.
 * A "unit" is one field instance of one document; a document's units are contiguous.
 * Removal leaves tombstones (unitDoc = -1) that queries skip; document frequencies and length
 * sums are kept exact, so scores after any sequence of changes equal a fresh build's.
 */
/** Revisions are unique across all indexes, so a cache keyed by one never matches another index. */
let lastRevision = 0;

export class InvertedIndex {
  /** Changes on every add and remove: lets per-term caches (score bounds) know they are stale. */
  revision = ++lastRevision;
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  /**
   * Per term: (unit, tf) pairs, units ascending. Read them with list(): an index loaded from its
   * stored form (pack.ts) decodes each term's on first use, and holds none before.
   */
  postings: (Int32Array | undefined)[] = [];
  /** Ints used in each postings array (2 per pair): known for every term, decoded or not. */
  postingLen: number[] = [];
  /** Live documents containing each term. */
  df: number[] = [];
  /** Live question/learned instances containing each term (idf of the per-instance score). */
  instDf: number[] = [];
  instLive = 0;

  unitDoc = new Int32Array(256);
  unitField = new Uint8Array(256);
  /** Terms in each unit. */
  unitLen = new Uint32Array(256);
  unitCount = 0;
  deadUnits = 0;

  docKey: (string | undefined)[] = [];
  docFieldLen = new Float64Array(256 * FIELD_COUNT);
  docUnitStart: number[] = [];
  docUnitEnd: number[] = [];
  /** Sorted unique term ids of each live document (see terms()). */
  docTerms: (Int32Array | undefined)[] = [];
  /** Set by an unpacked index (pack.ts): builds docTerms of its documents, on the first change. */
  pendingDocTerms: (() => Int32Array[]) | undefined;
  /** Set by an index loaded from its stored form (pack.ts): decodes a term's postings into postings[t]. */
  pendingList: ((t: number) => Int32Array) | undefined;
  liveDocs = 0;

  readonly fieldLenSum = new Float64Array(FIELD_COUNT);
  readonly instLenSum = new Float64Array(FIELD_COUNT);
  readonly instCount = new Float64Array(FIELD_COUNT);

  /** Per locale: raw word -> term id (-1: dropped), for tokenising entries straight to ids (term-ids.ts). */
  readonly wordIds = new Map<string, WordIds>();

  /** Term `t`'s postings (postingLen[t] ints of them), decoded on first use in a loaded index. */
  list(t: number): Int32Array | undefined {
    const p = this.postings[t];
    if (p !== undefined || this.pendingList === undefined || !(t >= 0 && t < this.terms.length)) return p;
    return this.pendingList(t);
  }

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.tfScratch = grow(this.tfScratch, id + 1);
      this.docStamp = grow(this.docStamp, id + 1);
      this.postings.push(new Int32Array(4));
      this.postingLen.push(0);
      this.df.push(0);
      this.instDf.push(0);
    }
    return id;
  }

  get docCount(): number {
    return this.docKey.length;
  }

  /** Scratch per term id for addDoc: tf in the current unit, and the last document (+1) that had the term. */
  private tfScratch = new Int32Array(256);
  private docStamp = new Int32Array(256);
  private unitTerms = new Int32Array(256);
  private docUnique = new Int32Array(256);

  addDoc(key: string, units: readonly UnitInput[]): number {
    this.ensureDocTerms();
    const doc = this.docKey.length;
    this.revision = ++lastRevision;
    this.docKey.push(key);
    this.docFieldLen = grow(this.docFieldLen, (doc + 1) * FIELD_COUNT);
    this.docUnitStart.push(this.unitCount);
    let nUnique = 0;
    // a loaded index has terms the scratch arrays have not seen grow with
    this.tfScratch = grow(this.tfScratch, this.terms.length);
    this.docStamp = grow(this.docStamp, this.terms.length);
    for (const u of units) {
      const unit = this.unitCount++;
      this.ensureUnits(this.unitCount);
      this.unitDoc[unit] = doc;
      this.unitField[unit] = u.field;
      this.unitLen[unit] = u.terms.length;
      this.docFieldLen[doc * FIELD_COUNT + u.field]! += u.terms.length;
      this.fieldLenSum[u.field]! += u.terms.length;
      const instance = INSTANCE_FIELDS[u.field];
      if (instance) {
        this.instLenSum[u.field]! += u.terms.length;
        this.instCount[u.field]! += 1;
        this.instLive++;
      }
      // count each term's tf in this unit with arrays indexed by term id (no map per unit)
      this.unitTerms = grow(this.unitTerms, u.terms.length);
      let nTerms = 0;
      for (let k = 0; k < u.terms.length; k++) {
        const id = u.terms[k]!;
        if (this.tfScratch[id] === 0) this.unitTerms[nTerms++] = id;
        this.tfScratch[id]! += 1;
      }
      for (let i = 0; i < nTerms; i++) {
        const id = this.unitTerms[i]!;
        this.appendPosting(id, unit, this.tfScratch[id]!);
        this.tfScratch[id] = 0;
        if (instance) this.instDf[id]! += 1;
        if (this.docStamp[id] !== doc + 1) {
          this.docStamp[id] = doc + 1;
          this.docUnique = grow(this.docUnique, nUnique + 1);
          this.docUnique[nUnique++] = id;
        }
      }
    }
    this.docUnitEnd.push(this.unitCount);
    const unique = this.docUnique.slice(0, nUnique).sort();
    for (const id of unique) this.df[id]! += 1;
    this.docTerms.push(unique);
    this.liveDocs++;
    return doc;
  }

  removeDoc(doc: number): void {
    if (this.docKey[doc] === undefined) return;
    this.ensureDocTerms();
    this.revision = ++lastRevision;
    for (let u = this.docUnitStart[doc]!; u < this.docUnitEnd[doc]!; u++) {
      const f = this.unitField[u]!;
      this.fieldLenSum[f]! -= this.unitLen[u]!;
      if (INSTANCE_FIELDS[f]) {
        this.instLenSum[f]! -= this.unitLen[u]!;
        this.instCount[f]! -= 1;
        this.instLive--;
      }
      this.deadUnits++;
    }
    for (const id of this.docTerms[doc] ?? []) {
      this.df[id]! -= 1;
      this.eachUnitWithTerm(doc, id, (u) => {
        if (INSTANCE_FIELDS[this.unitField[u]!]) this.instDf[id]! -= 1;
      });
    }
    for (let u = this.docUnitStart[doc]!; u < this.docUnitEnd[doc]!; u++) this.unitDoc[u] = -1;
    this.docTerms[doc] = undefined;
    this.docKey[doc] = undefined;
    this.liveDocs--;
  }

  hasTerm(doc: number, termId: number): boolean {
    if (this.pendingDocTerms) {
      let found = false;
      this.eachUnitWithTerm(doc, termId, () => (found = true));
      return found && this.docKey[doc] !== undefined;
    }
    const terms = this.docTerms[doc];
    if (!terms) return false;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = terms[mid]!;
      if (v === termId) return true;
      if (v < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * Bit mask of the fields (1 << field) of `doc` that contain `termId`. Postings are sorted by
   * unit and a document's units are contiguous, so this is a binary search, not a scan.
   */
  fieldsWithTerm(doc: number, termId: number): number {
    let mask = 0;
    this.eachUnitWithTerm(doc, termId, (u) => (mask |= 1 << this.unitField[u]!));
    return mask;
  }

  /**
   * Calls back with each unit of `doc` containing `termId`. Postings are sorted by unit and a
   * document's units are contiguous, so this is a binary search, not a scan.
   */
  eachUnitWithTerm(doc: number, termId: number, each: (unit: number, tf: number) => void): void {
    const p = this.list(termId);
    const start = this.docUnitStart[doc];
    const end = this.docUnitEnd[doc];
    if (!p || start === undefined || end === undefined) return;
    const n = (this.postingLen[termId] ?? 0) >> 1;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid * 2]! < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < n && p[i * 2]! < end; i++) each(p[i * 2]!, p[i * 2 + 1]!);
  }

  /**
   * A live document's units read back from the postings, each term repeated tf times: what addDoc
   * was given up to the order of terms, which ranking does not use. Lets an index that holds no
   * entry texts re-index a document (a learned phrasing added or removed).
   */
  docUnits(doc: number): UnitInput[] {
    this.ensureDocTerms();
    const start = this.docUnitStart[doc];
    const end = this.docUnitEnd[doc];
    if (start === undefined || end === undefined || this.docKey[doc] === undefined) return [];
    const terms: number[][] = Array.from({ length: end - start }, () => []);
    for (const id of this.docTerms[doc] ?? []) {
      this.eachUnitWithTerm(doc, id, (u, tf) => {
        for (let k = 0; k < tf; k++) terms[u - start]!.push(id);
      });
    }
    return terms.map((t, i) => ({ field: this.unitField[start + i]!, terms: t }));
  }

  private ensureDocTerms(): void {
    if (!this.pendingDocTerms) return;
    // cleared once built: a build that throws (a damaged stored list) leaves it pending
    this.docTerms = this.pendingDocTerms();
    this.pendingDocTerms = undefined;
  }

  private ensureUnits(n: number): void {
    this.unitDoc = grow(this.unitDoc, n);
    this.unitField = grow(this.unitField, n);
    this.unitLen = grow(this.unitLen, n);
  }

  private appendPosting(id: number, unit: number, tf: number): void {
    const len = this.postingLen[id]!;
    let p = this.list(id)!;
    if (len + 2 > p.length) {
      p = grow(p, len + 2);
      this.postings[id] = p;
    }
    p[len] = unit;
    p[len + 1] = tf;
    this.postingLen[id] = len + 2;
  }
}
