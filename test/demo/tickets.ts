import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Ticket } from '../../knowledge/ticket';
import type { DemoTicket } from './render';

export const SAMPLE_TICKETS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../knowledge/sample/tickets.json');

/** A sample ticket as the demo helpdesk shows it: thread plus the latest customer message, oldest first. */
export function toDemoTicket(t: Ticket, index: number): DemoTicket {
  // The sample has no time for the latest message: one hour apart, newest ticket first, before "today".
  const latestAt = new Date(Date.UTC(2026, 10, 23, 8, 0) - index * 3_600_000).toISOString();
  const name = t.requester.name ?? t.requester.email ?? 'Customer';
  return {
    id: t.id,
    subject: t.subject,
    requester: { name, email: t.requester.email ?? '' },
    status: t.status ?? 'open',
    tags: t.tags,
    messages: [
      ...t.thread.map((m) => ({
        direction: m.direction,
        author: m.author ?? (m.direction === 'customer' ? name : 'Sam Support'),
        at: m.at ?? latestAt,
        text: m.text,
      })),
      { direction: 'customer' as const, author: name, at: latestAt, text: t.latestMessage },
    ],
  };
}

/** The sample tickets (knowledge/sample/tickets.json), in the demo's shape. */
export async function loadSampleTickets(file = SAMPLE_TICKETS): Promise<DemoTicket[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new Error(`The demo needs the sample tickets at ${path.relative(process.cwd(), file)}, and that file is missing.`);
  }
  const list = JSON.parse(raw) as { ticket: Ticket }[];
  return list.map((row, i) => toDemoTicket(row.ticket, i));
}
