import { helpdeskName } from '@/knowledge/helpdesks';
import type { Ticket } from '@/knowledge/ticket';

const EXCERPT = 280;

export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}

/** The ticket as it was read: what the suggestions are based on. */
export function TicketSummary({ ticket, fromSelection }: { ticket: Ticket; fromSelection: boolean }) {
  const who = [ticket.requester.name, ticket.requester.email ? `<${ticket.requester.email}>` : undefined].filter(Boolean).join(' ');
  return (
    <section className="ticket" data-testid="ticket-summary" aria-labelledby="ticket-heading">
      <h2 id="ticket-heading" className="visually-hidden">
        Ticket read from the page
      </h2>
      <p className="ticket-subject">
        {ticket.id ? <span className="ticket-id">#{ticket.id} </span> : null}
        {ticket.subject || (fromSelection ? 'Selected text' : '(no subject)')}
      </p>
      {who ? <p className="ticket-requester">From {who}</p> : null}
      <blockquote className="ticket-message" aria-label="Latest customer message">
        {excerpt(ticket.latestMessage)}
      </blockquote>
      <p className="ticket-source">
        {fromSelection ? 'Read from your selection' : `Read from ${helpdeskName(ticket.helpdesk)}`}
      </p>
    </section>
  );
}
