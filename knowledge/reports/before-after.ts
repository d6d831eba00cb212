import type { StoredEvent } from '../events.ts';
import { bound, lowerBound, TYPES, type EventColumns } from './columns.ts';
import { MIN_SAMPLE } from './metrics.ts';
import { entryIdsOf, inRange, type DateRange, type EntryInfo } from './report.ts';
import { bootstrapDifference, bootstrapInterval, mean, median, type BootstrapOptions } from './stats.ts';

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
  const shown = new Set<number>();
  const inserted = new Set<number>();
  const rejected = new Set<number>();
  const ms: number[] = [];
  const ratios: number[] = [];
  for (let i = lo; i < hi; i++) {
    const type = c.type[i];
    if (type === SHOWN) shown.add(c.ticket[i]!);
    else if (type === REJECTED) rejected.add(c.ticket[i]!);
    else if (type === INSERTED) {
      inserted.add(c.ticket[i]!);
      ratios.push(c.editRatio[i]!);
      if (!Number.isNaN(c.msFromRead[i]!)) ms.push(c.msFromRead[i]!);
    }
  }
  const tickets = [...shown];
  return { ms, ratios, accepted: tickets.map((t) => (inserted.has(t) ? 1 : 0)), rejected: tickets.map((t) => (rejected.has(t) ? 1 : 0)) };
}

const SAMPLE_OF: Record<ComparedMetric, { of: (s: Samples) => number[]; statistic: (xs: number[]) => number }> = {
  medianMsToInsert: { of: (s) => s.ms, statistic: median },
  acceptance: { of: (s) => s.accepted, statistic: mean },
  editRatio: { of: (s) => s.ratios, statistic: mean },
  rejectionRate: { of: (s) => s.rejected, statistic: mean },
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
    const { of, statistic } = SAMPLE_OF[metric];
    const xs = of(a);
    const ys = of(b);
    const enough = xs.length >= minSample && ys.length >= minSample;
    const estimate = (values: number[]): Estimate => {
      if (!enough) return { value: null, low: null, high: null, n: values.length };
      const ci = bootstrapInterval(values, statistic, options);
      return { value: statistic(values), low: ci.low, high: ci.high, n: values.length };
    };
    const baselineEstimate = estimate(xs);
    const comparisonEstimate = estimate(ys);
    const diff = enough ? bootstrapDifference(xs, ys, statistic, options) : undefined;
    return {
      metric,
      baseline: baselineEstimate,
      comparison: comparisonEstimate,
      difference: {
        value: enough ? comparisonEstimate.value! - baselineEstimate.value! : null,
        low: diff?.low ?? null,
        high: diff?.high ?? null,
        n: xs.length + ys.length,
      },
      enough,
      ...(enough ? {} : { message: NOT_ENOUGH }),
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
