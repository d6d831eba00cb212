/**
 * "Copy a diagnosis" (entrypoints/helpdesk.content/diagnose.ts): a failed read reports which
 * selectors the adapter tried and how many elements each matched, and page version hints, so a
 * lead can report or fix it. It never carries page text: no customer data leaves the page.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../entrypoints/helpdesk.content/adapters';
import { diagnose, pageShape } from '../../entrypoints/helpdesk.content/diagnose';
import { ReadFailure } from '../../knowledge/messages';
import { loadFixtures } from './fixtures';

const fixtures = loadFixtures().filter((f) => !f.expected.generic);
const named = (folder: string, name: string) => fixtures.find((f) => f.folder === folder && f.name === name)!;

describe('diagnosis of a failed read', () => {
  it('names the selectors tried with their counts: Zoho Desk\u2019s evidenced view matched, the unevidenced thread did not', () => {
    const f = named('zoho', 'current-2025-04');
    const url = new URL(f.expected.url);
    const d = diagnose(adapterFor(url, {})!, f.document(), url);
    const count = (selector: string) => d.probes.find((p) => p.selector === selector)?.count;
    expect(count('.zd_v2-ticketdetailview-container')).toBe(1);
    expect(count('[data-id="caseSubjectText"]')).toBe(1);
    expect(count('[data-id="threadContainer"], [data-id="commentContainer"]')).toBe(0);
    expect(d).toMatchObject({ adapter: 'zoho', page: 'desk.zohocloud.ca/agent/acme/acme-support/tickets/details/#' });
    expect(() => ReadFailure.parse({ helpdesk: 'Zoho Desk', reason: 'x', url: url.href, diagnosis: d })).not.toThrow();
  });

  it('hints at the page version, shadow roots included', () => {
    const f = named('intercom', 'current-2026-10');
    const url = new URL(f.expected.url);
    const d = diagnose(adapterFor(url, {})!, f.document(), url);
    expect(d.hints).toContain('open shadow roots: 3');
    expect(d.probes.find((p) => p.selector === '[class*="group/content-part"]')?.count).toBe(4);
  });

  it('masks numbers and addresses in the page path', () => {
    expect(pageShape(new URL('https://secure.helpscout.net/customer/ana@example.com/conversations/12'))).toBe('secure.helpscout.net/customer/…/conversations/#');
  });

  it.each(fixtures.filter((f) => f.expected.ticket).map((f) => [`${f.folder}/${f.name}`, f] as const))('%s: carries no text of the ticket', (_label, f) => {
    const url = new URL(f.expected.url);
    const json = JSON.stringify(diagnose(adapterFor(url, {})!, f.document(), url));
    const t = f.expected.ticket!;
    const texts = [t.latestMessage, t.subject, t.requester.name, t.requester.email, ...t.thread.map((m) => m.text), ...t.thread.map((m) => m.author)];
    for (const text of texts.filter((x): x is string => !!x && x.length > 3)) expect(json).not.toContain(text);
  });
});
