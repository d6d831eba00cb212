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

/** Relative slack on bounds, so float rounding never prunes a document that could tie. */
const SLACK = 1e-9;
/**
 * Documents from which a term's exact bound is worth working out before scoring (also at least a
 * 16th of the entries). The order of terms depends only on live documents (df, not the length of
 * postings with tombstones): an incrementally changed index adds up scores in a fresh build's order.
 */
const BOUND_MIN_DOCS = 256;

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
  // Imported bindings are getters once transpiled: read them once, not in the hot loop.
  const instanceField = Uint8Array.from(INSTANCE_FIELDS, (v) => (v ? 1 : 0));
  const F = FIELD_COUNT;
  const n = Math.max(1, ix.liveDocs);
  const avgField = new Float64Array(FIELD_COUNT);
  const avgInst = new Float64Array(FIELD_COUNT);
  const w = new Float64Array(FIELD_COUNT);
  const b = new Float64Array(FIELD_COUNT);
  let maxInstW = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    avgField[f] = ix.fieldLenSum[f]! / n || 1;
    avgInst[f] = ix.instLenSum[f]! / (ix.instCount[f]! || 1) || 1;
    // never 0: a zero contribution would break the "first touch" test below
    w[f] = Math.max(1e-9, r.weights[FIELDS[f]!]);
    b[f] = r.b[FIELDS[f]!];
    if (instanceField[f]) maxInstW = Math.max(maxInstW, w[f]!);
  }
  const { docScore, docBest, termTf, touchedDocs, termDocs, docLive, cands, unitScore, touchedUnits } = s;
  let nDocs = 0;
  let nUnits = 0;
  const k1 = r.k1;
  const combinedWeight = r.combinedWeight;
  const instanceWeight = r.instanceWeight;
  const { unitDoc, unitField, unitLen, docFieldLen, docUnitStart, docUnitEnd } = ix;

  // The terms that can score, each with the most it can add to a document's score.
  const canPrune = limit > 0 && combinedWeight >= 0 && instanceWeight >= 0 && k1 >= 0;
  const { termSat, termInst, boundRev } = s;
  const eagerDocs = Math.max(BOUND_MIN_DOCS, ix.liveDocs / 16);
  /** Saturation < 1: the most a term can add, knowing nothing of its postings. */
  const crude = (weight: number, instWeight: number) => combinedWeight * weight + instanceWeight * instWeight * maxInstW;
  /**
   * The most a term adds to any document: from the largest combined tf and instance tf in its
   * postings, kept per term until the index changes (noted whenever a term is scored in full, and
   * worked out up front for the commonest terms); otherwise the crude bound.
   */
  const bound = (id: number, weight: number, instWeight: number): number => {
    if (boundRev[id] !== ix.revision) {
      if (ix.df[id]! < eagerDocs) return crude(weight, instWeight);
      const p = ix.postings[id]!;
      const len = ix.postingLen[id]!;
      let maxTf = 0;
      ntfMax.fill(0);
      let doc = -1;
      let sum = 0;
      for (let i = 0; i < len; i += 2) {
        const u = p[i]!;
        const d = unitDoc[u]!;
        if (d < 0) continue;
        if (d !== doc) {
          if (sum > maxTf) maxTf = sum;
          doc = d;
          sum = 0;
        }
        const f = unitField[u]!;
        const tf = p[i + 1]!;
        sum += (w[f]! * tf) / (1 - b[f]! + (b[f]! * docFieldLen[d * F + f]!) / avgField[f]!);
        if (instanceField[f]) {
          const ntf = tf / (1 - b[f]! + (b[f]! * unitLen[u]!) / avgInst[f]!);
          if (ntf > ntfMax[f]!) ntfMax[f] = ntf;
        }
      }
      if (sum > maxTf) maxTf = sum;
      keepBound(id, maxTf);
    }
    return combinedWeight * weight * termSat[id]! + instanceWeight * instWeight * termInst[id]!;
  };
  /** Largest normalised instance tf per field of the term being scored or bounded. */
  const ntfMax = new Float64Array(FIELD_COUNT);
  const keepBound = (id: number, maxTf: number) => {
    let inst = 0;
    for (let f = 0; f < FIELD_COUNT; f++) if (instanceField[f]) inst = Math.max(inst, (ntfMax[f]! * w[f]!) / (k1 + ntfMax[f]!) || 0);
    termSat[id] = maxTf / (k1 + maxTf) || 0;
    termInst[id] = inst;
    boundRev[id] = ix.revision;
  };
  const terms: { id: number; weight: number; instWeight: number; bound: number; cost: number }[] = [];
  for (const q of query) {
    const len = ix.postingLen[q.id] ?? 0;
    if (!ix.postings[q.id] || len === 0 || ix.df[q.id] === 0 || !(q.weight > 0)) continue;
    const weight = q.weight * idf(ix.liveDocs, ix.df[q.id]!);
    const instWeight = r.instanceIdf ? q.weight * idf(ix.instLive, ix.instDf[q.id]!) : weight;
    // the order depends only on the index and the query (not on which bounds are known yet), so
    // scores are added up in the same order every time, to the last bit
    const known = canPrune ? bound(q.id, weight, instWeight) : crude(weight, instWeight);
    const c = ix.df[q.id]! >= eagerDocs ? known : crude(weight, instWeight);
    terms.push({ id: q.id, weight, instWeight, bound: known, cost: c > 0 ? ix.df[q.id]! / c : Infinity });
  }
  // Cheapest score first: short lists with a high bound, so that what is left when pruning starts
  // is the long lists of common words with little to add (a stable sort: ties keep the query's order).
  terms.sort((x, y) => x.cost - y.cost);
  const rest = new Float64Array(terms.length + 1);
  for (let j = terms.length - 1; j >= 0; j--) rest[j] = rest[j + 1]! + terms[j]!.bound;
  const keyOf = (d: number) => ix.docKey[d] ?? '';

  // The filter runs at most once per document and query (it reads the entry).
  const { accepted, acceptedDocs } = s;
  let nAccepted = 0;
  const ok = (d: number): boolean => {
    if (accepted[d] === 0) {
      accepted[d] = accept(d) ? 1 : 2;
      acceptedDocs[nAccepted++] = d;
    }
    return accepted[d] === 1;
  };
  /** The k-th best running score among accepted documents of `list` (0 while fewer than k). */
  const kthBest = (list: Int32Array, count: number): number => {
    const top = new TopK(limit, keyOf);
    for (let i = 0; i < count; i++) {
      const d = list[i]!;
      const score = docScore[d]! + instanceWeight * docBest[d]!;
      if (score > 0 && top.wouldTake(score, d) && ok(d)) top.push(score, d);
    }
    return top.full() ? top.lowest() : 0;
  };

  // 1. Every posting of the terms that could still lift an unseen document into the top k. The
  // running top k is kept up to date: after a term, it is among the old top k and the documents
  // the term touched (no other score changed).
  let pruneFrom = terms.length;
  let threshold = 0;
  let best = new TopK(canPrune ? limit : 0, keyOf);
  let next = new TopK(canPrune ? limit : 0, keyOf);
  for (let j = 0; j < terms.length; j++) {
    if (canPrune && j > 0 && threshold > 0 && rest[j]! * (1 + SLACK) < threshold) {
      pruneFrom = j;
      break;
    }
    const t = terms[j]!;
    const p = ix.postings[t.id]!;
    const len = ix.postingLen[t.id]!;
    const { weight, instWeight } = t;
    let nTerm = 0;
    ntfMax.fill(0);
    for (let i = 0; i < len; i += 2) {
      const u = p[i]!;
      const d = unitDoc[u]!;
      if (d < 0) continue;
      const f = unitField[u]!;
      const tf = p[i + 1]!;
      if (termTf[d] === 0) termDocs[nTerm++] = d;
      const fieldLen = docFieldLen[d * F + f]!;
      termTf[d]! += (w[f]! * tf) / (1 - b[f]! + (b[f]! * fieldLen) / avgField[f]!);
      if (instanceField[f]) {
        if (unitScore[u] === 0) touchedUnits[nUnits++] = u;
        const ntf = tf / (1 - b[f]! + (b[f]! * unitLen[u]!) / avgInst[f]!);
        if (ntf > ntfMax[f]!) ntfMax[f] = ntf;
        // the best instance so far: unit scores only grow, so the running max is the final max
        if ((unitScore[u]! += (instWeight * ntf * w[f]!) / (k1 + ntf)) > docBest[d]!) docBest[d] = unitScore[u]!;
      }
    }
    if (canPrune) {
      next.clear();
      for (let i = 0; i < best.size; i++) {
        const d = best.docAt(i);
        if (termTf[d] === 0) next.push(docScore[d]! + instanceWeight * docBest[d]!, d);
      }
    }
    let maxTf = 0;
    for (let i = 0; i < nTerm; i++) {
      const d = termDocs[i]!;
      if (docScore[d] === 0) touchedDocs[nDocs++] = d;
      if (termTf[d]! > maxTf) maxTf = termTf[d]!;
      docScore[d]! += (combinedWeight * weight * termTf[d]!) / (k1 + termTf[d]!);
      termTf[d] = 0;
      if (canPrune) {
        const score = docScore[d]! + instanceWeight * docBest[d]!;
        if (next.wouldTake(score, d) && ok(d)) next.push(score, d);
      }
    }
    // scored in full: its exact bound comes for free, for later queries
    if (boundRev[t.id] !== ix.revision) keepBound(t.id, maxTf);
    if (canPrune) {
      [best, next] = [next, best];
      threshold = best.full() ? best.lowest() : 0;
    }
  }

  // 2. The remaining terms only for the candidates that can still reach the k-th best score.
  let list = touchedDocs;
  let nList = nDocs;
  if (pruneFrom < terms.length) {
    list = cands;
    nList = 0;
    const floor = threshold * (1 - SLACK) - rest[pruneFrom]! * (1 + SLACK);
    for (let i = 0; i < nDocs; i++) {
      const d = touchedDocs[i]!;
      if (docScore[d]! + instanceWeight * docBest[d]! >= floor) list[nList++] = d;
    }
    list.subarray(0, nList).sort();
    for (let c = 0; c < nList; c++) docLive[list[c]!] = 1;
    for (let j = pruneFrom; j < terms.length; j++) {
      const { id, weight, instWeight } = terms[j]!;
      const p = ix.postings[id]!;
      const len = ix.postingLen[id]!;
      if (nList * 16 > len) {
        // many candidates: scan the postings, skipping documents that are out
        let nTerm = 0;
        for (let i = 0; i < len; i += 2) {
          const u = p[i]!;
          const d = unitDoc[u]!;
          if (d < 0 || docLive[d] === 0) continue;
          const f = unitField[u]!;
          const tf = p[i + 1]!;
          if (termTf[d] === 0) termDocs[nTerm++] = d;
          const fieldLen = docFieldLen[d * F + f]!;
          termTf[d]! += (w[f]! * tf) / (1 - b[f]! + (b[f]! * fieldLen) / avgField[f]!);
          if (instanceField[f]) {
            if (unitScore[u] === 0) touchedUnits[nUnits++] = u;
            const ntf = tf / (1 - b[f]! + (b[f]! * unitLen[u]!) / avgInst[f]!);
            if ((unitScore[u]! += (instWeight * ntf * w[f]!) / (k1 + ntf)) > docBest[d]!) docBest[d] = unitScore[u]!;
          }
        }
        for (let i = 0; i < nTerm; i++) {
          const d = termDocs[i]!;
          docScore[d]! += (combinedWeight * weight * termTf[d]!) / (k1 + termTf[d]!);
          termTf[d] = 0;
        }
      } else {
        // few candidates: find each one's postings by binary search (candidates ascend, so lo only grows)
        const pairs = len >> 1;
        let lo = 0;
        for (let c = 0; c < nList; c++) {
          const d = list[c]!;
          const start = docUnitStart[d]!;
          const end = docUnitEnd[d]!;
          let hi = pairs;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (p[mid * 2]! < start) lo = mid + 1;
            else hi = mid;
          }
          let tfSum = 0;
          let i = lo * 2;
          for (; i < len && p[i]! < end; i += 2) {
            const u = p[i]!;
            const f = unitField[u]!;
            const tf = p[i + 1]!;
            const fieldLen = docFieldLen[d * F + f]!;
            tfSum += (w[f]! * tf) / (1 - b[f]! + (b[f]! * fieldLen) / avgField[f]!);
            if (instanceField[f]) {
              if (unitScore[u] === 0) touchedUnits[nUnits++] = u;
              const ntf = tf / (1 - b[f]! + (b[f]! * unitLen[u]!) / avgInst[f]!);
              if ((unitScore[u]! += (instWeight * ntf * w[f]!) / (k1 + ntf)) > docBest[d]!) docBest[d] = unitScore[u]!;
            }
          }
          lo = i >> 1;
          if (tfSum > 0) docScore[d]! += (combinedWeight * weight * tfSum) / (k1 + tfSum);
        }
      }
      // the k-th best only rises and the remaining bound shrinks: drop who can no longer make it
      if (j + 1 < terms.length) {
        threshold = Math.max(threshold, kthBest(list, nList));
        const floorNext = threshold * (1 - SLACK) - rest[j + 1]! * (1 + SLACK);
        let kept = 0;
        for (let c = 0; c < nList; c++) {
          const d = list[c]!;
          if (docScore[d]! + instanceWeight * docBest[d]! >= floorNext) list[kept++] = d;
          else docLive[d] = 0;
        }
        nList = kept;
      }
    }
    for (let c = 0; c < nList; c++) docLive[list[c]!] = 0;
  }

  // 3. The top k of the candidates.
  const top = new TopK(limit, keyOf);
  for (let i = 0; i < nList; i++) {
    const d = list[i]!;
    const score = docScore[d]! + instanceWeight * docBest[d]!;
    // the filter (e.g. isSuggestable) only runs for documents that would enter the top k
    if (score > 0 && top.wouldTake(score, d) && ok(d)) top.push(score, d);
  }
  for (let i = 0; i < nDocs; i++) {
    const d = touchedDocs[i]!;
    docScore[d] = 0;
    docBest[d] = 0;
  }
  for (let i = 0; i < nUnits; i++) unitScore[touchedUnits[i]!] = 0;
  for (let i = 0; i < nAccepted; i++) accepted[acceptedDocs[i]!] = 0;
  return top.result();
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
