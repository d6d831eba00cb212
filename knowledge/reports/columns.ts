import { REJECT_REASONS, type RejectReason, type StoredEvent } from '../events.ts';

/**
 * The report over a million events in well under a second: the events as columns (typed arrays,
 * strings replaced by small integers, sorted by time), so a range is two binary searches and a
 * metric is a pass over numbers (column-report.ts). `columnReport` gives exactly what `buildReport` gives for the same
 * events (test/reports/columns.test.ts checks it on random events): buildReport stays the readable
 * reference, this is the one the dashboard calls. The dashboard builds the columns once
 * (knowledge/store/report-columns.ts reads them from the store) and keeps them while the trainer
 * changes ranges and groupings.
 */

/** The `type` column's codes: TYPES[code] is the event type. */
export const TYPES = ['shown', 'inserted', 'copied', 'rejected', 'flagged_outdated', 'no_confident_answer', 'manual_search'] as const;
/** The codes of TYPES by name, for the passes over the `type` column (column-report.ts). */
export const [SHOWN, INSERTED, COPIED, REJECTED, FLAGGED, NO_ANSWER, SEARCH] = [0, 1, 2, 3, 4, 5, 6] as const;

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
export class Dictionary {
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
