// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { draft, forInsert, knownValues, profileValues } from '../../knowledge/answer';
import type { TabState } from '../../knowledge/messages';
import { offeredValues } from '../../knowledge/offers';
import { fillPlaceholders, valuesFromTicket } from '../../knowledge/placeholders';
import type { Ticket } from '../../knowledge/ticket';

// What customers (and a careless profile) typed, each of which the review saw become markup.
const HOSTILE = [
  '[Jonas](https://evil.example/verify)',
  '<https://evil.example/a>',
  'https://evil.example/b',
  'www.evil.example',
  'jonas@evil.example',
  '**bold** __strong__ *em* _em_ ~~gone~~',
  '`code`',
  '![pixel](https://evil.example/p.png)',
  '<b>bold</b><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
  '{{agent.name}} {{order.number}} {{customer.first_name|x}}',
  '# Heading',
  '- item',
  '1. item',
  '> quote',
  'Jonas\n# Heading\n---',
  'back\\slash & &amp; &lt;b&gt;',
  'javascript:alert(1)',
];

const BODY = [
  'Hi {{customer.first_name|F}} {{customer.last_name|L}} ({{customer.name|N}}, {{customer.email}}),',
  '',
  'about ticket {{ticket.id}}: {{ticket.subject}}.',
  '',
  '{{agent.signature}}',
  '{{agent.name}} / {{agent.first_name}} at {{company.name}}',
].join('\n');

const SETTINGS = { agentName: 'Ana Lima', agentSignature: 'Ana\nSupport', companyName: 'Northwind' };

function ticket(v: string): Ticket {
  return {
    helpdesk: 'demo',
    id: v,
    subject: v,
    requester: { name: v, email: v },
    latestMessage: v,
    thread: [{ direction: 'customer', text: v, author: v }],
    tags: [],
  };
}

function state(t: Ticket): TabState {
  return { kind: 'ticket', tabId: 1, ticket: t, readAt: 1, readId: 'r', fromSelection: false, result: { abstained: false, suggestions: [] } };
}

/** The tags of an HTML string, closing ones left out. */
const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('ticket and profile values are literal text', () => {
  it.each(HOSTILE)('in every ticket field: %j', (value) => {
    const d = draft(BODY, knownValues(state(ticket(value)), SETTINGS as never), {}, null);
    // Only the entry's own placeholders are asked for: none here, whatever the customer typed.
    expect(d.needed).toEqual([]);
    expect(d.final.unresolved).toEqual([]);
    const out = forInsert(d.final.text, window);
    // The entry has paragraphs and line breaks only; a value adds no tag.
    expect(new Set(tags(out.html))).toEqual(new Set(['p', 'br']));
    expect(new Set(tags(out.rendered))).toEqual(new Set(['p', 'br']));
    // The value reads as typed (on one line: names, subjects and ids are one line) in the rich editor and the plain box.
    const oneLine = flat(value);
    const richText = flat(new DOMParser().parseFromString(out.html, 'text/html').body.textContent ?? '');
    expect(richText).toContain(`about ticket ${oneLine}: ${oneLine}.`);
    expect(flat(out.text)).toContain(`about ticket ${oneLine}: ${oneLine}.`);
    // A placeholder the customer typed is text, never the agent's name or a fallback.
    expect(flat(out.text).split('Ana Lima').length - 1).toBe(1);
  });

  it.each(HOSTILE)('in every profile field: %j', (value) => {
    const known = { ...valuesFromTicket(ticket('Tom Fletcher')), ...profileValues({ agentName: value, agentSignature: value, companyName: value }) };
    const out = forInsert(draft(BODY, known, {}, null).final.text, window);
    expect(new Set(tags(out.html))).toEqual(new Set(['p', 'br']));
    expect(flat(out.text)).toContain(`at ${flat(value)}`);
  });

  it('a typed value (or one taken from the ticket) is literal too, and an entry fills once', () => {
    const body = 'Order {{order.number}} for {{customer.first_name}}.';
    const known = valuesFromTicket({ subject: 'x', requester: { name: '{{order.number}}' } });
    const d = draft(body, known, { 'order.number': '**A-1** {{customer.first_name}}' }, null);
    const out = forInsert(d.final.text, window);
    expect(out.text).toBe('Order **A-1** {{customer.first_name}} for {{order.number}}.');
    expect(tags(out.html)).toEqual(['p']);
  });

  it('the link around a tracking-link placeholder keeps working, and a bare tracking link stays a link', () => {
    const body = '[Track it]({{order.tracking_url}}) or {{order.tracking_url}}';
    const d = draft(body, {}, { 'order.tracking_url': 'https://track.example/a_b(1)' }, null);
    const out = forInsert(d.final.text, window);
    expect(out.html.trim()).toBe('<p><a href="https://track.example/a_b(1)">Track it</a> or <a href="https://track.example/a_b(1)">https://track.example/a_b(1)</a></p>');
    const evil = forInsert(draft(body, {}, { 'order.tracking_url': 'javascript:alert(1)' }, null).final.text, window);
    expect(evil.html).not.toMatch(/javascript:[^<]*"/);
  });

  it('the edit box starts from the escaped answer, so an edit keeps the value literal', () => {
    const known = valuesFromTicket({ requester: { name: '[Jonas](https://evil.example/verify)' } });
    const d = draft('Hi {{customer.first_name}}, {{order.number}}', known, {}, null);
    const edited = draft('Hi {{customer.first_name}}, {{order.number}}', known, { 'order.number': '7' }, `${d.suggested} thanks`);
    expect(forInsert(edited.final.text, window).html.trim()).toBe('<p>Hi [Jonas](https://evil.example/verify), 7 thanks</p>');
  });

  it('fills in one pass: a value holding a placeholder is never filled again', () => {
    const filled = fillPlaceholders('{{ticket.subject}} / {{agent.name}}', { 'ticket.subject': '{{agent.name}}', 'agent.name': 'Ana' });
    expect(filled.text).toBe('\\{\\{agent\\.name\\}\\} / Ana');
    expect(filled.unresolved).toEqual([]);
  });
});

describe('names for greetings', () => {
  it.each([
    ['Dr. Wolfgang Richter', 'Wolfgang', 'Richter'],
    ['Prof. Dr. Anna Schmidt', 'Anna', 'Schmidt'],
    ['Herr Müller', undefined, 'Müller'],
    ['Frau Dr. Weber', undefined, 'Weber'],
    ['Mrs Jane Doe', 'Jane', 'Doe'],
    ['Ms. Ana Lima', 'Ana', 'Lima'],
    ['Mr. Smith', undefined, 'Smith'],
    ['M. Jean Dupont', 'Jean', 'Dupont'],
    ['Mme Claire Martin', 'Claire', 'Martin'],
    ['Sra. Lucía Gómez', 'Lucía', 'Gómez'],
    ['Sr. Pablo Ruiz', 'Pablo', 'Ruiz'],
    ['Richter, Wolfgang', 'Wolfgang', 'Richter'],
    ['John Smith Jr.', 'John', 'Smith'],
    ['Tom Fletcher', 'Tom', 'Fletcher'],
    ['Don Draper', 'Don', 'Draper'],
    ['Lukas', 'Lukas', undefined],
  ])('%s', (name, first, last) => {
    const v = valuesFromTicket({ requester: { name } });
    expect([v['customer.first_name'], v['customer.last_name'], v['customer.name']]).toEqual([first, last, name]);
  });

  it('"Hi Dr.," never: a title-only name falls back', () => {
    const text = fillPlaceholders('Hi {{customer.first_name|there}},', valuesFromTicket({ requester: { name: 'Dr. Richter' } })).text;
    expect(text).toBe('Hi there,');
  });
});

describe('values the ticket already holds are offered', () => {
  it.each([
    [{ subject: 'Where is order #A-10234?', latestMessage: '' }, 'A-10234'],
    [{ subject: 'Help', latestMessage: 'My order number is NW104582 and it has not arrived.' }, 'NW104582'],
    [{ subject: 'Bestellung Nr. 4711 fehlt', latestMessage: '' }, '4711'],
    [{ subject: 'commande n° 88231', latestMessage: '' }, '88231'],
    [{ subject: 'Order status please', latestMessage: 'I ordered last week.' }, undefined],
  ])('%j', (t, order) => {
    expect(offeredValues(t)['order.number']).toBe(order);
  });

  it('offers a tracking link from the message, not other links', () => {
    expect(offeredValues({ subject: '', latestMessage: 'See https://shop.example/faq and https://track.example/NW1.' })['order.tracking_url']).toBe('https://track.example/NW1');
  });
});
