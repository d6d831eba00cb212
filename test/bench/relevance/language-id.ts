import { detectLanguage } from '../../../knowledge/language.ts';
import { ticketQuery } from '../../../knowledge/search/ticket-query.ts';
import { packageVersion } from '../baselines.ts';
import type { BenchTable } from '../table.ts';
import { sampleTickets } from './datasets.ts';
import { XSID_LANGUAGES, xsidAvailable, xsidRows } from './xsid.ts';

/**
 * knowledge/language.ts on text it was not chosen on: xSID's test sentences (the library and its
 * settings were chosen on the validation split) and the sample tickets' subject and latest message,
 * labelled with the locale their author gave them.
 */
export function languageIdTable(): BenchTable {
  const rows: (string | number)[][] = [];
  const line = (source: string, lang: string, texts: string[]) => {
    let right = 0;
    let unsure = 0;
    for (const t of texts) {
      const d = detectLanguage(t);
      if (!d) unsure++;
      else if (d.language === lang) right++;
    }
    const pct = (n: number) => (100 * n) / (texts.length || 1);
    rows.push([source, lang, texts.length, pct(right), pct(unsure), pct(texts.length - right - unsure)]);
  };
  if (xsidAvailable()) for (const lang of XSID_LANGUAGES) line('xSID test', lang, xsidRows(lang, 'test').map((r) => r.text));
  const tickets = sampleTickets();
  if (tickets) {
    const byLang = new Map<string, string[]>();
    for (const q of tickets.all) {
      const lang = q.ticket?.locale;
      if (!lang || !q.ticket) continue;
      const { locale: _, ...unlabelled } = q.ticket;
      byLang.set(lang, [...(byLang.get(lang) ?? []), ticketQuery(unlabelled).text]);
    }
    for (const [lang, texts] of [...byLang].sort()) line('sample tickets', lang, texts);
  }
  return {
    title: 'Language identification (knowledge/language.ts) on held-out text',
    columns: ['text', 'language', 'texts', 'right %', 'unsure %', 'wrong %'],
    rows,
    notes: [
      `tinyld ${packageVersion('tinyld')} (light profile, restricted to the languages the tokeniser stems) for Latin script; Chinese and Japanese by script.`,
      'xSID test sentences are short assistant requests (median about 7 words); the sample tickets are subject + latest message as the panel reads them.',
      '"unsure": the text says too little (the query is then tokenised in the knowledge base\'s main language when that is one of the three best guesses). No held-out Portuguese text is at hand: Portuguese is checked by the unit tests only.',
    ],
  };
}
