import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, ibanValid, luhnValid, redact } from '../../knowledge/redact.ts';

describe('checksums', () => {
  it('Luhn accepts card numbers and refuses one changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4111 1111')).toBe(false);
  });

  it('mod-97 accepts IBANs in any spacing or case and refuses a typo', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('gb29nwbk60161331926819')).toBe(true);
    expect(ibanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(ibanValid('DE89')).toBe(false);
  });
});

describe('redact', () => {
  it('keeps numbers that fail their checksum', () => {
    expect(redact('card 4111 1111 1111 1112, iban DE89 3704 0044 0532 0130 01')).toBe('card 4111 1111 1111 1112, iban DE89 3704 0044 0532 0130 01');
    expect(redact('card 4111 1111 1111 1111, iban DE89 3704 0044 0532 0130 00')).toBe('card [card], iban [iban]');
  });

  it('never takes a labelled identifier for a card or phone', () => {
    expect(redact('IMEI 356938035643809')).toBe('IMEI 356938035643809');
    expect(redact('number 356938035643809')).toBe('number [card]');
    expect(redact('Order no. 0171 2345678 / call 0171 2345678')).toBe('Order no. 0171 2345678 / call [phone]');
  });

  it('redacts names as whole words, any case, accents or not; common words only when capitalised', () => {
    const names = ['Mark Müller'];
    expect(redact('MARK MULLER wrote: mark my words, Mark. Müllerstraße 5, Mr müller', { names })).toBe(
      '[name] wrote: mark my words, [name]. [address], Mr [name]',
    );
  });

  it('finds names by their context too: greetings, sign-offs, honorifics, relations; not "Hi team"', () => {
    expect(redact('Regards, Anna')).toBe('Regards, [name]');
    expect(redact('Dear Ms. Dubois, my neighbour Tom Baker has it. Thanks,\nLena')).toBe('Dear Ms. [name], my neighbour [name] has it. Thanks,\n[name]');
    expect(redact('Hi team, thanks again! Best regards, Customer Service')).toBe('Hi team, thanks again! Best regards, Customer Service');
  });

  it('finds addresses and keeps look-alikes', () => {
    expect(redact('Send it to Lindenstraße 12, 10115 Berlin, or PO Box 1234.')).toBe('Send it to [address], or [address].');
    expect(redact('Order 10115 shipped 2026-11-23, SKU 100-2003-45, v2.14.3, 3 Items.')).toBe('Order 10115 shipped 2026-11-23, SKU 100-2003-45, v2.14.3, 3 Items.');
  });

  it('gives one span per piece of data, in order and never overlapping', () => {
    const text = 'Anna <anna@example.com> +49 30 1234567 Anna Schmidt';
    const spans = findPersonalData(text, { names: ['Anna Schmidt'] });
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([
      ['name', 'Anna'],
      ['email', 'anna@example.com'],
      ['phone', '+49 30 1234567'],
      ['name', 'Anna Schmidt'],
    ]);
  });

  it('is stable: redacting redacted text changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Hi ', 'Anna ', 'call +44 7700 900123. ', 'a@b.io ', 'card 4242 4242 4242 4242, ', 'order 12345 ', '2026-11-23 ', '€9.99 ')),
        (parts) => {
          const once = redact(parts.join(''), { names: ['Anna Smith'] });
          expect(redact(once, { names: ['Anna Smith'] })).toBe(once);
          expect(once).not.toMatch(/Anna|7700|a@b|4242/);
        },
      ),
    );
  });
});
