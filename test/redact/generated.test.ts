import { getExampleNumber, type CountryCode } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { findPersonalData, ibanValid, luhnValid } from '../../knowledge/redact.ts';
import { IBAN_LENGTHS } from '../../knowledge/redact/iban.ts';

/** True when one span found in `text` covers `part`, which starts at `at`. */
function covered(text: string, at: number, part: string): boolean {
  return findPersonalData(text).some((s) => s.start <= at && s.end >= at + part.length);
}

describe('generated: every country, every grouping', () => {
  it('finds an IBAN of every registry country, whole, in fours, with dashes, lowercase, in threes and fives', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const group = (s: string, n: number, sep: string) => s.match(new RegExp(`.{1,${n}}`, 'g'))!.join(sep);
    const missed: string[] = [];
    let total = 0;
    for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
      let bban = '';
      for (let i = 0; i < length - 4; i++) bban += random() < 0.85 ? String(Math.floor(random() * 10)) : 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(random() * 24)];
      const iban = [...Array(97).keys()].map((d) => `${country}${String(d).padStart(2, '0')}${bban}`).find((s) => ibanValid(s))!;
      for (const written of [iban, group(iban, 4, ' '), group(iban, 4, '-'), group(iban, 4, ' ').toLowerCase(), group(iban, 3, ' '), group(iban, 5, ' '), `${iban.slice(0, 2)} ${iban.slice(2, 4)} ${group(iban.slice(4), 4, ' ')}`]) {
        total += 1;
        if (!covered(`IBAN ${written}, thanks`, 5, written)) missed.push(written);
      }
    }
    expect(missed.length / total, missed.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('finds the example mobile number of 38 countries, international, national and E.164, with or without a word before it', () => {
    const countries = 'US CA GB IE DE AT CH FR BE NL LU ES PT IT PL CZ SE DK NO FI AU NZ IN BR MX JP CN KR TR GR RO HU ZA AE IL RU AR SG'.split(' ') as CountryCode[];
    const missed: string[] = [];
    let total = 0;
    for (const country of countries) {
      const example = getExampleNumber(country, examples)!;
      for (const written of [example.formatInternational(), example.formatNational(), String(example.number)]) {
        for (const before of ['Tel. ', 'Call me on ', 'please ']) {
          total += 1;
          if (!covered(`${before}${written} thanks`, before.length, written)) missed.push(`${country}: ${before}${written}`);
        }
      }
    }
    expect(missed.length / total, missed.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('finds card numbers of every network, in fours with spaces, dashes, dots or none, and Amex in 4-6-5', () => {
    const prefixes: [string, number][] = [['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['35', 16], ['36', 14], ['62', 16], ['6759', 19], ['4', 13]];
    const missed: string[] = [];
    let total = 0;
    prefixes.forEach(([prefix, length], n) => {
      let body = prefix;
      for (let i = 0; body.length < length - 1; i++) body += String((n * 7 + i * 3) % 10);
      const card = [...Array(10).keys()].map((d) => body + d).find((c) => luhnValid(c))!;
      const fours = (sep: string) => card.match(/.{1,4}/g)!.join(sep);
      const ways = [card, fours(' '), fours('-'), fours('.')];
      if (length === 15) ways.push(`${card.slice(0, 4)} ${card.slice(4, 10)} ${card.slice(10)}`);
      for (const written of ways) {
        total += 1;
        if (!covered(`card ${written} please`, 5, written)) missed.push(written);
      }
    });
    expect(missed, missed.join('\n')).toEqual([]);
    expect(total).toBeGreaterThan(50);
  });
});
