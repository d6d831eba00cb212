/**
 * Finding a text's words (tokenise.ts then makes them terms): letters and digits, with inner
 * apostrophes kept, lower-cased; Chinese and Japanese segmented into words.
 */

/** Words: letters and digits, with inner apostrophes kept ("didn't", "l'adresse"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Scripts written without spaces between words: a run of them is segmented into words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

const segmenters = new Map<string, Intl.Segmenter>();
const segmenter = (lang: 'zh' | 'ja') => {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'word' })));
  return s;
};

/** A run of Chinese or Japanese (with any Latin inside it) -> its words, by the platform's dictionary segmenter. */
function segment(run: string): string[] {
  const out: string[] = [];
  for (const s of segmenter(KANA.test(run) ? 'ja' : 'zh').segment(run)) {
    if (s.isWordLike) out.push(...(s.segment.match(WORD) ?? []));
  }
  return out;
}

/**
 * The lower-cased words of a text, before stop words and stemming. Chinese and Japanese are
 * split into words with Intl.Segmenter (whatever the entry's or query's locale says), so
 * entries and queries in those languages meet word by word instead of sentence by sentence.
 *
 * The words are WORD's matches in the lower-cased text. A text without Chinese or Japanese is
 * scanned by hand (scanWords), which finds the same words twice as fast as the Unicode regex:
 * tokenising is most of building or updating an index (about 0.4 s of a 10k-entry import here).
 */
export function rawWords(text: string): string[] {
  const lower = text.toLowerCase();
  return scanWords(lower) ?? cjkWords(lower);
}

/** The words of a lower-cased text with Chinese or Japanese: the regex, then the segmenter for the CJK runs. */
export function cjkWords(lower: string): string[] {
  return (lower.match(WORD) ?? []).flatMap((w) => (CJK.test(w) ? segment(w) : [w]));
}

/** A character's class, per UTF-16 code unit (0: not looked at yet); astral characters by code point. */
const KNOWN = 1;
const WORD_CHAR = 2;
const CJK_CHAR = 4;
/** Set on a surrogate pair's class: the character takes two code units. */
const PAIR = 8;
const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
const unitClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classOf(ch: string): number {
  return KNOWN | (WORD_CHAR_RE.test(ch) ? WORD_CHAR : 0) | (CJK.test(ch) ? CJK_CHAR : 0);
}

for (let c = 0; c < 0x80; c++) unitClass[c] = classOf(String.fromCharCode(c));

/** The class of the character starting at `i` of `s` (WORD's /u flag reads by code point: a lone surrogate is no letter). */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const k = unitClass[c]!;
  if (k !== 0) return k;
  if (c < 0xd800 || c > 0xdfff) return (unitClass[c] = classOf(String.fromCharCode(c)));
  const low = s.charCodeAt(i + 1);
  if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return KNOWN;
  const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let a = astralClass.get(cp);
  if (a === undefined) astralClass.set(cp, (a = classOf(String.fromCodePoint(cp)) | PAIR));
  return a;
}

/**
 * Where each word of a lower-cased text is: WORD's matches as spans [start[w], end[w]) of the
 * text, with a hash of each word's code units (wordHash), found by hand instead of by the regex.
 * One shared object, overwritten by the next wordSpans call.
 */
export interface WordSpans {
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
}

const spans: WordSpans = { count: 0, start: new Int32Array(1024), end: new Int32Array(1024), hash: new Int32Array(1024) };

const FNV_OFFSET = 0x011c9dc5;
const FNV_PRIME = 16777619;
/** Hashes stay small integers (V8 keeps them unboxed). */
const HASH_MASK = 0x3fffffff;

/** The hash wordSpans gives the word `word` (FNV-1a over its UTF-16 code units). */
export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

/**
 * The words of `lower` (a lower-cased text) as spans; undefined as soon as a Chinese or Japanese
 * character shows up (those texts take the regex and the segmenter: cjkWords).
 */
export function wordSpans(lower: string): WordSpans | undefined {
  let count = 0;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let k = classAt(lower, i);
    if (k & CJK_CHAR) return undefined;
    if (!(k & WORD_CHAR)) {
      i += k & PAIR ? 2 : 1;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    for (;;) {
      h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
      if (k & PAIR) h = Math.imul(h ^ lower.charCodeAt(++i), FNV_PRIME);
      if (++i >= n) break;
      k = classAt(lower, i);
      if (k & CJK_CHAR) return undefined;
      if (k & WORD_CHAR) continue;
      // an apostrophe with a letter or digit after it stays inside the word ("didn't")
      const c = lower.charCodeAt(i);
      if ((c === 0x27 || c === 0x2019) && i + 1 < n) {
        const next = classAt(lower, i + 1);
        if (next & WORD_CHAR && !(next & CJK_CHAR)) {
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
          k = next;
          continue;
        }
      }
      break;
    }
    if (count === spans.start.length) growSpans();
    spans.start[count] = start;
    spans.end[count] = i;
    spans.hash[count] = h & HASH_MASK;
    count++;
  }
  spans.count = count;
  return spans;
}

function growSpans(): void {
  const grown = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  spans.start = grown(spans.start);
  spans.end = grown(spans.end);
  spans.hash = grown(spans.hash);
}

/** WORD's matches in `lower`, from wordSpans; undefined for a text with Chinese or Japanese. */
function scanWords(lower: string): string[] | undefined {
  const found = wordSpans(lower);
  if (!found) return undefined;
  const out: string[] = new Array(found.count);
  for (let w = 0; w < found.count; w++) out[w] = lower.slice(found.start[w], found.end[w]);
  return out;
}
