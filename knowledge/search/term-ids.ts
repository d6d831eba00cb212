import { termFor, type TokeniseOptions } from './tokenise';
import { cjkWords, wordHash, wordSpans } from './words';

/** Distinct words per locale whose term id an index remembers. */
const WORD_CACHE_MAX = 200_000;

/**
 * Words of one locale and their term ids (-1: dropped), looked up by the word's characters where
 * they stand in the text: a word seen before is neither copied out of the text nor hashed again
 * (wordSpans hashes it while finding it). Open addressing, at most half full.
 */
export class WordIds {
  private words: string[] = [];
  private ids: number[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1 << 10).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** Where the word `text[start, end)` with hash `h` is kept (for idAt), or -1 - its free slot when unknown. */
  find(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const k = this.slots[p]!;
      if (k < 0) return -1 - p;
      if (this.hashes[k] !== h) continue;
      const w = this.words[k]!;
      if (w.length !== len) continue;
      let j = 0;
      while (j < len && w.charCodeAt(j) === text.charCodeAt(start + j)) j++;
      if (j === len) return k;
    }
  }

  /** The term id (-1: dropped) of the word find found at `k`. */
  idAt(k: number): number {
    return this.ids[k]!;
  }

  /** Remembers `word` (hash `h`, absent: `free` from find) as term `id`. */
  add(word: string, h: number, free: number, id: number): void {
    const k = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    this.ids.push(id);
    this.slots[free] = k;
    if (2 * (k + 1) > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.words.length; k++) {
      let p = this.hashes[k]! & mask;
      while (slots[p]! >= 0) p = (p + 1) & mask;
      slots[p] = k;
    }
    this.slots = slots;
  }
}

/** Where term ids come from: an index's terms (InvertedIndex), or any numbering of terms (TermDictionary). */
export interface TermNumbering {
  /** Per locale: raw word -> term id (-1: dropped), kept by termIds. */
  readonly wordIds: Map<string, WordIds>;
  /** The id of a term, a new one for a term not seen before. */
  termId(term: string): number;
}

/** Terms numbered 0, 1, 2… in the order they are first seen (the near-duplicate check's fingerprints: quality.ts). */
export class TermDictionary implements TermNumbering {
  readonly wordIds = new Map<string, WordIds>();
  private readonly ids = new Map<string, number>();

  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }
}

/**
 * A text's term ids in `ix`, in order (tokenise(), straight to ids): one table lookup per word,
 * the words' ids kept per locale in ix.wordIds. The hot path of building and updating an index,
 * and of the near-duplicate check.
 */
export function termIds(ix: TermNumbering, text: string, locale: string | undefined, options: TokeniseOptions): number[] {
  const key = locale ?? '';
  let table = ix.wordIds.get(key);
  if (!table) ix.wordIds.set(key, (table = new WordIds()));
  let termOf: ((raw: string) => string | undefined) | undefined;
  const idOf = (raw: string, h: number, found: number): number => {
    if (found >= 0) return table.idAt(found);
    termOf ??= termFor(locale, options);
    const term = termOf(raw);
    const id = term === undefined ? -1 : ix.termId(term);
    if (table.size < WORD_CACHE_MAX) table.add(raw, h, -1 - found, id);
    return id;
  };
  const ids: number[] = [];
  const lower = text.toLowerCase();
  const spans = wordSpans(lower);
  if (spans) {
    // (termOf and ix.termId never scan a text: the shared spans stay this text's)
    for (let w = 0; w < spans.count; w++) {
      const start = spans.start[w]!;
      const end = spans.end[w]!;
      const h = spans.hash[w]!;
      const found = table.find(lower, start, end, h);
      const id = found >= 0 ? table.idAt(found) : idOf(lower.slice(start, end), h, found);
      if (id >= 0) ids.push(id);
    }
    return ids;
  }
  for (const raw of cjkWords(lower)) {
    const h = wordHash(raw);
    const id = idOf(raw, h, table.find(raw, 0, raw.length, h));
    if (id >= 0) ids.push(id);
  }
  return ids;
}
