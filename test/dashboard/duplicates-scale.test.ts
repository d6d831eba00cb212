import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../knowledge/quality.ts';

/** Letters only, so the tokeniser keeps each as one word: 0 -> "qa", 27 -> "qbb". */
const word = (n: number): string => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${s}z`;
};

/** `total` entries: two identical ones ("alpha bravo") among `sharing` that use both words, the rest unrelated. */
function knowledgeBase(total: number, sharing: number) {
  return Array.from({ length: total }, (_, i) => {
    const own = `${word(3 * i)} ${word(3 * i + 1)} ${word(3 * i + 2)}`;
    const text = i < 2 ? 'alpha bravo' : i < sharing ? `alpha bravo ${own}` : own;
    return { id: `e${String(i).padStart(5, '0')}`, title: text, body: text, questions: [], locale: 'en' };
  });
}

describe('finding duplicates in a large knowledge base', () => {
  it('a word in up to 100 entries finds candidates, above 10k entries as below (the check grows with the entries, not their square)', () => {
    const found = (total: number, sharing: number) => findDuplicates(knowledgeBase(total, sharing)).some((p) => p.a === 'e00000' && p.b === 'e00001');
    expect(found(12_000, 90)).toBe(true);
    // 1% of 12,000 entries would be 120: a word in 110 of them no longer finds candidates
    expect(found(12_000, 110)).toBe(false);
  }, 60_000);
});
