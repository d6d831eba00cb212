/**
 * Every helpdesk adapter, in priority order: hosted helpdesks on their own domains first, then
 * self-hosted ones recognised by path on any domain, then the local demo. Adding an adapter means
 * adding it here plus a fixture folder test/fixtures/helpdesk/<id>/ (the convention test checks);
 * a hosted one also gets its row of match patterns in hosts.ts (test/helpdesk/hosts.test.tsx checks).
 */
import type { HelpdeskAdapter } from '../adapter';
import { demo } from './demo';
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { genericAdapter, type GenericSelectors } from './generic';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { jira } from './jira';
import { osticket } from './osticket';
import { withSavedSelectors } from './saved-fields';
import { zendesk } from './zendesk';
import { zoho } from './zoho';

export const ADAPTERS: readonly HelpdeskAdapter[] = [
  zendesk,
  freshdesk,
  helpscout,
  intercom,
  front,
  zoho,
  hubspot,
  jira,
  osticket,
  freescout,
  demo,
];

export interface AdapterSettings {
  /** Selectors team leads saved per domain (generic mode b). */
  genericSelectors?: readonly GenericSelectors[];
}

/**
 * The adapter for a page. Selectors a team lead saved for the domain come first: they are how a
 * team works around a helpdesk whose markup changed before the built-in adapter is fixed. On a page
 * a built-in adapter reads, they override it field by field (saved-fields.ts), not as a whole.
 * Null means generic mode (a): read the agent's selection.
 */
export function adapterFor(url: URL, settings: AdapterSettings = {}): HelpdeskAdapter | null {
  const saved = settings.genericSelectors?.find((s) => genericAdapter(s).matches(url));
  const builtIn = ADAPTERS.find((a) => a.matches(url));
  if (saved && builtIn) return withSavedSelectors(builtIn, saved);
  if (saved) return genericAdapter(saved);
  return builtIn ?? null;
}

export { genericAdapter, readTicketFromSelection, type GenericSelectors } from './generic';
