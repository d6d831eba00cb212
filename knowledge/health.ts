import { today, type Entry } from './entry.ts';
import type { StoredEvent } from './events.ts';
import { millis } from './list.ts';

/**
 * Knowledge health, the number on the lead's first screen: of the entries agents can be shown
 * (every entry not archived: drafts and entries in review are meant to reach agents, so they
 * count against it), the share that is approved, in date (no review date, or not passed) and
 * owned, each entry weighted by 1 + the times agents were shown it in the period. The 1 keeps
 * unused entries in the measure; the shows make the entries agents actually meet count most.
 * Guru recommends at least 80% for its verification equivalent.
 */
export const HEALTH_TARGET = 0.8;
export const HEALTH_WEEKS = 12;

export interface HealthCounts {
  /** Entries agents can be shown (not archived). */
  entries: number;
  /** Of those, approved, in date and owned. */
  healthy: number;
  /** Why the others are not (an entry can have several reasons). */
  notApproved: number;
  overdue: number;
  noOwner: number;
  /** In date only because they have no review date (healthy, but never asked to be reviewed). */
  noReviewDate: number;
  /** Times agents were shown these entries in the period. */
  shows: number;
  healthyShows: number;
  /** Sum of the weights (entries + shows) and of the healthy ones'. */
  weight: number;
  healthyWeight: number;
  /** healthyWeight / weight; null when there is no entry. */
  share: number | null;
}

export interface HealthWeek extends HealthCounts {
  /** The week is [start, end); the state is the one at `end`, shows are those within the week. */
  start: string;
  end: string;
  /**
   * How the week's entries were known: 'current' (the latest week: the stored entries),
   * 'history' (each entry's latest version saved before `end`), or 'approximate' when some
   * entries had no history and were taken as they are now, if created by then (approximateEntries).
   */
  source: 'current' | 'history' | 'approximate';
  approximateEntries: number;
}

export interface HealthGroup extends HealthCounts {
  /** The owner ('' = no owner) or the tag ('' = no tag). */
  key: string;
}

export interface KnowledgeHealth {
  target: number;
  /** The latest week (ending now): the current entries. */
  current: HealthWeek;
  /** Oldest first; the last one is `current`. */
  weeks: HealthWeek[];
  /** The current entries by owner and by tag, weighted by the shows of the whole period; least healthy first. */
  byOwner: HealthGroup[];
  byTag: HealthGroup[];
}

/** A saved state of an entry, as knowledge/store/versions.ts keeps it (only what health reads). */
export interface VersionLike {
  id: string;
  version: number;
  at: string;
  entry: Entry;
  change: string;
}

export interface HealthInput {
  entries: readonly Entry[];
  /** Every version row (knowledge/store entryVersions); without them past weeks are approximate. */
  versions: readonly VersionLike[];
  /** Events since healthFrom(now); only 'shown' is read. */
  events: readonly StoredEvent[];
  now?: Date;
  weeks?: number;
}

const WEEK_MS = 7 * 86_400_000;

/** Where the events and versions health needs start. */
export function healthFrom(now: Date = new Date(), weeks = HEALTH_WEEKS): string {
  return new Date(now.getTime() - weeks * WEEK_MS).toISOString();
}

export function knowledgeHealth(input: HealthInput): KnowledgeHealth {
  const now = input.now ?? new Date();
  const n = input.weeks ?? HEALTH_WEEKS;
  const history = groupVersions(input.versions);
  const { weekly, period } = showsByWeek(input.events, now, n);
  const weeks: HealthWeek[] = [];
  for (let k = 0; k < n; k++) {
    const end = new Date(now.getTime() - (n - 1 - k) * WEEK_MS);
    const start = new Date(end.getTime() - WEEK_MS);
    const shows = weekly[k]!;
    if (k === n - 1) {
      weeks.push({ ...measure(input.entries, shows, today(end)), start: start.toISOString(), end: end.toISOString(), source: 'current', approximateEntries: 0 });
      continue;
    }
    const { entries, approximate } = stateAt(input.entries, history, end);
    weeks.push({
      ...measure(entries, shows, today(end)),
      start: start.toISOString(),
      end: end.toISOString(),
      source: approximate > 0 ? 'approximate' : 'history',
      approximateEntries: approximate,
    });
  }
  const day = today(now);
  const periodShows = period;
  const live = input.entries.filter((e) => e.status !== 'archived');
  return {
    target: HEALTH_TARGET,
    current: weeks[weeks.length - 1]!,
    weeks,
    byOwner: groups(live, (e) => [e.owner], periodShows, day),
    byTag: groups(live, (e) => (e.tags.length > 0 ? e.tags : ['']), periodShows, day),
  };
}

/** The counts for a set of entries on one day, with the shows each got. */
export function measure(entries: readonly Entry[], shows: ReadonlyMap<string, number>, day: string): HealthCounts {
  const c: HealthCounts = { entries: 0, healthy: 0, notApproved: 0, overdue: 0, noOwner: 0, noReviewDate: 0, shows: 0, healthyShows: 0, weight: 0, healthyWeight: 0, share: null };
  for (const e of entries) {
    if (e.status === 'archived') continue;
    const approved = e.status === 'approved';
    const inDate = e.reviewBy === undefined || e.reviewBy >= day;
    const owned = e.owner.trim() !== '';
    const s = shows.get(e.id) ?? 0;
    c.entries++;
    c.shows += s;
    c.weight += 1 + s;
    if (!approved) c.notApproved++;
    if (!inDate) c.overdue++;
    if (!owned) c.noOwner++;
    if (e.reviewBy === undefined) c.noReviewDate++;
    if (approved && inDate && owned) {
      c.healthy++;
      c.healthyShows += s;
      c.healthyWeight += 1 + s;
    }
  }
  c.share = c.weight > 0 ? c.healthyWeight / c.weight : null;
  return c;
}

function groups(entries: readonly Entry[], keys: (e: Entry) => string[], shows: ReadonlyMap<string, number>, day: string): HealthGroup[] {
  const members = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const key of new Set(keys(e))) {
      let list = members.get(key);
      if (!list) members.set(key, (list = []));
      list.push(e);
    }
  }
  return [...members]
    .map(([key, list]) => ({ key, ...measure(list, shows, day) }))
    .sort((a, b) => (a.share ?? 1) - (b.share ?? 1) || b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Shows per entry in each of the n weeks ending at `now` (week k = [now - (n-k)w, now - (n-1-k)w)), and in all of them; each event read once. */
function showsByWeek(events: readonly StoredEvent[], now: Date, n: number): { weekly: Map<string, number>[]; period: Map<string, number> } {
  const weekly = Array.from({ length: n }, () => new Map<string, number>());
  const period = new Map<string, number>();
  const end = now.getTime();
  for (const ev of events) {
    if (ev.type !== 'shown') continue;
    const age = end - millis(ev.at);
    if (!(age > 0 && age <= n * WEEK_MS)) continue;
    const week = weekly[n - Math.ceil(age / WEEK_MS)]!;
    for (const { entryId } of ev.suggestions) {
      week.set(entryId, (week.get(entryId) ?? 0) + 1);
      period.set(entryId, (period.get(entryId) ?? 0) + 1);
    }
  }
  return { weekly, period };
}

interface Saved {
  t: number;
  v: VersionLike;
}

function groupVersions(versions: readonly VersionLike[]): Map<string, Saved[]> {
  const byId = new Map<string, Saved[]>();
  for (const v of versions) {
    let list = byId.get(v.id);
    if (!list) byId.set(v.id, (list = []));
    list.push({ t: millis(v.at), v });
  }
  for (const list of byId.values()) list.sort((a, b) => a.v.version - b.v.version);
  return byId;
}

/**
 * The entries as they were at `end`: for each id with a history, its latest version saved before
 * then (none, or a 'deleted' one, means it did not exist). An entry with no history at all (should
 * not happen since database v2 gave every entry one) is taken as it is now if it was created by then.
 */
function stateAt(current: readonly Entry[], history: ReadonlyMap<string, Saved[]>, end: Date): { entries: Entry[]; approximate: number } {
  const t = end.getTime();
  const entries: Entry[] = [];
  let approximate = 0;
  for (const [, list] of history) {
    let last: VersionLike | undefined;
    for (const saved of list) if (saved.t < t) last = saved.v;
    if (last && last.change !== 'deleted') entries.push(last.entry);
  }
  for (const e of current) {
    if (history.has(e.id) || Date.parse(e.createdAt) >= t) continue;
    entries.push(e);
    approximate++;
  }
  return { entries, approximate };
}
