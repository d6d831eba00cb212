/**
 * Reading a list of messages described by selectors: what most hosted helpdesk adapters share.
 * Each adapter supplies the selectors (with fallbacks) and how to tell customer, agent and note apart.
 */
import type { MessageDirection, TicketMessage } from '../../knowledge/ticket';
import { oldestFirst } from './adapter';
import { all, blockText, deepAll, deepFirst, first, isoTime, lineText } from './dom';

export interface ThreadSpec {
  /** The message elements; the first selector that matches anything is used. */
  items: readonly string[];
  /** The message body inside an item; without it, the item itself. */
  body?: readonly string[];
  author?: readonly string[];
  /** UI chrome inside the body to leave out ("Show more", translate buttons). */
  skip?: string;
  /** customer/agent/note, or null to leave the item out (system events). */
  direction(item: Element, author: string): MessageDirection | null;
  /** The helpdesk lists the newest message on top (used when not every message has a time). */
  newestFirst: boolean;
  /** Look inside open shadow roots too (Intercom renders messages in them). */
  deep?: boolean;
}

export function readThread(root: ParentNode, spec: ThreadSpec): TicketMessage[] {
  const out: TicketMessage[] = [];
  const findAll = spec.deep ? deepAll : all;
  const find = spec.deep ? deepFirst : first;
  for (const item of findAll(root, spec.items)) {
    const author = spec.author ? lineText(find(item, spec.author)) : '';
    const direction = spec.direction(item, author);
    if (!direction) continue;
    out.push({
      author: author || undefined,
      direction,
      text: blockText(spec.body ? find(item, spec.body) : item, spec.skip),
      at: isoTime(item.querySelector('time[datetime]')?.getAttribute('datetime')),
    });
  }
  return oldestFirst(out, spec.newestFirst);
}

/** The first customer message's author: the requester, where the page shows no requester field. */
export function firstCustomer(messages: readonly TicketMessage[]): string | undefined {
  return messages.find((m) => m.direction === 'customer')?.author;
}
