import { z } from 'zod';
import { Entry } from './entry.ts';
import { NOTE_MAX, RejectReason } from './events.ts';
import type { SenderKind, SenderOf } from './senders.ts';
import { Ticket } from './ticket.ts';

/**
 * The one typed list of messages between the helpdesk content script, the background service
 * worker and the extension's pages (side panel, dashboard): `MESSAGES` at the end of this file. A
 * name says who sends it to whom: `contentToBackground.ticketRead`. Each message names who may send
 * it, and the receiver refuses anyone else (knowledge/senders.ts); requests are parsed by the
 * receiver and replies by the sender (knowledge/protocol.ts). The content script imports only the
 * types (it ships without zod) and checks its few inputs by hand.
 */

export const MATCH_FIELDS = ['title', 'questions', 'body', 'tags', 'learned'] as const;
export const MatchedTerms = z.partialRecord(z.enum(MATCH_FIELDS), z.array(z.string().max(200)).max(100));
export type MatchedTerms = z.infer<typeof MatchedTerms>;

export const FRESHNESS = ['fresh', 'due-soon', 'stale', 'no-review-date'] as const;

/**
 * What a team lead needs to report or fix a failed read (entrypoints/helpdesk.content/diagnose.ts):
 * the selectors the adapter tried with their match counts, the page's shape and version hints.
 * Never page text, so never customer data.
 */
export const ReadDiagnosis = z.object({
  adapter: z.string().max(80),
  writtenAgainst: z.string().max(500),
  page: z.string().max(300),
  probes: z.array(z.object({ selector: z.string().max(300), count: z.number().int().nonnegative() })).max(80),
  hints: z.array(z.string().max(200)).max(20),
});
export type ReadDiagnosis = z.infer<typeof ReadDiagnosis>;

/** A helpdesk page the adapter recognised but could not read: the panel says so instead of guessing. */
export const ReadFailure = z.object({
  helpdesk: z.string().min(1).max(80),
  reason: z.string().max(500),
  url: z.string().max(4000),
  diagnosis: ReadDiagnosis.optional(),
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

/** Where an answer goes: the reply to the customer, or an internal note (only when the agent chose it). */
export const INSERT_TARGETS = ['reply', 'note'] as const;
export const InsertTarget = z.enum(INSERT_TARGETS);
export type InsertTarget = z.infer<typeof InsertTarget>;

export const InsertOutcome = z.object({
  ok: z.boolean(),
  /** One of INSERT_METHODS. On failure, the method that was tried last, or `none`. */
  method: z.enum(INSERT_METHODS),
  reason: z.string().max(500).optional(),
  /** The editor the answer went into (or was tried). */
  into: InsertTarget.optional(),
  /** No reply editor is open but an internal note is: the panel offers the note as an explicit choice. */
  noteOpen: z.boolean().optional(),
});
export type InsertOutcome = z.infer<typeof InsertOutcome>;
/**
 * An insert's reason when no script answered in the tab: the worker has dropped the tab's ticket,
 * and the panel must not copy the answer instead (the tab may show another customer by now).
 */
export const TAB_NOT_ANSWERING = 'This tab no longer answers: reload the helpdesk page.';

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
  /** Pilot mode held back the answers this ticket would have had (they are outside the pilot's tags). */
  pilotHeld: z.boolean().optional(),
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
  /** `note` only when the agent chose the internal note; otherwise the reply to the customer. */
  into: InsertTarget.optional(),
});
export type InsertRequest = z.infer<typeof InsertRequest>;

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
  /** The team's shared salt for ticket hashes; null: none (this installation's own salt). */
  teamSalt: z.string().max(200).nullable().optional(),
  retentionDays: z.number().int().optional(),
  pilot: z.object({ on: z.boolean(), tags: z.array(z.string().max(100)).max(10) }).optional(),
});
export type SettingsPatchView = z.infer<typeof SettingsPatchView>;

export const SettingsView = SettingsPatchView.required();
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

const Ok = z.object({ ok: z.boolean() });
const Nothing = z.undefined();

/** Selectors saved for the page's origin (generic mode b); `domain` is a host name here. */
export const SelectorsForPage = z.object({ domain: z.string(), subject: z.string(), message: z.string(), replyBox: z.string() });
export type SelectorsForPage = z.infer<typeof SelectorsForPage>;

/** The schema of an Outcome<T>. */
function outcome<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: z.string() })]);
}

/**
 * One message: who may send it, who answers it, its request's and its reply's schemas. The
 * receiver checks the sender (knowledge/senders.ts) and parses the request; the sender parses the
 * reply on arrival (the content script, which ships without zod, checks its few replies by hand).
 */
export interface MessageSpec<From extends SenderKind = SenderKind, To extends Receiver = Receiver, Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  from: From;
  to: To;
  request: Req;
  reply: Rep;
}
/** Who answers: the service worker, the content script in the tab, or the extension's pages (panel, dashboard). */
export type Receiver = 'worker' | 'content' | 'page';

const fromContent = <Req extends z.ZodType, Rep extends z.ZodType>(request: Req, reply: Rep): MessageSpec<'content', 'worker', Req, Rep> => ({ from: 'content', to: 'worker', request, reply });
const fromPage = <Req extends z.ZodType, Rep extends z.ZodType>(request: Req, reply: Rep): MessageSpec<'page', 'worker', Req, Rep> => ({ from: 'page', to: 'worker', request, reply });
const toContent = <Req extends z.ZodType, Rep extends z.ZodType>(request: Req, reply: Rep): MessageSpec<'background', 'content', Req, Rep> => ({ from: 'background', to: 'content', request, reply });
const toPages = <Req extends z.ZodType, Rep extends z.ZodType>(request: Req, reply: Rep): MessageSpec<'background', 'page', Req, Rep> => ({ from: 'background', to: 'page', request, reply });

/**
 * THE protocol: every message, once. To add one, add a line here (`fromPage(Request, Reply)` for a
 * panel or dashboard asking the worker, `fromContent` for the content script asking it, `toContent`
 * / `toPages` for the worker telling them), then TypeScript asks for its handler in the receiver
 * (entrypoints/background/listen.ts for the worker). Pages call it with `client.send(name, data)`.
 */
export const MESSAGES = {
  'contentToBackground.ticketRead': fromContent(z.object({ ticket: Ticket, ...ReadStamp.shape }), Ok),
  'contentToBackground.readFailed': fromContent(z.object({ failure: ReadFailure }), Ok),
  'contentToBackground.noTicket': fromContent(Nothing, Ok),
  /** The page's URL is the sender's, never the message's. */
  'contentToBackground.getSelectors': fromContent(Nothing, z.array(SelectorsForPage).max(100)),
  'backgroundToContent.readAgain': toContent(Nothing, Ok),
  'backgroundToContent.readSelection': toContent(Nothing, ReadReply),
  'backgroundToContent.insert': toContent(z.object({ text: AnswerText.min(1), html: AnswerText.optional(), into: InsertTarget.optional() }), InsertOutcome),
  'panelToBackground.getTabState': fromPage(z.object({ tabId: TabId }), TabState),
  'panelToBackground.readSelection': fromPage(z.object({ tabId: TabId }), TabState),
  'panelToBackground.insert': fromPage(InsertRequest, InsertOutcome),
  'panelToBackground.feedback': fromPage(Feedback, Ok),
  'panelToBackground.search': fromPage(z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(20) }), z.array(ManualHit).max(20)),
  'panelToBackground.knowledgeStatus': fromPage(Nothing, KnowledgeStatus),
  'panelToBackground.loadSample': fromPage(Nothing, outcome(ImportReportView)),
  'panelToBackground.getSettings': fromPage(Nothing, SettingsView),
  'panelToBackground.saveSettings': fromPage(SettingsPatchView, outcome(SettingsView)),
  'panelToBackground.syncRegistrations': fromPage(Nothing, z.object({ origins: z.array(z.string()) })),
  'panelToBackground.listLearned': fromPage(Nothing, z.array(LearnedPhrasingView)),
  /** How many phrasings (different texts) were removed: 0 when they were already gone. */
  'panelToBackground.removeLearned': fromPage(RemoveLearnedRequest, outcome(z.object({ removed: z.number().int().nonnegative() }))),
  'backgroundToPanel.tabStateChanged': toPages(TabState, z.unknown()),
} as const satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof MESSAGES;
export type MessageData<N extends MessageName> = z.infer<(typeof MESSAGES)[N]['request']>;
export type MessageReply<N extends MessageName> = z.infer<(typeof MESSAGES)[N]['reply']>;
/** The messages `to` answers. */
export type MessagesTo<To extends Receiver> = { [N in MessageName]: (typeof MESSAGES)[N]['to'] extends To ? N : never }[MessageName];
/** The messages `from` may send. */
export type MessagesFrom<From extends SenderKind> = { [N in MessageName]: (typeof MESSAGES)[N]['from'] extends From ? N : never }[MessageName];
/** The sender kind of a message. */
export type SenderOfMessage<N extends MessageName> = SenderOf<(typeof MESSAGES)[N]['from']>;
/** Every handler `to` must have: a missing one is a type error. It gets the data parsed and the sender checked. */
export type Handlers<To extends Receiver> = {
  [N in MessagesTo<To>]: (data: MessageData<N>, sender: SenderOfMessage<N>) => MessageReply<N> | Promise<MessageReply<N>>;
};

/** Name -> (data) => reply, in the form @webext-core/messaging's defineExtensionMessaging expects. */
export type ProtocolMap = { [N in MessageName]: (data: MessageData<N>) => MessageReply<N> };

export class MessageError extends Error {
  override name = 'MessageError';
}

function failure(name: string, what: string, error: z.ZodError): MessageError {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : what;
  return new MessageError(`${name}: ${where} ${issue?.message ?? 'is invalid'}`);
}

/** Parses incoming data at a boundary; the error names the message and the field. */
export function parseMessage<N extends MessageName>(name: N, data: unknown): MessageData<N> {
  const parsed = MESSAGES[name].request.safeParse(data);
  if (parsed.success) return parsed.data as MessageData<N>;
  throw failure(name, 'data', parsed.error);
}

/** Parses a reply on arrival; the error names the message and the field. */
export function parseReply<N extends MessageName>(name: N, reply: unknown): MessageReply<N> {
  const parsed = MESSAGES[name].reply.safeParse(reply);
  if (parsed.success) return parsed.data as MessageReply<N>;
  throw failure(name, 'reply', parsed.error);
}
