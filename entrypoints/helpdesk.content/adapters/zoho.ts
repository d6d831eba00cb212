/**
 * Zoho Desk: https://desk.zoho.{com,eu,in,com.au,jp,com.cn,uk,sa} or desk.zohocloud.ca
 * /agent/<org>/<dept>/tickets/details/<id>.
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md): CLK, Clockify's Zoho Desk
 * integration, 2025-04-23: .zd_v2-ticketdetailview-container, the number
 * .zd_v2-ticketsubject-ticketIdText, the subject [data-id="caseSubjectText"] (full text in data-title).
 * Hosts: Zoho's multi-DC documentation (Canada zohocloud.ca, UK zoho.uk; see hosts.ts).
 * NO EVIDENCE (written 2026-11-23 following Zoho's data-id naming, all optional): threads
 * [data-id="threadContainer"] with data-direction in/out, private comments [data-id="commentContainer"],
 * contact [data-id="contactName"] / [data-id="contactEmail"], status, tags, the reply editor
 * .ze_area[contenteditable] (the editor iframe's body is not reachable: null then). Where they
 * miss, no message is read and the panel offers reading by selection.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { emailIn, findEditor, first, firstText, lineText, type EditorSpec } from '../dom';
import { readThread } from '../thread';

const ID = 'zoho';
const HOSTS = hostedPatterns(ID);

function ticketPathId(url: URL): string | undefined {
  return /\/tickets\/(?:details\/)?(\d+)/.exec(url.pathname)?.[1];
}

/**
 * Reply vs note. No evidence (hosted-helpdesks-evidence.md: "reply box: none found"). ASSUMED:
 * the reply editor sits in [data-id="replyEditor"], a private comment's in [data-id="commentEditor"].
 */
const EDITORS: EditorSpec = {
  editors: [
    '.zd_v2-ticketdetailview-container .ze_area[contenteditable="true"]',
    '[data-id="replyEditor"] [contenteditable="true"]',
    '[data-id="commentEditor"] [contenteditable="true"]',
  ],
  thread: '[data-id="threadContainer"], [data-id="commentContainer"]',
  isNote: (el) => el.closest('[data-id="commentEditor"]') !== null,
};

export const zoho: HelpdeskAdapter = {
  id: ID,
  name: 'Zoho Desk',
  writtenAgainst: 'Zoho Desk zd_v2 ticket view as read by Clockify (2025-04-23); thread, contact and editor markup without evidence (see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'CLK 2025-04-23: .zd_v2-ticketsubject-ticketIdText',
    subject: 'CLK 2025-04-23: [data-id="caseSubjectText"]',
  },
  matches: (url) => matchesAny(HOSTS, url) && ticketPathId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const view = need(first(doc, ['.zd_v2-ticketdetailview-container']), 'ticket view (.zd_v2-ticketdetailview-container)');
      const subjectEl = first(view, ['[data-id="caseSubjectText"]']);
      const number = lineText(first(view, ['.zd_v2-ticketsubject-ticketIdText'])).replace(/^#/, '');
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(number || ticketPathId(url), 'ticket number (.zd_v2-ticketsubject-ticketIdText)'),
          url,
          subject: need(subjectEl?.getAttribute('data-title')?.trim() || lineText(subjectEl), 'subject ([data-id="caseSubjectText"])'),
          requester: {
            name: firstText(view, ['[data-id="contactName"]']) || undefined,
            email: emailIn(firstText(view, ['[data-id="contactEmail"]'])),
          },
          messages: readThread(view, {
            items: ['[data-id="threadContainer"], [data-id="commentContainer"]'],
            body: ['[data-id="threadContent"]', '[data-id="commentContent"]'],
            author: ['[data-id="threadAuthor"]', '[data-id="commentAuthor"]'],
            direction: (item) =>
              item.getAttribute('data-id') === 'commentContainer' ? 'note' : item.getAttribute('data-direction') === 'in' ? 'customer' : 'agent',
            newestFirst: true,
          }),
          status: firstText(view, ['[data-id="statusText"]']) || undefined,
          tags: Array.from(view.querySelectorAll('[data-id="tagName"]'), lineText),
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
