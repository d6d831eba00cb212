import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { confidenceLabel } from '../confidence.ts';
import { KnowledgeIndex } from '../search/index.ts';
import { suggest } from '../suggest.ts';
import { Ticket } from '../ticket.ts';
import { loadKnowledge, parseCommandArgs, type CliIO } from './io.ts';
import { dayArg } from './search.ts';

export const usage = 'demo [--day YYYY-MM-DD]';
const PACK = fileURLToPath(new URL('../sample/pack.json', import.meta.url));
const TICKETS = fileURLToPath(new URL('../sample/tickets.json', import.meta.url));

/** The bundled sample knowledge answering the sample tickets, one line per ticket, then a summary. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { day: { type: 'string' } });
  const day = dayArg(values.day);
  const { entries } = await loadKnowledge([PACK]);
  const index = KnowledgeIndex.build(entries);
  const raw = JSON.parse(await readFile(TICKETS, 'utf8')) as { ticket: unknown; expected: string }[];
  let right = 0;
  let shown = 0;
  let shownRight = 0;
  for (const item of raw) {
    const ticket = Ticket.parse(item.ticket);
    const result = suggest(ticket, index, { day, limit: 1 });
    const top = result.suggestions[0];
    const answer = result.abstained || !top ? 'none' : top.entry.id;
    const ok = answer === item.expected;
    if (ok) right++;
    if (answer !== 'none') {
      shown++;
      if (ok) shownRight++;
    }
    const said = answer === 'none' ? 'no confident answer' : `${answer} (confidence ${confidenceLabel(top!.confidence)})`;
    io.out(`${ok ? 'ok  ' : 'MISS'} #${ticket.id} ${ticket.subject || '(no subject)'}\n       suggested: ${said}; expected: ${item.expected}`);
  }
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
  io.out('');
  io.out(`${right} of ${raw.length} tickets answered as expected (${pct(right, raw.length)}).`);
  io.out(`Shown suggestions: ${shown} (coverage ${pct(shown, raw.length)}), right: ${shownRight} (precision ${pct(shownRight, shown)}).`);
  return 0;
}
