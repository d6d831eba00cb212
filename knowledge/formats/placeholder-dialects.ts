import { PLACEHOLDERS, findPlaceholders, isPlaceholderName, type PlaceholderName } from '../placeholders.ts';

/**
 * Helpdesk placeholder dialects -> the one syntax of knowledge/placeholders.ts.
 * Names follow each helpdesk's documentation of its macro / canned-response variables.
 */

/** `{{...}}` dialects: Zendesk, Freshdesk and Front (and our own names, which map to themselves). */
const CURLY: Record<string, PlaceholderName> = {
  // Zendesk
  'ticket.requester.first_name': 'customer.first_name',
  'ticket.requester.last_name': 'customer.last_name',
  'ticket.requester.name': 'customer.name',
  'ticket.requester.email': 'customer.email',
  'ticket.id': 'ticket.id',
  'ticket.title': 'ticket.subject',
  'ticket.subject': 'ticket.subject',
  'current_user.first_name': 'agent.first_name',
  'current_user.name': 'agent.name',
  'current_user.signature': 'agent.signature',
  'ticket.assignee.first_name': 'agent.first_name',
  'ticket.assignee.name': 'agent.name',
  'ticket.account': 'company.name',
  'ticket.brand.name': 'company.name',
  // Freshdesk
  'ticket.requester.firstname': 'customer.first_name',
  'ticket.requester.lastname': 'customer.last_name',
  'ticket.agent.name': 'agent.name',
  'ticket.agent.first_name': 'agent.first_name',
  'ticket.agent.signature': 'agent.signature',
  'helpdesk_name': 'company.name',
  'ticket.portal_name': 'company.name',
  // Front
  'recipient.first_name': 'customer.first_name',
  'recipient.last_name': 'customer.last_name',
  'recipient.name': 'customer.name',
  'recipient.email': 'customer.email',
  'conversation.subject': 'ticket.subject',
  'user.first_name': 'agent.first_name',
  'user.name': 'agent.name',
  'user.signature': 'agent.signature',
  'company.name': 'company.name',
};

/** `{%...%}` dialects: Help Scout and FreeScout. */
const PERCENT_BRACE: Record<string, PlaceholderName> = {
  'customer.firstName': 'customer.first_name',
  'customer.lastName': 'customer.last_name',
  'customer.fullName': 'customer.name',
  'customer.email': 'customer.email',
  'conversation.number': 'ticket.id',
  'conversation.subject': 'ticket.subject',
  'user.firstName': 'agent.first_name',
  'user.fullName': 'agent.name',
  'user.signature': 'agent.signature',
  'mailbox.name': 'company.name',
  'mailbox.fromName': 'company.name',
};

/** `%{...}` dialect: osTicket. */
const OSTICKET: Record<string, PlaceholderName> = {
  'ticket.name.first': 'customer.first_name',
  'ticket.name.last': 'customer.last_name',
  'ticket.name': 'customer.name',
  'ticket.name.full': 'customer.name',
  'ticket.email': 'customer.email',
  'ticket.number': 'ticket.id',
  'ticket.subject': 'ticket.subject',
  'ticket.staff.name.first': 'agent.first_name',
  'ticket.staff.name': 'agent.name',
  'staff.name.first': 'agent.first_name',
  'staff.name': 'agent.name',
  'staff.signature': 'agent.signature',
  'signature': 'agent.signature',
  'company.name': 'company.name',
};

export interface Unified {
  text: string;
  /** One message per unknown or unsupported placeholder, naming it as written. */
  errors: string[];
}

// {{ name }}, {{name|fallback}}, {{name | default: "x"}} (Liquid-style fallback)
const CURLY_TOKEN = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(?:(?:default|fallback)\s*:\s*)?("[^"{}]*"|'[^'{}]*'|[^{}]*?)\s*)?\}\}/g;
// {%customer.firstName%}, {%customer.firstName,fallback=there%}
const PERCENT_TOKEN = /\{%\s*([A-Za-z_][\w.]*)\s*(?:,\s*fallback\s*=\s*([^{}%]*?)\s*)?%\}/g;
// %{ticket.name.first}
const OSTICKET_TOKEN = /%\{\s*([A-Za-z_][\w.]*)\s*\}/g;
const LIQUID_TAG = /\{%-?\s*(if|unless|case|for|assign|capture|else|elsif|endif|endfor|endunless|endcase|when|raw|comment)\b[^%]*%\}/;

export function unifyPlaceholders(input: string): Unified {
  const errors: string[] = [];
  const liquid = LIQUID_TAG.exec(input);
  if (liquid) {
    errors.push(`uses template logic ${short(liquid[0])}, which Agent Assist cannot run; write the answer without it`);
  }
  let text = input.replace(PERCENT_TOKEN, (raw, name: string, fb?: string) => convert(raw, PERCENT_BRACE[name], fb));
  text = text.replace(OSTICKET_TOKEN, (raw, name: string) => convert(raw, OSTICKET[name]));
  text = text.replace(CURLY_TOKEN, (raw, name: string, fb?: string) => convert(raw, CURLY[name] ?? own(name), unquote(fb)));
  for (const use of findPlaceholders(text)) {
    if (!isPlaceholderName(use.name)) errors.push(unknownMessage(use.raw));
  }
  for (const m of text.matchAll(PERCENT_TOKEN)) errors.push(unknownMessage(m[0]));
  for (const m of text.matchAll(OSTICKET_TOKEN)) errors.push(unknownMessage(m[0]));
  return { text, errors: [...new Set(errors)] };
}

function own(name: string): PlaceholderName | undefined {
  return isPlaceholderName(name) ? name : undefined;
}

function convert(raw: string, name: PlaceholderName | undefined, fallback?: string): string {
  if (!name) return raw;
  const fb = fallback?.replace(/[{}|<>]/g, '').trim();
  return fb ? `{{${name}|${fb}}}` : `{{${name}}}`;
}

function unquote(s: string | undefined): string | undefined {
  if (!s) return s;
  const m = /^(["'])(.*)\1$/s.exec(s.trim());
  return m ? m[2] : s;
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function unknownMessage(raw: string): string {
  return `uses the placeholder ${short(raw)}, which Agent Assist does not know; use one of ${KNOWN_LIST}`;
}

const KNOWN_LIST = Object.keys(PLACEHOLDERS)
  .map((n) => `{{${n}}}`)
  .join(', ');

/** For documentation and tests: every dialect name that is understood, with its canonical name. */
export const DIALECT_NAMES = {
  curly: CURLY,
  helpScoutFreeScout: PERCENT_BRACE,
  osTicket: OSTICKET,
} as const;

/**
 * Intercom's attributes, as its macros API writes them: `{{user.first_name|fallback:"there"}}` in
 * body_text and `<attribute key="user.first_name" default="there"/>` in the HTML body. There `user`
 * is the customer (in Front it is the agent), so Intercom text is converted by its own reader with
 * this table before the shared conversion runs.
 */
export const INTERCOM: Record<string, PlaceholderName> = {
  'user.first_name': 'customer.first_name',
  'user.last_name': 'customer.last_name',
  'user.name': 'customer.name',
  'user.email': 'customer.email',
  'conversation.id': 'ticket.id',
  'app.name': 'company.name',
};

const INTERCOM_TAG = /<attribute\b([^>]*?)\/?>(?:\s*<\/attribute>)?/gi;
const INTERCOM_CURLY = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*fallback\s*:\s*("[^"{}]*"|'[^'{}]*'|[^{}]*?)\s*)?\}\}/g;

/** Intercom placeholders (both forms) -> ours; names Intercom uses that Agent Assist does not know are returned, not guessed. */
export function unifyIntercomPlaceholders(input: string): Unified {
  const errors: string[] = [];
  const to = (raw: string, key: string | undefined, fallback: string | undefined): string => {
    const name = key ? INTERCOM[key] : undefined;
    if (!name) {
      errors.push(`uses the Intercom attribute ${short(key ? `{{${key}}}` : raw)}, which Agent Assist does not know; use one of ${Object.keys(INTERCOM).map((k) => `{{${k}}}`).join(', ')}`);
      return raw;
    }
    return convert(raw, name, fallback);
  };
  // Curly ones first: the tags' replacements are ours already and must not be read as Intercom's.
  const text = input
    .replace(INTERCOM_CURLY, (raw, key: string, fb?: string) => to(raw, key, unquote(fb)))
    .replace(INTERCOM_TAG, (raw, attrs: string) => to(raw, attrOf(attrs, 'key'), attrOf(attrs, 'default')));
  return { text, errors: [...new Set(errors)] };
}

function attrOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}
