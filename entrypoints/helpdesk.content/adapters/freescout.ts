/**
 * FreeScout 1.8 (self-hosted, any domain): /conversation/<id>.
 * Written against FreeScout 1.8.145 pages saved from a local install on 2026-11-23
 * (/work/shared/helpdesk-pages/freescout-1.8-conversation-view.html and -reply-open.html):
 * threads "thread thread-type-customer|message|note", newest first; Summernote reply editor
 * that exists in a hidden block until the agent clicks Reply.
 */
import { assembleTicket, need, onHostedHelpdesk, oldestFirst, reading, type HelpdeskAdapter } from '../adapter';
import { blockText, emailIn, findEditor, firstText, lineText, type EditorSpec } from '../dom';
import type { MessageDirection, TicketMessage } from '../../../knowledge/ticket';

const ID = 'freescout';

const DIRECTIONS: Record<string, MessageDirection> = {
  'thread-type-customer': 'customer',
  'thread-type-message': 'agent',
  'thread-type-note': 'note',
};

function readThreads(main: Element): TicketMessage[] {
  const out: TicketMessage[] = [];
  for (const el of Array.from(main.querySelectorAll('.thread'))) {
    const kind = Object.keys(DIRECTIONS).find((k) => el.classList.contains(k));
    if (!kind) continue; // line items: status changes, assignments
    out.push({
      author: lineText(el.querySelector('.thread-person strong, .thread-person')) || undefined,
      direction: DIRECTIONS[kind]!,
      text: blockText(el.querySelector('.thread-content')),
    });
  }
  return oldestFirst(out, true);
}

/**
 * Reply vs note, from the pages saved on 2026-12-02 (freescout-1.8-conversation-note-open.html,
 * -thread-with-agent-reply.html): one Summernote editor serves both. In note mode its block
 * .conv-reply-block has class conv-note-block and input[name=is_note] is "1"; in reply mode neither.
 */
const EDITORS: EditorSpec = {
  editors: ['.conv-reply-block .note-editable[contenteditable="true"]'],
  thread: '.thread',
  isNote: (el) => {
    const block = el.closest('.conv-reply-block')!;
    return block.classList.contains('conv-note-block') || block.querySelector<HTMLInputElement>('input[name="is_note"]')?.value === '1';
  },
};

export const freescout: HelpdeskAdapter = {
  id: ID,
  name: 'FreeScout',
  writtenAgainst: 'FreeScout 1.8.145, pages saved from a local install 2026-11-23; selectors from that markup',
  matches: (url) => /(^|\/)conversation\/\d+\/?$/.test(url.pathname) && !onHostedHelpdesk(url),
  readTicket: (doc, url) =>
    reading(ID, () => {
      need(doc.querySelector('#conv-layout'), 'conversation layout (#conv-layout)');
      const main = need(doc.querySelector('#conv-layout-main'), 'thread list (#conv-layout-main)');
      const customer = doc.querySelector('#conv-layout-customer');
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(firstText(doc, ['.conv-numnav strong']), 'conversation number (.conv-numnav strong)'),
          url,
          subject: need(firstText(doc, ['.conv-subjtext > span', '#conv-subj-value']), 'subject (.conv-subjtext)'),
          requester: {
            name: firstText(customer ?? doc, ['.customer-name']) || undefined,
            email: emailIn(firstText(customer ?? doc, ['.customer-email .contact-main', '.customer-email'])),
          },
          messages: readThreads(main),
          status: firstText(doc, ['#conv-status .conv-info-val > span']) || undefined,
        },
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
