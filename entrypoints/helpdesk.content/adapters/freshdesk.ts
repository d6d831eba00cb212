/**
 * Freshdesk (Mint agent UI, 2018-): https://<sub>.freshdesk.com/a/tickets/<id>.
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md):
 * - MWR: "MWR Booking Tools" Freshdesk userscript v6.65, 2026-07-20: ticket id in the URL; first
 *   message [data-test-id="ticket-description"] with #ticket_original_request /
 *   .ticket-details__item__content; replies [data-test-id="conversation-wrapper"] with
 *   .sender-info in .conversation-header and text [data-test-conversation="conversation-text"] or
 *   .ticket_note; the Froala reply editor .fr-element.fr-view.
 * - CLK: Clockify's Freshdesk integration, 2026-03-10 (since 2024-04-26): subject .sentiment-ticket-heading.
 * - Undated: KDX (requester [data-test-id="user-name"] in .requester-wrap / .sender-info,
 *   [data-test-id="requester-info-contact-email"] .info-details-content, status
 *   [data-test-id="tkt-properties-status"]), a notes userscript (id 53606633186: private notes carry
 *   .ticket-details__privatenote), TGL 2021 (tags .ticket-tags, subject .ticket-subject-heading).
 * A reply is the customer's when its sender is the requester (MWR reads direction from the API, not
 * the page). Legacy markup (.ticket-subject-heading, .ticket-description .text__content,
 * .conversation-item with .incoming/.outgoing/.private-note) stays as fallback.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { blockText, deepFirst, emailIn, findEditor, first, firstText, lineText, ownText, type EditorSpec } from '../dom';
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
  writtenAgainst: 'Freshdesk Mint ticket page as read by MWR (2026-07-20) and Clockify (2026-03-10); legacy markup as fallback (see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'MWR 2026-07-20, CLK 2026-03-10: /a/tickets/<id>',
    subject: 'CLK 2026-03-10 (since 2024-04-26): .sentiment-ticket-heading',
    messages: 'MWR 2026-07-20: [data-test-id="ticket-description"], [data-test-id="conversation-wrapper"], [data-test-conversation="conversation-text"]',
    notes: 'userscript id 53606633186 (undated): .ticket-details__privatenote',
    direction: 'MWR 2026-07-20 sender .sender-info vs KDX (undated) requester [data-test-id="user-name"]',
    'requester.name': 'KDX (undated): .requester-wrap / .sender-info [data-test-id="user-name"]',
    'requester.email': 'KDX (undated): [data-test-id="requester-info-contact-email"] .info-details-content',
    status: 'KDX (undated): [data-test-id="tkt-properties-status"] .ember-power-select-selected-item',
    tags: 'TGL 2021-12-02: .ticket-tags .tag-options (old)',
    replyBox: 'MWR 2026-07-20: .fr-element.fr-view[contenteditable]',
  },
  matches: (url) => matchesAny(HOSTS, url) && ticketId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const subject =
        ownText(first(doc, ['.sentiment-ticket-heading', '.ticket-subject-heading'])) || firstText(doc, ['.sentiment-ticket-heading', '[data-test-id="ticket-title"]']);
      const description = need(
        first(doc, [
          '[data-test-id="ticket-description"] #ticket_original_request',
          '[data-test-id="ticket-description"] .ticket-details__item__content',
          '#ticket_original_request',
          '.ticket-description .text__content',
        ]),
        'ticket description ([data-test-id="ticket-description"] #ticket_original_request)',
      );
      // The contact panel may render in a shadow root (a Freshdesk userscript's notes, id 57948203092).
      const deepText = (selectors: string[]) => lineText(deepFirst(doc, selectors));
      const requester = {
        name: deepText(['.requester-wrap [data-test-id="user-name"]', '.sender-info [data-test-id="user-name"]']) || undefined,
        email: emailIn(deepText(['[data-test-id="requester-info-contact-email"] .info-details-content', '.requester-wrap .requester-email'])),
      };
      const skip = '.show-more, [data-test-id="show-more"]';
      const opening: TicketMessage = { author: requester.name, direction: 'customer', text: blockText(description, skip) };
      const replies = readThread(doc, {
        items: ['[data-test-id="conversation-wrapper"]', '.conversation-item'],
        body: ['[data-test-conversation="conversation-text"]', '.ticket_note', '.text__content', '.conversation-body'],
        author: ['.sender-info [data-test-id="user-name"]', '[data-test-id="user-name"]', '.user-name'],
        skip,
        direction: (item, author) => {
          const note = item.closest('.ticket-details__privatenote, .private-note') ?? item.querySelector('.ticket-details__privatenote');
          if (note) return 'note';
          if (item.classList.contains('incoming') || (requester.name !== undefined && author === requester.name)) return 'customer';
          return 'agent';
        },
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(ticketId(url), 'ticket id in the URL'),
          url,
          subject: need(subject, 'subject (.sentiment-ticket-heading)'),
          requester,
          messages: [opening, ...replies],
          tags: Array.from(doc.querySelectorAll('.ticket-tags .tag-options, .ticket-tags li'), lineText),
          status: firstText(doc, ['[data-test-id="tkt-properties-status"] .ember-power-select-selected-item', '[data-test-id="ticket-status"]']) || undefined,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
