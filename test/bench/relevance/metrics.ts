/** Ranking metrics of the banking77-kb protocol: a query with no result, or an unreturned relevant entry, is a miss. */
export interface Metrics {
  queries: number;
  top1: number;
  top3: number;
  mrr10: number;
}

/** `ranked` lists each query's result ids best first; `relevant` the ids that answer it. */
export function metrics(results: readonly { ranked: readonly string[]; relevant: readonly string[] }[]): Metrics {
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  for (const { ranked, relevant } of results) {
    const rank = ranked.findIndex((id) => relevant.includes(id)) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1 && rank <= 10) mrr += 1 / rank;
  }
  const n = results.length || 1;
  return { queries: results.length, top1: (100 * top1) / n, top3: (100 * top3) / n, mrr10: (100 * mrr) / n };
}
