/**
 * The project's own local demo helpdesk (served at http://127.0.0.1:<port>/tickets/<id> or
 * localhost). Written against the data-attribute contract agreed with the demo's author
 * (2026-11-23): [data-demo-ticket-id], [data-demo-subject], [data-demo-requester-name|email],
 * .demo-message[data-direction][data-author][data-at] > .demo-message-body, [data-demo-reply],
 * [data-demo-tags] .tag, [data-demo-status]. Stable on purpose: no classes to chase. Added 2026-12-02:
 * [data-demo-note] marks an internal-note editor (the demo page has none yet; the fixtures do).
 */
import { assembleTicket, need, oldestFirst, reading, type HelpdeskAdapter } from '../adapter';
import { blockText, emailIn, findEditor, firstText, isoTime, lineText, type EditorSpec } from '../dom';
import type { MessageDirection, TicketMessage } from '../../../knowledge/ticket';

const ID = 'demo';
const DIRECTIONS = new Set<MessageDirection>(['customer', 'agent', 'note']);

function readMessages(doc: Document): TicketMessage[] {
  const out: TicketMessage[] = [];
  for (const el of Array.from(doc.querySelectorAll('.demo-message[data-direction]'))) {
    const direction = el.getAttribute('data-direction') as MessageDirection;
    if (!DIRECTIONS.has(direction)) continue;
    out.push({
      author: el.getAttribute('data-author')?.trim() || undefined,
      direction,
      text: blockText(el.querySelector('.demo-message-body')),
      at: isoTime(el.getAttribute('data-at')),
    });
  }
  return oldestFirst(out, false);
}

/**
 * Reply vs note, by the demo's contract: the reply editor is [data-demo-reply], the internal note's
 * [data-demo-note]; messages (.demo-message) hold no editor.
 */
const EDITORS: EditorSpec = {
  editors: [
    '[data-demo-reply][contenteditable="true"]',
    '[data-demo-reply] [contenteditable="true"]',
    'textarea[data-demo-reply]',
    '[data-demo-note][contenteditable="true"]',
    '[data-demo-note] [contenteditable="true"]',
    'textarea[data-demo-note]',
  ],
  thread: '.demo-message',
  isNote: (el) => el.closest('[data-demo-note]') !== null,
};

export const demo: HelpdeskAdapter = {
  id: ID,
  name: 'Demo helpdesk',
  writtenAgainst: 'the demo helpdesk data-attribute contract of 2026-11-23 (see the comment at the top of demo.ts)',
  matches: (url) =>
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
    /^\/tickets\/[\w-]+\/?$/.test(url.pathname),
  readTicket: (doc, url) =>
    reading(ID, () => {
      const idEl = need(doc.querySelector('[data-demo-ticket-id]'), 'ticket id ([data-demo-ticket-id])');
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(idEl.getAttribute('data-demo-ticket-id')?.trim(), 'ticket id ([data-demo-ticket-id])'),
          url,
          subject: need(firstText(doc, ['[data-demo-subject]']), 'subject ([data-demo-subject])'),
          requester: {
            name: firstText(doc, ['[data-demo-requester-name]']) || undefined,
            email: emailIn(firstText(doc, ['[data-demo-requester-email]'])),
          },
          messages: readMessages(doc),
          tags: Array.from(doc.querySelectorAll('[data-demo-tags] .tag'), lineText),
          status: firstText(doc, ['[data-demo-status]']) || undefined,
        },
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
