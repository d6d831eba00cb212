import type { InsertOutcome, InsertTarget, ReadReply, SelectorsForPage } from '../../knowledge/messages';
import { readTicketFromSelection } from './adapters/index';
import { insertIntoReplyBox } from './insert';
import { newReadId } from './watch';

/**
 * Answers to the background's requests. Inputs are checked by hand here (the content script
 * ships without zod); the background parses every reply with the schemas.
 */
/** The agent's selection as a ticket; `now` (Date.now()) is the read's time: every selection read is a new read. */
export function selectionReply(selection: string, url: URL, now: number): ReadReply {
  const read = readTicketFromSelection(selection, url);
  return read.ok ? { kind: 'ticket', ticket: read.ticket, readAt: now, readId: newReadId(now) } : { kind: 'empty', reason: read.reason };
}

/** The editors open on the page, as the adapter tells them apart (null: none open). */
export interface OpenEditors {
  reply: HTMLElement | null;
  note: HTMLElement | null;
  /** False when no adapter reads the page (generic selection mode): no editor is known there. */
  known?: boolean;
}

/**
 * Puts the answer into the reply to the customer; into the internal note only when the agent chose
 * it (`into: 'note'`). Never into whatever has focus: with no adapter, or no editor it knows, the
 * answer goes nowhere and the panel copies it instead.
 */
export function insertReply(open: OpenEditors, data: unknown): InsertOutcome {
  const d = data as { text?: unknown; html?: unknown; into?: unknown } | undefined;
  if (typeof d?.text !== 'string' || !d.text.trim()) return { ok: false, method: 'none', reason: 'there is no text to insert' };
  const into: InsertTarget = d.into === 'note' ? 'note' : 'reply';
  const box = open[into];
  if (!box) {
    if (into === 'note') return { ok: false, method: 'none', into, reason: 'the internal note is not open any more' };
    if (open.known === false) return { ok: false, method: 'none', into, reason: "the extension does not know this page's reply box, and it never types into whatever has focus" };
    if (open.note) return { ok: false, method: 'none', into, noteOpen: true, reason: 'only the internal note is open, not the reply to the customer' };
    return { ok: false, method: 'none', into, reason: 'no reply box found on the page (open the reply editor first)' };
  }
  const html = typeof d.html === 'string' ? d.html : undefined;
  const result = insertIntoReplyBox(box, d.text, html ? { html } : {});
  return { ok: result.ok, method: result.method, into, ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}) };
}

export function validSelectors(list: unknown): SelectorsForPage[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is SelectorsForPage =>
      typeof s === 'object' && s !== null && ['domain', 'subject', 'message', 'replyBox'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string'),
  );
}
