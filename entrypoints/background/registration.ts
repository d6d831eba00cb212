/**
 * The helpdesk content script has no host in the manifest (`registration: 'runtime'`): it is
 * registered here for exactly the origins the agent granted (optional host permissions asked for
 * from the panel), re-registered from permissions.getAll() when the worker starts, and unregistered
 * when a permission is removed. The demo build grants 127.0.0.1 and localhost in its manifest, and
 * the same code registers the script for them.
 */
export const SCRIPT_ID = 'agent-assist-helpdesk';
export const SCRIPT_FILE = '/helpdesk.js';

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface RegistrationApi {
  grantedOrigins(): Promise<string[]>;
  registered(): Promise<RegisteredScript[]>;
  register(matches: string[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** Runs the script in tabs already open on these patterns (a registration only reaches pages loaded after it). */
  injectOpenTabs(matches: string[]): Promise<void>;
}

const HOST_PATTERN = /^(https?|\*):\/\/([^/]+)\/.*$/;

/**
 * Granted origins the script may run on. A pattern for every host (`https://*\/*`, `<all_urls>`)
 * is left out on purpose: Agent Assist reads helpdesks the agent named, not every site.
 */
export function scriptMatches(origins: readonly string[]): string[] {
  const out = new Set<string>();
  for (const origin of origins) {
    const m = HOST_PATTERN.exec(origin);
    if (!m) continue;
    const host = m[2]!;
    if (host === '*' || host.startsWith('*:')) continue;
    out.add(`${m[1]}://${host}/*`);
  }
  return [...out].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
}

/** Makes the registered script match the granted origins; returns the matches now registered. */
export async function syncRegistrations(api: RegistrationApi): Promise<string[]> {
  const matches = scriptMatches(await api.grantedOrigins());
  const current = (await api.registered()).find((s) => s.id === SCRIPT_ID);
  if (current && sameSet(current.matches ?? [], matches)) return matches;
  if (current) await api.unregister([SCRIPT_ID]);
  if (matches.length) await api.register(matches);
  const added = matches.filter((m) => !(current?.matches ?? []).includes(m));
  if (added.length) await api.injectOpenTabs(added).catch(() => undefined);
  return matches;
}

/** The match patterns the panel asks permission for when the agent adds a domain. */
export function originToPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.host}/*`;
}
