/**
 * Hosted helpdesks the agent can enable with one click: the match patterns asked for as optional
 * host permissions (nothing is granted at install). Self-hosted ones (osTicket, FreeScout, Jira Data
 * Center) are added by domain in Settings. Data, not code: add a row when an adapter lands.
 */
export interface HostedHelpdesk {
  id: string;
  name: string;
  patterns: string[];
}

export const HOSTED_HELPDESKS: readonly HostedHelpdesk[] = [
  { id: 'zendesk', name: 'Zendesk', patterns: ['https://*.zendesk.com/*'] },
  { id: 'freshdesk', name: 'Freshdesk', patterns: ['https://*.freshdesk.com/*'] },
  { id: 'helpscout', name: 'Help Scout', patterns: ['https://secure.helpscout.net/*'] },
  { id: 'intercom', name: 'Intercom', patterns: ['https://app.intercom.com/*'] },
  { id: 'front', name: 'Front', patterns: ['https://app.frontapp.com/*'] },
  { id: 'zoho', name: 'Zoho Desk', patterns: ['https://desk.zoho.com/*', 'https://desk.zoho.eu/*'] },
  { id: 'hubspot', name: 'HubSpot Service Hub', patterns: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] },
  { id: 'jira', name: 'Jira Service Management (Cloud)', patterns: ['https://*.atlassian.net/*'] },
];

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
