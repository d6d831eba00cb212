import { z } from 'zod';

/**
 * A ticket as a helpdesk adapter hands it over. Text is plain text as the page shows it;
 * quoted history, signatures and greetings are removed later by knowledge/search/ticket-query.ts.
 */
export const MessageDirection = z.enum(['customer', 'agent', 'note']);
export type MessageDirection = z.infer<typeof MessageDirection>;

export const TicketMessage = z.object({
  author: z.string().max(300).optional(),
  direction: MessageDirection,
  text: z.string().max(100_000),
  /** ISO 8601 when the page shows it. */
  at: z.string().max(64).optional(),
});
export type TicketMessage = z.infer<typeof TicketMessage>;

export const Ticket = z.object({
  /** Adapter id: zendesk, freshdesk, helpscout, intercom, front, zoho, hubspot, jira, osticket, freescout, generic, demo. */
  helpdesk: z.string().min(1).max(40),
  /** The helpdesk's own ticket id or number, as shown. Empty when the page has none (generic mode). */
  id: z.string().max(200),
  url: z.string().max(4000).optional(),
  subject: z.string().max(2000),
  requester: z.object({
    name: z.string().max(300).optional(),
    email: z.string().max(320).optional(),
  }),
  /** The newest message from the customer: what the agent is answering. */
  latestMessage: z.string().max(100_000),
  /** Earlier messages, oldest first, without the latest customer message. */
  thread: z.array(TicketMessage).max(500),
  tags: z.array(z.string().max(200)).max(200),
  status: z.string().max(100).optional(),
  /** BCP 47 guess (page language or text), e.g. en, de. */
  locale: z.string().max(35).optional(),
});
export type Ticket = z.infer<typeof Ticket>;
