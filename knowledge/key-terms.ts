import { KEY_TERMS_MAX } from './events.ts';
import { redact } from './redact.ts';
import { TICKET_WEIGHTS, ticketQuery } from './search/ticket-query.ts';
import { DEFAULT_TOKENISE_OPTIONS, isStopWord, tokeniseWithWords } from './search/tokenise.ts';
import type { Ticket } from './ticket.ts';

/** Redaction tokens ([email], [name], ...): gone before tokenising, so "email" is never a key term because one was redacted. */
const REDACTED = /\[(email|phone|card|iban|name)\]/g;
/** Pure numbers (order, tracking, invoice numbers) name a customer's case, never a topic. */
const NUMBERISH = /\d/;

/**
 * What a ticket is about, for the gaps report: at most KEY_TERMS_MAX words of the subject and the
 * latest customer message, never the text. The text is redacted first (emails, phones, cards,
 * IBANs, the requester's name), then tokenised with the search's own tokeniser and stop words;
 * words with digits are dropped. Ranked by weight (the subject counts as the search counts it),
 * then by first appearance; one word per stem, as first written, lower case.
 */
export function keyTerms(ticket: Ticket, max = KEY_TERMS_MAX): string[] {
  const query = ticketQuery(ticket, TICKET_WEIGHTS, DEFAULT_TOKENISE_OPTIONS.defaultLocale);
  const names = ticket.requester.name ? [ticket.requester.name] : [];
  const scores = new Map<string, { word: string; score: number; first: number }>();
  let position = 0;
  for (const part of query.parts.slice(0, 2)) {
    const text = redact(part.text, { names }).replace(REDACTED, ' ');
    for (const { term, word } of tokeniseWithWords(text, query.locale, DEFAULT_TOKENISE_OPTIONS)) {
      position++;
      // The search keeps negations and question words for ranking; they say nothing about a topic.
      if (NUMBERISH.test(word) || word.length > 40 || isStopWord(word, query.locale ?? DEFAULT_TOKENISE_OPTIONS.defaultLocale)) continue;
      const seen = scores.get(term);
      if (seen) seen.score += part.weight;
      else scores.set(term, { word: word.replace(/’/g, "'"), score: part.weight, first: position });
    }
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, max)
    .map((t) => t.word);
}
