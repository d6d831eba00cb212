import { REJECT_REASONS, type RejectReason, type StoredEvent } from '../events.ts';
import { EDIT_BUCKETS, measure, MIN_SAMPLE, type Metrics } from './metrics.ts';
import { DIMENSIONS, NONE, UNKNOWN_AGENT, isoWeek, previousRange, type DateRange, type Dimension, type EditedEntry, type EntryInfo, type GroupRow, type Report, type ReportOptions } from './report.ts';
import { mean, quantile } from './stats.ts';

/**
 * The report over a million events in well under a second: the events as columns (typed arrays,
 * strings replaced by small integers, sorted by time), so a range is two binary searches and a
 * metric is a pass over numbers. `columnReport` gives exactly what `buildReport` gives for the same
 * events (test/reports/columns.test.ts checks it on random events): buildReport stays the readable
 * reference, this is the one the dashboard calls. The dashboard builds the columns once
 * (knowledge/store/report-columns.ts reads them from the store) and keeps them while the trainer
 * changes ranges and groupings.
 */

/** The `type` column's codes: TYPES[code] is the event type. */
export const TYPES = ['shown', 'inserted', 'copied', 'rejected', 'flagged_outdated', 'no_confident_answer', 'manual_search'] as const;
const [SHOWN, INSERTED, COPIED, REJECTED, FLAGGED, NO_ANSWER, SEARCH] = [0, 1, 2, 3, 4, 5, 6] as const;

export interface EventColumns {
  n: number;
  /** Milliseconds since the epoch, ascending (events of the same instant keep their given order). */
  time: Float64Array;
  type: Uint8Array;
  /** Index into `tickets`. */
  ticket: Int32Array;
  /** Index into `agents`; -1 for no agent. */
  agent: Int32Array;
  helpdesk: Int32Array;
  /** The entry inserted, copied, rejected or flagged, or chosen by a search; -1 for none. Index into `entryIds`. */
  entry: Int32Array;
  /** Rank of an insert (0 otherwise). */
  rank: Int16Array;
  /** NaN when the event has none. */
  editRatio: Float64Array;
  msFromRead: Float64Array;
  /** Index into REJECT_REASONS; -1 otherwise. */
  reason: Int8Array;
  /** A shown event's suggested entries: shownEntries[shownStart[i] .. shownStart[i + 1]). */
  shownStart: Int32Array;
  shownEntries: Int32Array;
  /** A rejected or no-confident-answer event's key terms (the gap view's): termIds[termStart[i] .. termStart[i + 1]), into `terms`. */
  termStart: Int32Array;
  termIds: Int32Array;
  terms: string[];
  tickets: string[];
  agents: string[];
  helpdesks: string[];
  entryIds: string[];
}

/** Strings to small integers, in order of first appearance. */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Events (any order, any period) as columns. Feed them in batches with a builder (columnsBuilder) when reading a store. */
export function toColumns(events: Iterable<StoredEvent>): EventColumns {
  const b = columnsBuilder();
  b.add(events);
  return b.done();
}

export function columnsBuilder() {
  const tickets = new Dictionary();
  const agents = new Dictionary();
  const helpdesks = new Dictionary();
  const entries = new Dictionary();
  const terms = new Dictionary();
  const reasons = new Map<RejectReason, number>(REJECT_REASONS.map((r, i) => [r, i]));
  const typeOf = new Map<string, number>(TYPES.map((t, i) => [t, i]));
  const time: number[] = [];
  const type: number[] = [];
  const ticket: number[] = [];
  const agent: number[] = [];
  const helpdesk: number[] = [];
  const entry: number[] = [];
  const rank: number[] = [];
  const editRatio: number[] = [];
  const ms: number[] = [];
  const reason: number[] = [];
  const shownOf: number[][] = [];
  const termsOf: number[][] = [];
  return {
    add(events: Iterable<StoredEvent>) {
      for (const e of events) {
        time.push(Date.parse(e.at));
        type.push(typeOf.get(e.type)!);
        ticket.push(tickets.id(e.ticketHash));
        agent.push(e.agent === undefined ? -1 : agents.id(e.agent));
        helpdesk.push(helpdesks.id(e.helpdesk));
        const one = 'entryId' in e ? e.entryId : e.type === 'manual_search' ? e.chosenEntryId : undefined;
        entry.push(one === undefined ? -1 : entries.id(one));
        rank.push(e.type === 'inserted' ? e.rank : 0);
        editRatio.push(e.type === 'inserted' ? e.editRatio : NaN);
        ms.push(e.type === 'inserted' && e.msFromRead !== undefined ? e.msFromRead : NaN);
        reason.push(e.type === 'rejected' ? reasons.get(e.reason)! : -1);
        shownOf.push(e.type === 'shown' ? e.suggestions.map((s) => entries.id(s.entryId)) : []);
        termsOf.push((e.type === 'rejected' || e.type === 'no_confident_answer') && e.keyTerms ? e.keyTerms.map((t) => terms.id(t)) : []);
      }
    },
    done(): EventColumns {
      const n = time.length;
      // Stable sort by time: the same instant keeps the order given (the store's recording order).
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]! || a - b);
      const pick = <A extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(make: new (n: number) => A, src: number[]): A => {
        const out = new make(n);
        for (let i = 0; i < n; i++) out[i] = src[order[i]!]!;
        return out;
      };
      // Lists per event (suggested entries, key terms) as one array and where each event's starts.
      const lists = (of: number[][]): [Int32Array, Int32Array] => {
        const start = new Int32Array(n + 1);
        let total = 0;
        for (let i = 0; i < n; i++) {
          start[i] = total;
          total += of[order[i]!]!.length;
        }
        start[n] = total;
        const values = new Int32Array(total);
        for (let i = 0; i < n; i++) values.set(of[order[i]!]!, start[i]!);
        return [start, values];
      };
      const [shownStart, shownEntries] = lists(shownOf);
      const [termStart, termIds] = lists(termsOf);
      return {
        n,
        time: pick(Float64Array, time),
        type: pick(Uint8Array, type),
        ticket: pick(Int32Array, ticket),
        agent: pick(Int32Array, agent),
        helpdesk: pick(Int32Array, helpdesk),
        entry: pick(Int32Array, entry),
        rank: pick(Int16Array, rank),
        editRatio: pick(Float64Array, editRatio),
        msFromRead: pick(Float64Array, ms),
        reason: pick(Int8Array, reason),
        shownStart,
        shownEntries,
        termStart,
        termIds,
        terms: terms.values,
        tickets: tickets.values,
        agents: agents.values,
        helpdesks: helpdesks.values,
        entryIds: entries.values,
      };
    },
  };
}

/** Strings of several dictionaries into one, numbered as first used (a dictionary's unused strings are dropped). */
class Remap {
  private readonly maps: Int32Array[];
  constructor(
    private readonly into: Dictionary,
    private readonly from: readonly string[][],
  ) {
    this.maps = from.map((values) => new Int32Array(values.length).fill(-1));
  }
  id(part: number, value: number): number {
    if (value < 0) return value;
    const map = this.maps[part]!;
    if (map[value]! < 0) map[value] = this.into.id(this.from[part]![value]!);
    return map[value]!;
  }
}

/**
 * Several columns (each sorted by time: the store's blocks and its loose events) as one, sorted by
 * time: a merge of sorted runs, about ten times faster than sorting a million events again. Events
 * of the same instant keep the order of the parts. Strings no event of the result uses are dropped
 * (so the rows from `from` on of one part are `mergeColumns([c], from)`: retention keeps no purged ticket hash).
 */
export function mergeColumns(parts: readonly EventColumns[], from = 0): EventColumns {
  const starts = [0];
  for (const p of parts) starts.push(starts.at(-1)! + p.n - (parts.length === 1 ? from : 0));
  const skip = parts.length === 1 ? from : 0;
  const n = starts.at(-1)!;
  // Global row g = starts[k] + (i - skip) for row i of part k; `order` lists global rows in time order.
  const partOf = new Int32Array(n);
  const time = new Float64Array(n);
  parts.forEach((p, k) => {
    partOf.fill(k, starts[k]!, starts[k + 1]!);
    time.set(p.time.subarray(skip), starts[k]!);
  });
  let order = new Int32Array(n);
  for (let g = 0; g < n; g++) order[g] = g;
  let runs = starts;
  let buffer = new Int32Array(n);
  while (runs.length > 2) {
    const next = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const [a, mid, b] = [runs[r]!, runs[r + 1]!, runs[r + 2] ?? runs[r + 1]!];
      let [i, j, o] = [a, mid, a];
      while (i < mid && j < b) buffer[o++] = time[order[j]!]! < time[order[i]!]! ? order[j++]! : order[i++]!;
      while (i < mid) buffer[o++] = order[i++]!;
      while (j < b) buffer[o++] = order[j++]!;
      next.push(b);
    }
    [order, buffer] = [buffer, order];
    runs = next;
  }
  const tickets = new Dictionary();
  const agents = new Dictionary();
  const helpdesks = new Dictionary();
  const entries = new Dictionary();
  const terms = new Dictionary();
  const tMap = new Remap(tickets, parts.map((p) => p.tickets));
  const aMap = new Remap(agents, parts.map((p) => p.agents));
  const hMap = new Remap(helpdesks, parts.map((p) => p.helpdesks));
  const eMap = new Remap(entries, parts.map((p) => p.entryIds));
  const kMap = new Remap(terms, parts.map((p) => p.terms));
  const listLength = (start: (p: EventColumns) => Int32Array) => parts.reduce((t, p) => t + start(p)[p.n]! - start(p)[parts.length === 1 ? from : 0]!, 0);
  const out: EventColumns = {
    n,
    time: new Float64Array(n),
    type: new Uint8Array(n),
    ticket: new Int32Array(n),
    agent: new Int32Array(n),
    helpdesk: new Int32Array(n),
    entry: new Int32Array(n),
    rank: new Int16Array(n),
    editRatio: new Float64Array(n),
    msFromRead: new Float64Array(n),
    reason: new Int8Array(n),
    shownStart: new Int32Array(n + 1),
    shownEntries: new Int32Array(listLength((p) => p.shownStart)),
    termStart: new Int32Array(n + 1),
    termIds: new Int32Array(listLength((p) => p.termStart)),
    terms: terms.values,
    tickets: tickets.values,
    agents: agents.values,
    helpdesks: helpdesks.values,
    entryIds: entries.values,
  };
  let shown = 0;
  let termN = 0;
  for (let o = 0; o < n; o++) {
    const g = order[o]!;
    const k = partOf[g]!;
    const p = parts[k]!;
    const i = g - starts[k]! + skip;
    out.time[o] = p.time[i]!;
    out.type[o] = p.type[i]!;
    out.ticket[o] = tMap.id(k, p.ticket[i]!);
    out.agent[o] = aMap.id(k, p.agent[i]!);
    out.helpdesk[o] = hMap.id(k, p.helpdesk[i]!);
    out.entry[o] = eMap.id(k, p.entry[i]!);
    out.rank[o] = p.rank[i]!;
    out.editRatio[o] = p.editRatio[i]!;
    out.msFromRead[o] = p.msFromRead[i]!;
    out.reason[o] = p.reason[i]!;
    out.shownStart[o] = shown;
    for (let s = p.shownStart[i]!; s < p.shownStart[i + 1]!; s++) out.shownEntries[shown++] = eMap.id(k, p.shownEntries[s]!);
    out.termStart[o] = termN;
    for (let s = p.termStart[i]!; s < p.termStart[i + 1]!; s++) out.termIds[termN++] = kMap.id(k, p.termIds[s]!);
  }
  out.shownStart[n] = shown;
  out.termStart[n] = termN;
  return out;
}

/** A range bound (ISO 8601, or YYYY-MM-DD for that day's start in UTC) in milliseconds. */
export function bound(bound: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(bound) ? `${bound}T00:00:00Z` : bound);
}

/** First index whose time is >= t. */
export function lowerBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const [F_SHOWN, F_INSERTED, F_COPIED, F_REJECTED, F_NO_ANSWER] = [1, 2, 4, 8, 16];

/** Scratch space shared by the metric passes: per-ticket flags, cleared after each pass through the tickets it touched. */
interface Scratch {
  flags: Uint8Array;
  touched: Int32Array;
}

/** computeMetrics (metrics.ts) over the events at `rows` (indices in time order): the same numbers. */
function metricsOf(c: EventColumns, rows: ArrayLike<number>, count: number, s: Scratch, minSample: number): Metrics {
  let touchedN = 0;
  const byReason = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  const ratios: number[] = [];
  const times: number[] = [];
  const histogram = EDIT_BUCKETS.map((b) => ({ label: b.label, count: 0 }));
  let inserts = 0;
  let firstInserts = 0;
  let copies = 0;
  let rejections = 0;
  let flagsN = 0;
  let searches: number[] | undefined;
  for (let k = 0; k < count; k++) {
    const i = rows[k]!;
    const t = c.ticket[i]!;
    let flag = 0;
    switch (c.type[i]) {
      case SHOWN:
        flag = F_SHOWN;
        break;
      case INSERTED: {
        flag = F_INSERTED;
        inserts++;
        if (c.rank[i] === 1) firstInserts++;
        const r = c.editRatio[i]!;
        ratios.push(r);
        histogram[EDIT_BUCKETS.findIndex((b) => r <= b.max)]!.count++;
        const m = c.msFromRead[i]!;
        if (m === m) times.push(m);
        break;
      }
      case COPIED:
        flag = F_COPIED;
        copies++;
        break;
      case REJECTED:
        flag = F_REJECTED;
        rejections++;
        byReason[REJECT_REASONS[c.reason[i]!]!]++;
        break;
      case FLAGGED:
        flagsN++;
        break;
      case NO_ANSWER:
        flag = F_NO_ANSWER;
        break;
      case SEARCH:
        (searches ??= []).push(i);
        break;
    }
    if (flag) {
      if (s.flags[t] === 0) s.touched[touchedN++] = t;
      s.flags[t]! |= flag;
    }
  }
  let shown = 0;
  let shownInserted = 0;
  let shownRejected = 0;
  let copied = 0;
  let noAnswer = 0;
  let read = 0;
  for (let k = 0; k < touchedN; k++) {
    const t = s.touched[k]!;
    const f = s.flags[t]!;
    s.flags[t] = 0;
    if (f & F_SHOWN) {
      shown++;
      if (f & F_INSERTED) shownInserted++;
      if (f & F_REJECTED) shownRejected++;
    }
    if (f & F_COPIED) copied++;
    if (f & F_NO_ANSWER) noAnswer++;
    if (f & (F_SHOWN | F_NO_ANSWER)) read++;
  }
  let searchesInserted = 0;
  if (searches) {
    // ticket + entry -> the latest insert among these events: a search ends in an insert at or after it.
    const E = c.entryIds.length + 1;
    const latest = new Map<number, number>();
    for (let k = 0; k < count; k++) {
      const i = rows[k]!;
      if (c.type[i] !== INSERTED) continue;
      const key = c.ticket[i]! * E + c.entry[i]!;
      const prev = latest.get(key);
      if (prev === undefined || c.time[i]! > prev) latest.set(key, c.time[i]!);
    }
    for (const i of searches) {
      if (c.entry[i]! < 0) continue;
      const at = latest.get(c.ticket[i]! * E + c.entry[i]!);
      if (at !== undefined && at >= c.time[i]!) searchesInserted++;
    }
  }
  const sortedRatios = Float64Array.from(ratios).sort();
  const sortedTimes = Float64Array.from(times).sort();
  const nSearches = searches?.length ?? 0;
  return {
    events: count,
    ticketsShown: shown,
    ticketsInserted: shownInserted,
    acceptance: measure(shownInserted / shown, shown, minSample),
    inserts,
    firstSuggestionShare: measure(firstInserts / inserts, inserts, minSample),
    copies,
    ticketsCopied: copied,
    editRatio: {
      median: measure(quantile(sortedRatios as unknown as number[], 0.5, true), ratios.length, minSample),
      mean: measure(mean(ratios), ratios.length, minSample),
      histogram,
    },
    rejections,
    rejectionsByReason: byReason,
    rejectionRate: measure(shownRejected / shown, shown, minSample),
    flags: flagsN,
    ticketsNoConfidentAnswer: noAnswer,
    noConfidentAnswerRate: measure(noAnswer / read, read, minSample),
    manualSearches: nSearches,
    manualSearchesInserted: searchesInserted,
    manualSearchInsertRate: measure(searchesInserted / nSearches, nSearches, minSample),
    msToInsert: {
      median: measure(quantile(sortedTimes as unknown as number[], 0.5, true), times.length, minSample),
      p90: measure(quantile(sortedTimes as unknown as number[], 0.9, true), times.length, minSample),
    },
  };
}

/** A growable Int32Array: pairs of (group, event) without a JS array per group. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const more = new Int32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }
}

interface Groups {
  /** Group names, by group number. */
  names: string[];
  /** Event indices grouped: group g's events are rows[start[g] .. start[g + 1]), in time order. */
  rows: Int32Array;
  start: Int32Array;
}

/**
 * The events in [lo, hi) by group, as keysOf (report.ts) assigns them (an event may be in several
 * groups): one pass gives each event its keys, a counting sort puts each group's events together.
 */
function groupsOf(c: EventColumns, lo: number, hi: number, dimension: Dimension, entries: ReadonlyMap<string, EntryInfo>): Groups {
  const names = new Dictionary();
  const keys = new Ints();
  const events = new Ints();
  const add = (key: number, i: number) => {
    keys.push(key);
    events.push(i);
  };
  if (dimension === 'agent' || dimension === 'helpdesk') {
    const col = dimension === 'agent' ? c.agent : c.helpdesk;
    const map = (dimension === 'agent' ? c.agents : c.helpdesks).map((v) => names.id(v));
    let unknown = -1;
    for (let i = lo; i < hi; i++) add(col[i]! < 0 ? (unknown < 0 ? (unknown = names.id(UNKNOWN_AGENT)) : unknown) : map[col[i]!]!, i);
  } else if (dimension === 'week') {
    const byDay = new Map<number, number>();
    for (let i = lo; i < hi; i++) {
      const day = Math.floor(c.time[i]! / 86_400_000);
      let key = byDay.get(day);
      if (key === undefined) byDay.set(day, (key = names.id(isoWeek(new Date(c.time[i]!).toISOString()))));
      add(key, i);
    }
  } else {
    // entry, tag, locale: the keys of each entry the event names, each key once per event.
    const keysOfEntry: number[][] = c.entryIds.map((id) => {
      if (dimension === 'entry') return [names.id(id)];
      const info = entries.get(id);
      if (!info) return [];
      return dimension === 'tag' ? [...new Set(info.tags)].map((t) => names.id(t)) : [names.id(info.locale)];
    });
    let none = -1;
    const seen: number[] = [];
    for (let i = lo; i < hi; i++) {
      if (c.type[i] === SHOWN) {
        seen.length = 0;
        for (let k = c.shownStart[i]!; k < c.shownStart[i + 1]!; k++) for (const key of keysOfEntry[c.shownEntries[k]!]!) if (!seen.includes(key)) seen.push(key);
        if (seen.length === 0) add(none < 0 ? (none = names.id(NONE)) : none, i);
        else for (const key of seen) add(key, i);
      } else {
        const own = c.entry[i]! >= 0 ? keysOfEntry[c.entry[i]!]! : [];
        if (own.length === 0) add(none < 0 ? (none = names.id(NONE)) : none, i);
        else for (const key of own) add(key, i);
      }
    }
  }
  const groups = names.values.length;
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < keys.length; k++) start[keys.data[k]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const rows = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) rows[next[keys.data[k]!]!++] = events.data[k]!;
  return { names: names.values, rows, start };
}

/** mostEdited (report.ts) over the columns' inserts in [lo, hi). */
function mostEditedOf(c: EventColumns, lo: number, hi: number, entries: ReadonlyMap<string, EntryInfo>, limit: number, minSample: number): EditedEntry[] {
  const ratios = new Map<number, number[]>();
  for (let i = lo; i < hi; i++) {
    if (c.type[i] !== INSERTED) continue;
    const list = ratios.get(c.entry[i]!);
    if (list) list.push(c.editRatio[i]!);
    else ratios.set(c.entry[i]!, [c.editRatio[i]!]);
  }
  const rows = [...ratios].map(([e, rs]) => {
    const entryId = c.entryIds[e]!;
    return {
      entryId,
      ...(entries.get(entryId)?.title ? { title: entries.get(entryId)!.title } : {}),
      inserts: rs.length,
      meanEditRatio: measure(mean(rs), rs.length, minSample),
      medianEditRatio: measure(quantile(rs, 0.5), rs.length, minSample),
    };
  });
  const rank = (r: EditedEntry) => (r.meanEditRatio.status === 'ok' ? 0 : 1);
  rows.sort((a, b) => rank(a) - rank(b) || (b.meanEditRatio.value ?? 0) - (a.meanEditRatio.value ?? 0) || a.entryId.localeCompare(b.entryId));
  return rows.slice(0, limit);
}

/** buildReport (report.ts) over columns: the same Report, computed from typed arrays. */
export function columnReport(c: EventColumns, range: DateRange, options: ReportOptions = {}): Report {
  const minSample = options.minSample ?? MIN_SAMPLE;
  const entries = new Map([...(options.entries ?? [])].map((e) => [e.id, e]));
  const previous = previousRange(range);
  const [lo, hi] = [lowerBound(c.time, bound(range.from)), lowerBound(c.time, bound(range.to))];
  const [plo, phi] = [lowerBound(c.time, bound(previous.from)), lowerBound(c.time, bound(previous.to))];
  const scratch: Scratch = { flags: new Uint8Array(c.tickets.length), touched: new Int32Array(c.tickets.length) };
  const span = (a: number, b: number) => {
    const rows = new Int32Array(b - a);
    for (let i = 0; i < rows.length; i++) rows[i] = a + i;
    return rows;
  };
  const empty = new Int32Array(0);
  const by = {} as Record<Dimension, GroupRow[]>;
  for (const dimension of options.dimensions ?? DIMENSIONS) {
    const now = groupsOf(c, lo, hi, dimension, entries);
    const then = dimension === 'week' ? undefined : groupsOf(c, plo, phi, dimension, entries);
    const members = (g: Groups | undefined, index: Map<string, number>, key: string) => {
      const k = index.get(key);
      return g && k !== undefined ? g.rows.subarray(g.start[k]!, g.start[k + 1]!) : empty;
    };
    const nowIndex = new Map(now.names.map((name, k) => [name, k]));
    const thenIndex = new Map((then?.names ?? []).map((name, k) => [name, k]));
    const used = (g: Groups | undefined) => (g ? g.names.filter((_, k) => g.start[k + 1]! > g.start[k]!) : []);
    const keys = [...new Set([...used(now), ...used(then)])];
    by[dimension] = keys
      .map((key) => {
        const a = members(now, nowIndex, key);
        const b = members(then, thenIndex, key);
        return {
          key,
          ...(dimension === 'entry' && entries.get(key)?.title ? { label: entries.get(key)!.title } : {}),
          current: metricsOf(c, a, a.length, scratch, minSample),
          previous: metricsOf(c, b, b.length, scratch, minSample),
        };
      })
      .sort((a, b) => (dimension === 'week' ? a.key.localeCompare(b.key) : b.current.events - a.current.events || a.key.localeCompare(b.key)));
  }
  return {
    range,
    previousRange: previous,
    minSample,
    empty: hi === lo,
    totals: metricsOf(c, span(lo, hi), hi - lo, scratch, minSample),
    previousTotals: metricsOf(c, span(plo, phi), phi - plo, scratch, minSample),
    by,
    mostEdited: mostEditedOf(c, lo, hi, entries, options.mostEditedLimit ?? 10, minSample),
  };
}
