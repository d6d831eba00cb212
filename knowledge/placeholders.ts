/**
 * Placeholders in entry bodies, one syntax for every source: {{customer.first_name}} or,
 * with a fallback used when the value is unknown, {{customer.first_name|there}}.
 * Helpdesk dialects (Zendesk, Freshdesk, Help Scout, Front, osTicket, FreeScout) are
 * turned into this syntax on import by knowledge/formats/placeholder-dialects.ts.
 */
import { splitName } from './names';

/** Every placeholder an entry may use. Values marked `agent` are never read from the page: the agent fills them. */
export const PLACEHOLDERS = {
  'customer.first_name': { label: 'Customer first name', from: 'ticket' },
  'customer.last_name': { label: 'Customer last name', from: 'ticket' },
  'customer.name': { label: 'Customer full name', from: 'ticket' },
  'customer.email': { label: 'Customer email', from: 'ticket' },
  'ticket.id': { label: 'Ticket number', from: 'ticket' },
  'ticket.subject': { label: 'Ticket subject', from: 'ticket' },
  'agent.first_name': { label: 'Your first name', from: 'profile' },
  'agent.name': { label: 'Your name', from: 'profile' },
  'agent.signature': { label: 'Your signature', from: 'profile' },
  'company.name': { label: 'Company name', from: 'profile' },
  'order.number': { label: 'Order number', from: 'agent' },
  'order.tracking_url': { label: 'Tracking link', from: 'agent' },
  'refund.amount': { label: 'Refund amount', from: 'agent' },
  'date': { label: 'A date', from: 'agent' },
} as const satisfies Record<string, { label: string; from: 'ticket' | 'profile' | 'agent' }>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

export interface PlaceholderUse {
  /** The whole token as written, e.g. `{{customer.first_name|there}}`. */
  raw: string;
  name: string;
  fallback?: string;
  index: number;
}

const TOKEN = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;

/** Every `{{...}}` in a text, known or not. */
export function findPlaceholders(text: string): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const fallback = m[2]?.trim();
    out.push({ raw: m[0], name: m[1]!, ...(fallback ? { fallback } : {}), index: m.index });
  }
  return out;
}

/** Names used in a text that are not in PLACEHOLDERS. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set(findPlaceholders(text).map((p) => p.name).filter((n) => !isPlaceholderName(n)))];
}

export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

export interface Filled {
  text: string;
  /** Placeholders with neither a value nor a fallback: insert stays blocked until the agent fills them. */
  unresolved: PlaceholderName[];
}

/**
 * A value as literal Markdown text: every ASCII punctuation mark escaped, so a customer's name or
 * subject can never become a link, emphasis, heading, HTML or another placeholder. Newlines stay
 * (a signature has lines); each line's marks are escaped like the rest.
 */
export function literalMarkdown(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Markdown escapes undone: the text a reader sees. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const SAFE_URL = /^https?:\/\/[^\s<>"\\`]+$/i;

/**
 * Replace placeholders by their values (or fallbacks) in one pass over `text`, the entry's own
 * body (or the agent's edit of it): values go in as literal text (literalMarkdown), so what a value
 * holds is never read as Markdown or as a placeholder. Unresolved ones stay in the text as written.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): Filled {
  const unresolved = new Set<PlaceholderName>();
  const out = text.replace(TOKEN, (raw, name: string, fb: string | undefined, at: number) => {
    if (!isPlaceholderName(name)) return raw;
    const value = values[name]?.trim();
    // A tracking link standing on its own stays a link (an autolink holds no Markdown); as a link's target it is escaped like any value.
    if (value && name === 'order.tracking_url' && SAFE_URL.test(value) && !text.slice(0, at).endsWith('](')) return `<${value}>`;
    if (value) return literalMarkdown(value);
    const fallback = fb?.trim();
    if (fallback) return fallback;
    unresolved.add(name);
    return raw;
  });
  return { text: out, unresolved: [...unresolved] };
}

/** For short previews: the placeholders nothing filled read as "[order number]", not as `{{order.number}}`. */
export function readablePlaceholders(text: string): string {
  return text.replace(TOKEN, (raw, name: string, fb?: string) =>
    fb?.trim() ? fb.trim() : isPlaceholderName(name) ? `[${PLACEHOLDERS[name].label.toLowerCase()}]` : raw,
  );
}

/** Names, subjects and ids are one line: a newline in them must not start a heading or a list in the answer. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Values the ticket itself provides. */
export function valuesFromTicket(ticket: {
  id?: string;
  subject?: string;
  requester?: { name?: string; email?: string };
}): PlaceholderValues {
  const values: PlaceholderValues = {};
  const name = splitName(oneLine(ticket.requester?.name ?? ''));
  if (name.full) values['customer.name'] = name.full;
  if (name.first) values['customer.first_name'] = name.first;
  if (name.last) values['customer.last_name'] = name.last;
  const email = oneLine(ticket.requester?.email ?? '');
  if (email) values['customer.email'] = email;
  const id = oneLine(ticket.id ?? '');
  if (id) values['ticket.id'] = id;
  const subject = oneLine(ticket.subject ?? '');
  if (subject) values['ticket.subject'] = subject;
  return values;
}
