/**
 * Small statistics for the reports: percentiles, a seeded random source and the bootstrap.
 * Plain arithmetic, no library: each is a few lines and must run on a million values in a worker.
 */
import { binomial, multinomial } from './sampling.ts';

/**
 * The q-quantile (0..1) of numbers, by linear interpolation between order statistics (Hyndman &
 * Fan type 7: the default of R's quantile() and NumPy's percentile()). NaN for no values.
 */
export function quantile(values: readonly number[] | Float64Array, q: number, sorted = false): number {
  if (values.length === 0) return Number.NaN;
  const xs = sorted ? values : [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Mulberry32: a tiny seeded generator, so a confidence interval is the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Resamples; 2000 keeps the 2.5% and 97.5% percentiles stable to about a percent of the interval. */
  resamples?: number;
  seed?: number;
  /** 0.95 for a 95% interval. */
  level?: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 2000, seed: 20261202, level: 0.95 } as const;

/**
 * Percentile bootstrap confidence interval of `statistic` over `units` (resampled with
 * replacement, the same number of units each time). Units are whatever is independent: whole
 * tickets for a ticket rate, single inserts for a time or an edit ratio.
 */
export function bootstrapInterval<T>(units: readonly T[], statistic: (sample: T[]) => number, options: BootstrapOptions = {}): Interval {
  const { resamples, seed, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (units.length === 0) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const stats: number[] = [];
  const fast = numericResample(units, statistic);
  const sample: T[] = fast ? [] : new Array<T>(units.length);
  for (let r = 0; r < resamples; r++) {
    let s: number;
    if (fast) s = fast(random);
    else {
      for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(random() * units.length)]!;
      s = statistic(sample);
    }
    if (!Number.isNaN(s)) stats.push(s);
  }
  stats.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantile(stats, tail, true), high: quantile(stats, 1 - tail, true) };
}

/**
 * The k-th smallest of xs[0 .. n) (0-based), moving values within that span (Hoare's quickselect):
 * the order statistic a full sort would give, in linear time.
 */
function select(xs: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

/**
 * One resample's mean or median of numbers, drawn with `random` exactly as the generic loop draws
 * (same units, same order, same arithmetic: the same interval), without an array per resample or a
 * sort: the before/after view resamples tens of thousands of tickets 2000 times. Undefined for any
 * other statistic or units (the generic loop runs).
 */
function numericResample<T>(units: readonly T[], statistic: (sample: T[]) => number): ((random: () => number) => number) | undefined {
  if (statistic !== (mean as unknown) && statistic !== (median as unknown)) return undefined;
  if (!units.every((u) => typeof u === 'number' && !Number.isNaN(u))) return undefined;
  const xs = Float64Array.from(units as readonly number[]);
  const n = xs.length;
  if (statistic === (mean as unknown)) {
    return (random) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += xs[Math.floor(random() * n)]!;
      return sum / n;
    };
  }
  const sample = new Float64Array(n);
  // quantile(sample, 0.5): linear interpolation between order statistics lo and hi (type 7).
  const h = (n - 1) * 0.5;
  const [lo, hi] = [Math.floor(h), Math.ceil(h)];
  return (random) => {
    for (let i = 0; i < n; i++) sample[i] = xs[Math.floor(random() * n)]!;
    const a = select(sample, n, lo);
    // After selecting lo, every value above index lo is >= it: the next order statistic is their minimum.
    let b = a;
    if (hi !== lo) {
      b = Infinity;
      for (let i = lo + 1; i < n; i++) if (sample[i]! < b) b = sample[i]!;
    }
    return a + (h - lo) * (b - a);
  };
}

/** Bootstrap interval of statistic(b) - statistic(a), a and b resampled independently (two periods or two groups). */
export function bootstrapDifference<T>(
  a: readonly T[],
  b: readonly T[],
  statistic: (sample: T[]) => number,
  options: BootstrapOptions = {},
): Interval {
  const { resamples, seed, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (a.length === 0 || b.length === 0) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const diffs: number[] = [];
  const [fa, fb] = [numericResample(a, statistic), numericResample(b, statistic)];
  const sa: T[] = new Array<T>(fa ? 0 : a.length);
  const sb: T[] = new Array<T>(fb ? 0 : b.length);
  for (let r = 0; r < resamples; r++) {
    if (!fa) for (let i = 0; i < a.length; i++) sa[i] = a[Math.floor(random() * a.length)]!;
    const ra = fa?.(random);
    if (!fb) for (let i = 0; i < b.length; i++) sb[i] = b[Math.floor(random() * b.length)]!;
    const rb = fb?.(random);
    const d = (rb ?? statistic(sb)) - (ra ?? statistic(sa));
    if (!Number.isNaN(d)) diffs.push(d);
  }
  diffs.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return { low: quantile(diffs, tail, true), high: quantile(diffs, 1 - tail, true) };
}

/**
 * A sample of numbers as counts over bins (ascending `values`, each bin's mean, and `counts`): what
 * a binned bootstrap resamples. Values are binned by `key` (the same key, the same bin).
 */
export interface Binned {
  values: Float64Array;
  counts: Float64Array;
  n: number;
}

export function binned(values: readonly number[], key: (v: number) => number): Binned {
  const bins = new Map<number, { sum: number; count: number }>();
  for (const v of values) {
    const k = key(v);
    const bin = bins.get(k);
    if (bin) {
      bin.sum += v;
      bin.count++;
    } else bins.set(k, { sum: v, count: 1 });
  }
  const sorted = [...bins.values()].map((b) => ({ value: b.sum / b.count, count: b.count })).sort((x, y) => x.value - y.value);
  return { values: Float64Array.from(sorted, (b) => b.value), counts: Float64Array.from(sorted, (b) => b.count), n: values.length };
}

/**
 * `values` binned for the bootstrap of their median: `bins` equal bins between the sample's
 * quantiles 0.5 ± 3/√n (± 6 standard errors of the median's rank: a resample's median falls outside
 * with probability about 2e-9) and one bin below and one above them, whose values never reach a
 * resample's median, only its rank. Each bin is 1/(bins/12) of the median's standard error wide, so the
 * binned bootstrap's median moves by less than that: far below the Monte-Carlo noise of the interval.
 */
export function binnedForMedian(values: readonly number[], bins = 400): Binned {
  if (values.length === 0) return binned(values, () => 0);
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  const half = 3 / Math.sqrt(n);
  const lo = xs[Math.max(0, Math.floor(n * (0.5 - half)))]!;
  const hi = xs[Math.min(n - 1, Math.ceil(n * (0.5 + half)))]!;
  const width = (hi - lo) / bins;
  return binned(values, (v) => (v < lo ? -1 : v > hi ? bins : width === 0 ? 0 : Math.min(bins - 1, Math.floor((v - lo) / width))));
}

/** The mean of a binned sample, with `counts` in place of its own (a resample's). */
function binnedMean(values: Float64Array, counts: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * counts[i]!;
  return sum / n;
}

/** The median (type 7, as `median`) of a binned sample with `counts`: the bins holding order statistics ⌊h⌋ and ⌈h⌉. */
function binnedMedian(values: Float64Array, counts: Float64Array, n: number): number {
  const h = (n - 1) * 0.5;
  const [lo, hi] = [Math.floor(h), Math.ceil(h)];
  let seen = 0;
  let a = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i]!;
    if (Number.isNaN(a) && seen > lo) a = values[i]!;
    if (seen > hi) return a + (h - lo) * (values[i]! - a);
  }
  return a;
}

/** What a compared number is of its units: a share of 0/1 outcomes, a mean or a median of numbers. */
export type Summary =
  | { kind: 'share'; successes: number; n: number }
  | { kind: 'mean' | 'median'; sample: Binned };

/**
 * `resamples` draws of the summary's bootstrap distribution. A resample of n 0/1 outcomes has
 * Binomial(n, p̂) successes: one draw, not n. A resample of n binned values has Multinomial(n,
 * counts/n) counts: drawn bin by bin (sampling.ts), then its mean or median from the counts. This
 * is exactly the bootstrap of the binned sample (each unit replaced by its bin's mean), drawn
 * faster; the binning is the only approximation (before-after.ts says what it costs).
 */
export function bootstrapDraws(summary: Summary, resamples: number, random: () => number): Float64Array {
  const draws = new Float64Array(resamples);
  if (summary.kind === 'share') {
    const { successes, n } = summary;
    for (let r = 0; r < resamples; r++) draws[r] = binomial(n, successes / n, random) / n;
    return draws;
  }
  const { values, counts, n } = summary.sample;
  const resampled = new Float64Array(values.length);
  const of = summary.kind === 'mean' ? binnedMean : binnedMedian;
  for (let r = 0; r < resamples; r++) draws[r] = of(values, multinomial(n, counts, random, resampled), n);
  return draws;
}

/**
 * 95% (`level`) percentile intervals of a baseline's and a comparison's summary and of their
 * difference (comparison − baseline): one set of resamples per group, the difference paired draw by
 * draw (the groups are resampled independently, so the r-th draws of each are an independent pair).
 */
export function bootstrapSummaries(a: Summary, b: Summary, options: BootstrapOptions = {}): { a: Interval; b: Interval; difference: Interval } {
  const { resamples, seed, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const random = seededRandom(seed);
  const da = bootstrapDraws(a, resamples, random);
  const db = bootstrapDraws(b, resamples, random);
  const diff = db.map((x, r) => x - da[r]!);
  const tail = (1 - level) / 2;
  const interval = (xs: Float64Array): Interval => {
    const s = xs.filter((x) => !Number.isNaN(x)).sort();
    return { low: quantile(s, tail, true), high: quantile(s, 1 - tail, true) };
  };
  return { a: interval(da), b: interval(db), difference: interval(diff) };
}
