import { readFileSync } from 'node:fs';
import { keyTerms } from '../../knowledge/key-terms.ts';
import { clusterTermSets, purity } from '../../knowledge/reports/gaps.ts';
import type { Ticket } from '../../knowledge/ticket.ts';

/**
 * test/fixtures/gaps/tickets.json: 64 tickets over 8 topics the sample knowledge does not answer
 * (bike servicing, careers, bulk orders, the app crashing, student discounts, sponsorship, gear
 * recycling, courses and guided tours), each labelled with its topic.
 */
export interface LabelledTicket {
  topic: string;
  ticket: Ticket;
}

export function gapFixture(): LabelledTicket[] {
  const rows = JSON.parse(readFileSync(new URL('../fixtures/gaps/tickets.json', import.meta.url), 'utf8')) as { topic: string; subject: string; latestMessage: string }[];
  return rows.map((r, i) => ({
    topic: r.topic,
    ticket: { helpdesk: 'demo', id: `gap-${i + 1}`, subject: r.subject, latestMessage: r.latestMessage, requester: {}, thread: [], tags: [], locale: 'en' },
  }));
}

/** The grouping measured on the fixture: purity, inverse purity and how many topics it made. */
export function measureGapGrouping(
  threshold?: number,
  keep: (index: number) => boolean = () => true,
): { tickets: number; labels: number; topics: number; singletons: number; purity: number; inversePurity: number } {
  const fixture = gapFixture().filter((_, i) => keep(i));
  const clusters = clusterTermSets(fixture.map((f) => keyTerms(f.ticket)), threshold === undefined ? {} : { threshold });
  const labels = fixture.map((f) => f.topic);
  return {
    tickets: fixture.length,
    labels: new Set(labels).size,
    topics: clusters.length,
    singletons: clusters.filter((c) => c.length === 1).length,
    ...purity(clusters, labels),
  };
}
