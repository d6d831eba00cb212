/**
 * The helpdesks Agent Assist reads, by the id an adapter writes into Ticket.helpdesk, and the
 * name people know each product by: the ONE table of display names. The content script's list of
 * hosted helpdesks (knowledge/hosted-helpdesks.ts) takes its names from here, and
 * pages (side panel, dashboard) import this file rather than the content script's folder.
 * test/helpdesk/names.test.ts checks that every adapter has a row.
 */
export const HELPDESK_NAMES = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  intercom: 'Intercom',
  front: 'Front',
  zoho: 'Zoho Desk',
  hubspot: 'HubSpot Service Hub',
  jira: 'Jira Service Management',
  osticket: 'osTicket',
  freescout: 'FreeScout',
  generic: 'this page (saved selectors)',
  demo: 'the demo helpdesk',
} as const satisfies Record<string, string>;

export type HelpdeskId = keyof typeof HELPDESK_NAMES;

/** "osTicket" for "osticket"; an id without a row is shown as it is (a newer content script). */
export function helpdeskName(id: string): string {
  return Object.hasOwn(HELPDESK_NAMES, id) ? HELPDESK_NAMES[id as HelpdeskId] : id;
}
