import { describeWhyNotSuggested, isSuggestable, today, type Entry } from '../entry.ts';
import { KnowledgeIndex, type LearnedPhrasing } from '../search/index.ts';
import { suggest } from '../suggest.ts';
import type { Ticket } from '../ticket.ts';

/** How many suggestions the agents' panel shows (entrypoints/background/suggestions.ts PANEL_LIMIT). */
export const SHOWN_TO_AGENTS = 3;
/** How far down "try it" looks for the entry. */
export const TRY_DEPTH = 20;

/**
 * An index like the service worker's (the same build, with the learned phrasings, one per entry
 * and text), except that it holds the entries: "try it" swaps the edited entry in and out.
 */
export function tryItIndex(entries: readonly Entry[], learned: readonly LearnedPhrasing[]): KnowledgeIndex {
  const seen = new Set<string>();
  const once = learned.filter((l) => {
    const k = `${l.entryId}\u0000${l.text}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return KnowledgeIndex.build(entries, undefined, once, true);
}

export interface TryItHit {
  id: string;
  title: string;
  confidence: number;
}

export interface TryItResult {
  /** 1-based place of the entry among the suggestions; undefined when not in the first TRY_DEPTH. */
  rank?: number;
  confidence?: number;
  /** Entries ranked above it (all the first TRY_DEPTH when it is not among them). */
  above: TryItHit[];
  /** The agents' panel would show it: among the first three, and the top one confident enough. */
  shown: boolean;
  abstained: boolean;
  threshold: number;
  /** Why agents are not shown the entry today whatever the ticket (draft, overdue since …): it was ranked as if approved and in date. */
  notSuggested: string[];
}

/** The ticket "try it" builds from what the lead pastes. */
export function pastedTicket(subject: string, message: string): Ticket {
  return { helpdesk: 'demo', id: '', subject: subject.trim(), requester: {}, latestMessage: message.trim(), thread: [], tags: [] };
}

/**
 * Where `draft` (the editor's unsaved entry) ranks for a ticket, with the same engine, options and
 * confidence the agents get. An entry that agents cannot be shown today is ranked as if it were
 * approved and in date, and `notSuggested` says why it is not. The index is left as it was.
 */
export function tryIt(index: KnowledgeIndex, draft: Entry, ticket: Ticket, options: { day?: string; threshold?: number } = {}): TryItResult {
  const day = options.day ?? today();
  const notSuggested = describeWhyNotSuggested(draft, day);
  const asIfLive: Entry = { ...draft, status: 'approved' };
  if (!isSuggestable(asIfLive, day)) delete asIfLive.reviewBy;
  const before = index.get(draft.id);
  index.add(asIfLive);
  try {
    const result = suggest(ticket, index, { limit: TRY_DEPTH, day, ...(options.threshold !== undefined ? { threshold: options.threshold } : {}) });
    const at = result.suggestions.findIndex((s) => s.entry.id === draft.id);
    const hits = result.suggestions.map((s) => ({ id: s.entry.id, title: s.entry.title, confidence: s.confidence }));
    return {
      ...(at >= 0 ? { rank: at + 1, confidence: hits[at]!.confidence } : {}),
      above: at >= 0 ? hits.slice(0, at) : hits,
      shown: at >= 0 && at < SHOWN_TO_AGENTS && !result.abstained,
      abstained: result.abstained,
      threshold: result.threshold,
      notSuggested,
    };
  } finally {
    if (before) index.add(before);
    else index.remove(draft.id);
  }
}
