/**
 * Freshdesk (Mint agent UI, 2018-): https://<sub>.freshdesk.com/a/tickets/<id>.
 * Written against the ticket page as read by public extensions in 2024-2026: subject
 * .ticket-subject-heading (own text: it also holds badges), the first message
 * .ticket-description .text__content, requester [data-test-id="requester-info-contact-…"] and
 * .requester-wrap [data-test-id="user-name"], status [data-test-id="tkt-properties-status"],
 * tags .ticket-tags, Froala editor .fr-element (sources: Toggl and Clockify Freshdesk integrations,
 * "Kodex Context Bridge" and "Sidecar" userscripts found via code search).
 * UNVERIFIED: the reply entries (.conversation-item with .incoming/.outgoing/.private-note);
 * no public code showed them. Without them only the description is read.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from './hosts';
import { blockText, emailIn, findEditor, firstText, lineText, ownText, type EditorSpec } from '../dom';
import { readThread } from '../thread';
import type { TicketMessage } from '../../../knowledge/ticket';

const ID = 'freshdesk';
const HOSTS = hostedPatterns(ID);

function ticketId(url: URL): string | undefined {
  return /^\/a\/tickets\/(\d+)/.exec(url.pathname)?.[1];
}

/**
 * Reply vs note. EVIDENCE (hosted-helpdesks-evidence.md, MWR 2026-07): the Froala editor
 * .fr-element.fr-view[contenteditable]. ASSUMED (no source shows it): Reply and Add note open
 * separate editors, the note's inside a container whose data-test-id or class names the note
 * ([data-test-id*="note"], [class*="note-editor"], [class*="private-note"]).
 */
const EDITORS: EditorSpec = {
  editors: ['.fr-element.fr-view[contenteditable="true"]', '.fr-element[contenteditable="true"]'],
  thread: '.ticket-description, .conversation-item, [data-test-id="ticket-description"], [data-test-id="conversation-wrapper"]',
  isNote: (el) => el.closest('[data-test-id*="note"], [class*="note-editor"], [class*="private-note"]') !== null,
};

export const freshdesk: HelpdeskAdapter = {
  id: ID,
  name: 'Freshdesk',
  writtenAgainst: 'Freshdesk Mint ticket page as read by public extensions, 2024-2026 (see file header); reply entries unverified',
  hosts: HOSTS,
  matches: (url) => matchesAny(HOSTS, url) && ticketId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const subject = ownText(doc.querySelector('.ticket-subject-heading')) || firstText(doc, ['[data-test-id="ticket-title"]']);
      const description = need(doc.querySelector('.ticket-description .text__content'), 'ticket description (.ticket-description .text__content)');
      const requester = {
        name: firstText(doc, ['.requester-wrap [data-test-id="user-name"]', '.sender-info [data-test-id="user-name"]']) || undefined,
        email: emailIn(firstText(doc, ['[data-test-id="requester-info-contact-email"] .info-details-content', '.requester-wrap .requester-email'])),
      };
      const skip = '.show-more, [data-test-id="show-more"]';
      const first: TicketMessage = { author: requester.name, direction: 'customer', text: blockText(description, skip) };
      const replies = readThread(doc, {
        items: ['.conversation-item'],
        body: ['.text__content', '.conversation-body'],
        author: ['[data-test-id="user-name"]', '.user-name'],
        skip,
        direction: (item) => (item.classList.contains('private-note') ? 'note' : item.classList.contains('incoming') ? 'customer' : 'agent'),
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(ticketId(url), 'ticket id in the URL'),
          url,
          subject: need(subject, 'subject (.ticket-subject-heading)'),
          requester,
          messages: [first, ...replies],
          tags: Array.from(doc.querySelectorAll('.ticket-tags .tag-options, .ticket-tags li'), lineText),
          status: firstText(doc, ['[data-test-id="tkt-properties-status"] .ember-power-select-selected-item', '[data-test-id="ticket-status"]']) || undefined,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
