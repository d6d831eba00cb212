/**
 * Placeholders in entry bodies, one syntax for every source: {{customer.first_name}} or,
 * with a fallback used when the value is unknown, {{customer.first_name|there}}.
 * Helpdesk dialects (Zendesk, Freshdesk, Help Scout, Front, osTicket, FreeScout) are
 * turned into this syntax on import by knowledge/formats/placeholder-dialects.ts.
 */

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

/** Replace placeholders by their values (or fallbacks); unresolved ones stay in the text as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): Filled {
  const unresolved = new Set<PlaceholderName>();
  const out = text.replace(TOKEN, (raw, name: string, fb?: string) => {
    if (!isPlaceholderName(name)) return raw;
    const value = values[name]?.trim();
    if (value) return value;
    const fallback = fb?.trim();
    if (fallback) return fallback;
    unresolved.add(name);
    return raw;
  });
  return { text: out, unresolved: [...unresolved] };
}

/** Values the ticket itself provides. */
export function valuesFromTicket(ticket: {
  id?: string;
  subject?: string;
  requester?: { name?: string; email?: string };
}): PlaceholderValues {
  const name = ticket.requester?.name?.trim() ?? '';
  const parts = name.includes('@') ? [] : name.split(/\s+/).filter(Boolean);
  const values: PlaceholderValues = {};
  if (parts.length) {
    values['customer.name'] = parts.join(' ');
    values['customer.first_name'] = parts[0]!;
    if (parts.length > 1) values['customer.last_name'] = parts[parts.length - 1]!;
  }
  if (ticket.requester?.email) values['customer.email'] = ticket.requester.email;
  if (ticket.id) values['ticket.id'] = ticket.id;
  if (ticket.subject) values['ticket.subject'] = ticket.subject;
  return values;
}
