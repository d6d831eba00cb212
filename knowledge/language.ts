import { detectAll } from 'tinyld/light';

/**
 * The language of a text, told from the text: the ticket's language in the worker's suggestion
 * path, a query's in `kb search` / `kb rank`, and the language the tokeniser then stems and drops
 * stop words in. One place, so the panel, the CLI and the bench decide alike.
 *
 * Chinese and Japanese are told by their scripts (kana is Japanese only; Han without kana is
 * Chinese), which is exact where a character model hesitates. The Latin-script languages go to
 * tinyld's light profile (34 KB gzipped), restricted to the languages the tokeniser stems: measured
 * on xSID's validation sentences and short helpdesk lines against tinyld's normal profile
 * (264 KB gzipped), eld and franc-min (test/bench/language-id.ts prints it on held-out text).
 * It runs in the worker and the CLI only: the content script stays small and sends the text.
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
const SAMPLE = 1000;
/** Below this share of the two best scores the text says too little (one shared word, a name). */
export const MIN_CONFIDENCE = 0.6;

/** How many of the best guesses the fallback may be among to win an unsure call. */
const CANDIDATES = 3;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * Chinese or Japanese by script: a Han character or kana counts as much as a Latin word, so
 * "在 Deezer 上 播放 Dana 的 歌" is Chinese and an English ticket signed 王伟 stays English.
 */
function byScript(text: string): DetectedLanguage | undefined {
  const kana = count(text, KANA);
  const han = count(text, HAN);
  if (kana + han === 0) return undefined;
  const latin = count(text, LATIN_WORD);
  if (kana > 0 && kana + han >= latin) return 'ja';
  if (han > 0 && han >= latin) return 'zh';
  return undefined;
}

/** Latin-script candidates, best first, with the scores tinyld gives them. */
function candidates(sample: string): { lang: string; accuracy: number }[] {
  return detectAll(sample, { only: LATIN }).filter((c) => c.accuracy > 0);
}

/** The language of `text`, or undefined when it says too little (a number, a name, one common word). */
export function detectLanguage(text: string): Detected | undefined {
  const sample = text.slice(0, SAMPLE);
  const script = byScript(sample);
  if (script) return { language: script, confidence: 1 };
  const [first, second] = candidates(sample);
  if (!first) return undefined;
  const confidence = first.accuracy / (first.accuracy + (second?.accuracy ?? 0));
  return confidence >= MIN_CONFIDENCE ? { language: first.lang as DetectedLanguage, confidence } : undefined;
}

/**
 * The language to tokenise `text` in. When the text says too little to be sure, `fallback` (the
 * knowledge base's main language, a locale the helpdesk states) wins if it is one of the
 * candidates; otherwise the best guess does: a short German question tokenised as German finds
 * the German entries, and a short English one in an English knowledge base stays English.
 */
export function languageOf(text: string, fallback?: string): string | undefined {
  const sample = text.slice(0, SAMPLE);
  const script = byScript(sample);
  if (script) return script;
  const list = candidates(sample);
  const [first, second] = list;
  if (!first) return fallback;
  const sure = first.accuracy / (first.accuracy + (second?.accuracy ?? 0)) >= MIN_CONFIDENCE;
  if (sure || !fallback) return first.lang;
  const base = fallback.toLowerCase().split('-')[0];
  return list.slice(0, CANDIDATES).some((c) => c.lang === base) ? fallback : first.lang;
}
