/**
 * BM25F parameters and formulas. Fields are scored together (term frequencies combined across
 * fields before saturation, the "F" in BM25F) and, for fields that hold several instances
 * (each question, each learned phrasing), each instance is also scored on its own and the best
 * instance counts: see DESIGN.md, "Per-entry scoring".
 */
export const FIELDS = ['title', 'questions', 'body', 'tags', 'learned'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const FIELD_ID: Record<Field, number> = { title: 0, questions: 1, body: 2, tags: 3, learned: 4 };
/** Fields whose instances are also scored one by one (max over instances). */
export const INSTANCE_FIELDS: readonly boolean[] = [false, true, false, false, true];

export interface RankingOptions {
  /** Field weights in the combined (concatenated) BM25F score. */
  weights: Record<Field, number>;
  /** Length normalisation per field (0 = none, 1 = full). */
  b: Record<Field, number>;
  k1: number;
  /** Weight of the best single question/learned phrasing, added to the combined score. */
  instanceWeight: number;
  /** Weight of the combined score; 0 scores by best instance only. */
  combinedWeight: number;
  /** Per-instance scores use idf over instances (questions) instead of over entries. */
  instanceIdf: boolean;
  /** Query-term saturation: a term said 5 times in a ticket is not 5 times as important. */
  k3: number;
  /** Weight of the wording model's probability (wording.ts), in units of the query's ideal score; 0 = off. */
  wordingWeight: number;
  /** How many of BM25F's best entries the wording model re-scores. */
  rerankDepth: number;
  /** A stop word's weight in a query, relative to other words (they are indexed: TokeniseOptions.stopWords false). */
  stopWordWeight: number;
  /** A query of more words than this (a ticket, not a short request) leaves its stop words out. */
  longQueryWords: number;
}

export const DEFAULT_RANKING: Readonly<RankingOptions> = Object.freeze({
  weights: { title: 4, questions: 1, body: 0.3, tags: 1, learned: 1 },
  b: { title: 0.5, questions: 0.75, body: 0.75, tags: 0.3, learned: 0.75 },
  k1: 2,
  instanceWeight: 1,
  combinedWeight: 1,
  k3: 2,
  instanceIdf: false,
  wordingWeight: 0.2,
  rerankDepth: 30,
  stopWordWeight: 0.3,
  longQueryWords: 40,
});

/** Robertson-Sparck Jones idf, floored at a small positive value so common terms still count a little. */
export function idf(docCount: number, docFreq: number): number {
  return Math.max(0.01, Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
}

/** tf normalised by length: tf / (1 - b + b * len / avgLen). */
export function normTf(tf: number, len: number, avgLen: number, b: number): number {
  return tf / (1 - b + (b * len) / (avgLen || 1));
}

/** Saturation: how much a (normalised) term frequency adds, between 0 and 1. */
export function saturate(tf: number, k1: number): number {
  return tf / (k1 + tf);
}

/** Query-term weight from its (weighted) count in the query. */
export function queryWeight(qtf: number, k3: number): number {
  return ((k3 + 1) * qtf) / (k3 + qtf);
}
