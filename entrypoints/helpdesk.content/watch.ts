import type { ReadStamp } from '../../knowledge/messages';
import type { Ticket } from '../../knowledge/ticket';
import type { HelpdeskAdapter } from './adapter';

/**
 * Follows a helpdesk page and sends its ticket when it changes: single-page-app navigation,
 * a new customer message, a re-rendered thread. DOM-change batches only mark the page dirty
 * (a few cheap checks, no reading); the ticket is read once the page has been quiet for
 * QUIET_MS, or MAX_WAIT_MS after the first change on a page that never goes quiet. An identical
 * ticket is not sent again. A failed read is only reported when a second read fails too, so a
 * thread that is still loading does not flash "reading failed".
 */
export const QUIET_MS = 250;
export const MAX_WAIT_MS = 1000;
export const FAILURE_CONFIRM_MS = 500;
/** Past this many records a batch is not inspected: it is a real change, not typing. */
const MAX_RECORDS_CHECKED = 32;

export type Sent =
  /** readAt/readId: this read of the ticket (a forced resend of an unchanged ticket keeps the first read's). */
  | ({ kind: 'ticket'; ticket: Ticket } & ReadStamp)
  | { kind: 'failed'; failure: { helpdesk: string; reason: string; url: string } }
  /** The page left the ticket (e.g. back to the ticket list): the panel must stop showing it. */
  | { kind: 'none' };

export interface WatchDeps {
  doc: Document;
  url(): URL;
  adapter(url: URL): HelpdeskAdapter | null;
  send(what: Sent): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** A monotonic clock for the quiet-period timers (performance.now()). */
  now(): number;
  /** The wall clock (Date.now()): ReadStamp.readAt, which the worker compares with its own Date.now(). */
  wallClock(): number;
}

/** A new read id: unique enough per tab (crypto.randomUUID needs a secure context; http helpdesks are not). */
export function newReadId(at: number): string {
  return `${at.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class TicketWatcher {
  private timer: number | undefined;
  private firstChangeAt = 0;
  private lastSent = '';
  /** The read of the ticket last sent (with lastSent's key): a forced resend keeps it. */
  private stamp: ReadStamp | undefined;
  private failedOnce = '';

  constructor(private readonly deps: WatchDeps) {}

  /** The MutationObserver callback: cheap checks, then at most one timer reset. */
  onMutations(records: readonly MutationRecord[]): void {
    if (records.length <= MAX_RECORDS_CHECKED && records.every((r) => insideEditor(r.target))) return;
    this.schedule(QUIET_MS);
  }

  /** URL changed (wxt:locationchange, navigation API): read once the new page has settled. */
  onNavigate(): void {
    this.schedule(QUIET_MS);
  }

  /** Reads now. `force` sends even an unchanged ticket (the background lost its state). */
  readNow(force = false): void {
    this.cancel();
    const url = this.deps.url();
    const adapter = this.deps.adapter(url);
    if (!adapter) {
      if (this.lastSent) this.sendIfNew('none', { kind: 'none' }, force);
      return;
    }
    const result = adapter.readTicket(this.deps.doc, url);
    if (result.ok) {
      this.failedOnce = '';
      const key = JSON.stringify(result.ticket);
      if (key !== this.lastSent || !this.stamp) {
        const readAt = this.deps.wallClock();
        this.stamp = { readAt, readId: newReadId(readAt) };
      }
      this.sendIfNew(key, { kind: 'ticket', ticket: result.ticket, ...this.stamp }, force);
      return;
    }
    const failure = { helpdesk: adapter.name, reason: result.reason, url: url.href.slice(0, 4000) };
    const key = `failed:${JSON.stringify(failure)}`;
    if (force || this.failedOnce === key) {
      this.sendIfNew(key, { kind: 'failed', failure }, force);
    } else {
      this.failedOnce = key;
      this.schedule(FAILURE_CONFIRM_MS);
    }
  }

  /** The reply and internal-note editors the adapter finds on this page (none without an adapter). */
  editors(): { reply: HTMLElement | null; note: HTMLElement | null; known: boolean } {
    const adapter = this.deps.adapter(this.deps.url());
    if (!adapter) return { reply: null, note: null, known: false };
    return { reply: adapter.findReplyBox(this.deps.doc), note: adapter.findNoteBox(this.deps.doc), known: true };
  }

  cancel(): void {
    if (this.timer !== undefined) this.deps.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    const now = this.deps.now();
    if (this.timer === undefined) this.firstChangeAt = now;
    else this.deps.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(ms, this.firstChangeAt + MAX_WAIT_MS - now));
    this.timer = this.deps.setTimeout(() => {
      this.timer = undefined;
      this.readNow();
    }, wait);
  }

  private sendIfNew(key: string, what: Sent, force: boolean): void {
    if (!force && key === this.lastSent) return;
    if (what.kind !== 'ticket') this.stamp = undefined;
    this.lastSent = key;
    this.deps.send(what);
  }
}

/** Typing in the reply editor changes the DOM on every key: those changes are not a new ticket. */
export function insideEditor(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  return el.closest('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], textarea, input') !== null;
}
