import { percent } from '../confidence.ts';
import { fittedCurve } from '../search/self-calibration.ts';
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
  const { calibration, points } = fittedCurve(index);
  io.out(`at this knowledge base's threshold ${percent(calibration.threshold)}: precision of shown top-1 ${pct(shownRight, shown)}, coverage ${pct(shown, queries.length)} (${queries.length - shown} "no confident answer")`);
  io.out(
    calibration.fitted
      ? `self-calibration: fitted on ${calibration.inScope} of the base's own questions asked with that question left out and ${calibration.outOfScope} with their entry left out; confidence mapping slope ${calibration.slope}, intercept ${calibration.intercept}`
      : `self-calibration: too few example questions (${calibration.inScope}, at least 30 needed): the global model under a conservative threshold`,
  );
  io.out('fitted curve on those held-out questions (threshold: precision of shown top-1, coverage):');
  for (const p of points) io.out(`  ${percent(p.threshold)}: ${(100 * p.precision).toFixed(1)}%, ${(100 * p.coverage).toFixed(1)}%${p.threshold === calibration.threshold ? '  <- threshold' : ''}`);
  return 0;
}
