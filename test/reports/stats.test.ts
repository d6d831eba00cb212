import { describe, expect, it } from 'vitest';
import {
  binned,
  binnedForMedian,
  bootstrapDifference,
  bootstrapInterval,
  bootstrapSummaries,
  mean,
  median,
  quantile,
  seededRandom,
  type Interval,
  type Summary,
} from '../../knowledge/reports/stats.ts';

/** Reference: Hyndman & Fan type 7 written the textbook way, 1-based (R's quantile(type = 7)). */
function reference(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p + 1;
  const lo = Math.floor(h);
  return s[lo - 1]! + (h - lo) * ((s[Math.min(lo, s.length - 1)] ?? s[lo - 1]!) - s[lo - 1]!);
}

describe('quantile', () => {
  it('matches R and NumPy on known values', () => {
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // numpy.percentile([1,2,3,4], 90)
    expect(quantile([15, 20, 35, 40, 50], 0.9)).toBeCloseTo(46, 12);
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('agrees with the reference implementation on random data', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const xs = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.round(random() * 1000));
      for (const p of [0, 0.1, 0.25, 0.5, 0.9, 0.99, 1]) expect(quantile(xs, p)).toBeCloseTo(reference(xs, p), 9);
    }
  });
});

describe('bootstrap', () => {
  /** Standard normal draws (Box–Muller) from the seeded generator. */
  function normal(n: number, seed: number, mu = 0): number[] {
    const r = seededRandom(seed);
    return Array.from({ length: n }, () => mu + Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
  }

  it('gives the textbook interval for the mean of a known distribution', () => {
    const xs = normal(400, 1);
    const ci = bootstrapInterval(xs, mean);
    // Standard error 1/√400 = 0.05: the 95% interval is about mean ± 0.098.
    expect(ci.high - ci.low).toBeGreaterThan(0.17);
    expect(ci.high - ci.low).toBeLessThan(0.23);
    expect(ci.low).toBeLessThan(mean(xs));
    expect(ci.high).toBeGreaterThan(mean(xs));
  });

  it('covers the true mean about 95% of the time', () => {
    let covered = 0;
    const trials = 100;
    for (let s = 0; s < trials; s++) {
      const ci = bootstrapInterval(normal(60, 100 + s, 5), mean, { resamples: 400, seed: s });
      if (ci.low <= 5 && 5 <= ci.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(88);
    expect(covered).toBeLessThanOrEqual(100);
  });

  it('is reproducible with a seed and changes with it', () => {
    const xs = normal(100, 3);
    expect(bootstrapInterval(xs, median, { seed: 42 })).toEqual(bootstrapInterval(xs, median, { seed: 42 }));
    expect(bootstrapInterval(xs, median, { seed: 42 })).not.toEqual(bootstrapInterval(xs, median, { seed: 43 }));
  });

  it('gives, for a mean or a median of numbers, exactly the interval of the generic resampling loop', () => {
    // A wrapped statistic is not `mean` or `median` itself, so it takes the generic loop: the reference.
    const generic = (f: (xs: number[]) => number) => (xs: number[]) => f(xs);
    const r = seededRandom(7);
    const ties = Array.from({ length: 301 }, () => Math.floor(r() * 20));
    for (const xs of [normal(400, 4), normal(401, 5), ties, ties.slice(1), [3], [1, 2]]) {
      for (const f of [mean, median]) {
        expect(bootstrapInterval(xs, f, { resamples: 300 })).toEqual(bootstrapInterval(xs, generic(f), { resamples: 300 }));
        expect(bootstrapDifference(xs, ties, f, { resamples: 300 })).toEqual(bootstrapDifference(xs, ties, generic(f), { resamples: 300 }));
      }
    }
  });

  it('puts a real difference outside zero and no difference around it', () => {
    const a = normal(200, 11, 0);
    const shifted = bootstrapDifference(a, normal(200, 12, 1), mean);
    expect(shifted.low).toBeGreaterThan(0.7);
    expect(shifted.high).toBeLessThan(1.3);
    const same = bootstrapDifference(a, normal(200, 13, 0), mean);
    expect(same.low).toBeLessThan(0);
    expect(same.high).toBeGreaterThan(0);
  });
});

describe('bootstrap from counts (binomial and binned multinomial draws)', () => {
  const r = seededRandom(21);
  /** Times to insert: a skewed spread of milliseconds, as agents take. */
  const times = (n: number) => Array.from({ length: n }, () => Math.round(4000 * Math.exp(1.2 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))));
  const ratios = (n: number) => Array.from({ length: n }, () => Math.round(r() * r() * 1000) / 1000);
  const outcomes = (n: number, p: number) => Array.from({ length: n }, () => (r() < p ? 1 : 0));
  const share = (xs: number[]): Summary => ({ kind: 'share', successes: xs.reduce((a, b) => a + b, 0), n: xs.length });

  /** Each end within `tolerance` of the reference interval's width (Monte-Carlo noise of 2000 resamples: about 2% of it). */
  function expectClose(got: Interval, reference: Interval, tolerance = 0.08) {
    const width = reference.high - reference.low;
    expect(width).toBeGreaterThan(0);
    expect(Math.abs(got.low - reference.low)).toBeLessThan(tolerance * width);
    expect(Math.abs(got.high - reference.high)).toBeLessThan(tolerance * width);
  }

  it.each([
    ['median time to insert', median, times(1500), times(1800), (xs: number[]): Summary => ({ kind: 'median', sample: binnedForMedian(xs) })],
    ['mean edit ratio', mean, ratios(1500), ratios(1200), (xs: number[]): Summary => ({ kind: 'mean', sample: binned(xs, (v) => Math.round(v * 200)) })],
    ['acceptance (a share of tickets)', mean, outcomes(1600, 0.55), outcomes(1400, 0.62), share],
    ['a rare share', mean, outcomes(3000, 0.03), outcomes(2500, 0.05), share],
  ] as const)('gives the per-value bootstrap\'s intervals for %s', (_, statistic, a, b, summary) => {
    const fast = bootstrapSummaries(summary([...a]), summary([...b]), { seed: 5 });
    expectClose(fast.a, bootstrapInterval([...a], statistic, { seed: 6 }));
    expectClose(fast.b, bootstrapInterval([...b], statistic, { seed: 7 }));
    expectClose(fast.difference, bootstrapDifference([...a], [...b], statistic, { seed: 8 }));
  });

  it('keeps the mean exactly in its bins, and the median within the bins near it', () => {
    const xs = ratios(999);
    const bins = binned(xs, (v) => Math.round(v * 200));
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(999);
    expect(bins.values.reduce((s, v, i) => s + v * bins.counts[i]!, 0) / 999).toBeCloseTo(mean(xs), 12);
    const ts = times(1001);
    const forMedian = binnedForMedian(ts);
    expect(forMedian.values.length).toBeLessThanOrEqual(402);
    const binnedValues = [...forMedian.values].flatMap((v, i) => new Array<number>(forMedian.counts[i]!).fill(v));
    const spread = quantile(ts, 0.75) - quantile(ts, 0.25);
    expect(Math.abs(median(binnedValues) - median(ts))).toBeLessThan(spread / 100);
  });

  it('is reproducible with a seed', () => {
    const s: Summary = { kind: 'median', sample: binnedForMedian(times(500)) };
    expect(bootstrapSummaries(s, s, { seed: 1 })).toEqual(bootstrapSummaries(s, s, { seed: 1 }));
    expect(bootstrapSummaries(s, s, { seed: 1 })).not.toEqual(bootstrapSummaries(s, s, { seed: 2 }));
  });
});
