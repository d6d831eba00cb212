/**
 * Front: https://app.frontapp.com/... (conversation ids cnv_… or numeric in the path).
 * Front's markup is styled-components with hashed suffixes, so selectors match the stable
 * prefix: [class*="conversationSubjectWrapper__"] (from Clockify's Front integration, 2024) and
 * the same naming for message viewers ([class*="messageViewer__"], [class*="messageViewerSender__"],
 * [class*="messageViewerBody__"]) and comments ([class*="commentViewer__"]): UNVERIFIED beyond the
 * subject, written 2026-11-23 from that naming pattern. A message is the customer's when its sender
 * is the conversation's contact ([class*="conversationContact__"]); comments are internal notes.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from './hosts';
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
  writtenAgainst: 'Front web app styled-components class prefixes, 2024 (subject) and 2026-11-23 naming pattern (messages, unverified)',
  hosts: HOSTS,
  matches: (url) => matchesAny(HOSTS, url) && conversationId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const contact = firstText(doc, ['[class*="conversationContact__"] [class*="Name"]', '[class*="conversationContact__"]']);
      const contactEmail = emailIn(firstText(doc, ['[class*="conversationContact__"] [class*="Handle"]']));
      const thread = need(doc.querySelector('[class*="conversationThread__"], [class*="messageList__"]'), 'message list ([class*="conversationThread__"])');
      const messages = readThread(thread, {
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
