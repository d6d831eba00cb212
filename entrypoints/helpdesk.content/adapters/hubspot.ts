/**
 * HubSpot help desk: https://app.hubspot.com/help-desk/<portal>/.../ticket/<id>[/thread]
 * (and the EU data centre app-eu1; see hosts.ts).
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md): CLK, Clockify's HubSpot
 * integration, 2026-03-10: /ticket/<id>/thread, the workspace [data-application-name="svh-help-desk"],
 * the ticket name [data-test-id="ticket-header-name-link"] span, the contact
 * [data-selenium-test="contact-chicklet-title-link"].
 * NO EVIDENCE (written 2026-11-23 following HubSpot's data-test-id naming, all optional): thread
 * messages [data-test-id="thread-message"] with data-direction incoming/outgoing, comments
 * [data-test-id="thread-comment"], bodies, the contact's email, status and the composer
 * [data-test-id="rich-text-editor"] [contenteditable]. Where they miss, no message is read and the
 * panel offers reading by selection.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { emailIn, findEditor, first, firstText, type EditorSpec } from '../dom';
import { readThread } from '../thread';

const ID = 'hubspot';
const HOSTS = hostedPatterns(ID);

function ticketId(url: URL): string | undefined {
  return /\/ticket\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
}

/**
 * Reply vs note. No evidence (hosted-helpdesks-evidence.md: composer "no evidence"). ASSUMED: the
 * composer marks a comment (HubSpot's internal note) by data-composer-channel="comment" or a
 * [data-test-id="comment-editor"] container; otherwise it is the reply.
 */
const EDITORS: EditorSpec = {
  editors: ['[data-test-id="rich-text-editor"] [contenteditable="true"]', '[data-application-name="svh-help-desk"] .ProseMirror[contenteditable="true"]'],
  thread: '[data-test-id="thread-message"], [data-test-id="thread-comment"]',
  isNote: (el) => el.closest('[data-composer-channel="comment"], [data-test-id="comment-editor"]') !== null,
};

export const hubspot: HelpdeskAdapter = {
  id: ID,
  name: 'HubSpot help desk',
  writtenAgainst: 'HubSpot help desk as read by Clockify (2026-03-10); thread, email and composer markup without evidence (see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'CLK 2026-03-10: /ticket/<id>/thread',
    subject: 'CLK 2026-03-10: [data-test-id="ticket-header-name-link"] span',
    'requester.name': 'CLK 2026-03-10: [data-selenium-test="contact-chicklet-title-link"]',
  },
  matches: (url) => matchesAny(HOSTS, url) && url.pathname.startsWith('/help-desk/') && ticketId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const app = need(first(doc, ['[data-application-name="svh-help-desk"]']), 'help desk workspace ([data-application-name="svh-help-desk"])');
      const messages = readThread(app, {
        items: ['[data-test-id="thread-message"], [data-test-id="thread-comment"]'],
        body: ['[data-test-id="message-body"]', '[data-test-id="comment-body"]'],
        author: ['[data-test-id="message-sender"]', '[data-test-id="comment-author"]'],
        direction: (item) =>
          item.getAttribute('data-test-id') === 'thread-comment' ? 'note' : item.getAttribute('data-direction') === 'incoming' ? 'customer' : 'agent',
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(ticketId(url), 'ticket id in the URL'),
          url,
          subject: need(firstText(app, ['[data-test-id="ticket-header-name-link"] span', '[data-test-id="ticket-header-name-link"]']), 'ticket name ([data-test-id="ticket-header-name-link"])'),
          requester: {
            name: firstText(app, ['[data-selenium-test="contact-chicklet-title-link"]']) || undefined,
            email: emailIn(firstText(app, ['[data-selenium-test="contact-chicklet-email"]'])),
          },
          messages,
          status: firstText(app, ['[data-test-id="ticket-status-select"]']) || undefined,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
