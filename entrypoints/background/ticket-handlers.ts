import type { Ticket } from '@/knowledge/ticket';
import { TAB_NOT_ANSWERING, type InsertOutcome, type InsertRequest, type ReadFailure, type ReadReply, type ReadStamp, type TabState } from '@/knowledge/messages';
import { editRatio } from '@/knowledge/events';
import { learnFromAcceptance } from '@/knowledge/feedback';
import { TICKET_WEIGHTS, ticketQuery } from '@/knowledge/search/ticket-query';
import { mainLocale } from '@/knowledge/search/fallback';
import { readsOf } from '@/knowledge/search/query-language';
import { addLearned, getSettings } from '@/knowledge/store';
import { recordInserted, recordSuggested } from './acceptance';
import type { BackgroundDeps } from './deps';
import { pilotOf } from './pilot';
import { suggestionsFor, withSearchTerms } from './suggestions';

type TicketState = Extract<TabState, { kind: 'ticket' }>;

function agentOf(settings: { agentName: string }): string | undefined {
  return settings.agentName.trim() ? settings.agentName.trim().slice(0, 100) : undefined;
}

/** How far back a read may lie: a tab left open over a week is not measured from its first read. */
const MAX_READ_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * A ticket arrived from a tab: suggest (here, off the panel's thread), keep it, tell the panel, and
 * count it once per read (the same read sent again after a worker restart is not shown twice).
 * `read.readAt` is the content script's clock, the same machine's: only clamped to [now - 7 days, now].
 * When the engine abstains the panel is told twice: the verdict at once, then with the key terms
 * its search box starts from (withSearchTerms: the redactor can take 100-300 ms on a worker's
 * first tickets, which the verdict does not wait for).
 */
export async function onTicket(deps: BackgroundDeps, tabId: number, ticket: Ticket, read: ReadStamp, fromSelection = false): Promise<TicketState> {
  // the index opens (a cold start) while the settings are read; using() below waits for it
  deps.holder.get().catch(() => undefined);
  const settings = await getSettings(deps.db);
  const pilot = await pilotOf(deps.db, settings);
  const { threshold, ...result } = await deps.holder.using((index) => suggestionsFor(ticket, index, (ids) => deps.holder.entries(ids), deps.day(), settings.thresholdOverride, pilot));
  const now = deps.now();
  const readAt = Math.min(now, Math.max(now - MAX_READ_AGE_MS, read.readAt));
  let state: TicketState = { kind: 'ticket', tabId, ticket, result, readAt, readId: read.readId, fromSelection };
  deps.tabs.set(state);
  deps.notifyPanel(state);
  // The message leaves after a few promise turns (the messaging library awaits before it sends): let it go first.
  if (result.abstained) await nextTask();
  const terms = withSearchTerms(ticket, result);
  if (terms.result !== result) {
    const shown = state;
    state = { ...state, result: terms.result };
    // unless another read replaced it meanwhile
    if (deps.tabs.get(tabId) === shown) {
      deps.tabs.set(state);
      deps.notifyPanel(state);
    }
  }
  deps.holder.calibrateSoon(await deps.holder.get());
  const first = await deps.shownReads.claim(tabId, read.readId).catch(() => true);
  // A ticket pilot mode held back is outside the pilot: neither shown nor a knowledge gap.
  if (first && !result.pilotHeld) await recordSuggested(deps.db, state, agentOf(settings), threshold, terms.keyTerms).catch(logAndGoOn);
  return state;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function onReadFailed(deps: BackgroundDeps, tabId: number, failure: ReadFailure): TabState {
  const state: TabState = { kind: 'failed', tabId, failure };
  deps.tabs.set(state);
  deps.notifyPanel(state);
  return state;
}

export function noTicket(deps: BackgroundDeps, tabId: number): TabState {
  const state: TabState = { kind: 'none', tabId };
  deps.tabs.set(state);
  deps.notifyPanel(state);
  return state;
}

/** The panel asks what a tab holds. Nothing known (e.g. after a worker restart): ask the tab to read again. */
export function getTabState(deps: BackgroundDeps, tabId: number): TabState {
  const known = deps.tabs.get(tabId);
  if (known) return known;
  // No script answering is normal here (a page that is no helpdesk), unless a ticket arrived meanwhile.
  deps.content.readAgain(tabId).catch(() => {
    if (deps.tabs.get(tabId)?.kind === 'ticket') tabStoppedAnswering(deps, tabId);
  });
  return { kind: 'none', tabId };
}

/**
 * No script answers in the tab any more (the page was replaced, the extension updated, the script
 * crashed): what was read there is dropped, so the panel cannot offer one customer's answer for
 * another's reply, and it says why.
 */
export function tabStoppedAnswering(deps: BackgroundDeps, tabId: number): TabState {
  const state: TabState = { kind: 'none', tabId, note: TAB_NOT_ANSWERING };
  deps.tabs.set(state);
  deps.notifyPanel(state);
  return state;
}

/** Generic mode: read the agent's selection in the tab, injecting the content script if it is not there. */
export async function readSelection(deps: BackgroundDeps, tabId: number): Promise<TabState> {
  let reply: ReadReply;
  try {
    reply = await deps.content.readSelection(tabId);
  } catch {
    try {
      await deps.inject(tabId);
      reply = await deps.content.readSelection(tabId);
    } catch {
      const note =
        'Agent Assist may not read this tab yet. Select the customer\u2019s message and press the Agent Assist shortcut ' +
        '(Alt+Shift+A) or click its toolbar button, or enable this helpdesk in Settings.';
      const state: TabState = { kind: 'none', tabId, note };
      deps.notifyPanel(state);
      return state;
    }
  }
  if (reply.kind === 'ticket') return onTicket(deps, tabId, reply.ticket, { readAt: reply.readAt, readId: reply.readId }, true);
  if (reply.kind === 'failed') return onReadFailed(deps, tabId, reply.failure);
  const state: TabState = { kind: 'none', tabId, note: reply.reason };
  deps.notifyPanel(state);
  return state;
}

/** Insert at the cursor in the tab (never sends); counts the insert with how much the agent edited. */
export async function insert(deps: BackgroundDeps, req: InsertRequest): Promise<InsertOutcome> {
  let outcome: InsertOutcome;
  try {
    outcome = await deps.content.insert(req.tabId, req.text, req.html, req.into);
  } catch {
    tabStoppedAnswering(deps, req.tabId);
    return { ok: false, method: 'none', reason: TAB_NOT_ANSWERING };
  }
  if (outcome.ok) {
    const settings = await getSettings(deps.db);
    const state = deps.tabs.get(req.tabId);
    await recordInserted(deps.db, req, state, agentOf(settings), deps.now()).catch(logAndGoOn);
    // A note is not an answer the customer reads: it teaches the search nothing.
    if (state?.kind === 'ticket' && req.into !== 'note' && req.entryId && editRatio(req.suggestedText, req.text) <= LEARN_MAX_EDIT) {
      await learn(deps, state, req.entryId, agentOf(settings) ?? 'an agent').catch(logAndGoOn);
    }
  }
  return outcome;
}

/** An answer inserted (nearly) as suggested teaches the index this ticket's wording. */
export const LEARN_MAX_EDIT = 0.5;

async function learn(deps: BackgroundDeps, state: TicketState, entryId: string, who: string): Promise<void> {
  const index = await deps.holder.get();
  const names = state.ticket.requester.name ? [state.ticket.requester.name] : [];
  const phrasing = learnFromAcceptance(index, ticketQuery(state.ticket, TICKET_WEIGHTS, mainLocale(index), readsOf(index)), entryId, { names });
  if (!phrasing) return;
  await addLearned(deps.db, { entryId, text: phrasing.text, terms: phrasing.terms }, who, { names });
  await deps.holder.persist();
}

/** Each worker's refreshes of the open tickets, one after the other (the last one's end). */
const refreshes = new WeakMap<BackgroundDeps, Promise<void>>();

/**
 * After the knowledge changed, every open ticket gets fresh suggestions (not counted as shown
 * again) and the panel is told. Refreshes run one at a time; ticketsRefreshed waits for the ones
 * started so far.
 */
export function refreshTickets(deps: BackgroundDeps): Promise<void> {
  const run = (refreshes.get(deps) ?? Promise.resolve()).then(() => refreshNow(deps));
  refreshes.set(deps, run.catch(() => undefined));
  return run;
}

/** Resolves once every refresh of the open tickets started so far is done (failed ones included). */
export async function ticketsRefreshed(deps: BackgroundDeps): Promise<void> {
  await refreshes.get(deps);
}

async function refreshNow(deps: BackgroundDeps): Promise<void> {
  const settings = await getSettings(deps.db);
  const pilot = await pilotOf(deps.db, settings);
  for (const state of deps.tabs.withTickets()) {
    const { threshold: _t, ...found } = await deps.holder.using((index) => suggestionsFor(state.ticket, index, (ids) => deps.holder.entries(ids), deps.day(), settings.thresholdOverride, pilot));
    const next: TicketState = { ...state, result: withSearchTerms(state.ticket, found).result };
    deps.tabs.set(next);
    deps.notifyPanel(next);
  }
  deps.holder.calibrateSoon(await deps.holder.get());
}

/** Acceptance events are for reports: failing to store one must never block the agent. */
export function logAndGoOn(err: unknown): void {
  console.warn('[agent-assist] could not record an acceptance event:', err instanceof Error ? err.message : err);
}

export { agentOf };
