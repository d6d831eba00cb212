import { describe, expect, it } from 'vitest';
import { bootstrapDifference, bootstrapInterval, mean, median, quantile, seededRandom } from '../../knowledge/reports/stats.ts';

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
