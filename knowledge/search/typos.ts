import type { KnowledgeIndex } from './index';
import { tokeniseWithWords } from './tokenise';

/** Words this short are too ambiguous to correct ("bok" -> "box", "book", "bag"?). */
const MIN_LENGTH = 4;

/**
 * For each query term the index does not know, the closest known term (one edit for short words,
 * two for long ones), so "pasword resett" searches "password reset". Used only for the short
 * manual search box: it scans the vocabulary once per unknown word.
 */
export function correctTypos(text: string, index: KnowledgeIndex, locale?: string): string[] {
  let vocabulary: string[] | undefined;
  const out: string[] = [];
  for (const { term } of tokeniseWithWords(text, locale, index.tokeniseOptions)) {
    if (index.knows(term) || term.length < MIN_LENGTH || /\d/.test(term)) {
      out.push(term);
      continue;
    }
    vocabulary ??= index.vocabulary();
    const max = term.length <= 6 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const v of vocabulary) {
      if (Math.abs(v.length - term.length) > max) continue;
      const d = editDistance(term, v, bestDistance);
      if (d < bestDistance || (d === bestDistance && best !== undefined && v < best)) {
        best = v;
        bestDistance = d;
      }
    }
    out.push(best ?? term);
  }
  return out;
}

/** Rows reused by editDistance: a typo search compares one word with tens of thousands of terms at 100k entries. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein (adjacent swaps count one), giving up once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}
