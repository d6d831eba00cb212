/**
 * Generic mode, for any page no adapter knows:
 * (a) the agent's text selection becomes the latest message (the content script passes it in);
 * (b) a team lead saves three selectors for a domain, as data: {domain, subject, message, replyBox}.
 */
import { assembleTicket, fail, need, reading, type HelpdeskAdapter, type ReadResult } from '../adapter';
import { blockText, findEditor, lineText } from '../dom';

const ID = 'generic';

/** Saved by a team lead for one domain (and its subdomains). */
export interface GenericSelectors {
  domain: string;
  /** The ticket's subject or title (an input's value is read too). */
  subject: string;
  /** The latest customer message; when several elements match, the first one is read. */
  message: string;
  /** The reply editor (contenteditable or textarea). */
  replyBox: string;
}

/** "*.Example.com." -> "example.com" */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

export function domainMatches(hostname: string, domain: string): boolean {
  const d = normaliseDomain(domain);
  const h = hostname.toLowerCase();
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}

/** querySelector that reports a saved selector that is not valid CSS instead of throwing. */
function query(doc: Document, field: keyof GenericSelectors, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    throw new InvalidSelector(`saved selector for ${field} is not valid CSS: "${selector}"`);
  }
}

class InvalidSelector extends Error {}

export function genericAdapter(selectors: GenericSelectors): HelpdeskAdapter {
  return {
    id: ID,
    name: `Saved selectors for ${normaliseDomain(selectors.domain)}`,
    writtenAgainst: `selectors saved by a team lead for ${normaliseDomain(selectors.domain)}`,
    matches: (url) => domainMatches(url.hostname, selectors.domain),
    readTicket: (doc, url) => {
      try {
        return reading(ID, () => {
          const messageEl = need(query(doc, 'message', selectors.message), `message (saved selector "${selectors.message}")`);
          const subject = need(lineText(query(doc, 'subject', selectors.subject)), `subject (saved selector "${selectors.subject}")`);
          return assembleTicket(
            { helpdesk: ID, id: '', url, subject, requester: {}, messages: [{ direction: 'customer', text: blockText(messageEl) }] },
          );
        });
      } catch (e) {
        if (e instanceof InvalidSelector) return fail(ID, e.message);
        throw e;
      }
    },
    // The saved selector names the reply editor: the team lead picked it, so no note is assumed
    // (findNoteBox is null). An editor inside the saved message element is a copy, never a candidate.
    findReplyBox: (doc) => {
      try {
        // No saved message (a field-by-field override): no element is excluded as a copy.
        return findEditor(doc, { editors: [selectors.replyBox], thread: selectors.message.trim() || ':not(*)', isNote: () => false }, 'reply');
      } catch {
        return null;
      }
    },
    findNoteBox: () => null,
  };
}

/** Mode (a): the agent selected the customer's message on a page no adapter reads. */
export function readTicketFromSelection(text: string, url: URL): ReadResult {
  const message = text
    .replace(/\u00a0/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!message) return fail(ID, 'no text selected: select the customer message first');
  return {
    ok: true,
    ticket: { helpdesk: ID, id: '', url: url.href.slice(0, 4000), subject: '', requester: {}, latestMessage: message.slice(0, 100_000), thread: [], tags: [] },
  };
}
