import { FIELD_COUNT, FIELDS, INSTANCE_FIELDS, idf, type RankingOptions } from './bm25f';
import type { InvertedIndex } from './inverted';
import { TopK } from './topk';

export interface QueryTerm {
  id: number;
  /** Query-term weight (saturated, weighted count). */
  weight: number;
}

/**
 * Scratch arrays reused by every query: a query costs time and memory in proportion to the
 * postings it touches, never to the size of the knowledge base.
 */
export class Scratch {
  docScore = new Float64Array(0);
  docBest = new Float64Array(0);
  termTf = new Float64Array(0);
  touchedDocs = new Int32Array(0);
  termDocs = new Int32Array(0);
  /** 1 for documents still able to reach the top k once pruning started. */
  docLive = new Uint8Array(0);
  /** Documents still able to reach the top k once pruning started. */
  cands = new Int32Array(0);
  /** The filter's answer per document in this query: 0 not asked, 1 yes, 2 no. */
  accepted = new Uint8Array(0);
  acceptedDocs = new Int32Array(0);
  unitScore = new Float64Array(0);
  touchedUnits = new Int32Array(0);

  /** Per term: the largest saturated combined tf and instance tf in its postings, valid at boundRev. */
  termSat = new Float64Array(0);
  termInst = new Float64Array(0);
  boundRev = new Float64Array(0);

  fit(docs: number, units: number, terms = 0): void {
    if (this.boundRev.length < terms) {
      const n = Math.max(terms, this.boundRev.length * 2, 64);
      this.termSat = new Float64Array(n);
      this.termInst = new Float64Array(n);
      this.boundRev = new Float64Array(n);
    }
    if (this.docScore.length < docs) {
      const n = Math.max(docs, this.docScore.length * 2, 64);
      this.docScore = new Float64Array(n);
      this.docBest = new Float64Array(n);
      this.termTf = new Float64Array(n);
      this.touchedDocs = new Int32Array(n);
      this.termDocs = new Int32Array(n);
      this.docLive = new Uint8Array(n);
      this.cands = new Int32Array(n);
      this.accepted = new Uint8Array(n);
      this.acceptedDocs = new Int32Array(n);
    }
    if (this.unitScore.length < units) {
      const n = Math.max(units, this.unitScore.length * 2, 64);
      this.unitScore = new Float64Array(n);
      this.touchedUnits = new Int32Array(n);
    }
  }
}

/** What a hit scored and the query's ideal score, for confidence features. */
export interface Scored {
  doc: number;
  score: number;
}

/** Imported bindings are getters once transpiled: a plain copy for the hot loop. */
const F: number = FIELD_COUNT;

/** Relative slack on bounds, so float rounding never prunes a document that could tie. */
const SLACK = 1e-9;
/**
 * Documents from which a term's exact bound is worth working out before scoring (also at least a
 * 16th of the entries). The order of terms depends only on live documents (df, not the length of
 * postings with tombstones): an incrementally changed index adds up scores in a fresh build's order.
 */
const BOUND_MIN_DOCS = 256;

/** A query term as scored: its weights (times idf), the most it can add, and the order key. */
interface PlannedTerm {
  id: number;
  weight: number;
  instWeight: number;
  bound: number;
  cost: number;
}

/**
 * BM25F over the concatenated fields, plus the best single instance of the multi-instance fields
 * (questions, learned phrasings) scored as a small BM25 document of its own.
 *
 * Evaluation (exact, MaxScore-style; DESIGN.md, "Speed and memory"): terms go cheapest first
 * (document frequency per unit of score bound). Every contribution is positive, so a document's
 * running score is a lower bound of its final score, and a term can add at most its bound. Once
 * the bounds of the remaining terms add up to less than the k-th best running score, no document
 * outside the current candidates can reach the top k: the remaining (common, long) terms are only
 * looked up for the candidates that still can. The result (scores included) equals scoring every
 * posting.
 */
export function scoreQuery(
  ix: InvertedIndex,
  query: readonly QueryTerm[],
  r: RankingOptions,
  s: Scratch,
  limit: number,
  accept: (doc: number) => boolean,
): Scored[] {
  s.fit(ix.docCount, ix.unitCount, ix.terms.length);
  const run = new QueryRun(ix, r, s, limit, accept);
  const terms = run.plan(query);
  const pruneFrom = run.scoreInFull(terms);
  const candidates = pruneFrom < terms.length ? run.scoreCandidates(terms, pruneFrom) : run.touched();
  const top = run.topOf(candidates.list, candidates.count);
  run.clear();
  return top;
}

/** One query's scoring: the index's parameters read once, the scratch arrays, and each step below. */
class QueryRun {
  // Imported bindings are getters once transpiled: read them once, not in the hot loop.
  private readonly instanceField = Uint8Array.from(INSTANCE_FIELDS, (v) => (v ? 1 : 0));
  private readonly avgField = new Float64Array(FIELD_COUNT);
  private readonly avgInst = new Float64Array(FIELD_COUNT);
  private readonly w = new Float64Array(FIELD_COUNT);
  private readonly b = new Float64Array(FIELD_COUNT);
  private maxInstW = 0;
  private readonly k1: number;
  private readonly combinedWeight: number;
  private readonly instanceWeight: number;
  /** Bounds and the top-k pruning hold only for non-negative weights and a positive limit. */
  private readonly canPrune: boolean;
  /** df from which a term's exact bound is worked out before scoring. */
  private readonly eagerDocs: number;
  /** Largest length-normalised instance tf per field of the term being scored or bounded. */
  private readonly ntfMax = new Float64Array(FIELD_COUNT);
  private nDocs = 0;
  private nUnits = 0;
  private nAccepted = 0;
  /** The k-th best running score once the top k is full (0 before). */
  private threshold = 0;
  private readonly keyOf: (d: number) => string;
  // The index's and the scratch's arrays the hot loops read, one property load away (not two).
  private readonly unitDoc: Int32Array;
  private readonly unitField: Uint8Array;
  private readonly unitLen: Uint32Array;
  private readonly docFieldLen: Float64Array;
  private readonly unitScore: Float64Array;
  private readonly docBest: Float64Array;
  private readonly touchedUnits: Int32Array;

  constructor(
    private readonly ix: InvertedIndex,
    private readonly r: RankingOptions,
    private readonly s: Scratch,
    private readonly limit: number,
    private readonly accept: (doc: number) => boolean,
  ) {
    const n = Math.max(1, ix.liveDocs);
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.avgField[f] = ix.fieldLenSum[f]! / n || 1;
      this.avgInst[f] = ix.instLenSum[f]! / (ix.instCount[f]! || 1) || 1;
      // never 0: a zero contribution would break the "first touch" tests below
      this.w[f] = Math.max(1e-9, r.weights[FIELDS[f]!]);
      this.b[f] = r.b[FIELDS[f]!];
      if (this.instanceField[f]) this.maxInstW = Math.max(this.maxInstW, this.w[f]!);
    }
    this.k1 = r.k1;
    this.combinedWeight = r.combinedWeight;
    this.instanceWeight = r.instanceWeight;
    this.canPrune = limit > 0 && this.combinedWeight >= 0 && this.instanceWeight >= 0 && this.k1 >= 0;
    this.eagerDocs = Math.max(BOUND_MIN_DOCS, ix.liveDocs / 16);
    this.keyOf = (d: number) => ix.docKey[d] ?? '';
    ({ unitDoc: this.unitDoc, unitField: this.unitField, unitLen: this.unitLen, docFieldLen: this.docFieldLen } = ix);
    ({ unitScore: this.unitScore, docBest: this.docBest, touchedUnits: this.touchedUnits } = s);
  }

  // ---- the formulas, each written once ----------------------------------------------------

  /** BM25's length normalisation of field f for a text of `len` words: 1 - b + b·len/avg. */
  private lengthNorm(f: number, len: number, avg: number): number {
    return 1 - this.b[f]! + (this.b[f]! * len) / avg;
  }

  /** A posting's share of the combined tf: weighted, normalised by the field's length in the document. */
  private combinedTf(f: number, tf: number, d: number): number {
    return (this.w[f]! * tf) / this.lengthNorm(f, this.docFieldLen[d * F + f]!, this.avgField[f]!);
  }

  /** A posting's tf normalised by its own instance's length (one question, one learned phrasing). */
  private instanceTf(f: number, tf: number, u: number): number {
    return tf / this.lengthNorm(f, this.unitLen[u]!, this.avgInst[f]!);
  }

  /** What a term adds to the combined score from a document's combined tf (saturated by k1). */
  private saturated(weight: number, tf: number): number {
    return (this.combinedWeight * weight * tf) / (this.k1 + tf);
  }

  /** A document's running score: combined score plus its best instance. */
  private scoreOf(d: number): number {
    return this.s.docScore[d]! + this.instanceWeight * this.s.docBest[d]!;
  }

  /**
   * One posting: adds to the document's combined tf (returns the new total) and to its
   * instance's score, keeping the document's best instance. Unit scores only grow, so the
   * running max is the final max.
   */
  private posting(u: number, d: number, tf: number, instWeight: number, termTf: Float64Array): void {
    const f = this.unitField[u]!;
    termTf[d]! += this.combinedTf(f, tf, d);
    if (!this.instanceField[f]) return;
    const { unitScore, docBest } = this;
    if (unitScore[u] === 0) this.touchedUnits[this.nUnits++] = u;
    const ntf = this.instanceTf(f, tf, u);
    if (ntf > this.ntfMax[f]!) this.ntfMax[f] = ntf;
    if ((unitScore[u]! += (instWeight * ntf * this.w[f]!) / (this.k1 + ntf)) > docBest[d]!) docBest[d] = unitScore[u]!;
  }

  // ---- bounds and the order of terms ------------------------------------------------------

  /** Saturation < 1: the most a term can add, knowing nothing of its postings. */
  private crude(weight: number, instWeight: number): number {
    return this.combinedWeight * weight + this.instanceWeight * instWeight * this.maxInstW;
  }

  /**
   * The most a term adds to any document: from the largest combined tf and instance tf in its
   * postings, kept per term until the index changes (noted whenever a term is scored in full, and
   * worked out up front for the commonest terms); otherwise the crude bound.
   */
  private bound(id: number, weight: number, instWeight: number): number {
    const { ix, s } = this;
    if (s.boundRev[id] !== ix.revision) {
      if (ix.df[id]! < this.eagerDocs) return this.crude(weight, instWeight);
      this.keepBound(id, this.largestTf(id));
    }
    return this.combinedWeight * weight * s.termSat[id]! + this.instanceWeight * instWeight * s.termInst[id]!;
  }

  /** The largest combined tf of term `id` in any document (and, in ntfMax, its largest instance tf per field). */
  private largestTf(id: number): number {
    const { ix } = this;
    const p = ix.list(id)!;
    const len = ix.postingLen[id]!;
    this.ntfMax.fill(0);
    let maxTf = 0;
    let doc = -1;
    let sum = 0;
    for (let i = 0; i < len; i += 2) {
      const u = p[i]!;
      const d = ix.unitDoc[u]!;
      if (d < 0) continue;
      if (d !== doc) {
        if (sum > maxTf) maxTf = sum;
        doc = d;
        sum = 0;
      }
      const f = ix.unitField[u]!;
      const tf = p[i + 1]!;
      sum += this.combinedTf(f, tf, d);
      if (this.instanceField[f]) {
        const ntf = this.instanceTf(f, tf, u);
        if (ntf > this.ntfMax[f]!) this.ntfMax[f] = ntf;
      }
    }
    return sum > maxTf ? sum : maxTf;
  }

  /** Notes a term's exact bound (from its largest combined tf and ntfMax) until the index changes. */
  private keepBound(id: number, maxTf: number): void {
    const { s, k1 } = this;
    let inst = 0;
    for (let f = 0; f < FIELD_COUNT; f++) if (this.instanceField[f]) inst = Math.max(inst, (this.ntfMax[f]! * this.w[f]!) / (k1 + this.ntfMax[f]!) || 0);
    s.termSat[id] = maxTf / (k1 + maxTf) || 0;
    s.termInst[id] = inst;
    s.boundRev[id] = this.ix.revision;
  }

  /**
   * The terms that can score, each with the most it can add, cheapest first: short lists with a
   * high bound, so that what is left when pruning starts is the long lists of common words with
   * little to add. The order depends only on the index and the query (not on which bounds are
   * known yet), so scores are added up in the same order every time, to the last bit.
   */
  plan(query: readonly QueryTerm[]): PlannedTerm[] {
    const { ix } = this;
    const terms: PlannedTerm[] = [];
    for (const q of query) {
      const len = ix.postingLen[q.id] ?? 0;
      if (len === 0 || ix.df[q.id] === 0 || !(q.weight > 0) || !ix.list(q.id)) continue;
      const weight = q.weight * idf(ix.liveDocs, ix.df[q.id]!);
      const instWeight = this.r.instanceIdf ? q.weight * idf(ix.instLive, ix.instDf[q.id]!) : weight;
      const known = this.canPrune ? this.bound(q.id, weight, instWeight) : this.crude(weight, instWeight);
      const c = ix.df[q.id]! >= this.eagerDocs ? known : this.crude(weight, instWeight);
      terms.push({ id: q.id, weight, instWeight, bound: known, cost: c > 0 ? ix.df[q.id]! / c : Infinity });
    }
    // a stable sort: ties keep the query's order
    terms.sort((x, y) => x.cost - y.cost);
    this.rest = new Float64Array(terms.length + 1);
    for (let j = terms.length - 1; j >= 0; j--) this.rest[j] = this.rest[j + 1]! + terms[j]!.bound;
    return terms;
  }

  /** rest[j]: the most terms j… can still add to any document. */
  private rest = new Float64Array(1);

  // ---- the filter and the running top k ----------------------------------------------------

  /** The filter, run at most once per document and query (it reads the entry). */
  private ok(d: number): boolean {
    const { accepted, acceptedDocs } = this.s;
    if (accepted[d] === 0) {
      accepted[d] = this.accept(d) ? 1 : 2;
      acceptedDocs[this.nAccepted++] = d;
    }
    return accepted[d] === 1;
  }

  /** Offers a document to a top k: the filter only runs for documents that would enter it. */
  private offer(top: TopK, d: number): void {
    const score = this.scoreOf(d);
    if (score > 0 && top.wouldTake(score, d) && this.ok(d)) top.push(score, d);
  }

  /** The top k of `count` documents of `list`. */
  topOf(list: Int32Array, count: number): Scored[] {
    const top = new TopK(this.limit, this.keyOf);
    for (let i = 0; i < count; i++) this.offer(top, list[i]!);
    return top.result();
  }

  /** The k-th best running score among accepted documents of `list` (0 while fewer than k). */
  private kthBest(list: Int32Array, count: number): number {
    const top = new TopK(this.limit, this.keyOf);
    for (let i = 0; i < count; i++) this.offer(top, list[i]!);
    return top.full() ? top.lowest() : 0;
  }

  // ---- 1. every posting of the terms that could lift an unseen document into the top k ----

  /**
   * Scores terms in full, in plan order, keeping the running top k up to date (after a term it is
   * among the old top k and the documents the term touched: no other score changed). Returns the
   * first term from which only candidates need scoring (terms.length: none).
   */
  scoreInFull(terms: readonly PlannedTerm[]): number {
    let best = new TopK(this.canPrune ? this.limit : 0, this.keyOf);
    let next = new TopK(this.canPrune ? this.limit : 0, this.keyOf);
    for (let j = 0; j < terms.length; j++) {
      if (this.canPrune && j > 0 && this.threshold > 0 && this.rest[j]! * (1 + SLACK) < this.threshold) return j;
      const t = terms[j]!;
      this.ntfMax.fill(0);
      const nTerm = this.collect(t);
      if (this.canPrune) {
        next.clear();
        // the old top k, less the documents this term touched (they are offered below)
        for (let i = 0; i < best.size; i++) {
          const d = best.docAt(i);
          if (this.s.termTf[d] === 0) next.push(this.scoreOf(d), d);
        }
      }
      const maxTf = this.addTerm(t.weight, nTerm, this.canPrune ? next : undefined);
      // scored in full: its exact bound comes for free, for later queries
      if (this.s.boundRev[t.id] !== this.ix.revision) this.keepBound(t.id, maxTf);
      if (this.canPrune) {
        [best, next] = [next, best];
        this.threshold = best.full() ? best.lowest() : 0;
      }
    }
    return terms.length;
  }

  /** Every live posting of a term into termTf (and the instance scores); returns how many documents it touched (in termDocs). */
  private collect(t: PlannedTerm): number {
    const { ix } = this;
    const { termTf, termDocs } = this.s;
    const unitDoc = this.unitDoc;
    const p = ix.list(t.id)!;
    const len = ix.postingLen[t.id]!;
    let nTerm = 0;
    for (let i = 0; i < len; i += 2) {
      const u = p[i]!;
      const d = unitDoc[u]!;
      if (d < 0) continue;
      if (termTf[d] === 0) termDocs[nTerm++] = d;
      this.posting(u, d, p[i + 1]!, t.instWeight, termTf);
    }
    return nTerm;
  }

  /** Saturates the touched documents' combined tf into their scores (offering each to `top`); returns the largest combined tf. */
  private addTerm(weight: number, nTerm: number, top?: TopK): number {
    const { docScore, termTf, termDocs, touchedDocs } = this.s;
    let maxTf = 0;
    for (let i = 0; i < nTerm; i++) {
      const d = termDocs[i]!;
      if (docScore[d] === 0) touchedDocs[this.nDocs++] = d;
      if (termTf[d]! > maxTf) maxTf = termTf[d]!;
      docScore[d]! += this.saturated(weight, termTf[d]!);
      termTf[d] = 0;
      if (top) this.offer(top, d);
    }
    return maxTf;
  }

  /** Every document touched so far (no pruning happened). */
  touched(): { list: Int32Array; count: number } {
    return { list: this.s.touchedDocs, count: this.nDocs };
  }

  // ---- 2. the remaining terms, only for the candidates that can still reach the k-th best ----

  scoreCandidates(terms: readonly PlannedTerm[], pruneFrom: number): { list: Int32Array; count: number } {
    const { cands: list, docLive } = this.s;
    let count = this.survivors(this.s.touchedDocs, this.nDocs, list, pruneFrom);
    list.subarray(0, count).sort();
    for (let c = 0; c < count; c++) docLive[list[c]!] = 1;
    for (let j = pruneFrom; j < terms.length; j++) {
      const t = terms[j]!;
      // many candidates: scan the postings, skipping documents that are out; few: seek each one
      if (count * 16 > this.ix.postingLen[t.id]!) this.scanForCandidates(t);
      else this.seekForCandidates(t, list, count);
      // the k-th best only rises and the remaining bound shrinks: drop who can no longer make it
      if (j + 1 < terms.length) {
        this.threshold = Math.max(this.threshold, this.kthBest(list, count));
        count = this.dropHopeless(list, count, j + 1);
      }
    }
    for (let c = 0; c < count; c++) docLive[list[c]!] = 0;
    return { list, count };
  }

  /** Copies to `out` the documents of `list` that can still reach the k-th best with terms `from`…; returns how many. */
  private survivors(list: Int32Array, count: number, out: Int32Array, from: number): number {
    const floor = this.threshold * (1 - SLACK) - this.rest[from]! * (1 + SLACK);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const d = list[i]!;
      if (this.scoreOf(d) >= floor) out[kept++] = d;
    }
    return kept;
  }

  /** Keeps in `list` (in order) the candidates that can still reach the k-th best with terms `from`…; returns how many. */
  private dropHopeless(list: Int32Array, count: number, from: number): number {
    const floor = this.threshold * (1 - SLACK) - this.rest[from]! * (1 + SLACK);
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const d = list[c]!;
      if (this.scoreOf(d) >= floor) list[kept++] = d;
      else this.s.docLive[d] = 0;
    }
    return kept;
  }

  /** A term's postings scanned, skipping documents that are no longer candidates. */
  private scanForCandidates(t: PlannedTerm): void {
    const { ix } = this;
    const { termTf, termDocs, docLive } = this.s;
    const unitDoc = this.unitDoc;
    const p = ix.list(t.id)!;
    const len = ix.postingLen[t.id]!;
    let nTerm = 0;
    for (let i = 0; i < len; i += 2) {
      const u = p[i]!;
      const d = unitDoc[u]!;
      if (d < 0 || docLive[d] === 0) continue;
      if (termTf[d] === 0) termDocs[nTerm++] = d;
      this.posting(u, d, p[i + 1]!, t.instWeight, termTf);
    }
    this.addTerm(t.weight, nTerm);
  }

  /** Each candidate's postings found by binary search (candidates ascend, so the search start only grows). */
  private seekForCandidates(t: PlannedTerm, list: Int32Array, count: number): void {
    const { ix } = this;
    const p = ix.list(t.id)!;
    const len = ix.postingLen[t.id]!;
    const pairs = len >> 1;
    const one = this.s.termTf;
    let lo = 0;
    for (let c = 0; c < count; c++) {
      const d = list[c]!;
      const start = ix.docUnitStart[d]!;
      const end = ix.docUnitEnd[d]!;
      let hi = pairs;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (p[mid * 2]! < start) lo = mid + 1;
        else hi = mid;
      }
      let i = lo * 2;
      for (; i < len && p[i]! < end; i += 2) this.posting(p[i]!, d, p[i + 1]!, t.instWeight, one);
      lo = i >> 1;
      const tfSum = one[d]!;
      one[d] = 0;
      if (tfSum > 0) this.s.docScore[d]! += this.saturated(t.weight, tfSum);
    }
  }

  /** Leaves the scratch arrays as found: zero wherever this query wrote. */
  clear(): void {
    const { docScore, docBest, unitScore, touchedDocs, touchedUnits, accepted, acceptedDocs } = this.s;
    for (let i = 0; i < this.nDocs; i++) {
      const d = touchedDocs[i]!;
      docScore[d] = 0;
      docBest[d] = 0;
    }
    for (let i = 0; i < this.nUnits; i++) unitScore[touchedUnits[i]!] = 0;
    for (let i = 0; i < this.nAccepted; i++) accepted[acceptedDocs[i]!] = 0;
  }
}

/** The score of an entry that matched every query term as well as possible: scores / this is in 0..1. */
export function idealScore(ix: InvertedIndex, query: readonly QueryTerm[], r: RankingOptions): number {
  let total = 0;
  const maxW = Math.max(...Object.values(r.weights));
  for (const q of query) {
    if ((ix.df[q.id] ?? 0) === 0) continue;
    total += q.weight * idf(ix.liveDocs, ix.df[q.id]!);
  }
  return total * (r.combinedWeight + r.instanceWeight * maxW);
}
