/**
 * Jira Service Management, agent view: Cloud (https://<site>.atlassian.net/browse/<KEY-n>,
 * /jira/servicedesk/projects/<P>/queues/.../<KEY-n>) and Data Center on any domain (/browse/<KEY-n>,
 * /projects/<P>/queues/.../<KEY-n>).
 * Sources (see /work/shared/notes/hosted-helpdesks-evidence.md):
 * - TGL: Toggl's atlassian.js, 2026-02-18: the summary
 *   h1[data-testid="issue.views.issue-base.foundation.summary.heading"], #summary-val (old view).
 * - JR-*: Jira Cloud scripts (undated): [data-testid^="comment-base-item-"],
 *   issue-comment-base.ui.comment.ak-comment.<id>-body.
 * - Jira scripts found by code search (ids 58346510656, 54660602425, 59806589673; undated):
 *   issue.views.field.rich-text.description, issue.views.field.user.reporter, #description-val, #reporter-val.
 * NO EVIDENCE (optional): comment authors ([data-testid$="-author"]), the internal-comment marker,
 * status, the editor; Data Center's .activity-comment. The reporter is the customer: comments by
 * the reporter are customer messages.
 */
import { assembleTicket, need, reading, type HelpdeskAdapter } from '../adapter';
import { findEditor, firstText, type EditorSpec } from '../dom';
import { readThread } from '../thread';
import { hostedPatterns } from '@/knowledge/hosted-helpdesks';
import type { TicketMessage } from '../../../knowledge/ticket';

const ID = 'jira';
/** Jira Cloud; Data Center sites are added by domain in Settings and matched by path anywhere. */
const HOSTS = hostedPatterns(ID);
const KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

function issueKey(url: URL): string | undefined {
  const selected = url.searchParams.get('selectedIssue');
  if (selected && KEY.test(selected)) return selected;
  const m = /\/browse\/([A-Z][A-Z0-9_]+-\d+)\/?$/.exec(url.pathname) ?? /\/projects\/[^/]+\/queues\/.*\/([A-Z][A-Z0-9_]+-\d+)\/?$/.exec(url.pathname);
  return m?.[1];
}

/**
 * Reply vs note. No evidence (hosted-helpdesks-evidence.md: the editor was "not checked").
 * ASSUMED: Jira Service Management opens the editor from "Reply to customer" or "Add internal
 * note"; the internal one sits in a container whose data-testid names it ([data-testid*="internal"]),
 * or Data Center's comment form carries .sd-internal-comment. The ticket's description and comments
 * hold no editor.
 */
const EDITORS: EditorSpec = {
  editors: ['#ak-editor-textarea[contenteditable="true"]', '.ProseMirror[contenteditable="true"]', 'textarea#comment'],
  thread: '[data-testid="issue.views.field.rich-text.description"], [data-testid^="comment-base-item-"], #description-val, .activity-comment',
  isNote: (el) => el.closest('[data-testid*="internal"], .sd-internal-comment') !== null,
};

export const jira: HelpdeskAdapter = {
  id: ID,
  name: 'Jira Service Management',
  writtenAgainst: 'Jira Cloud issue view as read by Toggl (2026-02-18) and undated Jira scripts; Data Center ids (see file header)',
  hosts: HOSTS,
  evidence: {
    id: 'TGL 2026-02-18: issue key in the URL',
    subject: 'TGL 2026-02-18: issue.views.issue-base.foundation.summary.heading',
    messages: 'Jira scripts (undated): issue.views.field.rich-text.description, comment-base-item-<n> with ak-comment.<n>-body',
    direction: 'Jira scripts (undated): the reporter (issue.views.field.user.reporter) wrote the description',
    'requester.name': 'Jira scripts (undated): [data-testid="issue.views.field.user.reporter"]',
  },
  matches: (url) => issueKey(url) !== undefined,
  readTicket: (doc, url) =>
    reading(ID, () => {
      const subject = need(
        firstText(doc, ['h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', '#summary-val']),
        'summary (issue.views.issue-base.foundation.summary.heading)',
      );
      const reporter = firstText(doc, ['[data-testid="issue.views.field.user.reporter"] [data-testid$="name"]', '[data-testid="issue.views.field.user.reporter"]', '#reporter-val']);
      const description = readThread(doc, {
        items: ['[data-testid="issue.views.field.rich-text.description"]', '#description-val'],
        direction: () => 'customer',
        newestFirst: false,
      }).map((m): TicketMessage => ({ ...m, author: reporter || undefined }));
      const comments = readThread(doc, {
        items: ['[data-testid^="comment-base-item-"]', '.activity-comment'],
        body: ['[data-testid^="issue-comment-base.ui.comment.ak-comment."][data-testid$="-body"]', '.action-body'],
        author: ['[data-testid$="-author"]', '.action-details a.user-hover'],
        direction: (item, author) =>
          item.querySelector('[data-testid*="comment-visibility"], .internal-comment-lozenge') ? 'note' : reporter && author === reporter ? 'customer' : 'agent',
        // Cloud lists the activity newest first by default; Data Center oldest first.
        newestFirst: doc.querySelector('[data-testid^="comment-base-item-"]') !== null,
      });
      return assembleTicket(
        {
          helpdesk: ID,
          id: need(issueKey(url), 'issue key in the URL'),
          url,
          subject,
          requester: { name: reporter || undefined },
          messages: [...description, ...comments],
          status: firstText(doc, ['[data-testid="issue-field-status.ui.status-view.status-button.status-button"]', '#status-val']) || undefined,
        },
        doc,
      );
    }),
  findReplyBox: (doc) => findEditor(doc, EDITORS, 'reply'),
  findNoteBox: (doc) => findEditor(doc, EDITORS, 'note'),
};
