import type { RankingOptions } from './bm25f';
import type { InvertedIndex } from './inverted';
import type { Scored } from './score';
import type { WordingModel } from './wording';

/**
 * BM25F's best candidates re-scored with the knowledge base's own wording (wording.ts):
 *   score = BM25F + wordingWeight · ideal · p(entry | query's wording, among the candidates)
 * p is in 0..1 and BM25F / ideal is too, so the ideal grows by the same weight and score / ideal
 * (the confidence's `norm`) stays in 0..1. Ties by entry id, as BM25F's.
 */
export function rerankByWording(
  ix: InvertedIndex,
  model: WordingModel,
  words: readonly { term: string; weight: number }[],
  scored: readonly Scored[],
  ideal: number,
  r: Pick<RankingOptions, 'wordingWeight'>,
): { scored: Scored[]; ideal: number } {
  if (scored.length === 0) return { scored: [], ideal };
  const ids = scored.map((s) => ix.docKey[s.doc] ?? '');
  const p = model.probabilities(ids, model.vector(words));
  const out = scored.map(({ doc, score }, i) => ({ doc, score: score + r.wordingWeight * ideal * p[i]!, id: ids[i]! }));
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { scored: out.map(({ doc, score }) => ({ doc, score })), ideal: ideal * (1 + r.wordingWeight) };
}
