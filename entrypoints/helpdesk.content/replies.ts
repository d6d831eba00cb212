import type { InsertOutcome, ReadReply, SelectorsForPage } from '../../knowledge/messages';
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

/** The reply box: the adapter's, else the editor the agent last focused in the page (generic mode). */
export function pickReplyBox(fromAdapter: HTMLElement | null, active: Element | null): HTMLElement | null {
  if (fromAdapter) return fromAdapter;
  if (!active) return null;
  const el = active as HTMLElement;
  if (el.localName === 'textarea' || el.isContentEditable) return el;
  return null;
}

export function insertReply(box: HTMLElement | null, data: unknown): InsertOutcome {
  const d = data as { text?: unknown; html?: unknown } | undefined;
  if (typeof d?.text !== 'string' || !d.text.trim()) return { ok: false, method: 'none', reason: 'there is no text to insert' };
  if (!box) return { ok: false, method: 'none', reason: 'no reply box found on the page (open the reply editor first)' };
  const html = typeof d.html === 'string' ? d.html : undefined;
  const result = insertIntoReplyBox(box, d.text, html ? { html } : {});
  return { ok: result.ok, method: result.method, ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}) };
}

export function validSelectors(list: unknown): SelectorsForPage[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is SelectorsForPage =>
      typeof s === 'object' && s !== null && ['domain', 'subject', 'message', 'replyBox'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string'),
  );
}
