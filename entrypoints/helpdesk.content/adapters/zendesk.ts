/**
 * Zendesk Agent Workspace: https://<sub>.zendesk.com/agent/tickets/<id>.
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md):
 * - CLK: Clockify's selectors.json, 2026-03-10: the active pane (.ticket-panes-grid-layout.active,
 *   [data-is-active="true"]), input[data-test-id="omni-header-subject"],
 *   ticket-system-field-tags-item-selected; the ticket id in the URL (also TGL).
 * - ZD-ALT, ZD-TR (undated userscripts): omni-log-container, article omni-log-comment-item,
 *   omni-log-item-sender / omni-log-comment-user-link, omni-log-item-message /
 *   omni-log-message-content, omni-log-internal-note-tag, and the editors
 *   omnicomposer-plain-text-ckeditor and [data-test-id="ticket-rich-text-editor"] [contenteditable].
 * - ZD-misc (four undated userscripts): omni-log-avatar-badge-AgentBadge.
 * NO EVIDENCE: omnicomposer-rich-text-ckeditor (kept first: it is Zendesk's own naming). Status is
 * not read: no stable selector was found. Several tickets can be open as tabs: only the active pane is read.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { findEditor, first, firstText, lineText, type EditorSpec } from '../dom';
import { firstCustomer, readThread } from '../thread';

const ID = 'zendesk';
const HOSTS = hostedPatterns(ID);
const LOG = '[data-test-id="omni-log-container"]';

function ticketId(url: URL): string | undefined {
  return /^\/agent\/tickets\/(\d+)/.exec(url.pathname)?.[1];
}

/** The pane of the ticket in the URL; with one ticket open, the whole page. */
function activePane(doc: Document, id: string): ParentNode | null {
  const pane = first(doc, [`[data-ticket-id="${id}"]`, '.ticket-panes-grid-layout.active', '[data-is-active="true"]']);
  if (pane?.querySelector(LOG)) return pane;
  return doc.querySelectorAll(LOG).length === 1 ? doc : null;
}

/**
 * Reply vs note. One composer serves both; its channel switcher
 * ([data-test-id="omnichannel-channel-switcher-button"]) names the channel in its aria-label
 * ("Public reply", "Email", "Chat", ... or "Internal note"). EVIDENCE: public userscripts and tests
 * found by code search (2024-2026, undated ids 65748692058, 25208516925, 61789241706) select that
 * button and tell "Internal note" from the public channels by its label; the hosted-helpdesks note
 * (/work/shared/notes/hosted-helpdesks-evidence.md) has no row on it. ASSUMED: the switcher sits in
 * the same ticket pane as the editor, and an English label (other UI languages would read as reply).
 * The rich-text fallback [data-test-id="ticket-rich-text-editor"] is from that note (ZD-ALT).
 */
const EDITORS: EditorSpec = {
  editors: [
    'div[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
    '[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
  ],
  // The messages, not the whole log: whether the composer sits inside the log is not known.
  thread: 'article[data-test-id="omni-log-comment-item"], [data-test-id="omni-log-message-content"], [data-test-id="omni-log-item-message"]',
  isNote: (el) => {
    const pane = el.closest('[data-ticket-id], [data-side-conversations-anchor-id], .ticket-panes-grid-layout') ?? el.ownerDocument;
    const switcher = pane.querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
    return /internal/i.test(`${switcher?.getAttribute('aria-label') ?? ''} ${switcher?.textContent ?? ''}`);
  },
};

export const zendesk: HelpdeskAdapter = {
  id: ID,
  name: 'Zendesk Agent Workspace',
  writtenAgainst: 'Zendesk Agent Workspace data-test-id markup as read by Clockify (2026-03-10) and undated userscripts (see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'CLK 2026-03-10, TGL 2024-10-24: /tickets/<id>',
    subject: 'CLK 2026-03-10: input[data-test-id="omni-header-subject"]',
    tags: 'CLK 2026-03-10: ticket-system-field-tags-item-selected',
    messages: 'ZD-ALT, ZD-TR (undated): omni-log-comment-item, omni-log-message-content',
    direction: 'ZD-misc (undated): omni-log-avatar-badge-AgentBadge',
    notes: 'ZD-TR (undated): omni-log-internal-note-tag',
    'requester.name': 'ZD-ALT (undated): the first customer message\'s omni-log-item-sender',
    replyBox: 'ZD-ALT (undated): [data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
  },
  matches: (url) => matchesAny(HOSTS, url) && ticketId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const id = need(ticketId(url), 'ticket id in the URL');
      const pane = need(activePane(doc, id), `the open ticket's conversation log (${LOG})`);
      const messages = readThread(pane, {
        items: ['article[data-test-id="omni-log-comment-item"]', `${LOG} article`],
        body: ['[data-test-id="omni-log-message-content"]', '[data-test-id="omni-log-item-message"]'],
        author: ['[data-test-id="omni-log-item-sender"]', '[data-test-id="omni-log-comment-user-link"]'],
        skip: 'time, [data-test-id^="timestamp"]',
        direction: (item) =>
          item.querySelector('[data-test-id="omni-log-internal-note-tag"]')
            ? 'note'
            : item.querySelector('[data-test-id="omni-log-avatar-badge-AgentBadge"]')
              ? 'agent'
              : 'customer',
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id,
          url,
          subject: need(firstText(pane, ['input[data-test-id="omni-header-subject"]', '[data-test-id="omni-header-subject"]']), 'subject (omni-header-subject)'),
          requester: { name: firstCustomer(messages) },
          messages,
          tags: Array.from(pane.querySelectorAll('[data-test-id="ticket-system-field-tags-item-selected"]'), (el) =>
            lineText(el).replace(/\s*×$/, ''),
          ),
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
