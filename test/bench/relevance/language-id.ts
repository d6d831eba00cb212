import { detectLanguage } from '../../../knowledge/language.ts';
import { baseLocale, mainLocale } from '../../../knowledge/search/fallback.ts';
import { KnowledgeIndex } from '../../../knowledge/search/index.ts';
import { queryLanguage, readsOf } from '../../../knowledge/search/query-language.ts';
import { TICKET_WEIGHTS, ticketQuery } from '../../../knowledge/search/ticket-query.ts';
import { packageVersion } from '../baselines.ts';
import type { BenchTable } from '../table.ts';
import { sampleTickets } from './datasets.ts';
import { XSID_LANGUAGES, xsidAvailable, xsidDataset, xsidRows } from './xsid.ts';

/**
 * knowledge/language.ts on text it was not chosen on: xSID's test sentences (the library and its
 * settings were chosen on the validation split) and the sample tickets' subject and latest message,
 * labelled with the locale their author gave them. "as queried": the language each text is then
 * tokenised in against its knowledge base (xSID multi's entries; the sample knowledge), where the
 * base's main language and vocabulary decide a short or unsure text (knowledge/search/query-language.ts).
 */
export function languageIdTable(): BenchTable {
  const rows: (string | number)[][] = [];
  const line = (source: string, lang: string, texts: string[], asQueried: (text: string) => string | undefined) => {
    let right = 0;
    let unsure = 0;
    let queried = 0;
    for (const t of texts) {
      const d = detectLanguage(t);
      if (!d) unsure++;
      else if (d.language === lang) right++;
      if (baseLocale(asQueried(t) ?? '') === lang) queried++;
    }
    const pct = (n: number) => (100 * n) / (texts.length || 1);
    rows.push([source, lang, texts.length, pct(right), pct(unsure), pct(texts.length - right - unsure), pct(queried)]);
  };
  if (xsidAvailable()) {
    const index = KnowledgeIndex.build(xsidDataset('test').entries);
    for (const lang of XSID_LANGUAGES) line('xSID test', lang, xsidRows(lang, 'test').map((r) => r.text), (t) => queryLanguage(index, t));
  }
  const tickets = sampleTickets();
  if (tickets) {
    const index = KnowledgeIndex.build(tickets.entries);
    const byLang = new Map<string, { text: string; locale: string | undefined }[]>();
    for (const q of tickets.all) {
      const lang = q.ticket?.locale;
      if (!lang || !q.ticket) continue;
      const { locale: _, ...unlabelled } = q.ticket;
      // as suggest() reads it: subject and latest message, the base's main language and vocabulary
      const { text, locale } = ticketQuery(unlabelled, TICKET_WEIGHTS, mainLocale(index), readsOf(index));
      byLang.set(lang, [...(byLang.get(lang) ?? []), { text, locale }]);
    }
    for (const [lang, read] of [...byLang].sort()) {
      const localeOf = new Map(read.map((r) => [r.text, r.locale]));
      line('sample tickets', lang, read.map((r) => r.text), (t) => localeOf.get(t));
    }
  }
  return {
    title: 'Language identification (knowledge/language.ts) on held-out text',
    columns: ['text', 'language', 'texts', 'right %', 'unsure %', 'wrong %', 'as queried: right %'],
    rows,
    notes: [
      `tinyld ${packageVersion('tinyld')} (light profile, restricted to the languages the tokeniser stems) for Latin script; Chinese and Japanese by script.`,
      'xSID test sentences are short assistant requests (median about 7 words); the sample tickets are subject + latest message as the panel reads them.',
      '"right/unsure/wrong": detectLanguage() alone. "as queried": the language the text is tokenised in against its knowledge base (languageOf() with the base\'s main language and vocabulary, as suggest() and kb rank do).',
      '"unsure": the text says too little (the query is then tokenised in the knowledge base\'s main language when that is one of the three best guesses). No held-out Portuguese text is at hand: Portuguese is checked by the unit tests only.',
    ],
  };
}
