import { detectAll } from 'tinyld/light';
import { isStopWord } from './search/tokenise';

/**
 * The language of a text, told from the text: the ticket's language in the worker's suggestion
 * path, a query's in `kb search` / `kb rank`, and the language the tokeniser then stems and drops
 * stop words in. One place, so the worker, the CLI and the bench decide alike.
 *
 * Chinese and Japanese are told by their scripts (kana is Japanese only; Han without kana is
 * Chinese), which is exact where a character model hesitates. The Latin-script languages go to
 * tinyld's light profile (34 KB gzipped), restricted to the languages the tokeniser stems: measured
 * on xSID's validation sentences and short helpdesk lines against tinyld's normal profile
 * (264 KB gzipped), eld and franc-min (knowledge/search/DESIGN.md; test/bench/relevance/
 * language-id.ts prints its accuracy on held-out text). Where tinyld hesitates, the tokeniser's
 * stop words decide; on a short text, the knowledge base's own words (languageOf's `reads`,
 * knowledge/search/query-language.ts). It runs in the worker and the CLI only: the content
 * script and the side panel stay small (test/lint/content-script-imports.test.ts).
 */

/** Languages told apart: every language the tokeniser stems, plus Chinese and Japanese. */
export const DETECTED_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'zh', 'ja'] as const;
export type DetectedLanguage = (typeof DETECTED_LANGUAGES)[number];

export interface Detected {
  language: DetectedLanguage;
  /** 0..1: the winner's share of the two best scores (1 when told by script). */
  confidence: number;
}

const LATIN = DETECTED_LANGUAGES.filter((l) => l !== 'zh' && l !== 'ja');
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;
/** Only the start of a long message is read: it decides, and it keeps a long thread cheap. */
const SAMPLE = 500;
/** Below this share of the two best scores the text says too little (one shared word, a name). */
export const MIN_CONFIDENCE = 0.6;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * Chinese or Japanese by script: a Han character or kana counts as two Latin words (a Chinese
 * word is one or two characters), so "给 The Tenor Wore Tapshoes 五 分" is Chinese and an English
 * ticket signed 王伟 stays English.
 */
function byScript(text: string): DetectedLanguage | undefined {
  const kana = count(text, KANA);
  const han = count(text, HAN);
  if (kana + han === 0) return undefined;
  const latin = count(text, LATIN_WORD);
  if (kana > 0 && 2 * (kana + han) >= latin) return 'ja';
  if (han > 0 && 2 * han >= latin) return 'zh';
  return undefined;
}

/** The best guess; `sure` when the text says enough. */
interface Guess {
  language: DetectedLanguage;
  confidence: number;
  sure: boolean;
  /** Told by script (Chinese, Japanese): exact. */
  script?: boolean;
  /** tinyld's best Latin-script guesses. */
  close: string[];
}

/** How many of tinyld's best guesses the function words choose among on a hesitant call. */
const VOTERS = 3;
/** One word ("refund", "Danke") is too little to be sure of. */
const MIN_WORDS = 2;

function guess(text: string): Guess | undefined {
  const sample = text.slice(0, SAMPLE);
  const script = byScript(sample);
  if (script) return { language: script, confidence: 1, sure: true, close: [], script: true };
  const list = detectAll(sample, { only: LATIN }).filter((c) => c.accuracy > 0);
  const [first, second] = list;
  if (!first) return undefined;
  const confidence = first.accuracy / (first.accuracy + (second?.accuracy ?? 0));
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  if (confidence < MIN_CONFIDENCE) {
    // Character statistics hesitate on a short text ("Il est cassé" reads as French or Portuguese): its function
    // words (the tokeniser's stop words) decide among the best guesses when one language has most.
    const votes = list.slice(0, VOTERS).map((c) => ({ lang: c.lang, n: words.filter((w) => isStopWord(w, c.lang)).length }));
    votes.sort((a, b) => b.n - a.n);
    if (votes[0]!.n > (votes[1]?.n ?? 0)) return { language: votes[0]!.lang as DetectedLanguage, confidence, sure: true, close: list.slice(0, VOTERS).map((c) => c.lang) };
  }
  const sure = confidence >= MIN_CONFIDENCE && words.length >= MIN_WORDS;
  return { language: first.lang as DetectedLanguage, confidence, sure, close: list.slice(0, VOTERS).map((c) => c.lang) };
}

/** The language of `text`, or undefined when it says too little (a number, a name, one common word). */
export function detectLanguage(text: string): Detected | undefined {
  const g = guess(text);
  return g?.sure ? { language: g.language, confidence: g.confidence } : undefined;
}

/**
 * How much of `text` a knowledge base reads in `language`, 0..1: the share of its words that are
 * that language's function words or that some entry written in that language contains
 * (knowledge/search/query-language.ts).
 */
export type Reads = (text: string, language: string) => number;

/**
 * Up to this many words, tinyld's letters are not enough on their own (its light profile reads
 * "cancel all alarms" as Italian and "Paket verloren" as English); a ticket or a sentence past it
 * is left to them, and no entry is looked up.
 */
const SHORT = 8;

/**
 * The language to tokenise `text` in. When the text says too little to be sure, `fallback` (the
 * knowledge base's main language, a locale the helpdesk states) wins if it is one of the three best
 * guesses; otherwise the best guess does: a short German question tokenised as German finds the
 * German entries, and a short English one in an English knowledge base stays English.
 *
 * With `reads` (the knowledge base's vocabulary), a text of up to SHORT words, or one the letters
 * leave unsure, goes to the language that reads most of its words (the fallback, or any Latin-script
 * language); ties keep the choice. "cancel all reminders" is then English where
 * English entries say "cancel" and "reminders", and "Paket verloren" German where a German entry
 * says "Paket". Chinese and Japanese, told by script, are never second-guessed.
 */
export function languageOf(text: string, fallback?: string, reads?: Reads): string | undefined {
  const g = guess(text);
  if (g?.script) return g.language;
  const chosen = !g ? fallback : g.sure || !fallback ? g.language : g.close.includes(fallback.toLowerCase().split('-')[0]!) ? fallback : g.language;
  const sample = text.slice(0, SAMPLE);
  if (!reads || (g?.sure && (sample.match(/\p{L}+/gu)?.length ?? 0) > SHORT)) return chosen;
  // Every language is a candidate: on a short text tinyld's best three can miss the right one
  // ("Lösche alle Wecker": Italian, Dutch, French) or be empty ("Trovami gli orari dei film").
  const candidates = new Set([g?.language, fallback, ...LATIN].filter((c): c is string => c !== undefined && c !== chosen));
  let best = chosen;
  let bestShare = chosen ? reads(sample, chosen) : 0;
  for (const c of candidates) {
    const share = reads(sample, c);
    if (share > bestShare) [best, bestShare] = [c, share];
  }
  return best;
}
