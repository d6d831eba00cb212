import { today, whyNotSuggested, type Entry, type EntryStatus, type NotSuggestedReason } from './entry.ts';
import type { StoredEvent } from './events.ts';

/**
 * The data behind the lead's knowledge list: one row per entry with its use from the recorded
 * events and the flags the filters need, computed once so filtering and sorting 10k rows stay a
 * plain pass over arrays.
 */
export interface EntryUse {
  /** Times the entry was among the suggestions an agent saw. */
  shown: number;
  inserted: number;
  copied: number;
  rejected: number;
  flagged: number;
}

export interface ListRow {
  entry: Entry;
  /** Use in the last USE_DAYS days. */
  use: EntryUse;
  /** Empty when agents are shown it (isSuggestable); else every rule it fails. */
  notSuggested: NotSuggestedReason[];
  overdue: boolean;
  /** Review date today or within DUE_SOON_DAYS days. */
  dueSoon: boolean;
  /** Flagged as outdated by an agent after its last change (a change answers the flag). */
  flagged: boolean;
  /** Not shown to an agent in the last NEVER_SUGGESTED_DAYS days. */
  neverSuggested: boolean;
  possibleDuplicate: boolean;
}

export const USE_DAYS = 30;
export const DUE_SOON_DAYS = 14;
export const NEVER_SUGGESTED_DAYS = 90;

export interface ListOptions {
  now?: Date;
  /** Ids the duplicate scan (knowledge/quality.ts) found in a near-duplicate pair. */
  duplicateIds?: ReadonlySet<string>;
}

/** How far back the events given to buildList must reach. */
export function listEventsFrom(now: Date = new Date()): string {
  return daysBefore(now, Math.max(USE_DAYS, NEVER_SUGGESTED_DAYS)).toISOString();
}

export function emptyUse(): EntryUse {
  return { shown: 0, inserted: 0, copied: 0, rejected: 0, flagged: 0 };
}

/** Per-entry counts of the events in [from, to) (ISO 8601; offsets compared as instants); events without an entry are skipped. */
export function countUse(events: Iterable<StoredEvent>, from?: string, to?: string): Map<string, EntryUse> {
  const ranged = from !== undefined || to !== undefined;
  const start = from === undefined ? -Infinity : millis(from);
  const end = to === undefined ? Infinity : millis(to);
  const use = new Map<string, EntryUse>();
  const of = (id: string) => {
    let u = use.get(id);
    if (!u) use.set(id, (u = emptyUse()));
    return u;
  };
  for (const ev of events) {
    if (ranged) {
      const at = millis(ev.at);
      if (!(at >= start && at < end)) continue;
    }
    switch (ev.type) {
      case 'shown':
        for (const s of ev.suggestions) of(s.entryId).shown++;
        break;
      case 'inserted':
        of(ev.entryId).inserted++;
        break;
      case 'copied':
        of(ev.entryId).copied++;
        break;
      case 'rejected':
        of(ev.entryId).rejected++;
        break;
      case 'flagged_outdated':
        of(ev.entryId).flagged++;
        break;
    }
  }
  return use;
}

/** Rows for every entry; `events` should reach back listEventsFrom(now) (older ones are ignored but for flags). */
export function buildList(entries: readonly Entry[], events: readonly StoredEvent[], options: ListOptions = {}): ListRow[] {
  const now = options.now ?? new Date();
  const day = today(now);
  const soon = today(daysBefore(now, -DUE_SOON_DAYS));
  const useFrom = daysBefore(now, USE_DAYS).getTime();
  const recent: StoredEvent[] = [];
  const lastShown = new Map<string, number>();
  const lastFlag = new Map<string, number>();
  // One pass, each time read once: 10k entries come with a few hundred thousand events.
  for (const ev of events) {
    const at = millis(ev.at);
    if (at >= useFrom) recent.push(ev);
    if (ev.type === 'shown') for (const s of ev.suggestions) lastShown.set(s.entryId, Math.max(lastShown.get(s.entryId) ?? -Infinity, at));
    else if (ev.type === 'flagged_outdated') lastFlag.set(ev.entryId, Math.max(lastFlag.get(ev.entryId) ?? -Infinity, at));
  }
  const use = countUse(recent);
  const shownSince = daysBefore(now, NEVER_SUGGESTED_DAYS).getTime();
  const dups = options.duplicateIds ?? new Set<string>();
  return entries.map((entry) => {
    const overdue = entry.reviewBy !== undefined && entry.reviewBy < day;
    const flag = lastFlag.get(entry.id);
    const shown = lastShown.get(entry.id);
    return {
      entry,
      use: use.get(entry.id) ?? emptyUse(),
      notSuggested: whyNotSuggested(entry, day),
      overdue,
      dueSoon: !overdue && entry.reviewBy !== undefined && entry.reviewBy <= soon,
      flagged: flag !== undefined && flag > Date.parse(entry.updatedAt),
      neverSuggested: shown === undefined || shown < shownSince,
      possibleDuplicate: dups.has(entry.id),
    };
  });
}

export interface ListFilter {
  /** Any of these statuses. */
  status?: readonly EntryStatus[];
  /** '' = entries without an owner. */
  owner?: string;
  tag?: string;
  locale?: string;
  dueSoon?: boolean;
  overdue?: boolean;
  flagged?: boolean;
  neverSuggested?: boolean;
  possibleDuplicate?: boolean;
  /** true = every entry agents are not shown; a reason = only those failing that rule. */
  notSuggested?: true | NotSuggestedReason;
  /** The ids a search returned (the agents' engine, leads' mode): only those rows. */
  ids?: ReadonlySet<string>;
}

export function filterList(rows: readonly ListRow[], f: ListFilter): ListRow[] {
  const statuses = f.status && f.status.length > 0 ? new Set(f.status) : undefined;
  return rows.filter(
    (r) =>
      (statuses === undefined || statuses.has(r.entry.status)) &&
      (f.owner === undefined || r.entry.owner === f.owner) &&
      (f.tag === undefined || r.entry.tags.includes(f.tag)) &&
      (f.locale === undefined || r.entry.locale === f.locale) &&
      (f.dueSoon === undefined || r.dueSoon === f.dueSoon) &&
      (f.overdue === undefined || r.overdue === f.overdue) &&
      (f.flagged === undefined || r.flagged === f.flagged) &&
      (f.neverSuggested === undefined || r.neverSuggested === f.neverSuggested) &&
      (f.possibleDuplicate === undefined || r.possibleDuplicate === f.possibleDuplicate) &&
      (f.notSuggested === undefined || (f.notSuggested === true ? r.notSuggested.length > 0 : r.notSuggested.includes(f.notSuggested))) &&
      (f.ids === undefined || f.ids.has(r.entry.id)),
  );
}

export const SORT_KEYS = ['title', 'status', 'owner', 'tags', 'locale', 'reviewBy', 'updatedAt', 'shown', 'inserted', 'rejected'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<EntryStatus, number> = { draft: 0, in_review: 1, approved: 2, archived: 3 };

/**
 * A sorted copy; ties keep id order so the list does not jump. Entries without a review date sort
 * after every date, ascending or descending (they are never "the most urgent").
 */
export function sortList(rows: readonly ListRow[], key: SortKey, direction: 'asc' | 'desc' = 'asc'): ListRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byId = (a: ListRow, b: ListRow) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);
  const compare = comparator(key);
  const missingLast = key === 'reviewBy';
  return [...rows].sort((a, b) => {
    if (missingLast && (a.entry.reviewBy === undefined) !== (b.entry.reviewBy === undefined)) return a.entry.reviewBy === undefined ? 1 : -1;
    return sign * compare(a, b) || byId(a, b);
  });
}

function comparator(key: SortKey): (a: ListRow, b: ListRow) => number {
  switch (key) {
    case 'title':
    case 'owner':
    case 'locale':
      return (a, b) => collator.compare(a.entry[key], b.entry[key]);
    case 'tags':
      return (a, b) => collator.compare(a.entry.tags.join(' '), b.entry.tags.join(' '));
    case 'status':
      return (a, b) => STATUS_ORDER[a.entry.status] - STATUS_ORDER[b.entry.status];
    case 'reviewBy':
      return (a, b) => cmp(a.entry.reviewBy ?? '', b.entry.reviewBy ?? '');
    case 'updatedAt':
      return (a, b) => Date.parse(a.entry.updatedAt) - Date.parse(b.entry.updatedAt);
    case 'shown':
    case 'inserted':
    case 'rejected':
      return (a, b) => a.use[key] - b.use[key];
  }
}

export interface ListFacets {
  statuses: [EntryStatus, number][];
  /** '' is "no owner". */
  owners: [string, number][];
  tags: [string, number][];
  locales: [string, number][];
  notSuggested: [NotSuggestedReason, number][];
}

/** The values the filter menus offer, with how many rows have each, most common first. */
export function listFacets(rows: readonly ListRow[]): ListFacets {
  const statuses = new Map<EntryStatus, number>();
  const owners = new Map<string, number>();
  const tags = new Map<string, number>();
  const locales = new Map<string, number>();
  const reasons = new Map<NotSuggestedReason, number>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    bump(statuses, r.entry.status);
    bump(owners, r.entry.owner);
    bump(locales, r.entry.locale);
    for (const t of r.entry.tags) bump(tags, t);
    for (const why of r.notSuggested) bump(reasons, why);
  }
  const ranked = <K extends string>(m: Map<K, number>): [K, number][] => [...m].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
  return { statuses: ranked(statuses), owners: ranked(owners), tags: ranked(tags), locales: ranked(locales), notSuggested: ranked(reasons) };
}

/**
 * Date.parse, with a fast path for the UTC form toISOString writes (what recordEvent stores):
 * the list and health read a few hundred thousand event times, and Date.parse was most of that.
 */
export function millis(at: string): number {
  if (at.length === 24 && at.charCodeAt(10) === 84 && at.charCodeAt(23) === 90) {
    const n = (from: number, to: number) => {
      let v = 0;
      for (let i = from; i < to; i++) {
        const d = at.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return NaN;
        v = v * 10 + d;
      }
      return v;
    };
    const t = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), n(20, 23));
    if (!Number.isNaN(t)) return t;
  }
  return Date.parse(at);
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
