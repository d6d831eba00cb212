import { DEFAULT_THRESHOLD } from '../search/calibration.ts';
import { answer, readQueries } from './rank.ts';
import { SEARCH_OPTIONS, dayArg, indexFromArgs } from './search.ts';
import { parseCommandArgs, type CliIO } from './io.ts';

export const usage = 'eval --kb <file|folder> --queries <file.jsonl> [--day YYYY-MM-DD]';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

/**
 * Lines {"id","text","relevant":[ids]} ([] = no entry answers it). Prints top-1, top-3 and
 * MRR@10 over queries with an answer, and precision/coverage of the shown top-1 over all.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { ...SEARCH_OPTIONS, queries: { type: 'string' } });
  const queries = await readQueries(values.queries, true);
  const index = await indexFromArgs(values.kb);
  const day = dayArg(values.day);
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  let shown = 0;
  let shownRight = 0;
  for (const q of queries) {
    const relevant = q.relevant ?? [];
    const a = answer(index, q.text, day, 10, q.lang);
    const rank = a.suggestions.findIndex((s) => relevant.includes(s.entry.id)) + 1;
    if (relevant.length) {
      answerable++;
      if (rank === 1) top1++;
      if (rank >= 1 && rank <= 3) top3++;
      if (rank >= 1) mrr += 1 / rank;
    }
    if (!a.abstained) {
      shown++;
      if (rank === 1) shownRight++;
    }
  }
  io.out(`queries: ${queries.length} (${answerable} with a relevant entry)`);
  io.out(`top-1: ${pct(top1, answerable)}`);
  io.out(`top-3: ${pct(top3, answerable)}`);
  io.out(`MRR@10: ${answerable ? (mrr / answerable).toFixed(3) : '-'}`);
  io.out(`at the default threshold ${DEFAULT_THRESHOLD}: precision of shown top-1 ${pct(shownRight, shown)}, coverage ${pct(shown, queries.length)} (${queries.length - shown} "no confident answer")`);
  return 0;
}
