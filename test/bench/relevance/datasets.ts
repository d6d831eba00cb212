import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Entry } from '../../../knowledge/entry.ts';
import { Ticket } from '../../../knowledge/ticket.ts';
import { categories, knowledgeBase, queries, trainRows, type Row } from '../banking77.ts';
import type { Labelled } from './ours.ts';

export interface Dataset {
  name: string;
  entries: Entry[];
  queries: Labelled[];
}

const PACK = fileURLToPath(new URL('../../../knowledge/sample/pack.json', import.meta.url));
const TICKETS = fileURLToPath(new URL('../../../knowledge/sample/tickets.json', import.meta.url));

export function banking77Test(k: number): Dataset {
  return {
    name: `BANKING77 test, K=${k === Infinity ? 'all' : k}`,
    entries: knowledgeBase(k),
    queries: queries().map((q) => ({ id: q.id, text: q.text, relevant: [q.relevant] })),
  };
}

/** Every nth item from `start`: deterministic samples and splits. */
export const every = <T>(xs: readonly T[], n: number, start = 0): T[] => xs.filter((_, i) => i % n === start);

/**
 * BANKING77 train only (never test): K examples per category form the knowledge base, every
 * 7th category is left out of it (its queries' right answer is "none"), and the remaining
 * train utterances are queries, split alternately into `fit` and `heldOut`.
 */
export function banking77Calibration(k: number): { entries: Entry[]; fit: Labelled[]; heldOut: Labelled[] } {
  const cats = categories();
  const kept = cats.filter((_, i) => i % 7 !== 3);
  const byCat = new Map<string, Row[]>(cats.map((c) => [c, []]));
  for (const r of trainRows()) byCat.get(r.category)?.push(r);
  const kbRows: Row[] = [];
  const qs: Labelled[] = [];
  for (const [cat, rows] of byCat) {
    const n = k === Infinity ? Math.floor(rows.length / 2) : k;
    if (kept.includes(cat)) kbRows.push(...rows.slice(0, n));
    rows.slice(n).forEach((r, i) => qs.push({ id: `${cat}-${i}`, text: r.text, relevant: kept.includes(cat) ? [cat] : [] }));
  }
  const sampled = every(qs, 3);
  return { entries: knowledgeBase(Infinity, kbRows, kept), fit: every(sampled, 2, 0), heldOut: every(sampled, 2, 1) };
}

/** The sample pack and tickets, or undefined while they are not written yet. */
export function sampleTickets(): { entries: Entry[]; all: Labelled[]; fit: Labelled[]; heldOut: Labelled[] } | undefined {
  if (!existsSync(PACK) || !existsSync(TICKETS)) return undefined;
  const pack = JSON.parse(readFileSync(PACK, 'utf8')) as { entries: unknown[] };
  const entries = pack.entries.map((e) => Entry.parse(e));
  const raw = JSON.parse(readFileSync(TICKETS, 'utf8')) as { ticket: unknown; expected: string }[];
  const all = raw.map((t, i) => {
    const ticket = Ticket.parse(t.ticket);
    return { id: ticket.id || String(i), ticket, relevant: t.expected === 'none' ? [] : [t.expected] };
  });
  return { entries, all, fit: every(all, 2, 0), heldOut: every(all, 2, 1) };
}
