/**
 * Hosted helpdesks the agent can enable with one click, with the match patterns asked for as
 * optional host permissions (nothing is granted at install): the adapters' own list, so Settings,
 * the adapters and the registered content script agree. Self-hosted ones (osTicket, FreeScout,
 * Jira Data Center) are added by domain in Settings.
 */
export { HOSTED_HELPDESKS, type HostedHelpdesk } from '@/entrypoints/helpdesk.content/adapters/hosts';

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
