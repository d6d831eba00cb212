/**
 * Confidence: the probability that a suggestion is the right answer, from a logistic model over
 * a few ranking features. The coefficients are fitted by test/bench/relevance/calibrate.ts on
 * fitting splits only (BANKING77 train, the sample tickets outside the frozen held-out split);
 * test/search/calibration-refit.test.ts refits them and fails when they no longer match: refit
 * and paste when the ranking changes. Each knowledge base then maps them (self-calibration.ts).
 */
export interface ConfidenceFeatures {
  /** score / the query's ideal score, 0..1 */
  norm: number;
  /** (score - best other score) / score: 1 = far ahead, 0 = tied, negative = behind */
  margin: number;
  /** share of the query's idf weight this entry contains, 0..1 */
  coverage: number;
  /** log(1 + number of query terms the index knows) */
  terms: number;
}

export const FEATURE_NAMES = ['norm', 'margin', 'coverage', 'terms'] as const;

export interface LogisticModel {
  bias: number;
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
}

export const CONFIDENCE_MODEL: LogisticModel = {
  bias: -3.827,
  weights: { norm: 1.02, margin: 5.299, coverage: 2.024, terms: 0.702 },
};

/**
 * Below this confidence, suggest() abstains ("no confident answer") while the knowledge base has
 * no calibration of its own (self-calibration.ts never goes lower). Chosen by calibrate.ts on the
 * fitting splits: the lowest threshold giving 90 % on BANKING77 train K=half and on the sample
 * tickets' fitting split (2-fold).
 */
export const DEFAULT_THRESHOLD = 0.7;

export function featureVector(f: ConfidenceFeatures): number[] {
  return FEATURE_NAMES.map((n) => f[n]);
}

export function confidence(f: ConfidenceFeatures, model: LogisticModel = CONFIDENCE_MODEL): number {
  const z = model.bias + FEATURE_NAMES.reduce((s, n) => s + model.weights[n] * f[n], 0);
  return 1 / (1 + Math.exp(-z));
}

/** Features of hit `i` among scored hits (best first). */
export function hitFeatures(
  hits: readonly { score: number; coverage: number }[],
  i: number,
  ideal: number,
  knownTerms: number,
): ConfidenceFeatures {
  const hit = hits[i]!;
  const other = i === 0 ? (hits[1]?.score ?? 0) : hits[0]!.score;
  return {
    norm: ideal > 0 ? Math.min(1, hit.score / ideal) : 0,
    margin: hit.score > 0 ? Math.max(-1, (hit.score - other) / hit.score) : 0,
    coverage: hit.coverage,
    terms: Math.log1p(knownTerms),
  };
}

/**
 * Logistic regression by batch gradient descent with a little L2: small, deterministic, enough
 * for four features and a few thousand examples.
 */
export function fitLogistic(samples: readonly { x: ConfidenceFeatures; y: 0 | 1 }[], iterations = 3000, rate = 0.5, l2 = 1e-3): LogisticModel {
  const d = FEATURE_NAMES.length;
  const w = new Array<number>(d + 1).fill(0);
  const n = samples.length || 1;
  const xs = samples.map((s) => featureVector(s.x));
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d + 1).fill(0);
    samples.forEach((s, k) => {
      const x = xs[k]!;
      let z = w[d]!;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const err = 1 / (1 + Math.exp(-z)) - s.y;
      for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
      g[d]! += err;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (g[j]! / n + l2 * w[j]!);
    w[d]! -= (rate * g[d]!) / n;
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round(w[j]!)])) as LogisticModel['weights'];
  return { bias: round(w[d]!), weights };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Precision of the shown top-1 and coverage (share not abstained) at a threshold. */
export function precisionCoverage(
  outcomes: readonly { confidence: number; correct: boolean }[],
  threshold: number,
): { precision: number; coverage: number; shown: number } {
  const shown = outcomes.filter((o) => o.confidence >= threshold);
  const right = shown.filter((o) => o.correct).length;
  return {
    precision: shown.length ? right / shown.length : 1,
    coverage: outcomes.length ? shown.length / outcomes.length : 0,
    shown: shown.length,
  };
}
