import { findAddresses } from './redact/addresses.ts';
import { findCards } from './redact/card.ts';
import { findEmails } from './redact/emails.ts';
import { findIbans } from './redact/iban.ts';
import { findContextNames, findGivenNames, nameLineBefore } from './redact/names.ts';
import { findPhones } from './redact/phone.ts';

export { luhnValid } from './redact/card.ts';
export { ibanValid } from './redact/iban.ts';

/**
 * Personal data out of anything stored: emails (also "name at example dot com"), phone numbers
 * (international and national formats, validated with libphonenumber-js), payment cards
 * (Luhn-checked), IBANs (mod-97-checked, any grouping), postal addresses, and names (the
 * requester's, and any a greeting, sign-off, honorific or "my neighbour" introduces) become
 * [email], [phone], [card], [iban], [address], [name]. Checksums and labels keep order numbers,
 * tracking numbers, dates, versions and the like readable.
 */
export type PersonalDataType = 'email' | 'phone' | 'card' | 'iban' | 'address' | 'name';

export const PERSONAL_DATA_TYPES: readonly PersonalDataType[] = ['email', 'phone', 'card', 'iban', 'address', 'name'];

/** The tokens redact() writes: [email], [phone], ... */
export const REDACTED_TOKEN = new RegExp(`\\[(?:${PERSONAL_DATA_TYPES.join('|')})\\]`, 'g');

export interface PersonalDataSpan {
  type: PersonalDataType;
  start: number;
  end: number;
}

export interface RedactOptions {
  /** The requester's name(s): matched case-insensitively as whole words, full name and each part alone. */
  names?: readonly string[];
}

export function redact(text: string, options: RedactOptions = {}): string {
  return applySpans(text, findPersonalData(text, options));
}

/** Replaces each span by its token, e.g. [phone]. */
export function applySpans(text: string, spans: readonly PersonalDataSpan[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)}[${s.type}]${out.slice(s.end)}`;
  return out;
}

/**
 * Every piece of personal data found, in text order, never overlapping. Earlier detectors win:
 * email > iban > card > address > phone > name (checksummed and distinctive shapes first).
 */
export function findPersonalData(text: string, options: RedactOptions = {}): PersonalDataSpan[] {
  const taken: PersonalDataSpan[] = [];
  const detectors: [PersonalDataType, (t: string) => [number, number][]][] = [
    ['email', findEmails],
    ['iban', findIbans],
    ['card', findCards],
    ['address', findAddresses],
    ['phone', findPhones],
    ['name', (t) => findGivenNames(t, options.names ?? [])],
    ['name', findContextNames],
    ['name', (t) => addressees(t, taken)],
  ];
  for (const [type, find] of detectors) {
    for (const [start, end] of find(text)) {
      const overlapping = taken.filter((s) => start < s.end && s.start < end);
      // Names found twice ("Anna" as the requester, "Anna Müller" after "Dear") become their union.
      if (type === 'name' && overlapping.length && overlapping.every((s) => s.type === 'name')) {
        for (const s of overlapping) taken.splice(taken.indexOf(s), 1);
        taken.push({ type, start: Math.min(start, ...overlapping.map((s) => s.start)), end: Math.max(end, ...overlapping.map((s) => s.end)) });
      } else if (!overlapping.length) taken.push({ type, start, end });
    }
  }
  return mergeNames(text, taken.sort((a, b) => a.start - b.start));
}

/** The name on the line above an address block is its addressee. */
function addressees(text: string, taken: readonly PersonalDataSpan[]): [number, number][] {
  return taken.filter((s) => s.type === 'address').flatMap((s) => {
    const name = nameLineBefore(text, s.start);
    return name ? [name] : [];
  });
}

/** "Horváth Éva" found as two parts is one name: one [name], not "[name] [name]". */
function mergeNames(text: string, spans: PersonalDataSpan[]): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev?.type === 'name' && s.type === 'name' && /^\s+$/.test(text.slice(prev.end, s.start))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
