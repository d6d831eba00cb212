import type { StoredEvent } from '../events.ts';
import { bound, lowerBound, TYPES, type EventColumns } from './columns.ts';
import { MIN_SAMPLE } from './metrics.ts';
import { entryIdsOf, inRange, type DateRange, type EntryInfo } from './report.ts';
import { binned, binnedForMedian, bootstrapSummaries, mean, median, type BootstrapOptions, type Summary } from './stats.ts';

/**
 * Before and after: a baseline against a comparison (two periods, or a pilot group against the
 * rest), each number with a 95% percentile-bootstrap interval and its sample size.
 *
 * Below MIN_SAMPLE units in either group a number says "not enough data yet": the percentile
 * bootstrap covers less than it claims on small samples (a median's resamples take only a handful
 * of distinct values below ~30), and a proportion's interval is wider than ±18 points anyway.
 */
export const NOT_ENOUGH = 'not enough data yet';

export const COMPARED_METRICS = ['medianMsToInsert', 'acceptance', 'editRatio', 'rejectionRate'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

export const METRIC_UNITS: Record<ComparedMetric, string> = {
  medianMsToInsert: 'inserts with a time from read (median of ms)',
  acceptance: 'tickets shown a suggestion (share with an insert)',
  editRatio: 'inserts (mean edit ratio)',
  rejectionRate: 'tickets shown a suggestion (share with a rejection)',
};

export interface Estimate {
  /** null when there is not enough data. */
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

export interface MetricComparison {
  metric: ComparedMetric;
  baseline: Estimate;
  comparison: Estimate;
  /** comparison − baseline, with its interval (both groups resampled independently). */
  difference: Estimate;
  /** False below minSample in either group: show NOT_ENOUGH instead of the numbers. */
  enough: boolean;
  message?: typeof NOT_ENOUGH;
}

export interface BeforeAfter {
  minSample: number;
  metrics: MetricComparison[];
}

interface Samples {
  ms: number[];
  ratios: number[];
  /** One unit per ticket shown a suggestion: 1 when inserted (acceptance), 1 when rejected (rejection rate). */
  accepted: number[];
  rejected: number[];
}

function samples(events: readonly StoredEvent[]): Samples {
  const shown = new Set<string>();
  const inserted = new Set<string>();
  const rejected = new Set<string>();
  const ms: number[] = [];
  const ratios: number[] = [];
  for (const e of events) {
    if (e.type === 'shown') shown.add(e.ticketHash);
    else if (e.type === 'rejected') rejected.add(e.ticketHash);
    else if (e.type === 'inserted') {
      inserted.add(e.ticketHash);
      ratios.push(e.editRatio);
      if (e.msFromRead !== undefined) ms.push(e.msFromRead);
    }
  }
  const tickets = [...shown];
  return {
    ms,
    ratios,
    accepted: tickets.map((t) => (inserted.has(t) ? 1 : 0)),
    rejected: tickets.map((t) => (rejected.has(t) ? 1 : 0)),
  };
}

/** samples() of the events in `range`, from report columns (what the dashboard keeps loaded): no event read again. */
function samplesOf(c: EventColumns, range: DateRange): Samples {
  const [SHOWN, INSERTED, REJECTED] = [TYPES.indexOf('shown'), TYPES.indexOf('inserted'), TYPES.indexOf('rejected')];
  const [lo, hi] = [lowerBound(c.time, bound(range.from)), lowerBound(c.time, bound(range.to))];
  // Per-ticket flags in a typed array (ticket ids are small integers): a Set of a period's tickets took most of the time.
  const [IS_SHOWN, IS_INSERTED, IS_REJECTED] = [1, 2, 4];
  const flags = new Uint8Array(c.tickets.length);
  const shown: number[] = [];
  const ms: number[] = [];
  const ratios: number[] = [];
  for (let i = lo; i < hi; i++) {
    const type = c.type[i];
    const t = c.ticket[i]!;
    if (type === SHOWN) {
      if (!(flags[t]! & IS_SHOWN)) shown.push(t);
      flags[t]! |= IS_SHOWN;
    } else if (type === REJECTED) flags[t]! |= IS_REJECTED;
    else if (type === INSERTED) {
      flags[t]! |= IS_INSERTED;
      ratios.push(c.editRatio[i]!);
      if (!Number.isNaN(c.msFromRead[i]!)) ms.push(c.msFromRead[i]!);
    }
  }
  return { ms, ratios, accepted: shown.map((t) => (flags[t]! & IS_INSERTED ? 1 : 0)), rejected: shown.map((t) => (flags[t]! & IS_REJECTED ? 1 : 0)) };
}

/**
 * The bins the bootstrap resamples (stats.ts bootstrapDraws). Resampling n values is a multinomial
 * over their distinct values; binning them first makes that O(bins) per resample instead of O(n)
 * (2000 resamples of 50k inserts took seconds), and the result is exactly the bootstrap of the binned
 * sample, where each value is replaced by the mean of its bin. What that costs:
 * - time to insert (a median): 400 bins across ± 6 standard errors of the median and one on each
 *   side (binnedForMedian): a resample's median moves by at most a 33rd of a standard error;
 * - edit ratio (a mean) to 0.005, under the whole percent the page shows: bin means keep the
 *   sample's mean exactly, and a resample's variance loses only the within-bin variance, at most
 *   0.005²/12 = 2e-6: the interval narrows by a share of at most 1e-6 ÷ the ratios' variance, under
 *   0.01% when their standard deviation is 0.1 or more, 1% if it were as small as 0.01.
 * The point estimates are computed from the unbinned values; only the intervals come from bins.
 */
const SUMMARY_OF: Record<ComparedMetric, (s: Samples) => Summary> = {
  medianMsToInsert: (s) => ({ kind: 'median', sample: binnedForMedian(s.ms) }),
  acceptance: (s) => share(s.accepted),
  editRatio: (s) => ({ kind: 'mean', sample: binned(s.ratios, (v) => Math.round(v * 200)) }),
  rejectionRate: (s) => share(s.rejected),
};

/** Tickets' 0/1 outcomes as a share: a resample is one binomial draw of their count. */
function share(outcomes: readonly number[]): Summary {
  let successes = 0;
  for (const x of outcomes) successes += x;
  return { kind: 'share', successes, n: outcomes.length };
}

const STATISTIC: Record<ComparedMetric, (xs: number[]) => number> = {
  medianMsToInsert: median,
  acceptance: mean,
  editRatio: mean,
  rejectionRate: mean,
};

const UNITS_OF: Record<ComparedMetric, (s: Samples) => number[]> = {
  medianMsToInsert: (s) => s.ms,
  acceptance: (s) => s.accepted,
  editRatio: (s) => s.ratios,
  rejectionRate: (s) => s.rejected,
};

export interface CompareOptions extends BootstrapOptions {
  minSample?: number;
}

/** Baseline events against comparison events: every compared metric with its interval, or NOT_ENOUGH. */
export function compareEvents(baseline: readonly StoredEvent[], comparison: readonly StoredEvent[], options: CompareOptions = {}): BeforeAfter {
  return compareSamples(samples(baseline), samples(comparison), options);
}

/** compareEvents of two ranges of report columns: the dashboard's two periods without a pilot group. */
export function compareColumnRanges(c: EventColumns, baseline: DateRange, comparison: DateRange, options: CompareOptions = {}): BeforeAfter {
  return compareSamples(samplesOf(c, baseline), samplesOf(c, comparison), options);
}

function compareSamples(a: Samples, b: Samples, options: CompareOptions): BeforeAfter {
  const minSample = options.minSample ?? MIN_SAMPLE;
  const metrics = COMPARED_METRICS.map((metric): MetricComparison => {
    const xs = UNITS_OF[metric](a);
    const ys = UNITS_OF[metric](b);
    const enough = xs.length >= minSample && ys.length >= minSample;
    if (!enough) {
      const none = (n: number): Estimate => ({ value: null, low: null, high: null, n });
      return { metric, baseline: none(xs.length), comparison: none(ys.length), difference: none(xs.length + ys.length), enough, message: NOT_ENOUGH };
    }
    const statistic = STATISTIC[metric];
    const ci = bootstrapSummaries(SUMMARY_OF[metric](a), SUMMARY_OF[metric](b), options);
    const [va, vb] = [statistic(xs), statistic(ys)];
    return {
      metric,
      baseline: { value: va, low: ci.a.low, high: ci.a.high, n: xs.length },
      comparison: { value: vb, low: ci.b.low, high: ci.b.high, n: ys.length },
      difference: { value: vb - va, low: ci.difference.low, high: ci.difference.high, n: xs.length + ys.length },
      enough,
    };
  });
  return { minSample, metrics };
}

/** A pilot group: tickets where an entry with one of these tags, or one of these entries, was suggested, inserted or chosen. */
export interface Pilot {
  tags?: readonly string[];
  entryIds?: readonly string[];
}

/** The events of the tickets in the pilot (all of each such ticket's events), and the events of the others. */
export function splitByPilot(
  events: readonly StoredEvent[],
  pilot: Pilot,
  entries: Iterable<EntryInfo>,
): { pilot: StoredEvent[]; rest: StoredEvent[] } {
  const tags = new Set(pilot.tags ?? []);
  const ids = new Set(pilot.entryIds ?? []);
  for (const e of entries) if (e.tags.some((t) => tags.has(t))) ids.add(e.id);
  const inPilot = new Set<string>();
  for (const e of events) if (entryIdsOf(e).some((id) => ids.has(id))) inPilot.add(e.ticketHash);
  const split = { pilot: [] as StoredEvent[], rest: [] as StoredEvent[] };
  for (const e of events) (inPilot.has(e.ticketHash) ? split.pilot : split.rest).push(e);
  return split;
}

/** Baseline period against comparison period; with a pilot, only the pilot's tickets in both. */
export function compareRanges(
  events: readonly StoredEvent[],
  baseline: DateRange,
  comparison: DateRange,
  options: CompareOptions & { pilot?: Pilot; entries?: Iterable<EntryInfo> } = {},
): BeforeAfter {
  const scoped = options.pilot ? splitByPilot(events, options.pilot, options.entries ?? []).pilot : events;
  return compareEvents(inRange(scoped, baseline), inRange(scoped, comparison), options);
}

/** Within one period: the rest of the tickets (baseline) against the pilot group (comparison). */
export function comparePilot(
  events: readonly StoredEvent[],
  range: DateRange,
  pilot: Pilot,
  entries: Iterable<EntryInfo>,
  options: CompareOptions = {},
): BeforeAfter {
  const { pilot: group, rest } = splitByPilot(inRange(events, range), pilot, entries);
  return compareEvents(rest, group, options);
}
