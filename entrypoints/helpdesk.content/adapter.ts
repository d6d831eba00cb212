/**
 * The one interface every helpdesk adapter implements (see adapters/index.ts for the list).
 * An adapter reads a Document and a URL handed to it, so it is tested against saved pages in
 * Node. It never guesses: when the page's markup has changed it says what it could not find.
 */
import type { Ticket, TicketMessage } from '../../knowledge/ticket';
import { guessLocale } from './locale';

/** The parts of a Ticket an adapter reads, as named in its evidence list. */
export type TicketField = 'id' | 'subject' | 'requester.name' | 'requester.email' | 'messages' | 'direction' | 'notes' | 'tags' | 'status' | 'replyBox';

export type ReadResult = { ok: true; ticket: Ticket } | { ok: false; helpdesk: string; reason: string };

export interface HelpdeskAdapter {
  /** Ticket.helpdesk: zendesk, freshdesk, helpscout, ... */
  id: string;
  /** For people: "Zendesk Agent Workspace". */
  name: string;
  /** Which version/date of the page the selectors were written against, and where they come from. */
  writtenAgainst: string;
  /**
   * A hosted helpdesk's match patterns: its row in knowledge/hosted-helpdesks.ts, which Settings asks for. Absent
   * for adapters that match by path on any domain the agent adds (Jira also reads Data Center sites).
   */
  hosts?: readonly string[];
  /**
   * Hosted adapters: for each field it reads, the independent public source that selects the same
   * markup, with its date ("CLK 2026-03-10"). A field not listed has no evidence: the adapter must
   * not require it (the fixture test reads a page built only from evidenced markup).
   */
  evidence?: Partial<Record<TicketField, string>>;
  matches(url: URL): boolean;
  readTicket(doc: Document, url: URL): ReadResult;
  /**
   * The editable element of the reply to the customer, or null while none is open and visible.
   * Never an internal-note editor, never an editor inside the ticket thread (see dom.ts findEditor).
   */
  findReplyBox(doc: Document): HTMLElement | null;
  /** The internal-note editor while it is open and visible, else null: Insert uses it only when the agent chose the note. */
  findNoteBox(doc: Document): HTMLElement | null;
}

export function fail(helpdesk: string, reason: string): ReadResult {
  return { ok: false, helpdesk, reason };
}

/** Text a team lead's saved selectors read for this page (adapters/saved-fields.ts): they win field by field. */
export interface SavedFields {
  subject?: string;
  message?: string;
}

let savedFields: SavedFields | null = null;

/** Runs an adapter's read with the saved fields applied where its ticket is assembled. */
export function withSavedFields<T>(fields: SavedFields, read: () => T): T {
  const outer = savedFields;
  savedFields = fields;
  try {
    return read();
  } finally {
    savedFields = outer;
  }
}

/** What an adapter found on the page, before the latest customer message is picked out. */
export interface TicketParts {
  helpdesk: string;
  id: string;
  url: URL;
  subject: string;
  requester: { name?: string; email?: string };
  /** Every message, oldest first, notes included. */
  messages: TicketMessage[];
  tags?: string[];
  status?: string;
}

// The schema's limits (knowledge/ticket.ts), applied here so a huge page never fails validation.
const MAX_TEXT = 100_000;
const MAX_THREAD = 500;

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === '') delete o[k];
  return o;
}

/**
 * Orders messages oldest first: by timestamp when every message has one, otherwise from the
 * page's own order (`newestFirst` when the helpdesk lists the newest on top).
 */
export function oldestFirst(messages: TicketMessage[], newestFirst: boolean): TicketMessage[] {
  const list = newestFirst ? [...messages].reverse() : [...messages];
  if (list.length > 1 && list.every((m) => m.at !== undefined)) {
    return list
      .map((m, i) => ({ m, i }))
      .sort((a, b) => a.m.at!.localeCompare(b.m.at!) || a.i - b.i)
      .map(({ m }) => m);
  }
  return list;
}

/**
 * The ticket from what the adapter found: the newest customer message becomes latestMessage,
 * everything else stays in the thread. No customer message means no ticket (never an agent's
 * reply or an internal note in its place).
 */
export function assembleTicket(parts: TicketParts, doc: Document): ReadResult {
  let messages = parts.messages.filter((m) => m.text !== '');
  if (savedFields?.message) {
    // The lead's saved message selector names the latest customer message: it wins over the adapter's guess.
    const message = savedFields.message;
    messages = [...messages.filter((m) => m.text !== message), { direction: 'customer', text: message }];
  }
  if (savedFields?.subject) parts = { ...parts, subject: savedFields.subject };
  let latest = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'customer') {
      latest = i;
      break;
    }
  }
  if (latest < 0) return fail(parts.helpdesk, 'no message from the customer found in the thread');
  const text = clip(messages[latest]!.text, MAX_TEXT);
  const thread = messages
    .filter((_, i) => i !== latest)
    .slice(-MAX_THREAD)
    .map((m) => compact({ ...m, text: clip(m.text, MAX_TEXT), author: m.author?.slice(0, 300) }));
  const ticket: Ticket = {
    helpdesk: parts.helpdesk,
    id: parts.id.slice(0, 200),
    url: parts.url.href.slice(0, 4000),
    subject: parts.subject.slice(0, 2000),
    requester: compact({ name: parts.requester.name?.slice(0, 300), email: parts.requester.email?.slice(0, 320) }),
    latestMessage: text,
    thread,
    tags: [...new Set(parts.tags ?? [])].filter(Boolean).slice(0, 200).map((t) => t.slice(0, 200)),
  };
  const status = parts.status?.slice(0, 100);
  const locale = guessLocale(text, doc);
  if (status) ticket.status = status;
  if (locale) ticket.locale = locale;
  return { ok: true, ticket };
}

/** A Ticket field could not be read: the helpdesk's markup changed, or this is not a ticket page. */
export class Missing extends Error {}

/** Returns the value, or throws Missing naming what was looked for (caught by `reading`). */
export function need<T>(value: T | null | undefined | '', what: string): T {
  if (value === null || value === undefined || value === '') throw new Missing(what);
  return value;
}

/** Runs an adapter's reader; a Missing field becomes {ok:false, reason: "<what> not found"}. */
export function reading(helpdesk: string, read: () => ReadResult): ReadResult {
  try {
    return read();
  } catch (e) {
    if (e instanceof Missing) return fail(helpdesk, `${e.message} not found (the page's markup may have changed)`);
    throw e;
  }
}

export { onHostedHelpdesk } from '@/knowledge/hosted-helpdesks';
