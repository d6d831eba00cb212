import { readFileSync } from 'node:fs';
import type { Entry } from '../../knowledge/entry';
import { fillPlaceholders, findPlaceholders, unescapeMarkdown, valuesFromTicket, type PlaceholderValues } from '../../knowledge/placeholders';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { baseCalibration } from '../../knowledge/search/self-calibration';
import { suggest } from '../../knowledge/suggest';
import type { Ticket } from '../../knowledge/ticket';

/**
 * Which sample tickets the tests walk through, chosen with the same search the background runs
 * (so a change in ranking picks other tickets instead of breaking the flow tests): tickets whose
 * top suggestion is their expected entry, and one the search rightly answers with nothing.
 */
export interface SampleRow {
  ticket: Ticket;
  expected: string;
}

export const DAY = '2026-11-23';
const pack = JSON.parse(readFileSync('knowledge/sample/pack.json', 'utf8')) as { entries: Entry[] };
export const SAMPLE_ROWS = JSON.parse(readFileSync('knowledge/sample/tickets.json', 'utf8')) as SampleRow[];
const entries = new Map(pack.entries.map((e) => [e.id, e]));
let index: KnowledgeIndex | undefined;
let plain: KnowledgeIndex | undefined;

/**
 * The worker answers its first ticket with the global model and fits the pack's own calibration
 * right after (knowledge/search/self-calibration.ts): a ticket counts as confident only when it is
 * under both, and as abstained only when it is under both.
 */
function result(row: SampleRow) {
  if (!index) {
    index = KnowledgeIndex.build(pack.entries);
    baseCalibration(index);
  }
  plain ??= KnowledgeIndex.build(pack.entries);
  const calibrated = suggest(row.ticket, index, { day: DAY });
  const global = suggest(row.ticket, plain, { day: DAY });
  return { ...calibrated, abstained: calibrated.abstained || global.abstained, surelyAbstained: calibrated.abstained && global.abstained };
}

/** What the agent types into the preview's placeholder form in the tests. */
export const AGENT_VALUES: PlaceholderValues = {
  'agent.signature': 'Sam, Northwind Support',
  'agent.name': 'Sam Support',
  'agent.first_name': 'Sam',
  'company.name': 'Northwind Outfitters',
  'order.number': 'NW104582',
  'order.tracking_url': 'https://example.com/track/NW104582',
  'refund.amount': '£24.00',
  date: '25 November',
};

/** Every placeholder the entry uses is filled by the ticket or by AGENT_VALUES. */
function fillable(entry: Entry): boolean {
  return findPlaceholders(entry.body).every((p) => p.fallback || p.name.startsWith('customer.') || p.name.startsWith('ticket.') || p.name in AGENT_VALUES);
}

/** Up to `n` tickets whose top suggestion is the expected entry. */
export function confidentTickets(n: number): { row: SampleRow; entry: Entry }[] {
  const out: { row: SampleRow; entry: Entry }[] = [];
  for (const row of SAMPLE_ROWS) {
    const r = result(row);
    const top = r.suggestions[0];
    const entry = entries.get(row.expected);
    if (!r.abstained && top?.entry.id === row.expected && entry && fillable(entry)) out.push({ row, entry });
    if (out.length === n) break;
  }
  if (out.length < n) throw new Error(`Only ${out.length} sample tickets get their expected answer on top; the flow tests need ${n}.`);
  return out;
}

/** A ticket with no answer in the pack that the search abstains on. */
export function abstainedTicket(): SampleRow {
  const row = SAMPLE_ROWS.find((r) => r.expected === 'none' && result(r).surelyAbstained);
  if (!row) throw new Error('No sample ticket without an answer makes the search abstain.');
  return row;
}

/** The answer's visible lines once inserted: placeholders filled (ticket, then agent), Markdown marks gone. */
export function visibleLines(entry: Entry, ticket: Ticket): string[] {
  return fillPlaceholders(entry.body, { ...valuesFromTicket(ticket), ...AGENT_VALUES })
    .text.split('\n')
    .map((l) =>
      l
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
        .replace(/^#{1,6}\s+/, '')
        .replace(/^\s*([-*+]|\d+\.)\s+/, '')
        .replace(/(?<!\\)(\*\*|__|\*|_|`)/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .map(unescapeMarkdown)
    .filter(Boolean);
}

/** Links the answer's Markdown holds, which a rich reply box must keep. */
export function linksIn(entry: Entry): string[] {
  return [...entry.body.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1]!);
}
