// @vitest-environment jsdom
/**
 * Hosted helpdesks: one list of match patterns (knowledge/hosted-helpdesks.ts).
 * Every hosted adapter reads on exactly its patterns, Settings shows and asks for the same ones,
 * the manifest's optional host permissions cover them, and the background registers the content
 * script for them as granted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { ADAPTERS } from '@/entrypoints/helpdesk.content/adapters';
import { HOSTED_HELPDESKS, matchesAny, matchesPattern, onHostedHelpdesk } from '@/knowledge/hosted-helpdesks';
import { scriptMatches } from '@/entrypoints/background/registration';
import { byTestId, cleanup, click, flush } from '../components/render';
import { loadFixtures } from './fixtures';
import { openSettings } from '../sidepanel/open-settings';

afterEach(cleanup);

/** Adapters that also read self-hosted sites by path on any domain the agent adds. */
const ANY_DOMAIN = new Set(['jira']);
const hosted = ADAPTERS.filter((a) => a.hosts);
/** A ticket URL each adapter reads (from its saved pages). */
const ticketUrl = new Map(loadFixtures().filter((f) => f.expected.ticket).map((f) => [f.folder, new URL(f.expected.url)] as const));
/** A host a pattern covers: `*.zendesk.com` -> `acme.zendesk.com`. */
const hostOf = (pattern: string) => /^[^:]+:\/\/([^/]+)\//.exec(pattern)![1]!.replace(/^\*\./, 'acme.');
const onHost = (url: URL, host: string) => new URL(`https://${host}${url.pathname}${url.search}`);
const ALL_HOSTS = [...HOSTED_HELPDESKS.flatMap((h) => h.patterns.map(hostOf)), 'desk.zoho.ca', 'app-xx9.hubspot.com', 'app-na2.hubspot.com', 'foo.frontapp.com', 'www.intercom.com', 'support.example.org'];

type ManifestFn = (env: { browser: string; mode: string; manifestVersion: number; command: string }) => Record<string, unknown>;

describe('hosted helpdesks: one list of patterns', () => {
  it('every hosted row is an adapter, and every adapter\u2019s patterns are its row\u2019s (what Settings lists)', () => {
    expect(hosted.map((a) => a.id).sort()).toEqual(HOSTED_HELPDESKS.map((h) => h.id).sort());
    for (const row of HOSTED_HELPDESKS) expect(ADAPTERS.find((a) => a.id === row.id)?.hosts).toEqual(row.patterns);
  });

  it.each(hosted.map((a) => [a.id, a] as const))('%s reads a ticket on every host of its patterns, and on no other', (id, adapter) => {
    const url = ticketUrl.get(id)!;
    expect(url).toBeDefined();
    for (const pattern of adapter.hosts!) expect(adapter.matches(onHost(url, hostOf(pattern))), pattern).toBe(true);
    for (const host of ALL_HOSTS) {
      const there = onHost(url, host);
      if (adapter.matches(there) && !ANY_DOMAIN.has(id)) expect(matchesAny(adapter.hosts!, there), host).toBe(true);
    }
    if (!ANY_DOMAIN.has(id)) expect(adapter.matches(onHost(url, 'support.example.org'))).toBe(false);
  });

  it('Zoho Desk reads on its documented data centres (Canada is zohocloud.ca, the UK zoho.uk); HubSpot only on hosts with evidence', () => {
    const zoho = ADAPTERS.find((a) => a.id === 'zoho')!;
    const zohoUrl = ticketUrl.get('zoho')!;
    expect(zoho.matches(onHost(zohoUrl, 'desk.zohocloud.ca'))).toBe(true);
    expect(zoho.matches(onHost(zohoUrl, 'desk.zoho.uk'))).toBe(true);
    expect(zoho.matches(onHost(zohoUrl, 'desk.zoho.ca'))).toBe(false);
    const hubspot = ADAPTERS.find((a) => a.id === 'hubspot')!;
    const hubspotUrl = ticketUrl.get('hubspot')!;
    expect(hubspot.matches(onHost(hubspotUrl, 'app-eu1.hubspot.com'))).toBe(true);
    expect(hubspot.matches(onHost(hubspotUrl, 'app-na2.hubspot.com'))).toBe(false);
  });

  it('self-hosted adapters never claim a page on a hosted helpdesk\u2019s hosts', () => {
    for (const row of HOSTED_HELPDESKS) for (const p of row.patterns) expect(onHostedHelpdesk(new URL(`https://${hostOf(p)}/`))).toBe(true);
    expect(onHostedHelpdesk(new URL('https://help.example.org/scp/tickets.php?id=1'))).toBe(false);
  });

  it('Settings shows each hosted helpdesk\u2019s patterns and asks the browser for exactly those', async () => {
    const { api, c } = await openSettings();
    for (const adapter of hosted) {
      const box = byTestId<HTMLInputElement>(c, `helpdesk-${adapter.id}`);
      expect(box.closest('li')!.textContent).toContain(adapter.hosts!.join(', '));
      await click(box);
      await flush();
      expect(api.permissions.request).toHaveBeenLastCalledWith([...adapter.hosts!]);
    }
  });

  it.each(['chrome', 'firefox'])('the %s manifest asks for no host at install, and its optional hosts cover every pattern', (browser) => {
    const manifest = (config.manifest as ManifestFn)({ browser, mode: 'production', manifestVersion: browser === 'firefox' ? 2 : 3, command: 'build' });
    expect(manifest.host_permissions).toBeUndefined();
    const optional = (browser === 'firefox' ? manifest.optional_permissions : manifest.optional_host_permissions) as string[];
    for (const p of HOSTED_HELPDESKS.flatMap((h) => h.patterns)) {
      const sample = new URL(`https://${hostOf(p)}/any/path`);
      expect(matchesPattern(p, sample)).toBe(true);
      expect(optional.some((o) => matchesPattern(o, sample)), p).toBe(true);
    }
  });

  it('the demo build grants the hosts the demo adapter reads on (its tests cannot click a permission prompt)', () => {
    const manifest = (config.manifest as ManifestFn)({ browser: 'chrome', mode: 'demo', manifestVersion: 3, command: 'build' });
    const demoUrl = ticketUrl.get('demo')!;
    const granted = manifest.host_permissions as string[];
    expect(ADAPTERS.find((a) => a.id === 'demo')!.matches(demoUrl)).toBe(true);
    expect(granted.some((p) => matchesPattern(p, demoUrl))).toBe(true);
    expect(scriptMatches(granted)).toEqual([...granted].sort());
  });

  it('the content script is registered for exactly the patterns granted', () => {
    const all = HOSTED_HELPDESKS.flatMap((h) => h.patterns);
    expect(scriptMatches(all)).toEqual([...new Set(all)].sort());
  });
});

describe('match patterns', () => {
  it('follow Chrome\u2019s rules: *. covers the domain and its subdomains, the scheme must match', () => {
    expect(matchesPattern('https://*.zendesk.com/*', new URL('https://acme.zendesk.com/agent/tickets/1'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', new URL('https://zendesk.com/'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', new URL('https://evilzendesk.com/'))).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/*', new URL('http://acme.zendesk.com/'))).toBe(false);
    expect(matchesPattern('https://app.intercom.com/*', new URL('https://app.intercom.com.evil.example/'))).toBe(false);
    expect(matchesPattern('*://*/*', new URL('http://x.example/'))).toBe(true);
    expect(matchesPattern('https://x.example/a/*', new URL('https://x.example/b/'))).toBe(false);
  });
});
