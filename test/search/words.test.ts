import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../knowledge/search/inverted';
import { TermDictionary, termIds, WordIds } from '../../knowledge/search/term-ids';
import { DEFAULT_TOKENISE_OPTIONS, termFor } from '../../knowledge/search/tokenise';
import { rawWords, wordHash, wordSpans } from '../../knowledge/search/words';

/** rawWords as it was written before the hand scanner: the regex on the lower-cased text, then the segmenter for CJK. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function reference(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (!CJK.test(text)) return words;
  const seg = (run: string) =>
    [...new Intl.Segmenter(/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run) ? 'ja' : 'zh', { granularity: 'word' }).segment(run)].flatMap((s) =>
      s.isWordLike ? (s.segment.match(WORD) ?? []) : [],
    );
  return words.flatMap((w) => (CJK.test(w) ? seg(w) : [w]));
}

/**
 * Characters where a scanner could part from the regex: apostrophes (straight and curly) inside,
 * before and after words; letters whose lower case is longer (İ); combining marks (not letters);
 * digits of other scripts; astral letters and digits (surrogate pairs), emoji, lone surrogates;
 * CJK, and a Han-script sign that is no letter.
 */
const POOL = [
  'a', 'Z', '7', ' ', '\n', "'", '’', '-', '.', 'é', 'Ä', 'ß', 'İ', '\u0301', 'ж', 'Ω', 'ا', '٣', '½', '\u00a0',
  '𝐀', '𝟙', '😀', '\ud800', '\udc00', '热', 'カ', 'ひ', '⺀', 'ǅ', 'ﬁ', '_', '’s', "n't",
];

function randomText(seed: number, length: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  let s = '';
  for (let i = 0; i < length; i++) s += POOL[Math.floor(next() * POOL.length)];
  return s;
}

describe('rawWords', () => {
  it('finds the words a text is written with, apostrophes inside words kept', () => {
    expect(rawWords("The customer's parcel didn't arrive — ’tis 2 days late!")).toEqual(['the', "customer's", 'parcel', "didn't", 'arrive', 'tis', '2', 'days', 'late']);
    expect(rawWords("l’adresse d'Émile")).toEqual(['l’adresse', "d'émile"]);
    expect(rawWords("'quoted' it's''")).toEqual(['quoted', "it's"]);
  });

  it('reads letters outside the Basic Multilingual Plane as letters, and lone surrogates and emoji as none', () => {
    expect(rawWords('𝐀𝐁c 😀x \ud800y')).toEqual(['𝐀𝐁c', 'x', 'y']);
  });

  it('segments Chinese and Japanese as before', () => {
    expect(rawWords('退款 refund')).toEqual(reference('退款 refund'));
    expect(rawWords('Order 注文をキャンセルしたい')).toEqual(reference('Order 注文をキャンセルしたい'));
  });

  it('finds exactly the Unicode regex\'s words in random text', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomText(seed, 1 + (seed % 40));
      expect(rawWords(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('termIds', () => {
  it('gives each word the term id its term has, as rawWords and termFor do, with the words cached per locale', () => {
    const ix = new InvertedIndex();
    const options = DEFAULT_TOKENISE_OPTIONS;
    const expected = (text: string, locale: string) =>
      rawWords(text).flatMap((w) => {
        const term = termFor(locale, options)(w);
        return term === undefined ? [] : [ix.termId(term)];
      });
    for (let seed = 1; seed <= 1500; seed++) {
      const text = randomText(seed, 1 + (seed % 60));
      const locale = ['en', 'fr', 'de'][seed % 3]!;
      // twice: the second time every word comes from the cache
      expect(termIds(ix, text, locale, options), JSON.stringify(text)).toEqual(expected(text, locale));
      expect(termIds(ix, text, locale, options)).toEqual(expected(text, locale));
    }
    expect(termIds(ix, 'Refunds 退款 refunded', 'en', options)).toEqual(expected('Refunds 退款 refunded', 'en'));
  });

  it('numbers terms in the order first seen with a TermDictionary (the near-duplicate check), stems sharing a number', () => {
    const dict = new TermDictionary();
    expect(termIds(dict, 'Refunds and parcels', 'en', DEFAULT_TOKENISE_OPTIONS)).toEqual([0, 1, 2]);
    expect(termIds(dict, 'parcel refund, a new parcel', 'en', DEFAULT_TOKENISE_OPTIONS)).toEqual([2, 0, 3, 2]); // ('a' is shorter than a term)
  });

  it('tells apart words that share a hash, by their characters', () => {
    const table = new WordIds();
    const text = 'parcel refund parcel';
    expect(table.find(text, 0, 6, 42)).toBeLessThan(0);
    table.add('parcel', 42, -1 - table.find(text, 0, 6, 42), 7);
    const miss = table.find(text, 7, 13, 42);
    expect(miss).toBeLessThan(0);
    table.add('refund', 42, -1 - miss, 9);
    expect(table.idAt(table.find(text, 14, 20, 42))).toBe(7);
    expect(table.idAt(table.find(text, 7, 13, 42))).toBe(9);
    // past its first rehash, still found
    for (let i = 0; i < 2000; i++) table.add(`w${i}`, wordHash(`w${i}`), -1 - table.find(`w${i}`, 0, `w${i}`.length, wordHash(`w${i}`)), i);
    expect(table.idAt(table.find('x w1999', 2, 7, wordHash('w1999')))).toBe(1999);
    expect(table.idAt(table.find(text, 14, 20, 42))).toBe(7);
  });

  it('hashes each word as wordHash does', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const lower = randomText(seed, 30).toLowerCase();
      const spans = wordSpans(lower);
      if (!spans) continue;
      for (let w = 0; w < spans.count; w++) expect(spans.hash[w]).toBe(wordHash(lower.slice(spans.start[w], spans.end[w])));
    }
  });
});
