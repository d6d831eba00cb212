import { stemmer as en } from '@orama/stemmers/english';
import { stemmer as de } from '@orama/stemmers/german';
import { stemmer as fr } from '@orama/stemmers/french';
import { stemmer as es } from '@orama/stemmers/spanish';
import { stemmer as it } from '@orama/stemmers/italian';
import { stemmer as nl } from '@orama/stemmers/dutch';
import { stemmer as pt } from '@orama/stemmers/portuguese';
import { stopwords as enStop } from '@orama/stopwords/english';
import { stopwords as deStop } from '@orama/stopwords/german';
import { stopwords as frStop } from '@orama/stopwords/french';
import { stopwords as esStop } from '@orama/stopwords/spanish';
import { stopwords as itStop } from '@orama/stopwords/italian';
import { stopwords as nlStop } from '@orama/stopwords/dutch';
import { stopwords as ptStop } from '@orama/stopwords/portuguese';
import { rawWords } from './words';

/**
 * The ONE options object for turning text into terms. The index stores it, uses it for every
 * entry and every query, and a serialised index refuses to load under different options.
 */
export interface TokeniseOptions {
  /** Locale used when an entry or a query does not say (or says one we have no stemmer for). */
  defaultLocale: string;
  stemming: boolean;
  stopWords: boolean;
  /** "not", "no", "never", "n't": they change what a customer means ("card not working"). */
  keepNegations: boolean;
  /**
   * "why", "how", "when", "where", "what", "which", "who" and their German, French and Spanish
   * counterparts: they are stop words in the lists, but "why do I need to verify my identity"
   * and "how do I verify my identity" ask different things (DESIGN.md, "Question words").
   */
  keepQuestionWords: boolean;
  /** Shorter tokens are dropped (after stop words, before stemming). Digits are always kept. */
  minLength: number;
  /** Longer tokens (hashes, base64, URLs) are dropped: they never match a knowledge entry. */
  maxLength: number;
}

export const DEFAULT_TOKENISE_OPTIONS: Readonly<TokeniseOptions> = Object.freeze({
  defaultLocale: 'en',
  stemming: true,
  // Kept, and weighed down in queries instead (RankingOptions.stopWordWeight): "set an alarm for
  // me" and "what is the alarm for" differ mostly in stop words (DESIGN.md, "Stop words").
  stopWords: false,
  keepNegations: true,
  keepQuestionWords: true,
  minLength: 2,
  maxLength: 40,
});

interface Language {
  stem: (word: string) => string;
  stop: ReadonlySet<string>;
  /** One Han character is a word (Chinese). */
  singleHan: boolean;
}

const apostrophes = (w: string) => w.replace(/’/g, "'");
const NEGATIONS = new Set(['no', 'not', 'nor', 'never', 'nicht', 'kein', 'keine', 'pas', 'ne', 'jamais', 'non', '不', '没', '没有', '未', '别', 'ない', 'ず']);
const isNegation = (w: string) => NEGATIONS.has(w) || w.endsWith("n't");
/** Interrogatives in the stop-word lists; unambiguous forms only (not "que", "como", "was"). */
const QUESTION_WORDS = new Set([
  ...['what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', "what's", "when's", "where's", "why's", "how's"],
  ...['wie', 'wo', 'welche', 'welcher', 'welches', 'welchem', 'welchen'],
  ...['quel', 'quels', 'quelle', 'quelles'],
  ...['qué', 'cuándo', 'cuánto', 'cuánta', 'cuántos', 'cuántas', 'cómo', 'dónde', 'quién', 'quiénes', 'cuál', 'cuáles'],
]);

/**
 * Chinese function words: particles, pronouns, the copula. @orama/stopwords' Mandarin
 * list (794 words) also drops content words ("上", "下", "中", "多少", numbers), and took xSID's
 * Chinese top-1 from 74 to 64 on the validation split.
 */
const ZH_STOP = [
  ...['的', '了', '吗', '呢', '吧', '啊', '呀', '嘛', '着', '过', '地', '得'],
  ...['我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '我的', '你的'],
  ...['是', '在', '和', '也', '都', '就', '这', '那', '这个', '那个'],
];

/**
 * Japanese: particles of two or more kana and pronouns (one-kana particles are shorter than
 * minLength). Not @orama/stopwords' list, nor the polite, negative and question endings
 * ("ます", "ません", "ください", "か"): they tell "is an alarm set?" from "set an alarm", and
 * dropping them took xSID's Japanese validation top-1 from 79 to 74-76.
 */
const JA_STOP = [
  ...['から', 'まで', 'より', 'など', 'って', 'では', 'には', 'とか'],
  ...['この', 'その', 'あの', 'これ', 'それ', 'あれ', 'ここ', 'そこ', '私', 'わたし', '僕', 'あなた'],
];

const LANGUAGES: Record<string, { stem: (w: string) => string; stop: string[] }> = {
  en: { stem: en, stop: enStop },
  de: { stem: de, stop: deStop },
  fr: { stem: fr, stop: frStop },
  es: { stem: es, stop: esStop },
  it: { stem: it, stop: itStop },
  nl: { stem: nl, stop: nlStop },
  pt: { stem: pt, stop: ptStop },
  // No stemmer: words are segmented (see rawWords()); inflection is mostly written as separate words.
  zh: { stem: (w) => w, stop: ZH_STOP },
  ja: { stem: (w) => w, stop: JA_STOP },
};

/** Locales with a stop-word list (and a stemmer, but for Chinese and Japanese); others are lower-cased and split only. */
export const SUPPORTED_LOCALES = Object.keys(LANGUAGES);

const prepared = new Map<string, Language>();

function language(locale: string, options: TokeniseOptions): Language | undefined {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  const key = `${base}|${options.keepNegations}|${options.keepQuestionWords}`;
  const cached = prepared.get(key);
  if (cached) return cached;
  const lang = LANGUAGES[base];
  if (!lang) return undefined;
  const kept = (w: string) => (options.keepNegations && isNegation(w)) || (options.keepQuestionWords && QUESTION_WORDS.has(w));
  const stop = new Set(lang.stop.map(apostrophes).filter((w) => !kept(w)));
  // Stemming is the hot path when building an index: remember each word's stem.
  const stems = new Map<string, string>();
  const stem = (w: string) => {
    let s = stems.get(w);
    if (s === undefined) {
      s = lang.stem(w);
      if (stems.size < 200_000) stems.set(w, s);
    }
    return s;
  };
  const made = { stem, stop, singleHan: base === 'zh' };
  prepared.set(key, made);
  return made;
}

const stopLists = new Map<string, ReadonlySet<string>>();

/**
 * Whether `word` (lower case, as written) is in the stop-word list of `locale`'s language,
 * including the negations and question words the search keeps for ranking: "why" and "not" tell
 * entries apart, but they do not explain to a person why an entry matched. False for a language
 * without a list.
 */
export function isStopWord(word: string, locale: string): boolean {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  let stop = stopLists.get(base);
  if (!stop) {
    const lang = LANGUAGES[base];
    if (!lang) return false;
    stopLists.set(base, (stop = new Set(lang.stop.map(apostrophes))));
  }
  return stop.has(apostrophes(word.toLowerCase()));
}

const DIGITS = /^\p{N}+$/u;
const HAN = /\p{Script=Han}/u;

/**
 * Text -> terms, in order, duplicates kept (the caller counts them).
 * `locale` is the entry's or the query's; falls back to options.defaultLocale.
 */
export function tokenise(text: string, locale: string | undefined, options: TokeniseOptions): string[] {
  const out: string[] = [];
  eachToken(text, locale, options, (term) => out.push(term));
  return out;
}

/** Like tokenise, with the word as written next to each term (to show people why something matched). */
export function tokeniseWithWords(
  text: string,
  locale: string | undefined,
  options: TokeniseOptions,
): { term: string; word: string }[] {
  const out: { term: string; word: string }[] = [];
  eachToken(text, locale, options, (term, word) => out.push({ term, word }));
  return out;
}

/** What one written word becomes: its term and the word as shown, or undefined when dropped. */
type Token = { term: string; word: string } | undefined;

/**
 * Each word's token, per options object and language: the same words recur in every entry and
 * ticket, so stop-word tests, apostrophes and stemming run once per distinct word.
 */
const tokenCaches = new WeakMap<TokeniseOptions, Map<Language | undefined, Map<string, Token>>>();
const TOKEN_CACHE_MAX = 200_000;

function tokenCache(options: TokeniseOptions, lang: Language | undefined): Map<string, Token> {
  let byLang = tokenCaches.get(options);
  if (!byLang) tokenCaches.set(options, (byLang = new Map()));
  let cache = byLang.get(lang);
  if (!cache) byLang.set(lang, (cache = new Map()));
  return cache;
}

function tokenOf(raw: string, lang: Language | undefined, options: TokeniseOptions): Token {
  let word = apostrophes(raw);
  if (word.length > options.maxLength) return undefined;
  if (lang && options.stopWords && lang.stop.has(word)) return undefined;
  // One Chinese character is a word ("热", hot; "雨", rain); in Japanese it is mostly a verb's stem
  if (word.length < options.minLength && !DIGITS.test(word) && !(lang?.singleHan && HAN.test(word))) return undefined;
  if (word.includes("'")) {
    // "customer's" -> "customer", "l'adresse" -> "adresse", "didn't" stays (a negation)
    if (!isNegation(word)) word = word.replace(/'s$/, '').replace(/^\p{L}{1,2}'/u, '').replace(/'/g, '');
    if (!word) return undefined;
  }
  return { term: lang && options.stemming && !DIGITS.test(word) ? lang.stem(word) : word, word };
}

const dropping = new WeakMap<TokeniseOptions, Readonly<TokeniseOptions>>();

/** The same options with stop words dropped (one object per options, so its token cache is kept). */
export function droppingStopWords(options: TokeniseOptions): Readonly<TokeniseOptions> {
  if (options.stopWords) return options;
  let o = dropping.get(options);
  if (!o) dropping.set(options, (o = Object.freeze({ ...options, stopWords: true })));
  return o;
}

const stopTermSets = new Map<string, ReadonlySet<string>>();

/**
 * The terms (stems) of `locale`'s stop words, less the negations and question words the options
 * keep as ordinary terms: with `stopWords: false` they are indexed, and queries weigh them down.
 */
export function stopTerms(locale: string, options: TokeniseOptions): ReadonlySet<string> {
  const key = `${locale}|${options.keepNegations}|${options.keepQuestionWords}|${options.stemming}`;
  let set = stopTermSets.get(key);
  if (!set) {
    const lang = language(locale, options);
    set = new Set(lang ? [...lang.stop].map((w) => (options.stemming ? lang.stem(w) : w)) : []);
    stopTermSets.set(key, set);
  }
  return set;
}

/** Raw word (from rawWords) -> its term in `locale`, or undefined when it is dropped: tokenise one word at a time. */
export function termFor(locale: string | undefined, options: TokeniseOptions): (raw: string) => string | undefined {
  const lang =
    language(locale ?? options.defaultLocale, options) ?? language(options.defaultLocale, options);
  const cache = tokenCache(options, lang);
  return (raw) => {
    let token = cache.get(raw);
    if (token === undefined && !cache.has(raw)) {
      token = tokenOf(raw, lang, options);
      if (cache.size < TOKEN_CACHE_MAX) cache.set(raw, token);
    }
    return token?.term;
  };
}

function eachToken(
  text: string,
  locale: string | undefined,
  options: TokeniseOptions,
  emit: (term: string, word: string) => void,
): void {
  const lang =
    language(locale ?? options.defaultLocale, options) ?? language(options.defaultLocale, options);
  const cache = tokenCache(options, lang);
  for (const raw of rawWords(text)) {
    let token = cache.get(raw);
    if (token === undefined && !cache.has(raw)) {
      token = tokenOf(raw, lang, options);
      if (cache.size < TOKEN_CACHE_MAX) cache.set(raw, token);
    }
    if (token) emit(token.term, token.word);
  }
}

/** A stable text form of the options, stored in a serialised index and compared on load. */
export function optionsKey(options: TokeniseOptions): string {
  const o: TokeniseOptions = options;
  return JSON.stringify([o.defaultLocale, o.stemming, o.stopWords, o.keepNegations, o.keepQuestionWords, o.minLength, o.maxLength]);
}
