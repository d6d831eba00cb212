// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapterFor, genericAdapter, readTicketFromSelection } from '../../entrypoints/helpdesk.content/adapters';
import { Ticket } from '../../knowledge/ticket';

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

  it('matches the domain and its subdomains only, and wins over built-in adapters there', () => {
    const adapter = genericAdapter(saved);
    expect(adapter.matches(url)).toBe(true);
    expect(adapter.matches(new URL('https://example.com/'))).toBe(true);
    expect(adapter.matches(new URL('https://notexample.com/'))).toBe(false);
    const zendeskUrl = new URL('https://acme.zendesk.com/agent/tickets/1');
    expect(adapterFor(zendeskUrl)?.id).toBe('zendesk');
    expect(adapterFor(zendeskUrl, { genericSelectors: [{ ...saved, domain: 'zendesk.com' }] })?.id).toBe('generic');
    expect(adapterFor(new URL('https://unknown.example.org/'))).toBeNull();
  });

  it('names a saved selector that is not valid CSS', () => {
    document.body.innerHTML = '<h1>Subject</h1><div class="msg">Hi</div>';
    const adapter = genericAdapter({ ...saved, message: 'div[' });
    expect(adapter.readTicket(document, url)).toEqual({ ok: false, helpdesk: 'generic', reason: 'saved selector for message is not valid CSS: "div["' });
    expect(genericAdapter({ ...saved, replyBox: '##' }).findReplyBox(document)).toBeNull();
  });
});
