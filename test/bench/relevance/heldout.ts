import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The sample tickets' held-out split: chosen once by a seeded rule, frozen as a committed list of
 * ids (heldout-tickets.json), so that adding tickets later never moves a ticket between splits.
 * No fitting (the confidence model, calibrate.ts) and no threshold or parameter choice
 * (param-search.ts) may read these tickets; the relevance bench reports on them alone.
 *
 * Rule: FNV-1a (32-bit) of `${SEED}:${ticket id}`; a ticket is held out when that hash mod 5 is
 * 0 or 1 (about 40 %). `npx tsx test/bench/relevance/heldout.ts --write` regenerates the list
 * from knowledge/sample/tickets.json (only ever to add tickets that are new; existing ids keep
 * their split because the rule depends on the id alone).
 */
export const SEED = 'agent-assist-heldout-2026-12-02';
const FILE = fileURLToPath(new URL('./heldout-tickets.json', import.meta.url));
const TICKETS = fileURLToPath(new URL('../../../knowledge/sample/tickets.json', import.meta.url));

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const isHeldOutByRule = (id: string): boolean => fnv1a(`${SEED}:${id}`) % 5 < 2;

/** The frozen held-out ids. */
export function heldOutIds(): Set<string> {
  return new Set((JSON.parse(readFileSync(FILE, 'utf8')) as { ids: string[] }).ids);
}

if (process.argv[1]?.endsWith('heldout.ts') && process.argv.includes('--write')) {
  const raw = JSON.parse(readFileSync(TICKETS, 'utf8')) as { ticket: { id: string } }[];
  const ids = raw.map((t) => t.ticket.id).filter(isHeldOutByRule);
  writeFileSync(FILE, JSON.stringify({ rule: `fnv1a("${SEED}:" + id) % 5 < 2`, count: ids.length, of: raw.length, ids }, null, 1) + '\n');
  console.log(`${ids.length} of ${raw.length} tickets held out`);
}
