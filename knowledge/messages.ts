import { z } from 'zod';
import { Entry, MAX_IMPORT_ENTRIES } from './entry.ts';
import { NOTE_MAX, RejectReason } from './events.ts';
import { Ticket } from './ticket.ts';

/**
 * The one typed list of messages between the helpdesk content script, the background service
 * worker and the side panel. A name says who sends it to whom: `contentToBackground.ticketRead`.
 * The background parses everything it receives with these schemas (see `parseMessage`). The
 * content script imports only the types (it ships without zod) and checks its few inputs by hand.
 */

export const MATCH_FIELDS = ['title', 'questions', 'body', 'tags', 'learned'] as const;
export const MatchedTerms = z.partialRecord(z.enum(MATCH_FIELDS), z.array(z.string().max(200)).max(100));
export type MatchedTerms = z.infer<typeof MatchedTerms>;

export const FRESHNESS = ['fresh', 'due-soon', 'stale', 'no-review-date'] as const;

/** A helpdesk page the adapter recognised but could not read: the panel says so instead of guessing. */
export const ReadFailure = z.object({
  helpdesk: z.string().min(1).max(80),
  reason: z.string().max(500),
  url: z.string().max(4000),
});
export type ReadFailure = z.infer<typeof ReadFailure>;

/**
 * When and which read of the page a ticket came from, stamped by the content script as it reads.
 * A forced re-read of the same ticket (the worker restarted) keeps the stamp of the first read.
 */
export const ReadStamp = z.object({
  /** Date.now() in the tab when the content script read the ticket: the time-to-insert starts here. */
  readAt: z.number().int().nonnegative(),
  /** Names one read of one ticket in one tab: "shown" is recorded once per read, even across worker restarts. */
  readId: z.string().min(1).max(64),
});
export type ReadStamp = z.infer<typeof ReadStamp>;

/** What the content script answers when asked to read: a ticket, a failure, or nothing to read. */
export const ReadReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: Ticket, ...ReadStamp.shape }),
  z.object({ kind: z.literal('failed'), failure: ReadFailure }),
  z.object({ kind: z.literal('empty'), reason: z.string().max(500) }),
]);
export type ReadReply = z.infer<typeof ReadReply>;

/**
 * How the content script put the text in (entrypoints/helpdesk.content/insert.ts): `value-setter`
 * (textarea or input, through the prototype's value setter), `paste` (a synthetic paste event),
 * `insertHTML` or `insertText` (document.execCommand); `none` when nothing was tried or nothing went in.
 */
export const INSERT_METHODS = ['value-setter', 'paste', 'insertHTML', 'insertText', 'none'] as const;
export type InsertMethod = (typeof INSERT_METHODS)[number];

export const InsertOutcome = z.object({
  ok: z.boolean(),
  /** One of INSERT_METHODS. On failure, the method that was tried last, or `none`. */
  method: z.enum(INSERT_METHODS),
  reason: z.string().max(500).optional(),
});
export type InsertOutcome = z.infer<typeof InsertOutcome>;

export const LanguageFallback = z.object({ from: z.string().max(35), to: z.string().max(35) });
export type LanguageFallback = z.infer<typeof LanguageFallback>;

export const SuggestionView = z.object({
  entry: Entry,
  score: z.number(),
  confidence: z.number().min(0).max(1),
  matched: MatchedTerms,
  freshness: z.enum(FRESHNESS),
  /** Found by the language fallback: the ticket is in `from`, the entry in `to` (BCP 47 base languages). */
  fallback: LanguageFallback.optional(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const SuggestResultView = z.object({
  abstained: z.boolean(),
  reason: z.string().max(500).optional(),
  suggestions: z.array(SuggestionView).max(10),
});
export type SuggestResultView = z.infer<typeof SuggestResultView>;

/** What the background knows about one tab; the panel renders exactly this. */
export const TabState = z.discriminatedUnion('kind', [
  /** Nothing read on this tab (not an enabled helpdesk, or nothing selected). */
  z.object({ kind: z.literal('none'), tabId: z.number().int(), note: z.string().max(500).optional() }),
  z.object({ kind: z.literal('failed'), tabId: z.number().int(), failure: ReadFailure }),
  z.object({
    kind: z.literal('ticket'),
    tabId: z.number().int(),
    ticket: Ticket,
    result: SuggestResultView,
    /** The content script's read of the ticket (ReadStamp.readAt: when it was read, in the tab). */
    ...ReadStamp.shape,
    /** The text the ticket came from a selection (generic mode). */
    fromSelection: z.boolean(),
  }),
]);
export type TabState = z.infer<typeof TabState>;

export const KnowledgeStatus = z.object({
  total: z.number().int().nonnegative(),
  suggestable: z.number().int().nonnegative(),
});
export type KnowledgeStatus = z.infer<typeof KnowledgeStatus>;

export const ManualHit = z.object({
  entry: Entry,
  score: z.number(),
  matched: MatchedTerms,
  freshness: z.enum(FRESHNESS),
});
export type ManualHit = z.infer<typeof ManualHit>;

const EntryId = z.string().min(1).max(128);
const TabId = z.number().int().nonnegative();
const Note = z.string().max(NOTE_MAX).optional();
/** Where the answer stood in the list the agent saw (1 = top). */
const Rank = z.number().int().min(1).max(100);
const AnswerText = z.string().max(40_000);

/** What the agent did with an answer; the background turns it into a redacted acceptance event. */
export const Feedback = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('copied'), tabId: TabId, entryId: EntryId, rank: Rank }),
  z.object({ kind: z.literal('rejected'), tabId: TabId, entryId: EntryId, rank: Rank.optional(), reason: RejectReason, note: Note }),
  z.object({ kind: z.literal('flagged-outdated'), tabId: TabId, entryId: EntryId, note: Note }),
  z.object({
    kind: z.literal('manual-search-used'),
    tabId: TabId,
    /** Only the length is kept: a query often quotes the customer. */
    queryLength: z.number().int().min(0).max(500),
    resultCount: z.number().int().min(0).max(1000),
    chosenEntryId: EntryId.optional(),
  }),
]);
export type Feedback = z.infer<typeof Feedback>;

export const InsertRequest = z.object({
  tabId: TabId,
  /** The entry the text came from, when it came from one. */
  entryId: EntryId.optional(),
  rank: Rank.optional(),
  /** The answer as suggested (placeholders filled), to measure how much the agent edited. */
  suggestedText: AnswerText,
  text: AnswerText.min(1),
  /** The same answer as HTML (the panel's rendering of its Markdown), for rich editors. */
  html: AnswerText.optional(),
});
export type InsertRequest = z.infer<typeof InsertRequest>;

/** Entries checked by the panel (knowledge/standardise.ts runs there, off the worker) for the background to land. */
export const ApplyImportRequest = z.object({ entries: z.array(Entry).max(MAX_IMPORT_ENTRIES) });
export const ImportReportView = z.object({
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type ImportReportView = z.infer<typeof ImportReportView>;

export const SettingsPatchView = z.object({
  agentName: z.string().max(100).optional(),
  agentSignature: z.string().max(2000).optional(),
  companyName: z.string().max(200).optional(),
  helpdeskDomains: z.array(z.string().max(300)).max(100).optional(),
  genericSelectors: z
    .array(z.object({ domain: z.string().max(300), subject: z.string().max(500), message: z.string().max(500), replyBox: z.string().max(500) }))
    .max(100)
    .optional(),
});
export type SettingsPatchView = z.infer<typeof SettingsPatchView>;

export const SettingsView = SettingsPatchView.required();
export type SelectorsForPage = { domain: string; subject: string; message: string; replyBox: string };
export type SettingsView = z.infer<typeof SettingsView>;

/**
 * A phrasing the search learned for an entry (an agent inserted the entry nearly as suggested), as
 * Settings lists it. `text` was redacted when it was stored; `entryTitle` is absent when the entry is gone.
 */
export const LearnedPhrasingView = z.object({
  id: z.number().int().positive(),
  entryId: EntryId,
  entryTitle: z.string().max(500).optional(),
  text: z.string().max(500),
  terms: z.array(z.string().max(200)).max(100),
  /** Who taught it first, and when (ISO 8601). */
  who: z.string().max(200),
  at: z.string().max(40),
  /** How many times it was learned (the same wording inserted again): one phrasing to the index, removed as one. */
  times: z.number().int().positive(),
});
export type LearnedPhrasingView = z.infer<typeof LearnedPhrasingView>;

/** Which learned phrasings to forget: one (by its id; every copy of it) or every one of an entry. */
export const RemoveLearnedRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('one'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('entry'), entryId: EntryId }),
]);
export type RemoveLearnedRequest = z.infer<typeof RemoveLearnedRequest>;

/** Either the value or a message a person can act on (no stack traces). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Data schemas, by message name. Handlers parse with these before doing anything. */
export const MESSAGE_DATA = {
  'contentToBackground.ticketRead': z.object({ ticket: Ticket, ...ReadStamp.shape }),
  'contentToBackground.readFailed': z.object({ failure: ReadFailure }),
  'contentToBackground.noTicket': z.undefined(),
  'contentToBackground.getSelectors': z.object({ url: z.string().max(4000) }),
  'backgroundToContent.readAgain': z.undefined(),
  'backgroundToContent.readSelection': z.undefined(),
  'backgroundToContent.insert': z.object({ text: AnswerText.min(1), html: AnswerText.optional() }),
  'panelToBackground.getTabState': z.object({ tabId: TabId }),
  'panelToBackground.readSelection': z.object({ tabId: TabId }),
  'panelToBackground.insert': InsertRequest,
  'panelToBackground.feedback': Feedback,
  'panelToBackground.search': z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(20) }),
  'panelToBackground.knowledgeStatus': z.undefined(),
  'panelToBackground.loadSample': z.undefined(),
  'panelToBackground.applyImport': ApplyImportRequest,
  'panelToBackground.getSettings': z.undefined(),
  'panelToBackground.saveSettings': SettingsPatchView,
  'panelToBackground.syncRegistrations': z.undefined(),
  'panelToBackground.listLearned': z.undefined(),
  'panelToBackground.removeLearned': RemoveLearnedRequest,
  'backgroundToPanel.tabStateChanged': TabState,
} as const;

export type MessageName = keyof typeof MESSAGE_DATA;
export type MessageData<N extends MessageName> = z.infer<(typeof MESSAGE_DATA)[N]>;

/** Name -> (data) => reply, in the form @webext-core/messaging's defineExtensionMessaging expects. */
export interface ProtocolMap {
  'contentToBackground.ticketRead'(data: MessageData<'contentToBackground.ticketRead'>): { ok: boolean };
  'contentToBackground.readFailed'(data: MessageData<'contentToBackground.readFailed'>): { ok: boolean };
  'contentToBackground.noTicket'(): { ok: boolean };
  /** Selectors saved for the page's domain (generic mode b); `domain` is a host name here. */
  'contentToBackground.getSelectors'(data: MessageData<'contentToBackground.getSelectors'>): SelectorsForPage[];
  'backgroundToContent.readAgain'(): { ok: boolean };
  'backgroundToContent.readSelection'(): ReadReply;
  'backgroundToContent.insert'(data: MessageData<'backgroundToContent.insert'>): InsertOutcome;
  'panelToBackground.getTabState'(data: MessageData<'panelToBackground.getTabState'>): TabState;
  'panelToBackground.readSelection'(data: MessageData<'panelToBackground.readSelection'>): TabState;
  'panelToBackground.insert'(data: InsertRequest): InsertOutcome;
  'panelToBackground.feedback'(data: Feedback): { ok: boolean };
  'panelToBackground.search'(data: MessageData<'panelToBackground.search'>): ManualHit[];
  'panelToBackground.knowledgeStatus'(): KnowledgeStatus;
  'panelToBackground.loadSample'(): Outcome<ImportReportView>;
  'panelToBackground.applyImport'(data: MessageData<'panelToBackground.applyImport'>): Outcome<ImportReportView>;
  'panelToBackground.getSettings'(): SettingsView;
  'panelToBackground.saveSettings'(data: SettingsPatchView): Outcome<SettingsView>;
  'panelToBackground.syncRegistrations'(): { origins: string[] };
  'panelToBackground.listLearned'(): LearnedPhrasingView[];
  /** How many phrasings (different texts) were removed: 0 when they were already gone. */
  'panelToBackground.removeLearned'(data: RemoveLearnedRequest): Outcome<{ removed: number }>;
  'backgroundToPanel.tabStateChanged'(data: TabState): void;
}

export class MessageError extends Error {
  override name = 'MessageError';
}

/** Parses incoming data at a boundary; the error names the message and the field. */
export function parseMessage<N extends MessageName>(name: N, data: unknown): MessageData<N> {
  const parsed = MESSAGE_DATA[name].safeParse(data);
  if (parsed.success) return parsed.data as MessageData<N>;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'data';
  throw new MessageError(`${name}: ${where} ${issue?.message ?? 'is invalid'}`);
}
