import type { WindowLike } from 'dompurify';
import type { Entry } from './entry';
import { leaveOut } from './greeting';
import { cleanHtml, htmlToText } from './insert-html';
import type { LanguageFallback, MatchedTerms, SettingsView, TabState } from './messages';
import { Lexer, type Token } from 'marked';
import { fillPlaceholders, oneLine, readablePlaceholders, valuesFromTicket, type Filled, type PlaceholderValues } from './placeholders';
import { RENDER_OPTIONS, renderMarkdown } from './render';

/**
 * The answer the agent inserts, from an entry and the values the ticket, the profile and the agent
 * give: the same functions for the side panel and for `kb preview`.
 */

/** An answer the agent opened: from the suggestions or from the manual search. */
export interface Chosen {
  entry: Entry;
  matched: MatchedTerms;
  freshness: 'fresh' | 'due-soon' | 'stale' | 'no-review-date';
  confidence?: number;
  fallback?: LanguageFallback;
  rank: number;
  from: 'suggestion' | 'search';
}

/** Placeholder values from the agent's profile (settings). Name and company are one line; the signature keeps its lines. */
export function profileValues(s: Pick<SettingsView, 'agentName' | 'agentSignature' | 'companyName'> | undefined): PlaceholderValues {
  const out: PlaceholderValues = {};
  const name = oneLine(s?.agentName ?? '');
  if (name) {
    out['agent.name'] = name;
    out['agent.first_name'] = name.split(' ')[0]!;
  }
  const signature = (s?.agentSignature ?? '').replace(/\r\n?/g, '\n').trim();
  if (signature) out['agent.signature'] = signature;
  const company = oneLine(s?.companyName ?? '');
  if (company) out['company.name'] = company;
  return out;
}

/** What the page and the profile fill, before the agent types anything. */
export function knownValues(state: TabState | undefined, settings: SettingsView | undefined): PlaceholderValues {
  const fromTicket = state?.kind === 'ticket' ? valuesFromTicket(state.ticket) : {};
  return { ...fromTicket, ...profileValues(settings) };
}

export interface Draft {
  /** The answer as suggested: known values filled; agent-only placeholders still as written. Where an edit starts. */
  suggested: string;
  /** What Insert would put in the reply box now (Markdown; values in it are literal text). */
  final: Filled;
  /** Placeholders the agent has to type (stay listed while being typed into). */
  needed: Filled['unresolved'];
  /** The suggestion with every value filled but none of the agent's edits: the edit ratio's baseline. */
  baseline: string;
}

/**
 * Every fill is one pass over the entry's own body (or the agent's edit of it): a value that holds
 * `{{agent.name}}` goes in as literal text and is never filled again, and only placeholders the
 * body itself uses are asked for.
 */
export function draft(body: string, known: PlaceholderValues, typed: PlaceholderValues, edited: string | null): Draft {
  const all = { ...known, ...typed };
  const suggested = fillPlaceholders(body, known).text;
  const baseline = fillPlaceholders(body, all);
  const final = edited === null ? baseline : fillPlaceholders(edited, all);
  const needed = fillPlaceholders(edited ?? body, known).unresolved;
  return { suggested, final, needed, baseline: baseline.text };
}

/** The entry's body, without its greeting and sign-off when the agent chose to leave them out. */
export function answerBody(entry: Entry, leave: { greeting: boolean; signOff: boolean } | undefined): string {
  return leave ? leaveOut(entry.body, leave) : entry.body;
}

export interface Inserted {
  /** The panel's rendering, handed to the content script (which cleans it again on the page). */
  rendered: string;
  /** What a rich editor gets. */
  html: string;
  /** What a plain-text box gets, and what Copy puts on the clipboard: links as "label (url)". */
  text: string;
}

/** The answer's Markdown as Insert puts it into a rich (html) or a plain (text) editor. */
export function forInsert(markdown: string, win: WindowLike & { document: Document }): Inserted {
  const rendered = renderMarkdown(markdown, win);
  const html = cleanHtml(rendered, win.document);
  return { rendered, html, text: htmlToText(html, win.document) || markdown };
}

/**
 * A card's excerpt: the body with what is known filled, the rest shown as "[order number]", as
 * the text a reader sees (no Markdown marks, no escapes).
 */
export function excerptText(body: string, known: PlaceholderValues): string {
  const md = readablePlaceholders(fillPlaceholders(body, known).text);
  return tokensText(new Lexer(RENDER_OPTIONS).lex(md)).replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Markdown of the shapes answers take, in one-byte and in two-byte text (V8 compiles a regular expression for each apart). */
const WARM_SAMPLE = [
  '# Returns\n\nHi {{customer.first_name}}, **thank you**: see [our policy](https://example.com/returns) and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted',
  '## Rückgabe – Lieferung\n\nHallo {{customer.first_name}}, *danke* für Ihre Geduld: [Status](https://example.com/ř).\n\n- eins\n- zwei',
];

/**
 * Lexes answers of every common shape once, so the first card after the panel opens does not pay
 * for compiling marked's lexer (about 60 ms of the first ticket after an import at 100k entries,
 * 20 ms on later tickets: test/bench/README.md, "Cold start"). The panel calls it when idle.
 */
export function warmExcerpts(): void {
  for (const body of WARM_SAMPLE) excerptText(body, {});
}

function tokensText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      const inner = (t as { tokens?: Token[] }).tokens;
      const items = (t as { items?: Token[] }).items;
      if (items) return tokensText(items);
      if (t.type === 'br' || t.type === 'space') return '\n';
      const text = inner ? tokensText(inner) : 'text' in t ? String(t.text) : '';
      return ['paragraph', 'heading', 'list_item', 'code'].includes(t.type) ? `${text}\n` : text;
    })
    .join('');
}
