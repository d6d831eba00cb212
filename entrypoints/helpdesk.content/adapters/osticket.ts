/**
 * osTicket 1.18 staff panel (self-hosted, any domain): /scp/tickets.php?id=<internal id>.
 * Written against osTicket 1.18 pages saved from a local install on 2026-11-23
 * (/work/shared/helpdesk-pages/osticket-1.18-ticket-view.html) and the entry template
 * include/staff/templates/thread-entry.tmpl.php (class "thread-entry message|response|note").
 */
import { assembleTicket, need, onHostedHelpdesk, reading, type HelpdeskAdapter } from '../adapter';
import { blockText, emailIn, findEditor, first, firstText, isHidden, isHiddenInTree, isoTime, lineText, type EditorSpec } from '../dom';
import type { MessageDirection, TicketMessage } from '../../../knowledge/ticket';

const ID = 'osticket';

const DIRECTIONS: Record<string, MessageDirection> = { message: 'customer', response: 'agent', note: 'note' };

function entryNumber(entry: Element): number {
  const m = /thread-entry-(\d+)/.exec(entry.parentElement?.id ?? '');
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function readEntries(items: Element): TicketMessage[] {
  const entries = Array.from(items.querySelectorAll('.thread-entry'))
    .map((el, i) => ({ el, i, n: entryNumber(el) }))
    // Entry ids grow with time; agents may show the thread newest first (a profile setting).
    .sort((a, b) => a.n - b.n || a.i - b.i);
  const out: TicketMessage[] = [];
  for (const { el } of entries) {
    const kind = Object.keys(DIRECTIONS).find((k) => el.classList.contains(k));
    if (!kind) continue;
    out.push({
      author: lineText(el.querySelector('.header > b, .header b')) || undefined,
      direction: DIRECTIONS[kind]!,
      text: blockText(el.querySelector('.thread-body'), '.clear, .attachments'),
      at: isoTime(el.querySelector('.header time[datetime]')?.getAttribute('datetime')),
    });
  }
  return out;
}

/**
 * Reply vs note, from the pages saved on 2026-12-02 (osticket-1.18-ticket-note-open.html,
 * -reply-textarea.html): the reply editor lives in form#reply (Redactor .redactor-in, or
 * textarea#response without rich text), the note editor in form#note (.redactor-in, or
 * textarea#internal_note). Only one form is open; the other has display: none. An open note form
 * keeps its class "hidden", which osTicket's inline display: block overrides.
 */
const EDITORS: EditorSpec = {
  editors: [
    'form#reply .redactor-in[contenteditable="true"]',
    'form#reply textarea#response',
    'form#note .redactor-in[contenteditable="true"]',
    'form#note textarea#internal_note',
  ],
  thread: '#ticketThread, #thread-items, .thread-entry',
  isNote: (el) => el.closest('form#note') !== null,
  shown: (el) => {
    const form = el.closest('form')!;
    const display = /(?:^|;)\s*display\s*:\s*(\w+)/i.exec(form.getAttribute('style') ?? '')?.[1]?.toLowerCase();
    const open = display === undefined ? !isHidden(form) : display !== 'none';
    return open && !isHiddenInTree(form.parentElement ?? form) && !isHiddenBetween(el, form);
  },
};

/** Hidden by markup between the editor and its form (the form's own state is judged apart). */
function isHiddenBetween(el: Element, form: Element): boolean {
  for (let e: Element | null = el; e && e !== form; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

export const osticket: HelpdeskAdapter = {
  id: ID,
  name: 'osTicket',
  writtenAgainst: 'osTicket 1.18 staff panel, pages saved from a local install 2026-11-23; selectors from that markup',
  matches: (url) => /\/scp\/tickets\.php$/.test(url.pathname) && /^\d+$/.test(url.searchParams.get('id') ?? '') && !onHostedHelpdesk(url),
  readTicket: (doc, url) =>
    reading(ID, () => {
      const items = need(doc.querySelector('#thread-items, #ticketThread'), 'ticket thread (#thread-items)');
      const heading = firstText(doc, ['.flush-left h2 a', '.flush-left h2', 'title']);
      const number = need(/#\s*([\w-]+)/.exec(heading)?.[1], 'ticket number (.flush-left h2 "Ticket #…")');
      const info = doc.querySelector('table.ticket_info');
      return assembleTicket(
        {
          helpdesk: ID,
          id: number,
          url,
          subject: need(firstText(doc, ['.tixTitle h3', '.tixTitle']), 'subject (.tixTitle h3)'),
          requester: {
            name: firstText(info ?? doc, ['span[id^="user-"][id$="-name"]']) || undefined,
            email: emailIn(lineText(first(info ?? doc, ['span[id^="user-"][id$="-email"]']))),
          },
          messages: readEntries(items),
          status: firstText(info ?? doc, ['a[href="#statuses"]', 'a[data-dropdown="#action-dropdown-statuses"]']) || undefined,
        },
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
