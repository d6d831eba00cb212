// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapterFor, genericAdapter, readTicketFromSelection } from '../../entrypoints/helpdesk.content/adapters';
import { Ticket } from '../../knowledge/ticket';
import { loadFixtures } from './fixtures';

const url = new URL('https://portal.example.com/case/7');

describe('generic mode (a): the agent selection', () => {
  it('becomes the latest message, whitespace tidied', () => {
    const result = readTicketFromSelection('  Hello,\u00a0team \n\n\n\n  my   order is late.  ', url);
    expect(result).toEqual({
      ok: true,
      ticket: { helpdesk: 'generic', id: '', url: url.href, subject: '', requester: {}, latestMessage: 'Hello, team\n\nmy order is late.', thread: [], tags: [] },
    });
    expect(() => Ticket.parse(result.ok && result.ticket)).not.toThrow();
  });

  it('refuses an empty selection, saying what to do', () => {
    expect(readTicketFromSelection(' \n ', url)).toEqual({ ok: false, helpdesk: 'generic', reason: expect.stringContaining('select the customer message') });
  });
});

describe('generic mode (b): selectors saved for a domain', () => {
  const saved = { domain: '*.Example.com', subject: 'h1', message: '.msg', replyBox: 'textarea' };

  it('matches the domain and its subdomains only, and overrides built-in adapters there field by field', () => {
    const adapter = genericAdapter(saved);
    expect(adapter.matches(url)).toBe(true);
    expect(adapter.matches(new URL('https://example.com/'))).toBe(true);
    expect(adapter.matches(new URL('https://notexample.com/'))).toBe(false);
    const zendeskUrl = new URL('https://acme.zendesk.com/agent/tickets/1');
    expect(adapterFor(zendeskUrl)?.id).toBe('zendesk');
    expect(adapterFor(zendeskUrl, { genericSelectors: [{ ...saved, domain: 'zendesk.com' }] })?.id).toBe('zendesk');
    expect(adapterFor(new URL('https://unknown.example.org/'))).toBeNull();
  });

  it('names a saved selector that is not valid CSS', () => {
    document.body.innerHTML = '<h1>Subject</h1><div class="msg">Hi</div>';
    const adapter = genericAdapter({ ...saved, message: 'div[' });
    expect(adapter.readTicket(document, url)).toEqual({ ok: false, helpdesk: 'generic', reason: 'saved selector for message is not valid CSS: "div["' });
    expect(genericAdapter({ ...saved, replyBox: '##' }).findReplyBox(document)).toBeNull();
  });
});

describe('selectors saved for a domain a built-in adapter reads: they override it field by field', () => {
  const fixtures = loadFixtures();
  const page = (folder: string, name: string) => fixtures.find((f) => f.folder === folder && f.name === name)!;

  it('a saved message selector fills in what the adapter has no evidence for (Zoho Desk\u2019s thread); its evidenced fields stay', () => {
    const f = page('zoho', 'current-2025-04');
    const doc = f.document();
    doc.querySelector('.zd_v2-ticketdetailview-container')!.insertAdjacentHTML('beforeend', '<div class="lead-picked">My printer driver fails with error 0x80070002.</div>');
    const url = new URL(f.expected.url);
    expect(adapterFor(url)!.readTicket(doc, url).ok).toBe(false);
    const saved = { domain: 'desk.zohocloud.ca', subject: '', message: '.lead-picked', replyBox: '' };
    const adapter = adapterFor(url, { genericSelectors: [saved] })!;
    expect(adapter.id).toBe('zoho');
    expect(adapter.readTicket(doc, url)).toMatchObject({
      ok: true,
      ticket: { helpdesk: 'zoho', id: '1043', subject: 'Printer driver will not install', latestMessage: 'My printer driver fails with error 0x80070002.' },
    });
  });

  it('a saved subject and reply box win over the adapter\u2019s; the thread, requester and tags stay the adapter\u2019s', () => {
    const f = page('zendesk', 'current-2026-03');
    const doc = f.document();
    doc.body.insertAdjacentHTML('beforeend', '<h2 class="lead-subject">Double charge (lead\u2019s pick)</h2><textarea class="lead-reply"></textarea>');
    const url = new URL(f.expected.url);
    const saved = { domain: 'zendesk.com', subject: '.lead-subject', message: '', replyBox: 'textarea.lead-reply' };
    const adapter = adapterFor(url, { genericSelectors: [saved] })!;
    const result = adapter.readTicket(doc, url);
    expect(result).toEqual({ ok: true, ticket: { ...f.expected.ticket, subject: 'Double charge (lead\u2019s pick)' } });
    expect(adapter.findReplyBox(doc)).toBe(doc.querySelector('textarea.lead-reply'));
  });
});
