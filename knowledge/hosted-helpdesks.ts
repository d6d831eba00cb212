/**
 * Hosted helpdesks and the match patterns Agent Assist reads them on: the ONE list. Settings shows
 * these rows and asks for exactly these patterns as optional host permissions (the manifest lists
 * only `https://*\/*` and `http://*\/*` as optional, which cover them); the background registers
 * the content script for the patterns granted; each hosted adapter's `hosts` and `matches()` come
 * from its row here. Self-hosted helpdesks (osTicket, FreeScout, Jira Data Center) are added by
 * domain in Settings and recognised by path. Plain data and one matcher: safe for the side panel,
 * small in the content script. It lives in knowledge/ because the content script, the panel and
 * the dashboard all need it. test/helpdesk/hosts.test.ts checks adapters, settings and manifest agree.
 * The names come from the one table of helpdesk names, knowledge/helpdesks.ts.
 */
import { HELPDESK_NAMES } from './helpdesks.ts';

export interface HostedHelpdesk {
  /** The adapter's id. */
  id: string;
  name: string;
  /** Chrome match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
  patterns: readonly string[];
}

export const HOSTED_HELPDESKS: readonly HostedHelpdesk[] = [
  { id: 'zendesk', name: HELPDESK_NAMES.zendesk, patterns: ['https://*.zendesk.com/*'] },
  { id: 'freshdesk', name: HELPDESK_NAMES.freshdesk, patterns: ['https://*.freshdesk.com/*'] },
  { id: 'helpscout', name: HELPDESK_NAMES.helpscout, patterns: ['https://secure.helpscout.net/*'] },
  // Intercom's EU and Australian workspaces live on their own hosts.
  { id: 'intercom', name: HELPDESK_NAMES.intercom, patterns: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'] },
  { id: 'front', name: HELPDESK_NAMES.front, patterns: ['https://app.frontapp.com/*'] },
  // Zoho Desk's data centres, one host each. Zoho documents Canada as zohocloud.ca, not zoho.ca, and
  // the UK as zoho.uk (multi-DC pages of Zoho Assist, Lens and WorkDrive; Devart's ZohoDeskDataCenter
  // enum lists UK and Canada for Desk itself). Zoho Desk's own multi-DC page was not found.
  {
    id: 'zoho',
    name: HELPDESK_NAMES.zoho,
    patterns: [...['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'uk', 'sa'].map((tld) => `https://desk.zoho.${tld}/*`), 'https://desk.zohocloud.ca/*'],
  },
  // HubSpot's data centres with evidence: app (na1) and app-eu1 (HubSpot's EU data centre since 2021).
  // Other regional hosts (app-na2, app-ap1) were dropped until a source shows them.
  {
    id: 'hubspot',
    name: HELPDESK_NAMES.hubspot,
    patterns: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  },
  { id: 'jira', name: `${HELPDESK_NAMES.jira} (Cloud)`, patterns: ['https://*.atlassian.net/*'] },
];

/** The patterns of the hosted helpdesk `id` (empty for an id that is not hosted). */
export function hostedPatterns(id: string): readonly string[] {
  return HOSTED_HELPDESKS.find((h) => h.id === id)?.patterns ?? [];
}

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/** Whether `url` is matched by the match pattern (scheme, host with an optional leading `*.`, path glob). */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host.toLowerCase()) return false;
  }
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

export function matchesAny(patterns: readonly string[], url: URL): boolean {
  return patterns.some((p) => matchesPattern(p, url));
}

/** On a hosted helpdesk's domain: self-hosted adapters, which match by path, never claim these pages. */
export function onHostedHelpdesk(url: URL): boolean {
  return HOSTED_HELPDESKS.some((h) => matchesAny(h.patterns, url));
}
/** "support.example.com" or "https://support.example.com/scp/" -> "https://support.example.com"; null when it is not a web address. */
export function toOrigin(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function originPattern(origin: string): string {
  return `${origin}/*`;
}
