import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/entrypoints/helpdesk.content/adapters';
import { HOSTED_HELPDESKS } from '@/knowledge/hosted-helpdesks';
import { HELPDESK_NAMES, helpdeskName } from '@/knowledge/helpdesks';

describe('helpdesk names: one table for every adapter id', () => {
  it('every adapter (and generic mode) has a display name', () => {
    for (const id of [...ADAPTERS.map((a) => a.id), 'generic']) expect(Object.keys(HELPDESK_NAMES), id).toContain(id);
  });

  it('names the products as their makers write them', () => {
    expect(helpdeskName('osticket')).toBe('osTicket');
    expect(helpdeskName('freescout')).toBe('FreeScout');
    expect(helpdeskName('helpscout')).toBe('Help Scout');
    expect(helpdeskName('zendesk')).toBe('Zendesk');
    expect(helpdeskName('some-new-desk')).toBe('some-new-desk');
    expect(helpdeskName('constructor')).toBe('constructor');
  });

  it('the hosted helpdesks Settings lists take their names from the table', () => {
    for (const row of HOSTED_HELPDESKS) expect(row.name.startsWith(helpdeskName(row.id)), row.id).toBe(true);
  });
});
