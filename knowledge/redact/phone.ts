import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { OTHER_LETTER, labelledAsIdentifier } from './labels.ts';

/**
 * Phone numbers. A phone-shaped stretch (digits, spaces, ( ) . - /, a leading + or 00) is a phone
 * when libphonenumber-js (Google's metadata, "min" set) says it is a possible number: for its
 * country code when written internationally, else for one of the countries whose people write it
 * that way. Shape rules keep dates, versions, IP addresses, amounts and labelled identifiers out.
 */
export function findPhones(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    let start = m.index;
    let s = m[0];
    if (s.startsWith('(') && count(s, '(') > count(s, ')')) {
      s = s.slice(1);
      start++;
    }
    if (labelledAsIdentifier(text, start) || amountAround(text, start, start + s.length)) continue;
    const context = phoneContextBefore(text, start);
    if (isPhone(s, context)) {
      found.push([start, start + s.length + extensionLength(text.slice(start + s.length))]);
      continue;
    }
    // "030 1234567 / 0171 2345678": two numbers side by side, each a phone on its own.
    let offset = 0;
    for (const piece of s.split(/(?<=\d)(?: [/-] |\n)(?=[\d(])/)) {
      const at = start + s.indexOf(piece, offset);
      offset = at - start + piece.length;
      if (piece !== s && isPhone(piece, context)) found.push([at, at + piece.length]);
    }
  }
  return found;
}

const PHONE_RUN = new RegExp(
  String.raw`(?<!${OTHER_LETTER}|[\p{N}+#@/.=_$€£¥-]|\d[:,])(?:\(\+\d{1,3}\)[ \u00a0]?|\+[ \u00a0]?)?[\d(](?:[\d()/-]|[.\u2011\u2013](?=\d)|[ \u00a0](?=[\d(])|[ \u00a0][/-][ \u00a0](?=\d)|\n(?=[\d(]))*\d(?!${OTHER_LETTER}|\p{N}|[.,]\d|:\d|%)`,
  'gu',
);
const DATE_LIKE = /^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4}))$/;
const IP_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Words that announce a phone number just before it (several languages). */
const PHONE_CONTEXT =
  /(?<!\p{L})(?:phone|tel|telephone|mobile|mob|cell|cellphone|call|ring|text|sms|whatsapp|signal|fax|reach|contact|number|handy|telefon|telefonnummer|rufnummer|mobil|anrufen|erreichbar|téléphone|tél|portable|joindre|appeler|teléfono|tfno|móvil|celular|llamar|telefono|cellulare|chiamare|numero|telefoon|mobiel|bellen|nummer|telefonu|komórka|tlf|mobilnummer|puhelin|telefone|telemóvel|ligar|電話|携帯)\b[^\p{L}\p{N}]{0,12}(?:\p{L}+[^\p{L}\p{N}]{1,3}){0,3}$/iu;

function phoneContextBefore(text: string, start: number): boolean {
  return PHONE_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
}

/** Countries whose numbers are written without a trunk 0 at home (and so look like nothing in particular). */
const NO_TRUNK: CountryCode[] = ['US', 'ES', 'PT', 'PL', 'DK', 'NO', 'IT', 'MX', 'IN', 'GR', 'CZ', 'BR', 'CN', 'LU'];
/** Countries whose national numbers start with a trunk 0 (or 8 in Russia), to check a number like 030 1234567. */
const TRUNK: CountryCode[] = ['DE', 'GB', 'FR', 'NL', 'BE', 'AT', 'CH', 'IT', 'IE', 'SE', 'FI', 'AU', 'JP', 'IN', 'BR', 'TR', 'RU', 'ZA', 'NZ', 'IL', 'SK', 'HU', 'RO', 'AR'];

function isPhone(s: string, context: boolean): boolean {
  if (count(s, '(') !== count(s, ')') || DATE_LIKE.test(s) || IP_LIKE.test(s) || /[./-]{2}|\/.*\//.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  const n = digits.length;
  const groups = s.split(/\D+/).filter(Boolean);
  if (s.includes('.') && !s.startsWith('+') && groups.some((g) => g.length < 2)) return false; // versions
  // Opening hours (10.30-12.00) and sizes (38-40-42-44) mix separators or pair digits with dashes.
  if (!s.startsWith('+') && s.includes('.') && /[-–]/.test(s)) return false;
  if (!context && /^[1-9]\d(?:-\d{2}){3,}$/.test(s)) return false;
  if (s.startsWith('+') || s.startsWith('(+') || /^00[1-9]/.test(s)) {
    // +49 (0)30 ...: the trunk 0 in parentheses is not dialled from abroad.
    const international = '+' + s.replace(/^\(?\+|^00/, '').replace(/\(0\)/, '').replace(/\D/g, '');
    // Grouped as phone numbers are, a number after + is one even where the metadata has moved on (+52 1 55 ...).
    return n >= 7 && (possible(international) || (n >= 9 && n <= 15 && groups.length >= 3));
  }
  const grouped = groups.length >= 2;
  if (/^\d{1,3} \(/.test(s) || s.startsWith('(') || s.startsWith('0') || /^8[ (]/.test(s)) {
    // Trunk (0, or 8 before an area code in parentheses) or an area code in parentheses.
    if (n < 7 || n > 13) return false;
    if (!grouped && !context && n > 11) return false;
    return TRUNK.some((c) => possible(digits, c)) || NO_TRUNK.some((c) => possible(digits, c)) || (s.startsWith('0') && n >= 9);
  }
  if (US_LIKE.test(s) || (context && /^\d{3}[-. ]\d{4}$/.test(s))) return true;
  if (!context) {
    // Without a word like "phone" before it, a number without trunk or country code must be grouped
    // as people group phone numbers, and not start with a year ("2026-7781").
    if (!grouped || groups.some((g) => g.length < 2) || /^(?:19|20)\d\d\D/.test(s)) return false;
    if (groups.length === 2 && !TWO_GROUP_MOBILE.some((re) => re.test(s))) return false;
  }
  if (n < 8 || n > 11) return false;
  return NO_TRUNK.some((c) => possible(digits, c)) || (context && TRUNK.some((c) => possible('0' + digits, c)));
}

/** Mobile numbers written in two groups: Italian 347 1234567, Indian 98765 43210. */
const TWO_GROUP_MOBILE = [/^3\d{2}[ -]\d{6,7}$/, /^[6-9]\d{4}[ -]\d{5}$/];
const US_LIKE = /^(?:1[ .-]?)?\d{3}[ .-]\d{3}[ .-]\d{4}$/;

function possible(number: string, country?: CountryCode): boolean {
  const p = parsePhoneNumberFromString(number, country);
  if (!p?.isPossible()) return false;
  // Fictional 555 numbers and other unassigned ranges are still people's numbers in our tickets: length is enough abroad, a valid pattern at home.
  return number.startsWith('+') || p.isValid();
}

/** Ten digits "1.299.000 €" or "$ 1 299 000": an amount, not a phone. */
function amountAround(text: string, start: number, end: number): boolean {
  return /(?:[$€£¥]|eur|usd|gbp|chf)\s*$/i.test(text.slice(Math.max(0, start - 5), start)) || /^\s*(?:[$€£¥]|eur\b|usd\b|gbp\b|chf\b|kr\b|zł|euro)/i.test(text.slice(end, end + 6));
}

/** "ext. 123", "x 45", "Durchwahl 12", "poste 4": an extension belongs to the number. */
function extensionLength(after: string): number {
  return /^,?\s*(?:ext\.?|extension|x|Durchwahl|DW|poste|int\.|interno|anexo|toestel|wewn\.)\s*\d{1,5}(?!\d)/i.exec(after)?.[0].length ?? 0;
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}
