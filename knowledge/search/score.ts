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
  unitScore = new Float64Array(0);
  touchedUnits = new Int32Array(0);

  fit(docs: number, units: number): void {
    if (this.docScore.length < docs) {
      const n = Math.max(docs, this.docScore.length * 2, 64);
      this.docScore = new Float64Array(n);
      this.docBest = new Float64Array(n);
      this.termTf = new Float64Array(n);
      this.touchedDocs = new Int32Array(n);
      this.termDocs = new Int32Array(n);
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

/**
 * BM25F over the concatenated fields, plus the best single instance of the multi-instance fields
 * (questions, learned phrasings) scored as a small BM25 document of its own.
 */
export function scoreQuery(
  ix: InvertedIndex,
  query: readonly QueryTerm[],
  r: RankingOptions,
  s: Scratch,
  limit: number,
  accept: (doc: number) => boolean,
): Scored[] {
  s.fit(ix.docCount, ix.unitCount);
  // Imported bindings are getters once transpiled: read them once, not in the hot loop.
  const instanceField = Uint8Array.from(INSTANCE_FIELDS, (v) => (v ? 1 : 0));
  const F = FIELD_COUNT;
  const n = Math.max(1, ix.liveDocs);
  const avgField = new Float64Array(FIELD_COUNT);
  const avgInst = new Float64Array(FIELD_COUNT);
  const w = new Float64Array(FIELD_COUNT);
  const b = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) {
    avgField[f] = ix.fieldLenSum[f]! / n || 1;
    avgInst[f] = ix.instLenSum[f]! / (ix.instCount[f]! || 1) || 1;
    // never 0: a zero contribution would break the "first touch" test below
    w[f] = Math.max(1e-9, r.weights[FIELDS[f]!]);
    b[f] = r.b[FIELDS[f]!];
  }
  const { docScore, docBest, termTf, touchedDocs, termDocs, unitScore, touchedUnits } = s;
  let nDocs = 0;
  let nUnits = 0;
  const k1 = r.k1;
  const combinedWeight = r.combinedWeight;
  const { unitDoc, unitField, unitLen, docFieldLen } = ix;
  for (const q of query) {
    const p = ix.postings[q.id];
    const len = ix.postingLen[q.id] ?? 0;
    if (!p || len === 0 || ix.df[q.id] === 0 || !(q.weight > 0)) continue;
    const weight = q.weight * idf(ix.liveDocs, ix.df[q.id]!);
    const instWeight = r.instanceIdf ? q.weight * idf(ix.instLive, ix.instDf[q.id]!) : weight;
    let nTerm = 0;
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
        unitScore[u]! += (instWeight * ntf * w[f]!) / (k1 + ntf);
      }
    }
    for (let i = 0; i < nTerm; i++) {
      const d = termDocs[i]!;
      if (docScore[d] === 0) touchedDocs[nDocs++] = d;
      docScore[d]! += (combinedWeight * weight * termTf[d]!) / (k1 + termTf[d]!);
      termTf[d] = 0;
    }
  }
  for (let i = 0; i < nUnits; i++) {
    const u = touchedUnits[i]!;
    const d = ix.unitDoc[u]!;
    if (unitScore[u]! > docBest[d]!) docBest[d] = unitScore[u]!;
    unitScore[u] = 0;
  }
  const top = new TopK(limit, (d) => ix.docKey[d] ?? '');
  for (let i = 0; i < nDocs; i++) {
    const d = touchedDocs[i]!;
    const score = docScore[d]! + r.instanceWeight * docBest[d]!;
    docScore[d] = 0;
    docBest[d] = 0;
    // the filter (e.g. isSuggestable) only runs for documents that would enter the top k
    if (score > 0 && top.wouldTake(score, d) && accept(d)) top.push(score, d);
  }
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
