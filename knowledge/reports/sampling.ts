/**
 * Exact binomial and multinomial draws from a seeded uniform source: what lets the before/after
 * bootstrap draw a resample of n units in O(1) (a share) or O(bins) (a mean or median) instead of
 * O(n). Plain arithmetic, no library: two textbook algorithms of a few lines each, and they must
 * take the reports' seeded generator (seededRandom in stats.ts) so an interval is the same everywhere.
 */

/** log(k!) − Stirling's approximation of it, for k = 0..9 (exact); larger k use the series below. */
const STIRLING_TAIL = Array.from({ length: 10 }, (_, k) => {
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  return logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
});

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k]!;
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/**
 * Binomial(n, p) for n·p < 10 and p ≤ 0.5: inversion, walking the probabilities P(X = 0), P(X = 1), …
 * by their ratio (one uniform, about n·p + 1 steps). Exact up to the cut at mean + 10 sd, whose
 * tail is below 1e-20.
 */
function inversion(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const q0 = Math.exp(n * Math.log1p(-p));
  const bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
  for (;;) {
    let x = 0;
    let px = q0;
    let u = random();
    while (u > px) {
      x++;
      if (x > bound) break;
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
    if (x <= bound) return x;
  }
}

/**
 * Binomial(n, p) for n·p ≥ 10 and p ≤ 0.5: Hörmann's BTRS (transformed rejection with squeeze, "The
 * generation of binomial random variates", 1993; as TensorFlow and JAX draw it). Exact: a proposal
 * is kept only below the true probability, about 1.15 uniforms pairs per draw whatever n.
 */
function btrs(n: number, p: number, random: () => number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  // Most proposals pass the squeeze; what only the exact test needs is computed on the first that does not.
  let alpha = Number.NaN;
  let lpq = 0;
  let m = 0;
  let h = 0;
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (Number.isNaN(alpha)) {
      alpha = (2.83 + 5.1 / b) * spq;
      lpq = Math.log(p / (1 - p));
      m = Math.floor((n + 1) * p);
      h = logFactorialLike(m) + logFactorialLike(n - m);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorialLike(k) - logFactorialLike(n - k) + (k - m) * lpq) return k;
  }
}

/** log(k!) by Stirling with its exact tail: what BTRS compares against. */
function logFactorialLike(k: number): number {
  return (k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI) + stirlingTail(k);
}

/** One Binomial(n, p) draw: the number of successes in n independent trials of probability p. */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  return n * p < 10 ? inversion(n, p, random) : btrs(n, p, random);
}

/**
 * One Multinomial(n, weights) draw into `out` (same length as weights): how many of n draws with
 * replacement land in each bin. Bin by bin, each count is a binomial of what is left over that bin's
 * share of the weight left (the multinomial's chain rule): O(bins), whatever n.
 */
export function multinomial(n: number, weights: ArrayLike<number>, random: () => number, out: Float64Array): Float64Array {
  let left = n;
  let weightLeft = 0;
  for (let i = 0; i < weights.length; i++) weightLeft += weights[i]!;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const k = left === 0 ? 0 : i === weights.length - 1 ? left : binomial(left, Math.min(1, w / weightLeft), random);
    out[i] = k;
    left -= k;
    weightLeft -= w;
  }
  return out;
}
