import { REJECT_REASONS, type RejectReason } from '../events.ts';
import { bound, Dictionary, lowerBound, COPIED, FLAGGED, INSERTED, NO_ANSWER, REJECTED, SEARCH, SHOWN, type EventColumns } from './columns.ts';
import { EDIT_BUCKETS, measure, MIN_SAMPLE, type Metrics } from './metrics.ts';
import { DIMENSIONS, NONE, UNKNOWN_AGENT, isoWeek, previousRange, type DateRange, type Dimension, editedEntries, type EditedEntry, type EntryInfo, type GroupRow, type Report, type ReportOptions } from './report.ts';
import { mean, quantile } from './stats.ts';

/**
 * The trainers' report computed from event columns (columns.ts): the same Report buildReport
 * (report.ts) gives, from typed arrays, with scratch space shared by the passes.
 */

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
  return editedEntries(new Map([...ratios].map(([e, rs]) => [c.entryIds[e]!, rs])), entries, limit, minSample);
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
