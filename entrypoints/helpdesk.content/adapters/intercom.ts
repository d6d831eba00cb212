/**
 * Intercom Inbox: https://app.intercom.com/a/inbox/<app>/inbox/.../conversation/<id> (EU, AU: app.eu., app.au.).
 * Written against the Inbox as read by public extensions in 2025-2026: the conversation stream
 * [data-testid="conversation-stream-scroll-container"], parts [data-part-group-id] with
 * data-part-group-category (1 customer, 3 teammate, 5 bot, 20 automated), bodies .interblocks-html,
 * the customer's name in [data-inbox-conversation-header-title], the ProseMirror composer in
 * [data-conversation-reply-composer] (sources: "Support Copilot for Intercom" and Clockify's
 * Intercom integration, found via code search). Internal notes come from teammates, so they are
 * read as agent messages: never as the customer's. Chats have no subject: it may stay empty.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from './hosts';
import { findEditor, firstText, type EditorSpec } from '../dom';
import { readThread } from '../thread';
import type { MessageDirection } from '../../../knowledge/ticket';

const ID = 'intercom';
const HOSTS = hostedPatterns(ID);
const CATEGORIES: Record<string, MessageDirection> = { '1': 'customer', '3': 'agent', '5': 'agent' };

function conversationId(url: URL): string | undefined {
  return /^\/a\/(?:inbox|apps)\/[^/]+\/.*conversations?\/(\d+)/.exec(url.pathname)?.[1];
}

/**
 * Reply vs note. EVIDENCE (hosted-helpdesks-evidence.md, SCI 2026-10): the composer
 * [data-conversation-reply-composer] .ProseMirror. ASSUMED: Reply and Note are tabs of that
 * composer, the selected one marked [role="tab"][aria-selected="true"] with its name in the text
 * ("Note"), or the composer carries data-composer-mode="note".
 */
const EDITORS: EditorSpec = {
  editors: ['[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]', '.embercom-prosemirror-composer-editor[contenteditable="true"]'],
  thread: '[data-part-group-id], [class*="group/content-part"], .interblocks-html',
  isNote: (el) => {
    const composer = el.closest('[data-conversation-reply-composer]');
    if (!composer) return false;
    if (composer.getAttribute('data-composer-mode') === 'note') return true;
    return /\bnote\b/i.test(composer.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '');
  },
};

export const intercom: HelpdeskAdapter = {
  id: ID,
  name: 'Intercom Inbox',
  writtenAgainst: 'Intercom Inbox as read by public extensions, 2025-2026 (see file header)',
  hosts: HOSTS,
  matches: (url) => matchesAny(HOSTS, url) && conversationId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const stream = need(
        doc.querySelector('[data-testid="conversation-stream-scroll-container"], [data-conversation-stream], .inbox2__conversation-stream'),
        'conversation stream (conversation-stream-scroll-container)',
      );
      const messages = readThread(stream, {
        items: ['[data-part-group-id][data-part-group-category]'],
        body: ['.interblocks-html', '.inbox2__break-words', '[class*="break-words"]'],
        author: ['[data-part-author-name]', '[data-testid="part-author-name"]'],
        direction: (item) => CATEGORIES[item.getAttribute('data-part-group-category') ?? ''] ?? null,
        newestFirst: false,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(conversationId(url), 'conversation id in the URL'),
          url,
          subject: firstText(doc, ['[data-inbox-conversation-subject]', '[data-testid="conversation-title"]']),
          requester: { name: firstText(doc, ['[data-inbox-conversation-header-title] span', '[data-inbox-conversation-header-title]']) || undefined },
          messages,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
