import type { Entry } from '../../knowledge/entry';
import type { Ticket } from '../../knowledge/ticket';

export const DAY = '2026-11-23';

export function entry(id: string, fields: Partial<Entry> = {}): Entry {
  return {
    schemaVersion: 1,
    id,
    title: fields.title ?? id,
    body: fields.body ?? `About ${id}.`,
    questions: fields.questions ?? [],
    tags: fields.tags ?? [],
    locale: fields.locale ?? 'en',
    status: fields.status ?? 'approved',
    owner: 'lead@example.com',
    ...(fields.reviewBy ? { reviewBy: fields.reviewBy } : { reviewBy: '2027-12-31' }),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: fields.version ?? 1,
    source: { format: 'json', file: 'test.json' },
    custom: {},
  };
}

export const ENTRIES: Entry[] = [
  entry('refund', {
    title: 'Refund for a returned order',
    questions: ['When do I get my money back?', 'I returned my parcel, where is my refund?'],
    body: 'Refunds are paid to the original payment method within 5 business days after the return arrives.',
    tags: ['returns', 'payments'],
  }),
  entry('tracking', {
    title: 'Where is my order?',
    questions: ['My package has not arrived', 'How can I track my parcel?'],
    body: 'You can follow your parcel with the tracking link in the shipping email.',
    tags: ['shipping'],
  }),
  entry('password', {
    title: 'Resetting your password',
    questions: ['I forgot my password', 'I cannot log in to my account'],
    body: 'Use "Forgot password" on the login page; the reset link is valid for one hour.',
    tags: ['accounts'],
  }),
  entry('invoice', {
    title: 'Getting an invoice',
    questions: ['I need an invoice for my company', 'Can you send me a VAT invoice?'],
    body: 'Invoices are in your account under Orders; they show the VAT number you entered.',
    tags: ['billing'],
  }),
  entry('rueckerstattung', {
    title: 'Rückerstattung nach einer Rücksendung',
    questions: ['Wann bekomme ich mein Geld zurück?', 'Wo bleibt meine Rückerstattung?'],
    body: 'Rückerstattungen erfolgen innerhalb von 5 Werktagen nach Eingang der Rücksendung.',
    locale: 'de',
  }),
  entry('draft-gift-cards', {
    title: 'Gift cards',
    questions: ['Can I pay with a gift card?'],
    body: 'Gift cards can be used at checkout.',
    status: 'draft',
  }),
  entry('stale-gift-wrap', {
    title: 'Gift wrapping',
    questions: ['Can you gift wrap my order?'],
    body: 'We gift wrap for free.',
    reviewBy: '2026-01-31',
  }),
];

export function ticket(subject: string, latestMessage: string, more: Partial<Ticket> = {}): Ticket {
  return { helpdesk: 'demo', id: '1', subject, requester: { name: 'Anna Berg' }, latestMessage, thread: [], tags: [], ...more };
}
