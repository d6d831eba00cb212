import { languageOf, type Reads } from '../language';
import type { Ticket } from '../ticket';
import { cleanMessage } from './clean-message';
import type { QueryPart } from './index';

/**
 * How much each part of a ticket counts. The subject and the latest customer message say what
 * the agent is answering now; earlier customer messages add context; agent replies and notes
 * are our own words and count little. Fitted on the sample tickets' fit split (DESIGN.md).
 */
export const TICKET_WEIGHTS = {
  subject: 1.5,
  latest: 1,
  customerThread: 0.4,
  agentThread: 0.1,
  note: 0,
} as const;

export type TicketWeights = { [K in keyof typeof TICKET_WEIGHTS]: number };

export interface TicketQuery {
  /** The cleaned subject and latest message: what a person would read as "the question". */
  text: string;
  parts: QueryPart[];
  /** The ticket's language: the one the helpdesk states, else told from the subject and latest message. */
  locale?: string;
}

/** Subject prefixes that say nothing about the question. */
const SUBJECT_NOISE = /^\s*((re|fw|fwd|aw|wg|tr|rv|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i;

/**
 * `fallbackLocale`: the knowledge base's main language, taken when the ticket's text is too short
 * to tell its language and that language is among the candidates (knowledge/language.ts).
 * `reads`: the knowledge base's vocabulary, which decides a short subject and message's language
 * (knowledge/search/query-language.ts).
 */
export function ticketQuery(ticket: Ticket, weights: TicketWeights = TICKET_WEIGHTS, fallbackLocale?: string, reads?: Reads): TicketQuery {
  const subject = ticket.subject.replace(SUBJECT_NOISE, '').trim();
  const latest = cleanMessage(ticket.latestMessage);
  const parts: QueryPart[] = [];
  const push = (text: string, weight: number) => {
    if (text && weight > 0) parts.push({ text, weight });
  };
  push(subject, weights.subject);
  push(latest, weights.latest);
  for (const m of ticket.thread) {
    const weight = m.direction === 'customer' ? weights.customerThread : m.direction === 'agent' ? weights.agentThread : weights.note;
    // The latest message is often also the last thread item on some helpdesks: count it once.
    const text = cleanMessage(m.text);
    if (text !== latest) push(text, weight);
  }
  const text = [subject, latest].filter(Boolean).join('\n\n');
  const locale = ticket.locale ?? languageOf(text, fallbackLocale, reads);
  return { text, parts, ...(locale ? { locale } : {}) };
}
