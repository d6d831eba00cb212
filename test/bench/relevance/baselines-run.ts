import type { Entry } from '../../../knowledge/entry.ts';
import type { Ticket } from '../../../knowledge/ticket.ts';
import type { Ranker } from '../baselines.ts';
import type { Labelled, Outcome } from './ours.ts';

/** What a plain library is given for a ticket: subject and latest message as they are. */
export function plainText(q: Labelled): string {
  return q.text ?? ticketText(q.ticket!);
}

const ticketText = (t: Ticket) => `${t.subject}\n${t.latestMessage}`;

/** A plain library over approved entries only (the same entries our engine may suggest). */
export function runRanker(ranker: Ranker, entries: readonly Entry[], queries: readonly Labelled[], suggestable: (e: Entry) => boolean): Outcome[] {
  ranker.build(entries.filter(suggestable));
  return queries.map((q) => {
    const ranked = ranker.rank(plainText(q), 10);
    return { ranked, relevant: q.relevant, confidence: 1, correct: ranked[0] !== undefined && q.relevant.includes(ranked[0]), shown: ranked.length > 0 };
  });
}
