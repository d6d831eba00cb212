/**
 * Help Scout: https://secure.helpscout.net/conversation(s)/<id>/<number>.
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md):
 * - CLK: Clockify's Help Scout integration, 2026-03-30: the URL (singular or plural
 *   /conversations/), subject [aria-label="Conversation Subject"] (#subjectLine "legacy theme"), tags [data-cy="Tag"].
 * - HS-N (notes userscript, undated): li.ThreadListItem.is-note > div: the note class is on the li.
 * - HS-M ("Maestro" content script, undated): ThreadContainer, li.ThreadListItem, body
 *   .is-ignoring-table, sender span[data-nocollapse], sidebar [data-testid="Sidebar.CustomerProfile"],
 *   name [data-cy="Sidebar.CustomerName"] .c-Truncate__content, email a[data-testid="EmailList.EmailLink"].
 * - HS-G (GPT assistant selector map, undated): ol[aria-label="Thread Items"], div[id^="thread-"],
 *   .thread-content, [data-cy="ConvoEditor"], [role="textbox"][aria-label="Reply Editor"].
 * A customer's thread is told by its sender being the sidebar's customer (no source shows a
 * customer class; the legacy is-customer class and aria-labels stay as fallback). Notes by the
 * li's is-note (or the legacy div's). Threads are newest first unless every one has a time.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { emailIn, findEditor, first, firstText, lineText, type EditorSpec } from '../dom';
import { firstCustomer, readThread } from '../thread';

const ID = 'helpscout';
const HOSTS = hostedPatterns(ID);

function numbers(url: URL): RegExpExecArray | null {
  return /^\/conversations?\/(\d+)\/(\d+)/.exec(url.pathname);
}

/** Note: is-note on the li (HS-N) or the legacy div; customer: the sidebar's customer sent it, or legacy markers. */
function direction(item: Element, author: string, customer: string): 'customer' | 'agent' | 'note' {
  const li = item.closest('li');
  const label = (item.getAttribute('aria-label') ?? '').toLowerCase();
  if (li?.classList.contains('is-note') || item.classList.contains('is-note') || label.includes('note')) return 'note';
  if (customer !== '' && author === customer) return 'customer';
  if (li?.classList.contains('is-customer') || item.classList.contains('is-customer') || label.includes('customer')) return 'customer';
  return 'agent';
}

/**
 * Reply vs note. EVIDENCE (hosted-helpdesks-evidence.md, HS-G, undated): the reply editor
 * [data-cy="ConvoEditor"], [role="textbox"][aria-label="Reply Editor"]. ASSUMED: a note opens the
 * same editor labelled for the note: aria-label "Note Editor", or a container whose data-cy names
 * the note ([data-cy*="Note"]).
 */
const EDITORS: EditorSpec = {
  editors: [
    '[data-cy="ConvoEditor"] [data-slate-editor="true"]',
    '[data-cy="ConvoEditor"] [contenteditable="true"]',
    '[role="textbox"][aria-label="Reply Editor"]',
    '[role="textbox"][aria-label="Note Editor"]',
  ],
  // The thread items, not the list: whether the editor opens inside the list is not known.
  thread: 'li > div[id^="thread-"], li[class*="ThreadListItem"], .thread-content',
  isNote: (el) => /note/i.test(el.getAttribute('aria-label') ?? '') || el.closest('[data-cy*="Note"]') !== null,
};

export const helpscout: HelpdeskAdapter = {
  id: ID,
  name: 'Help Scout',
  writtenAgainst: 'Help Scout web app as read by Clockify (2026-03-30) and undated userscripts (HS-M, HS-N, HS-G; see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'CLK 2026-03-30: /conversation(s)/<id>/<number>',
    subject: 'CLK 2026-03-30: [aria-label="Conversation Subject"]',
    tags: 'CLK 2026-03-30: [data-cy="Tag"]',
    messages: 'HS-M, HS-N, HS-G (undated): ThreadContainer li > div[id^="thread-"], span[data-nocollapse]',
    notes: 'HS-N (undated): li.ThreadListItem.is-note',
    direction: 'HS-M (undated): sender span[data-nocollapse] vs the sidebar customer name',
    'requester.name': 'HS-M (undated): [data-cy="Sidebar.CustomerName"] .c-Truncate__content',
    'requester.email': 'HS-M (undated): a[data-testid="EmailList.EmailLink"]',
    replyBox: 'HS-G (undated): [data-cy="ConvoEditor"], [role="textbox"][aria-label="Reply Editor"]',
  },
  matches: (url) => matchesAny(HOSTS, url) && numbers(url) !== null,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const number = need(numbers(url)?.[2], 'conversation number in the URL');
      const container = need(first(doc, ['[data-testid="ThreadContainer"]', 'ol[aria-label="Thread Items"]']), 'thread list (ThreadContainer)');
      const sidebar = first(doc, ['[data-testid="Sidebar.CustomerProfile"]', '[data-cy="customer-sidebar"]', '.c-conversation-sidebar']);
      const customer = firstText(sidebar ?? doc, ['[data-cy="Sidebar.CustomerName"] .c-Truncate__content', '[data-cy="Sidebar.CustomerName"]', '[data-cy="customer-name"]', '.c-customer-name']);
      const messages = readThread(container, {
        items: ['li > div[id^="thread-"]'],
        body: ['.thread-content', '.is-ignoring-table', '[data-testid="thread-body"]'],
        author: ['span[data-nocollapse="true"]'],
        direction: (item, author) => direction(item, author, customer),
        newestFirst: true,
      });
      const emailLink = first(sidebar ?? doc, ['a[data-testid="EmailList.EmailLink"]', 'a[href^="mailto:"]']);
      return assembleTicket(
        {
          helpdesk: ID,
          id: number,
          url,
          subject: need(firstText(doc, ['[aria-label="Conversation Subject"]', '#subjectLine']), 'subject ([aria-label="Conversation Subject"])'),
          requester: {
            name: customer || firstCustomer(messages),
            email: emailIn(emailLink?.getAttribute('href')) ?? emailIn(lineText(emailLink)),
          },
          messages,
          tags: Array.from(doc.querySelectorAll('[data-cy="Tag"]'), lineText),
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
