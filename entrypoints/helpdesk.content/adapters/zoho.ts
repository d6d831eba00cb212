/**
 * Zoho Desk: https://desk.zoho.{com,eu,in,com.au,jp,com.cn,ca}/agent/<org>/<dept>/tickets/details/<id>.
 * Written against the "zd_v2" ticket detail view as read by public extensions in 2024-2025:
 * .zd_v2-ticketdetailview-container, ticket number .zd_v2-ticketsubject-ticketIdText, subject
 * h1[data-id="caseSubjectText"] (full text in data-title) (sources: Clockify's Zoho Desk integration
 * and a tab-title extension found via code search). UNVERIFIED, written 2026-11-23 following Zoho's
 * data-id naming: threads [data-id="threadContainer"] with data-direction in/out, private comments
 * [data-id="commentContainer"], contact [data-id="contactName"] / [data-id="contactEmail"], reply
 * editor .ze_area[contenteditable] / the editor iframe's body (not reachable: returns null then).
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from './hosts';
import { emailIn, findEditor, firstText, lineText, type EditorSpec } from '../dom';
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
  writtenAgainst: 'Zoho Desk zd_v2 ticket view as read by public extensions, 2024-2025; thread markup unverified (see file header)',
  hosts: HOSTS,
  matches: (url) => matchesAny(HOSTS, url) && ticketPathId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const view = need(doc.querySelector('.zd_v2-ticketdetailview-container'), 'ticket view (.zd_v2-ticketdetailview-container)');
      const subjectEl = view.querySelector('[data-id="caseSubjectText"]');
      const number = lineText(view.querySelector('.zd_v2-ticketsubject-ticketIdText')).replace(/^#/, '');
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
