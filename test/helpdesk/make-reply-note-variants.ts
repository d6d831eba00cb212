// Writes two variants of one saved page per adapter into test/fixtures/helpdesk/<id>/:
//   <page>-note-open: the page's reply editor turned into an internal note's, the way that helpdesk
//     marks a note (see NOTE below and the EDITORS comment in each adapter: evidence or assumption);
//   <page>-editor-in-message: a copy of the reply editor's markup (its ancestors' tags, ids and
//     classes, the editor emptied, nothing hidden) inside the latest customer message.
// osTicket and FreeScout get their note-open pages from real installs instead (copied by hand from
// /work/shared/helpdesk-pages/). Check each written page and expected JSON by eye before committing.
// Usage: npx tsx test/helpdesk/make-reply-note-variants.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { adapterFor } from '../../entrypoints/helpdesk.content/adapters/index.ts';
import { COPY_MARK, FIXTURES_DIR, type Expected } from './fixtures.ts';

interface Base {
  folder: string;
  page: string;
  /** Turns the open reply editor into the helpdesk's internal-note editor; returns the note's selector. */
  note?: (editor: HTMLElement) => string;
}

const wrap = (el: Element, html: string): Element => {
  const holder = el.ownerDocument.createElement('template');
  holder.innerHTML = html;
  const outer = holder.content.firstElementChild!;
  el.replaceWith(outer);
  outer.append(el);
  return outer;
};

const BASES: Base[] = [
  { folder: 'osticket', page: 'ticket-view' },
  { folder: 'freescout', page: 'conversation-reply-open' },
  {
    folder: 'zendesk',
    page: 'two-tabs-open',
    note: (ed) => {
      ed.parentElement!.insertAdjacentHTML('beforebegin', '<button type="button" data-test-id="omnichannel-channel-switcher-button" aria-label="Internal note">Internal note</button>');
      return '[data-ticket-id="4711"] [data-test-id="omnicomposer-rich-text-ckeditor"]';
    },
  },
  {
    folder: 'freshdesk',
    page: 'ticket',
    note: (ed) => {
      ed.parentElement!.setAttribute('data-test-id', 'note-editor');
      return '[data-test-id="note-editor"] .fr-element';
    },
  },
  {
    folder: 'helpscout',
    page: 'conversation',
    note: (ed) => {
      ed.setAttribute('aria-label', 'Note Editor');
      return '[aria-label="Note Editor"]';
    },
  },
  {
    folder: 'intercom',
    page: 'conversation',
    note: (ed) => {
      ed.insertAdjacentHTML('beforebegin', '<div role="tablist"><button role="tab" aria-selected="false">Reply</button><button role="tab" aria-selected="true">Note</button></div>');
      return '[data-conversation-reply-composer] .ProseMirror';
    },
  },
  {
    folder: 'front',
    page: 'conversation',
    note: (ed) => {
      ed.parentElement!.className = 'commentComposer__StyledCommentComposer-sc-1k2j3h-0';
      return '[class*="commentComposer__"] [contenteditable]';
    },
  },
  {
    folder: 'zoho',
    page: 'ticket',
    note: (ed) => {
      wrap(ed, '<div data-id="commentEditor"></div>');
      return '[data-id="commentEditor"] .ze_area';
    },
  },
  {
    folder: 'hubspot',
    page: 'ticket-thread',
    note: (ed) => {
      ed.parentElement!.setAttribute('data-composer-channel', 'comment');
      return '[data-composer-channel="comment"] [contenteditable]';
    },
  },
  {
    folder: 'jira',
    page: 'queue-issue',
    note: (ed) => {
      wrap(ed, '<div data-testid="issue-view-layout-templates-default.internal-comment-editor"></div>');
      return '#ak-editor-textarea';
    },
  },
  {
    folder: 'demo',
    page: 'ticket-1001',
    note: (ed) => {
      ed.removeAttribute('data-demo-reply');
      ed.setAttribute('data-demo-note', '');
      ed.setAttribute('aria-label', 'Internal note');
      return '[data-demo-note]';
    },
  },
  {
    folder: 'generic',
    page: 'saved-selectors',
    // The saved reply box is closed; another editor (a note, say) is open: neither is the reply.
    note: (ed) => {
      ed.parentElement!.setAttribute('hidden', '');
      ed.parentElement!.insertAdjacentHTML('afterend', '<div class="note-composer"><textarea id="note" aria-label="Internal note"></textarea></div>');
      return '';
    },
  },
];

function load(folder: string, page: string): { dom: JSDOM; expected: Expected } {
  const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, folder, `${page}.expected.json`), 'utf8')) as Expected;
  return { dom: new JSDOM(readFileSync(join(FIXTURES_DIR, folder, `${page}.html`), 'utf8'), { url: expected.url }), expected };
}

function replyEditor(doc: Document, expected: Expected): HTMLElement {
  const adapter = adapterFor(new URL(expected.url), expected.generic ? { genericSelectors: [expected.generic] } : {})!;
  return adapter.findReplyBox(doc)!;
}

function save(folder: string, name: string, dom: JSDOM, expected: Expected): void {
  writeFileSync(join(FIXTURES_DIR, folder, `${name}.html`), dom.serialize() + '\n');
  writeFileSync(join(FIXTURES_DIR, folder, `${name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
}

const INLINE = new Set(['p', 'span', 'a', 'b', 'i', 'em', 'strong', 'font', 'small', 'u', 'li', 'td', 'th']);

/** The innermost block that holds the start of the latest customer message. */
function messageBlock(doc: Document, latest: string): Element {
  const probe = latest.split('\n')[0]!.slice(0, 30);
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  let at: Element = doc.body;
  for (;;) {
    const next = Array.from(at.children).find((c) => norm(c.textContent).includes(probe));
    if (!next) break;
    at = next;
  }
  while (INLINE.has(at.localName)) at = at.parentElement!;
  return at;
}

/** The editor's ancestors (tags, ids, classes, data attributes; nothing hidden) around an empty copy of it. */
function copyOfEditor(editor: HTMLElement): Element {
  let copy = editor.cloneNode(false) as Element;
  for (let up = editor.parentElement; up && up.localName !== 'body'; up = up.parentElement) {
    const shell = up.cloneNode(false) as Element;
    shell.append(copy);
    copy = shell;
  }
  for (const el of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    el.removeAttribute('style');
    el.removeAttribute('hidden');
    el.removeAttribute('aria-hidden');
    el.classList.remove('hidden');
  }
  copy.setAttribute(COPY_MARK, '');
  return copy;
}

for (const base of BASES) {
  if (base.note) {
    const { dom, expected } = load(base.folder, base.page);
    const doc = dom.window.document;
    const noteBox = base.note(replyEditor(doc, expected));
    save(base.folder, `${base.page}-note-open`, dom, { ...expected, replyBox: null, noteBox: noteBox || null });
  }
  const { dom, expected } = load(base.folder, base.page);
  const doc = dom.window.document;
  messageBlock(doc, expected.ticket!.latestMessage).append(copyOfEditor(replyEditor(doc, expected)));
  save(base.folder, `${base.page}-editor-in-message`, dom, expected);
}
