import { editHunks } from '@/knowledge/edits';
import { editRatio } from '@/knowledge/events';
import { keyTerms } from '@/knowledge/key-terms';
import type { Feedback, InsertRequest, TabState } from '@/knowledge/messages';
import { purgeIfDue, recordEvent as storeEvent, type EventInput, type KnowledgeDb, type RecordOptions } from '@/knowledge/store';

type TicketRef = EventInput['ticket'];

/** Stores the event, then purges expired events when today's purge has not run (store/retention.ts). */
async function recordEvent(db: KnowledgeDb, input: EventInput, options: RecordOptions = {}): Promise<void> {
  await storeEvent(db, input, options);
  await purgeIfDue(db);
}
const MAX_MS = 7 * 24 * 3600 * 1000;

/** The ticket an event is counted under; a tab where reading failed is counted by its URL. */
export function ticketRef(state: TabState | undefined): TicketRef {
  if (state?.kind === 'ticket') return { helpdesk: state.ticket.helpdesk, id: state.ticket.id, url: state.ticket.url };
  if (state?.kind === 'failed') return { helpdesk: state.failure.helpdesk, id: '', url: state.failure.url };
  return { helpdesk: 'none', id: '' };
}

function names(state: TabState | undefined): string[] {
  const name = state?.kind === 'ticket' ? state.ticket.requester.name : undefined;
  return name ? [name] : [];
}

function sinceRead(state: TabState | undefined, now: number): number | undefined {
  if (state?.kind !== 'ticket') return undefined;
  return Math.min(MAX_MS, Math.max(0, Math.round(now - state.readAt)));
}

/**
 * Records what the background saw: suggestions shown, or no confident answer with the threshold
 * the engine used and the best confidence it saw (none when no entry matched at all).
 */
export async function recordSuggested(db: KnowledgeDb, state: Extract<TabState, { kind: 'ticket' }>, agent: string | undefined, threshold: number, terms?: string[]): Promise<void> {
  const ticket = ticketRef(state);
  const { suggestions, abstained } = state.result;
  if (abstained || suggestions.length === 0) {
    const best = suggestions[0]?.confidence;
    await recordEvent(db, { type: 'no_confident_answer', ticket, agent, threshold, keyTerms: terms ?? keyTerms(state.ticket), ...(best !== undefined ? { bestConfidence: best } : {}) });
    return;
  }
  await recordEvent(db, {
    type: 'shown',
    ticket,
    agent,
    suggestions: suggestions.map((s, i) => ({ entryId: s.entry.id, rank: i + 1, confidence: s.confidence })),
  });
}

/** The agent's edits go with the event (the store redacts them, the requester's name too) so the owner can be offered the typical one. */
export async function recordInserted(db: KnowledgeDb, req: InsertRequest, state: TabState | undefined, agent: string | undefined, now: number): Promise<void> {
  if (!req.entryId) return;
  const edits = editHunks(req.suggestedText, req.text);
  await recordEvent(db, {
    type: 'inserted',
    ticket: ticketRef(state),
    agent,
    entryId: req.entryId,
    rank: req.rank ?? 1,
    editRatio: editRatio(req.suggestedText, req.text),
    msFromRead: sinceRead(state, now),
    ...(edits && edits.length > 0 ? { edits } : {}),
  }, { names: names(state) });
}

/** One event per feedback message; notes are redacted by the store (the requester's name too). */
export async function recordFeedback(db: KnowledgeDb, fb: Feedback, state: TabState | undefined, agent: string | undefined, now: number): Promise<void> {
  const ticket = ticketRef(state);
  const options = { names: names(state) };
  switch (fb.kind) {
    case 'copied':
      await recordEvent(db, { type: 'copied', ticket, agent, entryId: fb.entryId, rank: fb.rank, msFromRead: sinceRead(state, now) }, options);
      return;
    case 'rejected':
      await recordEvent(db, { type: 'rejected', ticket, agent, entryId: fb.entryId, rank: fb.rank, reason: fb.reason, ...(fb.note ? { note: fb.note } : {}), ...(state?.kind === 'ticket' ? { keyTerms: keyTerms(state.ticket) } : {}) }, options);
      return;
    case 'flagged-outdated':
      await recordEvent(db, { type: 'flagged_outdated', ticket, agent, entryId: fb.entryId, ...(fb.note ? { note: fb.note } : {}) }, options);
      return;
    case 'manual-search-used':
      await recordEvent(db, {
        type: 'manual_search',
        ticket,
        agent,
        queryLength: fb.queryLength,
        resultCount: fb.resultCount,
        ...(fb.chosenEntryId ? { chosenEntryId: fb.chosenEntryId } : {}),
      });
      return;
  }
}
