/**
 * A built-in adapter with the selectors a team lead saved for the same domain laid over it, field by
 * field: a saved subject, message or reply-box selector wins over the adapter's for that field, an
 * empty one leaves the adapter's. This is how a team keeps reading a helpdesk whose markup changed
 * (or whose thread markup no source shows, like Zoho Desk's) before the adapter is fixed, without
 * losing the fields the adapter still reads (ticket number, requester, tags, the note editor).
 */
import { withSavedFields, type HelpdeskAdapter, type ReadResult, type SavedFields } from '../adapter';
import { blockText, lineText } from '../dom';
import { genericAdapter, normaliseDomain, type GenericSelectors } from './generic';

/** The saved selector's element, or null when it matches nothing or is not valid CSS. */
function query(doc: Document, selector: string): Element | null {
  try {
    return selector.trim() ? doc.querySelector(selector) : null;
  } catch {
    return null;
  }
}

export function withSavedSelectors(base: HelpdeskAdapter, saved: GenericSelectors): HelpdeskAdapter {
  const generic = genericAdapter(saved);
  const overridden = (['subject', 'message', 'replyBox'] as const).filter((f) => saved[f].trim() !== '');
  return {
    ...base,
    writtenAgainst: `${base.writtenAgainst}; ${overridden.join(', ')} from selectors saved for ${normaliseDomain(saved.domain)}`,
    readTicket: (doc, url): ReadResult => {
      const fields: SavedFields = {};
      const subject = lineText(query(doc, saved.subject));
      const message = blockText(query(doc, saved.message));
      if (subject) fields.subject = subject;
      if (message) fields.message = message;
      return withSavedFields(fields, () => base.readTicket(doc, url));
    },
    findReplyBox: (doc) => (saved.replyBox.trim() ? generic.findReplyBox(doc) : base.findReplyBox(doc)),
  };
}
