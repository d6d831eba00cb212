import { describe, expect, it } from 'vitest';
import { binomial, multinomial } from '../../knowledge/reports/sampling.ts';
import { seededRandom } from '../../knowledge/reports/stats.ts';

/** Mean and variance of `draws` draws of f. */
function moments(f: () => number, draws: number): { mean: number; variance: number } {
  let [sum, sq] = [0, 0];
  for (let i = 0; i < draws; i++) {
    const x = f();
    sum += x;
    sq += x * x;
  }
  const mean = sum / draws;
  return { mean, variance: sq / draws - mean * mean };
}

/** P(X = k) for X ~ Binomial(n, p), by the recurrence from P(X = 0). */
function pmf(n: number, p: number): number[] {
  const out = [Math.pow(1 - p, n)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1]! * (n - k + 1) * p) / (k * (1 - p)));
  return out;
}

describe('binomial', () => {
  // Both algorithms (inversion below n·p = 10, BTRS above), and p above 0.5 by symmetry.
  const cases: [number, number][] = [[5, 0.3], [200, 0.02], [60, 0.25], [1000, 0.4], [50, 0.9], [100_000, 0.5], [30_000, 0.001]];
  it.each(cases)('Binomial(%i, %f): mean n·p and variance n·p·(1−p) over 40000 draws', (n, p) => {
    const random = seededRandom(n);
    const draws = 40_000;
    const { mean, variance } = moments(() => binomial(n, p, random), draws);
    const v = n * p * (1 - p);
    // The sample mean's standard error is √(v / draws); the variance's about v·√(2 / draws).
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(v / draws));
    expect(Math.abs(variance - v)).toBeLessThan(5 * v * Math.sqrt(2 / draws));
  });

  it.each([[40, 0.4], [25, 0.3], [400, 0.1]])('Binomial(%i, %f): every value as often as its probability (chi-squared)', (n, p) => {
    const random = seededRandom(7);
    const draws = 100_000;
    const seen = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) seen[binomial(n, p, random)]!++;
    const expected = pmf(n, p).map((q) => q * draws);
    // Pool the tails under 5 expected draws, as the test wants; then chi-squared with (cells − 1) degrees of freedom.
    let [chi2, cells, poolSeen, poolExpected] = [0, 0, 0, 0];
    for (let k = 0; k <= n; k++) {
      poolSeen += seen[k]!;
      poolExpected += expected[k]!;
      if (poolExpected >= 5) {
        chi2 += (poolSeen - poolExpected) ** 2 / poolExpected;
        cells++;
        [poolSeen, poolExpected] = [0, 0];
      }
    }
    const df = cells - 1;
    // The 99.9th percentile of chi-squared is below df + 4.5·√(2·df) for these df (about 15 to 60).
    expect(chi2).toBeLessThan(df + 4.5 * Math.sqrt(2 * df));
  });

  it('keeps the edges: nothing to draw, p of 0 or 1', () => {
    const random = seededRandom(1);
    expect(binomial(0, 0.5, random)).toBe(0);
    expect(binomial(10, 0, random)).toBe(0);
    expect(binomial(10, 1, random)).toBe(10);
  });
});

describe('multinomial', () => {
  it('gives counts that sum to n, each bin as often as its weight, with the binomial variance', () => {
    const random = seededRandom(3);
    const weights = [500, 3, 120, 0, 1, 2000, 40, 336];
    const total = weights.reduce((a, b) => a + b, 0);
    const n = 3000;
    const out = new Float64Array(weights.length);
    const draws = 20_000;
    const sum = new Float64Array(weights.length);
    const sq = new Float64Array(weights.length);
    for (let r = 0; r < draws; r++) {
      multinomial(n, weights, random, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(n);
      for (let i = 0; i < weights.length; i++) {
        sum[i]! += out[i]!;
        sq[i]! += out[i]! * out[i]!;
      }
    }
    weights.forEach((w, i) => {
      const p = w / total;
      const mean = sum[i]! / draws;
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(v / draws));
      if (v > 0) expect(Math.abs(sq[i]! / draws - mean * mean - v)).toBeLessThan(5 * v * Math.sqrt(2 / draws));
    });
  });
});
