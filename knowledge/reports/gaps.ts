import type { StoredEvent } from '../events.ts';
import { DEFAULT_TOKENISE_OPTIONS, droppingStopWords, termFor } from '../search/tokenise.ts';
import { bound, lowerBound, TYPES, type EventColumns } from './columns.ts';
import { isoWeek, type DateRange } from './report.ts';

/**
 * Gaps: tickets the knowledge did not answer (the engine abstained, or suggestions were rejected
 * and nothing was inserted), grouped into topics on their key terms.
 *
 * Grouping: agglomerative clustering, average linkage, on an IDF-weighted Jaccard similarity of
 * the tickets' key terms (stemmed, so "refunds" meets "refund"). Chosen because each step can be
 * explained to a trainer: "these tickets share these words, and on average the words they share
 * weigh at least SIMILARITY_THRESHOLD of all their words"; rare words (a product, a place) weigh
 * more than words every gap ticket has ("order", "help"). Average linkage, unlike connected
 * components over shared terms, does not chain two topics through one common word. The number of
 * topics is not fixed in advance: merging stops when no two groups are similar enough.
 */

export interface GapItem {
  ticketHash: string;
  /** Earliest gap event of the ticket. */
  at: string;
  /** The ticket's key terms (union over its gap events, first seen first). */
  terms: string[];
  /** Why it is a gap: the engine abstained, or every suggestion was rejected. */
  kind: 'no_confident_answer' | 'rejected';
}

/**
 * gapItems of the events in [range.from, range.to), from report columns (knowledge/reports/
 * columns.ts: the dashboard keeps every event's loaded), without an object per event: a ticket's
 * flags and first time in typed arrays, objects only for gap tickets. Times come back as UTC ISO 8601.
 */
export function gapItemsOf(c: EventColumns, range: DateRange): { items: GapItem[]; withoutTerms: number } {
  const [NO_ANSWER, REJECTED, INSERTED] = [TYPES.indexOf('no_confident_answer'), TYPES.indexOf('rejected'), TYPES.indexOf('inserted')];
  const [lo, hi] = [lowerBound(c.time, bound(range.from)), lowerBound(c.time, bound(range.to))];
  const inserted = new Uint8Array(c.tickets.length);
  for (let i = lo; i < hi; i++) if (c.type[i] === INSERTED) inserted[c.ticket[i]!] = 1;
  // Per gap ticket, in order of its first gap event: its terms' ids (first seen first) and whether it abstained.
  const byTicket = new Map<number, { first: number; terms: number[]; abstained: boolean }>();
  for (let i = lo; i < hi; i++) {
    const type = c.type[i];
    if (type !== NO_ANSWER && (type !== REJECTED || inserted[c.ticket[i]!])) continue;
    let item = byTicket.get(c.ticket[i]!);
    if (!item) byTicket.set(c.ticket[i]!, (item = { first: c.time[i]!, terms: [], abstained: false }));
    if (type === NO_ANSWER) item.abstained = true;
    for (let k = c.termStart[i]!; k < c.termStart[i + 1]!; k++) if (!item.terms.includes(c.termIds[k]!)) item.terms.push(c.termIds[k]!);
  }
  const items: GapItem[] = [];
  for (const [ticket, item] of byTicket) {
    if (!item.terms.length) continue;
    items.push({ ticketHash: c.tickets[ticket]!, at: new Date(item.first).toISOString(), terms: item.terms.map((k) => c.terms[k]!), kind: item.abstained ? 'no_confident_answer' : 'rejected' });
  }
  return { items, withoutTerms: byTicket.size - items.length };
}

/**
 * One item per ticket: tickets with a no_confident_answer event, or with a rejected event and no
 * insert. Tickets whose events carry no key terms (recorded before they were) are counted apart.
 */
export function gapItems(events: readonly StoredEvent[]): { items: GapItem[]; withoutTerms: number } {
  const inserted = new Set<string>();
  for (const e of events) if (e.type === 'inserted') inserted.add(e.ticketHash);
  const byTicket = new Map<string, GapItem>();
  for (const e of events) {
    if (e.type !== 'no_confident_answer' && e.type !== 'rejected') continue;
    if (e.type === 'rejected' && inserted.has(e.ticketHash)) continue;
    const item = byTicket.get(e.ticketHash);
    if (!item) {
      byTicket.set(e.ticketHash, { ticketHash: e.ticketHash, at: e.at, terms: [...(e.keyTerms ?? [])], kind: e.type });
      continue;
    }
    if (e.at < item.at) item.at = e.at;
    if (e.type === 'no_confident_answer') item.kind = e.type;
    for (const t of e.keyTerms ?? []) if (!item.terms.includes(t)) item.terms.push(t);
  }
  const all = [...byTicket.values()];
  const items = all.filter((i) => i.terms.length > 0);
  return { items, withoutTerms: all.length - items.length };
}

export interface GapTopic {
  /** Tickets in the topic. */
  count: number;
  /** Up to SAMPLE_TERMS words the topic's tickets use most (as written), most used first. */
  terms: string[];
  /** Tickets per week, aligned with GapsReport.weeks. */
  trend: number[];
  /** Share of abstentions (the rest: every suggestion rejected). */
  noConfidentAnswerShare: number;
  first: string;
  last: string;
  ticketHashes: string[];
}

export interface GapsReport {
  /** Every ISO week from the first gap to the last: the x axis of every topic's trend. */
  weeks: string[];
  /** Biggest first. Topics of one ticket are kept: a page may fold them into "other". */
  topics: GapTopic[];
  tickets: number;
  /** Gap tickets recorded before key terms were: counted, not grouped. */
  withoutTerms: number;
  /** Only the newest MAX_CLUSTERED tickets are grouped; true when there were more. */
  truncated: boolean;
}

/** Average IDF-weighted share of words two groups must have in common to merge; fitted on test/fixtures/gaps (see the bench's Gaps table). */
export const SIMILARITY_THRESHOLD = 0.05;
export const SAMPLE_TERMS = 8;
/** Clustering is quadratic in tickets: beyond this, the newest are grouped (a few hundred ms). */
export const MAX_CLUSTERED = 2000;

export interface ClusterOptions {
  threshold?: number;
}

/**
 * Average-linkage agglomerative clustering of term sets; returns clusters as sorted lists of
 * indexes, ordered by their first index.
 */
export function clusterTermSets(sets: readonly (readonly string[])[], options: ClusterOptions = {}): number[][] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const n = sets.length;
  // topics are content words: stop words dropped (the index keeps them for ranking)
  const stem = termFor(undefined, droppingStopWords(DEFAULT_TOKENISE_OPTIONS));
  const stems = sets.map((s) => [...new Set(s.map((w) => stem(w) ?? w))]);
  const df = new Map<string, number>();
  for (const s of stems) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)]));
  const weight = stems.map((s) => s.reduce((sum, t) => sum + idf.get(t)!, 0));
  const index = stems.map((s) => new Set(s));
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let shared = 0;
      for (const t of stems[i]!) if (index[j]!.has(t)) shared += idf.get(t)!;
      const union = weight[i]! + weight[j]! - shared;
      const s = union > 0 ? shared / union : 0;
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  // Nearest-neighbour chain: follow each group's most similar group until two are each other's
  // nearest, merge them; O(n²) in all. Valid for average linkage, where a merged group is never
  // more similar to a third than the more similar of its parts was: a group whose nearest is
  // below the threshold can never be merged again, so it is final.
  const members = Array.from({ length: n }, (_, i) => [i]);
  const active = new Array<boolean>(n).fill(true);
  const final: number[][] = [];
  const chain: number[] = [];
  let next = 0;
  for (;;) {
    if (chain.length === 0) {
      while (next < n && !active[next]) next++;
      if (next >= n) break;
      chain.push(next);
    }
    const top = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // Ties go to the previous link, so the chain cannot cycle.
    let best = prev;
    let bestSim = prev >= 0 ? sim[top * n + prev]! : -1;
    for (let k = 0; k < n; k++) {
      if (k !== top && active[k] && sim[top * n + k]! > bestSim) {
        best = k;
        bestSim = sim[top * n + k]!;
      }
    }
    if (best < 0 || bestSim < threshold) {
      active[top] = false;
      final.push(members[top]!);
      chain.pop();
      continue;
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const [a, b] = [prev, top];
    const na = members[a]!.length;
    const nb = members[b]!.length;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === a || k === b) continue;
      const merged = (na * sim[a * n + k]! + nb * sim[b * n + k]!) / (na + nb);
      sim[a * n + k] = merged;
      sim[k * n + a] = merged;
    }
    members[a]!.push(...members[b]!);
    active[b] = false;
  }
  return final.map((m) => m.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  const end = isoWeek(last);
  for (let t = Date.parse(first); weeks.length < 1000; t += 7 * 86_400_000) {
    const w = isoWeek(new Date(t).toISOString());
    if (weeks.at(-1) !== w) weeks.push(w);
    if (w === end) break;
  }
  return weeks;
}

/** Gap topics of a set of events (cut to the report's range first). */
export function gapTopics(events: readonly StoredEvent[], options: ClusterOptions = {}): GapsReport {
  return topicsOf(gapItems(events), options);
}

/** Gap topics of the events in a range of report columns (gapItemsOf): what the dashboard shows. */
export function gapTopicsOf(c: EventColumns, range: DateRange, options: ClusterOptions = {}): GapsReport {
  return topicsOf(gapItemsOf(c, range), options);
}

function topicsOf({ items: all, withoutTerms }: { items: GapItem[]; withoutTerms: number }, options: ClusterOptions): GapsReport {
  const sorted = [...all].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const items = sorted.slice(0, MAX_CLUSTERED);
  if (items.length === 0) return { weeks: [], topics: [], tickets: 0, withoutTerms, truncated: false };
  const times = items.map((i) => i.at).sort();
  const weeks = weeksBetween(times[0]!, times.at(-1)!);
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const topics = clusterTermSets(items.map((i) => i.terms), options).map((members): GapTopic => {
    const tickets = members.map((m) => items[m]!);
    const counts = new Map<string, number>();
    for (const t of tickets) for (const w of t.terms) counts.set(w, (counts.get(w) ?? 0) + 1);
    const trend = new Array<number>(weeks.length).fill(0);
    for (const t of tickets) trend[weekIndex.get(isoWeek(t.at))!]!++;
    const ats = tickets.map((t) => t.at).sort();
    return {
      count: tickets.length,
      terms: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SAMPLE_TERMS).map(([w]) => w),
      trend,
      noConfidentAnswerShare: tickets.filter((t) => t.kind === 'no_confident_answer').length / tickets.length,
      first: ats[0]!,
      last: ats.at(-1)!,
      ticketHashes: tickets.map((t) => t.ticketHash),
    };
  });
  topics.sort((a, b) => b.count - a.count || (a.terms[0] ?? '').localeCompare(b.terms[0] ?? ''));
  return { weeks, topics, tickets: items.length, withoutTerms, truncated: all.length > items.length };
}

/**
 * Purity of a grouping against known labels: each cluster counts its most common label, over all
 * items (1 = no cluster mixes topics). Inverse purity is the same with labels and clusters swapped
 * (1 = no topic is split): high purity alone is easy (one cluster per ticket), so both are shown.
 */
export function purity(clusters: readonly (readonly number[])[], labels: readonly string[]): { purity: number; inversePurity: number } {
  const n = labels.length;
  if (n === 0) return { purity: Number.NaN, inversePurity: Number.NaN };
  let pure = 0;
  const byLabel = new Map<string, Map<number, number>>();
  clusters.forEach((members, c) => {
    const counts = new Map<string, number>();
    for (const m of members) {
      const label = labels[m]!;
      counts.set(label, (counts.get(label) ?? 0) + 1);
      const perCluster = byLabel.get(label) ?? new Map<number, number>();
      perCluster.set(c, (perCluster.get(c) ?? 0) + 1);
      byLabel.set(label, perCluster);
    }
    pure += Math.max(0, ...counts.values());
  });
  let inverse = 0;
  for (const perCluster of byLabel.values()) inverse += Math.max(...perCluster.values());
  return { purity: pure / n, inversePurity: inverse / n };
}
