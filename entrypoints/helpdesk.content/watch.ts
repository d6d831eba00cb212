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
  | { kind: 'ticket'; ticket: Ticket }
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
  now(): number;
}

export class TicketWatcher {
  private timer: number | undefined;
  private firstChangeAt = 0;
  private lastSent = '';
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
      this.sendIfNew(JSON.stringify(result.ticket), { kind: 'ticket', ticket: result.ticket }, force);
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

  /** The adapter's reply box on this page, or null (the caller then falls back to the focused editor). */
  replyBox(): HTMLElement | null {
    return this.deps.adapter(this.deps.url())?.findReplyBox(this.deps.doc) ?? null;
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
