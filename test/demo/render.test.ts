// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demo } from '../../entrypoints/helpdesk.content/adapters/demo';
import type { Ticket } from '../../knowledge/ticket';
import { page, summary } from './render';
import { SAMPLE_TICKETS, toDemoTicket } from './tickets';

// The demo helpdesk and the demo adapter meet at a markup contract: every sample ticket rendered
// by the demo must read back as the same ticket.
const rows = JSON.parse(readFileSync(SAMPLE_TICKETS, 'utf8')) as { ticket: Ticket }[];
const tickets = rows.map((r, i) => toDemoTicket(r.ticket, i));
const list = tickets.map(summary);

describe('demo helpdesk pages', () => {
  it.each(rows.map((r, i) => [r.ticket.id, i] as const))('ticket %s reads back as the sample ticket', (id, i) => {
    // The whole ticket list in the sidebar once; the other pages list only their own ticket (speed).
    const doc = new DOMParser().parseFromString(page(i === 0 ? list : [list[i]!], tickets[i]), 'text/html');
    const url = new URL(`http://127.0.0.1:4317/tickets/${id}`);
    const read = demo.readTicket(doc, url);
    if (!read.ok) throw new Error(read.reason);
    const want = rows[i]!.ticket;
    expect(read.ticket).toMatchObject({
      helpdesk: 'demo',
      id: want.id,
      subject: want.subject,
      latestMessage: want.latestMessage,
      tags: want.tags,
      status: want.status,
    });
    expect(read.ticket.requester.email).toBe(want.requester.email);
    expect(read.ticket.thread.map((m) => [m.direction, m.text])).toEqual(want.thread.map((m) => [m.direction, m.text]));
  });

  it('the ticket list is not a ticket', () => {
    const doc = new DOMParser().parseFromString(page(list, undefined), 'text/html');
    expect(demo.matches(new URL('http://127.0.0.1:4317/tickets'))).toBe(false);
    expect(doc.querySelector('[data-demo-ticket-id]')).toBeNull();
  });

  it('escapes what customers write', () => {
    const evil = toDemoTicket({ ...rows[0]!.ticket, subject: '<img src=x onerror=alert(1)>', latestMessage: '<script>x()</script>' }, 0);
    const html = page([summary(evil)], evil);
    expect(html).not.toMatch(/<img src=x|<script>x/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
