/**
 * Intercom Inbox: https://app.intercom.com/a/inbox/<app>/inbox/.../conversation/<id> (EU, AU: app.eu., app.au.).
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md):
 * - SCI: "Support Copilot for Intercom" content script and CHANGELOG, 4.0.0 of 2026-10-01 (current):
 *   stream [data-testid="conversation-stream-scroll-container"] / .inbox-2__conversation-stream;
 *   parts [class*="group/content-part"] since April 2026 (3.1.0, 2026-04-27), [data-part-group-id]
 *   legacy; role from justify-end / flex-row-reverse (agent), justify-start (customer) or
 *   data-author-type on the part or an ancestor, legacy data-part-group-category (1 customer,
 *   3 teammate, 5 bot, 20 automated); bodies .interblocks-html, .inbox-2__break-words; composer
 *   [data-conversation-reply-composer] .ProseMirror; and "Intercom uses shadow DOM extensively":
 *   everything here is looked up through open shadow roots.
 * - CLK: Clockify's Intercom integration, 2026-03-10: the name [data-inbox-conversation-header-title].
 * No source: the subject, authors, internal notes and the URL shape (kept, optional or legacy).
 * Rows without an alignment class or author type (SCI: "as of mid-2026 rows carry no alignment
 * class"; it then measures bubble positions, which needs layout) are left out rather than guessed.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { hostedPatterns, matchesAny } from '@/knowledge/hosted-helpdesks';
import { deepFirst, findEditor, lineText, type EditorSpec } from '../dom';
import { readThread } from '../thread';
import type { MessageDirection } from '../../../knowledge/ticket';

const ID = 'intercom';
const HOSTS = hostedPatterns(ID);
const CATEGORIES: Record<string, MessageDirection | undefined> = { '1': 'customer', '3': 'agent', '5': 'agent' };

function conversationId(url: URL): string | undefined {
  return /^\/a\/(?:inbox|apps)\/[^/]+\/.*conversations?\/(\d+)/.exec(url.pathname)?.[1];
}

/** SCI's role hints on the part or its nearest ancestors (current markup), else the legacy category. */
function direction(item: Element): MessageDirection | null {
  const legacy = item.getAttribute('data-part-group-category');
  if (legacy !== null) return CATEGORIES[legacy] ?? null;
  let el: Element | null = item;
  for (let i = 0; i < 6 && el; i++, el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const cls = el.getAttribute('class') ?? '';
    if (/\b(justify-end|flex-row-reverse)\b/.test(cls)) return 'agent';
    if (/\bjustify-start\b/.test(cls)) return 'customer';
    const author = (el.getAttribute('data-author-type') ?? '').toLowerCase();
    if (/user|customer|lead|contact/.test(author)) return 'customer';
    if (/admin|agent|teammate|bot/.test(author)) return 'agent';
  }
  return null;
}

/**
 * Reply vs note. EVIDENCE (SCI 2026-10): the composer [data-conversation-reply-composer] .ProseMirror.
 * ASSUMED: Reply and Note are tabs of that composer, the selected one marked
 * [role="tab"][aria-selected="true"] with its name in the text ("Note"), or the composer carries
 * data-composer-mode="note".
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
  deep: true,
};

export const intercom: HelpdeskAdapter = {
  id: ID,
  name: 'Intercom Inbox',
  writtenAgainst: 'Intercom Inbox as read by Support Copilot for Intercom 4.0.0 (2026-10-01) and Clockify (2026-03-10), shadow roots included; legacy part markup as fallback',
  hosts: HOSTS,
  evidence: {
    messages: 'SCI 4.0.0, 2026-10-01: [class*="group/content-part"] (legacy [data-part-group-id])',
    direction: 'SCI 3.1.0-4.0.0, 2026-04-27..10-01: justify-end / justify-start / data-author-type (legacy data-part-group-category)',
    'requester.name': 'CLK 2026-03-10 and SCI 2026-10-01: [data-inbox-conversation-header-title]',
    replyBox: 'SCI 2026-10-01: [data-conversation-reply-composer] .ProseMirror',
  },
  matches: (url) => matchesAny(HOSTS, url) && conversationId(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const stream = need(
        deepFirst(doc, [
          '[data-testid="conversation-stream-scroll-container"]',
          '[data-conversation-stream]',
          '[data-intercom-target-conversation-stream]',
          '.inbox-2__conversation-stream',
          '.inbox2__conversation-stream',
        ]),
        'conversation stream (conversation-stream-scroll-container)',
      );
      const messages = readThread(stream, {
        items: ['[class*="group/content-part"]', '[data-part-group-id][data-part-group-category]'],
        body: ['.interblocks-html', '.inbox-2__break-words', '.inbox2__break-words', '[class*="break-words"]'],
        author: ['[data-part-author-name]', '[data-testid="part-author-name"]'],
        direction,
        newestFirst: false,
        deep: true,
      });
      const text = (selectors: string[]) => lineText(deepFirst(doc, selectors));
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(conversationId(url), 'conversation id in the URL'),
          url,
          subject: text(['[data-inbox-conversation-subject]', '[data-testid="conversation-title"]']),
          requester: { name: text(['[data-inbox-conversation-header-title] span', '[data-inbox-conversation-header-title]']) || undefined },
          messages,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
