/**
 * A cheap guess of the customer's language. The page's <html lang> is the agent's UI language,
 * so the message text comes first: count a few very common function words per language; fall
 * back to the page's language when the text says too little.
 */

const WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'is', 'you', 'not', 'have', 'my', 'with', 'for', 'this', 'but', 'are', 'was', 'can', 'could', 'when', 'will', 'would'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'mit', 'ein', 'eine', 'auf', 'für', 'habe', 'meine', 'wann', 'bitte', 'noch'],
  fr: ['le', 'la', 'les', 'et', 'est', 'pas', 'je', 'vous', 'une', 'des', 'pour', 'que', 'mon', 'avec', 'mais', 'reçu', 'merci', 'bonjour'],
  es: ['el', 'los', 'las', 'y', 'es', 'no', 'yo', 'usted', 'una', 'por', 'para', 'que', 'mi', 'con', 'pero', 'gracias', 'hola', 'cuando'],
  nl: ['de', 'het', 'een', 'en', 'is', 'niet', 'ik', 'mijn', 'met', 'voor', 'maar', 'wanneer', 'bedankt', 'nog', 'heb', 'geen', 'u', 'jullie'],
  it: ['il', 'lo', 'gli', 'e', 'è', 'non', 'io', 'mio', 'una', 'per', 'che', 'con', 'ma', 'grazie', 'ciao', 'quando', 'ho', 'sono'],
  pt: ['o', 'os', 'as', 'e', 'é', 'não', 'eu', 'meu', 'uma', 'para', 'que', 'com', 'mas', 'obrigado', 'olá', 'quando', 'tenho', 'você'],
};

const INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(WORDS)) {
  for (const w of words) INDEX.set(w, [...(INDEX.get(w) ?? []), lang]);
}

/** Enough evidence to overrule the page's own language. */
const MIN_HITS = 3;
/** Only the start of a long message is looked at: it decides, and it keeps this cheap. */
const SAMPLE = 2000;

/** The primary language subtag of a BCP 47 tag ("en-US" -> "en"), or undefined. */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tag ?? '').trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Language of a text by common words, or undefined when the text says too little. */
export function languageOfText(text: string): string | undefined {
  const scores = new Map<string, number>();
  for (const word of text.slice(0, SAMPLE).toLowerCase().split(/[^\p{L}]+/u)) {
    for (const lang of INDEX.get(word) ?? []) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const [lang, score] of scores) {
    if (score > bestScore) [best, bestScore, tie] = [lang, score, false];
    else if (score === bestScore) tie = true;
  }
  return best && bestScore >= MIN_HITS && !tie ? best : undefined;
}

/** The message text first, then the page's <html lang>. */
export function guessLocale(text: string, doc?: Document): string | undefined {
  return languageOfText(text) ?? primaryLanguage(doc?.documentElement.getAttribute('lang'));
}
