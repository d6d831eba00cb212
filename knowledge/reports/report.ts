import type { StoredEvent } from '../events.ts';
import { computeMetrics, measure, MIN_SAMPLE, type Measure, type Metrics } from './metrics.ts';
import { mean, quantile } from './stats.ts';

export const DIMENSIONS = ['entry', 'agent', 'helpdesk', 'tag', 'locale', 'week'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What the reports need of an entry: events name entries by id only; tags and locale come from the knowledge. */
export interface EntryInfo {
  id: string;
  title?: string;
  tags: readonly string[];
  locale: string;
}

/** Events without the thing grouped on (no entry, no agent name) are counted under these keys. */
export const NONE = '(none)';
export const UNKNOWN_AGENT = '(unknown)';

export interface DateRange {
  /** Inclusive: YYYY-MM-DD (midnight UTC) or ISO 8601. */
  from: string;
  /** Exclusive: YYYY-MM-DD (midnight UTC) or ISO 8601. */
  to: string;
}

function ms(bound: string, name: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(bound) ? `${bound}T00:00:00Z` : bound);
  if (Number.isNaN(t)) throw new Error(`Report range: ${name} ${JSON.stringify(bound)} is not a date (YYYY-MM-DD or ISO 8601)`);
  return t;
}

/** The range of the same length just before `range`: what the report compares with. */
export function previousRange(range: DateRange): DateRange {
  const from = ms(range.from, 'from');
  const to = ms(range.to, 'to');
  if (to <= from) throw new Error(`Report range: to (${range.to}) must be after from (${range.from})`);
  return { from: new Date(from - (to - from)).toISOString(), to: new Date(from).toISOString() };
}

export function inRange(events: readonly StoredEvent[], range: DateRange): StoredEvent[] {
  const from = ms(range.from, 'from');
  const to = ms(range.to, 'to');
  return events.filter((e) => {
    const t = Date.parse(e.at);
    return t >= from && t < to;
  });
}

/** ISO 8601 week of a UTC instant, e.g. 2026-W49 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(at: string): string {
  const d = new Date(Date.parse(at));
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The entries an event is about: every suggestion shown, the one inserted, rejected, ..., the one a search chose. */
export function entryIdsOf(e: StoredEvent): string[] {
  switch (e.type) {
    case 'shown':
      return e.suggestions.map((s) => s.entryId);
    case 'manual_search':
      return e.chosenEntryId ? [e.chosenEntryId] : [];
    case 'no_confident_answer':
      return [];
    default:
      return [e.entryId];
  }
}

/**
 * The groups an event counts in. A "shown" event with three suggestions counts in each entry's
 * group (and each of their tags), so an entry's acceptance is: tickets where it was inserted ÷
 * tickets where it was shown.
 */
export function keysOf(e: StoredEvent, dimension: Dimension, entries: ReadonlyMap<string, EntryInfo>): string[] {
  switch (dimension) {
    case 'agent':
      return [e.agent ?? UNKNOWN_AGENT];
    case 'helpdesk':
      return [e.helpdesk];
    case 'week':
      return [isoWeek(e.at)];
    case 'entry': {
      const ids = entryIdsOf(e);
      return ids.length ? [...new Set(ids)] : [NONE];
    }
    case 'tag': {
      const tags = new Set(entryIdsOf(e).flatMap((id) => entries.get(id)?.tags ?? []));
      return tags.size ? [...tags] : [NONE];
    }
    case 'locale': {
      const locales = new Set(entryIdsOf(e).flatMap((id) => entries.get(id)?.locale ?? []));
      return locales.size ? [...locales] : [NONE];
    }
  }
}

export function groupEvents(events: readonly StoredEvent[], dimension: Dimension, entries: ReadonlyMap<string, EntryInfo>): Map<string, StoredEvent[]> {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events) {
    for (const key of keysOf(e, dimension, entries)) {
      const list = groups.get(key);
      if (list) list.push(e);
      else groups.set(key, [e]);
    }
  }
  return groups;
}

export interface GroupRow {
  key: string;
  /** The entry's title, for the entry dimension when the knowledge has it. */
  label?: string;
  current: Metrics;
  previous: Metrics;
}

export interface EditedEntry {
  entryId: string;
  title?: string;
  inserts: number;
  meanEditRatio: Measure;
  medianEditRatio: Measure;
}

export interface Report {
  range: DateRange;
  previousRange: DateRange;
  minSample: number;
  /** No events at all in the range: the page says so instead of drawing empty charts. */
  empty: boolean;
  totals: Metrics;
  previousTotals: Metrics;
  by: Record<Dimension, GroupRow[]>;
  /** Entries most edited before insert, most first; entries with fewer inserts than minSample come after, marked small. */
  mostEdited: EditedEntry[];
}

export interface ReportOptions {
  entries?: Iterable<EntryInfo>;
  minSample?: number;
  dimensions?: readonly Dimension[];
  /** How many entries mostEdited lists. */
  mostEditedLimit?: number;
}

/** Entries by how much agents changed them before inserting (mean edit ratio), enough inserts first. */
export function mostEdited(events: readonly StoredEvent[], entries: ReadonlyMap<string, EntryInfo>, limit = 10, minSample = MIN_SAMPLE): EditedEntry[] {
  const ratios = new Map<string, number[]>();
  for (const e of events) {
    if (e.type !== 'inserted') continue;
    const list = ratios.get(e.entryId);
    if (list) list.push(e.editRatio);
    else ratios.set(e.entryId, [e.editRatio]);
  }
  return editedEntries(ratios, entries, limit, minSample);
}

/** Each entry's edit ratios (by entry id) as mostEdited's rows: enough inserts first, then by mean edit ratio. */
export function editedEntries(ratios: ReadonlyMap<string, number[]>, entries: ReadonlyMap<string, EntryInfo>, limit: number, minSample: number): EditedEntry[] {
  const rows = [...ratios].map(([entryId, rs]) => ({
    entryId,
    ...(entries.get(entryId)?.title ? { title: entries.get(entryId)!.title } : {}),
    inserts: rs.length,
    meanEditRatio: measure(mean(rs), rs.length, minSample),
    medianEditRatio: measure(quantile(rs, 0.5), rs.length, minSample),
  }));
  const rank = (r: EditedEntry) => (r.meanEditRatio.status === 'ok' ? 0 : 1);
  rows.sort((a, b) => rank(a) - rank(b) || (b.meanEditRatio.value ?? 0) - (a.meanEditRatio.value ?? 0) || a.entryId.localeCompare(b.entryId));
  return rows.slice(0, limit);
}

/**
 * The trainers' report for a date range, compared with the range of the same length before it:
 * totals and every metric by entry, agent, helpdesk, tag, locale and week. `events` may hold any
 * period (and duplicates already merged away): the report cuts both ranges out of it.
 */
export function buildReport(events: readonly StoredEvent[], range: DateRange, options: ReportOptions = {}): Report {
  const minSample = options.minSample ?? MIN_SAMPLE;
  const entries = new Map([...(options.entries ?? [])].map((e) => [e.id, e]));
  const previous = previousRange(range);
  const current = inRange(events, range);
  const before = inRange(events, previous);
  const by = {} as Record<Dimension, GroupRow[]>;
  for (const dimension of options.dimensions ?? DIMENSIONS) {
    const now = groupEvents(current, dimension, entries);
    const then = dimension === 'week' ? new Map<string, StoredEvent[]>() : groupEvents(before, dimension, entries);
    const keys = [...new Set([...now.keys(), ...then.keys()])];
    by[dimension] = keys
      .map((key) => ({
        key,
        ...(dimension === 'entry' && entries.get(key)?.title ? { label: entries.get(key)!.title } : {}),
        current: computeMetrics(now.get(key) ?? [], minSample),
        previous: computeMetrics(then.get(key) ?? [], minSample),
      }))
      .sort((a, b) => (dimension === 'week' ? a.key.localeCompare(b.key) : b.current.events - a.current.events || a.key.localeCompare(b.key)));
  }
  return {
    range,
    previousRange: previous,
    minSample,
    empty: current.length === 0,
    totals: computeMetrics(current, minSample),
    previousTotals: computeMetrics(before, minSample),
    by,
    mostEdited: mostEdited(current, entries, options.mostEditedLimit, minSample),
  };
}
