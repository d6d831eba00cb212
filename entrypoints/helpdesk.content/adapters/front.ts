/**
 * Front: https://app.frontapp.com/... (conversation ids cnv_… or numeric in the path).
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md): CLK, Clockify's Front integration,
 * 2023-01-04 (the only one, three years old): the subject
 * .conversationSubjectWrapper__StyledSubjectContainerDiv-… > div > span. Front's markup is
 * styled-components with hashed suffixes, so selectors match the stable prefix.
 * NO EVIDENCE (written 2026-11-23 from the same naming pattern, kept optional): message viewers
 * ([class*="messageViewer__"], [class*="messageViewerSender__"], [class*="messageViewerBody__"]),
 * comments ([class*="commentViewer__"]), the contact ([class*="conversationContact__"]) and the
 * composer. Where they miss, no message is read and the panel offers reading by selection.
 * A message is the customer's when its sender is the conversation's contact; comments are notes.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { emailIn, findEditor, firstText, lineText, type EditorSpec } from '../dom';
import { readThread } from '../thread';

const ID = 'front';
const HOSTS = hostedPatterns(ID);

function conversationId(url: URL): string | undefined {
  return /\/(cnv_[0-9a-z]+)(?:\/|$)/i.exec(url.pathname)?.[1] ?? /\/(?:conversation|t)\/(\d+)\/?$/.exec(url.pathname)?.[1];
}

/**
 * Reply vs note. No evidence either way (hosted-helpdesks-evidence.md, Front: "reply box: none").
 * ASSUMED from the same styled-components naming: internal comments are typed in a
 * [class*="commentComposer__"], replies in a [class*="composer__"] ("composer__" does not match
 * "commentComposer__": attribute matching is case-sensitive).
 */
const EDITORS: EditorSpec = {
  editors: ['[class*="composer__"] [contenteditable="true"]', '[data-testid="composer-editor"] [contenteditable="true"]', '[class*="commentComposer__"] [contenteditable="true"]'],
  thread: '[class*="messageViewer__"], [class*="commentViewer__"]',
  isNote: (el) => el.closest('[class*="commentComposer__"]') !== null,
};

export const front: HelpdeskAdapter = {
  id: ID,
  name: 'Front',
  writtenAgainst: 'Front web app: subject from Clockify (2023-01-04); messages, contact and composer from a 2026-11-23 naming guess without evidence',
  hosts: HOSTS,
  evidence: { subject: 'CLK 2023-01-04: conversationSubjectWrapper__StyledSubjectContainerDiv > div > span' },
  matches: (url) => matchesAny(HOSTS, url) && conversationId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const contact = firstText(doc, ['[class*="conversationContact__"] [class*="Name"]', '[class*="conversationContact__"]']);
      const contactEmail = emailIn(firstText(doc, ['[class*="conversationContact__"] [class*="Handle"]']));
      // No source shows the message list: without it no message is read and the read fails on that, not here.
      const thread = doc.querySelector('[class*="conversationThread__"], [class*="messageList__"]');
      const messages = !thread ? [] : readThread(thread, {
        items: ['[class*="messageViewer__StyledMessageViewer"], [class*="commentViewer__StyledCommentViewer"]'],
        body: ['[class*="messageViewerBody__"]', '[class*="commentViewerBody__"]'],
        author: ['[class*="messageViewerSender__"]', '[class*="commentViewerAuthor__"]'],
        direction: (item, author) =>
          item.matches('[class*="commentViewer__"]') ? 'note' : contact && lineText(item.querySelector('[class*="messageViewerSender__"]')) === contact ? 'customer' : author ? 'agent' : null,
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(conversationId(url), 'conversation id in the URL'),
          url,
          subject: need(firstText(doc, ['[class*="conversationSubjectWrapper__"] span', '[class*="conversationSubjectWrapper__"]']), 'subject ([class*="conversationSubjectWrapper__"])'),
          requester: { name: contact || undefined, email: contactEmail },
          messages,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
