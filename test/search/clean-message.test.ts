import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../../knowledge/search/clean-message';
import { ticketQuery } from '../../knowledge/search/ticket-query';
import { ticket } from './fixtures';

describe('cleanMessage', () => {
  it('drops greetings, signatures and the quoted reply (en)', () => {
    const text = [
      'Hi team,',
      'my parcel has not arrived yet.',
      '',
      'Best regards,',
      'Anna Berg',
      'Head of Purchasing',
      '',
      'On Mon, 3 Nov 2026 at 10:02, Support <help@example.com> wrote:',
      '> Your refund has been issued.',
    ].join('\n');
    expect(cleanMessage(text)).toBe('my parcel has not arrived yet.');
  });

  it('cuts a two-line "On ... / wrote:" header and Outlook "From:" blocks', () => {
    expect(cleanMessage('Still waiting.\nOn Mon, 3 Nov 2026, Support <s@x.com>\nwrote:\nold text')).toBe('Still waiting.');
    expect(cleanMessage('Any news?\n\nFrom: Support <s@x.com>\nSent: Monday\nSubject: Re: order\nold text')).toBe('Any news?');
    expect(cleanMessage('Any news?\n-----Original Message-----\nold text')).toBe('Any news?');
  });

  it('drops "> " lines, "Sent from my iPhone", "-- " signatures and legal footers', () => {
    expect(cleanMessage('> quoted\nWhere is it?\nSent from my iPhone')).toBe('Where is it?');
    expect(cleanMessage('Where is it?\n-- \nAnna\nACME Ltd')).toBe('Where is it?');
    expect(cleanMessage('Where is it?\nThis email and any attachments are confidential and intended solely for the addressee.')).toBe('Where is it?');
  });

  it('handles German, French and Spanish mails', () => {
    expect(cleanMessage('Hallo,\nwo bleibt meine Rückerstattung?\nMit freundlichen Grüßen\nAnna\nAm 3. Nov. 2026 schrieb Support <s@x.de>:\n> alt')).toBe(
      'wo bleibt meine Rückerstattung?',
    );
    expect(cleanMessage('Diese E-Mail enthält vertrauliche Informationen.')).toBe('');
    expect(cleanMessage('Bonjour,\noù est mon colis ?\nCordialement\nMarie\nLe 3 nov. 2026, Support a écrit :\n> ancien')).toBe('où est mon colis ?');
    expect(cleanMessage('Hola,\n¿dónde está mi pedido?\nSaludos\nJuan\nEl 3 nov 2026, Support escribió:\n> viejo')).toBe('¿dónde está mi pedido?');
    expect(cleanMessage('Von: Support <s@x.de>\nGesendet: Montag\nBetreff: Bestellung\nalt')).toBe('');
  });

  it('keeps a sentence that merely starts like a greeting or a thank-you', () => {
    expect(cleanMessage('Hello I want to return my jacket')).toBe('Hello I want to return my jacket');
    expect(cleanMessage('Thanks for the quick refund, but one item is still missing from the box')).toBe(
      'Thanks for the quick refund, but one item is still missing from the box',
    );
    expect(cleanMessage('Hi, where is my order?')).toBe('where is my order?');
  });
});

describe('ticketQuery', () => {
  it('weights subject and latest message above the thread, and agent replies least', () => {
    const q = ticketQuery(
      ticket('Re: Refund', 'Still no money back', {
        thread: [
          { direction: 'customer', text: 'I returned the shoes' },
          { direction: 'agent', text: 'We are checking with the warehouse' },
          { direction: 'note', text: 'internal: call the courier' },
        ],
      }),
    );
    expect(q.parts.map((p) => p.text)).toEqual(['Refund', 'Still no money back', 'I returned the shoes', 'We are checking with the warehouse']);
    const [subject, latest, customer, agent] = q.parts.map((p) => p.weight);
    expect(subject).toBeGreaterThanOrEqual(latest!);
    expect(latest).toBeGreaterThan(customer!);
    expect(customer).toBeGreaterThan(agent!);
    expect(q.text).toBe('Refund\n\nStill no money back');
  });
});
