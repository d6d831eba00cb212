/**
 * Ranking metrics of the banking77-kb protocol (a query with no result, or an unreturned relevant
 * entry, is a miss), each with its standard error: for a share p of n, sqrt(p(1 − p)/n); for
 * MRR, the standard deviation of the per-query reciprocal ranks over sqrt(n).
 */
export interface Figure {
  /** in % */
  value: number;
  /** standard error, in % */
  se: number;
}

export interface Metrics {
  queries: number;
  top1: Figure;
  top3: Figure;
  mrr10: Figure;
}

export function share(hits: number, n: number): Figure {
  if (n === 0) return { value: NaN, se: NaN };
  const p = hits / n;
  return { value: 100 * p, se: 100 * Math.sqrt((p * (1 - p)) / n) };
}

export function mean(xs: readonly number[]): Figure {
  const n = xs.length;
  if (n === 0) return { value: NaN, se: NaN };
  const m = xs.reduce((a, x) => a + x, 0) / n;
  const variance = n > 1 ? xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1) : 0;
  return { value: 100 * m, se: 100 * Math.sqrt(variance / n) };
}

/** `ranked` lists each query's result ids best first; `relevant` the ids that answer it. */
export function metrics(results: readonly { ranked: readonly string[]; relevant: readonly string[] }[]): Metrics {
  let top1 = 0;
  let top3 = 0;
  const rr: number[] = [];
  for (const { ranked, relevant } of results) {
    const rank = ranked.findIndex((id) => relevant.includes(id)) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    rr.push(rank >= 1 && rank <= 10 ? 1 / rank : 0);
  }
  const n = results.length;
  return { queries: n, top1: share(top1, n), top3: share(top3, n), mrr10: mean(rr) };
}

/** "83.4 ± 2.7" */
export const withSe = (f: Figure): string => (Number.isNaN(f.value) ? '-' : `${f.value.toFixed(1)} ± ${f.se.toFixed(1)}`);
